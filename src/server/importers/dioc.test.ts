import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import { diocAgeEducation, diocImporters, diocLabourForce } from './dioc.js';
import { statsSnapshot, editGzipText } from '../../../tests/helpers/stats.js';

const FILE_A = 'DIOC_2015_16_File_A_2.csv.gz';
const FILE_C = 'DIOC_2015_16_File_C_2.csv.gz';

describe.each(testEngines())('OECD DIOC importers on %s', (engine) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    const seconds: Record<string, number> = {};
    for (const importer of diocImporters) {
      const outcome = await importDataset(testDb.database, importer);
      if (outcome.loaded) seconds[importer.meta.id] = outcome.seconds;
    }
    console.info(`DIOC import on ${engine}: ${JSON.stringify(seconds)}`);
  }, 180_000); // a whole file imported on a busy machine can outlast the default hook timeout
  afterAll(async () => {
    await testDb.drop();
  });

  /** Persons in one DIOC dataset whose cells match a SQL condition on the series. */
  async function persons(dataset: string, where = sql`true`) {
    const r = await sql<{ total: number }>`
      SELECT coalesce(sum(o.value), 0)::float8 AS total FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${dataset} AND ${where}
    `.execute(testDb.database.db);
    return r.rows[0]?.total ?? 0;
  }
  const foreignBorn = sql`s.dims ->> 'fborn' = '1'`;

  it('reproduces the published figures from File A with fborn = 1', async () => {
    const id = diocAgeEducation.meta.id;
    // 128.6 M foreign-born in the 35 OECD countries, all ages.
    expect(await persons(id, foreignBorn)).toBe(128_613_669);
    // "121.1 M aged 15+" is every age but 0–14, i.e. unknown age (99) included; ages 1–3 alone give 121.04 M.
    expect(await persons(id, sql`${foreignBorn} AND s.dims ->> 'age_lfs' <> '0'`)).toBe(121_101_634);
    expect(await persons(id, sql`${foreignBorn} AND s.dims ->> 'age_lfs' IN ('1', '2', '3')`)).toBe(121_036_457);
    // 38.9 M tertiary-educated (all ages; no one under 15 is coded tertiary).
    expect(await persons(id, sql`${foreignBorn} AND s.dims ->> 'edu_lfs' = '3'`)).toBe(38_944_874);
    const top = await sql<{ code: string; total: number }>`
      SELECT s.ref_area AS code, sum(o.value)::float8 AS total FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.dims ->> 'fborn' = '1' GROUP BY s.ref_area ORDER BY total DESC LIMIT 2
    `.execute(testDb.database.db);
    expect(top.rows).toEqual([
      { code: 'MEX', total: 12_111_554 },
      { code: 'IND', total: 5_135_914 },
    ]);
  });

  it('stores no native-born cells, and place of birth unknown apart', async () => {
    expect(await persons(diocAgeEducation.meta.id, sql`s.dims ->> 'fborn' = '0'`)).toBe(0);
    expect(await persons(diocAgeEducation.meta.id, sql`s.dims ->> 'fborn' = '99'`)).toBe(6_061_665);
    expect(await persons(diocAgeEducation.meta.id, sql`s.dims ->> 'fborn' = '99' AND s.ref_area <> 'OECD_UNK'`)).toBe(
      0,
    );
  });

  it('reads File C: labour-force status of the foreign-born aged 15 and over', async () => {
    const id = diocLabourForce.meta.id;
    expect(await persons(id, foreignBorn)).toBe(120_664_892);
    const byStatus = await sql<{ lfs: string; total: number }>`
      SELECT s.dims ->> 'lfs' AS lfs, sum(o.value)::float8 AS total FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.dims ->> 'fborn' = '1' GROUP BY 1 ORDER BY 1
    `.execute(testDb.database.db);
    expect(byStatus.rows).toEqual([
      { lfs: '1', total: 69_987_991 },
      { lfs: '2', total: 7_261_556 },
      { lfs: '3', total: 42_264_225 },
      { lfs: '99', total: 1_151_120 },
    ]);
    expect(await persons(id, sql`${foreignBorn} AND s.ref_area = 'MEX'`)).toBe(11_706_711);
  });

  it('maps former states to their successors and keeps residuals as OECD aggregates', async () => {
    const areas = await sql<{ code: string; kind: string; publisher: string | null }>`
      SELECT DISTINCT a.code, a.kind, a.aggregate_publisher AS publisher FROM series s JOIN area a ON a.code = s.ref_area
      WHERE s.dataset_id = ${diocAgeEducation.meta.id} AND (a.kind <> 'country' OR a.code IN ('UKR', 'CZE', 'SRB'))
      ORDER BY a.code
    `.execute(testDb.database.db);
    expect(areas.rows.map((a) => `${a.code}:${a.kind}${a.publisher ? `:${a.publisher}` : ''}`)).toEqual([
      'ANT:former',
      'CSK:former',
      'CZE:country',
      'OECD_AFRI:aggregate:OECD',
      'OECD_ASIA:aggregate:OECD',
      'OECD_EURO:aggregate:OECD',
      'OECD_KOREA_NS:aggregate:OECD',
      'OECD_NOAM:aggregate:OECD',
      'OECD_OCEA:aggregate:OECD',
      'OECD_OTH:aggregate:OECD',
      'OECD_SCAC:aggregate:OECD',
      'OECD_UNK:aggregate:OECD',
      'SRB:country',
      'SUN:former',
      'UKR:country',
      'XKX:non_iso',
      'YUG:former',
    ]);
  });

  /** A fingerprint of the whole database's statistics. */
  const snapshot = () => statsSnapshot(testDb.database.db);

  it('re-imports idempotently', async () => {
    const before = await snapshot();
    for (const importer of diocImporters) {
      expect((await importDataset(testDb.database, importer)).loaded).toBe(false);
      expect((await importDataset(testDb.database, importer, { force: true })).loaded).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  describe('a malformed file fails with file, line and column, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-dioc-'));
      cpSync(path.join(STATS_DATA_DIR, 'oecd_dioc'), path.join(dir, 'oecd_dioc'), { recursive: true });
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const fileA = () => path.join(dir, 'oecd_dioc', FILE_A);
    const fileC = () => path.join(dir, 'oecd_dioc', FILE_C);

    async function expectFailure(importer: (typeof diocImporters)[number], message: RegExp) {
      const before = await snapshot();
      await expect(importDataset(testDb.database, importer, { dir })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('a bad number', async () => {
      editGzipText(fileA(), (t) => t.replace('\nABW,1,0,99,1,1,SCAC,0,1,24\n', '\nABW,1,0,99,1,1,SCAC,0,1,24a\n'));
      await expectFailure(diocAgeEducation, /File_A_2\.csv\.gz \(line 2, column "number"\): "24a" is not a number/);
    });

    it('an unknown code', async () => {
      editGzipText(fileA(), (t) => t.replace('\nABW,1,0,99,1,1,SCAC,0,1,24\n', '\nABX,1,0,99,1,1,SCAC,0,1,24\n'));
      await expectFailure(diocAgeEducation, /File_A_2\.csv\.gz \(line 2, column "coub"\): unknown area code "ABX"/);
      editGzipText(fileA(), (t) => t.replace('\nABX,1,', '\nUSSR-XXX,1,'));
      await expectFailure(
        diocAgeEducation,
        /File_A_2\.csv\.gz \(line 2, column "coub"\): unknown country of birth "USSR-XXX"/,
      );
    });

    it('an unknown dimension code', async () => {
      editGzipText(fileC(), (t) => t.replace('\nABW,1,1,3,1,1,SCAC,0,1,17\n', '\nABW,1,1,4,1,1,SCAC,0,1,17\n'));
      await expectFailure(diocLabourForce, /File_C_2\.csv\.gz \(line 2, column "lfs"\): "4" is not a DIOC code of lfs/);
      editGzipText(fileC(), (t) => t.replace('\nABW,1,1,4,', '\nABW,9,1,3,'));
      await expectFailure(
        diocLabourForce,
        /File_C_2\.csv\.gz \(line 2, column "sex"\): sex "9" must be 1 \(men\) or 2/,
      );
    });

    it('a missing column', async () => {
      editGzipText(fileC(), (t) => t.replace('coub,sex,edu_lfs,lfs,age,', 'coub,sex,edu_lfs,lfs,age_lfs,'));
      await expectFailure(diocLabourForce, /File_C_2\.csv\.gz \(line 1\): missing column "age"/);
    });

    it('a truncated file', async () => {
      editGzipText(fileA(), (t) => t.slice(0, t.lastIndexOf(',')));
      await expectFailure(diocAgeEducation, /File_A_2\.csv\.gz \(line 18596\)/);
      writeFileSync(fileC(), readFileSync(fileC()).subarray(0, 20_000));
      await expectFailure(diocLabourForce, /File_C_2\.csv\.gz: not a complete gzip file/);
    });
  });
});
