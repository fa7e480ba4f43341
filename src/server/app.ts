import { existsSync, readFileSync, statSync } from 'node:fs';
import { STATUS_CODES as HTTP_REASONS } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { isUiLanguage, PAGE_TEXTS, preferredUiLanguage, UI_LANGUAGES, type UiLanguage } from '../core/languages.js';
import { authPlugin } from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { countriesRoutes } from './countries/countries.routes.js';
import { DatahubCache } from './datahub/datahub.context.js';
import { datahubRoutes } from './datahub/datahub.routes.js';
import type { TrustProxy } from './config.js';
import type { Database } from './db/database.js';
import { healthRoutes } from './health/health.routes.js';
import { libraryRoutes } from './library/library.routes.js';
import { SDMX_ANSWERS, sdmxRoutes, type SdmxOptions } from './sdmx/sdmx.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { ApiError, errorAnswer, errorBody } from './http/api-error.js';
import { openApiTransform, openApiTransformObject } from './http/openapi-transform.js';
import { setPublicOrigin } from './http/site-origin.js';
import { VERSION, WEB_DIST_DIR } from './paths.js';
import type { BundledLoadStatus } from './stats/bundled-load.js';

export interface AppOptions {
  database: Database;
  /** Folder of the built web UI; not served when it does not exist (API only). */
  webDir?: string;
  logLevel?: string;
  /** Progress of the background load of bundled datasets, shown by /api/status. */
  loadStatus?: BundledLoadStatus;
  /** Limits of the SDMX answers (tests lower the cap to exercise it). */
  sdmx?: SdmxOptions;
  /**
   * The proxies in front (TRUST_PROXY): behind them the client's address (login rate limit),
   * protocol (the Secure cookie) and host (the CSRF Origin check) come from X-Forwarded-* headers.
   */
  trustProxy?: TrustProxy;
  /** PUBLIC_URL's origin: what links in answers name, whatever Host a request sends. */
  publicOrigin?: string | null;
}

