import type { MediaRange, Offer } from '../http/negotiate.js';

/**
 * The media types the SDMX routes answer in, as offers to http/negotiate.ts: SDMX-JSON 1.0 (the
 * default, for `*∕*` and no Accept), SDMX-CSV 1.0 and SDMX-ML 2.1, with the plain types clients
 * send (R's rsdmx sends application/xml and gets SDMX-ML).
 */

/** SDMX media types carry a version; ours are 1.0 (SDMX 2.1 era), and no version means any. */
function version1(r: MediaRange): boolean {
  return r.params.version === undefined || /^1\.0(\.0)?(-wd)?$/.test(r.params.version);
}

const anything = (r: MediaRange) => r.type === '*/*' || r.type === 'application/*';

/** SDMX-ML 2.1 media types carry version 2.1, or none. */
function version21(r: MediaRange): boolean {
  return r.params.version === undefined || r.params.version === '2.1';
}

const xml = (r: MediaRange) => r.type === 'application/xml' || r.type === 'text/xml';

/**
 * SDMX-CSV 1.0 takes its options as media-type parameters: `labels` (id, the default, or both;
 * SDMX-CSV 2.0's `name` is not offered) and `timeFormat` (original, the default; `normalized`,
 * periods as ISO dates, is not offered). A range asking for an option Bridges does not give is
 * not taken, so the client gets another format it accepts or a 406, not a CSV it did not ask for.
 */
function csvOptionsServed(r: MediaRange): boolean {
  const labels = r.params.labels?.toLowerCase();
  const timeFormat = r.params.timeformat?.toLowerCase();
  return (labels === undefined || labels === 'id' || labels === 'both') && (timeFormat ?? 'original') === 'original';
}

/** The labels an SDMX-CSV answer's Accept range asks for: `labels=both` in the media type, else id. */
export function csvLabelsOf(range: MediaRange | null): 'id' | 'both' {
  return range?.params.labels?.toLowerCase() === 'both' ? 'both' : 'id';
}

export const DATA_OFFERS: Offer<'json' | 'csv' | 'xml'>[] = [
  {
    format: 'json',
    accepts: (r) =>
      anything(r) ||
      r.type === 'application/json' ||
      r.type === 'text/json' ||
      (r.type === 'application/vnd.sdmx.data+json' && version1(r)),
  },
  {
    format: 'csv',
    accepts: (r) =>
      anything(r) ||
      ((r.type === 'text/csv' || r.type === 'text/*' || (r.type === 'application/vnd.sdmx.data+csv' && version1(r))) &&
        csvOptionsServed(r)),
  },
  {
    format: 'xml',
    accepts: (r) => anything(r) || xml(r) || (r.type === 'application/vnd.sdmx.genericdata+xml' && version21(r)),
  },
];
export const DATA_SUPPORTED = [
  'application/vnd.sdmx.data+json;version=1.0.0',
  'application/vnd.sdmx.data+csv;version=1.0.0',
  'application/vnd.sdmx.data+csv;version=1.0.0;labels=both',
  'application/vnd.sdmx.genericdata+xml;version=2.1',
  'application/json',
  'text/csv',
  'application/xml',
];

export const STRUCTURE_OFFERS: Offer<'json' | 'xml'>[] = [
  {
    format: 'json',
    accepts: (r) =>
      anything(r) ||
      r.type === 'application/json' ||
      r.type === 'text/json' ||
      (r.type === 'application/vnd.sdmx.structure+json' && version1(r)),
  },
  {
    format: 'xml',
    accepts: (r) => anything(r) || xml(r) || (r.type === 'application/vnd.sdmx.structure+xml' && version21(r)),
  },
];
export const STRUCTURE_SUPPORTED = [
  'application/vnd.sdmx.structure+json;version=1.0',
  'application/vnd.sdmx.structure+xml;version=2.1',
  'application/json',
  'application/xml',
];

/** An SDMX-ML media type of any message (generic or structure-specific data, structure…), any version. */
const sdmxMl = (r: MediaRange) => /^application\/vnd\.sdmx\.[a-z]+\+xml$/.test(r.type);

/**
 * What an error is written in (sdmx-errors.ts): the API's JSON error with SDMX-JSON's `errors` (the
 * default, for `*∕*`, no Accept, and what asks for JSON or CSV: SDMX-CSV has no error format), or
 * SDMX-ML's Error message for a client that asks for XML, any SDMX-ML message included (a client
 * asking for structure-specific data, which Bridges does not write, still reads SDMX-ML).
 */
export const ERROR_OFFERS: Offer<'json' | 'xml'>[] = [
  {
    format: 'json',
    accepts: (r) =>
      anything(r) ||
      r.type === 'application/json' ||
      r.type === 'text/json' ||
      r.type === 'text/csv' ||
      /^application\/vnd\.sdmx\.[a-z]+\+(json|csv)$/.test(r.type),
  },
  { format: 'xml', accepts: (r) => anything(r) || xml(r) || sdmxMl(r) },
];
