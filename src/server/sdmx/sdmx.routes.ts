import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptedNameLanguages, type NameLanguage } from '../../core/languages.js';
import {
  isUnservedDataFormat,
  SDMX_AGENCY,
  sdmxDataFormat,
  SdmxDataQuery,
  SdmxStructureQuery,
} from '../../core/sdmx.js';
import type { DatahubCache } from '../datahub/datahub.context.js';
import type { DB } from '../db/schema.js';
import { ApiError, errorAnswer } from '../http/api-error.js';
import { negotiate, type MediaRange } from '../http/negotiate.js';
import type { OtherAnswer } from '../http/openapi-transform.js';
import { acceptsGzip, allowAnyOrigin, encodeBody, sendEncoded } from '../http/public-data.js';
import { siteOrigin } from '../http/site-origin.js';
import { DATA_CSV_TYPE, dataMessageCsv } from './sdmx-csv.js';
import {
  DATA_JSON_TYPE,
  dataMessageJson,
  STRUCTURE_JSON_TYPE,
  structureMessageJson,
  type MessageContext,
} from './sdmx-json.js';
import {
  errorFormat,
  SdmxSemanticError,
  sdmxErrorAnswer,
  sdmxErrorCode,
  type SdmxErrorResponse,
} from './sdmx-errors.js';
import { csvLabelsOf, DATA_OFFERS, DATA_SUPPORTED, STRUCTURE_OFFERS, STRUCTURE_SUPPORTED } from './sdmx-offers.js';
import {
  DATA_XML_TYPE,
  dataMessageXml,
  ERROR_XML_TYPE,
  errorMessageXml,
  STRUCTURE_XML_TYPE,
  structureMessageXml,
} from './sdmx-xml.js';
import { messageLanguages, structureLanguages } from './sdmx-structure.js';
import {
  findStructures,
  openData,
  structureQueryKey,
  type ReadChunks,
  type StructureResource,
} from './sdmx.service.js';

/**
 * SDMX 2.1 REST under /api/sdmx, so SDMX clients (R rsdmx, Python sdmx1/pandasdmx, spreadsheet
 * tools) can pull the data: structure queries (`dataflow`, `datastructure`, `codelist`,
 * `conceptscheme`) answer SDMX-JSON 1.0 or SDMX-ML 2.1 structure messages; data queries
 * (`data/{flow}/{key}/{provider}`) answer SDMX-JSON 1.0, SDMX-CSV 1.0 or SDMX-ML 2.1 generic data,
 * chosen by Accept or `format`.
 */

/** The error answers every SDMX route may give (sdmx-errors.ts: JSON with SDMX-JSON's errors, or SDMX-ML). */
const errors = {
  400: sdmxErrorAnswer(
    'Bad Request: SDMX 140 Syntax error, or 150 Semantic error (a key with the wrong number of positions, parameters that do not go together)',
  ),
  404: sdmxErrorAnswer(
    'Not Found: SDMX 100 No results found (an unknown flow, agency, id or version, or a query that matches nothing)',
  ),
  406: sdmxErrorAnswer(
    'Not Acceptable: no format the Accept header or format= asks for is written here (SDMX code 1406, SDMX 2.1 having none)',
  ),
  501: sdmxErrorAnswer('Not Implemented: SDMX 501, a part of SDMX 2.1 REST Bridges does not do'),
};
const segment = z.string().trim().min(1).max(200);

const STRUCTURE_RESOURCES: { resource: StructureResource; what: string }[] = [
  { resource: 'dataflow', what: 'Dataflows: one per dataset edition and indicator, with their source' },
  { resource: 'datastructure', what: 'Data structures: dimensions, attributes, with their codelists and concepts' },
  { resource: 'codelist', what: 'Codelists: areas, sexes, frequencies, observation status, sources’ own dimensions' },
  { resource: 'conceptscheme', what: 'Concept schemes: what each dimension and attribute stands for' },
];

/** The structure and other resources of SDMX 2.1 REST that Bridges does not answer. */
const UNSUPPORTED_RESOURCES = [
  'metadatastructure',
  'categoryscheme',
  'hierarchicalcodelist',
  'organisationscheme',
  'agencyscheme',
  'dataproviderscheme',
  'dataconsumerscheme',
  'organisationunitscheme',
  'metadataflow',
  'reportingtaxonomy',
  'provisionagreement',
  'structureset',
  'process',
  'categorisation',
  'contentconstraint',
  'attachmentconstraint',
  'structure',
  'availableconstraint',
  'metadata',
  'schema',
];

