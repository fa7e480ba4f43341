import type { Kysely } from 'kysely';
import type { NameLanguage } from '../../core/languages.js';
import {
  parseSdmxQueryPeriod,
  SDMX_AGENCY,
  SDMX_VERSION,
  sdmxFlowId,
  sdmxIdPart,
  type SdmxDataQuery,
} from '../../core/sdmx.js';
import { sourceDimension, type RepeatedPeriod } from '../../core/statistics-terms.js';
import { m49NumberHints } from '../countries/m49-numbers.js';
import { DatahubCache, type DatahubContext } from '../datahub/datahub.context.js';
import { editionRepeats, figureRepeats, repeatKey, repeatsChecked } from '../datahub/repeats.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import {
  codeOfDimsValue,
  dimsNameKey,
  matchesMaintainer,
  parseFlowRef,
  parseSeriesKey,
  structureRef,
  type ArtefactRef,
} from './sdmx-key.js';
import {
  areaCodelist,
  areaNamesByCode,
  buildDataflow,
  buildDataStructure,
  CODELIST_AREA,
  conceptScheme,
  dimsCodelists,
  FIXED_CODELISTS,
  NOT_APPLICABLE,
  OBSERVATION_COMMENT,
  type SdmxCodelist,
  type SdmxConceptScheme,
  type SdmxDataflow,
  type SdmxDataStructure,
  type SdmxDimension,
  type Names,
} from './sdmx-structure.js';
import { stillLoadingMessage } from '../stats/bundled-load.js';
import * as repo from './sdmx.repository.js';
import { SdmxSemanticError } from './sdmx-errors.js';

/**
 * The SDMX rules: which dataflows exist and what their structures are, how a query's flow, key
 * and periods select series and observations, and when an answer is too big. Routes present
 * what this returns with the SDMX-JSON or SDMX-CSV writers.
 */

/** The largest data answer, in observations (series for serieskeysonly/nodata): about 50 MB of SDMX-CSV. */
export const MAX_OBSERVATIONS = 500_000;
/** How many series, and observations, one read of an answer takes from the database. */
export interface ReadChunks {
  series: number;
  observations: number;
}
/**
 * Read at a time while an answer is planned and streamed, whichever limit comes first: each read
 * takes 5-25 ms on PGlite, whose one connection (and, PGlite running in this process, the event
 * loop) every other request waits for meanwhile; with a chunk or two in flight, memory stays a
 * few MB whatever the size of the answer.
 */
export const READ_CHUNKS: ReadChunks = { series: 1000, observations: 5000 };
/** How often an answer is planned and its first chunk read again when its flow is reloaded meanwhile. */
const READ_ATTEMPTS = 3;

// ---------------------------------------------------------------------------------------------
// Dataflows and structures