/** Builds the HTTP application: the API, its OpenAPI document and docs, and the web UI. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    trustProxy: options.trustProxy ?? false,
    // NOTE: unknown query parameters must be reported, not stripped, so validation sees them all.
    ajv: { customOptions: { removeAdditional: false } },
    // The router's own refusals (an over-long path parameter, a malformed address) answer in the
    // API's error shape too, without echoing the address back.
    frameworkErrors: handleRouterError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Every answer is what its Content-Type says: no browser may sniff a CSV or JSON answer as a page.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
  });
  // PostgreSQL's text holds no NUL character: one in a parameter or a field would fail in the
  // database (a 500); it is the client's mistake, named as such.
  app.addHook('preValidation', async (request) => {
    // The query parser keeps a bad percent-encoding as it is written ("%E0%A4%A"), a path's is a 400.
    const malformed = malformedQueryParameter(request.url);
    if (malformed !== null)
      throw ApiError.invalidParameter(
        malformed,
        'is malformed: a bad percent-encoding (characters other than ASCII are written as the %XX of their UTF-8 bytes, Ü as %C3%9C)',
      );
    const field = nulField(request.params, '') ?? nulField(request.query, '') ?? nulField(request.body, '');
    // A wildcard route's rest of the path (the SDMX key and provider) is named as the path.
    if (field !== null)
      throw ApiError.invalidParameter(
        field === '*' ? 'path' : field,
        'holds a NUL character (U+0000, %00), which no text here may contain',
      );
  });
  setPublicOrigin(app, options.publicOrigin ?? null);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Bridges API',
        description:
          'Evidence on migration and development: countries and their classifications, statistics, and the practice & evidence library. Every figure carries its source.',
        version: VERSION,
        license: { name: 'MIT (code); data under the licences cited with each answer' },
      },
      tags: [
        { name: 'countries', description: 'Countries and areas, UN M49 and World Bank classifications' },
        {
          name: 'data',
          description:
            'Datasets, country profiles, corridors, rankings and series; JSON or CSV, every value with its source',
        },
        { name: 'sdmx', description: 'SDMX REST 2.1: dataflows, structures and data as SDMX-JSON or SDMX-CSV' },
        {
          name: 'library',
          description:
            'Practice & evidence library: records, organisations and studies, editorial workflow, revisions, gap map, exports',
        },
        { name: 'search', description: 'One search over the library, countries and datasets' },
        {
          name: 'accounts',
          description:
            'Sign in and out (http-only session cookie); every change needs the X-CSRF-Token header from /api/auth/session',
        },
        { name: 'system', description: 'Health and service information' },
      ],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject(SDMX_ANSWERS),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(authPlugin, { db: options.database.db });
  await app.register(healthRoutes(options.database, options.loadStatus));
  await app.register(authRoutes(options.database.db));
  await app.register(libraryRoutes(options.database.db));
  await app.register(searchRoutes(options.database.db));
  await app.register(countriesRoutes(options.database.db));
  // One answer cache, one check of the data's version, for the statistics and the SDMX routes.
  const loadStatus = options.loadStatus;
  const answers = new DatahubCache(options.database.db, {
    stillLoading: loadStatus ? () => loadStatus.stillLoading() : undefined,
  });
  await app.register(datahubRoutes(options.database.db, answers));
  await app.register(sdmxRoutes(options.database.db, answers, options.sdmx));

  const webDir = options.webDir ?? WEB_DIST_DIR;
  // The index is sent for every page of the UI (fastify-static serves the rest), in each UI
  // language: read again when the build rewrote it, so that a rebuild while the server runs (an
  // upgrade before its restart) serves pages that name the new build's files, not a blank page.
  const index = new BuiltIndex(path.join(webDir, 'index.html'));
  if (index.exists) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build's brotli and gzip copies (vite.config.ts), to browsers that take them.
      preCompressed: true,
      // Files under assets/ are named by a hash of their content: a browser may keep them for good.
      // The rest (the icon) is asked for again each time.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Which copy is sent depends on Accept-Encoding: a shared cache must keep them apart.
        res.setHeader('vary', 'Accept-Encoding');
        res.setHeader(
          'cache-control',
          filePath.startsWith(path.join(webDir, 'assets') + path.sep)
            ? 'public, max-age=31536000, immutable'
            : 'public, no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const [url = '', query = ''] = request.url.split('?');
    // Client-side routes of the single-page UI get its index; everything else is a JSON 404.
    // A missing file (a name with an extension: a stale /assets/x.js) is a 404, not the index page.
    const isFile = /\.[a-z0-9]+$/i.test(url);
    const read = request.method === 'GET' || request.method === 'HEAD';
    // A file a rebuild added since the start (fastify-static knows those it found then): its
    // assets are named by their content, so a name the new index asks for is served.
    if (read && index.exists && ASSET_PATH.test(url) && existsSync(path.join(webDir, url))) {
      return reply.sendFile(url.slice(1));
    }
    const pages = read && !url.startsWith('/api') && !isFile ? index.pages() : null;
    if (pages) {
      // The page's language from the first byte, as the link asks (?lang=fr), not only once the
      // script has run: screen readers and search engines read it before. A link without one
      // gets the language the browser prefers, as the UI does (navigator.languages).
      const asked = new URLSearchParams(query).get('lang');
      const lang = isUiLanguage(asked)
        ? asked
        : preferredUiLanguage(acceptedLanguages(request.headers['accept-language']));
      if (!isUiLanguage(asked)) void reply.header('vary', 'Accept-Language');
      void reply.headers(PAGE_HEADERS);
      return reply.type('text/html; charset=utf-8').send(pages[lang]);
    }
    // An address that exists for other methods: 405 with those methods (OPTIONS: just them).
    const allowed = ROUTE_METHODS.filter((method) => app.findRoute({ method, url }) !== null);
    // A route of this very method that found nothing (a static file deleted since the start, as
    // after a rebuild) is a 404, not "answers GET, not GET".
    if (allowed.length && !allowed.includes(request.method as (typeof ROUTE_METHODS)[number])) {
      void reply.header('allow', [...allowed, 'OPTIONS'].join(', '));
      if (request.method === 'OPTIONS') return reply.status(204).send();
      const message = `${url} answers ${allowed.join(', ')}, not ${request.method}`;
      return reply.status(405).send(errorBody('method_not_allowed', message, [{ field: 'method', message }]));
    }
    return reply.status(404).send(errorBody('not_found', `No route ${request.method} ${url}`, []));
  });
  return app;
}

/** The language tags of an Accept-Language header, most wanted first (q=0: refused, left out). */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { tag, q: q === undefined ? 1 : Number(q.slice(2)) };
    })
    .filter((l) => l.tag !== '' && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** A file of the build's assets folder, by a name with no path in it (no "..", no "/"). */
const ASSET_PATH = /^\/assets\/[\w-]+(?:\.[\w-]+)+$/;

/** The UI's built index.html, in each UI language, read again whenever the file changes. */
class BuiltIndex {
  #mtime = -1;
  #pages: Record<UiLanguage, string> | null = null;
  readonly exists: boolean;

  constructor(readonly file: string) {
    this.exists = existsSync(file);
    this.pages();
  }

  /** The index in each language (its lang, description and no-script line said before any script runs); null if none. */
  pages(): Record<UiLanguage, string> | null {
    if (!this.exists) return null;
    let mtime: number;
    try {
      mtime = statSync(this.file).mtimeMs;
    } catch {
      // Mid-rebuild (the build empties its folder first): the last index read.
      return this.#pages;
    }
    if (mtime !== this.#mtime) {
      const html = readFileSync(this.file, 'utf8');
      this.#pages = Object.fromEntries(UI_LANGUAGES.map((lang) => [lang, localizedIndex(html, lang)])) as Record<
        UiLanguage,
        string
      >;
      this.#mtime = mtime;
    }
    return this.#pages;
  }
}

/** The built index with the page's language, description and no-script line in `lang`. */
function localizedIndex(html: string, lang: UiLanguage): string {
  const text = PAGE_TEXTS[lang];
  return html
    .replace('<html lang="en">', `<html lang="${lang}">`)
    .replace(
      /(<meta\s+name="description"\s+content=")[^"]*(")/,
      (_all, open: string, close: string) => `${open}${text.description}${close}`,
    )
    .replace(
      /(<noscript\s*>)[^<]*(<\/noscript\s*>)/,
      (_all, open: string, close: string) => `${open}${text.noscript}${close}`,
    );
}

/**
 * The UI's pages: their scripts, styles, images and data from this origin only (charts' images
 * are drawn through data: and blob: addresses; React sets style attributes), no other site may
 * frame them (clickjacking), and links to other sites tell them the origin only.
 */
const PAGE_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The methods the API's routes use, in the order an Allow header lists them. */
const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Presents every failure in the one error shape; request mistakes name the parameter at fault. */
function handleRouterError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong
    ? `a path parameter is longer than ${String(MAX_PARAM_LENGTH)} characters: no code or id is that long`
    : 'the address is malformed (a bad percent-encoding?)';
  return reply.status(tooLong ? 414 : 400).send(errorBody('invalid_parameter', message, [{ field: 'path', message }]));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over 16 KB, as a very long
 * address makes; raw non-ASCII or control characters in the address; an unknown method or HTTP
 * version; a malformed header or chunk) answer in the API's error shape too, as Fastify's default
 * handler does in its own, naming the part of the request at fault.
 */
function handleClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // The parser's own reason ("Invalid character in Content-Length"): plain ASCII, never the request's bytes.
  const reason = error.message.replace(/^Parse Error: /, '');
  const [status, field, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? overflowAnswer((error as { rawPacket?: unknown }).rawPacket)
      : clientErrorAnswer(error.code ?? '', reason);
  const body = JSON.stringify(errorBody('invalid_parameter', message, [{ field, message }]));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${String(status)} ${HTTP_REASONS[status] ?? ''}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/**
 * A request whose address and headers pass Node's 16 KB: a 414 when the address alone is too long
 * (a query of thousands of areas), named by its part (query or path), a 431 when the headers are.
 * Which, the bytes the parser stopped in tell (`rawPacket`): the request line, when they start
 * with it, is seen whole or cut off. When they do not (the request came in pieces), both are said.
 */
function overflowAnswer(packet: unknown): [number, string, string] {
  const text = Buffer.isBuffer(packet) ? packet.toString('latin1', 0, 16_384) : '';
  const requestLine = /^[A-Z]+ (\S*)/.exec(text);
  if (!requestLine) return [431, 'request', 'the address or the headers are longer than 16 KB'];
  const lineEnd = text.indexOf('\r\n');
  // Headers over 16 KB behind an address of ordinary length.
  if (lineEnd !== -1 && lineEnd < 8_192) return [431, 'headers', 'the headers are longer than 16 KB'];
  const address = requestLine[1] ?? '';
  return [
    414,
    address.includes('?') ? 'query' : 'path',
    'the address is longer than 16 KB: ask for fewer areas or codes at a time',
  ];
}

/** The status, field and message of a request Node's HTTP parser refused, by its error code. */
function clientErrorAnswer(code: string, reason: string): [number, string, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request', 'the request took too long to arrive'];
    case 'HPE_INVALID_METHOD':
      return [400, 'method', 'the request method is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)'];
    case 'HPE_INVALID_VERSION':
      return [505, 'version', 'the HTTP version is not one this server speaks: HTTP/1.0 or HTTP/1.1'];
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return [
        400,
        'headers',
        `a header is malformed (${reason}): header names and values are ASCII without control characters`,
      ];
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_INVALID_EOF_STATE':
      return [400, 'body', `the body is malformed (${reason})`];
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_CONSTANT':
      return [
        400,
        'path',
        'the request is malformed: an address must be ASCII, with other characters percent-encoded (Ü as %C3%9C, a space as %20)',
      ];
    default:
      return [400, 'request', `the request is malformed (${reason})`];
  }
}

/** Presents every failure in the API's one error shape (errorAnswer), with its status and headers. */
function handleError(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, headers, body } = errorAnswer(error, request);
  return reply.headers(headers).status(status).send(body);
}

