import { parse } from 'csv-parse/sync';
import { READ_BATCH, readCsv, yieldToEventLoop, type CsvRow, type SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { UNIT_MULT_PROBLEM, UnitMultiplier } from './unit-mult.js';
import type { CellRef, ObservationField, RawObservation, ReaderInput } from './user-files.js';
import { listSome } from './report-list.js';

/** How many names a report line lists. */
const LISTED = 50;

/** Columns SDMX-CSV 1.0 and 2.0 (and Eurostat's flavour) add besides dimensions, measure and attributes. */
const TECHNICAL = new Set([
  'DATAFLOW',
  'STRUCTURE',
  'STRUCTURE_ID',
  'STRUCTURE_NAME',
  'ACTION',
  'KEY',
  'SERIES_KEY',
  'LAST UPDATE',
  'LAST_UPDATE',
  'VALID_FROM',
  'VALID_TO',
]);
const SDMX_ID = /^[A-Za-z][A-Za-z0-9_@$-]*$/;
/** Attributes kept as the observation's flags, as the source printed them. */
const FLAG_ATTRIBUTES = new Set(['OBS_FLAG', 'OBS_FLAGS', 'FLAGS']);

/** The most of a header read to tell the format: far more than thousands of columns take. */
const HEADER_BYTES = 10 * 2 ** 20;

/** The header row of a CSV file, read leniently (for telling formats apart; parseCsv does the checking). */
export function csvHeader(file: SourceFile): string[] {
  // The first line, however long (a header of thousands of columns), and no more of the file; at
  // most HEADER_BYTES of it (a file with no line break, one of hundreds of megabytes, is refused by
  // the reader with its line: here it is only told apart).
  const end = file.bytes.indexOf(0x0a);
  const length = Math.min(end === -1 ? file.bytes.length : end, HEADER_BYTES);
  const start = new TextDecoder('utf-8').decode(file.bytes.subarray(0, length));
  const first = start.replace(/^\uFEFF/, '').replace(/\r$/, '');
  try {
    return ((parse(first, { relax_column_count: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    return first.split(',').map((h) => h.trim());
  }
}

/** `REF_AREA: Reference area` → `REF_AREA`, as SDMX-CSV prints codes and headers with `labels=both`. */
function idOf(text: string): string {
  const m = /^([^:\s]+): /.exec(text.trim());
  return m?.[1] ?? text.trim();
}

/** SDMX-CSV 2.0's ACTION codes a file to import may carry (D, delete, is refused on its own), or none. */
const ACTIONS = new Set(['', 'I', 'A', 'R', 'M']);

interface Column {
  header: string;
  id: string;
}

/**
 * SDMX-CSV data messages: version 1.0 (`DATAFLOW`, dimensions, `TIME_PERIOD`, `OBS_VALUE`,
 * attributes), 2.0 (`STRUCTURE`, `STRUCTURE_ID`, `ACTION` and, from some publishers, a label
 * column after each code column) and `labels=both` (`USA: United States of America`). Columns
 * before OBS_VALUE are dimensions, columns after it attributes. Area, counterpart, sex and
 * indicator dimensions are found by their SDMX ids (or the names the mapping gives); every other
 * dimension is kept in `dims`.
 */
export async function readSdmxCsv({ file, mapping, sink, report, progress }: ReaderInput): Promise<void> {
  const csv = readCsv(file);
  const { sdmx } = mapping;
  const columns: Column[] = csv.header.map((header) => ({ header, id: idOf(header) }));
  // SDMX ids are upper case by convention, Eurostat writes its dimensions in lower case ("geo",
  // "sex"): a column is found whatever the case.
  const find = (id: string) => columns.find((c) => c.id.toUpperCase() === id.toUpperCase());
  const require = (id: string, hint = '') => {
    const column = find(id);
    if (!column) {
      const header = columns.map((c) => c.header).join(',');
      throw new SourceFormatError(
        file.name,
        `missing column "${id}" in the header${hint}; the header has "${header.length > 200 ? `${header.slice(0, 200)}…` : header}"`,
        { line: 1 },
      );
    }
    return column;
  };
  const obsValue = require('OBS_VALUE');
  const time = require('TIME_PERIOD');
  const refArea = require(sdmx.refArea, ` (name the area dimension in "sdmx.refArea" of ${mapping.file})`);
  const obsIndex = columns.indexOf(obsValue);

  // NOTE: some publishers (OECD's "csvfilewithlabels") follow each code column with a label
  // column: "REF_AREA,Reference area,SEX,Sex,…". When the area column is followed by a header
  // that is no SDMX id, the file is taken to be laid out so, and the column after each code
  // column is its label, even "Sex", unless it is itself a code column: an id in upper case
  // (COUNTERPART_AREA, OBS_VALUE) or one the mapping names. A file with labels for some columns
  // only so keeps every dimension. Otherwise a header that is no SDMX id is an extra column:
  // an empty one (a trailing comma on every line) must be empty, a named one after OBS_VALUE is
  // reported as not stored, and one among the dimensions is an error.
  const technical = (c: Column) => TECHNICAL.has(c.id.toUpperCase());
  const afterArea = columns[columns.indexOf(refArea) + 1];
  const labelled =
    afterArea !== undefined && !technical(afterArea) && afterArea.id !== '' && !SDMX_ID.test(afterArea.id);
  const known = new Set(
    [
      sdmx.refArea,
      sdmx.counterpart,
      sdmx.sex,
      sdmx.indicator,
      sdmx.status,
      'TIME_PERIOD',
      'OBS_VALUE',
      'FREQ',
      'UNIT_MULT',
    ].filter(Boolean),
  );
  // (as written: "Sex" after SEX is its label)
  const codeColumn = (c: Column) =>
    technical(c) || known.has(c.id) || (SDMX_ID.test(c.id) && c.id === c.id.toUpperCase());
  // NOTE: SDMX-CSV puts attributes after OBS_VALUE, but a file written by hand or by a
  // spreadsheet may put a dimension there: the area, counterpart, sex and indicator columns (the
  // mapping's, or SDMX's ids) are read as dimensions wherever they stand, and the report says so;
  // read as attributes, women's figures would be stored as both sexes' and a corridor's as the
  // destination's total.
  const namedDimensions = new Set(
    [sdmx.refArea, sdmx.counterpart, sdmx.sex, sdmx.indicator].map((id) => id.toUpperCase()),
  );
  const lateDimensions: string[] = [];
  const labelColumns = new Set<Column>();
  const emptyColumns: number[] = [];
  const extraColumns: Column[] = [];
  const dimensions: Column[] = [];
  const attributes: Column[] = [];
  columns.forEach((c, i) => {
    if (technical(c) || labelColumns.has(c)) return;
    if (c.header === '') {
      emptyColumns.push(i);
      return;
    }
    if (!SDMX_ID.test(c.id)) {
      if (i < obsIndex) {
        throw new SourceFormatError(
          file.name,
          `column "${c.header}" stands among the dimensions (before OBS_VALUE) but is no SDMX id (such as REF_AREA or SEX)`,
          { line: 1, column: c.header },
        );
      }
      extraColumns.push(c);
      return;
    }
    const next = columns[i + 1];
    if (labelled && next && next.header !== '' && !codeColumn(next)) labelColumns.add(next);
    if (c === obsValue || c === time) return;
    if (i < obsIndex) dimensions.push(c);
    else if (namedDimensions.has(c.id.toUpperCase())) {
      dimensions.push(c);
      lateDimensions.push(c.id);
    } else attributes.push(c);
  });
  const labels = [...labelColumns].map((c) => c.header);
  // SEX and sex are one id: which column would hold the data?
  // (label columns, "Sex" after SEX, aside)
  columns.forEach((c, i) => {
    if (labelColumns.has(c)) return;
    const first = columns.findIndex(
      (o) => !labelColumns.has(o) && o.id !== '' && o.id.toUpperCase() === c.id.toUpperCase(),
    );
    if (c.id !== '' && first !== i)
      throw new SourceFormatError(
        file.name,
        `columns "${columns[first]?.header ?? ''}" and "${c.header}" name the same SDMX id (columns ${String(first + 1)} and ${String(i + 1)}; ids ignore case): which one holds the data?`,
        { line: 1, column: c.header },
      );
  });
  const dimension = (id: string) => dimensions.find((c) => c.id.toUpperCase() === id.toUpperCase());
  const counterpart = dimension(sdmx.counterpart);
  const sex = dimension(sdmx.sex);
  const indicator = dimension(sdmx.indicator);
  const freq = dimension('FREQ');
  const status = attributes.find((c) => c.id.toUpperCase() === sdmx.status.toUpperCase()) ?? dimension(sdmx.status);
  const flags = attributes.filter((c) => FLAG_ATTRIBUTES.has(c.id.toUpperCase()));
  const unitMult = attributes.find((c) => c.id.toUpperCase() === 'UNIT_MULT');
  const action = find('ACTION');
  const dataflow = find('DATAFLOW') ?? find('STRUCTURE_ID');
  const special = new Set([refArea, counterpart, sex, indicator, freq, status]);
  const others = dimensions.filter((c) => !special.has(c));
  const unstored = [
    ...attributes.filter((c) => c !== status && c !== unitMult && !flags.includes(c)).map((c) => c.id),
    ...extraColumns.map((c) => c.header),
  ];

  const where: Partial<Record<ObservationField, Column | undefined>> = {
    refArea,
    counterpart,
    sex,
    indicator,
    period: time,
    freq,
    value: obsValue,
    status,
    flags: flags[0],
  };
  const cell = (row: CsvRow, column: Column | undefined): CellRef => ({
    get line() {
      return row.line;
    },
    column: column?.id,
    error: (problem) => new SourceFormatError(file.name, problem, { line: row.line, column: column?.id }),
  });

  // UNIT_MULT: stored as the full number, and reported (unit-mult.ts).
  const multiplier = new UnitMultiplier();
  const scaled = (row: CsvRow, value: string): string => {
    const printed = unitMult ? idOf(row.get(unitMult.header)) : '';
    const result = multiplier.apply(value, printed);
    if (result === null) throw cell(row, unitMult).error(UNIT_MULT_PROBLEM(printed));
    return result;
  };

  const flows = new Set<string>();
  const step = `reading ${file.name}`;
  progress(step, 0, csv.linesAfterHeader);
  let read = 0;
  for (const row of csv.rows()) {
    const flow = dataflow ? row.get(dataflow.header).trim() : '';
    if (flow) flows.add(flow);
    const act = action ? idOf(row.get(action.header)).toUpperCase() : '';
    if (act === 'D') throw cell(row, action).error('a row with ACTION "D" deletes data and cannot be imported');
    if (!ACTIONS.has(act))
      throw cell(row, action).error(
        `ACTION "${row.get(action?.header ?? '')}" is none of SDMX-CSV's (I information, A append, R replace, M merge, D delete)`,
      );
    for (const index of emptyColumns) {
      if (row.at(index).trim()) {
        throw new SourceFormatError(file.name, `a value in column ${String(index + 1)}, which has no header`, {
          line: row.line,
          column: `column ${String(index + 1)}`,
        });
      }
    }
    const code = (c: Column | undefined) => (c ? idOf(row.get(c.header)) : undefined);
    const raw: RawObservation = {
      dataflow: flow || undefined,
      refArea: code(refArea) ?? '',
      counterpart: code(counterpart),
      sex: code(sex),
      indicator: code(indicator),
      period: code(time) ?? '',
      freq: code(freq),
      value: scaled(row, row.get(obsValue.header)),
      status: code(status),
      flags:
        flags
          .map((c) => row.get(c.header).trim())
          .filter(Boolean)
          .join(' ') || undefined,
      dims: {},
    };
    for (const c of others) raw.dims[c.id] = idOf(row.get(c.header));
    sink.add(raw, (field) => cell(row, field.startsWith('dim:') ? find(field.slice(4)) : where[field]), row.line);
    if (++read % READ_BATCH === 0) {
      progress(step, read, Math.max(read, csv.linesAfterHeader));
      await yieldToEventLoop();
    }
  }
  progress(step, read, read);

  if (flows.size) report.notes.push(`dataflow${flows.size > 1 ? 's' : ''} ${[...flows].join(', ')}`);
  if (lateDimensions.length)
    report.notes.push(`read as dimensions though after OBS_VALUE: ${lateDimensions.join(', ')}`);
  if (labels.length) report.notes.push(`label columns not stored (codes are): ${listSome(labels, LISTED)}`);
  if (unstored.length) report.notes.push(`attributes not stored: ${listSome(unstored, LISTED)}`);
  report.notes.push(...multiplier.notes());
}
