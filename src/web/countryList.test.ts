import { describe, expect, it } from 'vitest';
import type { CountrySummary, IncomeGroup } from '../core/countries.js';
import { readCountryListState, sortCountries, toCountryListQuery } from './countryList.js';

function buildCountry(
  code: string,
  name: string,
  options: { region?: string; group?: IncomeGroup | null } = {},
): CountrySummary {
  const group = options.group === undefined ? 'LM' : options.group;
  return {
    code,
    kind: 'country',
    iso2: null,
    isoNumeric: null,
    m49: null,
    name,
    names: { en: name, fr: null, es: null, ar: null, zh: null, ru: null },
    region: options.region ? { code: '000', name: options.region } : null,
    subregion: null,
    intermediateRegion: null,
    wbRegion: null,
    incomeGroup: { fiscalYear: 2025, fiscalYearLabel: 'FY25', gniYear: 2023, group, sourceValue: group },
    ldc: false,
    lldc: false,
    sids: false,
    hasData: true,
  };
}

describe('readCountryListState', () => {
  it('lists ISO countries sorted by name when the URL says nothing', () => {
    expect(readCountryListState(new URLSearchParams())).toMatchObject({
      kind: 'country',
      sort: 'name',
      dir: 'asc',
      q: '',
    });
  });

  it('ignores a sort column it does not know', () => {
    expect(readCountryListState(new URLSearchParams('sort=population&dir=desc'))).toMatchObject({
      sort: 'name',
      dir: 'desc',
    });
  });
});

describe('toCountryListQuery', () => {
  it('passes filters through, trims the search and leaves empty ones out', () => {
    const state = readCountryListState(new URLSearchParams('q=%20fil%20&region=142&fiscalYear=FY10&kind=all'));
    expect(toCountryListQuery(state, 'es')).toEqual({
      lang: 'es',
      q: 'fil',
      region: '142',
      fiscalYear: 'FY10',
      kind: 'all',
    });
  });
});

describe('sortCountries', () => {
  const items = [
    buildCountry('ECU', 'Équateur', { region: 'Americas', group: 'UM' }),
    buildCountry('EGY', 'Égypte', { region: 'Africa', group: 'LM' }),
    buildCountry('ATA', 'Antarctique', { group: null }),
    buildCountry('ZAF', 'Afrique du Sud', { region: 'Africa', group: 'UM' }),
    buildCountry('NER', 'Niger', { region: 'Africa', group: 'L' }),
  ];
  const codes = (list: CountrySummary[]) => list.map((c) => c.code);

  it('sorts names with the collation of the UI language, accents included', () => {
    expect(codes(sortCountries(items, 'name', 'asc', 'fr'))).toEqual(['ZAF', 'ATA', 'EGY', 'ECU', 'NER']);
  });

  it('orders income groups from low to high and keeps unclassified areas last both ways', () => {
    expect(codes(sortCountries(items, 'income', 'asc', 'fr'))).toEqual(['NER', 'EGY', 'ZAF', 'ECU', 'ATA']);
    expect(codes(sortCountries(items, 'income', 'desc', 'fr'))).toEqual(['ZAF', 'ECU', 'EGY', 'NER', 'ATA']);
  });

  it('keeps areas without a region last and breaks ties by name', () => {
    expect(codes(sortCountries(items, 'region', 'desc', 'fr'))).toEqual(['ECU', 'ZAF', 'EGY', 'NER', 'ATA']);
  });
});
