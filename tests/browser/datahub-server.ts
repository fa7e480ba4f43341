import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { loadLibraryContent } from '../../src/server/library/load-content.js';
import { loadReference } from '../../src/server/reference/load-reference.js';
import { rebuildSearchIndex } from '../../src/server/search/search.indexer.js';
import { importDataset } from '../../src/server/stats/import-dataset.js';
import type { BundledLoadStatus } from '../../src/server/stats/bundled-load.js';
import type { Importer } from '../../src/server/stats/model.js';

/**
 * The whole platform with statistical datasets loaded, for the data hub's browser tests and for
 * looking at the UI by hand. tests/helpers/server.ts starts with reference data only and cannot
 * import; this does createTestDatabase's work (migrate, reference) and then imports the given
 * datasets before listening. `dataDir` keeps the database between runs (imports of unchanged
 * files are skipped), `memory://` (the default) starts fresh.
 */
export async function startDatahubServer(options: {
  importers: Importer[];
  dataDir?: string;
  port?: number;
  log?: (message: string) => void;
  /** What /api/status reports (a load in progress, say); none by default. */
  loadStatus?: BundledLoadStatus;
}): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  const dataDir = options.dataDir ?? 'memory://';
  const database = await openDatabase({ engine: 'pglite', dataDir });
  try {
    await migrate(database);
    await loadReference(database);
    for (const importer of options.importers) {
      const started = performance.now();
      const outcome = await importDataset(database, importer);
      options.log?.(
        `${importer.meta.id}: ${outcome.loaded ? 'loaded' : 'unchanged'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    // The library's content and the search index, as every start loads them: the pages that
    // link from the data to the library, and the whole-site checks, find them.
    await loadLibraryContent(database);
    await rebuildSearchIndex(database.db);
    const app = await buildApp({ database, logLevel: 'warn', loadStatus: options.loadStatus });
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return {
      url: `http://127.0.0.1:${String(port)}`,
      database,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
