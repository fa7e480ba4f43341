import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CsvBomParam } from '../../core/countries.js';
import { ErrorResponse } from '../../core/errors.js';
import { UI_LANGUAGES } from '../../core/languages.js';
import { VOCABULARIES } from '../../core/library-vocab.js';
import {
  CreateItemBody,
  GapMap,
  GapMapQuery,
  ItemParams,
  ItemQuery,
  ItemView,
  RestoreBody,
  ReviewQueue,
  RevisionDetail,
  RevisionList,
  RevisionParams,
  SaveItemBody,
  SourceDocumentList,
  TransitionBody,
} from '../../core/library.js';
import { FormatQuery } from '../../core/statistics.js';
import { optionalUser, routeUser } from '../auth/auth.plugin.js';
import type { DB } from '../db/schema.js';
import { answerFormat } from '../http/answer-format.js';
import { ApiError } from '../http/api-error.js';
import { siteOrigin } from '../http/site-origin.js';
import { allowAnyOrigin } from '../http/public-data.js';
import { SOURCE_DOCUMENTS_DIR } from '../paths.js';
import { sourceDocumentList } from './source-documents.js';
import { exportCslJson, exportCsv, exportJson, exportRis, LIBRARY_SOURCE } from './export.service.js';
import { gapMap, gapMapCsv } from './gap-map.service.js';
import {
  createItem,
  getItem,
  getRevision,
  listRevisions,
  restoreRevision,
  reviewQueue,
  saveItem,
  transition,
} from './library.service.js';

const LangQuery = z.strictObject({ lang: z.enum(UI_LANGUAGES).default('en') });
/**
 * A CSV answer as `bom=true` asks for it (the parameter of every CSV answer, CsvBomParam): a UTF-8
 * byte-order mark first, so that Excel reads accents right, as http/answer-format.ts's sendAnswer
 * does for the data hub's and the countries' CSV.
 */
const withCsvBom = (bom: 'true' | 'false' | undefined, csv: string) => (bom === 'true' ? `\uFEFF${csv}` : csv);

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The practice & evidence library: items, workflow, revisions, gap map, exports, source documents. */
export function libraryRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/library/vocabularies',
      {
        schema: {
          tags: ['library'],
          summary: 'Every controlled vocabulary with its labels in en / fr / es',
          // No parameters: an unknown one is an error here as everywhere.
          querystring: z.strictObject({}),
        },
      },
      () => VOCABULARIES,
    );

    app.get(
      '/api/library/items/:id',
      {
        schema: {
          tags: ['library'],
          summary: 'One record, organisation or study, with its countries, organisations, related records and evidence',
          params: ItemParams,
          querystring: ItemQuery,
          response: { 200: ItemView, ...errors },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return getItem(db, request.params.id, request.query, await optionalUser(request));
      },
    );

    app.post(
      '/api/library/items',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Create an item as a draft (contributors)',
          querystring: LangQuery,
          body: CreateItemBody,
          response: { 201: ItemView, ...errors },
        },
      },
      async (request, reply) => {
        const user = await routeUser(request);
        return reply.status(201).send(await createItem(db, user, request.body, request.query.lang));
      },
    );

    app.put(
      '/api/library/items/:id',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Save the working copy; a save based on an older version is a conflict (409)',
          params: ItemParams,
          querystring: LangQuery,
          body: SaveItemBody,
          response: { 200: ItemView, ...errors },
        },
      },
      async (request) => {
        const user = await routeUser(request);
        return saveItem(db, user, request.params.id, request.body, request.query.lang);
      },
    );

    app.post(
      '/api/library/items/:id/transitions',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Submit for review, withdraw (contributors); publish, return with a comment (reviewers)',
          params: ItemParams,
          querystring: LangQuery,
          body: TransitionBody,
          response: { 200: ItemView, ...errors },
        },
      },
      async (request) => {
        const user = await routeUser(request);
        return transition(db, user, request.params.id, request.body, request.query.lang);
      },
    );

    app.get(
      '/api/library/items/:id/revisions',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Every revision of an item: who, when, what changed (contributors)',
          params: ItemParams,
          response: { 200: RevisionList, ...errors },
        },
      },
      async (request) => {
        await routeUser(request);
        return listRevisions(db, request.params.id);
      },
    );

    app.get(
      '/api/library/items/:id/revisions/:version',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'One revision and its changes against the one before, with word diffs (contributors)',
          params: RevisionParams,
          response: { 200: RevisionDetail, ...errors },
        },
      },
      async (request) => {
        await routeUser(request);
        return getRevision(db, request.params.id, request.params.version);
      },
    );

    app.post(
      '/api/library/items/:id/revisions/:version/restore',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Make an earlier revision the new working copy (contributors)',
          params: RevisionParams,
          querystring: LangQuery,
          body: RestoreBody,
          response: { 200: ItemView, ...errors },
        },
      },
      async (request) => {
        const user = await routeUser(request);
        return restoreRevision(
          db,
          user,
          request.params.id,
          request.params.version,
          request.body.version,
          request.query.lang,
        );
      },
    );

    app.get(
      '/api/library/review-queue',
      {
        config: { access: 'contributor' },
        schema: {
          tags: ['library'],
          summary: 'Items in review, and your own unpublished work (contributors)',
          querystring: LangQuery,
          response: { 200: ReviewQueue, ...errors },
        },
      },
      async (request, reply) => {
        const user = await routeUser(request);
        void reply.header('cache-control', 'no-store');
        return reviewQueue(db, user, request.query.lang);
      },
    );

    await app.register(libraryOpenDataRoutes(db));
  };
}

