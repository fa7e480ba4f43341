import { describe, expect, it } from 'vitest';
import { m49CodeOf, m49Hint, noAreaHas } from './unknown-codes.js';

describe('the wording of an unknown area code', () => {
  it('names the code, or the codes', () => {
    expect(noAreaHas(['XYZ'])).toBe('no country or area has the code "XYZ"');
    expect(noAreaHas(['XYZ', 'QQQ'])).toBe('no country or area has the codes "XYZ", "QQQ"');
  });

  it('names the code a two-letter ISO code stands for here, where the caller knows it', () => {
    const senegal = (iso2: string) => (iso2 === 'SN' ? { code: 'SEN', name: 'Senegal' } : undefined);
    expect(noAreaHas(['sn'], senegal)).toBe(
      'no country or area has the code "sn": "sn" is the ISO 3166-1 alpha-2 code of Senegal, whose code here is SEN (areas go by their ISO alpha-3 codes)',
    );
    // Not a two-letter code, or one no area has: the plain wording.
    expect(noAreaHas(['SNN', 'QQ'], senegal)).toBe('no country or area has the codes "SNN", "QQ"');
    expect(noAreaHas(['SN'])).toBe('no country or area has the code "SN"');
  });

  it('names the publishers’ world aggregates for a code of the world, in any case', () => {
    for (const code of ['WLD', 'wld', 'World', 'W00']) {
      const message = noAreaHas([code]);
      expect(message, code).toMatch(new RegExp(`^no country or area has the code "${code}": the world is`));
      expect(message, code).toContain('WB_WLD (World Bank, WDI), KNOMAD_WORLD (KNOMAD), UNDESA_900 (UN DESA)');
    }
    expect(noAreaHas(['XYZ', 'WLD'])).toMatch(/^no country or area has the codes "XYZ", "WLD": the world is/);
  });
});

describe('the wording of an M49 number where an area code is expected', () => {
  const philippines = { kind: 'area', code: 'PHL', name: 'the Philippines' } as const;
  const africa = { kind: 'region', level: 'region', name: 'Africa', aggregate: 'UNDESA_903' } as const;

  it('reads one to three digits as an M49 code, leading zeros or not', () => {
    expect(['608', ' 8 ', '08', '008', '0608', 'PHL', ''].map(m49CodeOf)).toEqual([
      '608',
      '008',
      '008',
      '008',
      null,
      null,
      null,
    ]);
  });

  it('names the code Bridges uses for an area, and the M49 code a number short of its zeros stands for', () => {
    expect(m49Hint('608', philippines, { aggregates: false })).toBe(
      '608 is the M49 code of the Philippines: Bridges uses PHL',
    );
    expect(m49Hint('8', { kind: 'area', code: 'ALB', name: 'Albania' }, { aggregates: false })).toBe(
      '8 (008) is the M49 code of Albania: Bridges uses ALB',
    );
  });

  it('names a region’s UN DESA aggregate only where aggregates are taken, and the list’s filter by it', () => {
    expect(m49Hint('002', africa, { aggregates: true })).toBe(
      '002 is the code of the M49 region Africa, no country or area: UN DESA’s aggregate of it is UNDESA_903, and /api/countries?region=002 lists its countries and areas',
    );
    expect(m49Hint('2', { ...africa, aggregate: null }, { aggregates: true })).toBe(
      '2 (002) is the code of the M49 region Africa, no country or area: /api/countries?region=002 lists its countries and areas',
    );
    // Where the request has a parameter of its own for regions (search's `region`): that one.
    expect(m49Hint('002', africa, { aggregates: false, regionParameter: 'region' })).toBe(
      '002 is the code of the M49 region Africa, no country or area: ask for it with region=002',
    );
    expect(
      m49Hint(
        '014',
        { ...africa, level: 'intermediate', name: 'Eastern Africa', aggregate: null },
        { aggregates: false },
      ),
    ).toBe('014 is the code of the M49 intermediate region Eastern Africa, no country or area');
  });

  it('names the world’s aggregates for 001, and says when a number is no M49 code either', () => {
    expect(m49Hint('1', undefined, { aggregates: true })).toMatch(
      /^1 \(001\) is the M49 code of the world, which is no country or area but an aggregate each publisher computes, WB_WLD/,
    );
    expect(m49Hint('999', undefined, { aggregates: true })).toBe(
      '999 is no area code, nor an M49 code the reference data has',
    );
  });
});
