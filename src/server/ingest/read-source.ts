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
  if (filePath.endsWith('.gz')) {
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
  line: number;
  get(column: string): string;
}

/**
 * Parses CSV text with a header row into records that know their line. Checks the header holds
 * every required column, and that the text is valid UTF-8 (a Latin-1 file is refused, not garbled).
 */
export function parseCsv(file: SourceFile, requiredColumns: readonly string[]): CsvRow[] {
  const text = decodeUtf8(file);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, info: true, skip_empty_lines: true }) as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new SourceFormatError(file.name, err.message.replace(/^Invalid Record Length: /, ''), line ? { line } : {});
    }
    throw err;
  }
  const header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  for (const column of requiredColumns) {
    if (!header.includes(column)) {
      throw new SourceFormatError(file.name, `missing column "${column}" in the header`, { line: 1 });
    }
  }
  return records.map(({ record, info }) => ({
    line: info.lines,
    get: (column: string) => record[column] ?? '',
  }));
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first ? ((parse(first, { columns: false }) as string[][])[0] ?? []) : [];
}

function decodeUtf8(file: SourceFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    // Decode again leniently only to say where the first undecodable byte is.
    const lenient = new TextDecoder('utf-8').decode(file.bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw new SourceFormatError(
      file.name,
      'is not valid UTF-8 text (save it as UTF-8; Latin-1 and Windows-1252 are not accepted)',
      { line },
    );
  }
}
