import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { undesaIms2024 } from '../importers/undesa-ims.js';
import { unhcrDisplacement } from '../importers/unhcr.js';
import { importDataset } from '../stats/import-dataset.js';
import { FlowReloadedError, openData, planData, readDataSeries } from './sdmx.service.js';

/**
 * Whole-flow answers, the biggest Bridges serves: byte for byte what they were before they were
 * read in chunks, and read back by a CSV parser, JSON.parse and the SDMX-ML elements; the same
 * bytes whatever the size of the chunks; other requests answered while one streams; and a flow
 * reloaded meanwhile cuts the answer short rather than mixing two loads.
 */

const FLOW_2024 = 'UNDESA_IMS_2024_MIGRANT_STOCK';
const FLOW_UNHCR = 'UNHCR_DISPLACEMENT_2024_FORCIBLY_DISPLACED';

/**
 * The answers as the writers made them when each answer was read in one piece per 20,000
 * observations (commit 9cd02db), message id and time left out: bytes and SHA-256. A change of the
 * bundled files or of a writer changes them on purpose; a change of how the data are read never may.
 */
const GOLDEN: Record<string, { bytes: number; sha256: string }> = {
  // UN DESA's stock flows since their observations carry Bridges' comment (COMMENT_OBS) where a
  // figure only repeats the period before's: in 2024 the Philippines' and Niue's 36 figures (their
  // origins by sex). The CSVs gain the column (a comma a row, its header) and the 36 comments, the
  // JSON the attribute, its one value and 36 indexes, the SDMX-ML 36 gen:Value elements; the flat
  // JSON (detail=dataonly: no attributes) and the series keys are as they were, and so is UNHCR.
  // Before: CSV 49,414,893 bytes (10519177…), labelled 58,963,168 (a0daffb7…), JSON 2,809,329
  // (eb24bf95…), the last two since 2000 6,180,294 (92f1e4a1…), SDMX-ML 32,457,585 (cb624cdf…).
  'undesa csv': { bytes: 49_573_061, sha256: '113459eb2d0a50048922d4173ebe9166d51c6bebec009653f951c0e9fbed31b8' },
  // The unit labelled too ("persons: persons", 9 bytes a row more than before).
  'undesa csv labels': {
    bytes: 59_121_357,
    sha256: '399f18dc9910ca307403f3bbdca91e1d4d23ef6cff0da1673b607984004a4979',
  },
  // The JSON since its names come in every language Bridges has (`names` beside `name`: the
  // areas', the sexes', the flow's and the unit's), 2.5 % longer; CSV and SDMX-ML as they were.
  // Since Revision 2024's caveats name the destinations whose 2024 figures repeat 2020's (f419f9a),
  // the JSON's three copies of the caveats are 3 × 358 bytes longer; without that sentence, the
  // same bytes as before (326a40c4… and b60f8162…). Since the concepts every flow has and the codes
  // of FREQ and OBS_STATUS are named in French and Spanish too, `names` beside their `name`: 933 and
  // 350 bytes longer (351add11… and 437649db… before).
  'undesa json': { bytes: 2_810_224, sha256: 'e71907c5f3e1000f9ad96de10a8665b1802fd6b9d7ee1abe65cf1640b2761977' },
  'undesa json flat': { bytes: 3_240_083, sha256: '1ef1bbb681ac32ff4186dcc261796abcf32721cdfd70ba19df04931aad15db53' },
  'undesa last two since 2000': {
    bytes: 6_201_898,
    sha256: '1616b90ce9f4b7f5da208b62287d91941769304708a4b03cf54f749d66fc68c1',
  },
  'undesa series keys': {
    bytes: 1_073_117,
    sha256: 'f6cf69fe455638d035d2ddd90fd1c1578f7a2649de4bc55ff88bcdf012b664c3',
  },
  'undesa xml': { bytes: 32_463_921, sha256: 'ccfc7b5856857c9234042ec08a21ebdfc9a1799d5de7d9ac6dc88848320e1af6' },
  // UNHCR since its mid-2024 values are marked provisional (c54ea49): the CSV as long as before (A
  // → P in OBS_STATUS), the JSON's observation status gains the value P; with the concepts' and
  // codes' French and Spanish names, 942 bytes longer (6511af45… before).
  'unhcr csv': { bytes: 65_456_294, sha256: 'dff76a4db79b45b9572525f3b1d25f50611dae9ceb02475a3bbf04664a9f82a3' },
  'unhcr json': { bytes: 3_860_992, sha256: '28a1e289da470bb7b8ef6a30526a67379b4559b91305f6f69490740c1cc088a0' },
};

