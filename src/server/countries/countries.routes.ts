import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CountryDetail,
  CountryDetailQuery,
  CountryListQuery,
  CountryListResponse,
  CountryParams,
  RegionsQuery,
  RegionsResponse,
} from '../../core/countries.js';
import { ErrorResponse } from '../../core/errors.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { answerFormat, sendAnswer } from '../http/answer-format.js';
import { allowAnyOrigin } from '../http/public-data.js';
import { REFERENCE_CITATIONS } from './countries.citations.js';
import { countriesCsv, countryCsv, regionsCsv } from './countries.csv.js';
import { getCountry, listCountries, listRegions } from './countries.service.js';
import { refuseM49Numbers } from './m49-numbers.js';

const CSV_NOTE =
  ' Answers in CSV with `format=csv` or `Accept: text/csv`: each row ending with dataset, publisher, edition, licence and citation of what it draws on (the reference files; for a publisher’s aggregate, the datasets that carry it). An Accept header that takes neither application/json nor text/csv (and no `format`) is a 406.';
const notAcceptable = ErrorResponse.describe(
  'Not Acceptable: the Accept header takes neither application/json nor text/csv',
);
const REFERENCE = Object.values(REFERENCE_CITATIONS);

/**
 * Countries and areas: validate → call the service → present (the service returns API shapes),
 * in JSON or CSV as the data hub's answers are (format= or Accept; an answer object is serialised
 * once per format, so the lists the service keeps cost nothing more in either).
 */
export function countriesRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    allowAnyOrigin(app);
    app.get(
      '/api/countries',
      {
        schema: {
          tags: ['countries'],
          summary: 'List and search countries and areas',
          description: `CSV: a row per country or area, with its codes, names in the six UN languages, M49 region, sub-region and intermediate region, World Bank region, income group in the fiscal year asked, and LDC, LLDC and SIDS flags.${CSV_NOTE}`,
          querystring: CountryListQuery,
          response: { 200: CountryListResponse, 400: ErrorResponse, 406: notAcceptable },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await listCountries(db, request.query);
        return sendAnswer(request, reply, format, {
          value,
          schema: CountryListResponse,
          what: 'countries',
          csv: countriesCsv,
          sources: [...REFERENCE, ...value.datasets],
        });
      },
    );

    app.get(
      '/api/countries/:code',
      {
        // 608, the Philippines' M49 code: a 400 naming PHL (an aggregate too: UNDESA_903 for 002).
        preValidation: refuseM49Numbers(db, [{ name: 'code', in: 'params', aggregates: true }]),
        schema: {
          tags: ['countries'],
          summary: 'One country or area: names, codes, classifications and income-group history',
          description: `CSV: a row per fiscal year of its income-group history, FY89 first, with the list’s columns (one row, no income group, for an area never classified).${CSV_NOTE}`,
          params: CountryParams,
          querystring: CountryDetailQuery,
          response: { 200: CountryDetail, 400: ErrorResponse, 404: ErrorResponse, 406: notAcceptable },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await getCountry(db, request.params.code, request.query.lang);
        return sendAnswer(request, reply, format, {
          value,
          schema: CountryDetail,
          what: `country-${value.code}`,
          csv: countryCsv,
          sources: [...REFERENCE, ...value.datasets],
        });
      },
    );

    app.get(
      '/api/regions',
      {
        schema: {
          tags: ['countries'],
          summary: 'M49 regions and sub-regions, World Bank income groups and fiscal years: the filter vocabularies',
          description: `CSV: a row per M49 region and sub-region (with its region as parent), per income group and per fiscal year classified (classification m49 or wb_income, level region, subregion, income_group or fiscal_year).${CSV_NOTE}`,
          querystring: RegionsQuery,
          response: { 200: RegionsResponse, 400: ErrorResponse, 406: notAcceptable },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        return sendAnswer(request, reply, format, {
          value: await listRegions(db),
          schema: RegionsResponse,
          what: 'regions',
          csv: regionsCsv,
          sources: REFERENCE,
        });
      },
    );
  };
}
