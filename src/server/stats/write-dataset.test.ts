import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { observationOf, tinyImporter } from '../../../tests/helpers/stats.js';
import type { RawSession } from '../db/database.js';
import { importDataset } from './import-dataset.js';
import { checkForeignKeys, seriesOrder, skipRowForeignKeyChecks } from './write-dataset.js';

describe.each(testEngines())('an import on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await testDb.drop();
  });

  const raw = <T>(fn: (s: RawSession) => Promise<T>) => testDb.database.withRawSession(fn);

  describe('its foreign keys', () => {
    it('are checked once for the edition, and enforced row by row again afterwards', async () => {
      const outcome = await importDataset(testDb.database, tinyImporter('tiny-a'));
      expect(outcome).toMatchObject({ loaded: true, series: 3, observations: 9 });
      const [orphans] = await raw((s) =>
        s.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM observation o WHERE NOT EXISTS (SELECT 1 FROM series s WHERE s.id = o.series_id)`,
        ),
      );
      expect(orphans?.n).toBe(0);
      await expect(
        raw((s) =>
          s.query(
            `INSERT INTO observation (series_id, period, period_start, value) VALUES (-1, '2020', '2020-01-01', 1)`,
          ),
        ),
      ).rejects.toThrow(/foreign key/);
    });

    it('are checked row by row when series has a trigger of its own, which fires', async () => {
      await raw((s) =>
        s.exec(`CREATE TABLE tiny_seen (n int);
              CREATE FUNCTION tiny_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tiny_seen VALUES (1); RETURN NEW; END $$;
              CREATE TRIGGER tiny_count AFTER INSERT ON series FOR EACH ROW EXECUTE FUNCTION tiny_count();`),
      );
      try {
        await raw(async (s) => {
          await s.exec('BEGIN');
          try {
            expect(await skipRowForeignKeyChecks(s)).toBe(false);
            const [role] = await s.query<{ r: string }>(`SELECT current_setting('session_replication_role') AS r`);
            expect(role?.r).toBe('origin');
          } finally {
            await s.exec('ROLLBACK');
          }
        });
        await importDataset(testDb.database, tinyImporter('tiny-b'));
        const [seen] = await raw((s) => s.query<{ n: number }>('SELECT count(*)::int AS n FROM tiny_seen'));
        expect(seen?.n).toBe(3);
      } finally {
        await raw((s) => s.exec('DROP TRIGGER tiny_count ON series; DROP FUNCTION tiny_count(); DROP TABLE tiny_seen'));
      }
    });

    it('refuse, all at once, a series of a missing area and an observation of a missing series', async () => {
      // A series naming no area; then a good series, but an observation of no series.
      for (const [ref, refusal] of [
        ['ZZZ', /no area "ZZZ"/],
        ['PHL', /of 1 observations, 0 have one of them/],
      ] as const) {
        await raw(async (s) => {
          await s.exec('BEGIN');
          try {
            expect(await skipRowForeignKeyChecks(s)).toBe(true);
            const [{ id } = { id: 0 }] = await s.query<{ id: number }>(`SELECT nextval('series_id_seq')::int AS id`);
            await s.exec(`INSERT INTO dataset (id, family, title, publisher, edition, licence, citation, provenance, checksum)
                        VALUES ('tiny-c', 'tiny', 'T', 'T', '1', 'CC0', 'T', 'T', 'x')`);
            await s.copyFrom(
              'series',
              ['id', 'dataset_id', 'indicator_id', 'ref_area', 'freq'],
              `${String(id)},tiny-c,tiny_stock,${ref},A\n`,
            );
            await s.copyFrom(
              'observation',
              ['series_id', 'period', 'period_start', 'value'],
              `${String(id + 1)},2020,2020-01-01,1\n`,
            );
            await expect(
              checkForeignKeys(s, 'tiny-c', [{ indicator: 'tiny_stock', ref, cp: null }], 1),
            ).rejects.toThrow(refusal);
          } finally {
            await s.exec('ROLLBACK');
          }
        });
      }
      const [left] = await raw((s) =>
        s.query<{ n: number }>(`SELECT count(*)::int AS n FROM dataset WHERE id = 'tiny-c'`),
      );
      expect(left?.n).toBe(0);
    });

    it.runIf(engine === 'postgres')(
      'are checked row by row for a server user who may not set session_replication_role',
      async () => {
        const role = `bridges_test_${randomBytes(4).toString('hex')}`;
        await sql.raw(`CREATE ROLE ${role} NOLOGIN`).execute(testDb.database.db);
        try {
          await raw(async (s) => {
            await s.exec(`BEGIN; SET LOCAL ROLE ${role}`);
            try {
              expect(await skipRowForeignKeyChecks(s)).toBe(false);
              // The refusal was rolled back to a savepoint: the transaction goes on.
              expect(await s.query(`SELECT current_setting('session_replication_role') AS r`)).toEqual([
                { r: 'origin' },
              ]);
            } finally {
              await s.exec('ROLLBACK');
            }
          });
        } finally {
          await sql.raw(`DROP ROLE ${role}`).execute(testDb.database.db);
        }
      },
    );

    it('let two imports of one edition at once both finish, one after the other, the edition loaded once', async () => {
      // Two `bridges import --force` of the same file, or one beside a server's first start.
      const outcomes = await Promise.all([
        importDataset(testDb.database, tinyImporter('tiny-twice'), { force: true }),
        importDataset(testDb.database, tinyImporter('tiny-twice'), { force: true }),
      ]);
      expect(outcomes.map((o) => o.loaded)).toEqual([true, true]);
      const [counts] = await raw((s) =>
        s.query<{ datasets: number; observations: number }>(
          `SELECT (SELECT count(*)::int FROM dataset WHERE id = 'tiny-twice') AS datasets,
                (SELECT count(*)::int FROM observation o JOIN series se ON se.id = o.series_id
                  WHERE se.dataset_id = 'tiny-twice') AS observations`,
        ),
      );
      expect(counts).toEqual({ datasets: 1, observations: 9 });
    });
  });

  describe('its observations', () => {
    it('are stored series by series when the file gives them year by year, each series in file order', async () => {
      const tiny = tinyImporter('tiny-years');
      const byYear = await tiny.read({} as never);
      const observations = [...byYear.observations]
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((o, i) => ({ ...o, value: i }));
      await importDataset(testDb.database, { ...tiny, read: () => ({ observations }) });
      const stored = await raw((s) =>
        s.query<{ ref: string; period: string; value: number }>(
          `SELECT se.ref_area AS ref, o.period, o.value FROM observation o JOIN series se ON se.id = o.series_id
          WHERE se.dataset_id = 'tiny-years' ORDER BY o.ctid`,
        ),
      );
      // The file: 2019 for PHL, MEX, FRA (values 0, 1, 2), then 2020 (3, 4, 5), then 2021 (6, 7, 8).
      expect(stored.map((r) => `${r.ref} ${r.period} ${String(r.value)}`)).toEqual([
        'PHL 2019 0',
        'PHL 2020 3',
        'PHL 2021 6',
        'MEX 2019 1',
        'MEX 2020 4',
        'MEX 2021 7',
        'FRA 2019 2',
        'FRA 2020 5',
        'FRA 2021 8',
      ]);
    });

    // A server's autovacuum reclaims them in its own time; PGlite has none.
    it.runIf(engine === 'pglite')('leave room, once replaced by a forced re-import, for the next one', async () => {
      const codes = (
        await raw((s) =>
          s.query<{ code: string }>(`SELECT code FROM area WHERE kind = 'country' ORDER BY code LIMIT 100`),
        )
      ).map((r) => r.code);
      const tiny = tinyImporter('tiny-many');
      // 100 × 100 pairs over two years: 20,000 observations, some megabytes of pages.
      const observations = codes.flatMap((refArea) =>
        codes.flatMap((counterpartArea) =>
          ['2019', '2020'].map((period) => ({
            indicator: 'tiny_stock',
            refArea,
            counterpartArea,
            sex: '_T' as const,
            freq: 'A' as const,
            period,
            value: 1,
          })),
        ),
      );
      const importer = { ...tiny, read: () => ({ observations }) };
      const size = async () =>
        (
          await raw((s) =>
            s.query<{ bytes: number }>(
              `SELECT (pg_total_relation_size('series') + pg_total_relation_size('observation'))::float8 AS bytes`,
            ),
          )
        )[0]?.bytes ?? 0;
      await importDataset(testDb.database, importer);
      await importDataset(testDb.database, importer, { force: true });
      const afterTwo = await size();
      await importDataset(testDb.database, importer, { force: true });
      await importDataset(testDb.database, importer, { force: true });
      // Without a vacuum each load adds its own size: four loads would take twice the space of two.
      expect(await size()).toBeLessThan(afterTwo * 1.25);
    });
  });

  it('of one id from other data, twice at once, loads the first and refuses the second rather than write over it', async () => {
    const from = (file: string) => {
      const tiny = tinyImporter('tiny-race');
      return { ...tiny, meta: { ...tiny.meta, loadedFrom: file } };
    };
    const results = await Promise.allSettled([
      importDataset(testDb.database, from('a.csv'), { replaceOtherSource: false }),
      importDataset(testDb.database, from('b.csv'), { replaceOtherSource: false }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(String(refused?.reason)).toMatch(/tiny-race is already loaded, from other data \([ab]\.csv\): give --force/);
    const loaded = await sql<{
      loaded_from: string;
    }>`SELECT loaded_from FROM dataset WHERE id = 'tiny-race'`.execute(testDb.database.db);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(loaded.rows.map((r) => r.loaded_from)).toEqual([winner === 0 ? 'a.csv' : 'b.csv']);
  });

  it('drops the aggregates a replaced load named and no data names any more, keeping those others use', async () => {
    const tiny = tinyImporter('tiny-aggregates');
    const at = (refArea: string) => observationOf({ refArea });
    const aggregate = (code: string) => ({ code, publisher: 'Tiny publisher', name: `Group ${code}` });
    const load = (id: string, aggregates: string[], named: string[]) =>
      importDataset(
        testDb.database,
        {
          ...tiny,
          meta: { ...tiny.meta, id },
          read: () => ({ aggregates: aggregates.map(aggregate), observations: ['PHL', ...named].map(at) }),
        },
        { force: true },
      );
    const areas = async () =>
      (
        await raw((s) =>
          s.query<{ code: string; names: number }>(
            `SELECT a.code, (SELECT count(*)::int FROM area_name n WHERE n.area_code = a.code) AS names
             FROM area a WHERE a.code LIKE 'TINY\\_%' ORDER BY a.code`,
          ),
        )
      ).map((r) => `${r.code} ${String(r.names)}`);
    // TINY_B is declared but given no figure: it is not kept.
    await load('tiny-aggregates', ['TINY_A', 'TINY_B', 'TINY_C'], ['TINY_A', 'TINY_C']);
    await load('tiny-aggregates-other', ['TINY_C'], ['TINY_C']);
    expect(await areas()).toEqual(['TINY_A 1', 'TINY_C 1']);
    // The edition replaced by one that no longer names TINY_A or TINY_C: A goes, C stays for the other.
    await load('tiny-aggregates', [], []);
    expect(await areas()).toEqual(['TINY_C 1']);
    await load('tiny-aggregates-other', [], []);
    expect(await areas()).toEqual([]);
  });

  it('keeps series apart whose dimension values hold ";" or "=" (the key escapes them)', async () => {
    const tiny = tinyImporter('tiny-dims');
    const at = (dims: Record<string, string>) => observationOf({ dims });
    const outcome = await importDataset(testDb.database, {
      ...tiny,
      read: () => ({ observations: [at({ a: 'x;b=y', b: 'z' }), at({ a: 'x', b: 'y;b=z' })] }),
    });
    expect(outcome).toMatchObject({ loaded: true, series: 2, observations: 2 });
  });
});

describe('seriesOrder', () => {
  it('groups positions by series, stable, in the order series first appear', () => {
    expect([...seriesOrder(Int32Array.from([0, 1, 2, 0, 1, 2, 0, 2]), 3)]).toEqual([0, 3, 6, 1, 4, 2, 5, 7]);
    expect([...seriesOrder(new Int32Array(0), 0)]).toEqual([]);
  });
});