/** The CSV export's file name by item type. */
const CSV_FILE_NAMES = { record: 'records', organisation: 'organisations', study: 'studies' } as const;

/**
 * The library's open data (gap map, exports, source documents), readable from any web page as the
 * data hub's answers are: GETs that need no cookie.
 */
function libraryOpenDataRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (open) => {
    allowAnyOrigin(open);
    open.get(
      '/api/library/gap-map',
      {
        schema: {
          tags: ['library'],
          summary: 'Evidence gap map: interventions × outcomes, studies and their quality per cell; JSON or CSV',
          querystring: GapMapQuery.extend({ bom: CsvBomParam, format: FormatQuery.shape.format }),
          response: { 200: GapMap.or(z.string()), 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        // The data hub's negotiation: format= wins, else Accept (text/csv asks for CSV; neither is a 406).
        const format = answerFormat(request, reply, request.query.format);
        const map = await gapMap(db, request.query);
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="bridges-evidence-gap-map.csv"')
            .send(
              withCsvBom(
                request.query.bom,
                gapMapCsv(map, request.query.lang, `${LIBRARY_SOURCE}, ${siteOrigin(request)}/gap-map`),
              ),
            );
        }
        return map;
      },
    );

    open.get(
      '/api/library/export',
      {
        schema: {
          tags: ['library'],
          summary: 'The published library: JSON (everything) or CSV (one item type); format= or Accept',
          querystring: FormatQuery.extend({
            type: z.enum(['record', 'organisation', 'study']).default('record').describe('CSV only'),
          }),
        },
      },
      async (request, reply) => {
        const origin = siteOrigin(request);
        // The data hub's negotiation: format= wins, else Accept (text/csv asks for CSV; neither is a 406).
        if (answerFormat(request, reply, request.query.format) === 'csv') {
          const csv = await exportCsv(db, request.query.type, origin);
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="bridges-library-${CSV_FILE_NAMES[request.query.type]}.csv"`,
            )
            .send(withCsvBom(request.query.bom, csv));
        }
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bridges-library.json"')
          .send(await exportJson(db, origin));
      },
    );

    open.get(
      '/api/library/studies/export',
      {
        schema: {
          tags: ['library'],
          summary: 'Published studies for reference managers: RIS or CSL-JSON',
          querystring: z.strictObject({ format: z.enum(['ris', 'csl-json']) }),
        },
      },
      async (request, reply) => {
        const origin = siteOrigin(request);
        if (request.query.format === 'ris')
          return reply
            .type('application/x-research-info-systems; charset=utf-8')
            .header('content-disposition', 'attachment; filename="bridges-studies.ris"')
            .send(await exportRis(db, origin));
        return reply
          .type('application/vnd.citationstyles.csl+json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bridges-studies.json"')
          .send(JSON.stringify(await exportCslJson(db, origin)));
      },
    );

    open.get(
      '/api/library/sources',
      {
        schema: {
          tags: ['library'],
          summary: 'The source documents the library cites: what each one is (its label, title, meeting, dates)',
          response: { 200: SourceDocumentList },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return sourceDocumentList();
      },
    );

    open.get(
      '/api/library/sources/:file',
      {
        schema: {
          tags: ['library'],
          summary: 'A source document the library cites, as plain text',
          params: z.strictObject({ file: z.string().regex(/^[\w-]+\.txt$/, 'must be a source document file name') }),
          response: { 200: z.string(), 404: ErrorResponse, 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        let text: string;
        try {
          text = gunzipSync(readFileSync(path.join(SOURCE_DOCUMENTS_DIR, `${request.params.file}.gz`))).toString(
            'utf8',
          );
        } catch {
          throw ApiError.notFoundAt('file', `no source document is called "${request.params.file}"`);
        }
        return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text);
      },
    );
  };
}
