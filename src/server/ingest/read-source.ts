import { constants as bufferConstants } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { CsvError, parse } from 'csv-parse/sync';
import { SourceFormatError } from './source-error.js';

/** A bundled or user-supplied file, read once: its bytes (decompressed if .gz) and checksum. */
export interface SourceFile {
  /** The file name shown in messages. */
  name: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * The most a gzipped file may unzip to: far above the bundled files (a few megabytes each), and
 * below what would exhaust memory (a few hundred kilobytes of gzip can unzip to gigabytes).
 */
const MAX_UNZIPPED_BYTES = 2 ** 30;

/**
 * Reads a file, gunzipping `.gz`; a truncated or corrupt archive, or one that unzips to more than
 * `maxBytes` (1 GB unless a test says less), is a SourceFormatError.
 */
export function readSourceFile(filePath: string, { maxBytes = MAX_UNZIPPED_BYTES } = {}): SourceFile {
  const name = path.basename(filePath);
  const raw = readFileSync(filePath);
  let bytes: Buffer = raw;
  // Any case: a file saved as DATA.CSV.GZ is gzip too.
  if (isGzipName(filePath)) {
    const unzipped = gunzipBounded(name, raw, { whole: true, maxBytes });
    if (unzipped === null) {
      throw new SourceFormatError(
        name,
        `unzips to more than ${sizeInWords(maxBytes)}, more than Bridges reads from one file: is it the right file?`,
      );
    }
    bytes = unzipped;
  }
  return { name, bytes, sha256: createHash('sha256').update(raw).digest('hex') };
}

const isGzipName = (filePath: string) => filePath.toLowerCase().endsWith('.gz');

/**
 * Gunzips a whole file, or the start of one (`whole: false`: unzipped as far as its bytes go, not
 * refused for ending early); null when it unzips to more than `maxBytes`. A corrupt archive, or a
 * whole one cut short, is a SourceFormatError.
 */
function gunzipBounded(
  name: string,
  zipped: Buffer,
  { whole, maxBytes }: { whole: boolean; maxBytes: number },
): Buffer | null {
  try {
    // NOTE: bounded while it unzips, so that memory is not spent before the file is refused, nor
    // on more of a start than is asked for.
    return gunzipSync(zipped, {
      maxOutputLength: maxBytes,
      finishFlush: whole ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw new SourceFormatError(name, `not a complete gzip file (${(err as Error).message})`);
  }
}

/** The start of a file (unzipped if .gz), read to tell what it holds before it is read whole. */
export interface SourceStart {
  /** The file name shown in messages. */
  name: string;
  bytes: Buffer;
  /** Whether `bytes` are the whole file (unzipped): a start may end anywhere, even inside a character. */
  whole: boolean;
}

/**
 * The most of a file's start read: more than the format checks look at in a first line (10 MB of a
 * header), and than the longest row readCsv accepts, so that they see what the whole file shows.
 */
const MAX_START_BYTES = 16 * 2 ** 20;

/**
 * Reads the start of a file, gunzipping `.gz`: at least `minBytes` (64 KiB) when the file has them,
 * and its whole first line, but not more than `maxBytes` (16 MB) however large the file is or its
 * gzip unzips to. A corrupt archive is a SourceFormatError, as readSourceFile's; one that is cut
 * short or corrupt past its start is noticed only when readSourceFile reads it whole.
 */
export function readSourceStart(
  filePath: string,
  { minBytes = 2 ** 16, maxBytes = MAX_START_BYTES } = {},
): SourceStart {
  const name = path.basename(filePath);
  const enough = (bytes: Buffer) => bytes.length >= maxBytes || (bytes.length >= minBytes && bytes.includes(0x0a));
  const fd = openSync(filePath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (isGzipName(filePath)) return gzipStart(name, fd, size, enough, maxBytes);
    let bytes = Buffer.alloc(0);
    // NOTE: only the start, not a file of tens of megabytes read to look at its first line.
    while (bytes.length < size && !enough(bytes)) {
      const chunk = Buffer.alloc(
        Math.min(Math.max(2 ** 16, bytes.length), size - bytes.length, maxBytes - bytes.length),
      );
      const read = readSync(fd, chunk, 0, chunk.length, bytes.length);
      if (read === 0) break;
      bytes = Buffer.concat([bytes, chunk.subarray(0, read)]);
    }
    return { name, bytes, whole: bytes.length >= size };
  } finally {
    closeSync(fd);
  }
}

/**
 * The start of a gzipped file: its zipped bytes are read a run at a time, doubled from a kilobyte,
 * until the run unzips to enough, or the whole file is read (unzipped as readSourceFile does: a
 * file cut short is refused as it is there).
 *
 * NOTE: zlib's synchronous gunzip keeps nothing from one call to the next (Node has no synchronous
 * stream), so each run is unzipped from the file's first byte: twice the last run's work at most.
 * A kilobyte of gzip unzips to a megabyte at most (deflate's limit is 1,032 to 1), but a doubled
 * run may unzip past maxBytes (a highly compressible file after an incompressible start); then
 * the longest run that does not is found by halving the difference. Nor is more than twice
 * maxBytes of gzip read: deflate lengthens no text by half, so a run that long that unzips to less
 * holds something else (a file name of megabytes in the gzip header, empty blocks one after another).
 */
function gzipStart(
  name: string,
  fd: number,
  size: number,
  enough: (bytes: Buffer) => boolean,
  maxBytes: number,
): SourceStart {
  let zipped: Buffer = Buffer.alloc(0);
  /** The start unzipped from the longest run found so far that is not enough, and that run's length. */
  let start: Buffer = Buffer.alloc(0);
  let low = 0;
  /** The shortest run found that unzips to more than maxBytes. */
  let high = 0;
  const most = Math.min(size, 2 * maxBytes);
  for (let length = Math.min(2 ** 10, most); ; length = Math.min(2 * length, most)) {
    const more = Buffer.alloc(length - zipped.length);
    const read = readSync(fd, more, 0, more.length, zipped.length);
    zipped = Buffer.concat([zipped, more.subarray(0, read)]);
    // (a file cut short while it is read ends where it ends)
    const whole = zipped.length >= size || read < more.length;
    const bytes = gunzipBounded(name, zipped, { whole, maxBytes });
    if (bytes === null) {
      high = zipped.length;
      break;
    }
    if (whole || enough(bytes) || zipped.length >= most) return { name, bytes, whole };
    start = bytes;
    low = zipped.length;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const bytes = gunzipBounded(name, zipped.subarray(0, middle), { whole: false, maxBytes });
    if (bytes === null) high = middle;
    else if (enough(bytes)) return { name, bytes, whole: false };
    else {
      start = bytes;
      low = middle;
    }
  }
  return { name, bytes: start, whole: false };
}

/** A size as a person reads it: "1 GB", "10 MB" (in units of 1,024). */
function sizeInWords(bytes: number): string {
  return bytes >= 2 ** 30 ? `${String(Math.floor(bytes / 2 ** 30))} GB` : `${String(Math.floor(bytes / 2 ** 20))} MB`;
}

export interface CsvRow {
  /** 1-based line of the record in the file, for messages. */
  readonly line: number;
  get(column: string): string;
  /** The cell at a 0-based position, for columns that have no (unique) header. */
  at(index: number): string;
}

/**
 * Parses CSV text with a header row into records that know their line. Checks the header holds
 * every required column, and that the text is valid UTF-8 (a Latin-1 file is refused, not garbled).
 *
 * NOTE: parsed as plain arrays, which is about three times faster than csv-parse's `columns` and
 * `info` options on the 150,000-row UN DESA file; a record's line (where it starts) is worked
 * out only when a message asks for it.
 */
export function parseCsv(file: SourceFile, requiredColumns: readonly string[]): CsvRow[] {
  refuseUtf16(file);
  refuseCarriageReturnLineEnds(file);
  const text = decodeUtf8(file);
  checkCommaSeparated(file.name, text);
  const records = parseRecords(file.name, text);
  if (records.length === 0) throw new SourceFormatError(file.name, 'is empty: no header row and no data');
  const header = (records[0] ?? []).map((h) => h.trim());
  checkHeader(file.name, header, requiredColumns);
  const index = new Map(header.map((h, i) => [h, i]));
  const lines = new LineIndex(file.name, text, records.length);
  const rows = new Array<CsvRow>(records.length - 1);
  for (let i = 1; i < records.length; i++) rows[i - 1] = new Record(records[i] as string[], i, index, lines);
  return rows;
}

/** A header names each column once, and every required one. */
function checkHeader(name: string, header: readonly string[], requiredColumns: readonly string[]): void {
  header.forEach((h, i) => {
    const first = header.indexOf(h);
    if (h !== '' && first !== i) {
      throw new SourceFormatError(
        name,
        `column "${h}" appears twice in the header (columns ${String(first + 1)} and ${String(i + 1)}): which one holds the data?`,
        { line: 1, column: h },
      );
    }
  });
  for (const column of requiredColumns) {
    if (!header.includes(column)) {
      throw new SourceFormatError(name, `missing column "${column}" in the header`, { line: 1 });
    }
  }
}

/**
 * A CSV file read one record at a time: its header, checked as parseCsv checks it, and its rows as
 * they are asked for. The file's bytes are decoded and parsed a batch of about a megabyte at a time,
 * so a large file is never held as one string nor as rows (parseCsv holds both: fine for the
 * bundled files, not for a user's file of tens of megabytes).
 */
export interface CsvReader {
  /** The header row, trimmed. */
  readonly header: readonly string[];
  /** The lines after the header: the rows, or a few more (blank lines, quoted line breaks); for progress. */
  readonly linesAfterHeader: number;
  /** The data rows, in file order, each read when asked for. Faults throw a SourceFormatError with the line. */
  rows(): Generator<CsvRow, void, undefined>;
}

/** How many rows a reader of a large file reads between two turns of the event loop (and progress reports). */
export const READ_BATCH = 10_000;

/**
 * Lets the event loop turn: timers (a progress bar's), signals (Ctrl+C) and requests are served
 * between two batches of a long synchronous loop.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** The bytes of a batch (a record that is longer takes its own length). */
const BATCH_BYTES = 1 << 20;

/**
 * The longest record (row) read, in bytes: a row of data is a few hundred, a long quoted note some
 * thousands. Longer, the file is not data (one cell of hundreds of megabytes would exhaust memory,
 * and end on JavaScript's limit of a string's length).
 *
 * NOTE: csv-parse counts a record's bytes without its commas and quotes, and the plain path its
 * characters (a UTF-8 character is up to three bytes), so a row is refused somewhat past 10 MB,
 * never before; a batch is bounded by BATCH_BYTES + MAX_RECORD_BYTES whatever the row.
 */
const MAX_RECORD_BYTES = 10 * 2 ** 20;

/** Reads a CSV file with a header row one record at a time; faults are SourceFormatErrors, as parseCsv's. */
export function readCsv(file: SourceFile, requiredColumns: readonly string[] = []): CsvReader {
  refuseUtf16(file);
  refuseCarriageReturnLineEnds(file);
  const records = csvRecords(file);
  const first = records.next();
  if (first.done) throw new SourceFormatError(file.name, 'is empty: no header row and no data');
  const header = first.value.values.map((h) => h.trim());
  checkHeader(file.name, header, requiredColumns);
  const index = new Map(header.map((h, i) => [h, i]));
  let lines = 0;
  for (let i = file.bytes.indexOf(0x0a); i !== -1 && i < file.bytes.length - 1; i = file.bytes.indexOf(0x0a, i + 1))
    lines++;
  let started = false;
  return {
    header,
    linesAfterHeader: Math.max(0, lines + 1 - first.value.line),
    *rows() {
      if (started) throw new Error(`${file.name}: its rows are read once`);
      started = true;
      for (const { values, line } of records) {
        if (values.length !== header.length)
          throw new SourceFormatError(
            file.name,
            `${String(values.length)} columns where the header has ${String(header.length)}${decimalCommaSplit(values, header)}`,
            { line },
          );
        yield new StreamedRow(values, line, index);
      }
    },
  };
}

/**
 * Why a row may have a column too many: a number written with a decimal comma and not quoted
 * ("3,25" read as 3 and 25), said with the column it most likely belongs to. Empty otherwise.
 */
function decimalCommaSplit(values: readonly string[], header: readonly string[]): string {
  if (values.length <= header.length) return '';
  // The last such pair: a value column tends to come after the year's.
  for (let i = values.length - 2; i >= 0; i--) {
    const whole = values[i] ?? '';
    const decimals = values[i + 1] ?? '';
    if (/^\s*[+-]?\d+$/.test(whole) && /^\d+\s*$/.test(decimals) && header[i] !== undefined) {
      return `: is "${whole},${decimals}" in column "${header[i]}" a number with a decimal comma? The decimal separator must be a point (${whole.trim()}.${decimals.trim()})`;
    }
  }
  return '';
}

class StreamedRow implements CsvRow {
  constructor(
    private readonly values: string[],
    readonly line: number,
    private readonly index: Map<string, number>,
  ) {}

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.values[i] ?? '');
  }

  at(index: number): string {
    return this.values[index] ?? '';
  }
}

/**
 * The records of a CSV file and the line each starts on, a batch at a time. A batch ends at a line
 * break outside quotes, so that it is whole records and whole UTF-8 characters; each is checked to
 * be UTF-8 without NULs, then split on commas and line breaks when it has no quote (nor a carriage
 * return but before a line feed), or parsed by csv-parse otherwise, whose faults are given the line
 * in the file. A record longer than MAX_RECORD_BYTES is refused.
 */
function* csvRecords(file: SourceFile): Generator<{ values: string[]; line: number }, void, undefined> {
  const bytes = file.bytes;
  const quotes = bytes.includes(0x22);
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  /** The line the batch starts on. */
  let line = 1;
  let header: string[] | undefined;
  while (start < bytes.length) {
    const end = batchEnd(bytes, start, quotes);
    if (end === -1) throw overlongBatch(file.name, bytes, start, line, header);
    const text = decodeBatch(file.name, bytes.subarray(start, end), line, header);
    if (!header) checkCommaSeparated(file.name, text);
    const batchLine = line;
    if (!text.includes('"') && !/\r(?!\n)/.test(text)) {
      let from = 0;
      while (from < text.length) {
        let to = text.indexOf('\n', from);
        if (to === -1) to = text.length;
        const stop = text.charCodeAt(to - 1) === 0x0d ? to - 1 : to;
        if (stop - from > MAX_RECORD_BYTES) throw rowTooLong(file.name, line);
        if (stop > from) {
          const values = text.slice(from, stop).split(',');
          header ??= values;
          yield { values, line };
        }
        if (to < text.length) line++;
        from = to + 1;
      }
    } else {
      const starts = scanRecords(text).starts;
      const parsed = parseText(file.name, text, batchLine, true, header);
      for (let k = 0; k < parsed.length; k++) {
        const values = parsed[k] as string[];
        header ??= values;
        yield { values, line: batchLine + (starts[k] ?? 1) - 1 };
      }
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    }
    start = end;
  }
}

/**
 * Where the batch from `start` ends: after the first line break outside quotes past BATCH_BYTES, or
 * at the end; -1 when there is none within MAX_RECORD_BYTES more (a record longer than that runs
 * across: the rest of the file is neither searched nor decoded).
 */
function batchEnd(bytes: Buffer, start: number, quotes: boolean): number {
  const within = bytes.subarray(0, start + BATCH_BYTES + MAX_RECORD_BYTES);
  const last = within.length === bytes.length ? bytes.length : -1;
  // NOTE: the next quote is kept from one line break to the next, not searched for again from the
  // last one: a quoted field of many lines made that search quadratic (a minute for 10 MB).
  let quote = quotes ? within.indexOf(0x22, start) : -1;
  let quoted = false;
  let target = start + BATCH_BYTES;
  for (;;) {
    if (target >= within.length) return last;
    const newline = within.indexOf(0x0a, target);
    if (newline === -1) return last;
    for (; quote !== -1 && quote < newline; quote = within.indexOf(0x22, quote + 1)) quoted = !quoted;
    if (!quoted) return newline + 1;
    // Inside quotes, no record ends before the quote that closes them.
    target = quote === -1 ? within.length : quote + 1;
  }
}

/**
 * The fault of a batch in which no record ends within MAX_RECORD_BYTES: a quote never closed, at
 * its line and column, or else a record too long, at the line it starts on. Read as Latin-1, a
 * byte a character: quotes, commas and line breaks are single bytes in UTF-8.
 */
function overlongBatch(
  name: string,
  bytes: Buffer,
  start: number,
  firstLine: number,
  header: string[] | undefined,
): SourceFormatError {
  const end = Math.min(bytes.length, start + BATCH_BYTES + MAX_RECORD_BYTES);
  const scan = scanRecords(bytes.toString('latin1', start, end));
  if (scan.openQuoteLine !== undefined && scan.openQuoteField !== undefined && !bytes.includes(0x22, end)) {
    const lineEnd = bytes.indexOf(0x0a, start);
    const names = header ?? firstLineFields(bytes.toString('utf8', start, lineEnd === -1 ? end : lineEnd));
    const inHeader = firstLine === 1 && scan.starts.length === 1;
    return quoteNeverClosed(
      name,
      firstLine + scan.openQuoteLine - 1,
      scan.openQuoteField,
      inHeader ? undefined : names,
    );
  }
  return rowTooLong(name, firstLine + (scan.starts.at(-1) ?? 1) - 1);
}

function rowTooLong(name: string, line: number): SourceFormatError {
  return new SourceFormatError(
    name,
    `a row of more than ${sizeInWords(MAX_RECORD_BYTES)} starts here: is this really a CSV file? A row of data is a few hundred characters long`,
    { line },
  );
}

function quoteNeverClosed(name: string, line: number, field: number, header?: readonly string[]): SourceFormatError {
  return new SourceFormatError(
    name,
    `a quote (") opened here, in column ${String(field + 1)}, is never closed: close it, or write a quote inside a value twice (""); as it is, the rest of the file would be one value`,
    { line, column: header?.[field]?.trim() || undefined },
  );
}

/** A batch's text, strictly UTF-8 and without NUL; a fault names its line in the file and its column. */
function decodeBatch(name: string, bytes: Buffer, firstLine: number, header: string[] | undefined): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    throw new SourceFormatError(
      name,
      'is not valid UTF-8 text (save it as UTF-8; Latin-1 and Windows-1252 are not accepted)',
      { line: firstLine + lineAt(lenient, at) - 1, column: batchColumnAt(name, lenient, at, header, firstLine) },
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new SourceFormatError(
      name,
      'holds a NUL character (byte 0), which no text file has: is it a spreadsheet or another binary file?',
      { line: firstLine + lineAt(text, nul) - 1, column: batchColumnAt(name, text, nul, header, firstLine) },
    );
  }
  return text;
}

