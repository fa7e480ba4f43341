import type { Kysely } from 'kysely';
import { parseSdmxPeriod, SDMX_AGENCY, sdmxFlowId, sdmxIdPart, type SdmxDataQuery } from '../../core/sdmx.js';
import { sourceDimension } from '../../core/statistics-terms.js';
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
  buildDataflow,
  buildDataStructure,
  CODELIST_AREA,
  conceptScheme,
  dimsCodelists,
  FIXED_CODELISTS,
  NOT_APPLICABLE,
  type SdmxCodelist,
  type SdmxConceptScheme,
  type SdmxDataflow,
  type SdmxDataStructure,
  type SdmxDimension,
} from './sdmx-structure.js';
import * as repo from './sdmx.repository.js';

/**
 * The SDMX rules: which dataflows exist and what their structures are, how a query's flow, key
 * and periods select series and observations, and when an answer is too big. Routes present
 * what this returns with the SDMX-JSON or SDMX-CSV writers.
 */

/** The largest data answer, in observations (series for serieskeysonly/nodata): about 50 MB of SDMX-CSV. */
export const MAX_OBSERVATIONS = 500_000;
/**
 * What is read from the database at a time while an answer streams, whichever limit comes first:
 * with at most a couple of batches in flight, memory stays bounded (a few MB) whatever the size
 * of the answer or the length of its series.
 */
const BATCH_SERIES = 2000;
const BATCH_OBSERVATIONS = 20_000;

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

