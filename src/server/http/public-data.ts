import type { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

/**
 * Open data is readable from any web page: the statistics and SDMX routes send
 * `Access-Control-Allow-Origin: *`, so a browser SDMX tool or a chart on another site can fetch
 * them. Their GETs need no cookie and change nothing; the routes that do (accounts, the library's
 * editing) are registered apart and do not get it.
 */
export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    // A page elsewhere may read the download's name and the entity tag too.
    void reply
      .header('access-control-allow-origin', '*')
      .header('access-control-expose-headers', 'Content-Disposition, ETag');
  });
  // A page that sends a header beyond the simple ones (an SDMX client's Accept with a version
  // parameter, an X-Requested-With) makes the browser ask first, by OPTIONS: each GET route answers
  // it. (Adding a route from onRoute is how Fastify's documentation says to do it; an OPTIONS route
  // does not run this hook's body again.)
  app.addHook('onRoute', function (route) {
    if (![route.method].flat().includes('GET')) return;
    this.route({ method: 'OPTIONS', url: route.url, schema: { hide: true }, handler: answerPreflight });
  });
}

/** The CORS preflight of a public GET: any origin, GET and HEAD, the headers the page asks for (no cookie is read). */
function answerPreflight(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const asked = request.headers['access-control-request-headers'];
  void reply
    .header('allow', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-max-age', '86400')
    .header('vary', 'Access-Control-Request-Headers');
  if (typeof asked === 'string' && asked.trim()) void reply.header('access-control-allow-headers', asked);
  return reply.status(204).send();
}

/** Whether the client takes gzip (every browser does; `gzip;q=0` refuses it), q-values honoured. */
export function acceptsGzip(request: FastifyRequest): boolean {
  return new Negotiator(request).encoding(['gzip', 'identity']) === 'gzip';
}

/**
 * An answer's body, encoded once: UTF-8 bytes and their gzip, for clients that accept it, with
 * the entity tag of each (a hash of the bytes, so equal answers have equal tags across restarts).
 */
export interface EncodedBody {
  plain: Buffer;
  gzip: Buffer;
  etag: string;
  gzipEtag: string;
}

export function encodeBody(text: string): EncodedBody {
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

/**
 * Sends an encoded body, gzipped when the client accepts gzip (every browser does; `gzip;q=0`
 * refuses it), with its entity tag: a client that has it already (If-None-Match) gets 304 and no
 * body. Caches may keep an answer but ask each time (no-cache): an import changes the data.
 */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  body: EncodedBody,
  /** False for a body that differs on every request (an SDMX message: its id and time): no tag. */
  tagged = true,
): FastifyReply {
  const gzip = acceptsGzip(request);
  const etag = gzip ? body.gzipEtag : body.etag;
  if (tagged) void reply.header('etag', etag).header('cache-control', 'public, no-cache');
  if (tagged && notModified(request, etag)) {
    void reply.removeHeader('content-type').removeHeader('content-disposition');
    return reply.status(304).send();
  }
  if (gzip) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.plain);
}

/**
 * Sends a JSON answer checked against its response schema first, as Fastify's serializer would:
 * for answers no cache keeps (the countries'). A large one (the country list: 143 kB, 22 kB
 * gzipped) is encoded as sendEncoded does: gzipped for clients that take it, tagged, 304 to a
 * client that has it. A small one (a search as one types) is sent as it is: hashing and
 * compressing it cost a quarter of the requests a second for a kilobyte saved.
 */
export function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  value: unknown,
  schema: z.ZodType,
): FastifyReply {
  const text = JSON.stringify(schema.parse(value));
  void reply.header('content-type', 'application/json; charset=utf-8');
  if (text.length < ENCODE_FROM) return reply.send(text);
  void reply.header('vary', 'Accept-Encoding');
  return sendEncoded(request, reply, encodeBody(text));
}

/** Answers shorter than this (in characters) are sent as they are. */
const ENCODE_FROM = 8192;
