import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import type { Importer } from '../stats/model.js';
import { knomadBilateral2018, knomadBilateral2021, knomadImporters, knomadInflows2023 } from './knomad.js';
import { statsSnapshot, editGzipText } from '../../../tests/helpers/stats.js';

const MATRIX_2021 = 'knomad/bilateral_remittance_matrix_2021_0.xlsx';
const MATRIX_2018 = 'knomad/Bilateralremittancematrix2018Oct2019.csv.gz';
const INFLOWS = 'knomad/inward_remittance_flows_december_2023_1.xlsx';

/** A copy of the bundled KNOMAD folder, spoiled by `spoil`, for one malformed-file case. */
async function spoiledCopy(spoil: (dir: string) => Promise<void> | void): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bridges-knomad-'));
  cpSync(path.join(STATS_DATA_DIR, 'knomad'), path.join(dir, 'knomad'), { recursive: true });
  await spoil(dir);
  return dir;
}

async function setCells(file: string, cells: Record<string, string | null>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  await workbook.xlsx.writeFile(file);
}

// Spoiled copies are made once and shared by both engines: rewriting a workbook takes seconds.
const cases: { name: string; importer: Importer; spoil: (dir: string) => Promise<void> | void; error: RegExp }[] = [
  {
    name: '2021 matrix: a cell that is not a number',
    importer: knomadBilateral2021,
    spoil: (dir) => setCells(path.join(dir, MATRIX_2021), { C5: 'n.a.' }),
    error: /bilateral_remittance_matrix_2021_0\.xlsx \(line 5, column "C \(Albania\)"\): "n\.a\." is not a number/,
  },
  {
    name: '2021 matrix: names that match no area, all listed',
    importer: knomadBilateral2021,
    spoil: (dir) => setCells(path.join(dir, MATRIX_2021), { A4: 'Atlantis', D2: 'Narnia' }),
    error:
      /bilateral_remittance_matrix_2021_0\.xlsx: 2 name\(s\) match no area .*"Narnia" \(column D\), "Atlantis" \(row 4\)/,
  },
  {
    name: '2021 matrix: the corner that gives the orientation is missing',
    importer: knomadBilateral2021,
    spoil: (dir) => setCells(path.join(dir, MATRIX_2021), { A2: null }),
    error: /bilateral_remittance_matrix_2021_0\.xlsx \(line 2, column "A"\): expected "Remittance-receiving country/,
  },
  {
    name: '2018 matrix: a cell that is not a number',
    importer: knomadBilateral2018,
    spoil: (dir) =>
      editGzipText(path.join(dir, MATRIX_2018), (t) => t.replace('\nAlbania,0,0,0,0,', '\nAlbania,0,0,x,0,')),
    error: /Bilateralremittancematrix2018Oct2019\.csv\.gz \(line 3, column "D \(Algeria\)"\): "x" is not a number/,
  },
  {
    name: '2018 matrix: a name that matches no area',
    importer: knomadBilateral2018,
    spoil: (dir) => editGzipText(path.join(dir, MATRIX_2018), (t) => t.replace('\nZambia,', '\nZembla,')),
    error: /Bilateralremittancematrix2018Oct2019\.csv\.gz: 1 name\(s\) match no area .*"Zembla" \(line 214\)/,
  },
  {
    name: '2018 matrix: a column missing from the header',
    importer: knomadBilateral2018,
    spoil: (dir) => editGzipText(path.join(dir, MATRIX_2018), (t) => t.replace(/,Zimbabwe\r?\n/, '\r\n')),
    error: /Bilateralremittancematrix2018Oct2019\.csv\.gz \(line 2\)/,
  },
  {
    name: 'inflows: a cell that is not a number',
    importer: knomadInflows2023,
    spoil: (dir) => setCells(path.join(dir, INFLOWS), { O89: '69,970' }),
    error: /inward_remittance_flows_december_2023_1\.xlsx \(line 89, column "O \(2013\)"\): "69,970" is not a number/,
  },
  {
    name: 'inflows: a name that matches no area',
    importer: knomadInflows2023,
    spoil: (dir) => setCells(path.join(dir, INFLOWS), { A3: 'Atlantis' }),
    error: /inward_remittance_flows_december_2023_1\.xlsx: 1 name\(s\) match no area .*"Atlantis" \(row 3\)/,
  },
  {
    name: 'inflows: a share of GDP for a year the table has no inflows of',
    importer: knomadInflows2023,
    spoil: (dir) => setCells(path.join(dir, INFLOWS), { Z1: '% of GDP in 2030' }),
    error:
      /inward_remittance_flows_december_2023_1\.xlsx \(line 1, column "Z"\): "% of GDP in 2030" has no column of inflows for 2030/,
  },
  {
    name: 'inflows: a header that is not a year',
    importer: knomadInflows2023,
    spoil: (dir) => setCells(path.join(dir, INFLOWS), { F1: 'Total' }),
    error: /inward_remittance_flows_december_2023_1\.xlsx \(line 1, column "F"\): "Total" is not a year column/,
  },
];
const spoiled = new Map<string, string>();