/**
 * A data answer, gzipped for clients that accept gzip (a whole UN DESA flow is 49 MB as CSV, about
 * a fiftieth of that gzipped). One read from the database (`whole`) is sent in one piece; a bigger
 * one is written as it is read. A failure while writing it ends the answer without its last
 * chunk (Fastify destroys the connection), so no client takes a cut answer for a whole one.
 */
async function sendData(
  request: FastifyRequest,
  reply: FastifyReply,
  parts: AsyncIterable<string>,
  whole: boolean,
): Promise<FastifyReply> {
  void reply.header('vary', 'Accept, Accept-Encoding, Accept-Language');
  if (whole) {
    // NOTE: a streamed answer costs several turns of the event loop (gzip works apart, and hands
    // back each piece), and each turn waits for a chunk of every download in progress.
    let text = '';
    for await (const part of parts) text += part;
    return sendEncoded(request, reply, encodeBody(text), false);
  }
  const source = Readable.from(parts, { objectMode: true, highWaterMark: 1 });
  if (!acceptsGzip(request)) return reply.send(source);
  const gzip = createGzip();
  // A failure while reading destroys the gzip stream with it, and so the answer.
  pipeline(source, gzip, () => undefined);
  return reply.header('content-encoding', 'gzip').send(gzip);
}

/** A text's parts after a UTF-8 byte-order mark. */
async function* withBom(parts: AsyncIterable<string>): AsyncGenerator<string> {
  yield '\uFEFF';
  yield* parts;
}

const DATA_FORMAT_NAMES = { json: 'SDMX-JSON', csv: 'SDMX-CSV', xml: 'SDMX-ML' } as const;

/** How a data answer's format was chosen, for an error that a parameter does not fit it. */
function howChosen(
  format: SdmxDataQuery['format'],
  chosen: { format: 'json' | 'csv' | 'xml'; range: MediaRange | null },
): string {
  const name = DATA_FORMAT_NAMES[chosen.format];
  if (format) return `format=${format} asks for ${name}`;
  if (chosen.range) return `the Accept header's ${chosen.range.type} gets ${name}`;
  return `with neither format= nor an Accept header the answer is ${name}`;
}

/**
 * The name languages asked for, most wanted first (none: English): the query's `lang`, which a
 * link can carry, else the request's Accept-Language.
 */
function languagesOf(request: FastifyRequest, lang: NameLanguage | undefined): NameLanguage[] {
  return lang ? [lang] : acceptedNameLanguages(request.headers['accept-language']);
}

function messageContext(request: FastifyRequest, languages: readonly NameLanguage[]): MessageContext {
  const baseUrl = siteOrigin(request);
  return { baseUrl, requestUrl: `${baseUrl}${request.url}`, languages };
}

/** What the SDMX routes answer, for the OpenAPI document (their schemas declare errors only). */
export const SDMX_ANSWERS: OtherAnswer[] = [
  {
    prefix: '/api/sdmx/data/',
    description:
      'The data message: SDMX-JSON 1.0 (the default), SDMX-CSV 1.0 or SDMX-ML 2.1 generic data, by Accept or `format`',
    mediaTypes: [DATA_JSON_TYPE, DATA_CSV_TYPE, DATA_XML_TYPE],
  },
  {
    prefix: '/api/sdmx/',
    description: 'The structure message: SDMX-JSON 1.0 (the default) or SDMX-ML 2.1, by Accept or `format`',
    mediaTypes: [STRUCTURE_JSON_TYPE, STRUCTURE_XML_TYPE],
  },
];

/**
 * The SDMX routes' error handler: the app's answer to the error (errorAnswer: its status, headers,
 * message, and the log of a server failure), written as SDMX asks (see errorFormat).
 */
function answerSdmxError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, headers, body } = errorAnswer(error, request);
  const { code, title } = sdmxErrorCode(status, error instanceof SdmxSemanticError);
  // An error met after a CSV answer was begun is no file to save.
  reply.removeHeader('content-disposition');
  void reply.headers(headers).status(status).header('vary', 'Accept');
  if (errorFormat(request) === 'xml')
    return reply.type(ERROR_XML_TYPE).send(errorMessageXml([{ code, text: body.error.message }]));
  const answer: SdmxErrorResponse = { ...body, errors: [{ code, title, detail: body.error.message }] };
  return reply.send(answer);
}

