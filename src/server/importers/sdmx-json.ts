import { decodeUtf8, READ_BATCH, yieldToEventLoop } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { UNIT_MULT_PROBLEM, UnitMultiplier } from './unit-mult.js';
import type { CellRef, ObservationField, RawObservation, ReaderInput } from './user-files.js';
import { listSome } from './report-list.js';

/** How many names a report line lists. */
const LISTED = 50;

/**
 * SDMX-JSON data messages: version 1.0 (`{ meta, data: { structure, dataSets } }`), the earlier
 * draft many publishers still serve (`{ header, structure, dataSets }`) and 2.0 (`data.structures`).
 * Observations are grouped in series (`"0:1:0": { observations: { "3": [value, attr…] } }`) or flat
 * (`dataSets[0].observations["0:1:0:3"]`); each key is the index of a value of each dimension in
 * the structure, in the structure's order.
 */
export async function readSdmxJson({ file, mapping, sink, report, progress }: ReaderInput): Promise<void> {
  const text = withoutBom(decodeUtf8(file));
  const root = parseJsonText(file.name, text);
  const lines = new Map<string, number | undefined>();
  const cell = (at: PropertyKey[]): CellRef => ({
    get line() {
      const key = formatJsonPath(at);
      if (!lines.has(key)) lines.set(key, jsonLineAt(text, at));
      return lines.get(key);
    },
    error: (problem) => jsonErrorAt(file.name, text, at, problem),
  });
  const fail = (at: PropertyKey[], problem: string) => jsonErrorAt(file.name, text, at, problem);

  if (!isRecord(root)) throw fail([], 'is not an SDMX-JSON data message: expected a JSON object');
  const base: PropertyKey[] = isRecord(root.data) ? ['data'] : [];
  const message = isRecord(root.data) ? root.data : root;
  if (!Array.isArray(message.dataSets)) {
    if (Array.isArray(root.errors) && root.errors.length) {
      throw fail(['errors'], `is an error message, not data: ${JSON.stringify(root.errors).slice(0, 300)}`);
    }
    throw fail(base, 'has no "dataSets": not an SDMX-JSON data message');
  }
  const { sdmx } = mapping;
  const unstored = new Set<string>();
  const multiplier = new UnitMultiplier();
  /** Series keys that have no observations; and members no SDMX-JSON version defines, with their count. */
  const keysOnly: string[] = [];
  const notRead = new Map<string, number>();
  const dataSets = message.dataSets as unknown[];
  let seriesDone = 0;
  const seriesTotal = dataSets.reduce<number>(
    (n, ds) => n + (isRecord(ds) ? Object.keys(isRecord(ds.series) ? ds.series : (ds.observations ?? {})).length : 0),
    0,
  );

  const step = `reading ${file.name}`;
  for (const [di, ds] of dataSets.entries()) {
    const dsPath = [...base, 'dataSets', di];
    if (!isRecord(ds)) throw fail(dsPath, 'a data set must be a JSON object');
    if (typeof ds.action === 'string' && /^delete$/i.test(ds.action)) {
      throw fail([...dsPath, 'action'], 'a "Delete" data set removes data and cannot be imported');
    }
    let structure: unknown;
    let structPath: PropertyKey[];
    if (isRecord(message.structure)) {
      structure = message.structure;
      structPath = [...base, 'structure'];
    } else {
      const si = typeof ds.structure === 'number' ? ds.structure : 0;
      structure = Array.isArray(message.structures) ? message.structures[si] : undefined;
      structPath = [...base, 'structures', si];
    }
    if (!isRecord(structure)) throw fail(structPath, 'no structure describes the dimensions of this data set');
    const flow = dataflowsOf(structure)[0];
    if (flow && !report.notes.includes(`dataflow ${flow}`)) report.notes.push(`dataflow ${flow}`);
    const measures =
      isRecord(structure.measures) && Array.isArray(structure.measures.observation)
        ? structure.measures.observation.length
        : 1;
    if (measures !== 1)
      throw fail(
        [...structPath, 'measures'],
        `${String(measures)} measures per observation: only one (OBS_VALUE) can be imported`,
      );

    const component = (kind: 'dimensions' | 'attributes', level: 'dataSet' | 'series' | 'observation') =>
      components(structure as Record<string, unknown>, kind, level, structPath, fail);
    const dims = {
      dataSet: component('dimensions', 'dataSet'),
      series: component('dimensions', 'series'),
      observation: component('dimensions', 'observation'),
    };
    const attrs = {
      dataSet: component('attributes', 'dataSet'),
      series: component('attributes', 'series'),
      observation: component('attributes', 'observation'),
    };
    const allDims = [...dims.dataSet, ...dims.series, ...dims.observation];
    const time = allDims.find((d) => d.isTime);
    const ids = allDims.map((d) => d.id);
    if (!time)
      throw fail(
        [...structPath, 'dimensions'],
        `no time dimension (TIME_PERIOD) among the dimensions ${ids.join(', ')}`,
      );
    if (!ids.includes(sdmx.refArea)) {
      throw fail(
        [...structPath, 'dimensions'],
        `no dimension "${sdmx.refArea}" among ${ids.join(', ')}: name the area dimension in "sdmx.refArea" of ${mapping.file}`,
      );
    }
    for (const a of [...attrs.dataSet, ...attrs.series, ...attrs.observation]) {
      if (a.id !== sdmx.status && a.id !== 'UNIT_MULT' && !FLAG_ATTRIBUTES.has(a.id)) unstored.add(a.id);
    }

    // Data-set level: one value each.
    const fixed: Picked[] = [];
    dims.dataSet.forEach((d) => {
      // A dimension at data-set level has one value for the whole data set; with two, which one?
      if (d.values.length !== 1)
        throw fail(
          [...d.path, 'values'],
          `${d.id} is a data-set-level dimension with ${String(d.values.length)} values: it must have exactly one (or be a series or observation dimension)`,
        );
      fixed.push(pick(d, 0, fail));
    });
    const dsAttrIndex = attributeIndices(ds, dsPath, fail);
    attrs.dataSet.forEach((a, k) => {
      const idx = dsAttrIndex[k] ?? (a.values.length === 1 ? 0 : null);
      if (typeof idx === 'number') fixed.push(pick(a, idx, fail));
    });

    const emit = (picked: Picked[], obsPath: PropertyKey[], obs: unknown) => {
      if (!Array.isArray(obs)) throw fail(obsPath, 'an observation must be an array [value, attribute indices…]');
      const all = [...picked];
      attrs.observation.forEach((a, k) => {
        const idx: unknown = obs[1 + k];
        if (typeof idx === 'number') all.push(pick(a, idx, fail, [...obsPath, 1 + k]));
        else if (idx !== null && idx !== undefined)
          throw fail([...obsPath, 1 + k], 'an attribute value must be an index or null');
      });
      const byId = new Map(all.map((p) => [p.id, p]));
      const value: unknown = obs[0];
      if (value !== null && value !== undefined && typeof value !== 'number' && typeof value !== 'string') {
        throw fail([...obsPath, 0], `${JSON.stringify(value)} is not a number`);
      }
      const mult = byId.get('UNIT_MULT');
      const scaled = multiplier.apply(value ?? null, mult?.code);
      if (scaled === null && value !== null && value !== undefined)
        throw fail(mult?.path ?? [...obsPath, 0], UNIT_MULT_PROBLEM(mult?.code ?? ''));
      const raw: RawObservation = {
        dataflow: flow,
        refArea: byId.get(sdmx.refArea)?.code ?? '',
        counterpart: byId.get(sdmx.counterpart)?.code,
        sex: byId.get(sdmx.sex)?.code,
        indicator: byId.get(sdmx.indicator)?.code,
        period: byId.get(time.id)?.code ?? '',
        freq: byId.get('FREQ')?.code,
        value: scaled,
        status: byId.get(sdmx.status)?.code,
        flags:
          [...FLAG_ATTRIBUTES]
            .map((f) => byId.get(f)?.code)
            .filter(Boolean)
            .join(' ') || undefined,
        dims: {},
      };
      const special = new Set([sdmx.refArea, sdmx.counterpart, sdmx.sex, sdmx.indicator, time.id, 'FREQ']);
      for (const d of allDims) {
        const p = byId.get(d.id);
        if (!special.has(d.id) && p) raw.dims[d.id] = p.code;
      }
      const where: Record<string, string> = {
        refArea: sdmx.refArea,
        counterpart: sdmx.counterpart,
        sex: sdmx.sex,
        indicator: sdmx.indicator,
        period: time.id,
        freq: 'FREQ',
        status: sdmx.status,
      };
      sink.add(raw, (field: ObservationField) => {
        const id = field.startsWith('dim:') ? field.slice(4) : where[field];
        const p = id === undefined ? undefined : byId.get(id);
        return cell(field === 'value' || !p ? [...obsPath, 0] : p.path);
      });
    };

    const keyed = (key: string, list: Component[], at: PropertyKey[]): Picked[] => {
      const parts = key === '' ? [] : key.split(':');
      if (parts.length !== list.length) {
        throw fail(
          at,
          `key "${key}" has ${String(parts.length)} part(s) but ${String(list.length)} dimension(s) are at this level`,
        );
      }
      return parts.map((part, k) => {
        const idx = Number(part);
        if (!/^\d+$/.test(part)) throw fail(at, `key "${key}": "${part}" is not an index`);
        return pick(list[k] as Component, idx, fail, at);
      });
    };

    const { series: seriesGroup, observations: flat } = dataSetData(ds, dsPath, fail, notRead);
    if (seriesGroup) {
      for (const [key, series] of Object.entries(seriesGroup)) {
        const sPath = [...dsPath, 'series', key];
        if (!isRecord(series)) throw fail(sPath, 'a series must be a JSON object');
        const seriesKey = keyed(key, dims.series, sPath);
        const picked = [...fixed, ...seriesKey];
        const sAttr = attributeIndices(series, sPath, fail);
        attrs.series.forEach((a, k) => {
          const idx: unknown = sAttr[k];
          if (typeof idx === 'number') picked.push(pick(a, idx, fail, [...sPath, 'attributes', k]));
        });
        const what = seriesKey.length ? `series "${key}" (${describeKey(seriesKey)})` : `series "${key}"`;
        const observations = seriesObservations(series, sPath, what, fail, notRead);
        if (!observations) keysOnly.push(key);
        for (const [obsKey, obs] of Object.entries(observations ?? {})) {
          const oPath = [...sPath, 'observations', obsKey];
          emit([...picked, ...keyed(obsKey, dims.observation, oPath)], oPath, obs);
        }
        if (++seriesDone % 1000 === 0) {
          progress(step, seriesDone, seriesTotal);
          await yieldToEventLoop();
        }
      }
    } else if (flat) {
      for (const [obsKey, obs] of Object.entries(flat)) {
        const oPath = [...dsPath, 'observations', obsKey];
        emit([...fixed, ...keyed(obsKey, dims.observation, oPath)], oPath, obs);
        if (++seriesDone % READ_BATCH === 0) {
          progress(step, seriesDone, seriesTotal);
          await yieldToEventLoop();
        }
      }
    }
  }
  progress(step, seriesTotal, seriesTotal);
  if (keysOnly.length) {
    report.notes.push(
      `${String(keysOnly.length)} series with no observations (keys only, nothing to import): ${listSome(
        keysOnly.map((k) => `"${k}"`),
        5,
      )}`,
    );
  }
  if (notRead.size) {
    const list = listSome(
      [...notRead].map(([member, n]) => `${member} (${String(n)})`),
      LISTED,
    );
    report.notes.push(`members SDMX-JSON does not define, not read: ${list}`);
  }
  if (unstored.size) report.notes.push(`attributes not stored: ${listSome([...unstored], LISTED)}`);
  report.notes.push(...multiplier.notes());
}

