import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { editGzipText } from '../../../tests/helpers/stats.js';
import { REFERENCE_DATA_DIR } from '../paths.js';
import { loadReference } from './load-reference.js';

/** A copy of the bundled reference folder that a test may spoil. */
function copyOfReferenceData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bridges-ref-'));
  cpSync(REFERENCE_DATA_DIR, dir, { recursive: true });
  return dir;
}

async function setOghistCell(file: string, cell: string, value: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Country_cat');
  if (!sheet) throw new Error('Country_cat sheet missing');
  sheet.getCell(cell).value = value;
  await workbook.xlsx.writeFile(file);
}

describe.each(testEngines())('reference data load on %s', (engine) => {
  let testDb: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine, { empty: true });
  });
  afterAll(async () => {
    await testDb.drop();
  });
  beforeEach(() => {
    dir = copyOfReferenceData();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fingerprint of everything the load writes, to prove a failed load changed nothing. */
  async function snapshot() {
    const r = await sql<{ areas: number; names: number; income: number; digest: string }>`
      SELECT (SELECT count(*) FROM area)::int AS areas,
             (SELECT count(*) FROM area_name)::int AS names,
             (SELECT count(*) FROM income_classification)::int AS income,
             (SELECT md5(string_agg(code || coalesce(iso2, '') || name_en, ',' ORDER BY code)) FROM area) AS digest
    `.execute(testDb.database.db);
    return r.rows[0];
  }

  it('loads once, and a second start finds nothing to do', async () => {
    const first = await loadReference(testDb.database);
    expect(first).toMatchObject({ loaded: true, areas: 261 });
    const before = await snapshot();
    expect(before?.areas).toBe(261);
    const second = await loadReference(testDb.database);
    expect(second.loaded).toBe(false);
    expect(await snapshot()).toEqual(before);
    // Forcing reloads the same rows: idempotent.
    expect((await loadReference(testDb.database, { force: true })).loaded).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('reports progress while it loads', async () => {
    const steps: string[] = [];
    await loadReference(testDb.database, {
      force: true,
      onProgress: (step, done, total) => steps.push(`${step} ${String(done)}/${String(total)}`),
    });
    // 13,295 rows: 29 M49 regions, sub-regions and intermediate regions (UNSD-M49-en.csv.gz), 261
    // areas, 4,713 names (3,994 from the UN's and datahub's files, 694 more from CLDR's, 25 more
    // from the World Bank's, "Korea, Rep.", where they differ from all of these), 4 code
    // aliases (the source_aliases of non-iso-areas.csv) and 8,288 income rows (OGHIST.xlsx, sheet
    // Country_cat: 224 economies × 37 fiscal years FY89–FY25); one step per table, names and
    // income rows in chunks of 1,000.
    const loading = [
      29, 290, 1290, 2290, 3290, 4290, 5003, 5007, 6007, 7007, 8007, 9007, 10007, 11007, 12007, 13007, 13295,
    ];
    expect(steps).toEqual([
      'reading reference files 0/1',
      'reading reference files 1/1',
      ...loading.map((done) => `loading countries and classifications ${String(done)}/13295`),
    ]);
  });

  describe('a malformed file fails with file, line and column, and changes nothing', () => {
    beforeEach(async () => {
      await loadReference(testDb.database);
    });

    async function expectFailure(message: RegExp) {
      const before = await snapshot();
      await expect(loadReference(testDb.database, { dir, force: true })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('an invalid code', async () => {
      editGzipText(path.join(dir, 'country-codes.csv.gz'), (t) => t.replace(/\nAFG,93,AFG,/, '\nAFG,93,AF1,'));
      await expectFailure(
        /country-codes\.csv\.gz \(line 2, column "ISO3166-1-Alpha-3"\): "AF1" is not an ISO alpha-3 code/,
      );
    });

    it('a CLDR name for a code that is no ISO country', async () => {
      editGzipText(path.join(dir, 'cldr-territory-names.csv.gz'), (t) =>
        t.replace(/\nTR,fr,,Turquie\n/, '\nTQ,fr,,Turquie\n'),
      );
      await expectFailure(
        /cldr-territory-names\.csv\.gz \(line \d+, column "iso2"\): "TQ" is not the ISO alpha-2 code of a country/,
      );
    });

    it('a missing column', async () => {
      editGzipText(path.join(dir, 'UNSD-M49-en.csv.gz'), (t) => t.replace('ISO-alpha3 Code', 'ISO3'));
      await expectFailure(/UNSD-M49-en\.csv\.gz \(line 1\): missing column "ISO-alpha3 Code"/);
    });

    it('a truncated archive', async () => {
      const file = path.join(dir, 'UNSD-M49-en.csv.gz');
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expectFailure(/UNSD-M49-en\.csv\.gz: not a complete gzip file/);
    });

    it('a row cut short', async () => {
      const file = path.join(dir, 'non-iso-areas.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\nSTL,.*$/m, '\nSTL,residual,Stateless'));
      await expectFailure(/non-iso-areas\.csv \(line 13\)/);
    });

    it('a file in the wrong encoding', async () => {
      const file = path.join(dir, 'non-iso-areas.csv');
      writeFileSync(file, Buffer.from(readFileSync(file, 'utf8'), 'latin1'));
      await expectFailure(/non-iso-areas\.csv \(line 3, column "name_fr"\): is not valid UTF-8/);
    });

    it('a value that is not an income group', async () => {
      await setOghistCell(path.join(dir, 'OGHIST.xlsx'), 'E3', 'XL');
      await expectFailure(/OGHIST\.xlsx \(line 3, column "E \(FY91\)"\): "XL" is not an income group/);
    });

    it('a code that matches no area', async () => {
      await setOghistCell(path.join(dir, 'OGHIST.xlsx'), 'A2', 'QQQ');
      await expectFailure(/OGHIST\.xlsx: codes matching no area: QQQ "Afghanistan" \(row 2\)/);
    });

    it('a World Bank economy that matches no area', async () => {
      editGzipText(path.join(dir, 'wdi_country_metadata_region_incomegroup_2023-10.csv.gz'), (t) =>
        t.replace('\nABW,Latin America', '\nQQQ,Latin America'),
      );
      await expectFailure(
        /wdi_country_metadata_region_incomegroup_2023-10\.csv\.gz \(line 2, column "Country Code"\): economy QQQ "Aruba" matches no area/,
      );
    });

    it('a conflict found only by the database rolls the whole load back', async () => {
      // Two countries with the alpha-2 code PH: only the UNIQUE constraint sees it, mid-transaction.
      editGzipText(path.join(dir, 'country-codes.csv.gz'), (t) =>
        t.replace(/^(AFG,93,AFG,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)AF,/m, '$1PH,'),
      );
      // (CLDR's names of AF would otherwise be refused first, by the parser.)
      editGzipText(path.join(dir, 'cldr-territory-names.csv.gz'), (t) => t.replace(/^AF,.*\n/gm, ''));
      await expectFailure(/area_iso2_key|duplicate key/);
    });
  });
});