/** The first query parameter (by name, as far as it can be read) whose percent-encoding is not UTF-8. */
function malformedQueryParameter(url: string): string | null {
  const start = url.indexOf('?');
  if (start === -1) return null;
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text.replaceAll('+', ' '));
    } catch {
      return null;
    }
  };
  for (const pair of url.slice(start + 1).split('&')) {
    const [name = '', value = ''] = pair.split('=', 2);
    const key = decoded(name);
    if (key === null) return name.replace(/%[0-9A-Fa-f]{0,2}/g, '\uFFFD') || 'query';
    if (decoded(value) === null) return key;
  }
  return null;
}

/** How deep a request's JSON may nest: the API's deepest body is a few levels. */
const MAX_DEPTH = 64;

/**
 * The first parameter or field (dotted path) of a parsed request part whose name or text holds a
 * NUL character; null if none. Walks objects and arrays (not a file's bytes or a stream). A part
 * nested deeper than MAX_DEPTH is refused (a body of 100,000 nested objects overflowed the stack: a 500).
 */
function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (depth >= MAX_DEPTH && value !== null && typeof value === 'object')
    throw ApiError.invalidParameter(
      path.split('.')[0] || 'body',
      `is nested more than ${String(MAX_DEPTH)} levels deep, deeper than any request the API takes`,
    );
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulField(value[i], path ? `${path}.${String(i)}` : String(i), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  // A parsed query has a prototype of its own (fast-querystring's); bytes and streams are not text.
  if (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    typeof (value as { pipe?: unknown }).pipe === 'function'
  )
    return null;
  for (const [key, v] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    if (key.includes('\0')) return name.replaceAll('\0', '\uFFFD');
    const found = nulField(v, name, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Fastify's default limit of a path parameter: longer than any code, id or slug the API has. */
const MAX_PARAM_LENGTH = 100;
