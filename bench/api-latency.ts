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
}

/**
 * Loads every bundled dataset, then puts each endpoint under 50 concurrent connections for 3 s
 * (warm-up, its p99 kept) and then for 10 s (the measured run).
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
    } finally {
      await app.close();
    }
    return { engine: version, loadAllSeconds, observations, endpoints };
  } finally {
    await drop();
  }
}
