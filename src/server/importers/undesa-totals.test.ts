import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { readSourceFile } from '../ingest/read-source.js';
import { ROOT_DIR } from '../paths.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import { readUndesaTotalsWorkbook, undesaImsDestination2020 } from './undesa-totals.js';
import { statsSnapshot } from '../../../tests/helpers/stats.js';

const WORKBOOK = 'undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx';
/**
 * The tidy CSV derived from the workbook by whoever collected the raw files (the shared raw folder's
 * undesa_ims/undesa_ims2020_totals_by_destination.csv, 402,969 bytes, SHA-256 4973ee79…6d650),
 * bundled gzipped: a cross-check only, always run.
 */
const DERIVED_CSV = path.join(
  ROOT_DIR,
  'tests',
  'fixtures',
  'undesa_ims',
  'undesa_ims2020_totals_by_destination.csv.gz',
);

async function editWorkbook(file: string, edit: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe.each(testEngines())('UN DESA migrant stock by destination on %s', (engine) => {
  let testDb: TestDatabase;
  const id = undesaImsDestination2020.meta.id;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    const outcome = await importDataset(testDb.database, undesaImsDestination2020);
    if (outcome.loaded) console.info(`UN DESA totals import on ${engine}: ${outcome.seconds.toFixed(1)} s`);
  }, 180_000); // a whole file imported on a busy machine can outlast the default hook timeout
  afterAll(async () => {
    await testDb.drop();
  });

  async function value(indicator: string, area: string, period: string, sex = '_T') {
    const r = await sql<{ value: number; flags: string | null }>`
      SELECT o.value, o.flags FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.indicator_id = ${indicator} AND s.ref_area = ${area}
        AND s.sex = ${sex} AND o.period = ${period}
    `.execute(testDb.database.db);
    expect(r.rows.length, `${indicator} ${area} ${period} ${sex}`).toBe(1);
    return r.rows[0]?.value ?? Number.NaN;
  }

  it('gives the world totals: 220,983,187 in 2010 and 280,598,105 in 2020 (3.18 % and 3.60 %)', async () => {
    expect(await value('migrant_stock_total', 'UNDESA_900', '2010')).toBe(220_983_187);
    expect(await value('migrant_stock_total', 'UNDESA_900', '2020')).toBe(280_598_105);
    expect(await value('migrant_stock_total', 'UNDESA_900', '2020', 'M')).toBe(145_655_844);
    expect(await value('migrant_stock_total', 'UNDESA_900', '2020', 'F')).toBe(134_942_261);
    expect((await value('migrant_share_pct', 'UNDESA_900', '2010')).toFixed(2)).toBe('3.18');
    expect((await value('migrant_share_pct', 'UNDESA_900', '2020')).toFixed(2)).toBe('3.60');
    expect(await value('population_thousands', 'UNDESA_900', '2020')).toBe(7_794_798.729);
    const usa = await value('migrant_stock_total', 'USA', '2020');
    expect((usa / 1e6).toFixed(1)).toBe('50.6');
  });

  it('names the UN aggregates as the UN does, and keeps the type of data', async () => {
    const r = await sql<{ code: string; name_en: string; publisher: string }>`
      SELECT code, name_en, aggregate_publisher AS publisher FROM area
      WHERE code IN ('UNDESA_900', 'UNDESA_1503', 'UNDESA_927', 'UNDESA_957') ORDER BY code
    `.execute(testDb.database.db);
    expect(r.rows).toEqual([
      { code: 'UNDESA_1503', name_en: 'High-income countries', publisher: 'UN DESA' },
      { code: 'UNDESA_900', name_en: 'World', publisher: 'UN DESA' },
      { code: 'UNDESA_927', name_en: 'Australia and New Zealand', publisher: 'UN DESA' },
      { code: 'UNDESA_957', name_en: 'Polynesia', publisher: 'UN DESA' },
    ]);
    const flags = await sql<{ flags: string | null; status: string }>`
      SELECT o.flags, o.status FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.indicator_id = 'migrant_stock_total' AND s.sex = '_T' AND o.period = '2020'
        AND s.ref_area IN ('USA', 'ERI', 'BEN') ORDER BY s.ref_area
    `.execute(testDb.database.db);
    expect(flags.rows).toEqual([
      { flags: 'CBR', status: 'A' },
      { flags: 'IR', status: 'I' },
      { flags: 'B', status: 'A' },
    ]);
    const population = await sql<{ flags: string | null; status: string }>`
      SELECT DISTINCT o.flags, o.status FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${id} AND s.indicator_id = 'population_thousands'
    `.execute(testDb.database.db);
    expect(population.rows).toEqual([{ flags: null, status: 'A' }]);
  });

  it('names every UN aggregate in French and Spanish, SDG regions apart from their M49 namesakes', async () => {
    const r = await sql<{ code: string; lang: string; name: string }>`
      SELECT a.code, n.lang, n.name FROM area a JOIN area_name n ON n.area_code = a.code AND n.name_type = 'short'
      WHERE a.code LIKE 'UNDESA\\_%' AND n.lang IN ('fr', 'es') ORDER BY a.code, n.lang
    `.execute(testDb.database.db);
    const name = (code: string, lang: string) => r.rows.find((x) => x.code === code && x.lang === lang)?.name;
    const aggregates = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM area WHERE code LIKE 'UNDESA\\_%'`.execute(testDb.database.db);
    expect(aggregates.rows[0]?.n).toBeGreaterThan(40);
    expect(r.rows.length).toBe(2 * (aggregates.rows[0]?.n ?? 0));
    expect(name('UNDESA_900', 'fr')).toBe('Monde');
    expect(name('UNDESA_903', 'es')).toBe('África');
    expect(name('UNDESA_904', 'fr')).toBe('Amérique latine et Caraïbes');
    expect(name('UNDESA_1830', 'fr')).toBe('Amérique latine et Caraïbes (région ODD)');
    expect(name('UNDESA_1503', 'es')).toBe('Países de ingreso alto');
  });

  it('puts every country on the area with its M49 code', async () => {
    const tables = await readUndesaTotalsWorkbook(readSourceFile(path.join(STATS_DATA_DIR, 'undesa_ims', WORKBOOK)));
    const countries = (tables[0]?.rows ?? []).filter((r) => r.code < 900);
    const aggregates = new Set((tables[0]?.rows ?? []).filter((r) => r.code >= 900).map((r) => r.code));
    expect(countries).toHaveLength(235);
    expect(aggregates.size).toBe(47); // 48 rows: 927 is listed twice
    const r = await sql<{ m49: string | null; code: string }>`
      SELECT DISTINCT a.m49, a.code FROM series s JOIN area a ON a.code = s.ref_area
      WHERE s.dataset_id = ${id} AND a.kind <> 'aggregate' ORDER BY a.code
    `.execute(testDb.database.db);
    expect(r.rows.map((row) => Number(row.m49)).sort((a, b) => a - b)).toEqual(
      countries.map((c) => c.code).sort((a, b) => a - b),
    );
  });

  it('equals the derived tidy CSV value for value', async () => {
    const areas = await sql<{ code: string; m49: string | null }>`SELECT code, m49 FROM area`.execute(
      testDb.database.db,
    );
    const byM49 = new Map(areas.rows.filter((a) => a.m49).map((a) => [Number(a.m49), a.code]));
    const stored = await sql<{ indicator: string; area: string; sex: string; period: string; value: number }>`
      SELECT s.indicator_id AS indicator, s.ref_area AS area, s.sex, o.period, o.value
      FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = ${id}
    `.execute(testDb.database.db);
    const db = new Map(stored.rows.map((o) => [`${o.indicator} ${o.area} ${o.sex} ${o.period}`, o.value]));
    const sexes: Record<string, string> = { both: '_T', male: 'M', female: 'F' };
    const columns = {
      migrant_stock: 'migrant_stock_total',
      total_population_thousands: 'population_thousands',
      migrant_share_pct: 'migrant_share_pct',
    };
    const csv = new Map<string, number>();
    const lines = gunzipSync(readFileSync(DERIVED_CSV)).toString('utf8').trim().split('\n');
    const header = (lines[0] ?? '').split(',');
    for (const line of lines.slice(1)) {
      // Names hold commas ("China, Hong Kong SAR"): the fields needed are the first and the last five.
      const fields = line.split(',');
      const code = Number(fields[0]);
      const [year, sex, ...values] = fields.slice(-5);
      const area = code >= 900 ? `UNDESA_${String(code)}` : byM49.get(code);
      Object.values(columns).forEach((indicator, i) => {
        const text = values[i] ?? '';
        if (text !== '')
          csv.set(`${indicator} ${area ?? `m49 ${String(code)}`} ${sexes[sex ?? ''] ?? sex} ${year}`, Number(text));
      });
    }
    expect(header.slice(-3)).toEqual(Object.keys(columns));
    expect(db.size).toBe(csv.size);
    expect(Object.fromEntries(db)).toEqual(Object.fromEntries(csv));
  });

  /** A fingerprint of the whole database's statistics. */
  const snapshot = () => statsSnapshot(testDb.database.db);

  it('re-imports idempotently', async () => {
    const before = await snapshot();
    expect((await importDataset(testDb.database, undesaImsDestination2020)).loaded).toBe(false);
    expect((await importDataset(testDb.database, undesaImsDestination2020, { force: true })).loaded).toBe(true);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  describe('a malformed workbook fails with file, sheet, row and column, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-undesa-'));
      mkdirSync(path.join(dir, 'undesa_ims'));
      cpSync(path.join(STATS_DATA_DIR, 'undesa_ims', WORKBOOK), path.join(dir, 'undesa_ims', WORKBOOK));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const file = () => path.join(dir, 'undesa_ims', WORKBOOK);

    async function expectFailure(message: RegExp) {
      const before = await snapshot();
      await expect(importDataset(testDb.database, undesaImsDestination2020, { dir })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('a bad number', async () => {
      await editWorkbook(file(), (w) => {
        sheet(w, 'Table 2').getCell('L40').value = '53 771';
      });
      await expectFailure(/\.xlsx \(line 40, column "L"\): sheet "Table 2": "53 771" is not a number/);
    });

    it('an unknown code', async () => {
      await editWorkbook(file(), (w) => {
        for (const name of ['Table 1', 'Table 2', 'Table 3']) sheet(w, name).getCell('D40').value = 899;
      });
      await expectFailure(/\.xlsx \(line 40, column "D"\): unknown M49 code "899"/);
    });

    it('tables that disagree on their rows', async () => {
      await editWorkbook(file(), (w) => {
        sheet(w, 'Table 3').getCell('D40').value = 405;
      });
      await expectFailure(/\.xlsx \(line 40, column "D"\): sheet "Table 3": location 405 is not in the same row/);
    });

    it('a missing column', async () => {
      await editWorkbook(file(), (w) => {
        sheet(w, 'Table 1').getCell('D11').value = 'Code';
      });
      await expectFailure(/\.xlsx \(line 11, column "D"\): sheet "Table 1": expected "Location code" in the header/);
    });

    it('a truncated file', async () => {
      writeFileSync(file(), readFileSync(file()).subarray(0, 200_000));
      await expectFailure(/\.xlsx: not a readable xlsx workbook/);
    });
  });
});