/** The dataflows a reference names (all of them for `all`); none when the agency or version is not ours. */
export async function findDataflows(db: Kysely<DB>, ref: ArtefactRef): Promise<SdmxDataflow[]> {
  if (!matchesMaintainer(ref)) return [];
  let pairs: repo.DatasetIndicatorPair[];
  if (ref.id === null) {
    pairs = await repo.findDatasetIndicatorPairs(db);
  } else {
    const id = ref.id.toUpperCase();
    pairs = [];
    // The flow id is DATASET_INDICATOR: try every dataset whose id prefixes it.
    for (const datasetId of await repo.findDatasetIds(db)) {
      const prefix = `${sdmxIdPart(datasetId)}_`;
      if (!id.startsWith(prefix)) continue;
      const indicatorId = id.slice(prefix.length).toLowerCase();
      const pair = await repo.findDatasetIndicatorPair(db, datasetId, indicatorId);
      if (pair && sdmxFlowId(pair.dataset_id, pair.indicator_id) === id) pairs.push(pair);
    }
  }
  const datasets = new Map((await repo.findDatasets(db, unique(pairs.map((p) => p.dataset_id)))).map((d) => [d.id, d]));
  const indicators = new Map(
    (await repo.findIndicators(db, unique(pairs.map((p) => p.indicator_id)))).map((i) => [i.id, i]),
  );
  const flows: SdmxDataflow[] = [];
  for (const pair of pairs) {
    const dataset = datasets.get(pair.dataset_id);
    const indicator = indicators.get(pair.indicator_id);
    if (dataset && indicator) flows.push(buildDataflow(pair, dataset, indicator));
  }
  return flows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A flow's data structure and its own codelists. It has an observation comment (COMMENT_OBS) where
 * its figures are checked for a latest period that only repeats the one before (repeats.ts
 * repeatsChecked: the UN DESA stocks), and only there.
 */
async function dataStructureOf(db: Kysely<DB>, ctx: DatahubContext, flow: SdmxDataflow) {
  const values = await repo.findDimsValues(db, flow.datasetId, flow.indicatorId);
  const dsd = buildDataStructure(flow, unique(values.map((v) => v.key)), {
    observationComments: repeatsChecked(ctx, flow.datasetId, flow.indicatorId),
  });
  return { dsd, codelists: dimsCodelists(dsd, values) };
}

export type StructureResource = 'dataflow' | 'datastructure' | 'codelist' | 'conceptscheme';

/** What a structure message holds; `stub` lists the kinds given by id and name only. */
export interface StructureSet {
  dataflows: SdmxDataflow[];
  dataStructures: SdmxDataStructure[];
  codelists: SdmxCodelist[];
  conceptSchemes: SdmxConceptScheme[];
  stub: Set<'dataflows' | 'dataStructures' | 'codelists' | 'conceptSchemes'>;
}

type Kind = 'dataflows' | 'dataStructures' | 'codelists' | 'conceptSchemes';
const KIND_OF: Record<StructureResource, Kind> = {
  dataflow: 'dataflows',
  datastructure: 'dataStructures',
  codelist: 'codelists',
  conceptscheme: 'conceptSchemes',
};

/** The artefacts each `references` value adds to the ones asked for. */
function referencedKinds(resource: StructureResource, references: string): Kind[] {
  const all: Kind[] = ['dataflows', 'dataStructures', 'codelists', 'conceptSchemes'];
  switch (references) {
    case 'none':
      return [];
    case 'all':
      return all.filter((k) => k !== KIND_OF[resource]);
    case 'dataflow':
      return ['dataflows'];
    case 'datastructure':
      return ['dataStructures'];
    case 'codelist':
      return ['codelists'];
    case 'conceptscheme':
      return ['conceptSchemes'];
    case 'parents':
    case 'parentsandsiblings':
      if (resource === 'datastructure') return ['dataflows'];
      if (resource === 'codelist' || resource === 'conceptscheme') return ['dataStructures'];
      return [];
    case 'children':
      if (resource === 'dataflow') return ['dataStructures'];
      if (resource === 'datastructure') return ['codelists', 'conceptSchemes'];
      return [];
    case 'descendants':
      if (resource === 'dataflow') return ['dataStructures', 'codelists', 'conceptSchemes'];
      if (resource === 'datastructure') return ['codelists', 'conceptSchemes'];
      return [];
    default:
      return [];
  }
}

/**
 * What a structure query's answer is kept under in the answer cache: the reference as matched
 * (wildcards and `latest` as one, the id in capitals) and the kinds of artefact the answer holds,
 * so that the spellings of one query (`all`, `*`; `references=none` or none) share one entry.
 */
export function structureQueryKey(
  resource: StructureResource,
  path: { agency?: string; id?: string; version?: string },
  query: { references?: string; detail?: string },
): string {
  const ref = structureRef(path.agency, path.id, path.version);
  const references = query.references ?? (resource === 'datastructure' ? 'children' : 'none');
  const kinds = [...new Set([KIND_OF[resource], ...referencedKinds(resource, references)])].sort();
  return [
    'sdmx-structure',
    resource,
    ref.agency ?? '*',
    ref.id?.toUpperCase() ?? '*',
    ref.version ?? '*',
    kinds.join('+'),
    query.detail ?? 'full',
  ].join('|');
}

/**
 * A structure query: the artefacts of one kind a reference names, with the ones `references`
 * adds. NOTE: a data structure comes with its codelists and concepts unless `references=none`
 * (SDMX's default is none), because a key means nothing to a client without them. `ctx`: the data
 * hub's context of the data version, which says whose figures may repeat (dataStructureOf).
 */
export async function findStructures(
  db: Kysely<DB>,
  ctx: DatahubContext,
  resource: StructureResource,
  path: { agency?: string; id?: string; version?: string },
  query: { references?: string; detail?: string },
): Promise<StructureSet> {
  const ref = structureRef(path.agency, path.id, path.version);
  const references = query.references ?? (resource === 'datastructure' ? 'children' : 'none');
  const wanted = new Set<Kind>([KIND_OF[resource], ...referencedKinds(resource, references)]);
  const set: StructureSet = { dataflows: [], dataStructures: [], codelists: [], conceptSchemes: [], stub: new Set() };
  if (query.detail === 'allstubs') wanted.forEach((k) => set.stub.add(k));
  if (query.detail === 'referencestubs') wanted.forEach((k) => k !== KIND_OF[resource] && set.stub.add(k));

  // Which flows are concerned: by id for dataflows and data structures (same ids), by the id's
  // suffix for concept schemes (CS_FLOW) and per-flow codelists (CL_FLOW_DIM).
  let flows: SdmxDataflow[];
  const id = ref.id?.toUpperCase() ?? null;
  const sharedCodelistAsked =
    resource === 'codelist' && id !== null && (id === CODELIST_AREA || FIXED_CODELISTS.some((c) => c.id === id));
  const wantsParents = wanted.has('dataStructures') || wanted.has('dataflows');
  if (resource === 'dataflow' || resource === 'datastructure') {
    flows = await findDataflows(db, ref);
  } else if (resource === 'conceptscheme') {
    flows =
      id === null ? await findDataflows(db, ref) : await findDataflows(db, { ...ref, id: id.replace(/^CS_/, '') });
    if (id !== null && !id.startsWith('CS_')) flows = [];
  } else if (id === null || sharedCodelistAsked) {
    // A shared codelist (CL_SEX, CL_AREA…) belongs to no flow; its parents are the data structures
    // that use it, found below, and only when asked for (they cost a read of every structure).
    flows = id === null || wantsParents ? await findDataflows(db, { ...ref, id: null }) : [];
  } else {
    // A flow's own codelist is CL_{FLOW}_{DIMENSION}: each way of cutting the id names a flow to
    // look up by its id, so an unknown codelist costs a few lookups, not a read of every flow.
    const parts = id.startsWith('CL_') ? id.slice(3).split('_') : [];
    flows = [];
    for (let n = parts.length - 1; n >= 1; n--)
      flows.push(...(await findDataflows(db, { ...ref, id: parts.slice(0, n).join('_') })));
    flows = flows.filter((f) => id.startsWith(`CL_${f.id}_`)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  let structures: { dsd: SdmxDataStructure; codelists: SdmxCodelist[] }[] = [];
  const needStructures =
    wanted.has('dataStructures') || wanted.has('codelists') || wanted.has('conceptSchemes') || resource !== 'dataflow';
  if (needStructures) for (const flow of flows) structures.push(await dataStructureOf(db, ctx, flow));
  if (sharedCodelistAsked) {
    // Every structure has observation statuses; the other shared lists are a dimension's.
    structures = structures.filter((s) => id === 'CL_OBS_STATUS' || s.dsd.dimensions.some((d) => d.codelistId === id));
    flows = structures.map((s) => s.dsd.flow);
  }

  if (wanted.has('dataflows')) set.dataflows = flows;
  if (wanted.has('dataStructures')) set.dataStructures = structures.map((s) => s.dsd);
  if (wanted.has('conceptSchemes')) set.conceptSchemes = structures.map((s) => conceptScheme(s.dsd));
  if (wanted.has('codelists')) {
    const ownCodelists = structures.flatMap((s) => s.codelists);
    let lists: SdmxCodelist[];
    if (resource === 'codelist') {
      // Codelists asked for by id: the shared ones too, whether or not a flow uses them.
      // The areas' list is read only when asked for: an unknown id is answered without reading them.
      const shared = matchesMaintainer(ref)
        ? [
            ...FIXED_CODELISTS,
            ...(id === null || id === CODELIST_AREA ? [areaCodelist(await repo.findAreaNames(db))] : []),
          ]
        : [];
      lists = [...shared, ...ownCodelists].filter((c) => id === null || c.id === id);
    } else {
      const used = new Set(structures.flatMap((s) => s.dsd.dimensions.map((d) => d.codelistId)));
      used.add('CL_OBS_STATUS');
      const shared = FIXED_CODELISTS.filter((c) => used.has(c.id));
      if (used.has(CODELIST_AREA) && structures.length) shared.push(areaCodelist(await repo.findAreaNames(db)));
      lists = [...shared, ...ownCodelists];
    }
    set.codelists = lists;
  }
  if (resource === 'conceptscheme' && id !== null) set.conceptSchemes = set.conceptSchemes.filter((c) => c.id === id);
  if (set[KIND_OF[resource]].length === 0) throw noStructureMatches(resource, ref);
  return set;
}

/**
 * The 404 of a structure query that found nothing, naming the path segment to blame: an agency
 * or version Bridges does not publish, else the id. With neither an id nor a foreign agency or
 * version, no segment is to blame: nothing is published yet (the bundled datasets still loading).
 */
function noStructureMatches(resource: StructureResource, ref: ArtefactRef): ApiError {
  const published = `Bridges publishes agency ${SDMX_AGENCY}, version ${SDMX_VERSION}; the dataflows are listed at /api/sdmx/dataflow (empty while the bundled datasets load: see /api/status)`;
  if (ref.agency !== null && ref.agency !== SDMX_AGENCY)
    return ApiError.notFoundAt('agency', `no ${resource} is maintained by "${ref.agency}": ${published}`);
  if (ref.version !== null && ref.version !== SDMX_VERSION)
    return ApiError.notFoundAt('version', `no ${resource} has the version "${ref.version}": ${published}`);
  if (ref.id !== null) return ApiError.notFoundAt('id', `no ${resource} has the id "${ref.id}": ${published}`);
  return ApiError.notFound(
    `No ${resource} is published yet: the bundled datasets may still be loading (see /api/status)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Data

export interface DataRequest {
  flow: string;
  key?: string;
  provider?: string;
  query: SdmxDataQuery;
  /** The languages names are wanted in, most wanted first (Accept-Language); none: English. */
  languages?: readonly NameLanguage[];
}

export type DataDetail = 'full' | 'dataonly' | 'serieskeysonly' | 'nodata';

/** A data query checked and counted, ready to stream. */
export interface DataPlan {
  dsd: SdmxDataStructure;
  /** The dimensions of the series key (every dimension but TIME_PERIOD), in order. */
  seriesDimensions: SdmxDimension[];
  detail: DataDetail;
  dimensionAtObservation: 'TIME_PERIOD' | 'AllDimensions';
  /** The load of the flow's edition the answer is read at (see FlowReloadedError). */
  version: string;
  series: { id: number; observations: number }[];
  observationCount: number;
  observationFilter: repo.ObservationFilter;
  /** The languages the names of the answer are chosen in, most wanted first; English where none has one. */
  languages: readonly NameLanguage[];
  /** The areas' names by language, for labels. */
  areaNames: ReadonlyMap<string, Names>;
  /**
   * The name of each code of the source's own dimensions, by dimsNameKey (`lfs`, `1` → "Employed";
   * else the source's own value: `idp_return_2bd50a` → "idp return"), filled as series are read.
   */
  dimsNames: Map<string, string>;
  /**
   * The series whose figure of a period only repeats the period before's (repeats.ts, rules 2 and
   * 3), by series id: what their observation of that period says in COMMENT_OBS. Empty where the
   * flow has no such attribute, or the answer no attributes.
   */
  repeats: ReadonlyMap<number, RepeatedPeriod>;
}

/** One series of an answer: its key (codes in `seriesDimensions` order) and observations. */
export interface DataSeries {
  key: string[];
  observations: repo.ObservationRow[];
  /** The period whose observation only repeats the period before's (its COMMENT_OBS), if one does. */
  repeats: RepeatedPeriod | null;
}

function periodBounds(query: SdmxDataQuery): { start?: string; end?: string } {
  const start = query.startPeriod ? parseSdmxQueryPeriod(query.startPeriod)?.start : undefined;
  const until = query.endPeriod ? parseSdmxQueryPeriod(query.endPeriod)?.end : undefined;
  // A period ending with the year 9999 ends on 10000-01-01, which ISO dates write "+010000-01-01"
  // (neither a date PostgreSQL reads nor one that compares as text): no end at all, as meant.
  const end = until?.startsWith('+') ? undefined : until;
  if (start && end && start >= end) {
    throw new SdmxSemanticError(
      'startPeriod',
      `${String(query.startPeriod)} comes after endPeriod ${String(query.endPeriod)}`,
    );
  }
  return { start, end };
}

/**
 * Parameters that shape observations apply only to an answer that has some: with
 * detail=serieskeysonly or nodata, firstNObservations, lastNObservations and
 * dimensionAtObservation=AllDimensions would change nothing, so they are a 400 saying so.
 */
function checkObservationParameters(query: SdmxDataQuery): void {
  const detail = query.detail;
  if (detail !== 'serieskeysonly' && detail !== 'nodata') return;
  for (const [field, which] of [
    ['firstNObservations', 'first'],
    ['lastNObservations', 'last'],
  ] as const)
    if (query[field] !== undefined)
      throw new SdmxSemanticError(
        field,
        `applies only to an answer with observations (detail=full or dataonly): it keeps the ${which} N of each series, and detail=${detail} gives none`,
      );
  if (query.dimensionAtObservation === 'AllDimensions')
    throw new SdmxSemanticError(
      'dimensionAtObservation',
      `AllDimensions applies only to an answer with observations (detail=full or dataonly): it lists each observation with its whole key, and detail=${detail} gives series without observations`,
    );
}

/**
 * dimensionAtObservation: TIME_PERIOD and AllDimensions are answered; another dimension of the
 * flow is a 501 (a cross-section Bridges does not build); a name the flow has no dimension by is a
 * mistake, a 400 listing what it has.
 */
function checkDimensionAtObservation(value: string | undefined, dsd: SdmxDataStructure, flowId: string): void {
  if (value === undefined || value === 'TIME_PERIOD' || value === 'AllDimensions') return;
  const ids = dsd.dimensions.map((d) => d.id);
  if (ids.includes(value))
    throw ApiError.notImplemented(
      'dimensionAtObservation',
      `dimensionAtObservation=${value} is not implemented: ask for TIME_PERIOD (time series) or AllDimensions (flat)`,
    );
  throw new SdmxSemanticError(
    'dimensionAtObservation',
    `${flowId} has no dimension "${value}": ask for TIME_PERIOD (time series, the default) or AllDimensions (flat); its dimensions are ${ids.join(', ')}`,
  );
}

/**
 * The series of a flow whose figure only repeats the period before's, by series id, read at the
 * flow's `version` (FlowReloadedError when it is no longer the flow's), for the destinations among
 * `refAreas` (the key's REF_AREA; every one when not given). The destinations whose figures repeat
 * come from the data hub's answer cache (editionRepeats, shared with its rankings); the figures of
 * the flow's repeating destinations at the two periods each compares are read in one statement,
 * and kept in the cache per load of the flow: at most one query per flow and load, none per series.
 */
async function repeatedFigures(
  db: Kysely<DB>,
  answers: DatahubCache,
  flow: SdmxDataflow,
  version: string,
  refAreas: readonly string[] | undefined,
): Promise<ReadonlyMap<number, RepeatedPeriod>> {
  const destinations = await editionRepeats(db, answers, flow.indicatorId, flow.datasetId);
  const suffix = repeatKey('', flow.datasetId);
  const areas = [...destinations.keys()].filter((k) => k.endsWith(suffix)).map((k) => k.slice(0, -suffix.length));
  if (!areas.some((area) => refAreas?.includes(area) ?? true)) return new Map();
  return answers.answer(`sdmx-repeated-figures|${flow.id}|${version}`, async () => {
    const periods = unique([...destinations.values()].flatMap((r) => [r.period, r.previous]));
    const rows = await repo.findValuesAtPeriodsAt(db, flow.datasetId, flow.indicatorId, version, areas, periods);
    if (!rows) throw new FlowReloadedError(flow.id);
    const bySeries = new Map<number, { area: string; values: Map<string, number> }>();
    for (const row of rows) {
      const series = bySeries.get(row.series) ?? { area: row.refArea, values: new Map<string, number>() };
      series.values.set(row.period, row.value);
      bySeries.set(row.series, series);
    }
    const found = new Map<number, RepeatedPeriod>();
    for (const [id, { area, values }] of bySeries) {
      const destination = destinations.get(repeatKey(area, flow.datasetId));
      if (!destination) continue;
      const repeated = figureRepeats(
        destination,
        destination.period,
        values.get(destination.period),
        values.get(destination.previous),
      );
      if (repeated) found.set(id, repeated);
    }
    return found;
  });
}

/**
 * Checks a data query and counts what it selects: 400 for a malformed flow reference, key or
 * period, 404 for an unknown flow or when nothing matches (SDMX's NoResultsFound), 413 when the
 * answer would pass MAX_OBSERVATIONS. Counts a chunk of series at a time, all at one version of
 * the flow (FlowReloadedError when it changes meanwhile). `answers`: the data hub's answer cache
 * (the app's; a cache of its own by default), which keeps the flow's structure and what repeats.
 */
export async function planData(
  db: Kysely<DB>,
  request: DataRequest,
  maxObservations = MAX_OBSERVATIONS,
  answers: DatahubCache = new DatahubCache(db),
  chunks: ReadChunks = READ_CHUNKS,
): Promise<DataPlan> {
  checkObservationParameters(request.query);
  const ref = parseFlowRef(request.flow);
  // The flow and its structure, once per data version: gathering them (every series of the flow)
  // took the most of a one-series query, 20–50 ms of work for 0.3 ms of data.
  const { flow, dsd } = await answers.answer(`sdmx-flow|${request.flow.toUpperCase()}`, async (ctx) => {
    const [found] = await findDataflows(db, ref);
    if (!found) {
      const loading = answers
        .stillLoading()
        .find((d) => d.indicators.some((i) => sdmxFlowId(d.dataset, i) === ref.id.toUpperCase()));
      if (loading)
        throw ApiError.dataLoading('flow', stillLoadingMessage(`the dataflow "${request.flow}"`, [loading.dataset]));
      throw ApiError.notFoundAt(
        'flow',
        `no dataflow "${request.flow}": Bridges' dataflows (agency ${SDMX_AGENCY}, version ${SDMX_VERSION}) are listed at /api/sdmx/dataflow`,
      );
    }
    return { flow: found, dsd: (await dataStructureOf(db, ctx, found)).dsd };
  });
  const provider = request.provider?.trim();
  if (provider && !['all', '*', SDMX_AGENCY].includes(provider)) {
    throw ApiError.notFoundAt(
      'provider',
      `no data provider "${provider}": every Bridges dataflow is provided by ${SDMX_AGENCY} (or ask for all)`,
    );
  }
  const seriesDimensions = dsd.dimensions.filter((d) => d.source.kind !== 'time');
  checkDimensionAtObservation(request.query.dimensionAtObservation, dsd, flow.id);
  const positions = parseSeriesKey(
    request.key,
    seriesDimensions.map((d) => d.id),
    flow.id,
  );
  // The series filter of the key's positions (null: any code there).
  const filterOf = (keyPositions: readonly (string[] | null | undefined)[]): repo.SeriesFilter => {
    const f: repo.SeriesFilter = { datasetId: flow.datasetId, indicatorId: flow.indicatorId, dims: [] };
    seriesDimensions.forEach((dim, i) => {
      const codes = keyPositions[i] ?? undefined;
      const upper = codes?.map((c) => c.toUpperCase());
      switch (dim.source.kind) {
        case 'freq':
          f.freq = upper;
          break;
        case 'refArea':
          f.refArea = upper;
          break;
        case 'counterpartArea':
          f.counterpartArea = upper?.map((c) => (c === NOT_APPLICABLE ? null : c));
          break;
        case 'sex':
          f.sex = upper;
          break;
        case 'dims':
          f.dims.push({ key: dim.source.key, codes: codes?.map((c) => (c === NOT_APPLICABLE ? null : c)) });
          break;
        default:
          break;
      }
    });
    return f;
  };
  const filter = filterOf(positions);
  const { start, end } = periodBounds(request.query);
  const observationFilter: repo.ObservationFilter = {
    start,
    end,
    firstN: request.query.firstNObservations,
    lastN: request.query.lastNObservations,
  };
  const detail = request.query.detail ?? 'full';
  const found = await repo.findSeriesInKeyOrder(db, filter);
  const version = found.version;
  if (version === null) throw new FlowReloadedError(flow.id);
  // The observations of each series in the period, a chunk of series at a time; a series without
  // any is left out.
  const series: DataPlan['series'] = [];
  for (let i = 0; i < found.ids.length; i += chunks.series) {
    if (i > 0) await yieldToEventLoop();
    const ids = found.ids.slice(i, i + chunks.series);
    const counts = await repo.countObservationsAt(db, flow.datasetId, version, ids, observationFilter);
    if (!counts) throw new FlowReloadedError(flow.id);
    for (const id of ids) {
      const count = counts.get(id);
      if (count) series.push({ id, observations: keptObservations(count, observationFilter) });
    }
  }
  const observationCount = series.reduce((n, s) => n + s.observations, 0);
  if (series.length === 0) {
    // The key is to blame when it selects no series: which of its positions matches nothing in
    // this flow on its own (a mistyped code, a sex the edition does not publish) is named, so the
    // client knows what to change. When its series only lie outside the periods, the periods are
    // (both, when both are given: the span is to blame, not one end of it).
    const periods = (['startPeriod', 'endPeriod'] as const).filter((p) => request.query[p] !== undefined);
    const periodFields = found.ids.length > 0 && periods.length > 0 ? periods : undefined;
    const unmatched: string[] = [];
    if (found.ids.length === 0)
      for (const [i, codes] of positions.entries()) {
        if (!codes?.length) continue;
        if (await repo.anySeriesMatches(db, filterOf(positions.map((p, j) => (j === i ? p : null))))) continue;
        // An area by its M49 number (608), as the UN's SDMX services key them: the code Bridges uses.
        const kind = seriesDimensions[i]?.source.kind;
        const m49 =
          kind === 'refArea' || kind === 'counterpartArea'
            ? await m49NumberHints(db, codes, { aggregates: true })
            : undefined;
        unmatched.push(
          `${seriesDimensions[i]?.id ?? `position ${String(i + 1)}`}=${codes.join('+')}${m49 ? ` (${m49})` : ''}`,
        );
      }
    throw ApiError.notFoundAt(
      periodFields ?? 'key',
      `no data for ${flow.id} with the key "${request.key ?? 'all'}"${start || end ? ` between ${request.query.startPeriod ?? 'the start'} and ${request.query.endPeriod ?? 'the end'}` : ''} (NoResultsFound).${unmatched.length ? ` No series of this flow has ${unmatched.join(', nor ')}.` : ''}${periodFields ? ` The key's ${String(found.ids.length)} series have no observation in that span.` : ''} The dimensions are ${seriesDimensions.map((d) => d.id).join('.')}; the codes are at /api/sdmx/datastructure/${SDMX_AGENCY}/${flow.id}/${SDMX_VERSION}`,
    );
  }
  const seriesOnly = detail === 'serieskeysonly' || detail === 'nodata';
  const size = seriesOnly ? series.length : observationCount;
  if (size > maxObservations) {
    throw new ApiError(
      413,
      'invalid_parameter',
      `key: the answer would hold ${String(size)} ${seriesOnly ? 'series' : 'observations'}, more than the ${String(maxObservations)} one answer may carry: narrow the key (e.g. one REF_AREA) or the periods (startPeriod, endPeriod${seriesOnly ? '' : ', lastNObservations'})`,
      [{ field: 'key', message: `selects ${String(size)}; at most ${String(maxObservations)}` }],
    );
  }
  // Every area's names in every language, once per data version (a few hundred areas).
  const areaNames = await answers.answer('sdmx-area-names', async () => areaNamesByCode(await repo.findAreaNames(db)));
  // The figures that only repeat the period before's, said in COMMENT_OBS: an attribute of the
  // observations, so only where the answer has both (detail=full).
  const repeats =
    detail === 'full' && dsd.attributes.some((a) => a.id === OBSERVATION_COMMENT)
      ? await repeatedFigures(db, answers, flow, version, filter.refArea)
      : new Map<number, RepeatedPeriod>();
  return {
    dsd,
    seriesDimensions,
    detail,
    dimensionAtObservation: request.query.dimensionAtObservation === 'AllDimensions' ? 'AllDimensions' : 'TIME_PERIOD',
    version,
    series,
    observationCount,
    observationFilter,
    languages: request.languages ?? [],
    areaNames,
    dimsNames: new Map(),
    repeats,
  };
}

