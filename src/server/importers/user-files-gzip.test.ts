import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type * as zlibModule from 'node:zlib';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { statsSnapshot } from '../../../tests/helpers/stats.js';
import { ROOT_DIR } from '../paths.js';
import { detectUserFileFormat, importUserFile, userFileImporter } from './user-files.js';

/** How many bytes zlib's gunzipSync has given, all calls together: what reading a gzipped file unzips. */
const zlibOutput = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof zlibModule>();
  return {
    ...zlib,
    gunzipSync(...args: Parameters<typeof zlib.gunzipSync>) {
      const bytes = zlib.gunzipSync(...args);
      zlibOutput.bytes += bytes.length;
      return bytes;
    },
  };
});

const KB = 2 ** 10;
const MB = 2 ** 20;
const FIXTURES = path.join(ROOT_DIR, 'tests', 'fixtures', 'user-files');
const fixture = (name: string) => path.join(FIXTURES, name);
const TIDY_MAPPING = fixture('remittance-share.mapping.json');
const SHARE_HEADER = 'country,year,sex,share_pct,quality,channel,comment';

/** A temporary folder a test may write into; removed after the file's tests. */
const scratch = mkdtempSync(path.join(tmpdir(), 'bridges-user-files-gz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `bytes` gzipped into the scratch folder. */
function writeGzipped(name: string, bytes: Buffer | string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, gzipSync(bytes));
  return file;
}

/** The message of what `read` throws (undefined when it throws nothing), to compare whole. */
function thrown(read: () => unknown): string | undefined {
  try {
    read();
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

describe('a gzipped user file: its format told from its start', () => {
  it('tells a gzipped tidy CSV and SDMX-CSV apart, as the plain files', () => {
    for (const [name, format] of [
      ['remittance-share.csv', 'tidy-csv'],
      ['migrants.sdmx.csv', 'sdmx-csv'],
      ['sdmx-csv-2.sdmx.csv', 'sdmx-csv'],
    ] as const) {
      expect(detectUserFileFormat(fixture(name))).toBe(format);
      expect(detectUserFileFormat(writeGzipped(`${name}.gz`, readFileSync(fixture(name))))).toBe(format);
    }
    // Saved by Windows in capitals.
    expect(detectUserFileFormat(writeGzipped('MIGRANTS.SDMX.CSV.GZ', readFileSync(fixture('migrants.sdmx.csv'))))).toBe(
      'sdmx-csv',
    );
  });

  it('unzips only the start of one that unzips to 200 MB, whatever its size', async () => {
    const file = path.join(scratch, 'large.csv.gz');
    // Rows that repeat every 64 lines: 200 MB in about 1 MB of gzip, written a megabyte at a time.
    const rows = Array.from({ length: 64 }, (_, i) => `Philippines,${String(1960 + i)},Total,1.5,,bank,\n`).join('');
    const block = rows.repeat(Math.ceil(MB / rows.length));
    async function* text() {
      yield `${SHARE_HEADER}\n`;
      for (let written = 0; written < 200 * MB; written += block.length) yield block;
    }
    try {
      await pipeline(text, createGzip(), createWriteStream(file));
      const unzippedBefore = zlibOutput.bytes;
      // The process's peak resident memory, in kilobytes: unzipped whole, the file raised it by 360 MB.
      const peakBefore = process.resourceUsage().maxRSS;
      expect(detectUserFileFormat(file)).toBe('tidy-csv');
      const unzipped = zlibOutput.bytes - unzippedBefore;
      const peakRise = (process.resourceUsage().maxRSS - peakBefore) * KB;
      expect(unzipped).toBeGreaterThanOrEqual(64 * KB);
      expect(unzipped).toBeLessThan(4 * MB);
      expect(peakRise).toBeLessThan(64 * MB);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses an empty, a UTF-16, a semicolon-separated and a corrupt one, in the same words as before', () => {
    const csv = readFileSync(fixture('remittance-share.csv'), 'utf8');
    const cut = gzipSync(csv);
    const cases: [name: string, bytes: Buffer, message: string][] = [
      ['empty.csv.gz', gzipSync(''), 'empty.csv.gz: is empty: no header row and no data'],
      ['blank-lines.csv.gz', gzipSync('\n\n'), 'blank-lines.csv.gz: is empty: no header row and no data'],
      [
        'unicode-text.csv.gz',
        // Excel's "Unicode text": UTF-16, a byte-order mark first, tabs between the columns.
        gzipSync(Buffer.from(`\uFEFF${csv.replaceAll(',', '\t')}`, 'utf16le')),
        'unicode-text.csv.gz: is UTF-16 (little-endian) text, not UTF-8: save it as UTF-8 (in Excel "CSV UTF-8 (comma delimited)")',
      ],
      [
        'semicolons.csv.gz',
        gzipSync(csv.replaceAll(',', ';')),
        'semicolons.csv.gz (line 1): separates its columns with semicolons, not commas: save it as comma-separated CSV (in Excel "CSV UTF-8 (comma delimited)"), with a point as the decimal mark',
      ],
      ['not-gzip.csv.gz', Buffer.from(csv), 'not-gzip.csv.gz: not a complete gzip file (incorrect header check)'],
      ['nothing.csv.gz', Buffer.alloc(0), 'nothing.csv.gz: not a complete gzip file (unexpected end of file)'],
      ['cut.csv.gz', cut.subarray(0, cut.length - 8), 'cut.csv.gz: not a complete gzip file (unexpected end of file)'],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(scratch, name);
      writeFileSync(file, bytes);
      expect(thrown(() => detectUserFileFormat(file))).toBe(message);
      expect(thrown(() => userFileImporter(file, { mapping: TIDY_MAPPING }))).toBe(message);
    }
  });
});

describe.each(testEngines())('a gzipped user file on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('is imported as the plain file is; one cut short after its start is refused by the import, naming it', async () => {
    const plain = await importUserFile(
      testDb.database,
      userFileImporter(fixture('remittance-share.csv'), { mapping: TIDY_MAPPING }),
    );
    const zipped = writeGzipped('remittance-share.csv.gz', readFileSync(fixture('remittance-share.csv')));
    const fromGzip = await importUserFile(testDb.database, userFileImporter(zipped, { mapping: TIDY_MAPPING }), {
      force: true,
    });
    if (!plain.loaded) throw new Error('remittance-share.csv was not loaded');
    expect(fromGzip).toMatchObject({ loaded: true, series: plain.series, observations: plain.observations });

    // Megabytes of rows whose gzip is cut short: its start tells a tidy CSV, the import reads it
    // whole, refuses it before writing anything, and names it.
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `Philippines,${String(1000 + i)},Total,${String(i)},,bank,\n`,
    );
    const whole = gzipSync(`${SHARE_HEADER}\n${rows.join('')}`);
    const file = path.join(scratch, 'cut-short.csv.gz');
    writeFileSync(file, whole.subarray(0, whole.length - 1000));
    expect(detectUserFileFormat(file)).toBe('tidy-csv');
    const before = await statsSnapshot(testDb.database.db);
    await expect(
      importUserFile(testDb.database, userFileImporter(file, { mapping: TIDY_MAPPING }), { force: true }),
    ).rejects.toThrow(/^cut-short\.csv\.gz: not a complete gzip file \(unexpected end of file\)$/);
    expect(await statsSnapshot(testDb.database.db)).toEqual(before);
  });
});
