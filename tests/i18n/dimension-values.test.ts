import { describe, expect, it } from 'vitest';
import { DIOC_EDUCATION, DIOC_LABOUR_FORCE } from '../../src/core/statistics-terms.js';
import { DIOC_VOCABULARY } from '../../src/server/importers/dioc.js';
import { DATAHUB_MESSAGES } from '../../src/web/i18n-datahub.js';

/**
 * The explorer's category controls name OECD DIOC's codes in the reader's language: every
 * dimension and every code the DIOC importer accepts, in English, French and Spanish.
 */
describe('names of the OECD DIOC dimensions and their codes', () => {
  const ownLists: Record<string, readonly { code: string }[]> = { edu_lfs: DIOC_EDUCATION, lfs: DIOC_LABOUR_FORCE };

  it.each(['en', 'fr', 'es'] as const)('%s names every dimension and code the importer accepts', (lang) => {
    const t = DATAHUB_MESSAGES[lang];
    const unnamedDimensions = Object.keys(DIOC_VOCABULARY).filter((dim) => /\(/.test(t.dimensionLabel(dim)));
    expect(unnamedDimensions).toEqual([]);
    const unnamedCodes = Object.entries(DIOC_VOCABULARY).flatMap(([dim, codes]) =>
      codes
        .filter((code) => !ownLists[dim]?.some((v) => v.code === code) && !t.dimensionValues[dim]?.[code])
        .map((code) => `${dim}=${code}`),
    );
    expect(unnamedCodes).toEqual([]);
    // Names only for codes that exist, so a code the importer drops is not left behind.
    const stale = Object.entries(t.dimensionValues).flatMap(([dim, values]) =>
      Object.keys(values)
        .filter((code) => !DIOC_VOCABULARY[dim]?.includes(code))
        .map((code) => `${dim}=${code}`),
    );
    expect(stale).toEqual([]);
  });
});
