import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readSourceFile } from '../ingest/read-source.js';
import { STATS_DATA_DIR } from '../stats/import-dataset.js';
import { REPEATS_2020, undesaIms2024 } from './undesa-ims.js';

describe('UN DESA International Migrant Stock, Revision 2024', () => {
  it('names in its caveats the destinations whose every 2024 figure is their 2020 figure, and only those', () => {
    const rows = parseCsv(readSourceFile(path.join(STATS_DATA_DIR, undesaIms2024.files[0] ?? '')), []);
    // Each destination's figures of 2020 and of 2024, by origin and sex.
    const figures = new Map<string, Map<string, { '2020'?: string; '2024'?: string }>>();
    for (const row of rows) {
      const year = row.get('year');
      if (year !== '2020' && year !== '2024') continue;
      const cells = figures.get(row.get('dest_iso3')) ?? new Map<string, { '2020'?: string; '2024'?: string }>();
      figures.set(row.get('dest_iso3'), cells);
      const key = `${row.get('origin_iso3')} ${row.get('sex')}`;
      cells.set(key, { ...cells.get(key), [year]: row.get('migrant_stock') });
    }
    const repeating = [...figures]
      .filter(([, cells]) => [...cells.values()].every((c) => c['2020'] !== undefined && c['2020'] === c['2024']))
      .map(([dest]) => dest)
      .sort();
    expect(figures.size).toBe(233);
    expect(repeating).toEqual(REPEATS_2020);
    const caveats = undesaIms2024.meta.caveats ?? '';
    expect(caveats).toContain('In two destinations of 233, the Philippines (87,212 migrants in all) and Niue (588)');
    const total = (dest: string) =>
      [...(figures.get(dest)?.values() ?? [])].reduce((sum, c) => sum + Number(c['2024']), 0);
    expect([total('PHL'), total('NIU')]).toEqual([87_212, 588]);
  });
});