/** The message's id and time, and when the edition was loaded: the parts that differ from one answer or load to the next. */
function withoutMessageId(body: string): string {
  return body
    .replace(/^\{"header":\{"id":"IREF[0-9a-f]{16}","test":false,"prepared":"[^"]+"/, '{"header":{')
    .replace(/"type":"LAST_LOADED","title":"[^"]+"/, '"type":"LAST_LOADED"')
    .replace(/<mes:ID>IREF[0-9a-f]{16}<\/mes:ID><mes:Test>false<\/mes:Test><mes:Prepared>[^<]+<\/mes:Prepared>/, '');
}

/**
 * A client in a process of its own: downloads the address given first and, at its first bytes,
 * asks for the second; prints the download's size and how much of it had come when the second
 * answered.
 */
const DOWNLOAD_AND_ASK_HEALTH = `
const http = require('node:http');
const [download, other] = process.argv.slice(1);
let received = 0;
let answered;
http.get(download, (res) => {
  res.on('data', (chunk) => {
    received += chunk.length;
    answered ??= fetch(other).then((r) => ({ status: r.status, receivedMeanwhile: received }));
  });
  res.on('end', async () => console.log(JSON.stringify({ total: received, ...(await answered) })));
});
`;

function digest(body: string): { bytes: number; sha256: string } {
  return { bytes: Buffer.byteLength(body), sha256: createHash('sha256').update(body).digest('hex') };
}

describe.each(testEngines())('SDMX whole-flow answers on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, undesaIms2024);
    await importDataset(testDb.database, unhcrDisplacement);
    app = await buildApp({ database: testDb.database, logLevel: 'warn' });
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await testDb?.drop();
  });

  const answers: { name: string; url: string; accept?: string; check(body: string): void }[] = [
    {
      name: 'undesa csv',
      url: `/api/sdmx/data/${FLOW_2024}/all?format=csv`,
      check(body) {
        const rows = parseCsv(body, { columns: true }) as Record<string, string>[];
        expect(rows).toHaveLength(153_296);
        expect(
          rows.every((r) => r.DATAFLOW === `BRIDGES:${FLOW_2024}(1.0)` && Number.isFinite(Number(r.OBS_VALUE))),
        ).toBe(true);
      },
    },
    {
      name: 'undesa csv labels',
      url: `/api/sdmx/data/${FLOW_2024}/all?format=csv&labels=both`,
      check(body) {
        expect(parseCsv(body, { columns: true })).toHaveLength(153_296);
      },
    },
    {
      name: 'undesa json',
      url: `/api/sdmx/data/${FLOW_2024}/all`,
      check(body) {
        const message = JSON.parse(body) as { dataSets: { series: Record<string, { observations: object }> }[] };
        const series = Object.values(message.dataSets[0]?.series ?? {});
        expect(series.reduce((n, s) => n + Object.keys(s.observations).length, 0)).toBe(153_296);
      },
    },
    {
      name: 'undesa json flat',
      url: `/api/sdmx/data/${FLOW_2024}?dimensionAtObservation=AllDimensions&detail=dataonly`,
      check(body) {
        const message = JSON.parse(body) as { dataSets: { observations: object }[] };
        expect(Object.keys(message.dataSets[0]?.observations ?? {})).toHaveLength(153_296);
      },
    },
    {
      name: 'undesa xml',
      url: `/api/sdmx/data/${FLOW_2024}/all`,
      accept: 'application/xml',
      check(body) {
        expect(body.match(/<gen:Obs>/g)).toHaveLength(153_296);
        expect(body.endsWith('</mes:DataSet></mes:GenericData>\n')).toBe(true);
      },
    },
    {
      name: 'undesa series keys',
      url: `/api/sdmx/data/${FLOW_2024}/all?format=csv&detail=serieskeysonly`,
      check(body) {
        expect((parseCsv(body, { columns: true }) as unknown[]).length).toBeGreaterThan(15_000);
      },
    },
    {
      name: 'undesa last two since 2000',
      url: `/api/sdmx/data/${FLOW_2024}/A...F?format=csv&startPeriod=2000&lastNObservations=2`,
      check(body) {
        const rows = parseCsv(body, { columns: true }) as Record<string, string>[];
        expect(new Set(rows.map((r) => r.TIME_PERIOD))).toEqual(new Set(['2020', '2024']));
      },
    },
    {
      name: 'unhcr csv',
      url: `/api/sdmx/data/${FLOW_UNHCR}/all?format=csv`,
      check(body) {
        expect(parseCsv(body, { columns: true })).toHaveLength(191_857);
      },
    },
    {
      name: 'unhcr json',
      url: `/api/sdmx/data/${FLOW_UNHCR}/all`,
      check(body) {
        const message = JSON.parse(body) as { dataSets: { series: Record<string, { observations: object }> }[] };
        const series = Object.values(message.dataSets[0]?.series ?? {});
        expect(series.reduce((n, s) => n + Object.keys(s.observations).length, 0)).toBe(191_857);
      },
    },
  ];

  it('answers whole flows byte for byte as before, and they read back', async () => {
    const found: Record<string, { bytes: number; sha256: string }> = {};
    for (const answer of answers) {
      const res = await app.inject({
        method: 'GET',
        url: answer.url,
        headers: answer.accept ? { accept: answer.accept } : {},
      });
      expect(res.statusCode, `${answer.name}: ${res.body.slice(0, 300)}`).toBe(200);
      answer.check(res.body);
      found[answer.name] = digest(withoutMessageId(res.body));
    }
    expect(found).toEqual(GOLDEN);
  }, 240_000);

  it('gzips a whole flow to the same bytes', async () => {
    const url = `/api/sdmx/data/${FLOW_2024}/all?format=csv`;
    const plain = await app.inject({ method: 'GET', url });
    const zipped = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
  }, 120_000);

  it('gives the same bytes whatever the size of the chunks it reads', async () => {
    const tiny = await buildApp({
      database: testDb.database,
      logLevel: 'warn',
      sdmx: { chunks: { series: 3, observations: 10 } },
    });
    try {
      // Each with whether it carries the comment on the Philippines' 2024 figures (COMMENT_OBS, an
      // attribute of the observations: with detail=full only), which a series keeps whatever
      // chunk it is read in.
      for (const [url, accept, commented] of [
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..?format=csv`, undefined, true],
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..?format=csv&labels=both&detail=dataonly`, undefined, false],
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..`, undefined, true],
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..?dimensionAtObservation=AllDimensions`, undefined, true],
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..`, 'application/xml', true],
        [`/api/sdmx/data/${FLOW_2024}/A.USA+PHL..?detail=serieskeysonly&format=csv`, undefined, false],
        [
          `/api/sdmx/data/${FLOW_2024}/A.USA+PHL..?startPeriod=2010&firstNObservations=1&lastNObservations=1`,
          undefined,
          true,
        ],
        [`/api/sdmx/data/${FLOW_UNHCR}/A.DEU+COL...?format=csv`, undefined, false],
        [`/api/sdmx/data/${FLOW_UNHCR}/A.DEU+COL...?format=csv&labels=both`, undefined, false],
      ] as [string, string | undefined, boolean][]) {
        const headers = accept ? { accept } : {};
        const expected = await app.inject({ method: 'GET', url, headers });
        const chunked = await tiny.inject({ method: 'GET', url, headers });
        expect(expected.statusCode, url).toBe(200);
        expect(chunked.statusCode, url).toBe(200);
        expect(withoutMessageId(chunked.body), url).toBe(withoutMessageId(expected.body));
        // The Philippines' 20 figures of 2024 (its 10 origins by sex): SDMX-CSV and SDMX-ML say it
        // on each, SDMX-JSON gives each the index of the one value, a fourth member.
        const json = !accept && !url.includes('format=csv');
        const comments = json
          ? chunked.body.match(/"[\d:]+":\[[\d.]+,\d+,(?:\d+|null),\d+\]/g)
          : chunked.body.match(/Bridges: Repeats the 2020 figure exactly/g);
        expect(comments?.length ?? 0, url).toBe(commented ? 20 : 0);
        expect(chunked.headers['transfer-encoding'], url).toBe('chunked');
      }
      // Read in one chunk, an answer goes in one piece, with its length.
      const one = await app.inject({ method: 'GET', url: `/api/sdmx/data/${FLOW_2024}/A.USA.MEX.?format=csv` });
      expect(one.headers['content-length']).toBe(String(one.rawPayload.length));
      expect(one.headers.vary).toBe('Accept, Accept-Encoding, Accept-Language');
    } finally {
      await tiny.close();
    }
  }, 120_000);

  it('answers other requests while a whole flow streams', async () => {
    const server = await buildApp({ database: testDb.database, logLevel: 'warn' });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    const base = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
    try {
      // NOTE: the client is another process: one in this process reads only when the server lets
      // the event loop turn, which hides a server that does not.
      const { stdout } = await promisify(execFile)(process.execPath, [
        '-e',
        DOWNLOAD_AND_ASK_HEALTH,
        `${base}/api/sdmx/data/${FLOW_2024}/all?format=csv`,
        `${base}/api/health`,
      ]);
      const seen = JSON.parse(stdout) as { total: number; status: number; receivedMeanwhile: number };
      expect(seen.status).toBe(200);
      expect(seen.total).toBe(GOLDEN['undesa csv']?.bytes);
      // Answered while the download still had most of its 49 MB to go.
      expect(seen.receivedMeanwhile).toBeLessThan(seen.total / 2);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('never mixes two loads of a flow: a chunk read after a reload fails, a new answer starts at the new load', async () => {
    const db = testDb.database.db;
    const request = { flow: FLOW_2024, key: 'A.USA..', query: {} };
    const plan = await planData(db, request);
    const batches = readDataSeries(db, plan, { series: 10, observations: 100 });
    expect((await batches.next()).done).toBe(false);
    await importDataset(testDb.database, undesaIms2024, { force: true });
    await expect(batches.next()).rejects.toThrow(FlowReloadedError);
    const again = await openData(db, request);
    expect(again.plan.version).not.toBe(plan.version);
    expect(again.plan.observationCount).toBe(plan.observationCount);
  }, 120_000);

  it('cuts an answer short, gzipped or not, when its flow is reloaded while it streams', async () => {
    // Tiny chunks, so the answer is still streaming when the reload, started at its first bytes, ends.
    const server = await buildApp({
      database: testDb.database,
      logLevel: 'silent',
      sdmx: { chunks: { series: 20, observations: 20 } },
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    const base = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
    try {
      for (const encoding of ['identity', 'gzip']) {
        let reload: Promise<unknown> | undefined;
        const body: Buffer[] = [];
        const answer = await new Promise<{ status?: number; complete: boolean }>((resolve, reject) => {
          http
            .get(
              `${base}/api/sdmx/data/${FLOW_2024}/all?format=csv`,
              { headers: { 'accept-encoding': encoding } },
              (res) => {
                res.on('data', (chunk: Buffer) => {
                  body.push(chunk);
                  reload ??= importDataset(testDb.database, undesaIms2024, { force: true });
                });
                res.on('error', () => undefined); // 'aborted': the connection was cut, as expected
                res.on('close', () => resolve({ status: res.statusCode, complete: res.complete }));
              },
            )
            .on('error', reject);
        });
        await reload;
        expect(answer.status, encoding).toBe(200);
        expect(answer.complete, encoding).toBe(false);
        const bytes = Buffer.concat(body);
        if (encoding === 'gzip') expect(() => gunzipSync(bytes)).toThrow(/unexpected end/);
        else expect(bytes.length).toBeLessThan(GOLDEN['undesa csv']?.bytes ?? 0);
      }
    } finally {
      await server.close();
    }
  }, 240_000);
});
