import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { citedCsv, type CsvTable } from '../../core/csv.js';
import { acceptsGzip } from '../http/public-data.js';
import type { Citation, OutputFormat } from '../../core/statistics.js';

/**
 * `format=csv` wins; otherwise the Accept header, quality values honoured (negotiator, as
 * Express does): text/csv preferred to application/json asks for CSV; anything else is JSON.
 */
export function wantsCsv(request: FastifyRequest, format: OutputFormat | undefined): boolean {
  if (format) return format === 'csv';
  return new Negotiator(request).mediaType(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * An answer's body, encoded once: UTF-8 bytes and their gzip, for clients that accept it, with
 * the entity tag of each (a hash of the bytes, so equal answers have equal tags across restarts).
 */
interface EncodedBody {
  plain: Buffer;
  gzip: Buffer;
  etag: string;
  gzipEtag: string;
}

function encode(text: string): EncodedBody {
  const plain = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(plain).digest('base64url').slice(0, 27);
  return { plain, gzip: gzipSync(plain), etag: `"${hash}"`, gzipEtag: `"${hash}-gzip"` };
}

/** Whether If-None-Match names this tag (or is `*`); weak tags compare by their value, as RFC 9110 says for GET. */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

// Serialised answers, per answer object: the cache hands out the same object until the data change.
const jsonBodies = new WeakMap<object, EncodedBody>();
const csvBodies = new WeakMap<object, EncodedBody>();

/**
 * Sends an encoded body, gzipped when the client accepts gzip (every browser does; `gzip;q=0`
 * refuses it), with its entity tag: a client that has it already (If-None-Match) gets 304 and no
 * body. Caches may keep an answer but ask each time (no-cache): an import changes the data.
 */
function sendEncoded(request: FastifyRequest, reply: FastifyReply, body: EncodedBody): FastifyReply {
  const gzip = acceptsGzip(request);
  const etag = gzip ? body.gzipEtag : body.etag;
  void reply.header('etag', etag).header('cache-control', 'public, no-cache');
  if (notModified(request, etag)) {
    void reply.removeHeader('content-type').removeHeader('content-disposition');
    return reply.status(304).send();
  }
  if (gzip) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.plain);
}

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
      body = encode(citedCsv(answer.csv(answer.value), answer.sources));
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
    body = encode(JSON.stringify(answer.schema.parse(answer.value)));
    jsonBodies.set(answer.value, body);
  }
  void reply.header('content-type', 'application/json; charset=utf-8');
  return sendEncoded(request, reply, body);
}
