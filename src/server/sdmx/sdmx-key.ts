import { createHash } from 'node:crypto';
import { SDMX_AGENCY, SDMX_ID_PATTERN, SDMX_VERSION } from '../../core/sdmx.js';
import { ApiError } from '../http/api-error.js';
import { SdmxSemanticError } from './sdmx-errors.js';

/** The parsing of SDMX 2.1 REST path parts: artefact references and series keys. Pure. */

/** A structure or dataflow reference; null parts are wildcards (`all`, `latest`, omitted). */
export interface ArtefactRef {
  agency: string | null;
  id: string | null;
  version: string | null;
}

const WILDCARDS = new Set(['all', '*', '']);
const LATEST = new Set(['latest', '+', '~']);

/** Agency, id and version path segments of a structure query: `all`, `*` and `latest` match everything. */
export function structureRef(agency?: string, id?: string, version?: string): ArtefactRef {
  return {
    agency: agency === undefined || WILDCARDS.has(agency) ? null : agency,
    id: id === undefined || WILDCARDS.has(id) ? null : id,
    version: version === undefined || WILDCARDS.has(version) || LATEST.has(version) ? null : version,
  };
}

/** True when a structure reference can name one of Bridges' artefacts (agency BRIDGES, version 1.0). */
export function matchesMaintainer(ref: ArtefactRef): boolean {
  return (ref.agency === null || ref.agency === SDMX_AGENCY) && (ref.version === null || ref.version === SDMX_VERSION);
}

/**
 * A data query's flow reference: `ID`, `AGENCY,ID` or `AGENCY,ID,VERSION` (SDMX 2.1), where the
 * version may be `latest`. Throws a 400 naming the reference when it has another shape.
 */
export function parseFlowRef(text: string): ArtefactRef & { id: string } {
  const parts = text.split(',').map((p) => p.trim());
  const shapeError = () =>
    ApiError.invalidParameter(
      'flow',
      `"${text}" is not a dataflow reference: give ID, AGENCY,ID or AGENCY,ID,VERSION, e.g. ${SDMX_AGENCY},UNDESA_IMS_2024_MIGRANT_STOCK,${SDMX_VERSION} (the list is at /api/sdmx/dataflow)`,
    );
  if (parts.length > 3 || parts.some((p) => p !== '' && !SDMX_ID_PATTERN.test(p) && !/^\d+(\.\d+)*$/.test(p)))
    throw shapeError();
  const [first, second, third] = parts;
  const ref =
    parts.length === 1 ? structureRef(undefined, first, undefined) : structureRef(first, second, third ?? undefined);
  if (ref.id === null) throw shapeError();
  return { ...ref, id: ref.id };
}

/**
 * A series key: dot-separated positions in the order of `dimensions`, each empty (or `*`) for
 * every value or codes joined by `+`; `all` (or no key) selects everything. Returns, for each
 * dimension, the codes asked for or null for all. Throws a 400 naming the key and the expected
 * dimensions when the key does not fit.
 */
export function parseSeriesKey(key: string | undefined, dimensions: string[], flowId: string): (string[] | null)[] {
  // Not trimmed: a space is no part of a code, at an end of the key as anywhere in it.
  const text = key ?? '';
  if (text === '' || text === 'all' || text === '*') return dimensions.map(() => null);
  const positions = text.split('.');
  const expected = dimensions.join('.');
  // SDMX-JSON's own example of a semantic error (150): the key is well formed, the flow has other dimensions.
  if (positions.length !== dimensions.length) {
    throw new SdmxSemanticError(
      'key',
      `the key "${text}" has ${String(positions.length)} position${positions.length === 1 ? '' : 's'} but ${flowId} has ${String(dimensions.length)} dimensions before TIME_PERIOD: ${expected}. Leave a position empty for every value and join codes with +, e.g. ${exampleKey(dimensions)}; TIME_PERIOD is chosen with startPeriod and endPeriod.`,
    );
  }
  return positions.map((position, i) => {
    if (position === '' || position === '*') return null;
    const codes = position.split('+');
    const bad = codes.find((c) => !SDMX_ID_PATTERN.test(c));
    if (bad !== undefined) {
      throw ApiError.invalidParameter(
        'key',
        `the key "${text}" has ${bad === '' ? 'an empty code' : `"${bad}"`} at ${dimensions[i] ?? 'a position'}: codes are letters, digits, _, @, $ and -, joined by + (the dimensions are ${expected})`,
      );
    }
    return [...new Set(codes)];
  });
}

function exampleKey(dimensions: string[]): string {
  const sample: Record<string, string> = { FREQ: 'A', REF_AREA: 'USA', COUNTERPART_AREA: 'MEX+CAN', SEX: '' };
  return dimensions.map((d) => sample[d] ?? '').join('.');
}

/**
 * The SDMX code of a value of a source's own dimension (`dims` in the series table): the value
 * itself when it is a valid SDMX id (`refugee`, `200`), otherwise the value with every other
 * character replaced by `_` and 6 hex digits of its MD5 (`asylum seeker` → `asylum_seeker_1b2c3d`),
 * so codes stay stable and distinct. `codeOfDimsValueSql` in the repository computes the same.
 */
export function codeOfDimsValue(value: string): string {
  if (SDMX_ID_PATTERN.test(value)) return value;
  const hash = createHash('md5').update(value, 'utf8').digest('hex').slice(0, 6);
  return `${value.replace(/[^A-Za-z0-9_@$-]/gu, '_')}_${hash}`;
}

/** Where DataPlan.dimsNames keeps the name of a code of a source's own dimension. */
export function dimsNameKey(key: string, code: string): string {
  return `${key}\u0000${code}`;
}
