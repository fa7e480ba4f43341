import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database.js';
import { readSourceFile } from '../ingest/read-source.js';
import { AreaResolver } from '../stats/area-resolver.js';
import { STATS_DATA_DIR } from '../stats/import-dataset.js';
import type { AggregateArea } from '../stats/model.js';
import { BUNDLED_IMPORTERS } from './index.js';
import { bundledAggregate, bundledAggregates } from './user-files-aggregates.js';

// Reads the bundled files only: the engine does not matter, PGlite is enough.
describe('the aggregates a user’s file may name by code', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('are exactly those the bundled importers declare, with their publishers (and, but the World Bank’s, names)', async () => {
    const declared = new Map<string, AggregateArea>();
    for (const importer of BUNDLED_IMPORTERS) {
      const areas = await AreaResolver.load(testDb.database.db);
      const parsed = await importer.read({ file: (name) => readSourceFile(path.join(STATS_DATA_DIR, name)), areas });
      for (const a of [...(parsed.aggregates ?? []), ...areas.aggregates]) declared.set(a.code, a);
    }
    const known = bundledAggregates();
    expect([...known.keys()].sort()).toEqual([...declared.keys()].sort());
    for (const [code, a] of declared) {
      const k = known.get(code);
      expect(k?.publisher, code).toBe(a.publisher);
      // The WDI editions name some of theirs differently from one another ("… (IDA & IBRD
      // countries)"); Bridges' list names them as the WDI country metadata does.
      if (!code.startsWith('WB_')) expect(k, code).toEqual(a);
    }
    expect(known.size).toBe(107);
  }, 180_000);

  it('are found by their code in any case, and nothing else is', () => {
    expect(bundledAggregate(' wb_wld ')).toMatchObject({
      code: 'WB_WLD',
      name: 'World',
      publisher: 'World Bank (WDI)',
    });
    expect(bundledAggregate('WB_TEA')?.name).toBe('East Asia & Pacific (IDA & IBRD)');
    expect(bundledAggregate('WLD')).toBeUndefined();
    expect(bundledAggregate('PHL')).toBeUndefined();
  });
});
