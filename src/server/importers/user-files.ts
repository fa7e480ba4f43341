import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import { hiddenCharacter } from '../../core/typed-text.js';
import type { Database } from '../db/database.js';
import {
  checkCommaSeparated,
  decodeUtf8,
  readSourceFile,
  readSourceStart,
  refuseUtf16,
  type SourceFile,
} from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import type { AreaResolver } from '../stats/area-resolver.js';
import { importDataset, type ImportOutcome } from '../stats/import-dataset.js';
import {
  dimsKeyOf,
  normalisePeriod,
  type DatasetMeta,
  type Frequency,
  type Importer,
  type IndicatorDef,
  type ObservationInput,
  type ObservationStatus,
  type ParsedDataset,
  type Sex,
} from '../stats/model.js';
import { BUNDLED_IMPORTERS } from './index.js';
import { INDICATORS } from './indicators.js';
import { csvHeader, readSdmxCsv } from './sdmx-csv.js';
import { formatJsonPath, jsonErrorAt, jsonLineAt, parseJsonText, readSdmxJson } from './sdmx-json.js';
import { readTidyCsv } from './tidy-csv.js';
import { listSome } from './report-list.js';
import { bundledAggregate } from './user-files-aggregates.js';

// ---------------------------------------------------------------------------------------------
// The mapping file: what a user says about their file. JSON, so no new dependency is needed.
// ---------------------------------------------------------------------------------------------

const AREA_BY = z.enum(['iso3', 'm49', 'name']);
/** Text a person typed, with none of the characters nobody means (typed-text.ts). */
const typed = () =>
  z.string().refine((value) => hiddenCharacter(value) === undefined, {
    error: (issue) => hiddenCharacter(String(issue.input)) ?? 'holds a hidden character',
  });
const nonEmpty = typed().trim().min(1, 'must not be empty');
/** A name or label: one line's worth, not a document. */
const label = nonEmpty.max(500, 'must be at most 500 characters');
/** Free text (caveats, method notes, a citation). */
const text = (max: number) => typed().max(max, `must be at most ${max.toLocaleString('en')} characters`);

const indicatorDefinition = z.strictObject({
  // With the dataset's id, at most 100 characters: an SDMX flow id, and a path segment.
  id: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and _')
    .max(39, 'must be at most 39 characters'),
  name: label,
  unit: label,
  description: text(20_000).pipe(nonEmpty),
  measureType: z.enum(['stock', 'flow', 'rate']),
  topic: label,
});
/** A catalogue id (`"migrant_stock"`) or a new indicator's definition. */
const indicatorRef = z.union([nonEmpty, indicatorDefinition], {
  error: `must be a catalogue indicator's id (such as "migrant_stock") or a new indicator's definition { id, name, unit, description, measureType, topic }`,
});

const datasetSection = z.strictObject({
  // Its pages' addresses and its SDMX flow ids (the id and an indicator's) must stay usable paths.
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and -, such as "my-survey-2024"')
    .max(60, 'must be at most 60 characters'),
  family: label.optional(),
  title: label,
  publisher: label,
  edition: label,
  releaseDate: z.iso.date('must be a date such as 2024-06-30').nullable().optional(),
  licence: label,
  citation: text(2_000).pipe(nonEmpty),
  sourceUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .max(2_000, 'must be at most 2,000 characters')
    .nullable()
    .optional(),
  caveats: text(20_000).nullable().optional(),
  methodNotes: text(20_000).nullable().optional(),
  provenance: text(2_000).pipe(nonEmpty).optional(),
});

const columnsSection = z.strictObject({
  refArea: nonEmpty,
  areaBy: AREA_BY.default('iso3'),
  counterpart: nonEmpty.optional(),
  counterpartBy: AREA_BY.optional(),
  sex: nonEmpty.optional(),
  period: nonEmpty,
  value: nonEmpty,
  status: nonEmpty.optional(),
  flags: nonEmpty.optional(),
  indicator: nonEmpty.optional(),
  /** Further dimension columns: a list (the column name is the dimension) or column → dimension. */
  dims: z
    .union([z.array(nonEmpty), z.record(z.string(), nonEmpty)], {
      error: 'must be a list of columns or an object column → dimension',
    })
    .optional(),
});

const sdmxSection = z.strictObject({
  refArea: nonEmpty.default('REF_AREA'),
  areaBy: AREA_BY.default('iso3'),
  counterpart: nonEmpty.default('COUNTERPART_AREA'),
  counterpartBy: AREA_BY.optional(),
  sex: nonEmpty.default('SEX'),
  indicator: nonEmpty.default('INDICATOR'),
  status: nonEmpty.default('OBS_STATUS'),
});

export const userMappingSchema = z.strictObject({
  $comment: z.string().optional(),
  dataset: datasetSection,
  indicator: indicatorRef.optional(),
  indicators: z.record(z.string(), indicatorRef).optional(),
  columns: columnsSection.optional(),
  sdmx: sdmxSection.optional(),
  sexValues: z.record(z.string(), z.enum(['_T', 'M', 'F'])).optional(),
  statusValues: z.record(z.string(), z.enum(['A', 'E', 'P', 'I', 'F'])).optional(),
  areaNames: z.record(z.string(), nonEmpty).optional(),
  aggregates: z
    .record(
      z.string(),
      z.strictObject({
        code: z.string().regex(/^[A-Z]+_[A-Z0-9_]+$/, 'must look like PUBLISHER_NAME (capitals, digits, _)'),
        name: nonEmpty,
      }),
    )
    .optional(),
  skipMissing: z.boolean().default(false),
});
export type UserMapping = z.infer<typeof userMappingSchema>;

/** A mapping file, read and validated, with the indicators it names resolved against the catalogue. */
export interface ResolvedMapping {
  file: string;
  mapping: UserMapping;
  /** The single indicator of the file, when the mapping names one. */
  indicator: IndicatorDef | null;
  /** Indicator code as printed → indicator, when the mapping lists several. */
  indicators: Map<string, IndicatorDef> | null;
  /** Where SDMX dimensions and attributes are found (defaults for SDMX files). */
  sdmx: z.infer<typeof sdmxSection>;
  /** An error about a field of the mapping, at its line (or the line of the nearest enclosing field). */
  errorAt(at: PropertyKey[], problem: string): Error;
}

const CATALOGUE = new Map<string, IndicatorDef>(Object.values(INDICATORS).map((i) => [i.id, i]));