export interface SdmxOptions {
  /** Largest data answer, in observations (series for serieskeysonly/nodata); default MAX_OBSERVATIONS. */
  maxObservations?: number;
  /** What a data answer reads from the database at a time; default READ_CHUNKS (tests read in tiny chunks). */
  chunks?: ReadChunks;
}

/** The SDMX 2.1 REST routes under /api/sdmx (structure and data queries). */
export function sdmxRoutes(db: Kysely<DB>, cache: DatahubCache, options: SdmxOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    allowAnyOrigin(app);
    // Errors as SDMX asks, in SDMX-ML for a client that asks for XML (sdmx-errors.ts).
    app.setErrorHandler(answerSdmxError);
    for (const { resource, what } of STRUCTURE_RESOURCES) {
      const handler = async (
        request: FastifyRequest<{ Params: { agency?: string; id?: string; version?: string } }> & {
          query: SdmxStructureQuery;
        },
        reply: FastifyReply,
      ) => {
        const { format, detail } = request.query;
        if (detail && !['full', 'allstubs', 'referencestubs'].includes(detail))
          throw ApiError.notImplemented(
            'detail',
            `detail=${detail} is not implemented: ask for full, allstubs or referencestubs`,
          );
        const chosen = format
          ? format === 'xml' || format === 'sdmx-ml'
            ? 'xml'
            : 'json'
          : negotiate(request.headers.accept, STRUCTURE_OFFERS, STRUCTURE_SUPPORTED).format;
        // The same structures until an import changes the data: computed once per data version
        // (all the codelists take a second or more to gather; a client asks for them often).
        const set = await cache.answer(structureQueryKey(resource, request.params, request.query), (ctx) =>
          findStructures(db, ctx, resource, request.params, request.query),
        );
        // Buffers, so Fastify sends the SDMX media types exactly as written; gzipped as the
        // statistics answers are (the areas' codelist is 160 kB as SDMX-ML, 23 kB gzipped), but
        // with no entity tag: each message has its own id and time. The names are in every
        // language Bridges has; `lang` or Accept-Language chooses which one `name` (the first com:Name) is.
        const languages = languagesOf(request, request.query.lang);
        void reply
          .header('vary', 'Accept, Accept-Encoding, Accept-Language')
          .header('content-language', messageLanguages(structureLanguages(set), languages).join(', '));
        if (chosen === 'xml')
          return sendEncoded(
            request,
            reply.type(STRUCTURE_XML_TYPE),
            encodeBody(structureMessageXml(set, { languages })),
            false,
          );
        return sendEncoded(
          request,
          reply.type(STRUCTURE_JSON_TYPE),
          encodeBody(JSON.stringify(structureMessageJson(set, messageContext(request, languages)))),
          false,
        );
      };
      const paths = [
        { path: '', params: z.strictObject({}) },
        { path: '/:agency', params: z.strictObject({ agency: segment }) },
        { path: '/:agency/:id', params: z.strictObject({ agency: segment, id: segment }) },
        { path: '/:agency/:id/:version', params: z.strictObject({ agency: segment, id: segment, version: segment }) },
      ];
      for (const { path, params } of paths) {
        app.get(
          `/api/sdmx/${resource}${path}`,
          {
            schema: {
              tags: ['sdmx'],
              summary: `SDMX 2.1 ${resource} query`,
              description: `${what}. Agency ${SDMX_AGENCY}, version 1.0; \`all\` and \`latest\` match everything. Answers SDMX-JSON 1.0 (application/vnd.sdmx.structure+json;version=1.0, the default) or SDMX-ML 2.1 (application/xml). Names come in every language Bridges has them in (areas in the UN’s six; indicators, units and sexes in French and Spanish too); \`lang\` or else Accept-Language chooses \`name\` (the first com:Name), English otherwise.`,
              params,
              querystring: SdmxStructureQuery,
              response: errors,
            },
          },
          handler,
        );
      }
    }

    // The other resources of SDMX 2.1 REST answer 501 Not Implemented, as the standard asks, and
    // name what Bridges does answer; a name SDMX does not have stays a 404.
    for (const resource of UNSUPPORTED_RESOURCES) {
      const refuse = () => {
        throw ApiError.notImplemented(
          'resource',
          `${resource} queries are not implemented: Bridges answers dataflow, datastructure, codelist, conceptscheme and data queries`,
        );
      };
      app.get(`/api/sdmx/${resource}`, { schema: { hide: true } }, refuse);
      app.get(`/api/sdmx/${resource}/*`, { schema: { hide: true } }, refuse);
    }

    const dataHandler = async (
      request: FastifyRequest<{ Params: { flow: string; '*'?: string } }> & { query: SdmxDataQuery },
      reply: FastifyReply,
    ) => {
      // Parts of SDMX 2.1 Bridges does not do are 501 Not Implemented, as the standard asks.
      const { updatedAfter, includeHistory } = request.query;
      if (updatedAfter !== undefined)
        throw ApiError.notImplemented(
          'updatedAfter',
          'updatedAfter is not implemented: Bridges keeps when an edition was loaded (see /api/datasets), not when each value changed',
        );
      // includeHistory=false, SDMX's default, asks for what Bridges answers.
      if (includeHistory === 'true' || includeHistory === '1')
        throw ApiError.notImplemented(
          'includeHistory',
          'includeHistory is not implemented: each edition is a dataflow of its own (see /api/sdmx/dataflow)',
        );
      // (dimensionAtObservation is checked against the flow's dimensions when the flow is read.)
      // Negotiate first: a client that cannot read the answer learns it before any work is done.
      const format = request.query.format;
      if (isUnservedDataFormat(format))
        throw ApiError.notAcceptable(
          'format',
          `format=${format} is an SDMX format Bridges does not write; ask for jsondata (SDMX-JSON 1.0), csv (SDMX-CSV 1.0) or genericdata (SDMX-ML 2.1 generic data)`,
        );
      const chosen = format
        ? { format: sdmxDataFormat(format), range: null }
        : negotiate(request.headers.accept, DATA_OFFERS, DATA_SUPPORTED);
      // SDMX-CSV's own options: said, not ignored, where the answer is another format.
      for (const [field, what] of [
        ['labels', 'it chooses codes alone (id) or codes with their names (both)'],
        ['bom', 'it starts the file with a byte-order mark for spreadsheets'],
      ] as const)
        if (request.query[field] !== undefined && chosen.format !== 'csv')
          throw new SdmxSemanticError(
            field,
            `applies only to SDMX-CSV (format=csv, or Accept: application/vnd.sdmx.data+csv or text/csv): ${what}, and ${howChosen(format, chosen)}`,
          );
      // Split as sent, then decoded: a %2F inside the key is part of a code, not a separator.
      const sent = (request.url.split('?')[0] ?? '').split('/').slice('/api/sdmx/data/:flow'.split('/').length);
      const [key, provider, ...extra] = sent.map((part) => decodeURIComponent(part));
      for (const [field, value] of [
        ['key', key],
        ['provider', provider],
      ] as const)
        if (value?.includes('/'))
          throw ApiError.invalidParameter(
            field,
            `"${value}" holds a "/" (sent as %2F), which no ${field === 'key' ? 'code of a key' : 'provider'} has: a data query is /api/sdmx/data/{flow}/{key}/{provider}`,
          );
      // The path parameter after the flow is documented as the key (optionally /provider).
      if (extra.length) {
        throw ApiError.notFoundAt(
          'key',
          `no route GET ${request.url.split('?')[0] ?? ''}: a data query is /api/sdmx/data/{flow}/{key}/{provider}, and "${extra.join('/')}" follows the provider`,
        );
      }
      const languages = languagesOf(request, request.query.lang);
      const { plan, batches, whole } = await openData(
        db,
        { flow: request.params.flow, key, provider, query: request.query, languages },
        { maxObservations: options.maxObservations, answers: cache, chunks: options.chunks },
      );
      // Names in the first language asked that Bridges has them in (the areas' in the UN's six,
      // its indicators', units' and sexes' in French and Spanish), English for the others.
      void reply.header('content-language', [...new Set([languages[0] ?? 'en', 'en'])].join(', '));
      if (chosen.format === 'csv') {
        // `labels` as a parameter (for spreadsheets, which cannot send an Accept) or, as SDMX-CSV
        // defines it, in the media type; the parameter wins.
        const labels = request.query.labels ?? csvLabelsOf(chosen.range);
        void reply.type(DATA_CSV_TYPE).header('content-disposition', `attachment; filename="${plan.dsd.flow.id}.csv"`);
        const csv = dataMessageCsv(plan, batches, labels);
        return sendData(request, reply, request.query.bom === 'true' ? withBom(csv) : csv, whole);
      }
      if (chosen.format === 'xml')
        return sendData(request, reply.type(DATA_XML_TYPE), dataMessageXml(plan, batches), whole);
      return sendData(
        request,
        reply.type(DATA_JSON_TYPE),
        dataMessageJson(plan, batches, messageContext(request, languages)),
        whole,
      );
    };
    const dataSchema = {
      tags: ['sdmx'],
      querystring: SdmxDataQuery,
      response: {
        ...errors,
        409: sdmxErrorAnswer(
          'Conflict: the flow was loaded again three times while its answer was begun; ask again (SDMX code 1409)',
        ),
        413: sdmxErrorAnswer(
          'Content Too Large: SDMX 130, the answer would hold more than 500,000 observations; narrow the key or the periods',
        ),
        503: sdmxErrorAnswer(
          'Service Unavailable: SDMX 503 (code data_loading), the flow comes with a bundled dataset the first start is still loading; ask again after Retry-After seconds',
        ),
      },
    };
    const dataDescription =
      'Flow: ID, AGENCY,ID or AGENCY,ID,VERSION (e.g. BRIDGES,UNDESA_IMS_2024_MIGRANT_STOCK,1.0). Key: the codes of FREQ.REF_AREA.COUNTERPART_AREA.SEX, then the source’s own dimensions, dot-separated; empty for all, + for or; `all` for everything (e.g. A.USA.MEX+CAN.). Answers SDMX-JSON 1.0 (application/vnd.sdmx.data+json;version=1.0.0, the default) SDMX-CSV 1.0 (application/vnd.sdmx.data+csv;version=1.0.0, text/csv) or SDMX-ML 2.1 generic data (application/xml) by Accept or `format`. Published figures only: where a publisher gives no total by sex, none is computed. In UN DESA’s stock flows, the observation attribute COMMENT_OBS (Bridges’ note, in the language asked) marks a figure that only repeats the period before’s exactly (the Philippines’ and Niue’s 2024 figures). Names (SDMX-JSON values, SDMX-CSV labels=both) in the language `lang` or else Accept-Language asks for where Bridges has it, English otherwise. 404 when nothing matches; 413 past 500,000 observations.';
    app.get(
      '/api/sdmx/data/:flow',
      {
        schema: {
          ...dataSchema,
          summary: 'SDMX 2.1 data query: a whole dataflow',
          description: dataDescription,
          params: z.strictObject({ flow: segment }),
        },
      },
      dataHandler,
    );
    app.get(
      '/api/sdmx/data/:flow/*',
      {
        schema: {
          ...dataSchema,
          summary: 'SDMX 2.1 data query: {flow}/{key}/{providerRef}',
          description: dataDescription,
          params: z.strictObject({
            flow: segment,
            '*': z.string().max(20_000).meta({
              title: 'key',
              description:
                'The series key (A.PHL.USA+JPN.F), optionally followed by /providerRef; `all` or empty for everything',
            }),
          }),
        },
      },
      dataHandler,
    );

    // Any other address under /api/sdmx is a 404 answered the SDMX way too (the app's not-found
    // handler writes JSON only). The router tries a wildcard after every other route, also where a
    // route fits but for a parameter longer than the router takes (a flow id of 150 characters),
    // which the app's router error handler (app.ts) calls a 414: so does this.
    const maxParamLength = app.initialConfig.maxParamLength ?? 100;
    const noRoute = (request: FastifyRequest) => {
      const path = request.url.split('?')[0] ?? '';
      if (path.split('/').some((segment) => segment.length > maxParamLength)) {
        const message = `a path parameter is longer than ${String(maxParamLength)} characters: no code or id is that long`;
        throw new ApiError(414, 'invalid_parameter', message, [{ field: 'path', message }]);
      }
      throw ApiError.notFound(
        `No route ${request.method} ${path}: SDMX queries are /api/sdmx/{dataflow|datastructure|codelist|conceptscheme}[/{agency}[/{id}[/{version}]]] and /api/sdmx/data/{flow}[/{key}[/{provider}]]`,
      );
    };
    for (const url of ['/api/sdmx', '/api/sdmx/*']) app.get(url, { schema: { hide: true } }, noRoute);
  };
}
