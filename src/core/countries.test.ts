import { describe, expect, it } from 'vitest';
import { CountryListQuery, fiscalYearLabel, parseFiscalYear } from './countries.js';

describe('fiscal years', () => {
  it.each([
    ['FY25', 2025],
    ['fy89', 1989],
    ['2010', 2010],
    ['FY2000', 2000],
    [' FY05 ', 2005],
  ])('%s → %d', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it.each(['FY70', '1988', '2026', 'FY', 'last', '20x5', ''])('refuses %j', (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });

  it('labels a year as the World Bank does', () => {
    expect(fiscalYearLabel(2025)).toBe('FY25');
    expect(fiscalYearLabel(2005)).toBe('FY05');
    expect(fiscalYearLabel(1999)).toBe('FY99');
  });
});

describe('country list query', () => {
  it('refuses unknown parameters, naming them', () => {
    const r = CountryListQuery.safeParse({ q: 'x', sort: 'name' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('sort');
  });

  it('trims and accepts the documented values', () => {
    expect(CountryListQuery.parse({ q: '  philip ', region: '142', incomeGroup: 'LM', fiscalYear: 'FY25' })).toEqual({
      q: 'philip',
      region: '142',
      incomeGroup: 'LM',
      fiscalYear: 'FY25',
    });
  });
});
