import { describe, expect, it } from 'vitest';
import { INDICATOR_NAMES, SEX_NAMES, UNIT_NAMES } from '../../src/core/statistics-names.js';
import { BUNDLED_IMPORTERS } from '../../src/server/importers/index.js';
import { DATAHUB_MESSAGES } from '../../src/web/i18n-datahub.js';

/**
 * The explorer and the API's SDMX structures name indicators and units in the reader's language,
 * from one table (src/core/statistics-names.ts), and the explorer describes them: every indicator
 * and unit of the bundled datasets has a French and a Spanish name and description (a user's own
 * file falls back to its English).
 */
describe('names of the bundled indicators in French and Spanish', () => {
  const indicators = new Map(BUNDLED_IMPORTERS.flatMap((i) => i.indicators).map((i) => [i.id, i]));

  it.each(['fr', 'es'] as const)('%s names every bundled indicator and unit, and no other', (lang) => {
    // src/core's tables: the names the API's SDMX structures give in this language.
    expect([...indicators.keys()].filter((id) => !INDICATOR_NAMES[lang][id])).toEqual([]);
    const units = new Set([...indicators.values()].map((i) => i.unit));
    expect([...units].filter((u) => !UNIT_NAMES[lang][u])).toEqual([]);
    // Names only for indicators and units that exist, so a renamed one is not left behind.
    expect(Object.keys(INDICATOR_NAMES[lang]).filter((id) => !indicators.has(id))).toEqual([]);
    expect(Object.keys(UNIT_NAMES[lang]).filter((u) => !units.has(u))).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s: the explorer shows the names the API gives, written once', (lang) => {
    // The UI's dictionary takes src/core's tables themselves, not a copy that could drift from them.
    const t = DATAHUB_MESSAGES[lang];
    expect(t.indicatorNames).toBe(INDICATOR_NAMES[lang]);
    expect(t.unitNames).toBe(UNIT_NAMES[lang]);
    expect({ _T: t.sexTotal, F: t.sexFemale, M: t.sexMale, SEX: t.sexLabel }).toEqual(SEX_NAMES[lang]);
  });

  it.each(['fr', 'es'] as const)('%s describes every bundled indicator, and no other', (lang) => {
    const t = DATAHUB_MESSAGES[lang];
    expect([...indicators.keys()].filter((id) => !t.indicatorDescriptions[id])).toEqual([]);
    expect(Object.keys(t.indicatorDescriptions).filter((id) => !indicators.has(id))).toEqual([]);
    // The SDG target and its thresholds survive translation.
    expect(t.indicatorDescriptions.remittance_cost_pct).toMatch(/10\.c.*3\u00a0?%.*5\u00a0?%/);
  });

  it('keeps the publishers’ series codes in the translated names', () => {
    const coded = [...indicators].flatMap(([id, indicator]) => {
      const code = /\b[A-Z]{2,4}(?:\.[A-Z]{2,5}){2,}\b/.exec(indicator.name)?.[0];
      return code ? [[id, code] as const] : [];
    });
    expect(coded.map(([, code]) => code)).toContain('BX.TRF.PWKR.CD.DT');
    for (const lang of ['fr', 'es'] as const) {
      for (const [id, code] of coded)
        expect(DATAHUB_MESSAGES[lang].indicatorNames[id], `${lang} ${id}`).toContain(code);
    }
  });
});
