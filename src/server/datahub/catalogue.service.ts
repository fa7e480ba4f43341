import type {
  DatasetDetailResponse,
  DatasetListResponse,
  DatasetSummary,
  IndicatorListResponse,
  SexCode,
} from '../../core/statistics.js';
import { ApiError } from '../http/api-error.js';
import type { CsvTable } from './datahub.csv.js';
import { comparePeriods, type DatahubCache, type DatahubContext } from './datahub.context.js';

/** Every dataset edition loaded, with what it holds; editions of one family side by side. */
export async function listDatasets(cache: DatahubCache): Promise<DatasetListResponse> {
  return cache.answer('datasets', (ctx) => Promise.resolve(presentDatasets(ctx)));
}

function presentDatasets(ctx: DatahubContext): DatasetListResponse {
  const items = [...ctx.datasets.keys()].map((id) => presentDataset(ctx, id));
  const families = new Map<string, string[]>();
  for (const d of items) families.set(d.family, [...(families.get(d.family) ?? []), d.id]);
  return {
    items,
    families: [...families].map(([family, datasets]) => ({ family, datasets })),
    sources: ctx.cite(ctx.datasets.keys()),
  };
}

export async function getDataset(cache: DatahubCache, id: string): Promise<DatasetDetailResponse> {
  const ctx = await cache.context();
  if (!ctx.datasets.has(id)) throw ApiError.notFound(`No dataset has the id "${id}" (the list is at /api/datasets)`);
  const summary = presentDataset(ctx, id);
  const otherEditions = [...ctx.datasets.values()]
    .filter((d) => d.family === summary.family && d.id !== id)
    .map((d) => d.id);
  return { ...summary, otherEditions, sources: ctx.cite([id]) };
}

/** The indicator catalogue, each indicator with the editions that carry it (latest data first). */
export async function listIndicators(cache: DatahubCache): Promise<IndicatorListResponse> {
  return cache.answer('indicators', (ctx) => Promise.resolve(presentIndicators(ctx)));
}

function presentIndicators(ctx: DatahubContext): IndicatorListResponse {
  const items = [...ctx.indicators.values()].map((i) => ({
    ...i,
    datasets: ctx.datasetsWith(i.id).map((c) => ({
      id: c.dataset_id,
      family: ctx.datasets.get(c.dataset_id)?.family ?? '',
      edition: ctx.datasets.get(c.dataset_id)?.edition ?? '',
      firstPeriod: c.first_period,
      lastPeriod: c.last_period,
      seriesCount: c.series_count,
      observationCount: c.observation_count,
    })),
  }));
  return { items, sources: ctx.cite(items.flatMap((i) => i.datasets.map((d) => d.id))) };
}

function presentDataset(ctx: DatahubContext, id: string): DatasetSummary {
  const d = ctx.datasets.get(id);
  if (!d) throw new Error(`dataset ${id} vanished from the context`);
  const coverage = [...ctx.coverage.values()].filter((c) => c.dataset_id === id);
  const periods = coverage.flatMap((c) => [c.first_period, c.last_period]).filter((p): p is string => p !== null);
  periods.sort(comparePeriods);
  const max = (pick: (c: (typeof coverage)[number]) => number) => Math.max(0, ...coverage.map(pick));
  return {
    id: d.id,
    family: d.family,
    title: d.title,
    publisher: d.publisher,
    edition: d.edition,
    releaseDate: d.release_date,
    licence: d.licence,
    sourceUrl: d.source_url,
    citation: d.citation,
    methodNotes: d.method_notes,
    caveats: d.caveats,
    provenance: d.provenance,
    observationCount: d.observation_count,
    loadedAt: d.loaded_at,
    indicators: coverage.map((c) => {
      const indicator = ctx.indicators.get(c.indicator_id);
      return {
        id: c.indicator_id,
        name: indicator?.name ?? c.indicator_id,
        unit: indicator?.unit ?? '',
        measureType: indicator?.measureType ?? 'stock',
        seriesCount: c.series_count,
        observationCount: c.observation_count,
        firstPeriod: c.first_period,
        lastPeriod: c.last_period,
        periods: c.periods,
        sexes: c.sexes as SexCode[],
        dimensions: Object.fromEntries(ctx.dimensionsOf(id, c.indicator_id)),
      };
    }),
    periods: { first: periods[0] ?? null, last: periods.at(-1) ?? null },
    // NOTE: the largest count over the dataset's indicators, not a union: a dataset's indicators
    // nearly always cover the same areas, and a union would need another scan.
    areas: {
      reference: max((c) => c.ref_areas),
      counterpart: max((c) => c.counterpart_areas),
      aggregates: max((c) => c.aggregate_ref_areas),
    },
  };
}

/** One row per dataset and indicator. */
export function datasetsCsv(items: DatasetSummary[]): CsvTable {
  return {
    columns: [
      'family',
      'title',
      'indicator',
      'indicator_name',
      'unit',
      'first_period',
      'last_period',
      'series_count',
      'observation_count',
      'release_date',
      'loaded_at',
      'source_url',
    ],
    rows: items.flatMap((d) =>
      (d.indicators.length ? d.indicators : [null]).map((i) => ({
        cells: {
          family: d.family,
          title: d.title,
          indicator: i?.id,
          indicator_name: i?.name,
          unit: i?.unit,
          first_period: i?.firstPeriod,
          last_period: i?.lastPeriod,
          series_count: i?.seriesCount,
          observation_count: i?.observationCount,
          release_date: d.releaseDate,
          loaded_at: d.loadedAt,
          source_url: d.sourceUrl,
        },
        sources: [d.id],
      })),
    ),
  };
}

/** One row per indicator and dataset carrying it. */
export function indicatorsCsv(response: IndicatorListResponse): CsvTable {
  return {
    columns: [
      'indicator',
      'name',
      'unit',
      'measure_type',
      'topic',
      'first_period',
      'last_period',
      'series_count',
      'observation_count',
    ],
    rows: response.items.flatMap((i) =>
      i.datasets.map((d) => ({
        cells: {
          indicator: i.id,
          name: i.name,
          unit: i.unit,
          measure_type: i.measureType,
          topic: i.topic,
          first_period: d.firstPeriod,
          last_period: d.lastPeriod,
          series_count: d.seriesCount,
          observation_count: d.observationCount,
        },
        sources: [d.id],
      })),
    ),
  };
}
