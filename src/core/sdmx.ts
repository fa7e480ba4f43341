import { z } from 'zod';
import { NAME_LANGUAGES } from './languages.js';
import { wholeNumber } from './params.js';

// The zod-free ids live in sdmx-ids.ts (the UI imports them without zod).
export * from './sdmx-ids.js';

/**
 * The SDMX 2.1 REST interface's vocabulary, shared by the server (validation, OpenAPI) and any
 * client that wants to build SDMX links: the agency, the flow-id scheme, the query parameters.
 */

/** A time span as SDMX reporting periods and ISO dates name it; `end` is exclusive. */
export interface PeriodSpan {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function monthSpan(year: number, firstMonth: number, months: number): PeriodSpan {
  return {
    start: isoDate(Date.UTC(year, firstMonth - 1, 1)),
    end: isoDate(Date.UTC(year, firstMonth - 1 + months, 1)),
  };
}

/**
 * The dates an SDMX period covers: `2020`, `2020-A1`, `2020-S2`, `2020-T1`, `2020-Q3`, `2020-06`,
 * `2020-M06`, `2020-W05` (ISO week), `2020-D061`, `2020-06-30`. Null when the text is none of these.
 */
export function parseSdmxPeriod(text: string): PeriodSpan | null {
  const t = text.trim();
  // There is no year 0 (and no observation before the Common Era).
  if (t.startsWith('0000')) return null;
  let m = /^(\d{4})(?:-A1)?$/.exec(t);
  if (m) return monthSpan(Number(m[1]), 1, 12);
  m = /^(\d{4})-S([12])$/.exec(t);
  if (m) return monthSpan(Number(m[1]), (Number(m[2]) - 1) * 6 + 1, 6);
  m = /^(\d{4})-T([1-3])$/.exec(t);
  if (m) return monthSpan(Number(m[1]), (Number(m[2]) - 1) * 4 + 1, 4);
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) return monthSpan(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = /^(\d{4})-M?(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthSpan(Number(m[1]), month, 1) : null;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    // ISO 8601: week 1 holds 4 January; weeks start on Monday.
    const jan4 = Date.UTC(year, 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    const thursdayAtAnEnd = [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)].some((d) => new Date(d).getUTCDay() === 4);
    const weeksInYear = thursdayAtAnEnd ? 53 : 52;
    if (week < 1 || week > weeksInYear) return null;
    const start = monday1 + (week - 1) * 7 * DAY_MS;
    return { start: isoDate(start), end: isoDate(start + 7 * DAY_MS) };
  }
  m = /^(\d{4})-D(\d{3})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const day = Number(m[2]);
    const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
    if (day < 1 || day > days) return null;
    const start = Date.UTC(year, 0, day);
    return { start: isoDate(start), end: isoDate(start + DAY_MS) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (isoDate(start) !== t) return null; // 2021-02-30 and the like
    return { start: isoDate(start), end: isoDate(start + DAY_MS) };
  }
  return null;
}

/**
 * A startPeriod or endPeriod as SDMX 2.1 REST allows it: an SDMX period, or an ISO 8601 date-time
 * (`2020-01-01T00:00:00`, with seconds' fractions or a zone), which stands for its day: Bridges'
 * periods are days at the finest. Null when the text is neither.
 */
export function parseSdmxQueryPeriod(text: string): PeriodSpan | null {
  const t = text.trim();
  // A time of day that is one (23:59:59 at most) and a zone that is one (±14:00 at most).
  const dateTime =
    /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?$/.exec(t);
  return parseSdmxPeriod(dateTime?.[1] ?? t);
}

const PERIOD_MESSAGE =
  'must be a period such as 2020, 2020-S1, 2020-Q3, 2020-06 or 2020-06-30, or a date-time such as 2020-06-30T00:00:00';
const period = z
  .string()
  .trim()
  .refine((v) => parseSdmxQueryPeriod(v) !== null, { message: PERIOD_MESSAGE });
const observationCount = wholeNumber(1, 1_000_000);
/** A link cannot send Accept-Language: `lang` says it in the address (the UI's SDMX links do). */
const lang = z
  .enum(NAME_LANGUAGES)
  .optional()
  .describe(
    'The language of the names, instead of the Accept-Language header (which a link cannot send): fr or es (areas, indicators, units, sexes, SDMX’s concepts and codes), ar, ru or zh (areas only), en; a name Bridges does not have in it is in English. Without it, Accept-Language chooses',
  );

/** `format=` values of a data query; the Accept header says the same with media types. */
export const SDMX_DATA_FORMATS = [
  'jsondata',
  'sdmx-json',
  'json',
  'csv',
  'csvdata',
  'sdmx-csv',
  'genericdata',
  'xml',
  'sdmx-ml',
] as const;
/**
 * `format=` values naming SDMX formats Bridges does not write (structure-specific, compact,
 * cross-sectional, utility and EDI data, generic time series): a 406, as their media types in an
 * Accept header are, rather than a 400 as if the name were mistyped.
 */
export const SDMX_UNSERVED_DATA_FORMATS = [
  'structurespecificdata',
  'structurespecifictimeseriesdata',
  'generictimeseriesdata',
  'compactdata',
  'crosssectionaldata',
  'utilitydata',
  'edidata',
] as const;

export function isUnservedDataFormat(
  format: string | undefined,
): format is (typeof SDMX_UNSERVED_DATA_FORMATS)[number] {
  return (SDMX_UNSERVED_DATA_FORMATS as readonly (string | undefined)[]).includes(format);
}

/** `format=` values of a structure query. */
export const SDMX_STRUCTURE_FORMATS = ['sdmx-json', 'json', 'xml', 'sdmx-ml'] as const;

/** What a `format=` value of a data query asks for. */
export function sdmxDataFormat(format: (typeof SDMX_DATA_FORMATS)[number]): 'json' | 'csv' | 'xml' {
  if (format === 'csv' || format === 'csvdata' || format === 'sdmx-csv') return 'csv';
  if (format === 'genericdata' || format === 'xml' || format === 'sdmx-ml') return 'xml';
  return 'json';
}

export const SdmxDataQuery = z.strictObject({
  startPeriod: period
    .optional()
    .describe('First period wanted (inclusive): 2000, 2000-Q1, 2000-01-01…; a date-time stands for its day'),
  endPeriod: period.optional().describe('Last period wanted (inclusive)'),
  dimensionAtObservation: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][A-Za-z0-9_@$-]*$/,
      'must be TIME_PERIOD (time series, the default), AllDimensions (flat) or a dimension id',
    )
    .optional()
    .describe(
      'TIME_PERIOD: observations grouped in time series (default); AllDimensions: a flat list (only with observations: with detail=serieskeysonly or nodata, a 400); another dimension of the flow: 501 Not Implemented; a name the flow has no dimension by: 400. SDMX-CSV is one row per observation, with its whole key, either way',
    ),
  detail: z
    .enum(['full', 'dataonly', 'serieskeysonly', 'nodata'])
    .optional()
    .describe(
      'full (default); dataonly: no attributes; serieskeysonly: the matching series, no observation; nodata: series and their attributes',
    ),
  firstNObservations: observationCount
    .optional()
    .describe(
      'At most this many observations per series, the earliest (only with observations: with detail=serieskeysonly or nodata, a 400)',
    ),
  lastNObservations: observationCount
    .optional()
    .describe(
      'At most this many observations per series, the latest (only with observations: with detail=serieskeysonly or nodata, a 400)',
    ),
  format: z
    .enum([...SDMX_DATA_FORMATS, ...SDMX_UNSERVED_DATA_FORMATS])
    .optional()
    .describe(
      'Instead of an Accept header: jsondata (SDMX-JSON 1.0), csv (SDMX-CSV 1.0) or genericdata (SDMX-ML 2.1 generic data); another SDMX format (structurespecificdata, compactdata…) is a 406',
    ),
  updatedAfter: z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
      error:
        'must be a date or a date-time, as SDMX asks: 2024-01-01, 2024-01-01T00:00:00 or 2024-01-01T00:00:00Z (an offset as %2B01:00)',
    })
    .optional()
    .describe(
      'A date or date-time (an invalid one is a 400); not implemented (501): Bridges keeps when an edition was loaded, not when each value changed',
    ),
  includeHistory: z
    .enum(['false', 'true', '0', '1'])
    .optional()
    .describe(
      'false (the default) is what Bridges answers: the values as published; true is not implemented (501): editions are separate dataflows',
    ),
  bom: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'SDMX-CSV only (a 400 when the answer is SDMX-JSON or SDMX-ML): true starts the file with a UTF-8 byte-order mark, so that Excel opening it reads accented names right; default false, for programs',
    ),
  labels: z
    .enum(['id', 'both'])
    .optional()
    .describe(
      'SDMX-CSV only (a 400 when the answer is SDMX-JSON or SDMX-ML): id (default) or both ("USA: United States of America"). The same as labels=both in the SDMX-CSV media type (Accept: application/vnd.sdmx.data+csv;version=1.0.0;labels=both), which this parameter overrides',
    ),
  lang,
});
export type SdmxDataQuery = z.infer<typeof SdmxDataQuery>;

export const SdmxStructureQuery = z.strictObject({
  references: z
    .enum([
      'none',
      'parents',
      'parentsandsiblings',
      'children',
      'descendants',
      'all',
      'dataflow',
      'datastructure',
      'codelist',
      'conceptscheme',
    ])
    .optional()
    .describe('Structures to add: children/descendants/all add the data structures, codelists and concepts'),
  detail: z
    .enum(['full', 'allstubs', 'referencestubs', 'referencepartial', 'allcompletestubs', 'referencecompletestubs'])
    .optional()
    .describe(
      'full (default); allstubs: ids and names only; referencestubs: the added structures as stubs. The other values of SDMX 2.1 answer 501 Not Implemented',
    ),
  format: z
    .enum(SDMX_STRUCTURE_FORMATS)
    .optional()
    .describe('Instead of an Accept header: sdmx-json (SDMX-JSON 1.0) or xml (SDMX-ML 2.1)'),
  lang,
});
export type SdmxStructureQuery = z.infer<typeof SdmxStructureQuery>;