/** The members SDMX-JSON (1.0 and 2.0) gives a series and a data set; others are reported as not read. */
const SERIES_MEMBERS = new Set(['attributes', 'annotations', 'observations']);
const DATA_SET_MEMBERS = new Set([
  'action',
  'reportingBegin',
  'reportingEnd',
  'validFrom',
  'validTo',
  'publicationYear',
  'publicationPeriod',
  'links',
  'annotations',
  'attributes',
  'dimensionGroupAttributes',
  'structure',
  'series',
  'observations',
]);

type Fail = (at: PropertyKey[], problem: string) => Error;

/**
 * Where a data set keeps its observations: grouped in "series", or flat in "observations". A data
 * set with neither is empty, unless it has a member SDMX-JSON does not define: a misspelt
 * "series" would lose every value in it, so that is an error.
 */
function dataSetData(
  ds: Record<string, unknown>,
  dsPath: PropertyKey[],
  fail: Fail,
  notRead: Map<string, number>,
): { series?: Record<string, unknown>; observations?: Record<string, unknown> } {
  const series = objectMember(ds, 'series', dsPath, fail, 'series key → series');
  const observations = objectMember(ds, 'observations', dsPath, fail, 'observation key → [value, attribute indices…]');
  if (series && observations) {
    throw fail(
      [...dsPath, 'observations'],
      'a data set holds its observations either in "series" or flat in "observations", not in both',
    );
  }
  const unknown = unknownMembers(ds, DATA_SET_MEMBERS);
  if (!series && !observations && unknown[0] !== undefined) {
    throw fail(
      [...dsPath, unknown[0]],
      `the data set has neither "series" nor "observations" but a member "${unknown[0]}" that SDMX-JSON does not define: is it misspelt? Its values cannot be read`,
    );
  }
  for (const name of unknown) countIn(notRead, `data set member "${name}"`);
  return { series, observations };
}

