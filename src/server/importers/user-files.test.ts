import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { ROOT_DIR } from '../paths.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import { importDataset } from '../stats/import-dataset.js';
import { detectUserFileFormat, importUserFile, userFileImporter } from './user-files.js';

const FIXTURES = path.join(ROOT_DIR, 'tests', 'fixtures', 'user-files');
const fixture = (name: string) => path.resolve(FIXTURES, name);
const TIDY_MAPPING = 'remittance-share.mapping.json';
const SDMX_MAPPING = 'migrants.sdmx.mapping.json';
const JSON_MAPPING = 'migrants.sdmx-json.mapping.json';

/** A temporary folder a test may write into; removed after the file's tests. */
const scratch = mkdtempSync(path.join(tmpdir(), 'bridges-user-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A JSON message cut short, as a failed download leaves it. Made here rather than kept as a
 * fixture, so that the fixtures folder stays valid for the formatter.
 */
const TRUNCATED_JSON = path.join(scratch, 'truncated.sdmx.json');
const wholeJson = readFileSync(fixture('migrants.sdmx.json'), 'utf8');
writeFileSync(TRUNCATED_JSON, wholeJson.slice(0, wholeJson.indexOf('"1:1:0"') + 12));
/** The same message with two frequencies at data-set level: which one is the data set's? */
const TWO_FREQ_JSON = path.join(scratch, 'two-freq.sdmx.json');
writeFileSync(
  TWO_FREQ_JSON,
  wholeJson.replace(
    '"values": [{ "id": "A", "name": "Annual" }]',
    '"values": [{ "id": "A", "name": "Annual" }, { "id": "Q" }]',
  ),
);
/** The same message with a series key given twice: JSON.parse would keep the second series only. */
const TWICE_JSON = path.join(scratch, 'twice.sdmx.json');
writeFileSync(
  TWICE_JSON,
  wholeJson.replace(
    '"1:1:0": { "observations"',
    '"0:0:1": { "observations": { "0": [7777, 0] } },\n          "1:1:0": { "observations"',
  ),
);

/** A new indicator's definition, as a mapping gives it. */
const TEST_SHARE = {
  id: 'test_share',
  name: 'A share (test)',
  unit: 'percent',
  description: 'An invented indicator for tests.',
  measureType: 'rate',
  topic: 'migration',
};

/** A file in the layout of remittance-share.csv (its header, then `rows`), written into the scratch folder. */
function shareCsv(name: string, rows: readonly string[]): string {
  const file = path.join(scratch, name);
  writeFileSync(file, [SHARE_HEADER, ...rows].join('\n'));
  return file;
}
const SHARE_HEADER = 'country,year,sex,share_pct,quality,channel,comment';

/** Writes a mapping into the scratch folder, as `edit` changes the given fixture's. */
function editedMapping(name: string, edit: (m: Record<string, unknown>) => void): string {
  const mapping = JSON.parse(readFileSync(fixture(name), 'utf8')) as Record<string, unknown>;
  edit(mapping);
  const file = path.join(scratch, `edited-${String(Math.random()).slice(2)}.mapping.json`);
  writeFileSync(file, JSON.stringify(mapping, null, 2));
  return file;
}

describe('user files: formats and mapping files', () => {
  it('tells the formats apart by name and first header', () => {
    expect(detectUserFileFormat(fixture('remittance-share.csv'))).toBe('tidy-csv');
    expect(detectUserFileFormat(fixture('migrants.sdmx.csv'))).toBe('sdmx-csv');
    expect(detectUserFileFormat(fixture('sdmx-csv-2.sdmx.csv'))).toBe('sdmx-csv');
    expect(detectUserFileFormat(fixture('migrants.sdmx.json'))).toBe('sdmx-json');
    expect(() => detectUserFileFormat(fixture('../user-files'))).toThrow(/Cannot tell the format/);
  });

  it('needs a mapping, and names its faults with the field and the mapping file', () => {
    expect(() => userFileImporter(fixture('remittance-share.csv'))).toThrow(/is a tidy CSV: give --mapping/);
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'))).toThrow(/is SDMX-CSV: give --mapping/);

    const noLicence = editedMapping(TIDY_MAPPING, (m) => delete (m.dataset as Record<string, unknown>).licence);
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: noLicence })).toThrow(
      /edited-\d+\.mapping\.json \(line 3, column 3\): invalid mapping: dataset\.licence: is required \[at dataset\.licence\]/,
    );
    const badFields = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).releaseDate = '30/06/2024';
      (m.columns as Record<string, unknown>).refarea = 'country';
    });
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: badFields })).toThrow(
      /invalid mapping: dataset\.releaseDate: must be a date such as 2024-06-30; columns: unknown field "refarea"/,
    );
    // The source's address is a link on every page that cites the dataset: a web address only.
    for (const address of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const link = editedMapping(TIDY_MAPPING, (m) => ((m.dataset as Record<string, unknown>).sourceUrl = address));
      expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: link })).toThrow(
        /invalid mapping: dataset\.sourceUrl: must be an http:\/\/ or https:\/\/ address/,
      );
    }
    // A title that would display reversed, or with a control character, on every page citing it.
    const hidden = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).title = 'Remittances \u202Ereversed';
      (m.dataset as Record<string, unknown>).caveats = 'Bell\u0007';
    });
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: hidden })).toThrow(
      /invalid mapping: dataset\.title: holds U\+202E, a bidirectional control, which reorders the text on screen, at character 13; remove it; dataset\.caveats: holds U\+0007, a control character, at character 5; remove it/,
    );
    const unknownIndicator = editedMapping(SDMX_MAPPING, (m) => (m.indicator = 'migrants'));
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'), { mapping: unknownIndicator })).toThrow(
      /\(line 13, column 3\): "migrants" is not in the indicator catalogue \(known: migrant_stock, /,
    );
    const redefined = editedMapping(
      TIDY_MAPPING,
      (m) => ((m.indicator as Record<string, unknown>).id = 'migrant_stock'),
    );
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: redefined })).toThrow(
      /"migrant_stock" is a catalogue indicator: name it as the string "migrant_stock" to use it/,
    );
    const bundled = editedMapping(SDMX_MAPPING, (m) => ((m.dataset as Record<string, unknown>).id = 'undesa-ims-2024'));
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'), { mapping: bundled })).toThrow(
      /"undesa-ims-2024" is a bundled dataset of Bridges; choose another id/,
    );
    // Nor may a file of one's own join the editions of a bundled publication.
    const family = editedMapping(TIDY_MAPPING, (m) => ((m.dataset as Record<string, unknown>).family = 'undesa-ims'));
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: family })).toThrow(
      /"undesa-ims" is the family of Bridges' bundled editions \(United Nations, Department of Economic and Social Affairs, Population Division\); .* choose another family/,
    );
    // Two columns for one dimension: the second's values would replace the first's.
    const oneDimension = editedMapping(TIDY_MAPPING, (m) => {
      (m.columns as Record<string, unknown>).dims = { a: 'channel', b: 'channel' };
    });
    expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping: oneDimension })).toThrow(
      /columns "a" and "b" are both mapped to the dimension "channel": each dimension takes one column/,
    );
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'), { mapping: fixture(TIDY_MAPPING) })).toThrow(
      /"columns" is for tidy CSV files/,
    );
    const broken = path.join(scratch, 'broken.mapping.json');
    writeFileSync(broken, '{\n  "dataset": {\n    "id": "x",\n  }\n}\n');
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'), { mapping: broken })).toThrow(
      /broken\.mapping\.json \(line 4, column 3\): is not valid JSON: expected a property name in double quotes/,
    );
    // JSON.parse would keep the second "dataset" only.
    const twice = path.join(scratch, 'twice.mapping.json');
    writeFileSync(
      twice,
      '{\n  "dataset": { "id": "x" },\n  "indicator": "migrant_stock",\n  "dataset": { "id": "y" }\n}\n',
    );
    expect(() => userFileImporter(fixture('migrants.sdmx.csv'), { mapping: twice })).toThrow(
      /twice\.mapping\.json \(line 4, column 3\): the top-level object has the member "dataset" twice \(first at line 2\)/,
    );
  });

  it('names the field of a faulty indicator definition, at its line', () => {
    const importing = (edit: (indicator: Record<string, unknown>, m: Record<string, unknown>) => void) => () =>
      userFileImporter(fixture('remittance-share.csv'), {
        mapping: editedMapping(TIDY_MAPPING, (m) => edit(m.indicator as Record<string, unknown>, m)),
      });
    // (the definition starts on line 15 of the edited mapping, its fields follow one a line)
    expect(importing((i) => delete i.unit)).toThrow(
      /^edited-\d+\.mapping\.json \(line 15, column 3\): invalid mapping: indicator\.unit: is required \[at indicator\.unit\]$/,
    );
    expect(importing((i) => (i.measureType = 'ratio'))).toThrow(
      /^edited-\d+\.mapping\.json \(line 20, column 5\): invalid mapping: indicator\.measureType: must be one of "stock", "flow", "rate" \[at indicator\.measureType\]$/,
    );
    expect(importing((i) => (i.name = 5))).toThrow(
      /\(line 17, column 5\): invalid mapping: indicator\.name: expected string, received number \[at indicator\.name\]$/,
    );
    expect(importing((i) => (i.id = 'Share-Pct'))).toThrow(
      /\(line 16, column 5\): invalid mapping: indicator\.id: must be lower-case letters, digits and _ \[at indicator\.id\]$/,
    );
    expect(
      importing((i) => {
        delete i.topic;
        delete i.description;
      }),
    ).toThrow(/: invalid mapping: indicator\.description: is required; indicator\.topic: is required \(line 15\) \[/);
    expect(importing((_, m) => (m.indicator = 5))).toThrow(
      /\(line 15, column 3\): invalid mapping: indicator: must be a catalogue indicator's id \(such as "migrant_stock"\) or a new indicator's definition/,
    );
    expect(
      importing((i, m) => {
        delete m.indicator;
        m.indicators = { share: { ...i, unit: '' } };
      }),
    ).toThrow(/invalid mapping: indicators\.share\.unit: must not be empty \[at indicators\.share\.unit\]$/);
    // Ids that would make a flow id or a page address longer than a path takes; a title that is a document.
    expect(importing((i) => (i.id = 'x'.repeat(40)))).toThrow(/indicator\.id: must be at most 39 characters/);
    expect(importing((_, m) => ((m.dataset as Record<string, unknown>).id = 'x'.repeat(61)))).toThrow(
      /\(line 4, column 5\): invalid mapping: dataset\.id: must be at most 60 characters \[at dataset\.id\]$/,
    );
    expect(importing((_, m) => ((m.dataset as Record<string, unknown>).title = 'x'.repeat(2_000_000)))).toThrow(
      /invalid mapping: dataset\.title: must be at most 500 characters \[at dataset\.title\]$/,
    );
  });

  it('places an unknown field at its own line, each one', () => {
    const mapping = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).colour = 'red';
      (m.columns as Record<string, unknown>).refarea = 'country';
      m.skipMising = true;
    });
    const lines = readFileSync(mapping, 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    let message = '';
    try {
      userFileImporter(fixture('remittance-share.csv'), { mapping });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      `${path.basename(mapping)} (line ${String(lineOf('"colour"'))}, column 5): invalid mapping: ` +
        `dataset: unknown field "colour"; ` +
        `columns: unknown field "refarea" (line ${String(lineOf('"refarea"'))}); ` +
        `the mapping: unknown field "skipMising" (line ${String(lineOf('"skipMising"'))}) [at dataset.colour]`,
    );
    // Each its own line, not that of the object holding it.
    expect(lineOf('"colour"')).not.toBe(lineOf('"dataset"'));
    expect(lineOf('"refarea"')).not.toBe(lineOf('"columns"'));
  });
});

