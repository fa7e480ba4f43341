import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorResponse } from '../../core/errors.js';
import {
  CorridorParams,
  CorridorQuery,
  CorridorResponse,
  DatasetDetailResponse,
  DatasetFileParams,
  DatasetListQuery,
  DatasetListResponse,
  DatasetParams,
  FormatQuery,
  IndicatorListResponse,
  ProfileParams,
  ProfileQuery,
  ProfileResponse,
  RankingParams,
  RankingQuery,
  RankingResponse,
  SeriesQuery,
  SeriesResponse,
} from '../../core/statistics.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { refuseM49Numbers } from '../countries/m49-numbers.js';
import { corridor, corridorCsv } from './corridor.service.js';
import {
  datasetsCsv,
  getDataset,
  indicatorsCsv,
  listDatasets,
  listIndicators,
  noDataset,
} from './catalogue.service.js';
import { datasetFiles, fileMediaType } from './dataset-files.js';
import { DatahubCache } from './datahub.context.js';
import { allowAnyOrigin } from '../http/public-data.js';
import { answerFormat, sendAnswer } from '../http/answer-format.js';
import { countryProfile, profileCsv } from './profile.service.js';
import { ranking, rankingCsv } from './rankings.service.js';
import { seriesCsv, timeSeries } from './series.service.js';

const CSV_NOTE =
  ' Answers in CSV with `format=csv` or `Accept: text/csv`: one row per value, each ending with dataset, publisher, edition, licence and citation. An Accept header that takes neither application/json nor text/csv (and no `format`) is a 406.';
const errors = { 400: ErrorResponse, 404: ErrorResponse };
const notAcceptable = ErrorResponse.describe(
  'Not Acceptable: the Accept header takes neither application/json nor text/csv',
);
/** The answers in JSON or CSV: a 406 too, for an Accept that takes neither. */
const answerErrors = { ...errors, 406: notAcceptable };
/** What an indicator or dataset the first start is still loading gets (ApiError.dataLoading). */
const stillLoading = {
  503: ErrorResponse.describe(
    'Service Unavailable (code data_loading): what is asked for comes with a bundled dataset the first start is still loading; ask again after Retry-After seconds',
  ),
};
/** Answers with no path parameter (the lists, the series): a bad value (an unknown area too) is a 400, never a 404. */
const queryAnswerErrors = { 400: ErrorResponse, 406: notAcceptable };

/**
 * The analytics API: catalogue, country profiles, corridors, rankings and series, in JSON or CSV.
 * Pass a cache to call `cache.invalidate()` after an import; otherwise one is made, and it notices
 * new loads by itself (it compares the datasets' load times on every request).
 */
