import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ErrorResponse } from '../../core/errors.js';
import { SearchQuery, SearchResponse } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { allowAnyOrigin } from '../http/public-data.js';
import { search } from './search.service.js';

/** GET /api/search: validate → call the service → present (the service returns the API shape). */
export function searchRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    allowAnyOrigin(app);
    app.get(
      '/api/search',
      {
        schema: {
          tags: ['search'],
          summary:
            'Search the library, countries and datasets: accent-insensitive, prefix and typo-tolerant, with facet counts',
          querystring: SearchQuery,
          response: { 200: SearchResponse, 400: ErrorResponse },
        },
      },
      (request) => search(db, request.query),
    );
  };
}
