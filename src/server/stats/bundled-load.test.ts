import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import type { Database } from '../db/database.js';
import { BundledLoadStatus, loadBundledDatasets, StatisticsRefresh } from './bundled-load.js';
import type { Importer } from './model.js';

/** The database, with every ANALYZE run through it counted. */
function countingAnalyzes(database: Database): { counted: Database; analyzes: { count: number } } {
  const analyzes = { count: 0 };
  const counted: Database = {
    ...database,
    withRawSession: (fn) =>
      database.withRawSession((s) =>
        fn({
          ...s,
          exec: async (script) => {
            if (/^(VACUUM \(ANALYZE\) |ANALYZE )series\b/.test(script)) analyzes.count++;
            await s.exec(script);
          },
        }),
      ),
  };
  return { counted, analyzes };
}

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
    const { counted, analyzes } = countingAnalyzes(testDb.database);
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
    expect(analyzes.count).toBe(4);
    const [stats] = await testDb.database.withRawSession((s) =>
      s.query<{ estimated: number; actual: number }>(
        `SELECT (SELECT reltuples::int FROM pg_class WHERE oid = 'observation'::regclass) AS estimated,
                (SELECT count(*)::int FROM observation) AS actual`,
      ),
    );
    expect(stats).toEqual({ estimated: 45, actual: 45 });

    // A second start finds them loaded: nothing is written, nothing analysed.
    analyzes.count = 0;
    const again = new BundledLoadStatus(importers);
    await loadBundledDatasets(
      counted,
      importers.filter((i) => i !== broken),
      again,
      { info: () => {}, error: () => {} },
    );
    expect([...again.datasets.values()].filter((d) => d.state === 'unchanged')).toHaveLength(5);
    expect(analyzes.count).toBe(0);
  });

  it('refreshes the statistics of a run of imports as the rows written double, and once at the end', async () => {
    const { counted, analyzes } = countingAnalyzes(testDb.database);
    const statistics = new StatisticsRefresh(counted);
    await statistics.wrote(10); // 10 ≥ 2 × 0
    expect(analyzes.count).toBe(1);
    await statistics.wrote(5); // 15 < 20
    expect(analyzes.count).toBe(1);
    await statistics.wrote(5); // 20 ≥ 20
    expect(analyzes.count).toBe(2);
    await statistics.finish(); // nothing written since
    expect(analyzes.count).toBe(2);
    await statistics.wrote(1);
    await statistics.finish();
    expect(analyzes.count).toBe(3);
  });
});
