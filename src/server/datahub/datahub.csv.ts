import Negotiator from 'negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { citedCsv, type CsvTable } from '../../core/csv.js';
import { encodeBody, sendEncoded, type EncodedBody } from '../http/public-data.js';
import type { Citation, OutputFormat } from '../../core/statistics.js';

/**
 * `format=csv` wins; otherwise the Accept header, quality values honoured (negotiator, as
 * Express does): text/csv preferred to application/json asks for CSV; anything else is JSON.
 */
export function wantsCsv(request: FastifyRequest, format: OutputFormat | undefined): boolean {
  if (format) return format === 'csv';
  return new Negotiator(request).mediaType(['application/json', 'text/csv']) === 'text/csv';
}

// Serialised answers, per answer object: the cache hands out the same object until the data change.
const jsonBodies = new WeakMap<object, EncodedBody>();
const csvBodies = new WeakMap<object, EncodedBody>();

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
 * Sends an answer as JSON or, when asked, as CSV (a download named bridges-<what>.csv). Each
 * answer object is checked, serialised and gzipped once: a cached profile is sent as the bytes made
 * the first time, so a warm request costs neither serialisation nor compression.
 */
export function sendAnswer<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  format: OutputFormat | undefined,
  answer: Answer<T>,
): FastifyReply {
  void reply.header('vary', 'Accept, Accept-Encoding');
  if (wantsCsv(request, format)) {
    let body = csvBodies.get(answer.value);
    if (body === undefined) {
      body = encodeBody(citedCsv(answer.csv(answer.value), answer.sources));
      csvBodies.set(answer.value, body);
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
