import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { HealthResponse, StatusResponse } from '../../core/health.js';
import type { Database } from '../db/database.js';
import { VERSION } from '../paths.js';
import type { BundledLoadStatus } from '../stats/bundled-load.js';

/** Liveness with the engine in use, and the state of the background data load. */
export function healthRoutes(database: Database, loadStatus?: BundledLoadStatus): FastifyPluginAsyncZod {
  return async (app) => {
    // Polled (the UI's load banner every few seconds, monitors): not one log line per poll.
    const quiet = { logLevel: 'warn' as const };
    app.get(
      '/api/health',
      { ...quiet, schema: { tags: ['system'], summary: 'Service health', response: { 200: HealthResponse } } },
      async () => {
        await sql`SELECT 1`.execute(database.db);
        return { status: 'ok' as const, database: database.engine, version: VERSION };
      },
    );
    app.get(
      '/api/status',
      {
        ...quiet,
        schema: { tags: ['system'], summary: 'Which bundled datasets are loaded', response: { 200: StatusResponse } },
      },
      () => ({
        database: database.engine,
        version: VERSION,
        loading: loadStatus ? !loadStatus.done : false,
        datasets: loadStatus ? [...loadStatus.datasets].map(([id, d]) => ({ id, ...d })) : [],
      }),
    );
  };
}