describe.each(testEngines())('user files on %s', (engine) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await testDb.drop();
  });

  const load = (file: string, mapping: string, options: { force?: boolean } = {}) =>
    importUserFile(testDb.database, userFileImporter(fixture(file), { mapping: fixture(mapping) }), options);

  /** The observations of one dataset, as SQL reads them back. */
  async function observations(dataset: string) {
    const r = await sql<{
      indicator: string;
      ref: string;
      cp: string | null;
      sex: string;
      freq: string;
      dims: Record<string, string>;
      period: string;
      value: number;
      status: string;
      flags: string | null;
    }>`
      SELECT s.indicator_id AS indicator, s.ref_area AS ref, s.counterpart_area AS cp, s.sex, s.freq, s.dims,
             o.period, o.value::float8 AS value, o.status, o.flags
      FROM observation o JOIN series s ON s.id = o.series_id
      WHERE s.dataset_id = ${dataset}
      ORDER BY s.ref_area, s.counterpart_area NULLS FIRST, s.sex, s.dims_key, o.period
    `.execute(testDb.database.db);
    return r.rows;
  }

  /** A fingerprint of everything an import writes, to prove a failed import changed nothing. */
  async function snapshot() {
    const r = await sql<Record<string, number | string>>`
      SELECT (SELECT count(*) FROM dataset)::int AS datasets,
             (SELECT count(*) FROM series)::int AS series,
             (SELECT count(*) FROM observation)::int AS observations,
             (SELECT count(*) FROM indicator)::int AS indicators,
             (SELECT count(*) FROM area)::int AS areas,
             (SELECT md5(coalesce(string_agg(id || checksum || title || observation_count::text || loaded_at::text, ',' ORDER BY id), ''))
                FROM dataset) AS datasets_digest,
             (SELECT md5(coalesce(string_agg(concat_ws('|', s.dataset_id, s.indicator_id, s.ref_area, s.counterpart_area, s.sex,
                                                       s.freq, s.dims_key, o.period, o.value::text, o.status, o.flags),
                                             ',' ORDER BY s.dataset_id, s.indicator_id, s.ref_area, s.counterpart_area, s.sex,
                                                          s.freq, s.dims_key, o.period), ''))
                FROM series s JOIN observation o ON o.series_id = s.id) AS digest
    `.execute(testDb.database.db);
    return r.rows[0];
  }

  it('leaves other publishers’ aggregates alone: no name matches one, no mapping takes its code', async () => {
    // Another publisher's aggregate, as a bundled dataset loads one (invented here).
    await sql`
      INSERT INTO area (code, kind, aggregate_publisher, name_en)
      VALUES ('TEST_OTHER_HIC', 'aggregate', 'Other test publisher', 'High income (other test publisher)')
    `.execute(testDb.database.db);
    await sql`
      INSERT INTO area_name (area_code, lang, name_type, name)
      VALUES ('TEST_OTHER_HIC', 'en', 'short', 'High income (other test publisher)')
    `.execute(testDb.database.db);
    const data = path.join(scratch, 'aggregate-names.csv');
    writeFileSync(
      data,
      'country,year,sex,share_pct,quality,channel,comment\nHigh income (other test publisher),2020,Total,1,,bank,\n',
    );
    const before = await snapshot();
    // What a file means does not depend on what else is loaded: the name matches nothing…
    await expect(
      importUserFile(testDb.database, userFileImporter(data, { mapping: fixture(TIDY_MAPPING) })),
    ).rejects.toThrow(/unknown area name "High income \(other test publisher\)"/);
    // …and the mapping may not take that aggregate's code to rename it (a country's code is not an
    // aggregate code at all: PUBLISHER_NAME).
    const mapping = editedMapping(TIDY_MAPPING, (m) => {
      m.aggregates = { 'High income (other test publisher)': { code: 'TEST_OTHER_HIC', name: 'My own group' } };
    });
    await expect(importUserFile(testDb.database, userFileImporter(data, { mapping }))).rejects.toThrow(
      /\(line \d+, column \d+\): .*"TEST_OTHER_HIC" is already an area of Other test publisher; give your aggregate a code of its own/,
    );
    expect(await snapshot()).toEqual(before);
    const names = await sql<{ name_en: string }>`SELECT name_en FROM area WHERE code = 'TEST_OTHER_HIC'`.execute(
      testDb.database.db,
    );
    expect(names.rows).toEqual([{ name_en: 'High income (other test publisher)' }]);
  });

  it('keeps the name of an aggregate another dataset uses, whatever publisher a mapping claims', async () => {
    // A bundled-like dataset with its publisher's aggregate, in its series.
    const tiny = tinyImporter('test-aggregate-holder');
    await importDataset(testDb.database, {
      ...tiny,
      read: async (ctx) => {
        const parsed = await tiny.read(ctx);
        return {
          ...parsed,
          aggregates: [{ code: 'TEST_HOLDER_LMY', publisher: 'Holder publisher', name: 'Low & middle income' }],
          observations: [
            ...parsed.observations,
            {
              indicator: 'tiny_stock',
              refArea: 'TEST_HOLDER_LMY',
              counterpartArea: null,
              sex: '_T',
              freq: 'A',
              period: '2020',
              value: 5,
            },
          ],
        };
      },
    });
    const data = path.join(scratch, 'aggregate-claimed.csv');
    writeFileSync(data, 'country,year,sex,share_pct,quality,channel,comment\nDeveloping,2020,Total,1,,bank,\n');
    const claiming = (name: string) =>
      editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = 'test-aggregate-claim';
        (m.dataset as Record<string, unknown>).publisher = 'Holder publisher';
        m.aggregates = { Developing: { code: 'TEST_HOLDER_LMY', name } };
      });
    const before = await snapshot();
    // Claiming the holder's publisher does not let a mapping rename its aggregate for every dataset…
    await expect(
      importUserFile(testDb.database, userFileImporter(data, { mapping: claiming('HIJACKED') })),
    ).rejects.toThrow(
      /\(line \d+, column \d+\): .*"TEST_HOLDER_LMY" is named "Low & middle income" in test-aggregate-holder; a file of your own cannot rename it/,
    );
    expect(await snapshot()).toEqual(before);
    // …but under its own name, the aggregate is the file's to use, and the report says so.
    const own = userFileImporter(data, { mapping: claiming('Low & middle income') });
    await importUserFile(testDb.database, own);
    expect(own.report.notes).toContain('1 area name matched (1 through "aggregates"): Developing → TEST_HOLDER_LMY');
    const names = await sql<{ name_en: string }>`SELECT name_en FROM area WHERE code = 'TEST_HOLDER_LMY'`.execute(
      testDb.database.db,
    );
    expect(names.rows).toEqual([{ name_en: 'Low & middle income' }]);
    await sql`DELETE FROM dataset WHERE id IN ('test-aggregate-claim', 'test-aggregate-holder')`.execute(
      testDb.database.db,
    );
  });

  it('imports a tidy CSV, matching names to codes through the mapping', async () => {
    const importer = userFileImporter(fixture('remittance-share.csv'), { mapping: fixture(TIDY_MAPPING) });
    const outcome = await importUserFile(testDb.database, importer);
    expect(outcome).toMatchObject({ dataset: 'test-remittance-share-2024', loaded: true, observations: 8 });
    expect(importer.report.notes).toEqual([
      'columns not imported (the mapping does not name them): comment',
      'status values with no SDMX code, stored as A (normal) with the printed value in the flags: "x" (1); map them in "statusValues" of remittance-share.mapping.json',
      '6 area names matched (1 through "areaNames"): Philippines → PHL; Viet Nam → VNM; Cote d\'Ivoire → CIV; Türkiye → TUR; Turkey → TUR; Mexico → MEX',
    ]);
    const rows = await observations('test-remittance-share-2024');
    expect(rows.map((r) => [r.ref, r.sex, r.period, r.value, r.status, r.flags, r.dims])).toEqual([
      ['CIV', 'M', '2020', 1.5, 'A', null, { channel: 'bank' }],
      ['MEX', '_T', '2020', 3.25, 'A', null, { channel: 'bank' }],
      ['PHL', 'F', '2020', 12.25, 'E', null, { channel: 'bank' }],
      ['PHL', '_T', '2020', 11.5, 'A', null, { channel: 'bank' }],
      ['PHL', '_T', '2021', 11, 'P', null, { channel: 'bank' }],
      ['TUR', '_T', '2021', 0.5, 'A', 'x', { channel: 'bank' }],
      ['TUR', '_T', '2022', 0.75, 'A', null, { channel: 'bank' }],
      ['VNM', '_T', '2020', 4.5, 'A', null, { channel: 'informal' }],
    ]);
    expect(rows.every((r) => r.indicator === 'test_remittance_share_pct' && r.cp === null && r.freq === 'A')).toBe(
      true,
    );
    const meta = await sql<{ title: string; licence: string; release: string; provenance: string; unit: string }>`
      SELECT d.title, d.licence, d.release_date::text AS release, d.provenance, i.unit
      FROM dataset d, indicator i WHERE d.id = 'test-remittance-share-2024' AND i.id = 'test_remittance_share_pct'
    `.execute(testDb.database.db);
    expect(meta.rows[0]).toEqual({
      title: 'Test data (invented values): remittances as a share of household income',
      licence: 'CC0-1.0',
      release: '2024-06-30',
      provenance:
        "Imported from the user's file remittance-share.csv (tidy CSV) with the mapping remittance-share.mapping.json.",
      unit: 'percent',
    });
  });

  it('imports SDMX-CSV: standard dimensions mapped, others kept in dims, statuses kept', async () => {
    const importer = userFileImporter(fixture('migrants.sdmx.csv'), { mapping: fixture(SDMX_MAPPING) });
    expect(await importUserFile(testDb.database, importer)).toMatchObject({ loaded: true, observations: 6 });
    expect(importer.report.notes).toEqual([
      'dataflow TEST:DF_TEST_MIGRANTS(1.0)',
      'status values with no SDMX code, stored as A (normal) with the printed value in the flags: "B" (1); map them in "statusValues" of migrants.sdmx.mapping.json',
    ]);
    const rows = await observations('test-sdmx-migrants-2024');
    expect(rows.map((r) => [r.ref, r.cp, r.sex, r.freq, r.dims, r.period, r.value, r.status, r.flags])).toEqual([
      ['DEU', 'TUR', 'F', 'A', { AGE: '_T' }, '2019', 1200, 'A', null],
      ['DEU', 'TUR', 'M', 'A', { AGE: '_T' }, '2019', 1300, 'E', null],
      ['DEU', 'TUR', '_T', 'A', { AGE: 'Y15T64' }, '2019', 2000, 'A', null],
      ['FRA', null, '_T', 'A', { AGE: '_T' }, '2020', 5000, 'P', null],
      ['FRA', 'DZA', '_T', 'A', { AGE: '_T' }, '2020', 900, 'A', 'B'],
      ['FRA', 'DZA', '_T', 'Q', { AGE: '_T' }, '2020-Q3', 250.5, 'A', null],
    ]);
  });

  it('reads SDMX-CSV with labels=both, and SDMX-CSV 2.0 with label columns', async () => {
    const labels = userFileImporter(fixture('labels.sdmx.csv'), { mapping: fixture(SDMX_MAPPING) });
    // Another file under the same dataset id replaces the first one's data only when asked to.
    const before = await snapshot();
    await expect(importUserFile(testDb.database, labels)).rejects.toThrow(
      `test-sdmx-migrants-2024 is already loaded, from other data (${fixture('migrants.sdmx.csv')} with the mapping ${fixture(SDMX_MAPPING)}): give --force to replace it`,
    );
    expect(await snapshot()).toEqual(before);
    await importUserFile(testDb.database, labels, { force: true });
    expect(
      (await observations('test-sdmx-migrants-2024')).map((r) => [r.ref, r.sex, r.period, r.value, r.status]),
    ).toEqual([
      ['PHL', 'F', '2020', 10.5, 'E'],
      ['PHL', '_T', '2020', 20, 'A'],
    ]);
    const v2 = userFileImporter(fixture('sdmx-csv-2.sdmx.csv'), { mapping: fixture(SDMX_MAPPING) });
    await importUserFile(testDb.database, v2, { force: true });
    expect(v2.report.notes).toEqual([
      'dataflow TEST.AGENCY:DSD_TEST@DF_TEST(1.0)',
      'label columns not stored (codes are): Reference area, Sex, Frequency of observation, Time period, Observation status, Unit multiplier',
      'replaced the edition loaded before: 2 → 2 observations (±0)',
    ]);
    expect(
      (await observations('test-sdmx-migrants-2024')).map((r) => [r.ref, r.sex, r.period, r.value, r.dims]),
    ).toEqual([
      ['MEX', 'F', '2021', 310, {}],
      ['MEX', 'M', '2021', 300, {}],
    ]);
    // An ACTION that deletes, or that SDMX-CSV does not have, is refused at its row.
    const v2Text = readFileSync(fixture('sdmx-csv-2.sdmx.csv'), 'utf8');
    for (const [action, message] of [
      ['D', 'a row with ACTION "D" deletes data and cannot be imported'],
      ['X', 'ACTION "X" is none of SDMX-CSV\'s (I information, A append, R replace, M merge, D delete)'],
    ] as const) {
      const file = path.join(scratch, `action-${action}.sdmx.csv`);
      writeFileSync(file, v2Text.replace('(1.0),I,MEX,Mexico,SEX_F', `(1.0),${action},MEX,Mexico,SEX_F`));
      const kept = await snapshot();
      await expect(
        importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(SDMX_MAPPING) }), { force: true }),
      ).rejects.toThrow(`action-${action}.sdmx.csv (line 3, column "ACTION"): ${message}`);
      expect(await snapshot()).toEqual(kept);
    }
    // Back to the file the other tests expect.
    await load('migrants.sdmx.csv', SDMX_MAPPING, { force: true });
  });

  it('keeps every dimension of an SDMX-CSV that labels some columns only', async () => {
    // Invented test data. A code column after a code column is not its label.
    const file = path.join(scratch, 'partial-labels.sdmx.csv');
    writeFileSync(
      file,
      'DATAFLOW,REF_AREA,Reference area,SEX,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n' +
        'X:Y(1.0),DEU,Germany,F,TUR,2019,100\nX:Y(1.0),FRA,France,F,DZA,2019,200\n',
    );
    const importer = userFileImporter(file, { mapping: fixture(SDMX_MAPPING) });
    await importUserFile(testDb.database, importer, { force: true });
    expect(importer.report.notes).toContain('label columns not stored (codes are): Reference area');
    expect((await observations('test-sdmx-migrants-2024')).map((r) => [r.ref, r.cp, r.sex, r.period, r.value])).toEqual(
      [
        ['DEU', 'TUR', 'F', '2019', 100],
        ['FRA', 'DZA', 'F', '2019', 200],
      ],
    );
    await load('migrants.sdmx.csv', SDMX_MAPPING, { force: true });
  });

  it('reads an SDMX-CSV header of any length, not only its first 64 KiB', async () => {
    // Invented test data: 8,000 attribute columns put the header past 64 KiB, and the status
    // column at its end.
    const file = path.join(scratch, 'wide.sdmx.csv');
    const attributes = Array.from({ length: 8000 }, (_, i) => `ATTR_${String(i).padStart(5, '0')}`);
    writeFileSync(
      file,
      `DATAFLOW,REF_AREA,COUNTERPART_AREA,SEX,TIME_PERIOD,OBS_VALUE,${attributes.join(',')},OBS_STATUS\n` +
        `X:Y(1.0),DEU,TUR,F,2019,100,${','.repeat(attributes.length)}E\n`,
    );
    expect(readFileSync(file, 'utf8').indexOf('OBS_STATUS')).toBeGreaterThan(65_536);
    const importer = userFileImporter(file, { mapping: fixture(SDMX_MAPPING) });
    await importUserFile(testDb.database, importer, { force: true });
    expect(
      (await observations('test-sdmx-migrants-2024')).map((r) => [r.ref, r.cp, r.sex, r.period, r.value, r.status]),
    ).toEqual([['DEU', 'TUR', 'F', '2019', 100, 'E']]);
    await load('migrants.sdmx.csv', SDMX_MAPPING, { force: true });
  });

  it('imports an SDMX-JSON message of series, skipping missing values only because the mapping says so', async () => {
    const importer = userFileImporter(fixture('migrants.sdmx.json'), { mapping: fixture(JSON_MAPPING) });
    expect(await importUserFile(testDb.database, importer)).toMatchObject({ loaded: true, observations: 4 });
    expect(importer.report).toEqual({
      rows: 5,
      skipped: 1,
      notes: ['dataflow TEST:DF_TEST_MIGRANTS(1.0)', '1 observation without a value skipped, as "skipMissing" asks'],
    });
    const rows = await observations('test-sdmx-json-migrants-2024');
    expect(rows.map((r) => [r.ref, r.cp, r.sex, r.period, r.value, r.status])).toEqual([
      ['DEU', 'TUR', 'F', '2019', 1200, 'A'],
      ['DEU', 'TUR', 'F', '2020', 1250.5, 'E'],
      ['DEU', 'TUR', 'M', '2019', 1300, 'A'],
      ['FRA', 'DZA', '_T', '2020', 900, 'E'],
    ]);

    // UNIT_MULT 3 (thousands) is applied as in SDMX-CSV: the full number is stored, and reported
    // (the series FRA → DZA gives no UNIT_MULT: its value stays as printed).
    const thousands = path.join(scratch, 'thousands.sdmx.json');
    writeFileSync(
      thousands,
      wholeJson.replace(
        '{ "id": "UNIT_MULT", "relationship": { "dimensions": ["REF_AREA"] }, "values": [{ "id": "0" }] }',
        '{ "id": "UNIT_MULT", "relationship": { "dimensions": ["REF_AREA"] }, "values": [{ "id": "3" }] }',
      ),
    );
    const scaled = userFileImporter(thousands, { mapping: fixture(JSON_MAPPING) });
    await importUserFile(testDb.database, scaled, { force: true });
    expect(scaled.report.notes).toContain(
      '3 values multiplied by 10^3 as UNIT_MULT 3 says (stored as the full number)',
    );
    expect((await observations('test-sdmx-json-migrants-2024')).map((r) => r.value)).toEqual([
      1_200_000, 1_250_500, 1_300_000, 900,
    ]);
    await importUserFile(
      testDb.database,
      userFileImporter(fixture('migrants.sdmx.json'), { mapping: fixture(JSON_MAPPING) }),
      { force: true },
    );

    const strict = editedMapping(JSON_MAPPING, (m) => (m.skipMissing = false));
    await expect(
      importUserFile(testDb.database, userFileImporter(fixture('migrants.sdmx.json'), { mapping: strict })),
    ).rejects.toThrow(
      /migrants\.sdmx\.json \(line 53, column 84\): no value \(null\): a missing value is an error unless edited-\d+\.mapping\.json says "skipMissing": true \[at data\.dataSets\[0\]\.series\["0:0:2"\]\.observations\["1"\]\[0\]\]/,
    );
  });

  it.each(['flat-bridges.sdmx.json', 'bridges-labels.sdmx.csv'])(
    'reads back what the Bridges SDMX endpoint writes (%s): the dataflow names the indicator',
    async (file) => {
      const importer = userFileImporter(fixture(file), { mapping: fixture('flat-bridges.mapping.json') });
      // (each file of the table replaces the one before under the mapping's one dataset id)
      expect(await importUserFile(testDb.database, importer, { force: true })).toMatchObject({
        loaded: true,
        observations: 3,
      });
      expect(importer.report.notes).toContain('attributes not stored: UNIT_MEASURE, PUBLISHER, LICENCE, CITATION');
      const rows = await observations('test-flat-bridges');
      expect(rows.map((r) => [r.indicator, r.ref, r.cp, r.sex, r.dims, r.period, r.value, r.status, r.flags])).toEqual([
        ['migrant_stock', 'MEX', null, '_T', { GROUP: 'REFUGEE' }, '2024', 220, 'A', null],
        ['migrant_stock', 'PHL', null, '_T', {}, '2020', 100, 'A', null],
        ['migrant_stock', 'PHL', null, '_T', {}, '2024', 110, 'E', 'B'],
      ]);
    },
  );

  it('maps several indicators by code, M49 areas and a publisher aggregate, and reports unmapped indicator codes', async () => {
    const data = path.join(scratch, 'several.csv');
    writeFileSync(
      data,
      [
        'what,area,year,value',
        'stock,608,2020,100',
        'share,608,2020,1.5',
        'stock,1,2020,1000',
        'stock,484,2020-S2,7',
      ].join('\n'),
    );
    const mapping = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).id = 'test-several-indicators';
      delete m.indicator;
      delete m.areaNames;
      m.indicators = {
        stock: 'migrant_stock_total',
        share: { ...TEST_SHARE, id: 'test_share_pct' },
      };
      m.columns = { indicator: 'what', refArea: 'area', areaBy: 'm49', period: 'year', value: 'value' };
      m.aggregates = { '1': { code: 'TEST_WORLD', name: 'World (test publisher)' } };
    });
    const outcome = await importUserFile(testDb.database, userFileImporter(data, { mapping }));
    expect(outcome).toMatchObject({ loaded: true, observations: 4 });
    expect(
      (await observations('test-several-indicators')).map((r) => [r.indicator, r.ref, r.freq, r.period, r.value]),
    ).toEqual([
      ['migrant_stock_total', 'MEX', 'S', '2020-S2', 7],
      ['migrant_stock_total', 'PHL', 'A', '2020', 100],
      ['test_share_pct', 'PHL', 'A', '2020', 1.5],
      ['migrant_stock_total', 'TEST_WORLD', 'A', '2020', 1000],
    ]);
    const area = await sql<{ kind: string; publisher: string }>`
      SELECT kind, aggregate_publisher AS publisher FROM area WHERE code = 'TEST_WORLD'
    `.execute(testDb.database.db);
    expect(area.rows).toEqual([{ kind: 'aggregate', publisher: 'Bridges test suite' }]);

    writeFileSync(
      data,
      ['what,area,year,value', 'stock,608,2020,100', 'flow,608,2020,2', 'rate,608,2021,3', 'flow,608,2021,4'].join(
        '\n',
      ),
    );
    await expect(importUserFile(testDb.database, userFileImporter(data, { mapping }))).rejects.toThrow(
      'several.csv (column "what"): 2 indicator codes not mapped (add them to "indicators" in ' +
        `${path.basename(mapping)}):\n  "flow" (lines 3, 5)\n  "rate" (line 4)`,
    );
  });

  it('needs an indicator for an SDMX file whose dataflow is not a Bridges one', async () => {
    const noIndicator = editedMapping(SDMX_MAPPING, (m) => delete m.indicator);
    await expect(
      importUserFile(testDb.database, userFileImporter(fixture('migrants.sdmx.csv'), { mapping: noIndicator })),
    ).rejects.toThrow(
      /says no "indicator", and migrants\.sdmx\.csv has no indicator dimension and its dataflow TEST:DF_TEST_MIGRANTS\(1\.0\) is not a Bridges dataflow/,
    );
  });

  it('re-imports idempotently: unchanged is skipped, --force reloads the same rows, a changed file replaces its edition only', async () => {
    const dir = mkdtempSync(path.join(scratch, 'edition-'));
    const data = path.join(dir, 'remittance-share.csv');
    const mapping = path.join(dir, TIDY_MAPPING);
    copyFileSync(fixture('remittance-share.csv'), data);
    copyFileSync(fixture(TIDY_MAPPING), mapping);
    const importFile = (force = false) =>
      importUserFile(testDb.database, userFileImporter(data, { mapping }), { force });

    // The same bytes as the edition loaded from the fixtures' folder: nothing to do.
    await load('remittance-share.csv', TIDY_MAPPING, { force: true });
    expect(await importFile()).toEqual({ dataset: 'test-remittance-share-2024', loaded: false });
    await importFile(true);
    const { datasets_digest: _first, ...before } = (await snapshot()) ?? {};
    expect(await importFile()).toEqual({ dataset: 'test-remittance-share-2024', loaded: false });
    expect(await importFile(true)).toMatchObject({ loaded: true, observations: 8 });
    const { datasets_digest: _again, ...after } = (await snapshot()) ?? {};
    expect(after).toEqual(before);

    const other = await observations('test-sdmx-migrants-2024');
    writeFileSync(data, readFileSync(data, 'utf8').replace('Mexico,2020,Total,3.25', 'Mexico,2020,Total,3.5'));
    expect(await importFile()).toMatchObject({ loaded: true, observations: 8 });
    const rows = await observations('test-remittance-share-2024');
    expect(rows.filter((r) => r.ref === 'MEX').map((r) => r.value)).toEqual([3.5]);
    expect(rows).toHaveLength(8);
    expect(await observations('test-sdmx-migrants-2024')).toEqual(other);

    // The same file names in another folder, with other figures: another survey whose mapping was
    // copied, not a correction of this one. It replaces the edition only with --force.
    const elsewhere = mkdtempSync(path.join(scratch, 'elsewhere-'));
    writeFileSync(path.join(elsewhere, 'remittance-share.csv'), readFileSync(data, 'utf8').replace('3.5', '4.75'));
    copyFileSync(mapping, path.join(elsewhere, TIDY_MAPPING));
    const fromElsewhere = () =>
      userFileImporter(path.join(elsewhere, 'remittance-share.csv'), { mapping: path.join(elsewhere, TIDY_MAPPING) });
    const kept = await snapshot();
    await expect(importUserFile(testDb.database, fromElsewhere())).rejects.toThrow(
      `test-remittance-share-2024 is already loaded, from other data (${data} with the mapping ${mapping}): give --force to replace it`,
    );
    expect(await snapshot()).toEqual(kept);
    await importUserFile(testDb.database, fromElsewhere(), { force: true });
    expect(
      (await observations('test-remittance-share-2024')).filter((r) => r.ref === 'MEX').map((r) => r.value),
    ).toEqual([4.75]);
    // Back to the file the other tests expect.
    await load('remittance-share.csv', TIDY_MAPPING, { force: true });
  });

  it('keeps an edition when the mapping names another one under the same id, unless forced', async () => {
    const dir = mkdtempSync(path.join(scratch, 'next-edition-'));
    const data = path.join(dir, 'remittance-share.csv');
    const mapping = path.join(dir, TIDY_MAPPING);
    copyFileSync(fixture('remittance-share.csv'), data);
    // The mapping edited in place, as a user would.
    const withEdition = (edition: string) => {
      const m = JSON.parse(readFileSync(fixture(TIDY_MAPPING), 'utf8')) as { dataset: Record<string, unknown> };
      Object.assign(m.dataset, { id: 'test-next-edition', edition });
      writeFileSync(mapping, JSON.stringify(m, null, 2));
    };
    const importFile = (force = false) =>
      importUserFile(testDb.database, userFileImporter(data, { mapping }), { force });
    withEdition('2024');
    await importFile();
    // Next year's figures: the user changes the edition (and the figures), not the id.
    withEdition('2025');
    writeFileSync(data, readFileSync(data, 'utf8').replace('Mexico,2020,Total,3.25', 'Mexico,2020,Total,3.5'));
    const kept = await snapshot();
    await expect(importFile()).rejects.toThrow(
      'test-next-edition is loaded as edition "2024", and this mapping says "2025": give the new edition another "dataset.id" in the mapping to keep both side by side, or --force to replace edition "2024" with it',
    );
    expect(await snapshot()).toEqual(kept);
    expect(await importFile(true)).toMatchObject({ loaded: true, replaced: 8 });
    const { rows } = await sql<{ edition: string }>`SELECT edition FROM dataset WHERE id = 'test-next-edition'`.execute(
      testDb.database.db,
    );
    expect(rows).toEqual([{ edition: '2025' }]);
    await sql`DELETE FROM dataset WHERE id = 'test-next-edition'`.execute(testDb.database.db);
  });

  it('tells another file from a correction by where it was read from, whatever provenance the mapping gives', async () => {
    const dir = mkdtempSync(path.join(scratch, 'provenance-'));
    const mapping = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).id = 'test-provenance-2024';
      (m.dataset as Record<string, unknown>).provenance = 'Survey of the ministry, sent by e-mail';
    });
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    copyFileSync(fixture('remittance-share.csv'), first);
    writeFileSync(second, readFileSync(first, 'utf8').replace('Mexico,2020,Total,3.25', 'Mexico,2020,Total,9'));
    await importUserFile(testDb.database, userFileImporter(first, { mapping }));
    const kept = await snapshot();
    await expect(importUserFile(testDb.database, userFileImporter(second, { mapping }))).rejects.toThrow(
      /^test-provenance-2024 is already loaded, from other data \(.*first\.csv with the mapping .*\): give --force/,
    );
    expect(await snapshot()).toEqual(kept);
    // Gone again, so that the other tests find the indicator used by the datasets they expect.
    await sql`DELETE FROM dataset WHERE id = 'test-provenance-2024'`.execute(testDb.database.db);
  });

  it('drops the indicator a re-imported edition no longer uses, unless another dataset still uses it', async () => {
    const dir = mkdtempSync(path.join(scratch, 'renamed-'));
    const data = path.join(dir, 'remittance-share.csv');
    copyFileSync(fixture('remittance-share.csv'), data);
    /** Writes dataset `id`'s mapping (one file per dataset, rewritten in place as a user edits it) with indicator `indicator`. */
    const mappingFor = (id: string, indicator: string) => {
      const file = path.join(dir, `${id}.mapping.json`);
      const mapping = JSON.parse(readFileSync(fixture(TIDY_MAPPING), 'utf8')) as Record<string, unknown>;
      (mapping.dataset as Record<string, unknown>).id = id;
      mapping.indicator = { ...(mapping.indicator as Record<string, unknown>), id: indicator };
      writeFileSync(file, JSON.stringify(mapping, null, 2));
      return file;
    };
    const importWith = (id: string, indicator: string, file = data) =>
      importUserFile(testDb.database, userFileImporter(file, { mapping: mappingFor(id, indicator) }));
    const indicators = async () =>
      (
        await sql<{ id: string }>`SELECT id FROM indicator WHERE id LIKE 'test_renamed%' ORDER BY id`.execute(
          testDb.database.db,
        )
      ).rows.map((r) => r.id);

    await importWith('test-renamed-a', 'test_renamed_only_a');
    await importWith('test-renamed-b', 'test_renamed_shared');
    await importWith('test-renamed-c', 'test_renamed_shared');
    expect(await indicators()).toEqual(['test_renamed_only_a', 'test_renamed_shared']);

    // A's indicator renamed: the old id, which only A used, goes with the edition it belonged to.
    await importWith('test-renamed-a', 'test_renamed_only_a2');
    expect(await indicators()).toEqual(['test_renamed_only_a2', 'test_renamed_shared']);
    // B's renamed: C still uses the old id, so it stays.
    await importWith('test-renamed-b', 'test_renamed_b2');
    expect(await indicators()).toEqual(['test_renamed_b2', 'test_renamed_only_a2', 'test_renamed_shared']);
    const used = await sql<{ dataset: string; indicator: string }>`
      SELECT DISTINCT dataset_id AS dataset, indicator_id AS indicator FROM series
      WHERE dataset_id LIKE 'test-renamed-%' ORDER BY 1`.execute(testDb.database.db);
    expect(used.rows).toEqual([
      { dataset: 'test-renamed-a', indicator: 'test_renamed_only_a2' },
      { dataset: 'test-renamed-b', indicator: 'test_renamed_b2' },
      { dataset: 'test-renamed-c', indicator: 'test_renamed_shared' },
    ]);

    // A renaming re-import that fails while writing, after the old indicator was deleted, rolls
    // that back with the rest: stopped (as Ctrl+C does) once its series are written.
    const stop = new AbortController();
    const before = await snapshot();
    await expect(
      importUserFile(
        testDb.database,
        userFileImporter(data, { mapping: mappingFor('test-renamed-a', 'test_renamed_only_a3') }),
        {
          signal: stop.signal,
          onProgress: (what) => {
            if (what.endsWith(': series')) stop.abort(new Error('stopped while writing'));
          },
        },
      ),
    ).rejects.toThrow('stopped while writing');
    expect(await snapshot()).toEqual(before);
    expect(await indicators()).toEqual(['test_renamed_b2', 'test_renamed_only_a2', 'test_renamed_shared']);
  });

  describe('a malformed file fails with file, line and column, and leaves the database as it was', () => {
    beforeAll(async () => {
      await load('remittance-share.csv', TIDY_MAPPING);
      await load('migrants.sdmx.csv', SDMX_MAPPING);
      await load('migrants.sdmx.json', JSON_MAPPING);
    });

    it.each([
      [
        'bad-number.csv',
        TIDY_MAPPING,
        /^bad-number\.csv \(line 4, column "share_pct"\): "3,25" is not a number: the decimal separator must be a point \(write 3\.25\)$/,
      ],
      [
        'missing-column.csv',
        TIDY_MAPPING,
        /^missing-column\.csv \(line 1\): missing column "share_pct" in the header \(remittance-share\.mapping\.json names it in "columns\.value"\); the header has "country", "year", "sex", "share",/,
      ],
      ['truncated.csv', TIDY_MAPPING, /^truncated\.csv \(line 4\): 2 columns where the header has 7$/],
      ['latin1.csv', TIDY_MAPPING, /^latin1\.csv \(line 4, column "country"\): is not valid UTF-8 text/],
      [
        'unknown-code.sdmx.csv',
        SDMX_MAPPING,
        /^unknown-code\.sdmx\.csv \(line 3, column "REF_AREA"\): unknown area code "XYZ" \(map each in "areaNames"/,
      ],
      [
        'bad-number.sdmx.csv',
        SDMX_MAPPING,
        /^bad-number\.sdmx\.csv \(line 4, column "OBS_VALUE"\): "9O0" is not a number$/,
      ],
      [
        'missing-column.sdmx.csv',
        SDMX_MAPPING,
        /^missing-column\.sdmx\.csv \(line 1\): missing column "OBS_VALUE" in the header; the header has "DATAFLOW,REF_AREA,COUNTERPART_AREA,SEX,FREQ,TIME_PERIOD,VALUE,OBS_STATUS"$/,
      ],
      ['truncated.sdmx.csv', SDMX_MAPPING, /^truncated\.sdmx\.csv \(line 3\): 7 columns where the header has 10$/],
      [
        'truncated.sdmx.json',
        JSON_MAPPING,
        /^truncated\.sdmx\.json \(line 54, column 23\): is not valid JSON: the text ends too early \(is the file cut short\?\)$/,
      ],
      [
        'bad-number.sdmx.json',
        JSON_MAPPING,
        /^bad-number\.sdmx\.json \(line 54, column 46\): "9O0" is not a number \[at data\.dataSets\[0\]\.series\["1:1:0"\]\.observations\["1"\]\[0\]\]$/,
      ],
      [
        'unknown-code.sdmx.json',
        JSON_MAPPING,
        /^unknown-code\.sdmx\.json \(line 20, column 79\): unknown area code "XYZ" .*\[at data\.structure\.dimensions\.series\[0\]\.values\[1\]\.id\]$/,
      ],
      ['latin1.sdmx.json', JSON_MAPPING, /^latin1\.sdmx\.json \(line 14\): is not valid UTF-8 text/],
      [
        'two-freq.sdmx.json',
        JSON_MAPPING,
        /^two-freq\.sdmx\.json \(line 17, column \d+\): FREQ is a data-set-level dimension with 2 values: it must have exactly one/,
      ],
      [
        'twice.sdmx.json',
        JSON_MAPPING,
        /^twice\.sdmx\.json \(line 54, column 11\): data\.dataSets\[0\]\.series has the member "0:0:1" twice \(first at line 52\); give each once$/,
      ],
    ])('%s', async (file, mapping, message) => {
      const before = await snapshot();
      const made =
        { 'truncated.sdmx.json': TRUNCATED_JSON, 'twice.sdmx.json': TWICE_JSON, 'two-freq.sdmx.json': TWO_FREQ_JSON }[
          file
        ] ?? file;
      await expect(load(made, mapping, { force: true })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    });

    it('an empty SDMX-CSV file, said to be empty rather than its mapping blamed for a tidy CSV’s columns', () => {
      const empty = path.join(scratch, 'empty.sdmx.csv');
      writeFileSync(empty, '\n');
      expect(() => userFileImporter(empty, { mapping: fixture(SDMX_MAPPING) })).toThrow(
        /^empty\.sdmx\.csv: is empty: no header row and no data$/,
      );
    });

    it('a second value for the same observation, and a period or a number Bridges cannot store', async () => {
      const header = SHARE_HEADER;
      const cases: [string, string, RegExp][] = [
        [
          'twice.csv',
          `${header}\nMexico,2020,Total,1,,bank,\nMexico,2020,Total,2,,bank,\n`,
          /^twice\.csv \(line 3, column "share_pct"\): a second value for the same observation \(same indicator, areas, sex, dimensions and period as line 2\)$/,
        ],
        ['empty.csv', '', /^empty\.csv: is empty: no header row and no data$/],
        ['blank-lines.csv', '\n\n', /^blank-lines\.csv: is empty: no header row and no data$/],
        [
          'monthly.csv',
          `${header}\nMexico,2020-01,Total,1,,bank,\n`,
          /^monthly\.csv \(line 2, column "year"\): "2020-01" is not a period Bridges can store/,
        ],
        // The database has no date in year 0: refused while reading, not by the database.
        [
          'year-zero.csv',
          `${header}\nMexico,2020,Total,1,,bank,\nMexico,0000,Total,2,,bank,\n`,
          /^year-zero\.csv \(line 3, column "year"\): "0000" is not a period: there is no year 0$/,
        ],
        [
          'huge.csv',
          `${header}\nMexico,2020,Total,1e999,,bank,\n`,
          /^huge\.csv \(line 2, column "share_pct"\): "1e999" is too large to store \(beyond ±1\.8e308\)$/,
        ],
        [
          'no-channel.csv',
          `${header}\nMexico,2020,Total,1,,,\n`,
          /^no-channel\.csv \(line 2, column "channel"\): no channel \(an empty cell\): write _T where the value is a total over all of them, _Z where none applies$/,
        ],
        [
          'tiny.csv',
          `${header}\nMexico,2020,Total,1e-400,,bank,\n`,
          /^tiny\.csv \(line 2, column "share_pct"\): "1e-400" is too small to store \(below ±4\.9e-324\): it would become 0$/,
        ],
        [
          'twice-a-column.csv',
          `${header},share_pct\nMexico,2020,Total,1,,bank,,999\n`,
          /^twice-a-column\.csv \(line 1, column "share_pct"\): column "share_pct" appears twice in the header \(columns 4 and 8\)/,
        ],
        [
          'semicolons.csv',
          `${header.replaceAll(',', ';')}\nMexico;2020;Total;1,5;;bank;\n`,
          /^semicolons\.csv \(line 1\): separates its columns with semicolons, not commas/,
        ],
      ];
      for (const [name, text, message] of cases) {
        const file = path.join(scratch, name);
        writeFileSync(file, text);
        const before = await snapshot();
        // (the format is told from the first line, before the import starts: it may throw there)
        await expect(
          Promise.resolve().then(() =>
            importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(TIDY_MAPPING) })),
          ),
        ).rejects.toThrow(message);
        expect(await snapshot()).toEqual(before);
      }
    });

    it('refuses a file that is not UTF-8 text, saying what it is: UTF-16 with or without a byte-order mark, NULs', async () => {
      /** UTF-16 as Excel's "Unicode text" and Notepad's "Unicode" write it: little-endian, a mark first. */
      const utf16 = (text: string, { bom = true, bigEndian = false } = {}) => {
        const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
        return bigEndian ? bytes.swap16() : bytes;
      };
      const csv = readFileSync(fixture('remittance-share.csv'), 'utf8');
      const json = readFileSync(fixture('migrants.sdmx.json'), 'utf8');
      const cases: [string, Buffer | string, string, RegExp][] = [
        [
          'unicode-text.csv',
          utf16(csv.replaceAll(',', '\t')),
          TIDY_MAPPING,
          /^unicode-text\.csv: is UTF-16 \(little-endian\) text, not UTF-8: save it as UTF-8 \(in Excel "CSV UTF-8 \(comma delimited\)"\)$/,
        ],
        ['utf16be.csv', utf16(csv, { bigEndian: true }), TIDY_MAPPING, /^utf16be\.csv: is UTF-16 \(big-endian\) text/],
        [
          'utf16-no-bom.csv',
          utf16(csv, { bom: false }),
          TIDY_MAPPING,
          /^utf16-no-bom\.csv: is UTF-16 \(little-endian, without a byte-order mark\) text, not UTF-8/,
        ],
        [
          'utf16.sdmx.json',
          utf16(json),
          JSON_MAPPING,
          /^utf16\.sdmx\.json: is UTF-16 \(little-endian\) text, not UTF-8: save it as UTF-8 \(in your editor, choose the encoding UTF-8\)$/,
        ],
        [
          'nul.csv',
          csv.replace('3.25,,bank', '3.25,x\u0000y,bank'),
          TIDY_MAPPING,
          /^nul\.csv \(line 9, column "quality"\): holds a NUL character \(byte 0\), which no text file has/,
        ],
      ];
      for (const [name, bytes, mapping, message] of cases) {
        const file = path.join(scratch, name);
        writeFileSync(file, bytes);
        const before = await snapshot();
        await expect(
          Promise.resolve().then(() =>
            importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(mapping) }), { force: true }),
          ),
        ).rejects.toThrow(message);
        expect(await snapshot()).toEqual(before);
      }
      const mapping = path.join(scratch, 'utf16.mapping.json');
      writeFileSync(mapping, utf16(readFileSync(fixture(TIDY_MAPPING), 'utf8')));
      expect(() => userFileImporter(fixture('remittance-share.csv'), { mapping })).toThrow(
        /^utf16\.mapping\.json: is UTF-16 \(little-endian\) text, not UTF-8/,
      );
    });

    it('refuses SDMX-JSON it would read only in part, or whose values it cannot store, naming the series and the line', async () => {
      const original = readFileSync(fixture('migrants.sdmx.json'), 'utf8');
      const edit = (from: string, to: string) => {
        if (!original.includes(from)) throw new Error(`no ${from} in migrants.sdmx.json`);
        return original.replace(from, to);
      };
      const cases: [string, string, RegExp][] = [
        // A misspelt "observations": the series' values would be lost.
        [
          'misspelt.sdmx.json',
          edit('"1:1:0": { "observations"', '"1:1:0": { "obsevations"'),
          /^misspelt\.sdmx\.json \(line 54, column 22\): series "1:1:0" \(REF_AREA=FRA, COUNTERPART_AREA=DZA, SEX=_T\) has no "observations" but a member "obsevations" that SDMX-JSON does not define: is it misspelt\? Its values cannot be read \[at data\.dataSets\[0\]\.series\["1:1:0"\]\.obsevations\]$/,
        ],
        [
          'misspelt-series.sdmx.json',
          edit('"series": {', '"serie": {'),
          /^misspelt-series\.sdmx\.json \(line 51, column 9\): the data set has neither "series" nor "observations" but a member "serie" that SDMX-JSON does not define/,
        ],
        [
          'observations-array.sdmx.json',
          edit('"observations": { "1": ["900", 1] }', '"observations": [["900", 1]]'),
          /^observations-array\.sdmx\.json \(line 54, column 22\): "observations" must be a JSON object \(observation key → \[value, attribute indices…\]\) \[at data\.dataSets\[0\]\.series\["1:1:0"\]\.observations\]$/,
        ],
        [
          'attributes-number.sdmx.json',
          edit('"0:0:1": { "attributes": [0],', '"0:0:1": { "attributes": 0,'),
          /^attributes-number\.sdmx\.json \(line 52, column 22\): "attributes" must be an array of value indices \[at data\.dataSets\[0\]\.series\["0:0:1"\]\.attributes\]$/,
        ],
        // JSON.parse reads 1e999 as Infinity.
        [
          'huge.sdmx.json',
          edit('"0": [1200, 0]', '"0": [1e999, 0]'),
          /^huge\.sdmx\.json \(line 52, column 65\): the value is too large to store \(beyond ±1\.8e308\) \[at data\.dataSets\[0\]\.series\["0:0:1"\]\.observations\["0"\]\[0\]\]$/,
        ],
        // JSON.parse reads 1e-400 as 0.
        [
          'tiny.sdmx.json',
          edit('"0": [1200, 0]', '"0": [12e-401, 0]'),
          /^tiny\.sdmx\.json \(line 52, column 65\): the number 12e-401 is too small to store \(below ±4\.9e-324\): it would become 0$/,
        ],
        [
          'year-zero.sdmx.json',
          edit('{ "id": "2019", "name": "2019" }', '{ "id": "0000", "name": "0000" }'),
          /^year-zero\.sdmx\.json \(line 30, column 17\): "0000" is not a period: there is no year 0 \[at data\.structure\.dimensions\.observation\[0\]\.values\[0\]\.id\]$/,
        ],
        [
          'nul-code.sdmx.json',
          edit('{ "id": "DZA" }', '{ "id": "DZA\\u0000" }'),
          /^nul-code\.sdmx\.json \(line 21, column 85\): a value of "COUNTERPART_AREA" holds a NUL character \(\\u0000\) \[at data\.structure\.dimensions\.series\[1\]\.values\[1\]\]$/,
        ],
        // Ten thousand nested arrays: the scan would run out of stack ("Maximum call stack size exceeded").
        [
          'deep.sdmx.json',
          edit('"0": [1200, 0]', `"0": ${'['.repeat(10_000)}${']'.repeat(10_000)}`),
          /^deep\.sdmx\.json \(line 52, column 157\): nested more than 100 levels deep; no SDMX-JSON message or mapping is$/,
        ],
      ];
      for (const [name, text, message] of cases) {
        const file = path.join(scratch, name);
        writeFileSync(file, text);
        const before = await snapshot();
        await expect(
          importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(JSON_MAPPING) }), { force: true }),
        ).rejects.toThrow(message);
        expect(await snapshot()).toEqual(before);
      }
    });

    it('says what of an SDMX-JSON message it did not read: series without observations, members SDMX-JSON does not define', async () => {
      const file = path.join(scratch, 'partly-read.sdmx.json');
      writeFileSync(
        file,
        readFileSync(fixture('migrants.sdmx.json'), 'utf8')
          .replace('"0:0:2": { "attributes": [0],', '"0:0:2": { "atributes": [0],')
          .replace('"1:1:0": { "observations": { "1": ["900", 1] } }', '"1:1:0": { "annotations": [] }'),
      );
      const importer = userFileImporter(file, { mapping: fixture(JSON_MAPPING) });
      expect(await importUserFile(testDb.database, importer, { force: true })).toMatchObject({ observations: 3 });
      expect(importer.report.notes).toEqual(
        expect.arrayContaining([
          '1 series with no observations (keys only, nothing to import): "1:1:0"',
          'members SDMX-JSON does not define, not read: series member "atributes" (1)',
        ]),
      );
      await load('migrants.sdmx.json', JSON_MAPPING, { force: true });
    });

    it('refuses SDMX-CSV whose columns it cannot read for sure, rather than drop any of them', async () => {
      const original = readFileSync(fixture('migrants.sdmx.csv'), 'utf8');
      const cases: [string, string, RegExp][] = [
        // A trailing comma on every line but the header's: a value in a column with no header.
        [
          'stray-value.sdmx.csv',
          original
            .trimEnd()
            .split('\n')
            .map((line, i) => (i === 0 ? `${line},` : `${line},x`))
            .join('\n'),
          /^stray-value\.sdmx\.csv \(line 2, column "column 11"\): a value in column 11, which has no header$/,
        ],
        // A named column among the dimensions that is no SDMX id.
        [
          'odd-dimension.sdmx.csv',
          original.replace('SEX,FREQ', 'SEX,Birth place,FREQ').replace(/,(F|M|_T|T),(A|Q),/g, ',$1,x,$2,'),
          /^odd-dimension\.sdmx\.csv \(line 1, column "Birth place"\): column "Birth place" stands among the dimensions/,
        ],
        // Ids ignore case: SEX and sex are one column twice.
        [
          'sex-twice.sdmx.csv',
          original.replace('SEX,FREQ', 'SEX,sex,FREQ').replace(/,(F|M|_T|T),(A|Q),/g, ',$1,$1,$2,'),
          /^sex-twice\.sdmx\.csv \(line 1, column "sex"\): columns "SEX" and "sex" name the same SDMX id/,
        ],
        // An empty counterpart is neither a total nor "not applicable".
        [
          'no-counterpart.sdmx.csv',
          original.replace('DEU,TUR,M', 'DEU,,M'),
          /^no-counterpart\.sdmx\.csv \(line 3, column "COUNTERPART_AREA"\): no counterpart area \(an empty cell\)/,
        ],
        [
          'bad-mult.sdmx.csv',
          original.replace('2019,1300,E,0', '2019,1300,E,k'),
          /^bad-mult\.sdmx\.csv \(line 3, column "UNIT_MULT"\): UNIT_MULT "k" is not a power of ten/,
        ],
      ];
      for (const [name, text, message] of cases) {
        const file = path.join(scratch, name);
        writeFileSync(file, text);
        const before = await snapshot();
        await expect(
          importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(SDMX_MAPPING) }), { force: true }),
        ).rejects.toThrow(message);
        expect(await snapshot()).toEqual(before);
      }
    });

    it('reads SDMX-CSV the way spreadsheets and Eurostat write it: trailing commas, lower-case ids, UNIT_MULT', async () => {
      const original = readFileSync(fixture('migrants.sdmx.csv'), 'utf8');
      const file = path.join(scratch, 'as-saved.sdmx.csv');
      writeFileSync(
        file,
        original
          .replace('REF_AREA,COUNTERPART_AREA,SEX,FREQ,AGE', 'REF_AREA,counterpart_area,sex,freq,age')
          .replace('2019,1200,A,0', '2019,1.2,A,3')
          .replace(/\n/g, ',\n'),
      );
      const importer = userFileImporter(file, { mapping: fixture(SDMX_MAPPING) });
      await importUserFile(testDb.database, importer, { force: true });
      expect(importer.report.notes).toContain(
        '1 value multiplied by 10^3 as UNIT_MULT 3 says (stored as the full number)',
      );
      const rows = await observations('test-sdmx-migrants-2024');
      expect(rows.map((r) => [r.ref, r.cp, r.sex, r.period, r.value, r.dims])).toContainEqual([
        'DEU',
        'TUR',
        'F',
        '2019',
        1200,
        { age: '_T' },
      ]);
      expect(rows).toHaveLength(6);
      await load('migrants.sdmx.csv', SDMX_MAPPING, { force: true });
    });

    it('reads the area, counterpart and sex columns as dimensions even after OBS_VALUE, and says so', async () => {
      const original = readFileSync(fixture('migrants.sdmx.csv'), 'utf8').trimEnd().split('\n');
      const header = original[0]?.split(',') ?? [];
      // SEX and COUNTERPART_AREA moved after OBS_VALUE, as a spreadsheet may write them.
      const order = [
        'DATAFLOW',
        'REF_AREA',
        'FREQ',
        'AGE',
        'TIME_PERIOD',
        'OBS_VALUE',
        'SEX',
        'COUNTERPART_AREA',
        'OBS_STATUS',
        'UNIT_MULT',
      ];
      const moved = original.map((line) => {
        const cells = line.split(',');
        return order.map((id) => cells[header.indexOf(id)] ?? '').join(',');
      });
      const file = path.join(scratch, 'late-dimensions.sdmx.csv');
      writeFileSync(file, `${moved.join('\n')}\n`);
      const importer = userFileImporter(file, { mapping: fixture(SDMX_MAPPING) });
      await importUserFile(testDb.database, importer, { force: true });
      expect(importer.report.notes).toContain('read as dimensions though after OBS_VALUE: SEX, COUNTERPART_AREA');
      expect(importer.report.notes.join('\n')).not.toMatch(/attributes not stored: .*SEX/);
      const rows = await observations('test-sdmx-migrants-2024');
      expect(rows.map((r) => [r.ref, r.cp, r.sex, r.period, r.value])).toContainEqual([
        'DEU',
        'TUR',
        'F',
        '2019',
        1200,
      ]);
      expect(rows).toHaveLength(6);
      await load('migrants.sdmx.csv', SDMX_MAPPING, { force: true });
      // Read as the same observations as the file in SDMX's order.
      expect(await observations('test-sdmx-migrants-2024')).toEqual(rows);
    });

    it('refuses a negative count of people, naming its line', async () => {
      const file = path.join(scratch, 'negative.sdmx.csv');
      writeFileSync(
        file,
        readFileSync(fixture('migrants.sdmx.csv'), 'utf8').replace(
          'DEU,TUR,M,A,_T,2019,1300',
          'DEU,TUR,M,A,_T,2019,-1300',
        ),
      );
      const before = await snapshot();
      await expect(
        importUserFile(testDb.database, userFileImporter(file, { mapping: fixture(SDMX_MAPPING) }), { force: true }),
      ).rejects.toThrow(
        /^negative\.sdmx\.csv \(line 3, column "OBS_VALUE"\): -1300 persons: a count of people cannot be negative$/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses to change the unit of an indicator another dataset uses', async () => {
      const other = editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = 'test-redefined-2024';
        (m.indicator as Record<string, unknown>).unit = 'flurbs per zorkmid';
      });
      const before = await snapshot();
      await expect(
        importUserFile(testDb.database, userFileImporter(fixture('remittance-share.csv'), { mapping: other })),
      ).rejects.toThrow(
        'test-redefined-2024: indicator "test_remittance_share_pct" already has unit "percent" (this file: "flurbs per zorkmid"), and datasets test-remittance-share-2024 use it',
      );
      expect(await snapshot()).toEqual(before);
      const unit = await sql<{
        unit: string;
      }>`SELECT unit FROM indicator WHERE id = 'test_remittance_share_pct'`.execute(testDb.database.db);
      expect(unit.rows[0]?.unit).toBe('percent');
    });

    it('refuses to reword an indicator another dataset uses, and lets its own dataset reword it', async () => {
      const wording = () =>
        sql<{ name: string; description: string; topic: string }>`
          SELECT name, description, topic FROM indicator WHERE id = 'test_remittance_share_pct'`.execute(
          testDb.database.db,
        );
      const kept = (await wording()).rows;
      const other = editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = 'test-reworded-2024';
        Object.assign(m.indicator as Record<string, unknown>, { name: 'Another name', topic: 'other' });
      });
      const before = await snapshot();
      await expect(
        importUserFile(testDb.database, userFileImporter(fixture('remittance-share.csv'), { mapping: other })),
      ).rejects.toThrow(
        /^test-reworded-2024: indicator "test_remittance_share_pct" already has name ".+" \(this file: "Another name"\) and topic ".+" \(this file: "other"\), and datasets test-remittance-share-2024 use it; give this file's indicator another id, or declare the same name and topic$/,
      );
      expect(await snapshot()).toEqual(before);
      expect((await wording()).rows).toEqual(kept);
      // The dataset that alone uses it may reword it (a corrected mapping).
      const own = editedMapping(TIDY_MAPPING, (m) => {
        (m.indicator as Record<string, unknown>).description = 'A corrected description';
      });
      await importUserFile(testDb.database, userFileImporter(fixture('remittance-share.csv'), { mapping: own }), {
        force: true,
      });
      expect((await wording()).rows[0]?.description).toBe('A corrected description');
      await load('remittance-share.csv', TIDY_MAPPING, { force: true });
      expect((await wording()).rows).toEqual(kept);
    });

    it('lists every unmatched name, with its lines, in one error', async () => {
      const before = await snapshot();
      await expect(load('unmatched-names.csv', TIDY_MAPPING)).rejects.toThrow(
        'unmatched-names.csv (line 2, column "country"): 3 area names matching no area; add each to "areaNames" in remittance-share.mapping.json as "name as printed": "ISO3":\n' +
          '  "Freedonia" (lines 2, 5)\n' +
          '  "Ruritania, Kingdom of" (line 3)\n' +
          '  "Atlantis" (line 4)',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('checks a row whose missing value it skips like any other: its unmatched name is listed', async () => {
      const file = shareCsv('skip-unmatched.csv', [
        'Philippines,2020,Total,11.5,,bank,',
        'Freedonia,2020,Total,..,,bank,',
      ]);
      const skipping = editedMapping(TIDY_MAPPING, (m) => (m.skipMissing = true));
      const before = await snapshot();
      await expect(importUserFile(testDb.database, userFileImporter(file, { mapping: skipping }))).rejects.toThrow(
        /skip-unmatched\.csv \(line 3, column "country"\): unknown area name "Freedonia"/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('says which values it stores rounded, having more digits than the database keeps', async () => {
      const file = shareCsv('many-digits.csv', [
        'Philippines,2020,Total,12345678901234567,,bank,',
        'Mexico,2020,Total,1.50,,bank,',
      ]);
      const mapping = editedMapping(
        TIDY_MAPPING,
        (m) => ((m.dataset as Record<string, unknown>).id = 'test-digits-2024'),
      );
      const importer = userFileImporter(file, { mapping });
      expect(await importUserFile(testDb.database, importer)).toMatchObject({ loaded: true, observations: 2 });
      // 1.50 is 1.5 exactly; 12345678901234567 is beyond a float8's digits.
      expect(importer.report.notes).toContain(
        '1 value has more significant digits than the database keeps (15 to 17): stored rounded, e.g. line 2: 12345678901234567 → 12345678901234568',
      );
      await sql`DELETE FROM dataset WHERE id = 'test-digits-2024'`.execute(testDb.database.db);
    });

    it('caps the list of unmatched names, saying how many more', async () => {
      const names = Array.from({ length: 60 }, (_, i) => `Nowhere ${String(i + 1)},2020,Total,1,,bank,`);
      const file = shareCsv('many-unmatched.csv', names);
      const error = await importUserFile(
        testDb.database,
        userFileImporter(file, { mapping: fixture(TIDY_MAPPING) }),
      ).catch((err: unknown) => err as Error);
      expect((error as Error).message).toMatch(/60 area names matching no area/);
      expect((error as Error).message).toMatch(/"Nowhere 50" \(line 51\)\n {2}… and 10 more$/);
    });

    it('caps the lists of columns, in the report and in a missing column’s error', async () => {
      const extra = Array.from({ length: 12_000 }, (_, i) => `x${String(i)}`);
      const file = path.join(scratch, 'wide.csv');
      const header = ['country', 'year', 'sex', 'share_pct', 'quality', 'channel', 'comment', ...extra];
      writeFileSync(file, `${header.join(',')}\nPhilippines,2020,Total,1,,bank,${','.repeat(extra.length)}\n`);
      const importer = userFileImporter(file, {
        mapping: editedMapping(TIDY_MAPPING, (m) => {
          (m.dataset as Record<string, unknown>).id = 'test-wide-header';
        }),
      });
      await importUserFile(testDb.database, importer);
      expect(importer.report.notes[0]).toBe(
        `columns not imported (the mapping does not name them): comment, ${extra.slice(0, 49).join(', ')}, … and 11,951 more`,
      );
      await sql`DELETE FROM dataset WHERE id = 'test-wide-header'`.execute(testDb.database.db);

      writeFileSync(file, `${header.filter((h) => h !== 'share_pct').join(',')}\n`);
      const error = await importUserFile(
        testDb.database,
        userFileImporter(file, { mapping: fixture(TIDY_MAPPING) }),
      ).catch((err: unknown) => err as Error);
      expect((error as Error).message).toMatch(/missing column "share_pct" .*"x43", … and 11,956 more$/);
    });
  });

  describe('what a file means does not depend on what else is loaded', () => {
    /** A tidy CSV of ISO3 codes and aggregate codes, imported as dataset `id` (invented values). */
    const importCodes = async (
      id: string,
      codes: readonly string[],
      edit: (m: Record<string, unknown>) => void = () => {},
    ) => {
      const data = shareCsv(
        `${id}.csv`,
        codes.map((code, i) => `${code},2020,Total,${String(i + 1)}.5,,bank,`),
      );
      const mapping = editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = id;
        (m.columns as Record<string, unknown>).areaBy = 'iso3';
        delete m.areaNames;
        edit(m);
      });
      return importUserFile(testDb.database, userFileImporter(data, { mapping }));
    };
    const area = async (code: string) =>
      (
        await sql<{ kind: string; publisher: string | null; name: string; fr: string | null }>`
          SELECT a.kind, a.aggregate_publisher AS publisher, a.name_en AS name,
                 (SELECT n.name FROM area_name n WHERE n.area_code = a.code AND n.lang = 'fr' AND n.name_type = 'short') AS fr
          FROM area a WHERE a.code = ${code}`.execute(testDb.database.db)
      ).rows[0];
    const messageOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'imported',
        // (each import's mapping is a file of its own, named at random)
        (err: unknown) => (err as Error).message.replace(/edited-\d+/g, 'edited-N'),
      );

    it('accepts the code of an aggregate Bridges’ datasets publish, loaded or not, as its importer declares it', async () => {
      // No bundled dataset is loaded in this database: none of these aggregates is there yet.
      for (const code of ['WB_WLD', 'UNDESA_900', 'KNOMAD_WORLD', 'OECD_F4_X'])
        expect(await area(code)).toBeUndefined();
      const outcome = await importCodes('test-bundled-aggregates', ['PHL', 'WB_WLD', 'undesa_900', 'KNOMAD_WORLD']);
      expect(outcome).toMatchObject({ loaded: true, observations: 4 });
      expect((await observations('test-bundled-aggregates')).map((r) => r.ref)).toEqual([
        'KNOMAD_WORLD',
        'PHL',
        'UNDESA_900',
        'WB_WLD',
      ]);
      expect(await area('WB_WLD')).toEqual({
        kind: 'aggregate',
        publisher: 'World Bank (WDI)',
        name: 'World',
        fr: 'Monde',
      });
      expect(await area('UNDESA_900')).toEqual({ kind: 'aggregate', publisher: 'UN DESA', name: 'World', fr: 'Monde' });
      expect(await area('KNOMAD_WORLD')).toMatchObject({ publisher: 'World Bank/KNOMAD', name: 'World (KNOMAD)' });

      // Loaded now, as a WDI edition would have it, under the name that edition gives it: it is
      // accepted the same, and keeps that name.
      await sql`UPDATE area SET name_en = 'World (as an edition names it)' WHERE code = 'WB_WLD'`.execute(
        testDb.database.db,
      );
      const again = await importCodes('test-bundled-aggregates-2', ['WB_WLD', 'OECD_F4_X'], (m) => {
        m.areaNames = { Monde: 'WB_WLD' };
      });
      expect(again).toMatchObject({ loaded: true, observations: 2 });
      expect(await area('WB_WLD')).toMatchObject({ name: 'World (as an edition names it)' });
      expect(await area('OECD_F4_X')).toMatchObject({ publisher: 'OECD Development Assistance Committee' });
      await sql`DELETE FROM dataset WHERE id IN ('test-bundled-aggregates', 'test-bundled-aggregates-2')`.execute(
        testDb.database.db,
      );
    });

    it('refuses an aggregate code Bridges does not know with the same message whether or not another file loaded it', async () => {
      const unknown = () => messageOf(importCodes('test-unknown-aggregate', ['PHL', 'TEST_ELSEWHERE_WLD']));
      const before = await snapshot();
      const absent = await unknown();
      expect(absent).toMatch(
        /^test-unknown-aggregate\.csv \(line 3, column "country"\): unknown area code "TEST_ELSEWHERE_WLD" \(map each in "areaNames"/,
      );
      expect(await snapshot()).toEqual(before);
      // Declared by another user's file, with that file's dataset.
      await importCodes('test-elsewhere', ['world'], (m) => {
        m.aggregates = { world: { code: 'TEST_ELSEWHERE_WLD', name: 'World (another file)' } };
      });
      const loaded = await snapshot();
      expect(await unknown()).toBe(absent);
      expect(await snapshot()).toEqual(loaded);
      // Nor may "areaNames" lead to it, nor a mapping declare a bundled aggregate anew.
      expect(
        await messageOf(
          importCodes('test-unknown-aggregate', ['Earth'], (m) => (m.areaNames = { Earth: 'TEST_ELSEWHERE_WLD' })),
        ),
      ).toMatch(/\(line \d+, column \d+\): "TEST_ELSEWHERE_WLD" is not an area code Bridges knows/);
      expect(
        await messageOf(
          importCodes('test-unknown-aggregate', ['world'], (m) => {
            m.aggregates = { world: { code: 'WB_WLD', name: 'Our world' } };
          }),
        ),
      ).toMatch(
        /\(line \d+, column \d+\): "WB_WLD" is an aggregate of World Bank \(WDI\) that Bridges knows \("World"\): write its code in the file, or map "world" to it in "areaNames"/,
      );
      expect(await snapshot()).toEqual(loaded);
      await sql`DELETE FROM dataset WHERE id = 'test-elsewhere'`.execute(testDb.database.db);
    });
  });

  describe('faults say what to do, name their place, and change nothing', () => {
    /** Expects importing `rows` (in the layout of remittance-share.csv) to fail with `message`, the database untouched. */
    async function refused(name: string, rows: readonly string[], message: RegExp, mapping = fixture(TIDY_MAPPING)) {
      const file = shareCsv(name, rows);
      const before = await snapshot();
      await expect(importUserFile(testDb.database, userFileImporter(file, { mapping }))).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    }

    it('a number with a decimal comma or thousands separators', async () => {
      await refused(
        'decimal-comma.csv',
        ['Philippines,2020,Total,11.5,,bank,', 'Mexico,2020,Total,"1,5",,bank,'],
        /^decimal-comma\.csv \(line 3, column "share_pct"\): "1,5" is not a number: the decimal separator must be a point \(write 1\.5\)$/,
      );
      await refused(
        'grouped-comma.csv',
        ['Mexico,2020,Total,"1 234,5",,bank,'],
        /^grouped-comma\.csv \(line 2, column "share_pct"\): "1 234,5" is not a number: the decimal separator must be a point, and numbers take no thousands separator \(write 1234\.5\)$/,
      );
      await refused(
        'ambiguous-comma.csv',
        ['Mexico,2020,Total,"1,234",,bank,'],
        /"1,234" is not a number: the decimal separator must be a point, and numbers take no thousands separator \(write 1\.234, or 1234 if the comma separates thousands\)$/,
      );
      await refused(
        'thousands.csv',
        ['Mexico,2020,Total,"12,345.5",,bank,'],
        /^thousands\.csv \(line 2, column "share_pct"\): "12,345\.5" is not a number: numbers take no thousands separator \(write 12345\.5\)$/,
      );
      // Not quoted, the comma splits the number in two columns.
      await refused(
        'split-comma.csv',
        ['Mexico,2020,Total,3,25,,bank,'],
        /^split-comma\.csv \(line 2\): 8 columns where the header has 7: is "3,25" in column "share_pct" a number with a decimal comma\? The decimal separator must be a point \(3\.25\)$/,
      );
    });

    it('a dimension too long to be a code, alone or with the others', async () => {
      await refused(
        'long-dimension.csv',
        ['Philippines,2020,Total,11.5,,bank,', `Mexico,2020,Total,3.25,,${'x'.repeat(3_000)},`],
        /^long-dimension\.csv \(line 3, column "channel"\): a channel of 3,000 characters: a dimension's value is a code or a short label, at most 200 characters/,
      );
      // Each short enough, too long together for the series' key (the database's index would refuse it).
      const many = editedMapping(TIDY_MAPPING, (m) => {
        (m.columns as Record<string, unknown>).dims = ['channel', 'd2', 'd3', 'd4'];
      });
      const file = path.join(scratch, 'long-dimensions.csv');
      const euros = '€'.repeat(200); // 600 bytes
      writeFileSync(file, `${SHARE_HEADER},d2,d3,d4\nMexico,2020,Total,3.25,,${euros},,${euros},${euros},${euros}\n`);
      const before = await snapshot();
      await expect(importUserFile(testDb.database, userFileImporter(file, { mapping: many }))).rejects.toThrow(
        /^long-dimensions\.csv \(line 2, column "channel"\): the dimensions of this row \(channel, d2, d3, d4\) take 2,4\d\d bytes together, more than the 2,000 a series' key may: use shorter codes$/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('a dimension whose value would display otherwise than it reads', async () => {
      await refused(
        'hidden-dimension.csv',
        ['Philippines,2020,Total,11.5,,bank,', 'Mexico,2020,Total,3.25,,\u202Eknab,'],
        /^hidden-dimension\.csv \(line 3, column "channel"\): the channel holds U\+202E, a bidirectional control, which reorders the text on screen, at character 1; remove it$/,
      );
    });

    it('a spreadsheet formula left in a cell', async () => {
      await refused(
        'formula.csv',
        ['Philippines,2020,Total,11.5,,bank,', 'Mexico,2020,Total,=SUM(B2:B4),,bank,'],
        /^formula\.csv \(line 3, column "share_pct"\): "=SUM\(B2:B4\)" is a spreadsheet formula, not a value: save the sheet's values/,
      );
      await refused(
        'formula-year.csv',
        ['Mexico,=B2+1,Total,1,,bank,'],
        /^formula-year\.csv \(line 2, column "year"\): "=B2\+1" is a spreadsheet formula, not a value/,
      );
    });

    it('an area column of M49 codes, names or ISO3 codes read as another kind', async () => {
      const reading = (areaBy: string) =>
        editedMapping(TIDY_MAPPING, (m) => {
          (m.columns as Record<string, unknown>).areaBy = areaBy;
          delete m.areaNames;
        });
      await refused(
        'm49-as-iso3.csv',
        ['004,2020,Total,1,,bank,', '4,2021,Total,1,,bank,', '608,2020,Total,2,,bank,'],
        /^m49-as-iso3\.csv \(line 2, column "country"\): 3 area codes matching no area; the column holds numbers, which are UN M49 codes \("004" is AFG\), read here as ISO3 codes: set "areaBy": "m49" in "columns" of edited-\d+\.mapping\.json:\n {2}"004" \(line 2\)/,
        reading('iso3'),
      );
      await refused(
        'm49-as-name.csv',
        ['608,2020,Total,2,,bank,'],
        /^m49-as-name\.csv \(line 2, column "country"\): unknown area name "608" \(the column holds numbers, which are UN M49 codes \("608" is PHL\), read here as names: set "areaBy": "m49" in "columns" of /,
        reading('name'),
      );
      // Names as the World Bank writes them are names too: a WDI download's.
      const file = shareCsv('world-bank-names.csv', [
        '"Korea, Rep.",2020,Total,2,,bank,',
        '"Congo, Dem. Rep.",2020,Total,1,,bank,',
        'Lao PDR,2020,Total,1,,bank,',
      ]);
      const names = editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = 'test-world-bank-names';
        (m.columns as Record<string, unknown>).areaBy = 'name';
        delete m.areaNames;
      });
      const importer = userFileImporter(file, { mapping: names });
      await importUserFile(testDb.database, importer);
      expect((await observations('test-world-bank-names')).map((r) => r.ref).sort()).toEqual(['COD', 'KOR', 'LAO']);
      await sql`DELETE FROM dataset WHERE id = 'test-world-bank-names'`.execute(testDb.database.db);
      // Names read as ISO3 codes (the default), and codes read as names.
      await refused(
        'names-as-iso3.csv',
        ['Philippines,2020,Total,2,,bank,', 'Mexico,2020,Total,1,,bank,', 'Freedonia,2020,Total,1,,bank,'],
        /^names-as-iso3\.csv \(line 2, column "country"\): 3 area codes matching no area; the column holds names \("Philippines" is PHL\), read here as ISO3 codes: set "areaBy": "name" in "columns" of edited-\d+\.mapping\.json:\n/,
        reading('iso3'),
      );
      await refused(
        'iso3-as-names.csv',
        ['PHL,2020,Total,2,,bank,', 'MEX,2020,Total,1,,bank,'],
        /^iso3-as-names\.csv \(line 2, column "country"\): 2 area names matching no area; the column holds ISO3 codes \("PHL" is PHL\), read here as names: set "areaBy": "iso3" in "columns" of /,
        reading('name'),
      );
    });

    it('warns of "areaNames" no row used, and says what a re-import replaced', async () => {
      const mapping = editedMapping(TIDY_MAPPING, (m) => {
        (m.dataset as Record<string, unknown>).id = 'test-report-2024';
        m.areaNames = { Turkey: 'TUR', 'Viet  Nam': 'VNM', Absurdistan: 'FRA' };
      });
      const file = shareCsv('report.csv', ['Turkey,2020,Total,1,,bank,', 'Viet Nam,2020,Total,2,,bank,']);
      const first = userFileImporter(file, { mapping });
      const outcome = await importUserFile(testDb.database, first);
      expect(first.report.notes).toContain(
        `warning: 2 of "areaNames" in ${path.basename(mapping)} matched no row of report.csv, not used: "Viet  Nam", "Absurdistan"`,
      );
      expect(outcome).toMatchObject({ loaded: true, replaced: null });
      expect(first.report.notes.join('\n')).not.toMatch(/replaced/);
      // Corrected: a row fewer, two more.
      writeFileSync(
        file,
        [SHARE_HEADER, 'Turkey,2020,Total,1,,bank,', 'Turkey,2021,Total,3,,bank,', 'Mexico,2021,Total,4,,bank,'].join(
          '\n',
        ),
      );
      const second = userFileImporter(file, { mapping });
      expect(await importUserFile(testDb.database, second)).toMatchObject({
        loaded: true,
        observations: 3,
        replaced: 2,
      });
      expect(second.report.notes).toContain('replaced the edition loaded before: 2 → 3 observations (+1)');
      await sql`DELETE FROM dataset WHERE id = 'test-report-2024'`.execute(testDb.database.db);
    });
  });

  it('reads a large file row by row, reporting progress and letting the event loop turn while it reads', async () => {
    // Invented values, 30,000 rows: three turns of the event loop.
    const rows: string[] = [];
    for (const country of ['PHL', 'MEX', 'TUR'])
      for (let channel = 0; channel < 100; channel++)
        for (let year = 1921; year <= 2020; year++)
          rows.push(`${country},${String(year)},Total,1.5,,c${String(channel)},`);
    const file = shareCsv('large.csv', rows);
    const mapping = editedMapping(TIDY_MAPPING, (m) => {
      (m.dataset as Record<string, unknown>).id = 'test-large-2024';
      (m.columns as Record<string, unknown>).areaBy = 'iso3';
      delete m.areaNames;
    });
    let turned = 0;
    const reports: [number, number, number][] = [];
    const importer = userFileImporter(file, {
      mapping,
      onProgress: (step, done, total) => {
        if (step === 'reading large.csv') reports.push([done, total, turned]);
      },
    });
    const ticking = setInterval(() => turned++, 0);
    try {
      expect(await importUserFile(testDb.database, importer)).toMatchObject({ observations: 30_000 });
    } finally {
      clearInterval(ticking);
    }
    // A first report before any row is read, with the rows to come; the event loop turned while reading.
    expect(reports[0]).toEqual([0, 30_000, expect.any(Number)]);
    expect(reports.at(-1)?.slice(0, 2)).toEqual([30_000, 30_000]);
    expect(reports.at(-1)?.[2]).toBeGreaterThan(reports[0]?.[2] ?? 0);
    await sql`DELETE FROM dataset WHERE id = 'test-large-2024'`.execute(testDb.database.db);
  });
});

