/**
 * CSV as Bridges writes it for people (RFC 4180, CRLF): the one field writer of the API's answers,
 * the UI's chart downloads, the library's exports and SDMX-CSV, and the one table with its source
 * on every row that the API and the charts share. Zod-free: the UI imports it.
 */
import type { Citation } from './statistics.js';
import { unitName } from './statistics-names.js';

export type CsvCell = string | number | boolean | null | undefined;

/** One value of an answer, flat: the columns naming it, and the datasets it comes from. */
export interface CsvRow {
  cells: Readonly<Record<string, CsvCell>>;
  /** Dataset ids; more than one for a figure Bridges computed from several (a share of GDP). */
  sources: readonly string[];
}

/** An answer or a chart flattened for CSV: its own columns, then the source columns added to each row. */
export interface CsvTable {
  columns: readonly string[];
  rows: CsvRow[];
}

/** The columns every CSV row ends with, so a row cut from the file still carries its source. */
export const SOURCE_COLUMNS = ['dataset', 'publisher', 'edition', 'licence', 'citation'] as const;

const JOIN = ' | ';

/** Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+2`, `@SUM(…)`), unless it is a number. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One field: a number in full (none for NaN or ±Infinity), text quoted when it holds a comma, a
 * quote or a line break, quotes doubled. Text that a spreadsheet would read as a formula (a title
 * typed into the library, a code in a user's file) starts with an apostrophe, as OWASP advises
 * against CSV injection; a number written as text ("-0.5") is left as it is.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(fields: readonly CsvCell[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A table with its source on every row: its columns, then dataset, publisher, edition, licence
 * and citation (joined with " | " when a figure comes from several datasets, a share of GDP say).
 * Numbers are written in full, unrounded. A `unit` column is written in `lang`, as the areas'
 * names are (Bridges' names of the bundled units; any other unit as given).
 */
export function citedCsv(table: CsvTable, citations: readonly Citation[], lang = 'en'): string {
  const byId = new Map(citations.map((c) => [c.dataset, c]));
  let text = csvRecord([...table.columns, ...SOURCE_COLUMNS]);
  for (const row of table.rows) {
    const cited = row.sources.map((id) => byId.get(id)).filter((c): c is Citation => c !== undefined);
    const join = (pick: (c: Citation) => string) => cited.map(pick).join(JOIN);
    text += csvRecord([
      ...table.columns.map((column) => {
        const cell = row.cells[column];
        return column === 'unit' && typeof cell === 'string' ? unitName(cell, lang) : cell;
      }),
      join((c) => c.dataset),
      join((c) => c.publisher),
      join((c) => c.edition),
      join((c) => c.licence),
      join((c) => c.citation),
    ]);
  }
  return text;
}
