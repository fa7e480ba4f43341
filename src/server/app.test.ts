import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database.js';
import { PAGE_TEXTS } from '../core/languages.js';
import { buildApp } from './app.js';
import { ROOT_DIR } from './paths.js';
import type { ErrorResponse } from '../core/errors.js';

describe('serving the web UI beside the API', () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let tmp: string;
  let webDir: string;
  /** A file two folders above the web folder, which no address may reach. */
  const MARKER = 'bridges-marker-outside-the-web-folder-7f3a9c';

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'bridges-web-'));
    webDir = path.join(tmp, 'a', 'web');
    mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    writeFileSync(path.join(tmp, 'marker.txt'), MARKER);
    // The UI's own index page (Vite's source: the build keeps its head and body as they are).
    writeFileSync(path.join(webDir, 'index.html'), readFileSync(path.join(ROOT_DIR, 'src', 'web', 'index.html')));
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    // A large script with the build's compressed copies beside it (vite.config.ts writes them).
    const big = `console.log(${JSON.stringify('Bridges '.repeat(2000))});`;
    writeFileSync(path.join(webDir, 'assets', 'big.js'), big);
    writeFileSync(path.join(webDir, 'assets', 'big.js.br'), brotliCompressSync(big));
    writeFileSync(path.join(webDir, 'assets', 'big.js.gz'), gzipSync(big));
    writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    testDb = await createTestDatabase('pglite', { empty: true });
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the index at / and for client-side routes', async () => {
    for (const url of ['/', '/countries', '/countries/PHL?lang=fr']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      // Scripts from this origin only, no framing by another site, the origin alone as referrer.
      expect(res.headers['content-security-policy'], url).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    }
  });

  it('says the page’s language in the HTML the server sends, before any script runs', async () => {
    const lang = async (url: string) => /<html lang="(\w+)">/.exec((await app.inject({ url })).body)?.[1];
    expect(await lang('/countries/PHL?lang=fr')).toBe('fr');
    expect(await lang('/?lang=es')).toBe('es');
    expect(await lang('/explorer')).toBe('en');
    expect(await lang('/explorer?lang=%22%3E%3Cscript%3E')).toBe('en');
    // The description and the line shown without JavaScript are in the page's language too.
    const french = (await app.inject({ url: '/countries/PHL?lang=fr' })).body;
    expect(french).toContain(`content="${PAGE_TEXTS.fr.description}"`);
    expect(french).toMatch(/<noscript\s*>Bridges a besoin de JavaScript/);
    expect(french).not.toContain('Bridges needs JavaScript');
  });

  it('gives a link without ?lang= the language the browser prefers, and says the page varies with it', async () => {
    const page = (url: string, acceptLanguage?: string) =>
      app.inject({ url, headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } });
    const lang = (body: string) => /<html lang="(\w+)">/.exec(body)?.[1];
    const french = await page('/countries/PHL', 'fr-CA,fr;q=0.9,en;q=0.8');
    expect(lang(french.body)).toBe('fr');
    expect(french.headers.vary).toBe('Accept-Language');
    // The first language Bridges speaks, by preference; a refused one (q=0) never.
    expect(lang((await page('/', 'de-DE,es;q=0.7,fr;q=0.5')).body)).toBe('es');
    expect(lang((await page('/', 'fr;q=0, de')).body)).toBe('en');
    expect(lang((await page('/')).body)).toBe('en');
    // The link's own language wins, and then the page does not vary with the header.
    const asked = await page('/countries/PHL?lang=en', 'fr');
    expect(lang(asked.body)).toBe('en');
    expect(asked.headers.vary).toBeUndefined();
  });

  it('serves built assets, and a missing one is a 404 rather than the index', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    // Named by their content's hash, assets may be kept for good; the rest is asked for each time.
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, no-cache');
    // The build's brotli or gzip copy to a browser that takes it, the script itself to one that does not.
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: '/assets/big.js', headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(decode(res.rawPayload).toString()).toMatch(/^console\.log\("Bridges Bridges/);
    }
    const plain = await app.inject({
      method: 'GET',
      url: '/assets/big.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toMatch(/^console\.log/);
    const missing = await app.inject({ method: 'GET', url: '/assets/old-build.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    // A file there at the start and gone since (a rebuild while the server runs): 404 too, as a
    // browser asks for it (a module script: Origin and Sec-Fetch headers), not "405: answers GET, not GET".
    const gone = path.join(webDir, 'assets', 'gone.js');
    writeFileSync(gone, 'console.log(2)');
    const fresh = await buildApp({ database: testDb.database, logLevel: 'silent', webDir });
    try {
      rmSync(gone);
      const res = await fresh.inject({
        method: 'GET',
        url: '/assets/gone.js',
        headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'script' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await fresh.close();
    }
  });

  it('serves what a rebuild wrote while it runs: the new index and the files it names', async () => {
    const indexFile = path.join(webDir, 'index.html');
    const before = readFileSync(indexFile, 'utf8');
    const added = path.join(webDir, 'assets', 'index-rebuilt1.js');
    try {
      // The build rewrites the index (naming its new script) and adds the script beside the old ones.
      writeFileSync(added, 'console.log("rebuilt")');
      writeFileSync(
        indexFile,
        before.replace('</head>', '<script type="module" src="/assets/index-rebuilt1.js"></script></head>'),
      );
      utimesSync(indexFile, new Date(), new Date(Date.now() + 5_000));
      const page = await app.inject({ url: '/countries/PHL?lang=fr' });
      expect(page.body).toContain('/assets/index-rebuilt1.js');
      expect(page.body).toContain('<html lang="fr">');
      const script = await app.inject({ url: '/assets/index-rebuilt1.js' });
      expect(script.statusCode).toBe(200);
      expect(script.body).toBe('console.log("rebuilt")');
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // A file the build did not write is still a 404, and the folder's neighbours out of reach.
      expect((await app.inject({ url: '/assets/index-never.js' })).statusCode).toBe(404);
    } finally {
      writeFileSync(indexFile, before);
      utimesSync(indexFile, new Date(), new Date(Date.now() + 10_000));
      rmSync(added);
    }
    expect((await app.inject({ url: '/' })).body).not.toContain('index-rebuilt1');
  });

  it('does not serve files outside the web folder', async () => {
    // <tmp>/marker.txt is two folders above the web folder <tmp>/a/web, three above its assets.
    for (const url of [
      '/..%2f..%2fmarker.txt',
      '/..%2F..%2Fmarker.txt',
      '/assets/..%2f..%2f..%2fmarker.txt',
      '/../../marker.txt',
      '/assets/../../../marker.txt',
      '/%2e%2e/%2e%2e/marker.txt',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain(MARKER);
    }
  });

  it('answers unknown API routes and methods in JSON', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['x-content-type-options']).toBe('nosniff');
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    // A route that exists for other methods says which.
    const res = await app.inject({ method: 'POST', url: '/api/countries' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('refuses a NUL character in a parameter, naming it, rather than failing in the database', async () => {
    for (const [url, field] of [
      ['/api/countries?q=phil%00', 'q'],
      ['/api/search?q=a%00b', 'q'],
      ['/api/countries/PH%00L', 'code'],
      // The rest of a wildcard route's path (an SDMX key) is named as the path.
      ['/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK/A.MEX.USA.F%00', 'path'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        error: { code: 'invalid_parameter', details: [{ field, message: expect.stringContaining('NUL') as string }] },
      });
    }
  });

  it('says a body is too large, or of a type no route reads, by codes of their own', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
    });
    expect([big.statusCode, big.json<ErrorResponse>().error.code]).toEqual([413, 'too_large']);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect([xml.statusCode, xml.json<ErrorResponse>().error.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('refuses a body nested deeper than any request, rather than overflow the stack (a 500)', async () => {
    for (const depth of [65, 100_000]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      });
      expect(res.statusCode, String(depth)).toBe(400);
      expect(res.json(), String(depth)).toMatchObject({
        error: {
          code: 'invalid_parameter',
          details: [{ field: 'a', message: expect.stringContaining('nested') as string }],
        },
      });
    }
    // 64 levels are read (and this body is then refused for what it is: no e-mail, no password).
    const deep = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `${'{"a":'.repeat(64)}1${'}'.repeat(64)}`,
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.body).not.toContain('nested');
  });

  it('refuses a bad percent-encoding in a parameter, naming it, as it refuses one in the path', async () => {
    for (const [url, field] of [
      ['/api/countries?q=%E0%A4%A', 'q'],
      ['/api/search?q=%ED%A0%80', 'q'],
      ['/api/countries?kind=country&q=phil%', 'q'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        error: {
          code: 'invalid_parameter',
          details: [{ field, message: expect.stringContaining('percent-encoding') as string }],
        },
      });
    }
    const fine = await app.inject({ method: 'GET', url: '/api/countries?q=%C3%A9t%20a+b' });
    expect(fine.body).not.toContain('percent-encoding');
  });

  it('names the field in the message, even when its message happens to hold the field’s name', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/profiles/P' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^code: must be an area code/);
  });

  it('words a failed check as the API does, not as the validator does, and names a list by its parameter', async () => {
    for (const [url, field, message] of [
      ['/api/series?indicator=migrant_stock', 'areas', 'areas: is required'],
      ['/api/search?q=a&type=bogus', 'type', 'type: must be one of record, organisation, study, country, dataset'],
      [
        '/api/search?q=a&type=record,bogus',
        'type',
        'type: must be one of record, organisation, study, country, dataset (item 2 of the list)',
      ],
      [`/api/search?q=${'a'.repeat(201)}`, 'q', 'q: is longer than 200 characters'],
      // A choice left out is required, not a wrong choice.
      ['/api/library/studies/export', 'format', 'format: is required: it must be one of ris, csl-json'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      const { error } = res.json<ErrorResponse>();
      expect(error.message, url).toBe(message);
      expect(error.details, url).toEqual([{ field, message: message.slice(field.length + 2) }]);
    }
  });

  it('keeps an error small whatever the request: values quoted in part, details counted past 20', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => `p${String(i)}=1`).join('&');
    const res = await app.inject({ method: 'GET', url: `/api/datasets?${many}` });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorResponse>();
    expect(error.details).toHaveLength(21);
    expect(error.details[20]).toEqual({ field: 'request', message: 'and 1480 more like these' });
    expect(res.body.length).toBeLessThan(5000);
    const long = 'x'.repeat(5000);
    const named = await app.inject({ method: 'GET', url: `/api/datasets?${long}=1` });
    expect(named.statusCode).toBe(400);
    expect(named.body.length).toBeLessThan(1000);
    expect(named.json<ErrorResponse>().error.details[0]?.field).toBe(`${'x'.repeat(80)}…`);
  });

  describe('requests Node’s HTTP parser refuses, over a real socket', () => {
    let port = 0;
    beforeAll(async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as AddressInfo).port;
    });

    /** Sends raw bytes and reads the whole answer. */
    function raw(request: Buffer | string): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
    }

    it.each([
      ['raw non-ASCII in the address', Buffer.from('GET /api/countries?q=Ü HTTP/1.1\r\nHost: x\r\n\r\n'), 400, /ASCII/],
      [
        'an address over 16 KB',
        `GET /api/countries?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        414,
        /the address is longer than 16 KB/,
        'query',
      ],
      [
        'headers over 16 KB',
        `GET /api/countries HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
        /the headers are longer than 16 KB/,
        'headers',
      ],
      ['an unknown method', 'FOO /api/countries HTTP/1.1\r\nHost: x\r\n\r\n', 400, /not an HTTP method/, 'method'],
      ['an unknown HTTP version', 'GET /api/countries HTTP/9.9\r\nHost: x\r\n\r\n', 505, /HTTP\/1\.1/, 'version'],
      [
        'a space in a header name',
        'GET /api/countries HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
        400,
        /a header is malformed/,
        'headers',
      ],
      [
        'a Content-Length that is not a number',
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
        400,
        /Content-Length/,
        'headers',
      ],
      [
        'both Content-Length and Transfer-Encoding',
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        400,
        /Transfer-Encoding/,
        'headers',
      ],
      ['a space in the address', 'GET /api/coun tries HTTP/1.1\r\nHost: x\r\n\r\n', 400, /ASCII/, 'path'],
    ])('answers %s in the API’s error shape', async (_what, request, status, message, field = 'path') => {
      const answer = await raw(request);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1.1 ${String(status)} `));
      expect(head).toMatch(/content-type: application\/json/i);
      const json = JSON.parse(body) as { error: { code: string; message: string; details: { field: string }[] } };
      expect(json.error.code).toBe('invalid_parameter');
      expect(json.error.message).toMatch(message);
      expect(json.error.details[0]?.field).toBe(field);
    });
  });
});