/** The built CLI, exactly as the package's `bridges` bin runs it. */
const CLI = path.join(ROOT_DIR, 'dist', 'server', 'cli', 'main.js');

describe('bridges import <file> (the built CLI)', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    BRIDGES_DATA_DIR: path.join(scratch, 'cli-data'),
  };
  delete env.DATABASE_URL;
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error('Run `npx tsc -p tsconfig.server.json` first: this test runs the built dist/');
  });

  it('imports a tidy CSV with its mapping, showing progress, once', () => {
    const first = run(['import', fixture('remittance-share.csv'), '--mapping', fixture(TIDY_MAPPING)]);
    // Progress from the first row on, not once the whole file is read.
    expect(first.stderr).toMatch(
      /reading remittance-share\.csv: 0\/8 \(0%\)\nreading remittance-share\.csv: 8\/8 \(100%\)/,
    );
    expect(first.stderr).toMatch(/writing test-remittance-share-2024: observations: 8\/8 \(100%\)/);
    expect(first.stdout).toMatch(/^test-remittance-share-2024: 8 observations in \d+ series, [\d.]+ s\n/);
    expect(first.stdout).toContain(
      '  6 area names matched (1 through "areaNames"): Philippines → PHL; Viet Nam → VNM;',
    );
    expect(first.status).toBe(0);
    const again = run(['import', fixture('remittance-share.csv'), '--mapping', fixture(TIDY_MAPPING)]);
    expect(again.stdout).toBe('test-remittance-share-2024: already loaded and unchanged (use --force to re-import)\n');
    expect(again.status).toBe(0);
  }, 180_000);

  it('fails with a non-zero exit and the file, line and column of a malformed file', () => {
    const bad = run(['import', fixture('bad-number.sdmx.csv'), '--mapping', fixture(SDMX_MAPPING)]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bridges: bad-number.sdmx.csv (line 4, column "OBS_VALUE"): "9O0" is not a number\n');
    const missing = run(['import', fixture('remittance-share.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/remittance-share\.csv is a tidy CSV: give --mapping <file\.json>/);
    const noFile = run(['import', 'no-such-file.csv']);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toMatch(/No file no-such-file\.csv, and no bundled dataset of that name/);
  }, 180_000);
});
