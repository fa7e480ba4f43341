import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { HealthResponse } from '../../core/health.js';
import type { Database } from '../db/database.js';
import { VERSION } from '../paths.js';

/** Liveness with the engine in use; answers only once the database answers. */
export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      { schema: { tags: ['system'], summary: 'Service health', response: { 200: HealthResponse } } },
      async () => {
        await sql`SELECT 1`.execute(database.db);
        return { status: 'ok' as const, database: database.engine, version: VERSION };
      },
    );
  };
}