/** Which field of its line (0 for the first) the character at `offset` is in, the line starting at `lineStart`. */
function fieldIndexAt(text: string, lineStart: number, offset: number): number {
  let index = 0;
  let quoted = false;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) index++;
  }
  return index;
}

/** The column of a character of a batch: as csvColumnAt, with the header read already for later batches. */
function batchColumnAt(
  name: string,
  text: string,
  offset: number,
  header: string[] | undefined,
  firstLine: number,
): string | undefined {
  if (!header || firstLine === 1) return csvColumnAt(name, text, offset);
  if (!/\.csv(\.gz)?$/i.test(name) || offset < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const index = fieldIndexAt(text, lineStart, offset);
  return header[index]?.trim() || undefined;
}

/**
 * A CSV text parsed by csv-parse, the text starting on line `firstLine` of the file (a batch of
 * readCsv's, or the whole file, whose header is its first record); its faults name their line in
 * the file and their column.
 */
function parseText(
  name: string,
  text: string,
  firstLine = 1,
  relaxColumnCount = false,
  header?: readonly string[],
): string[][] {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: relaxColumnCount,
      max_record_size: MAX_RECORD_BYTES,
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw csvFault(name, text, firstLine, err, header);
    throw err;
  }
}

/** What csv-parse adds to its errors: where the parser was, counted from the start of the text. */
interface CsvErrorContext {
  /** The 1-based line the parser was on. */
  lines?: number;
  /** The records read before this one (the header is the first). */
  records?: number;
  /** The 0-based field of the record the parser was in. */
  column?: number | string | null;
  /** The field read so far. */
  field?: string;
  /** The record's fields, for a record of the wrong length. */
  record?: string[];
}

