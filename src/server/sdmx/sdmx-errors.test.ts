import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import { buildApp } from '../app.js';
import { importDataset } from '../stats/import-dataset.js';
import { BundledLoadStatus } from '../stats/bundled-load.js';
import { sdmxErrorCode, type SdmxErrorResponse } from './sdmx-errors.js';

/**
 * The SDMX routes' errors as SDMX 2.1 REST asks: the same status as before, and in the body SDMX's
 * error code with the API's message; SDMX-ML's Error message for a client that asks for XML, the
 * API's JSON error with SDMX-JSON's `errors` for any other.
 */

const FLOW = 'TINY_SDMX_ERRORS_TINY_STOCK';
const data = (path: string) => `/api/sdmx/data/${path}`;

/**
 * A reader of SDMX-ML 2.1 Error messages written from SDMXMessage.xsd (ErrorType: ErrorMessage
 * elements with a code and com:Text): the whole message must match, so a stray element, a missing
 * namespace or an unescaped `<` or `&` in a text fails; the five XML entities are read back.
 */
function readSdmxMlError(xml: string): { code: string; lang: string; text: string }[] {
  const whole =
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<mes:Error xmlns:mes="http:\/\/www\.sdmx\.org\/resources\/sdmxml\/schemas\/v2_1\/message" xmlns:com="http:\/\/www\.sdmx\.org\/resources\/sdmxml\/schemas\/v2_1\/common">((?:<mes:ErrorMessage code="[^"<&]*"><com:Text xml:lang="[a-z]+">[^<]*<\/com:Text><\/mes:ErrorMessage>)+)<\/mes:Error>\n$/.exec(
      xml,
    );
  if (!whole) throw new Error(`not an SDMX-ML Error message: ${xml.slice(0, 300)}`);
  const messages = whole[1] ?? '';
  if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(messages)) throw new Error(`a bare & in ${messages}`);
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [
    ...messages.matchAll(
      /<mes:ErrorMessage code="([^"]*)"><com:Text xml:lang="([a-z]+)">([^<]*)<\/com:Text><\/mes:ErrorMessage>/g,
    ),
  ].map(([, code = '', lang = '', text = '']) => ({
    code,
    lang,
    text: text.replace(/&(amp|lt|gt|quot|apos);/g, (_all, name: string) => entities[name] ?? ''),
  }));
}