/** Observations of a series left after firstNObservations / lastNObservations (both: the first N and the last N). */
function keptObservations(count: number, f: repo.ObservationFilter): number {
  if (f.firstN === undefined && f.lastN === undefined) return count;
  return Math.min(count, (f.firstN ?? 0) + (f.lastN ?? 0));
}

/** The key of a series: its codes in the data structure's order (`_Z` where it has no value). */
function seriesKeyOf(
  row: repo.SeriesRow,
  dimensions: SdmxDimension[],
  dimsNames: Map<string, string>,
  datasetId: string,
): string[] {
  const dims = row.dims;
  return dimensions.map((d) => {
    switch (d.source.kind) {
      case 'freq':
        return row.freq;
      case 'refArea':
        return row.ref_area;
      case 'counterpartArea':
        return row.counterpart_area ?? NOT_APPLICABLE;
      case 'sex':
        return row.sex;
      case 'dims': {
        const value = dims[d.source.key];
        if (value === undefined) return NOT_APPLICABLE;
        const code = codeOfDimsValue(value);
        dimsNames.set(
          dimsNameKey(d.source.key, code),
          sourceDimension(datasetId, d.source.key)?.codes?.[value] ?? value,
        );
        return code;
      }
      default:
        return '';
    }
  });
}

/**
 * A flow's edition was reloaded (or removed) while an answer was planned or read: the rest of
 * the answer would come from another load than its beginning. NOTE: each chunk is read in one
 * statement that also reads the edition's version, not in one transaction for the whole answer:
 * on PGlite a transaction would hold its one connection, hence every other request, for the whole
 * download, and on PostgreSQL it would hold a pooled connection as long as the slowest client
 * takes to read (ten slow downloads would take the whole pool).
 */
