import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/server/paths.js';
import { M49_TRANSLATED_CODES, m49Name, wbRegionText } from '../../src/web/m49-names.js';

/** Every region, sub-region and intermediate region of the bundled UNSD M49 file is named in French and Spanish. */
describe('M49 region names in French and Spanish', () => {
  const rows = parse(gunzipSync(readFileSync(path.join(ROOT_DIR, 'data', 'reference', 'UNSD-M49-en.csv.gz'))), {
    bom: true,
    columns: true,
  }) as Record<string, string>[];
  const regions = new Map<string, string>();
  for (const r of rows) {
    for (const [code, name] of [
      ['Region Code', 'Region Name'],
      ['Sub-region Code', 'Sub-region Name'],
      ['Intermediate Region Code', 'Intermediate Region Name'],
    ] as const) {
      if (r[code]) regions.set(r[code], r[name] ?? '');
    }
  }

  it('has the regions of the file', () => {
    expect(regions.get('142')).toBe('Asia');
    expect(regions.size).toBeGreaterThan(25);
  });

  it.each(['fr', 'es'] as const)('%s names each of them, and no other code', (lang) => {
    expect([...regions.keys()].filter((code) => m49Name(lang, code, regions.get(code) ?? '').lang === 'en')).toEqual(
      [],
    );
    expect(M49_TRANSLATED_CODES[lang].filter((code) => !regions.has(code))).toEqual([]);
  });

  it('keeps English as the API gives it, and marks an unknown code as English elsewhere', () => {
    expect(m49Name('en', '142', 'Asia')).toEqual({ text: 'Asia', lang: undefined });
    expect(m49Name('fr', '419', 'Latin America and the Caribbean')).toEqual({
      text: 'Amérique latine et Caraïbes',
      lang: undefined,
    });
    expect(m49Name('es', '999', 'Somewhere')).toEqual({ text: 'Somewhere', lang: 'en' });
  });
});

/** Every World Bank region of the bundled WDI country metadata is named in French and Spanish. */
describe('World Bank region names in French and Spanish', () => {
  const file = path.join(ROOT_DIR, 'data', 'reference', 'wdi_country_metadata_region_incomegroup_2023-10.csv.gz');
  const rows = parse(gunzipSync(readFileSync(file)), { bom: true, columns: true }) as Record<string, string>[];
  const regions = [...new Set(rows.map((r) => r.Region ?? '').filter(Boolean))];

  it.each(['fr', 'es'] as const)('%s names each of them', (lang) => {
    expect(regions.length).toBe(7);
    expect(regions.filter((name) => wbRegionText(lang, name).lang === 'en')).toEqual([]);
  });

  it('keeps English as it is, and marks an unknown region as English elsewhere', () => {
    expect(wbRegionText('en', 'South Asia')).toEqual({ lang: undefined, children: 'South Asia' });
    expect(wbRegionText('fr', 'Sub-Saharan Africa')).toEqual({ lang: undefined, children: 'Afrique subsaharienne' });
    // The region of July 2024 is named too; a name the table does not know stays English, marked so.
    expect(wbRegionText('es', 'Middle East, North Africa, Afghanistan & Pakistan')).toEqual({
      lang: undefined,
      children: 'Oriente Medio, Norte de África, Afganistán y Pakistán',
    });
    expect(wbRegionText('es', 'Atlantis & Lemuria')).toEqual({ lang: 'en', children: 'Atlantis & Lemuria' });
  });
});
