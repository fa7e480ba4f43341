import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { importDataset, STATS_DATA_DIR } from '../stats/import-dataset.js';
import { odaDac2a } from './oda.js';
import { statsSnapshot } from '../../../tests/helpers/stats.js';

const FILE = 'oda/oecd_dac2a_net_oda_received_alldonors_current_usd_millions.csv.gz';

describe.each(testEngines())('OECD DAC2A importer on %s', (engine) => {
  let testDb: TestDatabase;
  const id = odaDac2a.meta.id;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, odaDac2a);
  });
  afterAll(async () => {
    await testDb.drop();
  });

  async function total(period: string, where = sql`true`): Promise<number> {
    const r = await sql<{ v: number | null }>`
      SELECT sum(o.value)::float8 AS v
      FROM observation o JOIN series s ON s.id = o.series_id JOIN area r ON r.code = s.ref_area
      WHERE s.dataset_id = ${id} AND o.period = ${period} AND ${where}
    `.execute(testDb.database.db);
    return r.rows[0]?.v ?? Number.NaN;
  }

  const snapshot = () => statsSnapshot(testDb.database.db);

  it('Afghanistan 2021: US$ 4,691.71 million', async () => {
    expect(await total('2021', sql`s.ref_area = 'AFG'`)).toBeCloseTo(4_691.71, 6);
  });

  it('2022: all recipients US$ 151.4 bn, of which countries 151.34 bn and the regional F4_X 87.6 m', async () => {
    expect(Math.abs((await total('2022')) - 151_400)).toBeLessThan(50);
    expect(await total('2022', sql`r.kind <> 'aggregate'`)).toBeCloseTo(151_341.14, 6);
    expect(await total('2022', sql`s.ref_area = 'OECD_F4_X'`)).toBeCloseTo(87.6, 6);
    const r = await sql<{ kind: string; publisher: string }>`
      SELECT kind, aggregate_publisher AS publisher FROM area WHERE code = 'OECD_F4_X'
    `.execute(testDb.database.db);
    expect(r.rows).toEqual([{ kind: 'aggregate', publisher: 'OECD Development Assistance Committee' }]);
    // Named in the three languages of the UI, as no file names it.
    const names = await sql<{ lang: string; name: string }>`
      SELECT lang, name FROM area_name WHERE area_code = 'OECD_F4_X' AND name_type = 'short' ORDER BY lang
    `.execute(testDb.database.db);
    expect(names.rows.map((n) => n.lang)).toEqual(['en', 'es', 'fr']);
    expect(names.rows.find((n) => n.lang === 'fr')?.name).toMatch(/^Bénéficiaire F4_X du CAD de l’OCDE/);
  });

  it('180 recipients; Kosovo (XKV) is XKX; status A everywhere, negative net flows kept', async () => {
    const r = await sql<{ recipients: number; kosovo: number; statuses: string; negative: number }>`
      SELECT count(DISTINCT s.ref_area)::int AS recipients,
             count(*) FILTER (WHERE s.ref_area = 'XKX')::int AS kosovo,
             string_agg(DISTINCT o.status, ',') AS statuses,
             count(*) FILTER (WHERE o.value < 0)::int AS negative
      FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = ${id}
    `.execute(testDb.database.db);
    expect(r.rows[0]).toEqual({ recipients: 180, kosovo: 15, statuses: 'A', negative: 87 });
  });

  it('re-importing unchanged files does nothing; forcing gives the same rows', async () => {
    const before = await snapshot();
    expect(await importDataset(testDb.database, odaDac2a)).toEqual({ dataset: id, loaded: false });
    expect((await importDataset(testDb.database, odaDac2a, { force: true })).loaded).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  describe('a malformed file fails, naming the fault, and changes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bridges-oda-'));
      cpSync(path.join(STATS_DATA_DIR, 'oda'), path.join(dir, 'oda'), { recursive: true });
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    async function expectFailure(edit: (text: string) => string, message: RegExp) {
      const file = path.join(dir, FILE);
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      const edited = edit(text);
      expect(edited).not.toBe(text);
      writeFileSync(file, gzipSync(edited));
      const before = await snapshot();
      await expect(importDataset(testDb.database, odaDac2a, { dir, force: true })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('a value that is not a number', async () => {
      await expectFailure(
        (t) => t.replace('"A","13.11","V","SAU","2001"', '"A","13,11","V","SAU","2001"'),
        /oecd_dac2a_net_oda_received_alldonors_current_usd_millions\.csv\.gz \(line 2, column "ObsValue"\): "13,11" is not a number/,
      );
    });

    it('a unit other than millions', async () => {
      await expectFailure(
        (t) => t.replace('"SAU","2002","USD","6"', '"SAU","2002","USD","3"'),
        /\(line 3, column "UNIT_MULT"\): UNIT_MULT is "3"; this importer reads only 6/,
      );
    });

    it('a recipient code that matches no area', async () => {
      await expectFailure(
        (t) => t.replace('"V","SAU","2003"', '"V","SAX","2003"'),
        /\(line 4, column "RECIPIENT"\): unknown area code "SAX"/,
      );
    });

    it('an unknown observation status', async () => {
      await expectFailure(
        (t) => t.replace('"206","A","13.11"', '"206","Z","13.11"'),
        /\(line 2, column "OBS_STATUS"\): unknown observation status "Z"/,
      );
    });

    it('a missing column', async () => {
      await expectFailure((t) => t.replace('"TIME_PERIOD"', '"PERIOD"'), /\(line 1\): missing column "TIME_PERIOD"/);
    });
  });
});
