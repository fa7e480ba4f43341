import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import { unhcrDisplacement } from './unhcr.js';
import { statsSnapshot, editGzipText } from '../../../tests/helpers/stats.js';

const FILE = 'unhcr_forcibly_displaced_by_origin_asylum_1990_2024.csv.gz';

describe.each(testEngines())('UNHCR importer on %s', (engine) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    const outcome = await importDataset(testDb.database, unhcrDisplacement);
    if (outcome.loaded) console.info(`UNHCR import on ${engine}: ${outcome.seconds.toFixed(1)} s`);
  }, 180_000); // a whole file imported on a busy machine can outlast the default hook timeout
  afterAll(async () => {
    await testDb.drop();
  });

  async function persons(group: string, year: string, origin?: string) {
    const r = await sql<{ total: number }>`
      SELECT coalesce(sum(o.value), 0)::float8 AS total FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND s.dims ->> 'group' = ${group} AND o.period = ${year}
        AND (${origin ?? null}::text IS NULL OR s.counterpart_area = ${origin ?? null})
    `.execute(testDb.database.db);
    return r.rows[0]?.total ?? 0;
  }

  it('holds every row of the file', async () => {
    const r = await sql<{ observations: number; groups: string }>`
      SELECT count(*)::int AS observations, string_agg(DISTINCT s.dims ->> 'group', ',') AS groups
      FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = ${unhcrDisplacement.meta.id}
    `.execute(testDb.database.db);
    expect(r.rows[0]).toEqual({
      observations: 191_857,
      groups: 'asylum,idp,idp return,other,refugee,refugee return,stateless',
    });
  });

  it('gives UNHCR-mandate refugees: 10.55 M in 2010, 20.66 M in 2020, 31.64 M in 2023', async () => {
    expect(await persons('refugee', '2010')).toBe(10_548_835);
    expect(await persons('refugee', '2020')).toBe(20_661_846);
    expect(await persons('refugee', '2023')).toBe(31_637_408);
  });

  it('ranks origins in 2023: Afghanistan 6.40 M, Syria 6.36 M, Ukraine 5.96 M', async () => {
    const r = await sql<{ origin: string; total: number }>`
      SELECT s.counterpart_area AS origin, sum(o.value)::float8 AS total FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND s.dims ->> 'group' = 'refugee' AND o.period = '2023'
      GROUP BY s.counterpart_area ORDER BY total DESC LIMIT 3
    `.execute(testDb.database.db);
    expect(r.rows).toEqual([
      { origin: 'AFG', total: 6_403_144 },
      { origin: 'SYR', total: 6_355_788 },
      { origin: 'UKR', total: 5_960_362 },
    ]);
  });

  it('keeps the non-ISO origins as areas of their own', async () => {
    const r = await sql<{ code: string }>`
      SELECT DISTINCT s.counterpart_area AS code FROM series s
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND s.counterpart_area IN ('OOO', 'STL', 'TIB') ORDER BY 1
    `.execute(testDb.database.db);
    expect(r.rows.map((row) => row.code)).toEqual(['OOO', 'STL', 'TIB']);
    // unhcr_forcibly_displaced_by_origin_asylum_1990_2024.csv.gz, rows year = 2023, group =
    // stateless: 91 rows, every one with origin_iso3 STL, 4,358,188 persons in all.
    expect(await persons('stateless', '2023', 'STL')).toBe(4_358_188);
    expect(await persons('stateless', '2023')).toBe(4_358_188);
    const rows = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND s.dims ->> 'group' = 'stateless' AND o.period = '2023'
        AND s.counterpart_area = 'STL'
    `.execute(testDb.database.db);
    expect(rows.rows[0]?.n).toBe(91);
  });

  it('marks the mid-2024 values provisional, and no end-year value', async () => {
    const r = await sql<{ period: string; status: string; n: number; refugees: number }>`
      SELECT o.period, o.status, count(*)::int AS n,
             sum(o.value) FILTER (WHERE s.dims ->> 'group' = 'refugee')::float8 AS refugees
      FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND o.period IN ('2023', '2024')
      GROUP BY o.period, o.status ORDER BY 1, 2
    `.execute(testDb.database.db);
    // 31,956,584 refugees at mid-2024: UNHCR's Mid-Year Trends 2024 gives 32 million at the end of June.
    expect(r.rows.map((row) => [row.period, row.status, row.refugees])).toEqual([
      ['2023', 'A', 31_637_408],
      ['2024', 'P', 31_956_584],
    ]);
    const other = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${unhcrDisplacement.meta.id} AND o.period < '2024' AND o.status <> 'A'
    `.execute(testDb.database.db);
    expect(other.rows[0]?.n).toBe(0);
  });

  /** A fingerprint of the whole database's statistics. */
  const snapshot = () => statsSnapshot(testDb.database.db);

  it('re-imports idempotently', async () => {
    const before = await snapshot();
    expect((await importDataset(testDb.database, unhcrDisplacement)).loaded).toBe(false);
    expect((await importDataset(testDb.database, unhcrDisplacement, { force: true })).loaded).toBe(true);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  describe('a malformed file fails with file, line and column, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-unhcr-'));
      cpSync(path.join(STATS_DATA_DIR, 'unhcr'), path.join(dir, 'unhcr'), { recursive: true });
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const file = () => path.join(dir, 'unhcr', FILE);

    async function expectFailure(message: RegExp) {
      const before = await snapshot();
      await expect(importDataset(testDb.database, unhcrDisplacement, { dir })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('a bad number', async () => {
      editGzipText(file(), (t) => t.replace('\n1990,AGO,NAM,refugee,245\n', '\n1990,AGO,NAM,refugee,2 45\n'));
      await expectFailure(/\.csv\.gz \(line 4, column "persons"\): "2 45" is not a number/);
      editGzipText(file(), (t) => t.replace('\n1990,AGO,NAM,refugee,2 45\n', '\n1990,AGO,NAM,refugee,-245\n'));
      await expectFailure(/\.csv\.gz \(line 4, column "persons"\): "-245" is not a number of persons/);
    });

    it('an unknown code', async () => {
      editGzipText(file(), (t) => t.replace('\n1990,AGO,NAM,refugee,245\n', '\n1990,AGO,NMB,refugee,245\n'));
      await expectFailure(/\.csv\.gz \(line 4, column "origin_iso3"\): unknown area code "NMB"/);
    });

    it('an unknown group', async () => {
      editGzipText(file(), (t) => t.replace('\n1990,AGO,NAM,refugee,245\n', '\n1990,AGO,NAM,refugees,245\n'));
      await expectFailure(/\.csv\.gz \(line 4, column "group"\): group "refugees" is not one of "refugee", "asylum"/);
    });

    it('a missing column', async () => {
      editGzipText(file(), (t) =>
        t.replace('year,asylum_iso3,origin_iso3,group,persons', 'year,asylum,origin_iso3,group,persons'),
      );
      await expectFailure(/\.csv\.gz \(line 1\): missing column "asylum_iso3"/);
    });

    it('a truncated file', async () => {
      editGzipText(file(), (t) => t.slice(0, t.lastIndexOf(',')));
      await expectFailure(/\.csv\.gz \(line 191858\)/);
      writeFileSync(file(), readFileSync(file()).subarray(0, 100_000));
      await expectFailure(/\.csv\.gz: not a complete gzip file/);
    });

    it('a row given twice', async () => {
      editGzipText(file(), (t) =>
        t.replace('\n1990,AGO,NAM,refugee,245\n', '\n1990,AGO,NAM,refugee,245\n1990,AGO,NAM,refugee,245\n'),
      );
      await expectFailure(/\.csv\.gz \(line 5, column "group"\): 1990 AGO NAM refugee appears twice/);
    });
  });
});
