import { buildApp } from '../src/server/app.js';
import { BUNDLED_IMPORTERS } from '../src/server/importers/index.js';
import { importDataset } from '../src/server/stats/import-dataset.js';
import { freshDatabase, type BenchEngine } from './engines.js';
import { generateLoad, type LoadSample } from './load.js';

const CONNECTIONS = 50;
const SECONDS = 10;

export interface LoadResult {
  engine: string;
  /** Seconds to load every bundled dataset into a fresh database, as a first `npm start` does. */
  loadAllSeconds: number;
  observations: number;
  endpoints: ({ path: string } & LoadSample)[];
}

/** Loads every bundled dataset, then puts each endpoint under 50 concurrent connections for 10 s. */
export async function benchApi(engine: BenchEngine, paths: string[]): Promise<LoadResult> {
  const { database, version, drop } = await freshDatabase(engine);
  try {
    const started = performance.now();
    let observations = 0;
    for (const importer of BUNDLED_IMPORTERS) {
      const outcome = await importDataset(database, importer);
      if (outcome.loaded) observations += outcome.observations;
    }
    const loadAllSeconds = (performance.now() - started) / 1000;
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
        endpoints.push({ path, ...(await generateLoad(url, CONNECTIONS, SECONDS)) });
      }
    } finally {
      await app.close();
    }
    return { engine: version, loadAllSeconds, observations, endpoints };
  } finally {
    await drop();
  }
}
