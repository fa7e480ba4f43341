import { describe, expect, it } from 'vitest';
import { noAreaHas } from './unknown-codes.js';

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