export function datahubRoutes(db: Kysely<DB>, cache = new DatahubCache(db)): FastifyPluginAsyncZod {
  return async (app) => {
    allowAnyOrigin(app);
    app.get(
      '/api/datasets',
      {
        schema: {
          tags: ['data'],
          summary: 'The dataset catalogue: every publisher edition loaded, with its citation and coverage',
          description: `Editions of one publication share a family and are listed side by side. \`q\`, \`topic\` and \`publisher\` filter it, as CKAN's search does, with facet counts.${CSV_NOTE}`,
          querystring: DatasetListQuery,
          response: { 200: DatasetListResponse, ...queryAnswerErrors },
        },
      },
      async (request, reply) => {
        const { format: asked, bom: _bom, ...filters } = request.query;
        const format = answerFormat(request, reply, asked);
        const value = await listDatasets(cache, filters);
        return sendAnswer(request, reply, format, {
          value,
          schema: DatasetListResponse,
          what: 'datasets',
          csv: (v) => datasetsCsv(v.items),
          sources: value.sources,
        });
      },
    );

    app.get(
      '/api/datasets/:id',
      {
        schema: {
          tags: ['data'],
          summary: 'One dataset edition: citation, licence, method notes, caveats, provenance, coverage',
          description: CSV_NOTE,
          params: DatasetParams,
          querystring: FormatQuery,
          response: { 200: DatasetDetailResponse, ...answerErrors, ...stillLoading },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await getDataset(cache, request.params.id);
        return sendAnswer(request, reply, format, {
          value,
          schema: DatasetDetailResponse,
          what: `dataset-${value.id}`,
          csv: (v) => datasetsCsv([v]),
          sources: value.sources,
        });
      },
    );

    app.get(
      '/api/datasets/:id/files/:name',
      {
        schema: {
          tags: ['data'],
          summary: 'One of the files an edition was loaded from, as bundled',
          description:
            'The files are listed, with their size and SHA-256, in the dataset’s `files`. A 404 for a file the edition was not loaded from.',
          params: DatasetFileParams,
          querystring: z.strictObject({}),
          // The file's bytes, streamed as they are (never serialised).
          response: { 200: z.any().describe('The file, as bundled'), ...errors, ...stillLoading },
        },
      },
      async (request, reply) => {
        const { id, name } = request.params;
        const ctx = await cache.context();
        const edition = ctx.datasets.get(id);
        if (!edition) throw noDataset(ctx, id);
        const files = datasetFiles(id, edition.checksum);
        const file = files.find((f) => f.name === name);
        if (!file)
          throw ApiError.notFoundAt(
            'name',
            `${id} was not loaded from a file "${name}"${files.length ? `: its files are ${files.map((f) => f.name).join(', ')}` : ': it lists no bundled file'}`,
          );
        return reply
          .header('content-type', fileMediaType(file.name))
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .header('content-length', String(file.bytes))
          .send(createReadStream(file.path));
      },
    );

    app.get(
      '/api/indicators',
      {
        schema: {
          tags: ['data'],
          summary: 'The indicator catalogue, each indicator with the editions that carry it',
          description: CSV_NOTE,
          querystring: FormatQuery,
          response: { 200: IndicatorListResponse, ...queryAnswerErrors },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await listIndicators(cache);
        return sendAnswer(request, reply, format, {
          value,
          schema: IndicatorListResponse,
          what: 'indicators',
          csv: indicatorsCsv,
          sources: value.sources,
        });
      },
    );

    app.get(
      '/api/profiles/:code',
      {
        preValidation: refuseM49Numbers(db, [{ name: 'code', in: 'params' }]),
        schema: {
          tags: ['data'],
          summary:
            'Country profile: migration, remittances, cost of sending money, displacement, emigrants in OECD countries',
          description: `Each block cites its sources; a block whose data is not loaded is empty, with no sources.${CSV_NOTE} The CSV's \`computed_by\` says what Bridges computed; its \`note\` marks each row whose value repeats the period before's exactly, or is computed from one that does (migration.immigrants.latestRepeats, emigrants.latestRepeats, otherEditions[].latestRepeats; a top origin or destination where its own figures repeat with its destination's, topOrigins.items[].repeats, topDestinations.items[].repeats: UN DESA 2024 repeats 2020 for the Philippines and Niue as destinations); both in \`lang\` (English unless French or Spanish).`,
          params: ProfileParams,
          querystring: ProfileQuery,
          response: { 200: ProfileResponse, ...answerErrors },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await countryProfile(db, cache, request.params.code, request.query);
        return sendAnswer(request, reply, format, {
          value,
          schema: ProfileResponse,
          what: `profile-${value.area.code}`,
          csv: (v) => profileCsv(v, request.query.lang ?? 'en'),
          sources: value.sources,
        });
      },
    );

    app.get(
      '/api/corridors/:from/:to',
      {
        preValidation: refuseM49Numbers(db, [
          { name: 'from', in: 'params' },
          { name: 'to', in: 'params' },
        ]),
        schema: {
          tags: ['data'],
          summary: 'Corridor from → to: migrant stock (every UN DESA edition), remittances (KNOMAD), cost (RPW)',
          description: `from = origin of the migrants, to = destination.${CSV_NOTE} The CSV's \`note\` marks each migrant-stock row of an edition's period whose figures, as their destination's, repeat the period before's exactly (migrantStock.editions[].destinationRepeats), in \`lang\` (English unless French or Spanish).`,
          params: CorridorParams,
          querystring: CorridorQuery,
          response: { 200: CorridorResponse, ...answerErrors },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await corridor(db, cache, request.params.from, request.params.to, request.query);
        return sendAnswer(request, reply, format, {
          value,
          schema: CorridorResponse,
          what: `corridor-${value.from.code}-${value.to.code}`,
          csv: (v) => corridorCsv(v, request.query.lang ?? 'en'),
          sources: value.sources,
        });
      },
    );

    app.get(
      '/api/rankings/:indicator',
      {
        preValidation: refuseM49Numbers(db, [{ name: 'counterpart', in: 'query' }]),
        schema: {
          tags: ['data'],
          summary: 'Countries ranked on an indicator, with totals by region or income group computed by Bridges',
          description: `Publishers’ own aggregates are listed apart. Income groups: data of year Y use the World Bank fiscal year that classified on GNI of year Y (FY(Y+2)).${CSV_NOTE} The CSV's \`note\` marks each area's row whose value only repeats the period before's exactly (items[].repeats: UN DESA 2024 repeats 2020 for the Philippines and Niue as destinations), and each of Bridges' totals that includes such areas, saying how many and which (total.repeatsNote, grouping.groups[].repeatsNote), in \`lang\` (English unless French or Spanish).`,
          params: RankingParams,
          querystring: RankingQuery,
          response: { 200: RankingResponse, ...answerErrors, ...stillLoading },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await ranking(db, cache, request.params.indicator, request.query);
        return sendAnswer(request, reply, format, {
          value,
          schema: RankingResponse,
          what: `ranking-${value.indicator.id}-${value.period}`,
          csv: (v) => rankingCsv(v, request.query.lang ?? 'en'),
          // The groups' rows cite their classification too.
          sources: [...value.sources, ...(value.grouping ? [value.grouping.citation] : [])],
        });
      },
    );

    app.get(
      '/api/series',
      {
        preValidation: refuseM49Numbers(db, [
          { name: 'areas', in: 'query', list: true, aggregates: true },
          { name: 'counterpart', in: 'query' },
        ]),
        schema: {
          tags: ['data'],
          summary: 'Time series of an indicator for countries or aggregates, with growth rates',
          description: `One series per area and edition; editions are never spliced. Where the latest period of a UN DESA edition's stock only repeats the period before exactly (series[].repeats: UN DESA 2024 repeats 2020 for the Philippines and Niue as destinations), the change to it is null, not estimated rather than none.${CSV_NOTE} The CSV's \`note\` marks each row of such a period, in \`lang\` (English unless French or Spanish).`,
          querystring: SeriesQuery,
          response: { 200: SeriesResponse, ...queryAnswerErrors, ...stillLoading },
        },
      },
      async (request, reply) => {
        const format = answerFormat(request, reply, request.query.format);
        const value = await timeSeries(db, cache, request.query);
        return sendAnswer(request, reply, format, {
          value,
          schema: SeriesResponse,
          what: `series-${value.indicator.id}`,
          csv: (v) => seriesCsv(v, request.query.lang ?? 'en'),
          sources: value.sources,
        });
      },
    );
  };
}