describe.each(testEngines())('SDMX errors on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, tinyImporter('tiny-sdmx-errors'));
    // A low cap, to reach the 413 with 9 observations; a bundled dataset still on its way, for the 503.
    app = await buildApp({
      database: testDb.database,
      logLevel: 'warn',
      sdmx: { maxObservations: 5 },
      loadStatus: new BundledLoadStatus([tinyImporter('tiny-sdmx-pending')]),
    });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await testDb?.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  /** An error answered as JSON: the API's error, and SDMX-JSON's errors saying the same. */
  function jsonError(res: LightMyRequestResponse, status: number) {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json<SdmxErrorResponse>();
    expect(body.errors).toEqual([
      { code: expect.any(Number) as number, title: expect.any(String) as string, detail: body.error.message },
    ]);
    return { error: body.error, sdmx: body.errors[0] as SdmxErrorResponse['errors'][number] };
  }

  /** An error answered as SDMX-ML: its one ErrorMessage, in English. */
  function xmlError(res: LightMyRequestResponse, status: number) {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const messages = readSdmxMlError(res.body);
    expect(messages.length).toBe(1);
    expect(messages[0]?.lang).toBe('en');
    return messages[0] as { code: string; text: string };
  }

  describe('400', () => {
    it('answers a key with the wrong number of positions with 150 Semantic error, in both formats, the same text', async () => {
      const url = data(`${FLOW}/A.PHL.USA`);
      const json = jsonError(await get(url), 400);
      expect(json.error).toMatchObject({ code: 'invalid_parameter', details: [{ field: 'key' }] });
      expect(json.error.message).toContain(`the key "A.PHL.USA" has 3 positions but ${FLOW} has 4 dimensions`);
      expect(json.sdmx).toMatchObject({ code: 150, title: 'Semantic error' });
      for (const [query, accept] of [
        ['', 'application/xml'],
        ['', 'text/xml'],
        ['', 'application/vnd.sdmx.genericdata+xml;version=2.1'],
        ['?format=genericdata', undefined],
        ['?format=xml', 'application/json'],
      ] as const) {
        const xml = xmlError(await get(`${url}${query}`, accept ? { accept } : {}), 400);
        expect(xml, `${query} ${String(accept)}`).toEqual({ code: '150', lang: 'en', text: json.error.message });
      }
    });

    it('answers a request SDMX’s syntax does not allow with 140 Syntax error, Fastify’s own checks too', async () => {
      // A code with a character no SDMX id has (the service's check).
      const key = xmlError(await get(data(`${FLOW}/A.PH!L.USA._T`), { accept: 'application/xml' }), 400);
      expect(key.code).toBe('140');
      expect(key.text).toContain('the key "A.PH!L.USA._T" has "PH!L" at REF_AREA');
      // A period that is none, and a parameter SDMX does not have (the route's schema, checked by
      // Fastify before the route runs), each named.
      const period = xmlError(await get(data(`${FLOW}/all?startPeriod=soon`), { accept: 'application/xml' }), 400);
      expect(period.code).toBe('140');
      expect(period.text).toMatch(/^startPeriod: must be a period/);
      const unknown = xmlError(await get(data(`${FLOW}/all?format=xml&colour=red`)), 400);
      expect(unknown).toMatchObject({
        code: '140',
        text: expect.stringContaining('unknown parameter "colour"') as string,
      });
      const json = jsonError(await get(data(`${FLOW}/all?colour=red`)), 400);
      expect(json.error.code).toBe('unknown_parameter');
      expect(json.sdmx).toEqual({ code: 140, title: 'Syntax error', detail: json.error.message });
    });

    it('escapes what the message quotes back, and reads back the same text as the JSON', async () => {
      const url = data(`${encodeURIComponent('A<B&"C\'>')}/all`);
      const json = jsonError(await get(url), 400);
      expect(json.error.message).toContain('"A<B&"C\'>" is not a dataflow reference');
      const res = await get(url, { accept: 'application/xml' });
      expect(res.body).toContain('&quot;A&lt;B&amp;&quot;C&apos;&gt;&quot; is not a dataflow reference');
      expect(xmlError(res, 400)).toMatchObject({ code: '140', text: json.error.message });
    });

    it('calls a parameter that applies only to another format a semantic error', async () => {
      const res = await get(data(`${FLOW}/A.PHL.USA._T?labels=both`), { accept: 'application/xml' });
      expect(xmlError(res, 400)).toMatchObject({
        code: '150',
        text: expect.stringMatching(/^labels: applies only to SDMX-CSV/) as string,
      });
      const spanJson = jsonError(await get(data(`${FLOW}/all?startPeriod=2021&endPeriod=2019`)), 400);
      expect(spanJson.sdmx.code).toBe(150);
    });
  });

  describe('404', () => {
    it('answers an unknown flow with 100 No results found, naming it', async () => {
      const url = data('NO_SUCH_FLOW/all');
      const json = jsonError(await get(url), 404);
      expect(json.error).toMatchObject({ code: 'not_found', details: [{ field: 'flow' }] });
      expect(json.sdmx).toEqual({ code: 100, title: 'No results found', detail: json.error.message });
      const xml = xmlError(await get(url, { accept: 'application/xml' }), 404);
      expect(xml).toMatchObject({ code: '100', text: json.error.message });
      expect(xml.text).toContain('no dataflow "NO_SUCH_FLOW"');
    });

    it('answers a key matching nothing with 100, the position to blame named', async () => {
      const res = await get(data(`${FLOW}/A.PHL.ZZZ._T`), {
        accept: 'application/vnd.sdmx.genericdata+xml;version=2.1',
      });
      const xml = xmlError(res, 404);
      expect(xml.code).toBe('100');
      expect(xml.text).toContain('(NoResultsFound). No series of this flow has COUNTERPART_AREA=ZZZ.');
      const json = jsonError(await get(data(`${FLOW}/A.PHL.ZZZ._T`)), 404);
      expect(json.error.details[0]?.field).toBe('key');
      expect(json.sdmx.code).toBe(100);
    });

    it('answers structure queries matching nothing, and addresses no SDMX query has, with 100 too', async () => {
      const flow = xmlError(await get('/api/sdmx/dataflow/BRIDGES/NOPE?format=xml'), 404);
      expect(flow).toMatchObject({
        code: '100',
        text: expect.stringContaining('no dataflow has the id "NOPE"') as string,
      });
      for (const url of ['/api/sdmx/nosuchresource', '/api/sdmx/dataflow/BRIDGES/X/1.0/extra', '/api/sdmx']) {
        const xml = xmlError(await get(url, { accept: 'application/xml' }), 404);
        expect(xml.code, url).toBe('100');
        expect(xml.text, url).toMatch(new RegExp(`^No route GET ${url}: SDMX queries are /api/sdmx/`));
        const json = jsonError(await get(url), 404);
        expect(json.error.code, url).toBe('not_found');
        expect(json.sdmx.code, url).toBe(100);
      }
      // A flow id longer than the router takes is a 414, as elsewhere in the API.
      const long = jsonError(await get(data(`${'X'.repeat(150)}/all`)), 414);
      expect(long.error).toMatchObject({ code: 'invalid_parameter', details: [{ field: 'path' }] });
      expect(long.sdmx.code).toBe(1414);
      // The app's own 404 and 405 elsewhere are as they were.
      expect((await app.inject({ method: 'POST', url: '/api/sdmx/dataflow' })).statusCode).toBe(405);
      expect((await get('/api/nothing-here')).json()).not.toHaveProperty('errors');
    });
  });

  describe('406', () => {
    it('answers in SDMX-ML a client that asks for an SDMX-ML message Bridges does not write', async () => {
      const res = await get(data(`${FLOW}/all`), {
        accept: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
      });
      const xml = xmlError(res, 406);
      expect(xml.code).toBe('1406');
      expect(xml.text).toContain('application/vnd.sdmx.genericdata+xml;version=2.1');
      const structure = await get('/api/sdmx/dataflow', { accept: 'application/vnd.sdmx.structure+xml;version=3.0.0' });
      expect(xmlError(structure, 406).code).toBe('1406');
      const byFormat = xmlError(await get(data(`${FLOW}/all?format=compactdata`)), 406);
      expect(byFormat.text).toContain('format=compactdata is an SDMX format Bridges does not write');
    });

    it('answers in JSON a client that asks for JSON or CSV, which has no error format of its own', async () => {
      for (const accept of [
        'application/vnd.sdmx.data+json;version=2.0.0',
        'application/vnd.sdmx.data+csv;version=1.0.0;labels=name',
        'text/csv;labels=name',
      ]) {
        const json = jsonError(await get(data(`${FLOW}/all`), { accept }), 406);
        expect(json.error.code, accept).toBe('not_acceptable');
        expect(json.sdmx, accept).toMatchObject({ code: 1406, title: 'Not Acceptable' });
      }
      expect(jsonError(await get(data(`${FLOW}/all?format=edidata`)), 406).sdmx.code).toBe(1406);
    });

    it('never answers in a format the client refused, when it takes the other', async () => {
      // SDMX-ML asked by format=, XML refused by the Accept header: JSON.
      const refusedXml = await get(data(`${FLOW}/all?format=structurespecificdata`), {
        accept: 'application/xml;q=0, text/xml;q=0, application/vnd.sdmx.structurespecificdata+xml;q=0',
      });
      expect(jsonError(refusedXml, 406).error.details[0]?.field).toBe('format');
      // JSON refused and nothing Bridges writes asked for: SDMX-ML, not the JSON default.
      const refusedJson = await get(data(`${FLOW}/all`), { accept: 'text/html, application/json;q=0' });
      expect(xmlError(refusedJson, 406).code).toBe('1406');
      // A broad range takes whichever is not refused.
      const broad = await get(data(`${FLOW}/A.PHL.USA`), { accept: 'application/json;q=0, */*' });
      expect(xmlError(broad, 400).code).toBe('150');
      // Refusing both leaves the default.
      const both = await get(data(`${FLOW}/all`), { accept: 'text/html, application/json;q=0, application/xml;q=0' });
      expect(jsonError(both, 406).sdmx.code).toBe(1406);
    });

    it('answers a malformed Accept header in JSON, naming it', async () => {
      const res = await get(data(`${FLOW}/all`), { accept: 'application/xml;q=lots' });
      expect(jsonError(res, 400).error.details[0]?.field).toBe('Accept');
    });
  });

  describe('501, 413, 503', () => {
    it('answers what Bridges does not implement with 501', async () => {
      const url = data(`${FLOW}/all?updatedAfter=2024-01-01T00:00:00Z`);
      const json = jsonError(await get(url), 501);
      expect(json.error).toMatchObject({ code: 'not_implemented', details: [{ field: 'updatedAfter' }] });
      expect(json.sdmx).toEqual({ code: 501, title: 'Not implemented', detail: json.error.message });
      const xml = xmlError(await get(url, { accept: 'application/xml' }), 501);
      expect(xml).toEqual({ code: '501', lang: 'en', text: json.error.message });
      expect(xml.text).toMatch(/^updatedAfter is not implemented/);
      for (const other of ['/api/sdmx/categoryscheme', '/api/sdmx/dataflow?detail=referencepartial'])
        expect(xmlError(await get(other, { accept: 'application/xml' }), 501).code, other).toBe('501');
    });

    it('answers an answer past the cap with 413, 130 Response too large', async () => {
      const xml = xmlError(await get(data(`${FLOW}/all?format=genericdata`)), 413);
      expect(xml.code).toBe('130');
      expect(xml.text).toContain('narrow the key');
      expect(jsonError(await get(data(`${FLOW}/all`)), 413).sdmx.code).toBe(130);
    });

    it('answers a flow still loading with 503 and its Retry-After, in either format', async () => {
      const url = data('TINY_SDMX_PENDING_TINY_STOCK/all');
      const xmlRes = await get(url, { accept: 'application/xml' });
      expect(xmlRes.headers['retry-after']).toBe('10');
      expect(xmlError(xmlRes, 503).code).toBe('503');
      const jsonRes = await get(url);
      expect(jsonRes.headers['retry-after']).toBe('10');
      expect(jsonError(jsonRes, 503)).toMatchObject({
        error: { code: 'data_loading' },
        sdmx: { code: 503, title: 'Service unavailable' },
      });
    });
  });

  it('says that errors vary with Accept, and lets any web page read them', async () => {
    const res = await get(data(`${FLOW}/A.PHL.USA`), { origin: 'https://stats.example.org' });
    expect(res.headers.vary).toBe('Accept');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('documents the error answers of the SDMX routes in JSON and SDMX-ML', async () => {
    type Responses = Record<string, { description?: string; content?: Record<string, { schema?: object }> }>;
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = doc.json<{ paths: Record<string, { get: { responses: Responses } }> }>().paths;
    for (const [path, statuses] of [
      ['/api/sdmx/dataflow', ['400', '404', '406', '501']],
      ['/api/sdmx/data/{flow}/{key}', ['400', '404', '406', '409', '413', '501', '503']],
    ] as const) {
      const responses = paths[path]?.get.responses ?? {};
      for (const status of statuses) {
        expect(Object.keys(responses[status]?.content ?? {}), `${path} ${status}`).toEqual([
          'application/json',
          'application/xml',
        ]);
        expect(responses[status]?.content?.['application/json']?.schema, `${path} ${status}`).toEqual({
          $ref: '#/components/schemas/SdmxErrorResponse',
        });
        expect(responses[status]?.description).toMatch(/SDMX/);
      }
    }
  });
});

describe('SDMX error codes', () => {
  it.each([
    [400, false, 140],
    [400, true, 150],
    [404, false, 100],
    [406, false, 1406],
    [409, false, 1409],
    [413, false, 130],
    [500, false, 500],
    [501, false, 501],
    [502, false, 500],
    [503, false, 503],
  ])('status %i (semantic: %s) → %i', (status, semantic, code) => {
    expect(sdmxErrorCode(status, semantic).code).toBe(code);
  });
});