async function dataStructureOf(db: Kysely<DB>, flow: SdmxDataflow) {
  const values = await repo.findDimsValues(db, flow.datasetId, flow.indicatorId);
  const dsd = buildDataStructure(flow, unique(values.map((v) => v.key)));
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
 * (SDMX's default is none), because a key means nothing to a client without them.
 */
export async function findStructures(
  db: Kysely<DB>,
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
  if (needStructures) for (const flow of flows) structures.push(await dataStructureOf(db, flow));
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
  if (set[KIND_OF[resource]].length === 0) {
    throw ApiError.notFound(
      `No ${resource} matches ${[ref.agency ?? 'all', ref.id ?? 'all', ref.version ?? 'latest'].join('/')}: Bridges publishes agency ${SDMX_AGENCY}, version 1.0; the dataflows are listed at /api/sdmx/dataflow (empty while the bundled datasets load: see /api/status)`,
    );
  }
  return set;
}

// ---------------------------------------------------------------------------------------------
// Data

export interface DataRequest {
  flow: string;
  key?: string;
  provider?: string;
  query: SdmxDataQuery;
}

export type DataDetail = 'full' | 'dataonly' | 'serieskeysonly' | 'nodata';

/** A data query checked and counted, ready to stream. */
export interface DataPlan {
  dsd: SdmxDataStructure;
  /** The dimensions of the series key (every dimension but TIME_PERIOD), in order. */
  seriesDimensions: SdmxDimension[];
  detail: DataDetail;
  dimensionAtObservation: 'TIME_PERIOD' | 'AllDimensions';
  series: { id: number; observations: number }[];
  observationCount: number;
  observationFilter: repo.ObservationFilter;
  /** English names of the areas, for labels. */
  areaNames: Map<string, string>;
  /**
   * The name of each code of the source's own dimensions, by dimsNameKey (`lfs`, `1` → "Employed";
   * else the source's own value: `idp_return_2bd50a` → "idp return"), filled as series are read.
   */
  dimsNames: Map<string, string>;
}

/** One series of an answer: its key (codes in `seriesDimensions` order) and observations. */
export interface DataSeries {
  key: string[];
  observations: repo.ObservationRow[];
}

function periodBounds(query: SdmxDataQuery): { start?: string; end?: string } {
  const start = query.startPeriod ? parseSdmxPeriod(query.startPeriod)?.start : undefined;
  const until = query.endPeriod ? parseSdmxPeriod(query.endPeriod)?.end : undefined;
  // A period ending with the year 9999 ends on 10000-01-01, which ISO dates write "+010000-01-01"
  // (neither a date PostgreSQL reads nor one that compares as text): no end at all, as meant.
  const end = until?.startsWith('+') ? undefined : until;
  if (start && end && start >= end) {
    throw ApiError.invalidParameter(
      'startPeriod',
      `${String(query.startPeriod)} comes after endPeriod ${String(query.endPeriod)}`,
    );
  }
  return { start, end };
}

/** Computes an answer once per data version (the datahub's answer cache); failures are not kept. */
export interface AnswerCache {
  answer<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * Checks a data query and counts what it selects: 400 for a malformed flow reference, key or
 * period, 404 for an unknown flow or when nothing matches (SDMX's NoResultsFound), 413 when the
 * answer would pass MAX_OBSERVATIONS.
 */
export async function planData(
  db: Kysely<DB>,
  request: DataRequest,
  maxObservations = MAX_OBSERVATIONS,
  answers: AnswerCache = { answer: (_key, compute) => compute() },
): Promise<DataPlan> {
  const ref = parseFlowRef(request.flow);
  // The flow and its structure, once per data version: gathering them (every series of the flow)
  // took the most of a one-series query, 20–50 ms of work for 0.3 ms of data.
  const { flow, dsd } = await answers.answer(`sdmx-flow|${request.flow.toUpperCase()}`, async () => {
    const [found] = await findDataflows(db, ref);
    if (!found) {
      throw ApiError.notFound(
        `No dataflow "${request.flow}": Bridges' dataflows (agency ${SDMX_AGENCY}, version 1.0) are listed at /api/sdmx/dataflow`,
      );
    }
    return { flow: found, dsd: (await dataStructureOf(db, found)).dsd };
  });
  const provider = request.provider?.trim();
  if (provider && !['all', '*', SDMX_AGENCY].includes(provider)) {
    throw ApiError.notFound(`No data provider "${provider}": every Bridges dataflow is provided by ${SDMX_AGENCY}`);
  }
  const seriesDimensions = dsd.dimensions.filter((d) => d.source.kind !== 'time');
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
  const series = (await repo.findMatchingSeries(db, filter, observationFilter)).map((s) => ({
    id: s.id,
    observations: keptObservations(s.observations, observationFilter),
  }));
  const observationCount = series.reduce((n, s) => n + s.observations, 0);
  if (series.length === 0) {
    // Which position of the key matches nothing in this flow on its own (a mistyped code, a sex
    // the edition does not publish): named, so the client knows what to change.
    const unmatched: string[] = [];
    for (const [i, codes] of positions.entries()) {
      if (!codes?.length) continue;
      if (!(await repo.anySeriesMatches(db, filterOf(positions.map((p, j) => (j === i ? p : null))))))
        unmatched.push(`${seriesDimensions[i]?.id ?? `position ${String(i + 1)}`}=${codes.join('+')}`);
    }
    throw ApiError.notFound(
      `No data for ${flow.id} with the key "${request.key ?? 'all'}"${start || end ? ` between ${request.query.startPeriod ?? 'the start'} and ${request.query.endPeriod ?? 'the end'}` : ''} (NoResultsFound).${unmatched.length ? ` No series of this flow has ${unmatched.join(', nor ')}.` : ''} The dimensions are ${seriesDimensions.map((d) => d.id).join('.')}; the codes are at /api/sdmx/datastructure/${SDMX_AGENCY}/${flow.id}/1.0`,
    );
  }
  const size = detail === 'serieskeysonly' || detail === 'nodata' ? series.length : observationCount;
  if (size > maxObservations) {
    throw new ApiError(
      413,
      'invalid_parameter',
      `key: the answer would hold ${String(size)} ${detail === 'serieskeysonly' || detail === 'nodata' ? 'series' : 'observations'}, more than the ${String(maxObservations)} one answer may carry: narrow the key (e.g. one REF_AREA) or the periods (startPeriod, endPeriod, lastNObservations)`,
      [{ field: 'key', message: `selects ${String(size)}; at most ${String(maxObservations)}` }],
    );
  }
  const areaNames = await repo.findAreaEnglishNames(db);
  return {
    dsd,
    seriesDimensions,
    detail,
    dimensionAtObservation: request.query.dimensionAtObservation === 'AllDimensions' ? 'AllDimensions' : 'TIME_PERIOD',
    series,
    observationCount,
    observationFilter,
    areaNames,
    dimsNames: new Map(),
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
  const dims = JSON.parse(row.dims) as Record<string, string>;
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
 * The planned series in key order with their observations, a batch at a time, so an answer
 * streams without holding more than one batch. NOTE: the batches are separate reads, not one
 * transaction: on the one-connection PGlite a transaction would hold every other request for the
 * whole download; an edition reloaded in between simply drops its series from the rest.
 */
export async function* readDataSeries(db: Kysely<DB>, plan: DataPlan): AsyncGenerator<DataSeries[]> {
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  for (let i = 0; i < plan.series.length;) {
    const ids: number[] = [];
    let observationCount = 0;
    for (; i < plan.series.length && ids.length < BATCH_SERIES && observationCount < BATCH_OBSERVATIONS; i++) {
      const series = plan.series[i] as { id: number; observations: number };
      ids.push(series.id);
      if (withObservations) observationCount += series.observations;
    }
    const rows = new Map((await repo.findSeriesByIds(db, ids)).map((r) => [r.id, r]));
    const observations = withObservations
      ? await repo.findObservations(db, ids, plan.observationFilter)
      : new Map<number, repo.ObservationRow[]>();
    const batch: DataSeries[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) continue;
      const obs = observations.get(id) ?? [];
      if (withObservations && obs.length === 0) continue;
      batch.push({
        key: seriesKeyOf(row, plan.seriesDimensions, plan.dimsNames, plan.dsd.flow.datasetId),
        observations: obs,
      });
    }
    yield batch;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
