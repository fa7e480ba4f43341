import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { citedCsv, type CsvTable } from '../../core/csv.js';
import { negotiate, type Offer } from './negotiate.js';
import { encodeBody, sendEncoded, type EncodedBody } from './public-data.js';
import type { Citation, OutputFormat } from '../../core/statistics.js';

/** The media types the data answers (data hub, countries) come in. */
export const ANSWER_MEDIA_TYPES = ['application/json', 'text/csv'];

const ANSWER_OFFERS: Offer<OutputFormat>[] = [
  { format: 'json', accepts: (r) => r.type === 'application/json' || r.type === 'application/*' || r.type === '*/*' },
  { format: 'csv', accepts: (r) => r.type === 'text/csv' || r.type === 'text/*' || r.type === '*/*' },
];

/**
 * The format of an answer: `format=` wins; otherwise the Accept header, negotiated as the SDMX
 * routes negotiate theirs (quality values honoured; no header, an empty one or `*∕*` is JSON):
 * text/csv (or text/*) preferred to application/json asks for CSV. An Accept that takes neither
 * (application/xml, image/png) is a 406 listing the two. Call it before the answer is computed,
 * so a refusal costs nothing; the answer varies with Accept, and says so even when refused.
 */
export function answerFormat(
  request: FastifyRequest,
  reply: FastifyReply,
  format: OutputFormat | undefined,
): OutputFormat {
  void reply.header('vary', 'Accept, Accept-Encoding');
  return format ?? negotiate(request.headers.accept, ANSWER_OFFERS, ANSWER_MEDIA_TYPES).format;
}

// Serialised answers, per answer object: the cache hands out the same object until the data change.
const jsonBodies = new WeakMap<object, EncodedBody>();
const csvBodies = new WeakMap<object, EncodedBody>();
const csvBomBodies = new WeakMap<object, EncodedBody>();

export interface Answer<T extends object> {
  value: T;
  /** Response schema: the answer is checked against it once, as Fastify's serializer would. */
  schema: z.ZodType;
  /** The file name's middle: bridges-<what>.csv. */
  what: string;
  csv: (value: T) => CsvTable;
  sources: Citation[];
}

/**
 * Sends an answer as JSON or as CSV (a download named bridges-<what>.csv), in the format
 * `answerFormat` chose. Each answer object is checked, serialised and gzipped once: a cached
 * profile is sent as the bytes made the first time, so a warm request costs neither serialisation
 * nor compression.
 */
export function sendAnswer<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  format: OutputFormat,
  answer: Answer<T>,
): FastifyReply {
  if (format === 'csv') {
    // bom=true (the UI's download links): a byte-order mark first, for Excel; the query schemas
    // allow only 'true' or 'false'.
    const query = request.query as { bom?: string; lang?: string } | undefined;
    const bom = query?.bom === 'true';
    const bodies = bom ? csvBomBodies : csvBodies;
    let body = bodies.get(answer.value);
    if (body === undefined) {
      body = encodeBody(`${bom ? '\uFEFF' : ''}${citedCsv(answer.csv(answer.value), answer.sources, query?.lang)}`);
      bodies.set(answer.value, body);
    }
    const name = `bridges-${answer.what.replace(/[^A-Za-z0-9_.-]+/g, '-')}.csv`;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`);
    return sendEncoded(request, reply, body);
  }
  let body = jsonBodies.get(answer.value);
  if (body === undefined) {
    body = encodeBody(JSON.stringify(answer.schema.parse(answer.value)));
    jsonBodies.set(answer.value, body);
  }
  void reply.header('content-type', 'application/json; charset=utf-8');
  return sendEncoded(request, reply, body);
}