/** Reads and validates a mapping file; every fault names the file, and the line of the field when it is there. */
export function readUserMapping(filePath: string): ResolvedMapping {
  const source = readSourceFile(filePath);
  const text = decodeUtf8(source);
  const json = parseJsonText(source.name, text);
  const parsed = userMappingSchema.safeParse(json);
  if (!parsed.success) {
    // The error stands at the first fault's line; every other fault says its own.
    const [first, ...others] = mappingFaults(parsed.error.issues, json);
    const list = [first?.text, ...others.map((f) => `${f.text} (line ${String(jsonLineAt(text, f.at) ?? '?')})`)].join(
      '; ',
    );
    throw jsonErrorAt(source.name, text, first?.at ?? [], `invalid mapping: ${list}`);
  }
  const mapping = parsed.data;
  const fail = (at: PropertyKey[], problem: string) => jsonErrorAt(source.name, text, at, problem);

  const bundled = BUNDLED_IMPORTERS.find((i) => i.meta.id === mapping.dataset.id);
  if (bundled) {
    throw fail(['dataset', 'id'], `"${mapping.dataset.id}" is a bundled dataset of Bridges; choose another id`);
  }
  // A family groups a publisher's editions side by side: a file of one's own set among UN DESA's
  // would read as its newest revision, and retitle the family.
  const family = mapping.dataset.family ?? mapping.dataset.id;
  const bundledFamily = BUNDLED_IMPORTERS.find((i) => i.meta.family === family);
  if (bundledFamily) {
    throw fail(
      mapping.dataset.family === undefined ? ['dataset', 'id'] : ['dataset', 'family'],
      `"${family}" is the family of Bridges' bundled editions (${bundledFamily.meta.publisher}); a file of your own is a publication of its own: choose another ${mapping.dataset.family === undefined ? 'id' : 'family'}`,
    );
  }
  // Two columns for one dimension: one's values would be dropped for the other's, silently.
  const dimensionColumns = new Map<string, string>();
  const dims = mapping.columns?.dims;
  const pairs: [column: string, dimension: string][] = Array.isArray(dims)
    ? dims.map((c) => [c, c])
    : Object.entries(dims ?? {});
  for (const [column, dimension] of pairs) {
    const other = dimensionColumns.get(dimension);
    if (other !== undefined)
      throw fail(
        ['columns', 'dims', ...(Array.isArray(dims) ? [] : [column])],
        `columns "${other}" and "${column}" are both mapped to the dimension "${dimension}": each dimension takes one column`,
      );
    dimensionColumns.set(dimension, column);
  }
  // A bundled dataset's aggregate is the file's to name by its code (or through "areaNames"), not
  // to declare anew: it keeps its publisher and its name, whatever is loaded.
  for (const [printed, aggregate] of Object.entries(mapping.aggregates ?? {})) {
    const bundledAggregateArea = bundledAggregate(aggregate.code);
    if (bundledAggregateArea)
      throw fail(
        ['aggregates', printed, 'code'],
        `"${aggregate.code}" is an aggregate of ${bundledAggregateArea.publisher} that Bridges knows ("${bundledAggregateArea.name}"): write its code in the file, or map "${printed}" to it in "areaNames", rather than declare it; or give your aggregate a code of its own`,
      );
  }
  const resolve = (ref: z.infer<typeof indicatorRef>, at: PropertyKey[]): IndicatorDef => {
    if (typeof ref === 'string') {
      const known = CATALOGUE.get(ref);
      if (!known) {
        throw fail(
          at,
          `"${ref}" is not in the indicator catalogue (known: ${[...CATALOGUE.keys()].join(', ')}); give a full definition { id, name, unit, description, measureType, topic } for a new indicator`,
        );
      }
      return known;
    }
    if (CATALOGUE.has(ref.id)) {
      throw fail(
        [...at, 'id'],
        `"${ref.id}" is a catalogue indicator: name it as the string "${ref.id}" to use it, or choose another id`,
      );
    }
    return ref;
  };
  if (mapping.indicator !== undefined && mapping.indicators !== undefined) {
    throw fail(['indicators'], 'give either "indicator" (one indicator) or "indicators" (code → indicator), not both');
  }
  const indicator = mapping.indicator === undefined ? null : resolve(mapping.indicator, ['indicator']);
  const indicators =
    mapping.indicators === undefined
      ? null
      : new Map(Object.entries(mapping.indicators).map(([code, ref]) => [code, resolve(ref, ['indicators', code])]));
  const ids = new Map<string, IndicatorDef>();
  for (const def of [indicator, ...(indicators?.values() ?? [])]) {
    if (!def) continue;
    const seen = ids.get(def.id);
    if (seen && seen !== def && JSON.stringify(seen) !== JSON.stringify(def)) {
      throw fail(['indicators'], `two different definitions of indicator "${def.id}"`);
    }
    ids.set(def.id, def);
  }
  return {
    file: source.name,
    mapping,
    indicator,
    indicators,
    sdmx: mapping.sdmx ?? sdmxSection.parse({}),
    errorAt: fail,
  };
}

/** One fault of a mapping: where it is (an unknown field: the field itself) and what it is. */
interface MappingFault {
  at: PropertyKey[];
  text: string;
}

function mappingFaults(issues: readonly z.core.$ZodIssue[], json: unknown): MappingFault[] {
  return pickedUnionIssues(issues).flatMap((issue): MappingFault[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        at: [...issue.path, key],
        text: `${describePath(issue.path)}: unknown field "${key}"`,
      }));
    }
    const problem = valueAt(json, issue.path) === undefined ? 'is required' : issueMessage(issue);
    return [{ at: issue.path, text: `${describePath(issue.path)}: ${problem}` }];
  });
}

/** The value at a path of parsed JSON; undefined when a step is missing. */
function valueAt(json: unknown, at: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of at) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A union's faults, as the option the value's type picks sees them: an indicator given as an
 * object is a definition, so its faults are the definition's (`indicator.unit: is required`),
 * not zod's "Invalid input" about the whole union.
 */
function pickedUnionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const wrongType = (option: z.core.$ZodIssue[]) =>
      option.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    const picked = issue.errors.filter((option) => !wrongType(option));
    if (picked.length !== 1 || !picked[0]) return [issue];
    return pickedUnionIssues(picked[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v));
    return `must be ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function describePath(at: readonly PropertyKey[]): string {
  return at.length ? formatJsonPath(at) : 'the mapping';
}

// ---------------------------------------------------------------------------------------------
// From printed values to observations: one assembler shared by the three readers.
// ---------------------------------------------------------------------------------------------

/** One observation as a file prints it, before codes are checked and names matched. */
export interface RawObservation {
  /** The indicator's code, when the file has an indicator column or dimension. */
  indicator?: string;
  /** The SDMX dataflow (`AGENCY:ID(VERSION)`) the observation belongs to, when the file says. */
  dataflow?: string;
  refArea: string;
  counterpart?: string;
  sex?: string;
  period: string;
  /** SDMX FREQ as printed, checked against the period. */
  freq?: string;
  value: string | number | null;
  status?: string;
  flags?: string;
  dims: Record<string, string>;
}

/** Where a field of an observation sits in its file, to say so in a message. */
export interface CellRef {
  /** 1-based line; for JSON worked out only when asked. */
  readonly line: number | undefined;
  /** The CSV column, when there is one. */
  readonly column?: string;
  error(problem: string): Error;
}
export type Locate = (field: ObservationField) => CellRef;
export type ObservationField =
  'indicator' | 'refArea' | 'counterpart' | 'sex' | 'period' | 'freq' | 'value' | 'status' | 'flags' | `dim:${string}`;

/** What an import did besides writing observations; the CLI prints it. */
export interface UserFileReport {
  /** Observations read (rows of a CSV, observations of a JSON message). */
  rows: number;
  /** Rows without a value skipped because the mapping says `"skipMissing": true`. */
  skipped: number;
  notes: string[];
}

/** What a reader gets: its file, the mapping and somewhere to put what it reads. */
export interface ReaderInput {
  file: SourceFile;
  mapping: ResolvedMapping;
  sink: ObservationAssembler;
  report: UserFileReport;
  progress: ProgressReporter;
}

const SEX_CODES = new Map<string, Sex>([
  ['_T', '_T'],
  ['T', '_T'],
  ['SEX_T', '_T'],
  ['TOTAL', '_T'],
  ['BOTH SEXES', '_T'],
  // _Z: "not applicable", as SDMX sources print for a figure with no sex breakdown.
  ['_Z', '_T'],
  ['M', 'M'],
  ['SEX_M', 'M'],
  ['MALE', 'M'],
  ['F', 'F'],
  ['SEX_F', 'F'],
  ['FEMALE', 'F'],
]);
const STATUS_CODES = new Set<ObservationStatus>(['A', 'E', 'P', 'I', 'F']);
/** Printed where a value is missing; skipped only if the mapping asks, an error otherwise. */
const MISSING = new Set(['', 'nan', 'na', 'n/a', '..', ':', '-']);
/** Counterparts that mean "no counterpart" in SDMX: not applicable, total. An empty cell is an error. */
const NO_COUNTERPART = new Set(['_Z', '_T']);
/** A number as statistics print it: no thousands separators, decimal comma, hex or "Infinity". */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * The significant digits of a decimal number as written ("0012.3400e5" → "1234"), to tell a value
 * stored exactly (its shortest float8 form has the same digits) from one stored rounded.
 */
function significantDigits(text: string): string {
  return text
    .trim()
    .replace(/^[+-]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
}
/** Said of a number beyond float8, which the database stores values as. */
const TOO_LARGE = 'too large to store (beyond ±1.8e308)';
/**
 * A dimension's value is at most this many characters, and a row's dimensions (their series' key)
 * at most this many bytes together: the key is part of the series' unique index, whose entries
 * PostgreSQL limits to about 2,700 bytes (beyond, the import failed with the index's own error).
 */
const MAX_DIMENSION_VALUE = 200;
const MAX_DIMENSIONS_KEY = 2_000;
/** An observation's dimensions, their series key and its length in bytes, made once per combination. */
interface Dimensions {
  dims: Record<string, string> | undefined;
  key: string;
  bytes: number;
  /** The first dimension whose value holds a character nobody means (typed-text.ts), and why. */
  hidden: [dimension: string, problem: string] | undefined;
}
const LIST_CAP = 50;
const LINES_CAP = 10;
/** How many matched names the report lists, each with the code it became. */
const NAMES_LISTED = 300;
/** How many distinct periods and flags the assembler shares among observations. */
const SHARED_CAP = 100_000;

interface Unmatched {
  value: string;
  /** How the value was read: as a code, an M49 code or a name (areas), or an indicator code. */
  by: AreaBy | 'indicator';
  /** The fields it was printed in (for areas: the reference area, the counterpart). */
  fields: Set<ObservationField>;
  first: CellRef;
  lines: number[];
  count: number;
}

/** Where an observation was read: its line when the reader knows it cheaply (CSV), else where to find it. */
type SeenAt = number | Locate;

/**
 * Turns raw observations into ObservationInputs: numbers, periods, sex and status codes are
 * checked cell by cell (the first fault throws, with its place); area codes and names and
 * indicator codes are collected, so that one error lists everything that did not match.
 */
export class ObservationAssembler {
  readonly observations: ObservationInput[] = [];
  readonly #areaCache = new Map<string, string | null>();
  readonly #unmatchedAreas = new Map<string, Unmatched>();
  readonly #unmatchedIndicators = new Map<string, Unmatched>();
  /**
   * Each series' periods, and where each was read, to refuse a second value for one observation.
   * NOTE: by series, then period: a key of every observation would hold a long string per row
   * (a million rows, over 100 MB); and a line rather than the reader's Locate where the reader
   * knows it, which would keep every row of a CSV alive until the import ends.
   */
  readonly #seen = new Map<string, Map<string, SeenAt>>();
  /** One object per combination of dimensions (by their codes as printed), shared by the observations. */
  readonly #dims = new Map<string, Dimensions>();
  /** Each period as printed, read once. */
  readonly #periods = new Map<string, ReturnType<typeof normalisePeriod>>();
  /** One string per period or flags, shared by the observations. */
  readonly #strings = new Map<string, string>();
  /** The mapping's aggregates by code (as printed in it: which printed value declares each). */
  readonly #aggregateCodes: Map<string, string>;
  readonly #indicatorsUsed = new Map<string, IndicatorDef>();
  readonly #namesMatched = new Set<string>();
  /** The names the mapping's "aggregates" declared ("High income" → MYORG_HI), among those matched. */
  readonly #namesAggregated = new Set<string>();
  readonly #namesMapped = new Set<string>();
  /** Each name matched by Bridges' names, and the code it became, for the report. */
  readonly #nameMatches = new Map<string, string>();
  readonly #flows = new Map<string, IndicatorDef | null>();
  readonly #unknownStatuses = new Map<string, number>();
  /** Values with more significant digits than a float8 keeps, and the first of them. */
  readonly #rounded: { count: number; first?: { line: number | undefined; text: string; stored: number } } = {
    count: 0,
  };
  #singleIndicatorCode: string | undefined;

  constructor(
    private readonly areas: AreaResolver,
    private readonly resolved: ResolvedMapping,
    private readonly fileName: string,
    private readonly report: UserFileReport,
    private readonly areaBy: { refArea: AreaBy; counterpart: AreaBy },
  ) {
    this.#aggregateCodes = new Map(
      Object.entries(resolved.mapping.aggregates ?? {}).map(([printed, a]) => [a.code.toUpperCase(), printed]),
    );
  }

  /**
   * The catalogue indicator a Bridges dataflow names: `BRIDGES:UNDESA_IMS_2024_MIGRANT_STOCK(1.0)`
   * → migrant_stock (the longest catalogue id that ends the flow id). Other agencies' flows name none.
   */
  #flowIndicator(flow: string): IndicatorDef | undefined {
    let def = this.#flows.get(flow);
    if (def === undefined) {
      const m = /^(?:.*Dataflow=)?([^:=]+):([A-Za-z0-9_@$-]+)(?:\(|$)/.exec(flow.trim());
      const id = m?.[1] === 'BRIDGES' ? (m[2] ?? '').toUpperCase() : '';
      const matches = [...CATALOGUE.values()].filter(
        (i) => id !== '' && (id === sdmxIdPart(i.id) || id.endsWith(`_${sdmxIdPart(i.id)}`)),
      );
      def = matches.sort((a, b) => b.id.length - a.id.length)[0] ?? null;
      this.#flows.set(flow, def);
    }
    return def ?? undefined;
  }

  /**
   * Checks one observation and keeps it. `line` is its line, when the reader knows it without
   * looking (CSV): what is kept to name it later.
   */
  add(raw: RawObservation, at: Locate, line?: number): void {
    this.report.rows++;
    const value = this.#value(raw.value, at);
    refuseFormula(raw.period, at('period'));
    let p = this.#periods.get(raw.period);
    if (p === undefined && this.#periods.size < SHARED_CAP)
      this.#periods.set(raw.period, (p = normalisePeriod(raw.period)));
    p ??= normalisePeriod(raw.period);
    if (!p) {
      throw at('period').error(
        `"${raw.period}" is not a period Bridges can store (a year such as 2020, a half-year 2020-S1 or a quarter 2020-Q1; months and days are not supported)`,
      );
    }
    // The calendar goes from 1 BC to AD 1, and the database refuses the date 0000-01-01.
    if (p.start.startsWith('0000')) throw at('period').error(`"${raw.period}" is not a period: there is no year 0`);
    if (raw.freq !== undefined && raw.freq.trim() !== '') {
      const freq = raw.freq.trim().toUpperCase() === 'H' ? 'S' : raw.freq.trim().toUpperCase();
      if (freq !== p.freq) throw at('freq').error(`frequency "${raw.freq}" does not match the period "${raw.period}"`);
    }
    const indicator = this.#indicator(raw.indicator, raw.dataflow, at);
    const refArea = this.#area(raw.refArea, this.areaBy.refArea, at('refArea'), 'refArea');
    if (raw.counterpart !== undefined && raw.counterpart.trim() === '') {
      throw at('counterpart').error(
        'no counterpart area (an empty cell): write _T where the value is a total over all counterparts, _Z where none applies',
      );
    }
    const counterpart =
      raw.counterpart === undefined || NO_COUNTERPART.has(raw.counterpart.trim().toUpperCase())
        ? null
        : this.#area(raw.counterpart, this.areaBy.counterpart, at('counterpart'), 'counterpart');
    const sex = this.#sex(raw.sex, at);
    const { status, unknownStatus } = this.#status(raw.status);
    const flags = [raw.flags?.trim(), unknownStatus].filter(Boolean).join(' ') || null;
    if (!indicator || refArea === undefined || counterpart === undefined) return;
    // A count of people cannot be negative (a stock of money, a net flow can).
    if (value !== null && value < 0 && this.#indicatorsUsed.get(indicator)?.unit === 'persons') {
      throw at('value').error(`${String(value)} persons: a count of people cannot be negative`);
    }

    // An empty cell in a dimension's column is no code: as for the counterpart, say which.
    let printedDims = '';
    for (const dimension in raw.dims) {
      const code = raw.dims[dimension] ?? '';
      if (code.trim() === '')
        throw at(`dim:${dimension}`).error(
          `no ${dimension} (an empty cell): write _T where the value is a total over all of them, _Z where none applies`,
        );
      if (code.length > MAX_DIMENSION_VALUE)
        throw at(`dim:${dimension}`).error(
          `a ${dimension} of ${code.length.toLocaleString('en')} characters: a dimension's value is a code or a short label, at most ${String(MAX_DIMENSION_VALUE)} characters (put text in a column the mapping does not read)`,
        );
      printedDims += `${dimension}\u0000${code}\u0001`;
    }
    // A missing value skipped ("skipMissing") only once the rest of its row is checked: its area
    // and dimensions are reported like any other's.
    if (value === null) return;
    const { dims, key: dimsKey, bytes, hidden } = this.#dimensions(printedDims, raw.dims);
    // A value shown on the pages and in the SDMX codes: none that displays otherwise than it reads.
    if (hidden) throw at(`dim:${hidden[0]}`).error(`the ${hidden[0]} ${hidden[1]}`);
    if (bytes > MAX_DIMENSIONS_KEY)
      throw at(`dim:${Object.keys(raw.dims)[0] ?? ''}`).error(
        `the dimensions of this row (${Object.keys(raw.dims).join(', ')}) take ${bytes.toLocaleString('en')} bytes together, more than the ${MAX_DIMENSIONS_KEY.toLocaleString('en')} a series' key may: use shorter codes`,
      );
    const seriesKey = `${indicator}|${refArea}|${counterpart ?? ''}|${sex}|${p.freq}|${dimsKey}`;
    let periods = this.#seen.get(seriesKey);
    if (!periods) this.#seen.set(seriesKey, (periods = new Map()));
    const period = this.#shared(p.period);
    const first = periods.get(period);
    if (first !== undefined) {
      const firstLine = typeof first === 'number' ? first : first('value').line;
      throw at('value').error(
        `a second value for the same observation (same indicator, areas, sex, dimensions and period as line ${String(firstLine ?? '?')})`,
      );
    }
    periods.set(period, line ?? at);
    this.observations.push({
      indicator,
      refArea,
      counterpartArea: counterpart,
      sex,
      freq: p.freq as Frequency,
      dims,
      period,
      value,
      status,
      flags: flags === null ? null : this.#shared(flags),
    });
  }

  /** An observation's dimensions and their key, made once per combination (`printed`: its codes as printed). */
  #dimensions(printed: string, raw: Record<string, string>): Dimensions {
    let known = this.#dims.get(printed);
    if (!known) {
      // _Z, "not applicable", is no breakdown: as Bridges' own SDMX writes a series without that key.
      const kept = Object.entries(raw).filter(([, v]) => v !== '_Z');
      const dims = kept.length ? Object.fromEntries(kept) : undefined;
      const key = dimsKeyOf(dims);
      let hidden: Dimensions['hidden'];
      for (const [dimension, value] of Object.entries(raw)) {
        const problem = hiddenCharacter(value);
        if (problem) {
          hidden = [dimension, problem];
          break;
        }
      }
      known = { dims, key, bytes: Buffer.byteLength(key), hidden };
      this.#dims.set(printed, known);
    }
    return known;
  }

  /**
   * One string for each distinct text (periods, flags): a million observations share a few dozen.
   * (Past SHARED_CAP distinct texts, flags that are each a row's own are kept as they are.)
   */
  #shared(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    if (this.#strings.size < SHARED_CAP) this.#strings.set(text, text);
    return text;
  }

  /** Throws the one report of everything unmatched, or returns what was read. */
  finish(): ParsedDataset & { indicators: IndicatorDef[] } {
    const areas = [...this.#unmatchedAreas.values()];
    if (areas.length) throw this.#unmatchedError(areas);
    const indicators = [...this.#unmatchedIndicators.values()];
    if (indicators.length) {
      const list = listUnmatched(indicators);
      const hint = this.resolved.indicators
        ? `add them to "indicators" in ${this.resolved.file}`
        : `they are not catalogue indicators: map each to an indicator in "indicators" of ${this.resolved.file}`;
      throw new SourceFormatError(
        this.fileName,
        `${String(indicators.length)} indicator code${indicators.length > 1 ? 's' : ''} not mapped (${hint}):\n${list}`,
        { column: indicators[0]?.first.column },
      );
    }
    if (this.observations.length === 0) {
      throw new SourceFormatError(
        this.fileName,
        this.report.skipped
          ? `holds no values: all ${String(this.report.skipped)} observations are missing`
          : 'holds no observations',
      );
    }
    if (this.#rounded.count) {
      const first = this.#rounded.first;
      this.report.notes.push(
        `${String(this.#rounded.count)} value${this.#rounded.count > 1 ? 's have' : ' has'} more significant digits than the database keeps (15 to 17): stored rounded, e.g. ${first?.line === undefined ? '' : `line ${String(first.line)}: `}${first?.text ?? ''} → ${String(first?.stored ?? '')}`,
      );
    }
    if (this.#unknownStatuses.size) {
      const list = listSome(
        [...this.#unknownStatuses].map(([text, n]) => `"${text}" (${String(n)})`),
        LIST_CAP,
      );
      this.report.notes.push(
        `status values with no SDMX code, stored as A (normal) with the printed value in the flags: ${list}; map them in "statusValues" of ${this.resolved.file}`,
      );
    }
    const matched = this.#namesMatched.size;
    const mapped = this.#namesMapped.size;
    if (matched) {
      const pairs = [...this.#nameMatches].map(([name, code]) => `${name} → ${code}`);
      const through = [
        mapped ? `${String(mapped)} through "areaNames"` : null,
        this.#namesAggregated.size ? `${String(this.#namesAggregated.size)} through "aggregates"` : null,
      ].filter(Boolean);
      this.report.notes.push(
        `${String(matched)} area name${matched > 1 ? 's' : ''} matched` +
          (through.length ? ` (${through.join(', ')})` : '') +
          (pairs.length ? `: ${listSome(pairs, NAMES_LISTED, '; ')}` : ''),
      );
    } else if (mapped) {
      this.report.notes.push(`${String(mapped)} area code${mapped > 1 ? 's' : ''} read through "areaNames"`);
    }
    // A key no row has is most likely misspelt (or the file is not the one the mapping was written for).
    const unused = Object.keys(this.resolved.mapping.areaNames ?? {}).filter((k) => !this.#namesMapped.has(k));
    if (unused.length) {
      this.report.notes.push(
        `warning: ${String(unused.length)} of "areaNames" in ${this.resolved.file} matched no row of ${this.fileName}, not used: ${listSome(
          unused.map((k) => `"${k}"`),
          LIST_CAP,
        )}`,
      );
    }
    return { observations: this.observations, indicators: [...this.#indicatorsUsed.values()] };
  }

  #value(value: string | number | null, at: Locate): number | null {
    if (typeof value === 'number') {
      // JSON.parse reads 1e999 as Infinity: a number too large for the database's float8.
      if (!Number.isFinite(value)) throw at('value').error(`the value is ${TOO_LARGE}`);
      return value;
    }
    const text = value ?? '';
    refuseFormula(text, at('value'));
    if (MISSING.has(text.trim().toLowerCase())) {
      if (this.resolved.mapping.skipMissing) {
        this.report.skipped++;
        return null;
      }
      throw at('value').error(
        `${value === null ? 'no value (null)' : `"${text}" is not a number`}: a missing value is an error unless ${this.resolved.file} says "skipMissing": true`,
      );
    }
    if (!DECIMAL.test(text)) throw at('value').error(`"${text}" is not a number${separatorHint(text)}`);
    const n = Number(text.trim());
    if (!Number.isFinite(n)) throw at('value').error(`"${text}" is ${TOO_LARGE}`);
    // 1e-400 reads as 0: a value the file gives would be stored as another.
    if (n === 0 && /[1-9]/.test(text.replace(/[eE].*$/, '')))
      throw at('value').error(`"${text}" is too small to store (below ±4.9e-324): it would become 0`);
    // A value whose digits the float8 cannot all keep is stored rounded: said in the report.
    // (Fifteen digits or fewer it always keeps.)
    if (text.length > 15 && significantDigits(text) !== significantDigits(String(n))) {
      this.#rounded.count++;
      this.#rounded.first ??= { line: at('value').line, text: text.trim(), stored: n };
    }
    return n;
  }

  #sex(printed: string | undefined, at: Locate): Sex {
    if (printed === undefined) return '_T';
    const mapped = this.resolved.mapping.sexValues?.[printed.trim()] ?? SEX_CODES.get(printed.trim().toUpperCase());
    if (!mapped) {
      throw at('sex').error(
        `sex "${printed}" is not _T, M or F (nor total, male, female); map it in "sexValues" of ${this.resolved.file}`,
      );
    }
    return mapped;
  }

  #status(printed: string | undefined): { status: ObservationStatus; unknownStatus?: string } {
    const text = printed?.trim() ?? '';
    if (!text) return { status: 'A' };
    const values = this.resolved.mapping.statusValues ?? {};
    // "estimated" finds "Estimated": a mapping written from one row should not miss its neighbours.
    const mapped = values[text] ?? Object.entries(values).find(([k]) => k.toLowerCase() === text.toLowerCase())?.[1];
    if (mapped) return { status: mapped };
    if (STATUS_CODES.has(text as ObservationStatus)) return { status: text as ObservationStatus };
    // A status Bridges has no code for (SDMX B, break; Eurostat's lower-case flags…) is kept as
    // printed in the flags, and the import says so (see finish()).
    this.#unknownStatuses.set(text, (this.#unknownStatuses.get(text) ?? 0) + 1);
    return { status: 'A', unknownStatus: text };
  }

  #indicator(printed: string | undefined, flow: string | undefined, at: Locate): string | undefined {
    const { indicator, indicators, file } = this.resolved;
    const code = printed?.trim();
    let def: IndicatorDef | undefined;
    if (indicators) {
      if (code === undefined) {
        throw this.resolved.errorAt(
          ['indicators'],
          `"indicators" needs a column or dimension that says which indicator each row is`,
        );
      }
      def = indicators.get(code);
    } else if (indicator) {
      if (code !== undefined) {
        this.#singleIndicatorCode ??= code;
        if (code !== this.#singleIndicatorCode) {
          throw at('indicator').error(
            `a second indicator "${code}" (the first was "${this.#singleIndicatorCode}"): with one "indicator" in ${file} the file must hold one; map each code in "indicators"`,
          );
        }
      }
      def = indicator;
    } else if (code !== undefined) {
      def =
        CATALOGUE.get(code.toLowerCase()) ??
        [...CATALOGUE.values()].find((i) => sdmxIdPart(i.id) === code.toUpperCase());
    } else {
      def = flow ? this.#flowIndicator(flow) : undefined;
      if (!def) {
        throw new SourceFormatError(
          file,
          `says no "indicator", and ${this.fileName} has no indicator dimension${flow ? ` and its dataflow ${flow} is not a Bridges dataflow` : ''} to tell it: name the indicator`,
        );
      }
    }
    if (!def) {
      this.#remember(this.#unmatchedIndicators, code ?? '', 'indicator', at('indicator'), 'indicator');
      return undefined;
    }
    this.#indicatorsUsed.set(def.id, def);
    return def.id;
  }

  #area(printed: string, by: AreaBy, cell: CellRef, field: 'refArea' | 'counterpart'): string | undefined {
    const value = printed.trim();
    if (!value) throw cell.error('no area: the cell is empty');
    refuseFormula(value, cell);
    const cacheKey = `${by}\u0000${value}`;
    let code = this.#areaCache.get(cacheKey);
    if (code === undefined) {
      code = this.#resolveArea(value, by) ?? null;
      this.#areaCache.set(cacheKey, code);
    }
    if (code === null) {
      this.#remember(this.#unmatchedAreas, value, by, cell, field);
      return undefined;
    }
    return code;
  }

  /**
   * A code as printed → area code, the same whatever else is loaded: a country or area of Bridges'
   * reference data (or a publisher's alias of one), an aggregate of Bridges' bundled datasets
   * (declared with this import, as its importer declares it, unless a dataset wrote it already),
   * or an aggregate this mapping declares. An aggregate that only another user's file declared is
   * unknown, as it is where that file was never imported.
   */
  #code(printed: string): string | undefined {
    const value = printed.trim().toUpperCase();
    const declared = this.#aggregateCodes.get(value);
    if (declared !== undefined) return this.#mappingAggregate(declared);
    const bundled = bundledAggregate(value);
    if (bundled) return this.areas.isStored(bundled.code) ? bundled.code : this.areas.aggregate(bundled);
    const code = this.areas.tryCode(value);
    return code === undefined || this.areas.isAggregate(code) ? undefined : code;
  }

  /** The aggregate the mapping's "aggregates" declares for `printed`, declared for this import. */
  #mappingAggregate(printed: string): string | undefined {
    const { mapping } = this.resolved;
    const aggregate = mapping.aggregates?.[printed];
    if (!aggregate) return undefined;
    // Another publisher's aggregate (KNOMAD_WORLD) or a country keeps its name and its figures.
    const holder = this.areas.heldBy(aggregate.code, mapping.dataset.publisher);
    if (holder)
      throw this.resolved.errorAt(
        ['aggregates', printed, 'code'],
        `"${aggregate.code}" is already an area of ${holder}; give your aggregate a code of its own`,
      );
    return this.areas.aggregate({ ...aggregate, publisher: mapping.dataset.publisher });
  }

  #resolveArea(value: string, by: AreaBy): string | undefined {
    const { mapping } = this.resolved;
    const named = mapping.areaNames?.[value];
    if (named) {
      const code = this.#code(named);
      if (!code) throw this.resolved.errorAt(['areaNames', value], `"${named}" is not an area code Bridges knows`);
      this.#namesMapped.add(value);
      if (by === 'name') {
        this.#namesMatched.add(value);
        this.#nameMatches.set(value, code);
      }
      return code;
    }
    if (mapping.aggregates?.[value]) {
      const code = this.#mappingAggregate(value);
      if (code !== undefined && by === 'name') {
        this.#namesAggregated.add(value);
        this.#namesMatched.add(value);
        this.#nameMatches.set(value, code);
      }
      return code;
    }
    if (by === 'iso3') return this.#code(value);
    if (by === 'm49') {
      if (!/^\d{1,3}$/.test(value)) return undefined;
      try {
        return this.areas.m49(value, { file: this.fileName });
      } catch {
        return undefined;
      }
    }
    // A name is matched to a country or area, never to an aggregate another dataset happens to
    // have loaded ("High income" → WB_HIC): what a file means must not depend on what is loaded.
    // The mapping's "aggregates" or "areaNames" say which aggregate a name is.
    const code = this.areas.name(value);
    if (!code || this.areas.isAggregate(code)) return undefined;
    this.#namesMatched.add(value);
    this.#nameMatches.set(value, code);
    return code;
  }

  #remember(
    into: Map<string, Unmatched>,
    value: string,
    by: Unmatched['by'],
    cell: CellRef,
    field: ObservationField,
  ): void {
    const seen = into.get(`${by}\u0000${value}`);
    if (seen) {
      seen.fields.add(field);
      seen.count++;
      if (seen.lines.length < LINES_CAP && cell.line !== undefined && !seen.lines.includes(cell.line))
        seen.lines.push(cell.line);
      return;
    }
    into.set(`${by}\u0000${value}`, {
      value,
      by,
      fields: new Set([field]),
      first: cell,
      lines: cell.line === undefined ? [] : [cell.line],
      count: 1,
    });
  }

  /**
   * The hint for an area column the mapping says to read one way that holds values of another:
   * UN M49 codes ("004", "4"), which "areaBy": "m49" reads (when every unmatched value is such a
   * number and one at least an M49 code Bridges knows), names read as ISO3 codes (the default) or
   * ISO3 codes read as names (when half the unmatched values at least are). Undefined otherwise.
   */
  #readingHint(unmatched: Unmatched[]): string | undefined {
    const readAs = unmatched[0]?.by;
    if (readAs === undefined || readAs === 'm49' || !unmatched.every((u) => u.by === readAs)) return undefined;
    const m49 = (value: string) => {
      try {
        return this.areas.m49(value, { file: this.fileName });
      } catch {
        return undefined;
      }
    };
    const name = (value: string) => {
      const code = this.areas.name(value);
      return code && !this.areas.isAggregate(code) ? code : undefined;
    };
    const readings: { by: AreaBy; holds: string; read: (value: string) => string | undefined; enough: number }[] = [
      {
        by: 'm49',
        holds: 'numbers, which are UN M49 codes',
        read: m49,
        enough: unmatched.every((u) => /^\d{1,3}$/.test(u.value)) ? 1 : Infinity,
      },
      { by: 'name', holds: 'names', read: name, enough: Math.ceil(unmatched.length / 2) },
      { by: 'iso3', holds: 'ISO3 codes', read: (v) => this.areas.tryCode(v), enough: Math.ceil(unmatched.length / 2) },
    ];
    for (const reading of readings) {
      if (reading.by === readAs) continue;
      const matches = unmatched.flatMap((u) => {
        const code = reading.read(u.value);
        return code === undefined ? [] : [{ value: u.value, code }];
      });
      const example = matches[0];
      if (!example || matches.length < reading.enough) continue;
      const fields = new Set(unmatched.flatMap((u) => [...u.fields]));
      const options = [fields.has('refArea') ? 'areaBy' : null, fields.has('counterpart') ? 'counterpartBy' : null]
        .filter((o): o is string => o !== null)
        .map((o) => `"${o}": "${reading.by}"`)
        .join(' and ');
      const section = this.resolved.mapping.columns ? 'columns' : 'sdmx';
      return `the column holds ${reading.holds} ("${example.value}" is ${example.code}), read here as ${readAs === 'name' ? 'names' : 'ISO3 codes'}: set ${options} in "${section}" of ${this.resolved.file}`;
    }
    return undefined;
  }

  #unmatchedError(unmatched: Unmatched[]): Error {
    const first = unmatched[0] as Unmatched;
    const kinds = new Set(unmatched.map((u) => u.by));
    const what =
      kinds.size > 1
        ? 'area code or name'
        : first.by === 'name'
          ? 'area name'
          : first.by === 'm49'
            ? 'M49 code'
            : 'area code';
    const hint =
      this.#readingHint(unmatched) ??
      (kinds.size === 1 && first.by === 'name'
        ? `add each to "areaNames" in ${this.resolved.file} as "name as printed": "ISO3"`
        : `map each in "areaNames" ("code as printed": "ISO3") or, for a publisher's aggregate, in "aggregates" of ${this.resolved.file}`);
    if (unmatched.length === 1 && first.count === 1)
      return first.first.error(`unknown ${what} "${first.value}" (${hint})`);
    return first.first.error(
      `${String(unmatched.length)} ${what}${unmatched.length > 1 ? 's' : ''} matching no area; ${hint}:\n${listUnmatched(unmatched)}`,
    );
  }
}

