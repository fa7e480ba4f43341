import { spawn } from 'node:child_process';
import { buildApp } from '../src/server/app.js';
import { BUNDLED_IMPORTERS } from '../src/server/importers/index.js';
import { BundledLoadStatus, loadBundledDatasets } from '../src/server/stats/bundled-load.js';
import { freshDatabase, type BenchEngine } from './engines.js';
import { generateLoad, type LoadSample } from './load.js';

const CONNECTIONS = 50;
const SECONDS = 10;
/** A first, shorter run at the same load, reported apart: a server's first seconds after the load. */
const WARM_UP_SECONDS = 3;

export interface LoadResult {
  engine: string;
  /** Seconds to load every bundled dataset into a fresh database, as a first `npm start` does. */
  loadAllSeconds: number;
  observations: number;
  /** Each endpoint's measured run, and the p99 of the warm-up run before it. */
  endpoints: ({ path: string; warmUpP99: number } & LoadSample)[];
  /** Each endpoint again, while another client downloads a whole SDMX flow over and over. */
  duringDownload: {
    download: string;
    /** Downloads completed during the run, their mean time and size. */
    downloads: number;
    downloadSeconds: number;
    downloadMiB: number;
    endpoints: ({ path: string } & LoadSample)[];
  };
}

/** The largest bundled flow, whole, as SDMX-CSV: about 49 MB. */
const WHOLE_FLOW = '/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK/all?format=csv';
/** Fewer connections than the plain run: the point is how long a request waits behind a download. */
const DOWNLOAD_CONNECTIONS = 10;

/**
 * A separate process that downloads `url` again and again until stopped, reading every byte, and
 * prints each download's seconds and bytes: a client the server cannot tell from another user.
 */
function downloadLoop(url: string) {
  const script = `
    const url = process.argv[1];
    for (;;) {
      const t = performance.now();
      const r = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      if (!r.ok) { console.error('download answered ' + r.status); process.exit(1); }
      let bytes = 0;
      for await (const chunk of r.body) bytes += chunk.length;
      console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, bytes }));
    }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done: { seconds: number; bytes: number }[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line) done.push(JSON.parse(line) as { seconds: number; bytes: number });
  });
  return {
    done,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/**
 * Loads every bundled dataset, then puts each endpoint under 50 concurrent connections for 3 s
 * (warm-up, its p99 kept) and then for 10 s (the measured run); then each again under 10
 * connections for 10 s while another process downloads the largest flow whole, over and over.
 */
export async function benchApi(engine: BenchEngine, paths: string[]): Promise<LoadResult> {
  const { database, version, drop } = await freshDatabase(engine);
  try {
    // As the first `npm start` loads them (src/server/server.ts), search index aside.
    const started = performance.now();
    const status = new BundledLoadStatus(BUNDLED_IMPORTERS);
    const errors: string[] = [];
    await loadBundledDatasets(database, BUNDLED_IMPORTERS, status, { info: () => {}, error: (m) => errors.push(m) });
    const loadAllSeconds = (performance.now() - started) / 1000;
    if (errors.length) throw new Error(`the bundled load failed: ${errors.join('; ')}`);
    const [count] = await database.withRawSession((s) =>
      s.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'),
    );
    const observations = count?.n ?? 0;
    const app = await buildApp({ database, logLevel: 'silent' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const endpoints: LoadResult['endpoints'] = [];
    const during: LoadResult['duringDownload']['endpoints'] = [];
    let downloads: { seconds: number; bytes: number }[] = [];
    try {
      for (const path of paths) {
        const url = `http://127.0.0.1:${String(port)}${path}`;
        const warm = await fetch(url);
        if (!warm.ok) throw new Error(`${path} answered ${String(warm.status)}: ${(await warm.text()).slice(0, 200)}`);
        // The warm-up (JIT, the garbage the load left, connections opened) is reported beside the
        // run, not in it: a server answers like the run for as long as it keeps running.
        const warmUp = await generateLoad(url, CONNECTIONS, WARM_UP_SECONDS);
        endpoints.push({ path, warmUpP99: warmUp.p99, ...(await generateLoad(url, CONNECTIONS, SECONDS)) });
      }
      // The same endpoints while a whole flow is downloaded again and again: on PGlite's one
      // connection a download is read in chunks, other requests answered between two.
      const loop = downloadLoop(`http://127.0.0.1:${String(port)}${WHOLE_FLOW}`);
      try {
        for (const path of paths)
          during.push({
            path,
            ...(await generateLoad(`http://127.0.0.1:${String(port)}${path}`, DOWNLOAD_CONNECTIONS, SECONDS)),
          });
      } finally {
        await loop.stop();
      }
      downloads = loop.done;
      if (!downloads.length) throw new Error(`no download of ${WHOLE_FLOW} finished during the run`);
    } finally {
      await app.close();
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    return {
      engine: version,
      loadAllSeconds,
      observations,
      endpoints,
      duringDownload: {
        download: WHOLE_FLOW,
        downloads: downloads.length,
        downloadSeconds: mean(downloads.map((d) => d.seconds)),
        downloadMiB: mean(downloads.map((d) => d.bytes)) / 2 ** 20,
        endpoints: during,
      },
    };
  } finally {
    await drop();
  }
}