export class FlowReloadedError extends Error {
  constructor(readonly flowId: string) {
    super(`${flowId} was reloaded while its answer was read: the answer was cut short, ask again`);
    this.name = 'FlowReloadedError';
  }
}

/**
 * Lets the requests that arrived meanwhile run (PGlite runs its queries in this thread), between
 * two chunks of an answer. NOTE: never before the first: a small answer, read in one chunk, then
 * runs from start to end in one turn instead of waiting a turn of every download at each step.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The planned series cut into the chunks they are read in: ids, in key order. */
function chunksOf(plan: DataPlan, chunks: ReadChunks): number[][] {
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  const list: number[][] = [];
  let ids: number[] = [];
  let observationCount = 0;
  for (const series of plan.series) {
    if (ids.length === chunks.series || observationCount >= chunks.observations) {
      list.push(ids);
      ids = [];
      observationCount = 0;
    }
    ids.push(series.id);
    if (withObservations) observationCount += series.observations;
  }
  if (ids.length) list.push(ids);
  return list;
}

/**
 * The planned series in key order with their observations, a chunk at a time, each read at the
 * plan's version of the flow: an answer streams without holding more than a chunk, and between
 * chunks the other requests run and take the connection. Throws FlowReloadedError when the flow's
 * edition is reloaded meanwhile.
 */
