import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import type { Database } from '../db/database.js';
import { BundledLoadStatus, loadBundledDatasets } from './bundled-load.js';
import type { Importer } from './model.js';

describe.each(testEngines())('the bundled load on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await testDb.drop();
  });

  it('loads each dataset in turn, reports a failing one and goes on, and leaves the planner fresh statistics', async () => {
    const broken: Importer = {
      ...tinyImporter('tiny-broken'),
      read: () => {
        throw new Error('tiny-broken.csv (line 2): "x" is not a number');
      },
    };
    const importers = [
      tinyImporter('tiny-1'),
      tinyImporter('tiny-2'),
      broken,
      tinyImporter('tiny-3'),
      tinyImporter('tiny-4'),
      tinyImporter('tiny-5'),
    ];
    // Every ANALYZE the load runs, counted.
    let analyzes = 0;
    const counted: Database = {
      ...testDb.database,
      withRawSession: (fn) =>
        testDb.database.withRawSession((s) =>
          fn({
            ...s,
            exec: async (script) => {
              if (/^ANALYZE\b/.test(script)) analyzes++;
              await s.exec(script);
            },
          }),
        ),
    };
    const status = new BundledLoadStatus(importers);
    const errors: string[] = [];
    await loadBundledDatasets(counted, importers, status, { info: () => {}, error: (m) => errors.push(m) });

    expect(Object.fromEntries([...status.datasets].map(([id, d]) => [id, d.state]))).toEqual({
      'tiny-1': 'loaded',
      'tiny-2': 'loaded',
      'tiny-broken': 'failed',
      'tiny-3': 'loaded',
      'tiny-4': 'loaded',
      'tiny-5': 'loaded',
    });
    expect(errors).toEqual(['Could not load tiny-broken: tiny-broken.csv (line 2): "x" is not a number']);
    expect(status.done).toBe(true);
    // Refreshed as the rows double (9, 18, 36) and at the end (45): four times for five loads.
    expect(analyzes).toBe(4);
    const [stats] = await testDb.database.withRawSession((s) =>
      s.query<{ estimated: number; actual: number }>(
        `SELECT (SELECT reltuples::int FROM pg_class WHERE oid = 'observation'::regclass) AS estimated,
                (SELECT count(*)::int FROM observation) AS actual`,
      ),
    );
    expect(stats).toEqual({ estimated: 45, actual: 45 });

    // A second start finds them loaded: nothing is written, nothing analysed.
    analyzes = 0;
    const again = new BundledLoadStatus(importers);
    await loadBundledDatasets(
      counted,
      importers.filter((i) => i !== broken),
      again,
      { info: () => {}, error: () => {} },
    );
    expect([...again.datasets.values()].filter((d) => d.state === 'unchanged')).toHaveLength(5);
    expect(analyzes).toBe(0);
  });
});
