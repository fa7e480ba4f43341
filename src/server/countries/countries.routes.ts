import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CountryDetail,
  CountryDetailQuery,
  CountryListQuery,
  CountryListResponse,
  CountryParams,
  RegionsResponse,
} from '../../core/countries.js';
import { ErrorResponse } from '../../core/errors.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { sendJson } from '../http/public-data.js';
import { getCountry, listCountries, listRegions } from './countries.service.js';

/** Countries and areas: validate → call the service → present (the service returns API shapes). */
export function countriesRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/countries',
      {
        schema: {
          tags: ['countries'],
          summary: 'List and search countries and areas',
          querystring: CountryListQuery,
          response: { 200: CountryListResponse, 400: ErrorResponse },
        },
      },
      async (request, reply) => sendJson(request, reply, await listCountries(db, request.query), CountryListResponse),
    );

    app.get(
      '/api/countries/:code',
      {
        schema: {
          tags: ['countries'],
          summary: 'One country or area: names, codes, classifications and income-group history',
          params: CountryParams,
          querystring: CountryDetailQuery,
          response: { 200: CountryDetail, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        sendJson(request, reply, await getCountry(db, request.params.code, request.query.lang), CountryDetail),
    );

    app.get(
      '/api/regions',
      {
        schema: {
          tags: ['countries'],
          summary: 'M49 regions and sub-regions, World Bank income groups and fiscal years: the filter vocabularies',
          querystring: CountryDetailQuery.pick({}),
          response: { 200: RegionsResponse, 400: ErrorResponse },
        },
      },
      async (request, reply) => sendJson(request, reply, await listRegions(db), RegionsResponse),
    );
  };
}