/**
 * A series' observations, or undefined when it has none (a keys-only message). A series with no
 * "observations" but a member SDMX-JSON does not define has most likely misspelt it ("obsevations"):
 * its values would be lost, so that is an error.
 */
function seriesObservations(
  series: Record<string, unknown>,
  sPath: PropertyKey[],
  what: string,
  fail: Fail,
  notRead: Map<string, number>,
): Record<string, unknown> | undefined {
  const observations = objectMember(
    series,
    'observations',
    sPath,
    fail,
    'observation key → [value, attribute indices…]',
  );
  const unknown = unknownMembers(series, SERIES_MEMBERS);
  if (!observations && unknown[0] !== undefined) {
    throw fail(
      [...sPath, unknown[0]],
      `${what} has no "observations" but a member "${unknown[0]}" that SDMX-JSON does not define: is it misspelt? Its values cannot be read`,
    );
  }
  for (const name of unknown) countIn(notRead, `series member "${name}"`);
  return observations;
}

/** The "attributes" of a data set or series: value indices; none when absent or null, an error when not a list. */
function attributeIndices(o: Record<string, unknown>, at: PropertyKey[], fail: Fail): unknown[] {
  const value = o.attributes;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail([...at, 'attributes'], '"attributes" must be an array of value indices');
  return value;
}

