import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ErrorResponse } from '../../core/errors.js';
import { SearchQuery, SearchResponse } from '../../core/library.js';
import { refuseM49Numbers } from '../countries/m49-numbers.js';
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
        // A number in `country` (608) is named: M49 numbers go in `region`, areas by their codes.
        preValidation: refuseM49Numbers(db, [{ name: 'country', in: 'query', list: true, regionParameter: 'region' }]),
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
