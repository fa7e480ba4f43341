import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import { rpwCorridorMeans, rpwDatabankCorridors, rpwImporters } from './rpw.js';
import { statsSnapshot, editGzipText } from '../../../tests/helpers/stats.js';

const WIDE = 'rpw_databank_corridors_2011Q1_2020Q3_wide.csv.gz';
const MEANS = 'rpw_corridor_quarter_means_2016Q2_2025Q1_subset.csv.gz';

describe.each(testEngines())('RPW importers on %s', (engine) => {
  let testDb: TestDatabase;
  const seconds: Record<string, number> = {};

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of rpwImporters) {
      const outcome = await importDataset(testDb.database, importer);
      if (outcome.loaded) seconds[importer.meta.id] = outcome.seconds;
    }
    console.info(`RPW import on ${engine}: ${JSON.stringify(seconds)}`);
  }, 180_000); // a whole file imported on a busy machine can outlast the default hook timeout
  afterAll(async () => {
    await testDb.drop();
  });

  /** Mean of the corridor values of one dataset, indicator, amount and period. */
  async function mean(dataset: string, indicator: string, amount: string | null, period: string) {
    const r = await sql<{ n: number; mean: number }>`
      SELECT count(*)::int AS n, avg(o.value)::float8 AS mean
      FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${dataset} AND s.indicator_id = ${indicator} AND o.period = ${period}
        AND (${amount}::text IS NULL OR s.dims ->> 'amount' = ${amount})
    `.execute(testDb.database.db);
    return r.rows[0] ?? { n: 0, mean: Number.NaN };
  }

  async function corridor(
    dataset: string,
    indicator: string,
    from: string,
    to: string,
    period: string,
    amount = '200',
  ) {
    const r = await sql<{ value: number }>`
      SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${dataset} AND s.indicator_id = ${indicator} AND s.counterpart_area = ${from}
        AND s.ref_area = ${to} AND o.period = ${period} AND s.dims ->> 'amount' = ${amount}
    `.execute(testDb.database.db);
    return r.rows.map((row) => row.value);
  }

  it('reads the DataBank export: 2011Q1 mean 9.05 % over 199 corridors, 2020Q3 7.00 % over 367', async () => {
    const id = rpwDatabankCorridors.meta.id;
    const first = await mean(id, 'remittance_cost_pct', '200', '2011-Q1');
    expect(first.n).toBe(199);
    expect(first.mean.toFixed(2)).toBe('9.05');
    const last = await mean(id, 'remittance_cost_pct', '200', '2020-Q3');
    expect(last.n).toBe(367);
    expect(last.mean.toFixed(2)).toBe('7.00');
    const [usaMex] = await corridor(id, 'remittance_cost_pct', 'USA', 'MEX', '2020-Q3');
    expect(usaMex?.toFixed(2)).toBe('4.18');
  });

  it('keeps the survey rounds as DataBank labels them, one series per corridor', async () => {
    const r = await sql<{ periods: string; corridors: number; series: number; freqs: string }>`
      SELECT string_agg(DISTINCT o.period, ',' ORDER BY o.period) FILTER (WHERE o.period < '2013') AS periods,
             count(DISTINCT (s.ref_area, s.counterpart_area))::int AS corridors,
             count(DISTINCT s.id)::int AS series,
             string_agg(DISTINCT s.freq, ',') AS freqs
      FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${rpwDatabankCorridors.meta.id}
    `.execute(testDb.database.db);
    expect(r.rows[0]).toEqual({ periods: '2011-Q1,2011-Q3,2012-Q1,2012-Q3', corridors: 377, series: 377, freqs: 'Q' });
    // Every non-".." cell: as many as the rows of the derived long CSV of the raw collection.
    const count = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${rpwDatabankCorridors.meta.id}
    `.execute(testDb.database.db);
    expect(count.rows[0]?.n).toBe(10_417);
    const meta = await testDb.database.db
      .selectFrom('dataset')
      .select(['release_date', 'licence'])
      .where('id', '=', rpwDatabankCorridors.meta.id)
      .executeTakeFirstOrThrow();
    expect(meta.licence).toBe('CC BY 4.0');
    expect(new Date(meta.release_date as unknown as string).toISOString().slice(0, 10)).toBe('2020-12-07');
    // Kosovo is printed KSV: it lands on Bridges' XKX.
    expect(await corridor(rpwDatabankCorridors.meta.id, 'remittance_cost_pct', 'DEU', 'XKX', '2020-Q3')).toHaveLength(
      1,
    );
  });

  it('reads the third-party means: 2025Q1 mean 6.92 % over 279 corridors, USA→Mexico 4.98 %', async () => {
    const id = rpwCorridorMeans.meta.id;
    const m = await mean(id, 'remittance_cost_pct', '200', '2025-Q1');
    expect(m.n).toBe(279);
    expect(m.mean.toFixed(2)).toBe('6.92');
    const [usaMex] = await corridor(id, 'remittance_cost_pct', 'USA', 'MEX', '2025-Q1');
    expect(usaMex?.toFixed(2)).toBe('4.98');
    expect((await corridor(id, 'remittance_cost_pct', 'USA', 'MEX', '2025-Q1', '500'))[0]?.toFixed(2)).toBe('3.22');
    expect((await corridor(id, 'remittance_fx_margin_pct', 'USA', 'MEX', '2025-Q1'))[0]?.toFixed(2)).toBe('1.45');
    const providers = await sql<{ value: number }>`
      SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.indicator_id = 'remittance_providers' AND s.counterpart_area = 'USA'
        AND s.ref_area = 'MEX' AND o.period = '2025-Q1'
    `.execute(testDb.database.db);
    expect(providers.rows).toEqual([{ value: 46 }]);
    const counts = await sql<{ corridors: number; observations: number }>`
      SELECT count(DISTINCT (s.ref_area, s.counterpart_area))::int AS corridors, count(*)::int AS observations
      FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = ${id}
    `.execute(testDb.database.db);
    // 300 corridor labels in the file, but DEUKSV and DEUXKX are both Germany → Kosovo.
    expect(counts.rows[0]).toEqual({ corridors: 299, observations: 10468 * 5 });
  });

  it('re-imports idempotently', async () => {
    const before = await snapshot();
    for (const importer of rpwImporters) {
      expect((await importDataset(testDb.database, importer)).loaded).toBe(false);
      expect((await importDataset(testDb.database, importer, { force: true })).loaded).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  /** A fingerprint of what the RPW imports wrote. */
  const snapshot = () => statsSnapshot(testDb.database.db);

  describe('a malformed file fails with file, line and column, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-rpw-'));
      cpSync(path.join(STATS_DATA_DIR, 'rpw'), path.join(dir, 'rpw'), { recursive: true });
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    async function expectFailure(importer: (typeof rpwImporters)[number], message: RegExp) {
      const before = await snapshot();
      await expect(importDataset(testDb.database, importer, { dir })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }
    const wide = () => path.join(dir, 'rpw', WIDE);
    const means = () => path.join(dir, 'rpw', MEANS);

    it('a bad number', async () => {
      editGzipText(wide(), (t) => t.replace(',4.18037033081055', ',4,18'));
      // Line 5281 (USA → MEX) now has one field more than the header's 6 + 35 survey rounds.
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 5281\): 42 columns where the header has 41: is "4,18" in column "2020Q3 \[YR2020Q3\]" a number with a decimal comma\? The decimal separator must be a point \(4\.18\)$/,
      );
      editGzipText(wide(), (t) => t.replace(',4,18', ',4.1x'));
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 5281, column "2020Q3 \[YR2020Q3\]"\): "4\.1x" is not a number/,
      );
      editGzipText(means(), (t) => t.replace(/\n2025_1Q,USA,(.*?),46\n/, '\n2025_1Q,USA,$1,4.6\n'));
      await expectFailure(
        rpwCorridorMeans,
        /subset\.csv\.gz \(line 10441, column "num_providers"\): "4\.6" is not a number of providers/,
      );
    });

    it('an unknown code', async () => {
      editGzipText(wide(), (t) => t.replace('\nAngola,AGO,', '\nAngola,AGX,'));
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 2, column "Sending Countries Code"\): unknown area code "AGX"/,
      );
      editGzipText(means(), (t) => t.replace('\n2016_2Q,AGO,Angola,NAM,', '\n2016_2Q,AGO,Angola,NMB,'));
      await expectFailure(
        rpwCorridorMeans,
        /subset\.csv\.gz \(line 2, column "destination_code"\): unknown area code "NMB"/,
      );
    });

    it('an unknown period or series', async () => {
      editGzipText(wide(), (t) => t.replace('2013Q1 [YR2013Q1]', '2013 [YR2013]'));
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 1, column "2013 \[YR2013\]"\): .* is not a survey round/,
      );
      editGzipText(wide(), (t) => t.replace('2013 [YR2013]', '2013Q1 [YR2013Q1]').replace(',ATCR.CORR,', ',ATCR.X,'));
      await expectFailure(rpwDatabankCorridors, /wide\.csv\.gz \(line 2, column "Series Code"\): series "ATCR\.X"/);
    });

    it('a missing column', async () => {
      editGzipText(wide(), (t) => t.replace('Receiving Countries  Code', 'Receiving Code'));
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 1\): missing column "Receiving Countries {2}Code"/,
      );
      editGzipText(means(), (t) => t.replace('avg_fx_margin_500usd', 'fx500'));
      await expectFailure(rpwCorridorMeans, /subset\.csv\.gz \(line 1\): missing column "avg_fx_margin_500usd"/);
    });

    it('a truncated file', async () => {
      // Cut after a complete row: the DataBank footer (and its date) is missing.
      editGzipText(wide(), (t) => t.slice(0, t.indexOf('\nUnited States of America,USA,')));
      await expectFailure(rpwDatabankCorridors, /wide\.csv\.gz: has no "Last Updated:" footer/);
      // Cut inside a row.
      editGzipText(means(), (t) => t.slice(0, t.length - 40));
      await expectFailure(rpwCorridorMeans, /subset\.csv\.gz \(line 10469\)/);
      // A truncated archive.
      writeFileSync(wide(), readFileSync(wide()).subarray(0, 5000));
      await expectFailure(rpwDatabankCorridors, /wide\.csv\.gz: not a complete gzip file/);
    });

    it('another edition of the export', async () => {
      editGzipText(wide(), (t) => t.replace('Last Updated: 12/07/2020', 'Last Updated: 03/15/2021'));
      await expectFailure(
        rpwDatabankCorridors,
        /wide\.csv\.gz \(line 5334, column "Sending Countries Name"\): says "Last Updated: 03\/15\/2021"/,
      );
    });
  });
});