/**
 * An object member, or undefined when absent or null (which SDMX-JSON says mean the same) or an
 * empty array (PHP's json_encode writes an empty object so); any other value is an error.
 */
function objectMember(
  o: Record<string, unknown>,
  name: string,
  at: PropertyKey[],
  fail: Fail,
  shape: string,
): Record<string, unknown> | undefined {
  const value = o[name];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  if (!isRecord(value)) throw fail([...at, name], `"${name}" must be a JSON object (${shape})`);
  return value;
}

function unknownMembers(o: Record<string, unknown>, known: Set<string>): string[] {
  return Object.keys(o).filter((name) => !known.has(name));
}

function countIn(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `REF_AREA=FRA, SEX=_T`: a series key's codes, for a message. */
function describeKey(picked: Picked[]): string {
  return picked.map((p) => `${p.id}=${p.code}`).join(', ');
}

/** Attributes kept as the observation's flags, as the source printed them. */
const FLAG_ATTRIBUTES = new Set(['OBS_FLAG', 'OBS_FLAGS', 'FLAGS']);

interface Component {
  id: string;
  isTime: boolean;
  /** Each value's code; null when a dimension value has no id. */
  values: (string | null)[];
  path: PropertyKey[];
}

interface Picked {
  id: string;
  code: string;
  path: PropertyKey[];
}

function components(
  structure: Record<string, unknown>,
  kind: 'dimensions' | 'attributes',
  level: 'dataSet' | 'series' | 'observation',
  structPath: PropertyKey[],
  fail: Fail,
): Component[] {
  const group = structure[kind];
  const list = isRecord(group) ? group[level] : undefined;
  if (list === undefined || list === null) return [];
  const at = [...structPath, kind, level];
  if (!Array.isArray(list)) throw fail(at, 'must be an array of components');
  return list.map((c, k) => {
    if (!isRecord(c) || typeof c.id !== 'string') throw fail([...at, k], 'a component needs an "id"');
    const roles = [c.role, c.roles].flat().filter((r): r is string => typeof r === 'string');
    // An attribute value may carry only a name (free text such as a source's flags); a dimension value needs its id.
    const values = Array.isArray(c.values) ? c.values.map((v) => valueCode(v, kind === 'attributes')) : [];
    // "\u0000" is valid JSON, but no code has one and the database refuses it in text.
    const nul = values.findIndex((v) => v?.includes('\u0000'));
    if (nul !== -1) throw fail([...at, k, 'values', nul], `a value of "${c.id}" holds a NUL character (\\u0000)`);
    return {
      id: c.id,
      isTime:
        kind === 'dimensions' &&
        (c.id === 'TIME_PERIOD' || c.id === 'TIME' || roles.some((r) => /^(time|TIME_PERIOD)$/.test(r))),
      values,
      path: [...at, k],
    };
  });
}

function pick(c: Component, index: number, fail: Fail, usedAt?: PropertyKey[]): Picked {
  const code = c.values[index];
  if (code === undefined || index < 0) {
    throw fail(
      usedAt ?? c.path,
      `index ${String(index)} of "${c.id}" names no value (the structure lists ${String(c.values.length)})`,
    );
  }
  if (code === null) throw fail([...c.path, 'values', index], `a value of "${c.id}" has no "id"`);
  return { id: c.id, code, path: [...c.path, 'values', index, 'id'] };
}

/** A component value's code: its id, or for an attribute its name when it has no id; null when neither. */
function valueCode(v: unknown, nameWillDo: boolean): string | null {
  if (!isRecord(v)) return null;
  if (typeof v.id === 'string' || typeof v.id === 'number') return String(v.id);
  if (!nameWillDo) return null;
  if (typeof v.name === 'string') return v.name;
  const names = isRecord(v.names) ? Object.values(v.names).filter((n): n is string => typeof n === 'string') : [];
  return names[0] ?? '';
}

/** `urn:…Dataflow=BRIDGES:X(1.0)` → `BRIDGES:X(1.0)`, from the structure's links. */
function dataflowsOf(structure: Record<string, unknown>): string[] {
  const links = Array.isArray(structure.links) ? structure.links : [];
  const flows: string[] = [];
  for (const link of links) {
    if (!isRecord(link)) continue;
    const ref = [link.urn, link.href].find((v): v is string => typeof v === 'string' && /Dataflow=/.test(v));
    const m = ref ? /Dataflow=([^/?#]+)/.exec(ref) : null;
    if (m?.[1] && (link.rel === undefined || link.rel === 'dataflow')) flows.push(decodeURIComponent(m[1]));
  }
  return flows;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// JSON text: parsing with a place for every fault, and finding a value's line.
// ---------------------------------------------------------------------------------------------

/** A byte-order mark becomes a space: JSON.parse refuses it, and positions stay where they were. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** A fault in a JSON file, placed by line and character column, and by the path to the value. */
export class JsonSourceError extends SourceFormatError {
  constructor(file: string, problem: string, where: { line?: number; column?: number; path?: string } = {}) {
    super(file, problem, { line: where.line, column: where.column === undefined ? undefined : String(where.column) });
    const at = [
      where.line !== undefined ? `line ${String(where.line)}` : null,
      where.column !== undefined ? `column ${String(where.column)}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    this.message = `${file}${at ? ` (${at})` : ''}: ${problem}${where.path ? ` [at ${where.path}]` : ''}`;
    this.name = 'SourceFormatError';
  }
}

/** An error about the value at `at` (or the nearest enclosing value the file has), with its line and column. */
export function jsonErrorAt(file: string, text: string, at: readonly PropertyKey[], problem: string): JsonSourceError {
  const offset = locateJson(text, at);
  return new JsonSourceError(file, problem, {
    ...(offset === undefined ? {} : lineColumn(text, offset)),
    path: at.length ? formatJsonPath(at) : undefined,
  });
}

/** The line of the value at `at` (or of the nearest enclosing value the file has). */
export function jsonLineAt(text: string, at: readonly PropertyKey[]): number | undefined {
  const offset = locateJson(text, at);
  return offset === undefined ? undefined : lineColumn(text, offset).line;
}

/** JSON.parse, but a syntax error (a file cut short, a stray comma) names its line and column. */
export function parseJsonText(file: string, text: string): unknown {
  const body = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (err) {
    const fault = new JsonScanner(body, null).fault();
    if (!fault) throw new JsonSourceError(file, `is not valid JSON (${(err as Error).message})`);
    throw new JsonSourceError(file, `is not valid JSON: ${fault.problem}`, lineColumn(body, fault.offset));
  }
  // JSON.parse keeps the last of two members with one name: a series key or an observation given
  // twice, or a mapping's field, would lose data without a word. The scan refuses it instead.
  const repeated = new JsonScanner(body, null).fault();
  if (repeated) throw new JsonSourceError(file, repeated.problem, lineColumn(body, repeated.offset));
  return value;
}

/** `['dataSets', 0, 'series', '0:1']` → `dataSets[0].series["0:1"]`. */
export function formatJsonPath(at: readonly PropertyKey[]): string {
  let out = '';
  for (const key of at) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak };
}

/** Offset of the value at `at` (of its property name, in an object), or of the nearest enclosing value present. */
function locateJson(text: string, at: readonly PropertyKey[]): number | undefined {
  const scanner = new JsonScanner(withoutBom(text), at);
  scanner.fault();
  return scanner.bestOffset;
}

const END = 'the text ends too early (is the file cut short?)';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Found extends Error {}
class Fault extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/**
 * A JSON reader that builds nothing: it finds the first syntax fault or member named twice in
 * one object, or the place of a value by its path.
 */
/** SDMX-JSON nests about ten levels deep, a mapping four. */
const MAX_JSON_DEPTH = 100;

class JsonScanner {
  #i = 0;
  readonly #path: PropertyKey[] = [];
  #memberOffset: number | undefined;
  #bestDepth = -1;
  bestOffset: number | undefined;

  constructor(
    private readonly text: string,
    private readonly target: readonly PropertyKey[] | null,
  ) {}

  /** The first fault, or null when the text is valid JSON (or the target was found first). */
  fault(): Fault | null {
    try {
      this.#ws();
      this.#value();
      this.#ws();
      if (this.#i < this.text.length) this.#fail('unexpected text after the end of the JSON value');
      return null;
    } catch (err) {
      if (err instanceof Found) return null;
      if (err instanceof Fault) return err;
      throw err;
    }
  }

  #fail(problem: string): never {
    throw new Fault(this.#i, this.#i >= this.text.length ? END : problem);
  }

  #mark(): void {
    const target = this.target;
    if (!target) return;
    const depth = this.#path.length;
    if (depth <= this.#bestDepth || depth > target.length) return;
    for (let k = 0; k < depth; k++) if (this.#path[k] !== target[k]) return;
    this.#bestDepth = depth;
    this.bestOffset = this.#memberOffset ?? this.#i;
    if (depth === target.length) throw new Found();
  }

  #ws(): void {
    const t = this.text;
    while (this.#i < t.length) {
      const c = t.charCodeAt(this.#i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.#i++;
    }
  }

  /** The scan recurses: a nesting far deeper than any message or mapping is refused where it goes on. */
  #nest(): void {
    if (this.#path.length >= MAX_JSON_DEPTH)
      this.#fail(`nested more than ${String(MAX_JSON_DEPTH)} levels deep; no SDMX-JSON message or mapping is`);
  }

  #value(): void {
    this.#mark();
    this.#memberOffset = undefined;
    const c = this.text[this.#i];
    if (c === '{') this.#object();
    else if (c === '[') this.#array();
    else if (c === '"') this.#string();
    else if (c === 't') this.#literal('true');
    else if (c === 'f') this.#literal('false');
    else if (c === 'n') this.#literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.#number();
    else this.#fail(`unexpected ${JSON.stringify(c)} where a value should be`);
  }

  #object(): void {
    this.#nest();
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === '}') {
      this.#i++;
      return;
    }
    const seen = new Map<string, number>();
    for (;;) {
      this.#ws();
      if (this.text[this.#i] !== '"') this.#fail('expected a property name in double quotes');
      const keyStart = this.#i;
      this.#string();
      const key = JSON.parse(this.text.slice(keyStart, this.#i)) as string;
      const first = seen.get(key);
      if (first !== undefined)
        throw new Fault(
          keyStart,
          `${this.#path.length ? formatJsonPath(this.#path) : 'the top-level object'} has the member ${JSON.stringify(key)} twice (first at line ${String(lineColumn(this.text, first).line)}); give each once`,
        );
      seen.set(key, keyStart);
      this.#ws();
      if (this.text[this.#i] !== ':') this.#fail(`expected ':' after the property name ${JSON.stringify(key)}`);
      this.#i++;
      this.#ws();
      this.#path.push(key);
      this.#memberOffset = keyStart;
      this.#value();
      this.#path.pop();
      this.#ws();
      const c = this.text[this.#i];
      this.#i++;
      if (c === ',') continue;
      if (c === '}') return;
      this.#i--;
      this.#fail(`expected ',' or '}' after the value of ${JSON.stringify(key)}`);
    }
  }

  #array(): void {
    this.#nest();
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === ']') {
      this.#i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.#ws();
      this.#path.push(index);
      this.#value();
      this.#path.pop();
      this.#ws();
      const c = this.text[this.#i];
      this.#i++;
      if (c === ',') continue;
      if (c === ']') return;
      this.#i--;
      this.#fail(`expected ',' or ']' after an array element`);
    }
  }

  #string(): void {
    this.#i++;
    for (;;) {
      const t = this.text;
      // Skip plain characters: anything but a quote, a backslash or a control character.
      for (let code = t.charCodeAt(this.#i); this.#i < t.length && code !== 0x22 && code !== 0x5c && code >= 0x20;) {
        code = t.charCodeAt(++this.#i);
      }
      const c = t[this.#i];
      if (c === '"') {
        this.#i++;
        return;
      }
      if (c === '\\') {
        const e = this.text[this.#i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.#i + 2, this.#i + 6))) this.#i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.#i += 2;
        else {
          if (e !== undefined) this.#i++;
          this.#fail('a bad escape sequence in a string');
        }
        continue;
      }
      this.#fail('a line break or control character inside a string');
    }
  }

  #number(): void {
    NUMBER.lastIndex = this.#i;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '-' || m[0] === '') this.#fail('a malformed number');
    // JSON.parse reads 1e-400 as 0: a figure the file gives would be stored as another. Only a
    // number with an exponent or hundreds of digits can be that small.
    const text = m[0];
    if ((text.length > 300 || /[eE]/.test(text)) && Number(text) === 0 && /[1-9]/.test(text.replace(/[eE].*$/, '')))
      throw new Fault(this.#i, `the number ${text} is too small to store (below ±4.9e-324): it would become 0`);
    this.#i = NUMBER.lastIndex;
  }

  #literal(word: string): void {
    if (this.text.startsWith(word, this.#i)) {
      this.#i += word.length;
      return;
    }
    const got = /^[A-Za-z]*/.exec(this.text.slice(this.#i, this.#i + 20))?.[0] ?? '';
    if (this.#i + got.length >= this.text.length && word.startsWith(got)) {
      this.#i = this.text.length;
      this.#fail(END);
    }
    this.#fail(`unexpected "${got}" where a value should be`);
  }
}