/**
 * NOTE: the messages about quotes keep their quote marks less than 120 characters apart, or
 * SourceFormatError would take the words between two of them for a long value and shorten them.
 */
const QUOTE_EXAMPLE = '5 "best" corridors as "5 ""best"" corridors"';

/**
 * A csv-parse error in a reader's words, at its line in the file: the quote's for a quote out of
 * place, the record's first for a fault of the whole record. The column is given by its number
 * (csv-parse's count from 0 plus one) and, past the header, by its name.
 */
function csvFault(
  name: string,
  text: string,
  firstLine: number,
  err: CsvError,
  header: readonly string[] | undefined,
): SourceFormatError {
  const context = err as CsvError & CsvErrorContext;
  const inFile = (line: number) => firstLine + line - 1;
  const scan = scanRecords(text);
  const records = context.records ?? 0;
  const recordLine = inFile(scan.starts[records] ?? context.lines ?? 1);
  const names = header ?? firstLineFields(text);
  const inHeader = firstLine === 1 && records === 0;
  const field = typeof context.column === 'number' ? context.column : undefined;
  const at = (line: number, index = field) => ({
    line,
    column: index === undefined || inHeader ? undefined : names[index]?.trim() || undefined,
  });
  const columnNumber = field === undefined ? 'a column' : `column ${String(field + 1)}`;
  switch (err.code) {
    // The one code csv-parse gives without CSV_ (its typings agree).
    case 'INVALID_OPENING_QUOTE':
      return new SourceFormatError(
        name,
        `a quote (") in the middle of the value in ${columnNumber}, after "${context.field ?? ''}": put the whole value in quotes and write each quote inside it twice (${QUOTE_EXAMPLE}), or remove the quote`,
        at(inFile(context.lines ?? 1)),
      );
    case 'CSV_INVALID_CLOSING_QUOTE': {
      // csv-parse gives the byte after the quote: shown when it is a visible ASCII character (a
      // letter beyond ASCII would be the first byte of several).
      const next = /got "(.)"/.exec(err.message)?.[1] ?? '';
      const what = /^[!-~]$/.test(next) ? `"${next}"` : next === ' ' ? 'a space' : 'more text';
      return new SourceFormatError(
        name,
        `a quote (") inside the quoted value in ${columnNumber} is followed by ${what}: a quote inside a quoted value is written twice (${QUOTE_EXAMPLE}); a single one ends the value, and a comma or the end of the line must follow it`,
        at(inFile(context.lines ?? 1)),
      );
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      if (scan.openQuoteLine !== undefined && scan.openQuoteField !== undefined)
        return quoteNeverClosed(
          name,
          inFile(scan.openQuoteLine),
          scan.openQuoteField,
          firstLine === 1 && scan.starts.length === 1 ? undefined : names,
        );
      break;
    case 'CSV_MAX_RECORD_SIZE':
      return rowTooLong(name, recordLine);
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const expected = /expect (\d+)/.exec(err.message)?.[1] ?? String(names.length);
      const values = context.record ?? [];
      return new SourceFormatError(
        name,
        `${String(values.length)} columns where the header has ${expected}${decimalCommaSplit(values, names)}`,
        { line: recordLine },
      );
    }
  }
  // Faults the options used cannot give (csv-parse's column options, trimming): its words, its line.
  return new SourceFormatError(name, `cannot be read as CSV (${err.message.replace(/ at line \d+/, '')})`, {
    line: inFile(context.lines ?? 1),
  });
}

