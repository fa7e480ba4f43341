import { ApiError } from '../http/api-error.js';

/**
 * Content negotiation for the SDMX endpoints: the `format` parameter when given, else the best
 * media range of the Accept header (quality values honoured, `*∕*` and no header meaning our
 * default, SDMX-JSON; R's rsdmx sends application/xml and gets SDMX-ML). Nothing acceptable is a
 * 406 that lists what can be had.
 */

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
  order: number;
}

/**
 * `a/b;version=1.0;q=0.5, c/d` → the ranges asked for, best first (higher q, then more specific,
 * then as written); with `refused`, the ranges with q=0 instead (what the client will not take).
 */
export function parseAccept(header: string, refused = false): MediaRange[] {
  return header
    .split(',')
    .map((part, order) => {
      const [type = '', ...rest] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0)
          params[p.slice(0, eq).trim().toLowerCase()] = p
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
      }
      const q = params.q === undefined ? 1 : Number(params.q);
      delete params.q;
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.type !== '' && (refused ? r.q <= 0 : r.q > 0))
    .sort((a, b) => b.q - a.q || specificity(b) - specificity(a) || a.order - b.order);
}

function specificity(r: MediaRange): number {
  return r.type === '*/*' ? 0 : r.type.endsWith('/*') ? 1 : 2;
}

/** SDMX media types carry a version; ours are 1.0 (SDMX 2.1 era), and no version means any. */
function version1(r: MediaRange): boolean {
  return r.params.version === undefined || /^1\.0(\.0)?(-wd)?$/.test(r.params.version);
}

export interface Offer<F extends string> {
  format: F;
  /** Does this media range ask for it? */
  accepts(range: MediaRange): boolean;
}

/**
 * The format to answer in: `format=` wins; else the first Accept range an offer takes; an empty
 * or absent Accept gets the first offer. Throws 406 naming the supported media types.
 */
export function negotiate<F extends string>(
  accept: string | undefined,
  offers: Offer<F>[],
  supported: string[],
): { format: F; range: MediaRange | null } {
  const ranges = accept?.trim() ? parseAccept(accept) : [];
  if (ranges.length === 0 && !accept?.trim()) return { format: (offers[0] as Offer<F>).format, range: null };
  // `application/vnd.sdmx.data+json;q=0, */*`: SDMX-JSON is refused, however broad the range that
  // would take it; a refusal as specific as the range asking, or more, wins.
  const refusals = accept ? parseAccept(accept, true) : [];
  for (const range of ranges) {
    const offer = offers.find(
      (o) => o.accepts(range) && !refusals.some((r) => o.accepts(r) && specificity(r) >= specificity(range)),
    );
    if (offer) return { format: offer.format, range };
  }
  throw new ApiError(
    406,
    'invalid_parameter',
    `Accept: none of "${accept ?? ''}" can be served here; ask for ${supported.join(', ')} (or use the format parameter)`,
    [{ field: 'Accept', message: `supported: ${supported.join(', ')}` }],
  );
}

const anything = (r: MediaRange) => r.type === '*/*' || r.type === 'application/*';

/** SDMX-ML 2.1 media types carry version 2.1, or none. */
function version21(r: MediaRange): boolean {
  return r.params.version === undefined || r.params.version === '2.1';
}

const xml = (r: MediaRange) => r.type === 'application/xml' || r.type === 'text/xml';

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
      r.type === 'text/csv' ||
      r.type === 'text/*' ||
      (r.type === 'application/vnd.sdmx.data+csv' && version1(r)),
  },
  {
    format: 'xml',
    accepts: (r) => anything(r) || xml(r) || (r.type === 'application/vnd.sdmx.genericdata+xml' && version21(r)),
  },
];
export const DATA_SUPPORTED = [
  'application/vnd.sdmx.data+json;version=1.0.0',
  'application/vnd.sdmx.data+csv;version=1.0.0',
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
