import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  everyYear,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPeriodRange,
  formatUsd,
  formatValue,
  periodPosition,
  unitKind,
} from './format.js';

// Intl puts no-break spaces (U+00A0, U+202F) where French and Spanish want them; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in the three UI languages', () => {
  it('write US$ at a readable scale, as each language does', () => {
    expect(formatUsd(1.2e9, 'en')).toBe('US$ 1.2 bn');
    expect(plain(formatUsd(1.2e9, 'fr'))).toBe('1,2 Md US$');
    expect(plain(formatUsd(1.2e9, 'es'))).toBe('1.200 M US$');
    expect(formatUsd(350e6, 'en')).toBe('US$ 350 m');
    expect(formatUsd(12_345, 'en')).toBe('US$ 12,345');
    // Where a heading already says US$, the scale stays and the currency goes.
    expect(formatUsd(1.2e9, 'en', false)).toBe('1.2 bn');
    expect(plain(formatUsd(1.2e9, 'fr', false))).toBe('1,2 Md');
    expect(plain(formatUsd(1.2e9, 'es', false))).toBe('1.200 M');
    expect(formatUsd(12_345, 'en', false)).toBe('12,345');
  });

  it('group thousands and write percentages with the language’s signs', () => {
    expect(formatNumber(2_263_697, 'en')).toBe('2,263,697');
    expect(plain(formatNumber(2_263_697, 'fr'))).toBe('2 263 697');
    expect(formatNumber(1200, 'es')).toBe('1.200');
    expect(formatPercent(5.32, 'en')).toBe('5.3%');
    expect(plain(formatPercent(5.32, 'fr'))).toBe('5,3 %');
    // A minimum keeps a column of costs alike: 5.1 is written 5.10 beside 4.78.
    expect(formatPercent(5.1, 'en', 2, 2)).toBe('5.10%');
    expect(formatPercent(4.78, 'en', 2, 2)).toBe('4.78%');
  });

  it('write one minus sign, the typographic one, in every language', () => {
    expect(formatNumber(-4.35, 'en', 2)).toBe('\u22124.35');
    expect(formatPercent(-10, 'fr')).toBe('\u221210\u00a0%');
    expect(formatPercent(-19.86, 'es', 2)).toBe('\u221219,86\u00a0%');
    expect(formatUsd(-2_500_000_000, 'en')).toBe('US$ \u22122.5 bn');
    // A value that rounds to zero has no sign.
    expect(formatPercent(-0.004, 'en')).toBe('0%');
    expect(plain(formatNumber(-0.2, 'fr', 0))).toBe('0');
  });

  it('read the unit the API gives', () => {
    expect(unitKind('US$ millions')).toEqual({ kind: 'usd', toUsd: 1e6 });
    expect(unitKind('percent of amount sent')).toEqual({ kind: 'percent' });
    expect(unitKind('persons')).toEqual({ kind: 'count' });
    expect(formatValue(12_836.6, 'US$ millions', 'en')).toBe('US$ 12.8 bn');
    // Rates keep two decimals, so a column of them reads alike.
    expect(formatValue(12.2, 'percent of amount sent', 'en')).toBe('12.20%');
    expect(formatValue(12.269, 'percent of amount sent', 'en')).toBe('12.27%');
  });

  it('write quarters and half-years as each language does, years as they are', () => {
    expect(plain(formatPeriod('2025-Q1', 'en'))).toBe('Q1 2025');
    expect(plain(formatPeriod('2025-Q1', 'fr'))).toBe('T1 2025');
    expect(plain(formatPeriod('2025-Q4', 'es'))).toBe('T4 2025');
    expect(plain(formatPeriod('2020-S2', 'en'))).toBe('H2 2020');
    expect(plain(formatPeriod('2020-S2', 'fr'))).toBe('S2 2020');
    expect(formatPeriod('2024', 'fr')).toBe('2024');
    expect(plain(formatPeriodRange('2016-Q2', '2025-Q1', 'fr'))).toBe('T2 2016–T1 2025');
    expect(formatPeriodRange('2024', '2024', 'en')).toBe('2024');
    expect(formatPeriodRange(null, null, 'en')).toBe('—');
  });

  it('place quarters and half-years on a time axis', () => {
    expect(periodPosition('2011-Q3')).toBe(2011.5);
    expect(periodPosition('2020-S2')).toBe(2020.5);
    expect(periodPosition('2024')).toBe(2024);
    expect(['2012-Q1', '2011-Q4', '2011-Q1'].sort(comparePeriods)).toEqual(['2011-Q1', '2011-Q4', '2012-Q1']);
  });
});

describe('the years of a yearly chart', () => {
  it('lists every year between the first and the last, so that a missing one is a gap', () => {
    expect(everyYear(['2019', '2016', '2020'])).toEqual(['2016', '2017', '2018', '2019', '2020']);
    expect(everyYear(['2024'])).toEqual(['2024']);
    expect(everyYear([])).toEqual([]);
    // Quarters are not years: as given.
    expect(everyYear(['2016-Q1', '2016-Q3'])).toEqual(['2016-Q1', '2016-Q3']);
  });
});