class Record implements CsvRow {
  constructor(
    private readonly values: string[],
    private readonly position: number,
    private readonly index: Map<string, number>,
    private readonly lines: LineIndex,
  ) {}

  get line(): number {
    return this.lines.lineOf(this.position);
  }

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.values[i] ?? '');
  }

  at(index: number): string {
    return this.values[index] ?? '';
  }
}

/**
 * Refuses a file whose lines end with a carriage return alone, as Excel for Mac's "CSV (Macintosh)"
 * saves them: read with line feeds as line ends, it is one line, and every fault would be said to be
 * on line 1. Told by the first line break outside quotes (a quoted name may hold one), after
 * refuseUtf16: in UTF-16 a CR is not followed by an LF byte.
 */
function refuseCarriageReturnLineEnds(file: SourceFile): void {
  const bytes = file.bytes;
  let quoted = false;
  const end = Math.min(bytes.length, MAX_RECORD_BYTES);
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < end; i++) {
    const c = bytes[i];
    if (c === 0x22) quoted = !quoted;
    else if (quoted || (c !== 0x0a && c !== 0x0d)) continue;
    else if (c === 0x0a || bytes[i + 1] === 0x0a) return;
    else
      throw new SourceFormatError(
        file.name,
        `ends its lines with a carriage return alone (CR), as Excel for Mac's "CSV (Macintosh)" saves them: save it again in Excel as "CSV UTF-8 (comma delimited)", or in a text editor with LF or CRLF line ends`,
      );
  }
}

