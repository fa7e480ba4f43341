import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CsvError, parse } from 'csv-parse/sync';
import { SourceFormatError } from './source-error.js';

/** A bundled or user-supplied file, read once: its bytes (decompressed if .gz) and checksum. */
export interface SourceFile {
  /** The file name shown in messages. */
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** Reads a file, gunzipping `.gz`; a truncated or corrupt archive is a SourceFormatError. */
export function readSourceFile(filePath: string): SourceFile {
  const name = path.basename(filePath);
  const raw = readFileSync(filePath);
  let bytes = raw;
  // Any case: a file saved as DATA.CSV.GZ is gzip too.
  if (filePath.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(raw);
    } catch (err) {
      throw new SourceFormatError(name, `not a complete gzip file (${(err as Error).message})`);
    }
  }
  return { name, bytes, sha256: createHash('sha256').update(raw).digest('hex') };
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

/** Reads a CSV file with a header row one record at a time; faults are SourceFormatErrors, as parseCsv's. */
export function readCsv(file: SourceFile, requiredColumns: readonly string[] = []): CsvReader {
  refuseUtf16(file);
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
 * in the file.
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
    const text = decodeBatch(file.name, bytes.subarray(start, end), line, header);
    if (!header) checkCommaSeparated(file.name, text);
    const batchLine = line;
    if (!text.includes('"') && !/\r(?!\n)/.test(text)) {
      let from = 0;
      while (from < text.length) {
        let to = text.indexOf('\n', from);
        if (to === -1) to = text.length;
        const stop = text.charCodeAt(to - 1) === 0x0d ? to - 1 : to;
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
      const parsed = parseText(file.name, text, batchLine, true);
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

/** Where the batch from `start` ends: after the first line break outside quotes past BATCH_BYTES, or at the end. */
function batchEnd(bytes: Buffer, start: number, quotes: boolean): number {
  let from = start;
  let quoted = false;
  let target = start + BATCH_BYTES;
  for (;;) {
    if (target >= bytes.length) return bytes.length;
    const newline = bytes.indexOf(0x0a, target);
    if (newline === -1) return bytes.length;
    if (quotes) {
      for (let q = bytes.indexOf(0x22, from); q !== -1 && q < newline; q = bytes.indexOf(0x22, q + 1)) quoted = !quoted;
      from = newline;
    }
    if (!quoted) return newline + 1;
    target = newline + 1;
  }
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
 * readCsv's, or the whole file); its faults name their line in the file.
 */
function parseText(name: string, text: string, firstLine = 1, relaxColumnCount = false): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: relaxColumnCount }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) {
      const inFile = (line: number) => firstLine + line - 1;
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
        const opened = scanRecords(text).openQuoteLine;
        if (opened !== undefined)
          throw new SourceFormatError(
            name,
            'a quote (") opened here is never closed: everything after it would be one field; close it, or double a quote inside a field ("")',
            { line: inFile(opened) },
          );
      }
      const line = (err as CsvError & { lines?: number }).lines;
      const message = csvErrorMessage(err).replace(
        /\bat line (\d+)/g,
        (_, n: string) => `at line ${String(inFile(Number(n)))}`,
      );
      throw new SourceFormatError(name, message, line ? { line: inFile(line) } : {});
    }
    throw err;
  }
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
 * text that ends inside quotes, the line of the quote left open (a stray `"` swallows the rest
 * of the file, so the parser can only say where the file ends).
 */
export function scanRecords(text: string): { starts: number[]; openQuoteLine: number | undefined } {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let quoteLine = 1;
  let recordStart: number | undefined;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (!quoted) quoteLine = line;
      quoted = !quoted;
      recordStart ??= line;
    } else if (c === 0x0a) {
      if (!quoted && recordStart !== undefined) {
        starts.push(recordStart);
        recordStart = undefined;
      }
      line++;
    } else if (c !== 0x0d) recordStart ??= line;
  }
  if (recordStart !== undefined) starts.push(recordStart);
  return { starts, openQuoteLine: quoted ? quoteLine : undefined };
}

function parseRecords(name: string, text: string): string[][] {
  return parsePlainRecords(text) ?? parseText(name, text);
}

/**
 * The records of a CSV text that has no quote and no carriage return, split on newlines and
 * commas: what csv-parse gives for such a text (byte-order mark dropped, empty lines skipped),
 * in about a third of the time (the 150,000-row UN DESA file: 0.1 s, not 0.28). Null when the
 * text needs csv-parse: quotes, CR line ends, or a record whose length differs from the first
 * one's (csv-parse words that error).
 */
function parsePlainRecords(text: string): string[][] | null {
  if (text.includes('"') || text.includes('\r')) return null;
  const records: string[][] = [];
  let width = -1;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
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
  const firstLine = text
    .slice(0, text.indexOf('\n'))
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
  let header: string[];
  try {
    header = (parse(firstLine, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    header = firstLine.split(',');
  }
  return header[index]?.trim() || undefined;
}

/** csv-parse's message in a reader's words: "expect 7, got 2 on line 4" → "2 columns where the header has 7". */
function csvErrorMessage(err: CsvError): string {
  const length = /^Invalid Record Length: (?:columns length is|expect) (\d+), got (\d+)/.exec(err.message);
  if (length) return `${length[2] ?? '?'} columns where the header has ${length[1] ?? '?'}`;
  return err.message.replace(/^Invalid Record Length: /, '');
}
