import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import type { Importer } from '../stats/model.js';
import { wdiGdidata2025, wdiGdpDatahub, wdiImporters, wdiPopulationDatahub, wdiRemittances2023 } from './wdi.js';
import { statsSnapshot, editGzipText } from '../../../tests/helpers/stats.js';

const BN = 1e9;

describe.each(testEngines())('WDI importers on %s', (engine) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of wdiImporters) await importDataset(testDb.database, importer);
  }, 120_000);
  afterAll(async () => {
    await testDb.drop();
  });

  /** Sum of one dataset's values in a period over the series `where` selects (SQL on s, r). */
  async function total(dataset: string, period: string, where = sql`true`): Promise<number> {
    const r = await sql<{ v: number | null }>`
      SELECT sum(o.value)::float8 AS v
      FROM observation o JOIN series s ON s.id = o.series_id JOIN area r ON r.code = s.ref_area
      WHERE s.dataset_id = ${dataset} AND o.period = ${period} AND ${where}
    `.execute(testDb.database.db);
    return r.rows[0]?.v ?? Number.NaN;
  }

  const snapshot = () => statsSnapshot(testDb.database.db);

  it('WDI remittances (Oct 2023): LMY 2013 US$ 379.2 bn, WLD 2013 522.7 bn', async () => {
    const id = wdiRemittances2023.meta.id;
    expect(Math.abs((await total(id, '2013', sql`s.ref_area = 'WB_LMY'`)) - 379.2 * BN)).toBeLessThan(0.05 * BN);
    expect(Math.abs((await total(id, '2013', sql`s.ref_area = 'WB_WLD'`)) - 522.7 * BN)).toBeLessThan(0.05 * BN);
  });

  it('WDI aggregates become WB_ areas of the World Bank (WDI); CHI is the Channel Islands', async () => {
    const r = await sql<{ n: number; publishers: string; lmy: string }>`
      SELECT count(*)::int AS n, string_agg(DISTINCT aggregate_publisher, ',') AS publishers,
             max(name_en) FILTER (WHERE code = 'WB_LMY') AS lmy
      FROM area WHERE code LIKE 'WB\\_%'
    `.execute(testDb.database.db);
    expect(r.rows[0]).toEqual({ n: 48, publishers: 'World Bank (WDI)', lmy: 'Low & middle income' });
    // The remittance file has no CHI row; GDP has: Channel Islands 2022.
    const xcx = await total(wdiGdpDatahub.meta.id, '2022', sql`s.ref_area = 'XCX'`);
    expect(xcx).toBeCloseTo(11_228_317_318.765242, 3);
  });

  it('gdidata: 2023 sums remittances received 822.3 bn, paid 518.3 bn, FDI inflows 842.5 bn; received 2013 527.9 bn', async () => {
    const id = wdiGdidata2025.meta.id;
    const of = (indicator: string) => sql`s.indicator_id = ${indicator}`;
    expect(Math.abs((await total(id, '2023', of('remittances_received_usd'))) - 822.3 * BN)).toBeLessThan(0.05 * BN);
    expect(Math.abs((await total(id, '2023', of('remittances_paid_usd'))) - 518.3 * BN)).toBeLessThan(0.05 * BN);
    expect(Math.abs((await total(id, '2023', of('fdi_inflows_usd'))) - 842.5 * BN)).toBeLessThan(0.05 * BN);
    expect(Math.abs((await total(id, '2013', of('remittances_received_usd'))) - 527.9 * BN)).toBeLessThan(0.05 * BN);
    const indicators = await sql<{ id: string }>`
      SELECT DISTINCT indicator_id AS id FROM series WHERE dataset_id = ${id} ORDER BY 1
    `.execute(testDb.database.db);
    // pop (UN WPP, not WDI) and the indicators the catalogue lacks are not read.
    expect(indicators.rows.map((r) => r.id)).toEqual([
      'fdi_inflows_usd',
      'fdi_outflows_usd',
      'gdp_usd',
      'remittances_paid_usd',
      'remittances_received_usd',
    ]);
  });

  it('stores no remittance printed 0 (a country that reports no figure), and keeps the zeros of FDI', async () => {
    const r = await sql<{ dataset: string; indicator: string; zeros: number; sgp: number; n: number }>`
      SELECT s.dataset_id AS dataset, s.indicator_id AS indicator,
             count(*) FILTER (WHERE o.value = 0)::int AS zeros,
             count(*) FILTER (WHERE s.ref_area = 'SGP')::int AS sgp, count(*)::int AS n
      FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id IN (${wdiRemittances2023.meta.id}, ${wdiGdidata2025.meta.id})
        AND s.indicator_id <> 'gdp_usd'
      GROUP BY 1, 2 ORDER BY 1, 2
    `.execute(testDb.database.db);
    // The bundled files: gdidata prints 0 in 362 cells of remin (Singapore 19 of them) and 36 of
    // remout, and in 20 of fdiin and 152 of fdiout; the October 2023 download in 199 of its 9,478
    // rows (Singapore 18).
    expect(r.rows.map((row) => [row.dataset, row.indicator, row.zeros, row.sgp])).toEqual([
      ['wdi-gdidata-2025', 'fdi_inflows_usd', 20, 34],
      ['wdi-gdidata-2025', 'fdi_outflows_usd', 152, 34],
      ['wdi-gdidata-2025', 'remittances_paid_usd', 0, 0],
      ['wdi-gdidata-2025', 'remittances_received_usd', 0, 0],
      ['wdi-remittances-2023-10', 'remittances_received_usd', 0, 0],
    ]);
    for (const importer of [wdiRemittances2023, wdiGdidata2025])
      expect(importer.meta.caveats).toContain('are not stored. The World Bank prints 0 for personal remittances');
  });

  it('population: World 2024 = 8,141,808,945; GDP: World 2023 US$ 105.4 tn, LMY 2013 24.9 tn', async () => {
    expect(await total(wdiPopulationDatahub.meta.id, '2024', sql`s.ref_area = 'WB_WLD'`)).toBe(8_141_808_945);
    const gdp = wdiGdpDatahub.meta.id;
    expect(Math.abs((await total(gdp, '2023', sql`s.ref_area = 'WB_WLD'`)) - 105_400 * BN)).toBeLessThan(50 * BN);
    expect(Math.abs((await total(gdp, '2013', sql`s.ref_area = 'WB_LMY'`)) - 24_900 * BN)).toBeLessThan(50 * BN);
  });

  it('re-importing unchanged files does nothing; forcing gives the same rows', async () => {
    const before = await snapshot();
    for (const importer of wdiImporters) {
      expect(await importDataset(testDb.database, importer)).toEqual({ dataset: importer.meta.id, loaded: false });
    }
    for (const importer of [wdiRemittances2023, wdiGdpDatahub]) {
      expect((await importDataset(testDb.database, importer, { force: true })).loaded).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  describe('a malformed file fails, naming the fault, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-wdi-'));
      cpSync(path.join(STATS_DATA_DIR, 'wdi'), path.join(dir, 'wdi'), { recursive: true });
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    async function expectFailure(importer: Importer, message: RegExp) {
      const before = await snapshot();
      await expect(importDataset(testDb.database, importer, { dir, force: true })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }
    const remittances = () => path.join(dir, 'wdi/wdi_BX.TRF.PWKR.CD.DT_2023-10-26_long.csv.gz');

    it('a value that is not a number', async () => {
      editGzipText(remittances(), (t) =>
        t.replace(
          'AUS,"Personal remittances, received (current US$)",BX.TRF.PWKR.CD.DT,1970,180320037.8',
          'AUS,"Personal remittances, received (current US$)",BX.TRF.PWKR.CD.DT,1970,n/a',
        ),
      );
      await expectFailure(
        wdiRemittances2023,
        /wdi_BX\.TRF\.PWKR\.CD\.DT_2023-10-26_long\.csv\.gz \(line 4, column "value"\): "n\/a" is not a number/,
      );
    });

    it('a code that is neither an area nor a WDI aggregate', async () => {
      editGzipText(remittances(), (t) => t.replace('\nAustralia,AUS,', '\nAustralia,AUZ,'));
      await expectFailure(
        wdiRemittances2023,
        /wdi_BX\.TRF\.PWKR\.CD\.DT_2023-10-26_long\.csv\.gz \(line 4, column "iso3"\): unknown area code "AUZ"/,
      );
    });

    it('a missing column', async () => {
      editGzipText(path.join(dir, 'wdi/population.csv.gz'), (t) => t.replace('Country Code,', 'Code,'));
      await expectFailure(wdiPopulationDatahub, /population\.csv\.gz \(line 1\): missing column "Country Code"/);
    });

    it('an indicator gdidata did not have', async () => {
      editGzipText(path.join(dir, 'wdi/gdidata_wdi_country_indicators_long.csv.gz'), (t) =>
        t.replace('\nABW,1990,birth,', '\nABW,1990,births,'),
      );
      await expectFailure(
        wdiGdidata2025,
        /gdidata_wdi_country_indicators_long\.csv\.gz \(line 2, column "indicator"\): unknown indicator "births"/,
      );
    });
  });
});