/**
 * Refuses a file whose first line separates its columns with semicolons or tabs and has no comma
 * (Excel saves "CSV" so in many languages, with decimal commas): read with commas, it would give
 * one column per line and a confusing message further on.
 */
export function checkCommaSeparated(name: string, text: string): void {
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').slice(0, 10_000);
  if (first.includes(',')) return;
  const separator = first.includes(';') ? ';' : first.includes('\t') ? 'tab' : null;
  if (separator) {
    throw new SourceFormatError(
      name,
      `separates its columns with ${separator === ';' ? 'semicolons' : 'tabs'}, not commas: save it as comma-separated CSV (in Excel "CSV UTF-8 (comma delimited)"), with a point as the decimal mark`,
      { line: 1 },
    );
  }
}

/** Maps a record's position to its line: position + 1 unless quoted fields span lines or blank lines were skipped. */
class LineIndex {
  #lines: number[] | undefined;
  readonly #simple: boolean;

  constructor(
    private readonly name: string,
    private readonly text: string,
    records: number,
  ) {
    let newlines = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) newlines++;
    this.#simple = newlines + 1 === records;
  }

  lineOf(position: number): number {
    if (this.#simple) return position + 1;
    this.#lines ??= scanRecords(this.text).starts;
    return this.#lines[position] ?? position + 1;
  }
}

