import { ApiError } from './api-error.js';

/**
 * Content negotiation for the routes that answer in more than one format (the SDMX routes, the
 * data hub): the route's `format` parameter, when given, wins; else the best media range of the
 * Accept header that one of the route's offers takes (quality values honoured, q=0 a refusal, no
 * header meaning the route's default). Nothing acceptable is a 406 that lists what can be had.
 * What each route offers (its media types and their parameters) is the route's own.
 */

/** One media range of an Accept header: type/subtype in lower case, its parameters, its quality. */
export interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
  order: number;
}

/** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * `a/b;version=1.0;q=0.5, c/d` → the ranges asked for, best first (higher q, then more specific,
 * then as written); with `refused`, the ranges with q=0 instead (what the client will not take).
 * A quality that is not a qvalue (`q=abc`, `q=2`) is a 400 naming the Accept header, not a guess.
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
      if (params.q !== undefined && !QVALUE.test(params.q))
        throw ApiError.invalidParameter(
          'Accept',
          `the quality "q=${params.q.slice(0, 20)}" of "${type.slice(0, 80)}" is not a number from 0 to 1 with at most three decimals (RFC 9110 §12.4.2)`,
        );
      const q = params.q === undefined ? 1 : Number(params.q);
      delete params.q;
      return { type: type.toLowerCase(), params, q, order };
    })
    .filter((r) => r.type !== '' && (refused ? r.q <= 0 : r.q > 0))
    .sort((a, b) => b.q - a.q || specificity(b) - specificity(a) || a.order - b.order);
}

function specificity(r: MediaRange): number {
  return r.type === '*/*' ? 0 : r.type.endsWith('/*') ? 1 : 2;
}

/** A format a route can answer in, and the media ranges that ask for it. */
export interface Offer<F extends string> {
  format: F;
  /** Does this media range ask for it? */
  accepts(range: MediaRange): boolean;
}

/**
 * The format an Accept header asks for among `offers` (call it when the route's `format` parameter
 * is absent: that one wins): the first range an offer takes, with the range itself, whose
 * parameters may say more (SDMX-CSV's `labels=both`); an empty or absent Accept gets the first
 * offer, with no range. Throws 406 naming the `supported` media types.
 */
export function negotiate<F extends string>(
  accept: string | undefined,
  offers: Offer<F>[],
  supported: string[],
): { format: F; range: MediaRange | null } {
  const ranges = accept?.trim() ? parseAccept(accept) : [];
  if (ranges.length === 0 && !accept?.trim()) return { format: (offers[0] as Offer<F>).format, range: null };
  // `application/json;q=0, */*`: JSON is refused, however broad the range that would take it; a
  // refusal as specific as the range asking, or more, wins.
  const refusals = accept ? parseAccept(accept, true) : [];
  for (const range of ranges) {
    const offer = offers.find(
      (o) => o.accepts(range) && !refusals.some((r) => o.accepts(r) && specificity(r) >= specificity(range)),
    );
    if (offer) return { format: offer.format, range };
  }
  throw new ApiError(
    406,
    'not_acceptable',
    `Accept: none of "${accept ?? ''}" can be served here; ask for ${supported.join(', ')} (or use the format parameter)`,
    [{ field: 'Accept', message: `supported: ${supported.join(', ')}` }],
  );
}