type AreaBy = z.infer<typeof AREA_BY>;

/**
 * Refuses a spreadsheet formula left in a cell (a CSV saved with its formulas, not their values),
 * saying so: "=SUM(B2:B4)" is no value, no period and no area.
 */
function refuseFormula(printed: string, cell: CellRef): void {
  const text = printed.trim();
  if (text.length > 1 && text.startsWith('=') && /^=[A-Za-z_(+\-"'0-9$]/.test(text))
    throw cell.error(
      `"${text}" is a spreadsheet formula, not a value: save the sheet's values (copy the cells and paste them as values) before exporting it as CSV`,
    );
}

/**
 * What a value that is not a number but for its separators should be written as: a decimal comma
 * ("1,5", "1 234,5", "1.234,5") or thousands separators ("1,234.5", "1 234"). Empty when neither.
 */
function separatorHint(printed: string): string {
  const text = printed.trim();
  const m = /^([+-]?)(\d{1,3}(?:([ \u00a0\u202f.'])\d{3})*|\d+),(\d+)$/.exec(text);
  if (m) {
    const [, sign = '', whole = '', grouped, decimals = ''] = m;
    const digits = grouped ? whole.split(grouped).join('') : whole;
    // "1,234": a decimal comma, or a thousands separator? Both readings are offered.
    if (!grouped && decimals.length === 3 && digits.length <= 3)
      return `: the decimal separator must be a point, and numbers take no thousands separator (write ${sign}${digits}.${decimals}, or ${sign}${digits}${decimals} if the comma separates thousands)`;
    return `: the decimal separator must be a point${grouped ? ', and numbers take no thousands separator' : ''} (write ${sign}${digits}.${decimals})`;
  }
  const t = /^([+-]?)(\d{1,3}(?:([, \u00a0\u202f'])\d{3})+)(\.\d+)?$/.exec(text);
  if (t) {
    const [, sign = '', whole = '', separator = ',', decimals = ''] = t;
    return `: numbers take no thousands separator (write ${sign}${whole.split(separator).join('')}${decimals})`;
  }
  return '';
}

function listUnmatched(unmatched: Unmatched[]): string {
  const lines = unmatched.map((u) => {
    const where = u.lines.length
      ? ` (line${u.count > 1 ? 's' : ''} ${u.lines.join(', ')}${u.count > u.lines.length ? `, … ${String(u.count)} in all` : ''})`
      : u.count > 1
        ? ` (${String(u.count)} times)`
        : '';
    return `"${u.value}"${where}`;
  });
  return `  ${listSome(lines, LIST_CAP, '\n  ')}`;
}

/** `undesa-ims-2024` → `UNDESA_IMS_2024`, as the Bridges SDMX endpoint names dataflows. */
function sdmxIdPart(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

// ---------------------------------------------------------------------------------------------
// The importer a user's file becomes.
// ---------------------------------------------------------------------------------------------

export type UserFileFormat = 'tidy-csv' | 'sdmx-csv' | 'sdmx-json';

export interface UserFileImporter extends Importer {
  format: UserFileFormat;
  /** The folder `files` are relative to (the filesystem root: a user's files may be anywhere). */
  dir: string;
  /** Filled in by read(). */
  report: UserFileReport;
  /** The mapping file, read and checked. */
  mapping: ResolvedMapping;
}

/** Tells a user's file's format from its name and first line: SDMX-CSV starts with DATAFLOW (or STRUCTURE). */
export function detectUserFileFormat(filePath: string): UserFileFormat {
  const name = path.basename(filePath).toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.json')) return 'sdmx-json';
  if (name.endsWith('.csv') || name.endsWith('.txt')) {
    // NOTE: only its start, at least 64 KiB and the whole first line (unzipped, of a .gz): a file of
    // gigabytes is read a megabyte at a time by the import, not whole to look at its first line.
    const start = readSourceStart(filePath);
    const file: SourceFile = { name: start.name, bytes: start.bytes, sha256: '' };
    // Before anything is made of its first line (an empty file would be taken for a tidy CSV, and
    // its mapping blamed for not saying which columns it has).
    if (start.whole && file.bytes.length <= 65_536 && new TextDecoder('utf-8').decode(file.bytes).trim() === '')
      throw new SourceFormatError(file.name, 'is empty: no header row and no data');
    // Before the separator check: Excel's "Unicode text" is UTF-16 with tabs, and its encoding is the fault to name.
    refuseUtf16(file);
    checkCommaSeparated(file.name, new TextDecoder('utf-8').decode(file.bytes.subarray(0, 65_536)));
    const first = (csvHeader(file)[0] ?? '').trim().toUpperCase();
    return first === 'DATAFLOW' || first === 'STRUCTURE' ? 'sdmx-csv' : 'tidy-csv';
  }
  throw new Error(
    `Cannot tell the format of ${path.basename(filePath)}: expected a .csv (tidy or SDMX-CSV) or a .json (SDMX-JSON) file, optionally gzipped`,
  );
}

/**
 * Builds the importer of a user's file: a tidy CSV described by a mapping file, or an SDMX-CSV or
 * SDMX-JSON data message with a mapping that gives the dataset's metadata and its indicator. The
 * mapping is read and checked here, so a fault in it shows before any database work.
 */
export function userFileImporter(
  filePath: string,
  options: { mapping?: string; onProgress?: ProgressReporter } = {},
): UserFileImporter {
  const dataPath = path.resolve(filePath);
  if (!existsSync(dataPath)) throw new Error(`No such file: ${filePath}`);
  const format = detectUserFileFormat(dataPath);
  if (!options.mapping) {
    throw new Error(
      format === 'tidy-csv'
        ? `${path.basename(dataPath)} is a tidy CSV: give --mapping <file.json> saying which column holds what, and the dataset's title, publisher, edition, licence and citation`
        : `${path.basename(dataPath)} is ${format === 'sdmx-csv' ? 'SDMX-CSV' : 'SDMX-JSON'}: give --mapping <file.json> with the dataset's id, title, publisher, edition, licence and citation (and its indicator)`,
    );
  }
  const mappingPath = path.resolve(options.mapping);
  if (!existsSync(mappingPath)) throw new Error(`No such mapping file: ${options.mapping}`);
  if (isDirectory(mappingPath)) throw new Error(`${options.mapping} is a directory, not a mapping file (JSON)`);
  const resolved = readUserMapping(mappingPath);
  const { mapping } = resolved;
  if (format === 'tidy-csv') {
    if (!mapping.columns) {
      throw new SourceFormatError(
        resolved.file,
        `"columns" is required for a tidy CSV: which column holds the area, the period, the value…`,
      );
    }
    if (!resolved.indicator && !resolved.indicators) {
      throw new SourceFormatError(
        resolved.file,
        `"indicator" is required: a catalogue id or a new indicator's definition`,
      );
    }
    if (resolved.indicators && !mapping.columns.indicator) {
      throw resolved.errorAt(
        ['columns'],
        `"indicators" needs "columns.indicator": the column that says which indicator each row is`,
      );
    }
  } else if (mapping.columns) {
    throw resolved.errorAt(
      ['columns'],
      `"columns" is for tidy CSV files; an SDMX file names its own dimensions (rename them under "sdmx" if needed)`,
    );
  }

  // NOTE: both files are read by importDataset, relative to the filesystem root, so that the
  // checksum covers the mapping too: a changed mapping reloads the edition.
  const root = path.parse(dataPath).root;
  const dataName = path.relative(root, dataPath);
  const meta: DatasetMeta = {
    id: mapping.dataset.id,
    family: mapping.dataset.family ?? mapping.dataset.id,
    title: mapping.dataset.title,
    publisher: mapping.dataset.publisher,
    edition: mapping.dataset.edition,
    releaseDate: mapping.dataset.releaseDate ?? null,
    licence: mapping.dataset.licence,
    sourceUrl: mapping.dataset.sourceUrl ?? null,
    citation: mapping.dataset.citation,
    methodNotes: mapping.dataset.methodNotes ?? null,
    caveats: mapping.dataset.caveats ?? null,
    provenance:
      mapping.dataset.provenance ??
      `Imported from the user's file ${path.basename(dataPath)} (${FORMAT_NAMES[format]}) with the mapping ${resolved.file}.`,
    loadedFrom: `${dataPath} with the mapping ${mappingPath}`,
  };
  const declared = [resolved.indicator, ...(resolved.indicators?.values() ?? [])].filter(
    (d, i, all): d is IndicatorDef => d !== null && all.findIndex((e) => e?.id === d.id) === i,
  );
  const report: UserFileReport = { rows: 0, skipped: 0, notes: [] };
  const importer: UserFileImporter = {
    format,
    dir: root,
    report,
    mapping: resolved,
    meta,
    indicators: declared,
    files: [dataName, path.relative(root, mappingPath)],
    version: 1,
    async read(ctx) {
      report.rows = 0;
      report.skipped = 0;
      report.notes.length = 0;
      const file = ctx.file(dataName);
      const areaBy =
        format === 'tidy-csv'
          ? {
              refArea: mapping.columns?.areaBy ?? 'iso3',
              counterpart: mapping.columns?.counterpartBy ?? mapping.columns?.areaBy ?? 'iso3',
            }
          : { refArea: resolved.sdmx.areaBy, counterpart: resolved.sdmx.counterpartBy ?? resolved.sdmx.areaBy };
      const sink = new ObservationAssembler(ctx.areas, resolved, file.name, report, areaBy);
      const input: ReaderInput = { file, mapping: resolved, sink, report, progress: options.onProgress ?? (() => {}) };
      if (format === 'tidy-csv') await readTidyCsv(input);
      else if (format === 'sdmx-csv') await readSdmxCsv(input);
      else await readSdmxJson(input);
      const { indicators, ...parsed } = sink.finish();
      if (report.skipped) {
        report.notes.push(
          `${String(report.skipped)} observation${report.skipped > 1 ? 's' : ''} without a value skipped, as "skipMissing" asks`,
        );
      }
      // NOTE: importDataset reads `indicators` after read(), so indicators found in the file
      // (catalogue codes of an SDMX indicator dimension) are declared here.
      importer.indicators = indicators;
      return parsed;
    },
  };
  return importer;
}

const FORMAT_NAMES: Record<UserFileFormat, string> = {
  'tidy-csv': 'tidy CSV',
  'sdmx-csv': 'SDMX-CSV',
  'sdmx-json': 'SDMX-JSON',
};

/**
 * Imports a user's file in one transaction, as importDataset does for bundled files. A changed
 * file replaces the edition it loaded before; a dataset id loaded from another file (or mapping)
 * is replaced only with `force`: a mapping copied for a new file must not silently overwrite the
 * first one's dataset.
 */
export async function importUserFile(
  database: Database,
  importer: UserFileImporter,
  options: { force?: boolean; onProgress?: ProgressReporter; signal?: AbortSignal; onCommitted?: () => void } = {},
): Promise<ImportOutcome> {
  await refuseRenamedAggregates(database, importer);
  const outcome = await importDataset(database, importer, {
    ...options,
    dir: importer.dir,
    replaceOtherSource: false,
  });
  // A re-import says what it replaced: a corrected file that lost half its rows should not go unseen.
  if (outcome.loaded && outcome.replaced !== null) {
    const change = outcome.observations - outcome.replaced;
    importer.report.notes.push(
      `replaced the edition loaded before: ${outcome.replaced.toLocaleString('en')} → ${outcome.observations.toLocaleString('en')} observations (${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toLocaleString('en')})`,
    );
  }
  return outcome;
}

/**
 * An aggregate another dataset uses keeps its name: a mapping that names it otherwise (one that
 * gives the World Bank as its publisher, say, to rename WB_LMY for every dataset) is refused at
 * the name's line. The same name, or a code of its own, is fine.
 */
async function refuseRenamedAggregates(database: Database, importer: UserFileImporter): Promise<void> {
  const entries = Object.entries(importer.mapping.mapping.aggregates ?? {});
  if (entries.length === 0) return;
  const codes = [...new Set(entries.map(([, a]) => a.code))];
  const { rows } = await sql<{ code: string; name: string; datasets: string[] }>`
    SELECT a.code, a.name_en AS name,
           array(SELECT DISTINCT s.dataset_id FROM series s
                 WHERE (s.ref_area = a.code OR s.counterpart_area = a.code) AND s.dataset_id <> ${importer.meta.id}
                 ORDER BY 1) AS datasets
    FROM area a WHERE a.kind = 'aggregate' AND a.code IN (${sql.join(codes)})`.execute(database.db);
  for (const [printed, aggregate] of entries) {
    const held = rows.find((r) => r.code === aggregate.code);
    if (held && held.datasets.length > 0 && held.name !== aggregate.name)
      throw importer.mapping.errorAt(
        ['aggregates', printed, 'name'],
        `"${aggregate.code}" is named "${held.name}" in ${held.datasets.join(', ')}; a file of your own cannot rename it: give that name, or your aggregate a code of its own`,
      );
  }
}

/** Whether a CLI argument names a file rather than a bundled dataset. */
/** True when the argument names a directory (a user who meant a file in it). */
export function isDirectory(argument: string): boolean {
  try {
    return statSync(argument).isDirectory();
  } catch {
    return false;
  }
}

export function isUserFile(argument: string): boolean {
  try {
    return statSync(argument).isFile();
  } catch {
    return false;
  }
}