beforeAll(async () => {
  for (const c of cases) spoiled.set(c.name, await spoiledCopy(c.spoil));
}, 120_000);
afterAll(() => {
  for (const dir of spoiled.values()) rmSync(dir, { recursive: true, force: true });
});

describe.each(testEngines())('KNOMAD importers on %s', (engine) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of knomadImporters) await importDataset(testDb.database, importer);
  }, 120_000);
  afterAll(async () => {
    await testDb.drop();
  });

  /** Sum of one dataset's values in a period, over the series `where` selects (SQL on s, r, c). */
  async function total(dataset: string, period: string, where = sql`true`): Promise<number> {
    const r = await sql<{ v: number | null }>`
      SELECT sum(o.value)::float8 AS v
      FROM observation o
      JOIN series s ON s.id = o.series_id
      JOIN area r ON r.code = s.ref_area
      LEFT JOIN area c ON c.code = s.counterpart_area
      WHERE s.dataset_id = ${dataset} AND o.period = ${period} AND ${where}
    `.execute(testDb.database.db);
    return r.rows[0]?.v ?? Number.NaN;
  }

  const countryPairs = sql`r.kind <> 'aggregate' AND c.kind <> 'aggregate'`;

  const snapshot = () => statsSnapshot(testDb.database.db);

  describe('Bilateral Remittance Matrix 2021', () => {
    const id = knomadBilateral2021.meta.id;

    it('sums its 10,229 country pairs to US$ 781.08 bn, the WORLD/WORLD cell', async () => {
      const pairs = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM series s JOIN area r ON r.code = s.ref_area JOIN area c ON c.code = s.counterpart_area
        WHERE s.dataset_id = ${id} AND ${countryPairs}
      `.execute(testDb.database.db);
      expect(pairs.rows[0]?.n).toBe(10_229);
      const sum = await total(id, '2021', countryPairs);
      expect(Math.abs(sum - 781_080)).toBeLessThan(50);
      const world = await total(id, '2021', sql`s.ref_area = 'KNOMAD_WORLD' AND s.counterpart_area = 'KNOMAD_WORLD'`);
      expect(world).toBeCloseTo(sum, 3);
    });

    it('United States → Mexico US$ 52.6 bn; into India 89.4 bn, as its WORLD row says', async () => {
      const usMex = await total(id, '2021', sql`s.ref_area = 'MEX' AND s.counterpart_area = 'USA'`);
      expect(Math.abs(usMex - 52_600)).toBeLessThan(50);
      const intoIndia = await total(id, '2021', sql`s.ref_area = 'IND' AND c.kind <> 'aggregate'`);
      expect(Math.abs(intoIndia - 89_400)).toBeLessThan(50);
      const worldRow = await total(id, '2021', sql`s.ref_area = 'IND' AND s.counterpart_area = 'KNOMAD_WORLD'`);
      expect(worldRow).toBeCloseTo(intoIndia, 3);
    });

    it('leaves blank corridors out: India ↔ Pakistan has no value', async () => {
      const r = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM series
        WHERE dataset_id = ${id} AND ((ref_area = 'IND' AND counterpart_area = 'PAK') OR (ref_area = 'PAK' AND counterpart_area = 'IND'))
      `.execute(testDb.database.db);
      expect(r.rows[0]?.n).toBe(0);
    });
  });

  describe('Bilateral Remittance Matrix 2018', () => {
    const id = knomadBilateral2018.meta.id;

    it('totals US$ 682.2 bn; United States → Mexico 34.7 bn; into India 78.6 bn', async () => {
      expect(await total(id, '2018')).toBe(682_222);
      expect(await total(id, '2018', sql`s.ref_area = 'MEX' AND s.counterpart_area = 'USA'`)).toBe(34_704);
      expect(await total(id, '2018', sql`s.ref_area = 'IND'`)).toBe(78_603);
    });

    it('keeps printed zeros, but not a country with itself nor the N/A cells', async () => {
      const r = await sql<{ zeros: number; self: number; indPak: number }>`
        SELECT count(*) FILTER (WHERE o.value = 0)::int AS zeros,
               count(*) FILTER (WHERE s.ref_area = s.counterpart_area)::int AS self,
               count(*) FILTER (WHERE s.ref_area IN ('IND', 'PAK') AND s.counterpart_area IN ('IND', 'PAK'))::int AS "indPak"
        FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = ${id}
      `.execute(testDb.database.db);
      // 214 × 214 cells: 6,062 non-zero, 4 N/A, 214 on the diagonal.
      expect(r.rows[0]).toEqual({ zeros: 214 * 214 - 6_062 - 4 - 214, self: 0, indPak: 0 });
    });
  });

  describe('Remittance inflows, December 2023', () => {
    const id = knomadInflows2023.meta.id;
    const at = (area: string) => sql`s.ref_area = ${area} AND s.indicator_id = 'remittance_inflows_usd_m'`;

    it('low- and middle-income countries: 2013 US$ 420.9 bn (World 580.6), 2022 644.8, 2023e 669.3', async () => {
      expect(Math.abs((await total(id, '2013', at('KNOMAD_LMIC'))) - 420_900)).toBeLessThan(50);
      expect(Math.abs((await total(id, '2013', at('KNOMAD_WORLD'))) - 580_600)).toBeLessThan(50);
      expect(Math.abs((await total(id, '2022', at('KNOMAD_LMIC'))) - 644_800)).toBeLessThan(50);
      expect(Math.abs((await total(id, '2023', at('KNOMAD_LMIC'))) - 669_300)).toBeLessThan(50);
    });

    it('India 2023e: US$ 125.0 bn, an estimate', async () => {
      const r = await sql<{ value: number; status: string; flags: string | null }>`
        SELECT o.value, o.status, o.flags FROM observation o JOIN series s ON s.id = o.series_id
        WHERE s.dataset_id = ${id} AND s.ref_area = 'IND' AND o.period = '2023'
          AND s.indicator_id = 'remittance_inflows_usd_m'
      `.execute(testDb.database.db);
      expect(r.rows).toEqual([{ value: 125_000, status: 'E', flags: 'e' }]);
      expect(await total(id, '2022', sql`o.status = 'E'`)).toBeNaN();
    });

    it('keeps KNOMAD’s own share of GDP in 2023, estimates as the inflows: the Philippines 9.17 %, World 0.82 %', async () => {
      const r = await sql<{ area: string; value: number; status: string; flags: string | null }>`
        SELECT s.ref_area AS area, o.value, o.status, o.flags FROM observation o JOIN series s ON s.id = o.series_id
        WHERE s.dataset_id = ${id} AND s.indicator_id = 'remittance_inflows_pct_gdp'
        ORDER BY s.ref_area, o.period
      `.execute(testDb.database.db);
      // 216 rows in the column: 26 blank and 5 printed 0 are not stored.
      expect(r.rows).toHaveLength(185);
      expect(new Set(r.rows.map((row) => `${row.status} ${String(row.flags)}`))).toEqual(new Set(['E e']));
      const of = (area: string) => r.rows.find((row) => row.area === area)?.value;
      expect([of('PHL'), of('KNOMAD_LMIC'), of('KNOMAD_WORLD')]).toEqual([
        9.1743119266055047, 1.7006970686585263, 0.82231005181388794,
      ]);
      const periods = await sql<{ period: string }>`
        SELECT DISTINCT o.period FROM observation o JOIN series s ON s.id = o.series_id
        WHERE s.indicator_id = 'remittance_inflows_pct_gdp'
      `.execute(testDb.database.db);
      expect(periods.rows).toEqual([{ period: '2023' }]);
    });

    it('stores no printed 0 and declares its aggregates under KNOMAD', async () => {
      expect(await total(id, '2000', sql`o.value = 0`)).toBeNaN();
      const r = await sql<{ code: string; aggregate_publisher: string }>`
        SELECT code, aggregate_publisher FROM area WHERE code LIKE 'KNOMAD\\_%' ORDER BY code
      `.execute(testDb.database.db);
      expect(r.rows).toEqual([
        { code: 'KNOMAD_LMIC', aggregate_publisher: 'World Bank/KNOMAD' },
        { code: 'KNOMAD_WORLD', aggregate_publisher: 'World Bank/KNOMAD' },
      ]);
    });
  });

  it('re-importing unchanged files does nothing; forcing gives the same rows', async () => {
    const before = await snapshot();
    for (const importer of knomadImporters) {
      expect(await importDataset(testDb.database, importer)).toEqual({ dataset: importer.meta.id, loaded: false });
    }
    // The 2018 matrix is the slowest to write; the two workbooks stand for the forced path.
    for (const importer of [knomadBilateral2021, knomadInflows2023]) {
      expect((await importDataset(testDb.database, importer, { force: true })).loaded).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  describe('a malformed file fails, naming the fault, and changes nothing', () => {
    for (const c of cases) {
      it(c.name, async () => {
        const before = await snapshot();
        await expect(
          importDataset(testDb.database, c.importer, { dir: spoiled.get(c.name), force: true }),
        ).rejects.toThrow(c.error);
        expect(await snapshot()).toEqual(before);
      });
    }
  });
});