export async function* readDataSeries(
  db: Kysely<DB>,
  plan: DataPlan,
  chunks: ReadChunks = READ_CHUNKS,
): AsyncGenerator<DataSeries[]> {
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  for (const [i, ids] of chunksOf(plan, chunks).entries()) {
    if (i > 0) await yieldToEventLoop();
    const found = await repo.findSeriesWithObservationsAt(
      db,
      plan.dsd.flow.datasetId,
      plan.version,
      ids,
      plan.observationFilter,
      withObservations,
    );
    if (!found) throw new FlowReloadedError(plan.dsd.flow.id);
    const rows = new Map(found.map((r) => [r.id, r]));
    const batch: DataSeries[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      // Never at the plan's version: a series and its observations change only with a new load.
      if (!row) throw new FlowReloadedError(plan.dsd.flow.id);
      if (withObservations && row.observations.length === 0) continue;
      batch.push({
        key: seriesKeyOf(row, plan.seriesDimensions, plan.dimsNames, plan.dsd.flow.datasetId),
        observations: row.observations,
        repeats: plan.repeats.get(id) ?? null,
      });
    }
    yield batch;
  }
}

/**
 * A data query planned and its first chunk read, ready to stream: anything that fails before the
 * answer's first bytes (a malformed query, the cap, the database) is an error answer, and a
 * reload of the flow meanwhile makes it start again at the new load. A reload later cuts the
 * answer short (FlowReloadedError), never mixes two loads. `whole`: the first chunk is the whole
 * answer, read already.
 */
export async function openData(
  db: Kysely<DB>,
  request: DataRequest,
  options: { maxObservations?: number; answers?: DatahubCache; chunks?: ReadChunks } = {},
): Promise<{ plan: DataPlan; batches: AsyncGenerator<DataSeries[]>; whole: boolean }> {
  const chunks = options.chunks ?? READ_CHUNKS;
  const answers = options.answers ?? new DatahubCache(db);
  for (let attempt = 1; ; attempt++) {
    try {
      const plan = await planData(db, request, options.maxObservations, answers, chunks);
      const batches = readDataSeries(db, plan, chunks);
      const first = await batches.next();
      return { plan, batches: startingWith(first, batches), whole: chunksOf(plan, chunks).length <= 1 };
    } catch (err) {
      if (!(err instanceof FlowReloadedError)) throw err;
      if (attempt === READ_ATTEMPTS)
        throw ApiError.conflict(
          `${err.flowId} was reloaded ${String(READ_ATTEMPTS)} times while its answer was read: ask again in a moment`,
        );
    }
  }
}

/** A generator's first result, already read, then the rest of it; closing it closes the rest. */
async function* startingWith<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    if (first.done) return;
    yield first.value;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
