import { READ_BATCH, readCsv, yieldToEventLoop, type CsvRow } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import type { CellRef, ObservationField, RawObservation, ReaderInput } from './user-files.js';
import { listSome } from './report-list.js';

/** How many column names a report line or an error lists. */
const LISTED = 50;

/**
 * A tidy CSV: one observation a row, with the columns the mapping names (area, period, value and,
 * if the file has them, counterpart, sex, status, flags, indicator and further dimensions).
 * Every column the mapping names must be in the header; columns it does not name are reported.
 * Rows are read one at a time (readCsv), and the event loop turns every READ_BATCH rows, so that a
 * progress bar moves and Ctrl+C is heard while a large file is read.
 */
export async function readTidyCsv({ file, mapping, sink, report, progress }: ReaderInput): Promise<void> {
  const columns = mapping.mapping.columns;
  if (!columns) throw new SourceFormatError(mapping.file, '"columns" is required for a tidy CSV');
  const csv = readCsv(file);
  const header = csv.header;

  const dims: [column: string, dimension: string][] = Array.isArray(columns.dims)
    ? columns.dims.map((c) => [c, c])
    : Object.entries(columns.dims ?? {});
  const where: Partial<Record<ObservationField, string>> = {
    refArea: columns.refArea,
    counterpart: columns.counterpart,
    sex: columns.sex,
    period: columns.period,
    value: columns.value,
    status: columns.status,
    flags: columns.flags,
    indicator: columns.indicator,
  };
  for (const [field, column] of [...Object.entries(where), ...dims.map(([c]) => [`dims`, c])]) {
    if (column !== undefined && !header.includes(column)) {
      throw new SourceFormatError(
        file.name,
        `missing column "${column}" in the header (${mapping.file} names it in "columns.${field}"); the header has ${listSome(
          header.map((h) => `"${h}"`),
          LISTED,
        )}`,
        { line: 1 },
      );
    }
  }
  const used = new Set([...Object.values(where), ...dims.map(([c]) => c)]);
  const unused = header.filter((h) => h !== '' && !used.has(h));
  if (unused.length)
    report.notes.push(`columns not imported (the mapping does not name them): ${listSome(unused, LISTED)}`);
  const dimensionColumn = new Map(dims.map(([c, d]) => [d, c]));

  const cell = (row: CsvRow, column: string | undefined): CellRef => ({
    get line() {
      return row.line;
    },
    column,
    error: (problem) => new SourceFormatError(file.name, problem, { line: row.line, column }),
  });
  const get = (row: CsvRow, column: string | undefined) => (column === undefined ? undefined : row.get(column));

  const step = `reading ${file.name}`;
  progress(step, 0, csv.linesAfterHeader);
  let read = 0;
  for (const row of csv.rows()) {
    const raw: RawObservation = {
      refArea: row.get(columns.refArea),
      counterpart: get(row, columns.counterpart),
      sex: get(row, columns.sex),
      indicator: get(row, columns.indicator),
      period: row.get(columns.period),
      value: row.get(columns.value),
      status: get(row, columns.status),
      flags: get(row, columns.flags),
      dims: {},
    };
    for (const [column, dimension] of dims) raw.dims[dimension] = row.get(column).trim();
    sink.add(
      raw,
      (field) => cell(row, field.startsWith('dim:') ? dimensionColumn.get(field.slice(4)) : where[field]),
      row.line,
    );
    if (++read % READ_BATCH === 0) {
      progress(step, read, Math.max(read, csv.linesAfterHeader));
      await yieldToEventLoop();
    }
  }
  progress(step, read, read);
}