/**
 * Where each record of a CSV text starts (its first line, which a reader looks for, even when a
 * quoted field runs over several lines), empty lines skipped as the parser skips them; and, for a
 * text that ends inside quotes, the line and field (0 for the first of its record) of the quote
 * left open (a stray `"` swallows the rest of the file, so the parser can only say where the file
 * ends).
 */
export function scanRecords(text: string): {
  starts: number[];
  openQuoteLine: number | undefined;
  openQuoteField: number | undefined;
} {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let quoteLine = 1;
  let quoteAt = 0;
  /** Where the record of the last quote opened starts, to count its fields when it is left open. */
  let quoteRecordAt = 0;
  let recordStart: number | undefined;
  let recordAt = 0;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (recordStart === undefined) {
        recordStart = line;
        recordAt = i;
      }
      if (!quoted) {
        quoteLine = line;
        quoteAt = i;
        quoteRecordAt = recordAt;
      }
      quoted = !quoted;
    } else if (c === 0x0a) {
      if (!quoted && recordStart !== undefined) {
        starts.push(recordStart);
        recordStart = undefined;
      }
      line++;
    } else if (c !== 0x0d && recordStart === undefined) {
      recordStart = line;
      recordAt = i;
    }
  }
  if (recordStart !== undefined) starts.push(recordStart);
  return {
    starts,
    openQuoteLine: quoted ? quoteLine : undefined,
    openQuoteField: quoted ? fieldIndexAt(text, quoteRecordAt, quoteAt) : undefined,
  };
}

