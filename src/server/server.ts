import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, redactUrl, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { BUNDLED_IMPORTERS } from './importers/index.js';
import { loadLibraryContent } from './library/load-content.js';
import { loadReference, type ProgressReporter } from './reference/load-reference.js';
import { indexDatasets, rebuildSearchIndex, refreshSearchWords, searchIndexIsBuilt } from './search/search.indexer.js';
import { BundledLoadStatus, loadBundledDatasets } from './stats/bundled-load.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Settles when the bundled datasets have loaded in the background (or failed, or were stopped). */
  datasetsLoaded: Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database the configuration names, loads the bundled reference data and
 * the library's content files, and rebuilds the search index.
 */
export async function prepareDatabase(config: Config, onProgress?: ProgressReporter): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const reference = await loadReference(database, { onProgress });
    const content = await loadLibraryContent(database);
    for (const id of content.kept)
      process.stderr.write(
        `Library: ${id} was edited in the UI since it was loaded; its changed content file was not applied.\n`,
      );
    for (const clash of content.clashes) process.stderr.write(`Library: ${clash}.\n`);
    // The index follows every change in the transaction that makes it (content loads, publications,
    // imports): a whole rebuild, a minute at 100,000 items, is only for a new database or new
    // reference data. Datasets imported from the command line meanwhile are listed again (cheap).
    if (reference.loaded || !(await searchIndexIsBuilt(database.db))) await rebuildSearchIndex(database.db);
    else await indexDatasets(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * Starts Bridges: database migrated and reference data loaded, then the HTTP server on the
 * configured host and port, then the bundled datasets in the background (the UI is usable at
 * once; /api/status tells what is loaded).
 */
export async function startServer(
  config: Config,
  options: {
    onProgress?: ProgressReporter;
    onDatasetProgress?: ProgressReporter;
    /** Where the bundled load says what it loaded or could not: the server's (JSON) log unless given. */
    datasetLog?: { info(msg: string): void; error(msg: string): void };
    webDir?: string;
  } = {},
): Promise<RunningServer> {
  const database = await prepareDatabase(config, options.onProgress);
  const loadStatus = new BundledLoadStatus(BUNDLED_IMPORTERS);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      database,
      logLevel: config.logLevel,
      webDir: options.webDir,
      loadStatus,
      trustProxy: config.trustProxy,
      publicOrigin: config.publicOrigin,
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await database.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const stop = new AbortController();
  const datasetsLoaded = loadBundledDatasets(database, BUNDLED_IMPORTERS, loadStatus, options.datasetLog ?? app.log, {
    onProgress: options.onDatasetProgress,
    signal: stop.signal,
    onLoaded: async () => {
      await indexDatasets(database.db);
      await refreshSearchWords(database.db);
    },
  });
  return {
    app,
    database,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`,
    datasetsLoaded,
    async close() {
      stop.abort();
      await datasetsLoaded;
      await app.close();
      await database.close();
    },
  };
}

/** Describes where the data lives, for the start banner. */
export function describeDatabase(config: Config): string {
  return config.database.engine === 'pglite'
    ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}`
    : `PostgreSQL server at ${redactUrl(config.database.url)}`;
}