function parseRecords(name: string, text: string): string[][] {
  return parsePlainRecords(text) ?? parseText(name, text);
}

/**
 * The records of a CSV text that has no quote and no carriage return, split on newlines and
 * commas: what csv-parse gives for such a text (byte-order mark dropped, empty lines skipped),
 * in about a third of the time (the 150,000-row UN DESA file: 0.1 s, not 0.28). Null when the
 * text needs csv-parse: quotes, CR line ends, or a record whose length differs from the first
 * one's or longer than MAX_RECORD_BYTES (csv-parse words those errors).
 */
function parsePlainRecords(text: string): string[][] | null {
  if (text.includes('"') || text.includes('\r')) return null;
  const records: string[][] = [];
  let width = -1;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_RECORD_BYTES) return null;
    if (end > start) {
      const fields = text.slice(start, end).split(',');
      if (width === -1) width = fields.length;
      else if (fields.length !== width) return null;
      records.push(fields);
    }
    start = end + 1;
  }
  return records;
}

/**
 * Decodes a text file as UTF-8, strictly: a UTF-16 file, a Latin-1 or Windows-1252 one, and one
 * holding a NUL byte (no text has one, and the database refuses it) are refused, naming the line.
 */
export function decodeUtf8(file: SourceFile): string {
  refuseUtf16(file);
  // UTF-8 takes a byte or more a character: no more bytes than a string's length, and it decodes.
  if (file.bytes.length > bufferConstants.MAX_STRING_LENGTH) {
    throw new SourceFormatError(
      file.name,
      `is too large to read at once (more than ${sizeInWords(bufferConstants.MAX_STRING_LENGTH)} of text): is it the right file?`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    // Decode again leniently only to say where the first undecodable byte is.
    const lenient = new TextDecoder('utf-8').decode(file.bytes);
    const at = lenient.indexOf('\uFFFD');
    throw new SourceFormatError(
      file.name,
      'is not valid UTF-8 text (save it as UTF-8; Latin-1 and Windows-1252 are not accepted)',
      { line: lineAt(lenient, at), column: csvColumnAt(file.name, lenient, at) },
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new SourceFormatError(
      file.name,
      'holds a NUL character (byte 0), which no text file has: is it a spreadsheet or another binary file?',
      { line: lineAt(text, nul), column: csvColumnAt(file.name, text, nul) },
    );
  }
  return text;
}

/**
 * Refuses a UTF-16 file (Excel's "Unicode text", Notepad's "Unicode") with a message that says
 * so: read as UTF-8 it is either undecodable or, all ASCII, a NUL byte after every character.
 */
export function refuseUtf16(file: SourceFile): void {
  const encoding = utf16Kind(file.bytes);
  if (!encoding) return;
  const how = file.name.replace(/\.gz$/, '').endsWith('.json')
    ? 'in your editor, choose the encoding UTF-8'
    : 'in Excel "CSV UTF-8 (comma delimited)"';
  throw new SourceFormatError(file.name, `is ${encoding} text, not UTF-8: save it as UTF-8 (${how})`);
}

/** "UTF-16 (little-endian)" and so on, from the byte-order mark or the pattern of NUL bytes; null when neither. */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  // Without a mark: ASCII characters in UTF-16 are a NUL byte and the character's byte, so NULs
  // fill one side of the byte pairs and hardly any of the other.
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs === 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd >= pairs / 4 && even <= odd / 16) return 'UTF-16 (little-endian, without a byte-order mark)';
  if (even >= pairs / 4 && odd <= even / 16) return 'UTF-16 (big-endian, without a byte-order mark)';
  return null;
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The header name of the CSV column a character is in (its commas counted, quotes honoured, from
 * the start of its line), for a message about that character; undefined for a file that is not
 * CSV, a character in the header, or a column the header does not name.
 */
function csvColumnAt(name: string, text: string, offset: number): string | undefined {
  if (!/\.csv(\.gz)?$/i.test(name) || offset < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart === 0) return undefined;
  const index = fieldIndexAt(text, lineStart, offset);
  return firstLineFields(text)[index]?.trim() || undefined;
}

/** The fields of a text's first line, read leniently (a stray quote kept): the header, for naming a column. */
function firstLineFields(text: string): string[] {
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  try {
    return (parse(firstLine, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return firstLine.split(',');
  }
}
