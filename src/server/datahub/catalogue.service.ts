import type {
  DatasetDetailResponse,
  DatasetListQuery,
  DatasetListResponse,
  DatasetSummary,
  IndicatorListResponse,
  SexCode,
} from '../../core/statistics.js';
import { ApiError } from '../http/api-error.js';
import type { CsvTable } from '../../core/csv.js';
import { comparePeriods, type DatahubCache, type DatahubContext } from './datahub.context.js';
import { stillLoadingMessage } from '../stats/bundled-load.js';
import { datasetFiles } from './dataset-files.js';
import { INDICATOR_NAMES, namesByLanguage } from '../../core/statistics-names.js';
import { searchKey } from '../stats/area-resolver.js';

/**
 * Every dataset edition loaded, with what it holds; editions of one family side by side. Families
 * are in the order of their ids (which start with the publisher), editions newest first
 * (`compareEditions`), and `items` in that same order.
 */
export async function listDatasets(
  cache: DatahubCache,
  query: Omit<DatasetListQuery, 'format' | 'bom'> = { q: '' },
): Promise<DatasetListResponse> {
  const whole = await cache.answer('datasets', (ctx) => Promise.resolve(presentDatasets(ctx)));
  return filterCatalogue(whole, query);
}

/**
 * The catalogue as `query` filters it, as CKAN's search does: editions holding every word of `q`
 * (see catalogueText), with an indicator of one of the topics, of the publisher. Each facet counts
 * the editions the query's words and the other facet's filter keep. A topic or publisher the
 * catalogue lacks is a 400 listing those it has (it would match nothing, silently).
 */
function filterCatalogue(
  whole: Omit<DatasetListResponse, 'catalogueSize' | 'facets'>,
  query: Omit<DatasetListQuery, 'format' | 'bom'>,
): DatasetListResponse {
  const topicsOf = (d: DatasetSummary) => d.indicators.map((i) => i.topic);
  const known = {
    topic: [...new Set(whole.items.flatMap(topicsOf))].sort(),
    publisher: [...new Set(whole.items.map((d) => d.publisher))].sort(),
  };
  const topics = query.topic ? [...new Set(query.topic.split(','))] : [];
  const unknownTopics = topics.filter((t) => !known.topic.includes(t));
  if (unknownTopics.length)
    throw ApiError.invalidParameter(
      'topic',
      `has no edition of ${unknownTopics.map((t) => `"${t}"`).join(', ')}: the catalogue's topics are ${known.topic.join(', ')}`,
    );
  const { publisher } = query;
  if (publisher !== undefined && !known.publisher.includes(publisher))
    throw ApiError.invalidParameter(
      'publisher',
      `"${publisher}" publishes no edition here: the catalogue's publishers are ${known.publisher.map((p) => `"${p}"`).join(', ')}`,
    );

  const words = searchKey(query.q).split(' ').filter(Boolean);
  const worded = whole.items.filter((d) => {
    const text = catalogueText(d);
    return words.every((w) => text.includes(w));
  });
  const ofTopics = (d: DatasetSummary) => topics.length === 0 || topicsOf(d).some((t) => topics.includes(t));
  const ofPublisher = (d: DatasetSummary) => publisher === undefined || d.publisher === publisher;
  const items = worded.filter((d) => ofTopics(d) && ofPublisher(d));
  const kept = new Set(items.map((d) => d.id));
  return {
    items,
    families: whole.families
      .map((f) => ({ ...f, datasets: f.datasets.filter((id) => kept.has(id)) }))
      .filter((f) => f.datasets.length > 0),
    catalogueSize: whole.items.length,
    facets: {
      topic: known.topic.map((value) => ({
        value,
        count: worded.filter((d) => ofPublisher(d) && topicsOf(d).includes(value)).length,
      })),
      publisher: known.publisher.map((value) => ({
        value,
        count: worded.filter((d) => ofTopics(d) && d.publisher === value).length,
      })),
    },
    sources: whole.sources.filter((c) => kept.has(c.dataset)),
  };
}

/**
 * What `q` is looked for in: an edition's title, publisher, edition, id and citation, its
 * indicators' ids and names in English, French and Spanish, as search keys (case, accents and
 * punctuation ignored; areaResolver's searchKey), kept per edition.
 */
const catalogueTexts = new WeakMap<DatasetSummary, string>();
function catalogueText(d: DatasetSummary): string {
  let text = catalogueTexts.get(d);
  if (text === undefined) {
    text = searchKey(
      [
        d.title,
        d.publisher,
        d.edition,
        d.id,
        d.citation,
        ...d.indicators.flatMap((i) => [
          i.id.replaceAll('_', ' '),
          ...Object.values(namesByLanguage(INDICATOR_NAMES, i.id, i.name)),
        ]),
      ].join(' '),
    );
    catalogueTexts.set(d, text);
  }
  return text;
}

function presentDatasets(ctx: DatahubContext): Omit<DatasetListResponse, 'catalogueSize' | 'facets'> {
  const byFamily = new Map<string, DatasetSummary[]>();
  for (const id of ctx.datasets.keys()) {
    const d = presentDataset(ctx, id);
    byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), d]);
  }
  const families = [...byFamily]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([family, editions]) => {
      editions.sort(compareEditions);
      return { family, title: familyTitle(editions), editions };
    });
  const items = families.flatMap((f) => f.editions);
  return {
    items,
    families: families.map((f) => ({ family: f.family, title: f.title, datasets: f.editions.map((d) => d.id) })),
    sources: ctx.cite(items.map((d) => d.id)),
  };
}

/** The 404 message of a dataset id nothing has. */
/**
 * The error for a dataset id the context lacks, named as the path's `id`: a 503 to ask again
 * while the first start is still loading it, else a 404.
 */
export function noDataset(ctx: DatahubContext, id: string): ApiError {
  if (ctx.isLoading(id)) return ApiError.dataLoading('id', stillLoadingMessage(`"${id}"`, [id]));
  return ApiError.notFoundAt('id', `no dataset has the id "${id}" (the list is at /api/datasets)`);
}

export async function getDataset(cache: DatahubCache, id: string): Promise<DatasetDetailResponse> {
  const ctx = await cache.context();
  if (!ctx.datasets.has(id)) throw noDataset(ctx, id);
  const summary = presentDataset(ctx, id);
  const otherEditions = [...ctx.datasets.values()]
    .filter((d) => d.family === summary.family && d.id !== id)
    .map((d) => ({ id: d.id, releaseDate: d.release_date, loadedAt: d.loaded_at }))
    .sort(compareEditions)
    .map((d) => d.id);
  const files = datasetFiles(id, ctx.datasets.get(id)?.checksum ?? '').map((f) => ({
    name: f.name,
    bytes: f.bytes,
    sha256: f.sha256,
    url: `/api/datasets/${id}/files/${f.name}`,
  }));
  return { ...summary, otherEditions, files, sources: ctx.cite([id]) };
}

/**
 * A year in a dataset id, with the month or quarter right after it if any: `undesa-ims-2024`,
 * `knomad-inflows-2023-12`, `rpw-corridors-2020q3`, `oecd-dioc-2015-age-education`.
 */
const ID_DATE = /(?:^|-)((?:19|20)\d{2})(?:-(0[1-9]|1[0-2])|q([1-4]))?(?=-|$)/i;

/**
 * The date an edition is ordered by: its release date where the publisher gives one; otherwise
 * the date its id is named after (dataset ids are family + edition, `undesa-ims-2024` → "2024",
 * `knomad-inflows-2023-12` → "2023-12", `rpw-corridors-2020q3` → "2020-07", the quarter's first
 * month); null when the id names no year either. ISO strings of varying precision, so that
 * comparing them as strings puts a year or a month at its start ("2024" < "2024-01-01").
 */
export function editionDate(d: { id: string; releaseDate: string | null }): string | null {
  return d.releaseDate ?? idDate(d.id);
}

/** The date a dataset id is named after ("2024", "2023-12", "2020-07"), null when it names none. */
function idDate(id: string): string | null {
  const m = ID_DATE.exec(id);
  if (!m?.[1]) return null;
  if (m[2]) return `${m[1]}-${m[2]}`;
  if (m[3]) return `${m[1]}-${String((Number(m[3]) - 1) * 3 + 1).padStart(2, '0')}`;
  return m[1];
}

/**
 * Newest edition first. Two editions whose ids both name a date go by those dates (an edition
 * named 2021 is newer than one named 2020, whenever either was released: a release date would
 * put an undated 2021 behind a 2020 released in 2021); otherwise by `editionDate`, later first;
 * editions with no date at all after those with one; then the most recently loaded first; then by
 * id, descending.
 */
export function compareEditions(
  a: { id: string; releaseDate: string | null; loadedAt: string },
  b: { id: string; releaseDate: string | null; loadedAt: string },
): number {
  const ia = idDate(a.id);
  const ib = idDate(b.id);
  if (ia !== null && ib !== null && ia !== ib) return ia > ib ? -1 : 1;
  const da = editionDate(a);
  const db = editionDate(b);
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da > db ? -1 : 1;
  }
  if (a.loadedAt !== b.loadedAt) return a.loadedAt > b.loadedAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** " 2024" or " 2015/16" before a colon, a comma or the end: the edition in a title. */
const TITLE_EDITION = /\s+\d{4}(\/\d{2})?(?=[:,]|$)/;

/**
 * What a family is called: one edition's title as it is; for several editions, their titles with
 * the edition year taken out ("International Migrant Stock 2024: …" → "International Migrant
 * Stock: …"), each distinct one once, newest first, joined by " / " — so a family whose editions
 * are titled differently is named by all its titles, never by the newest one alone.
 */
export function familyTitle(editions: readonly { title: string }[]): string {
  if (editions.length === 1) return editions[0]?.title ?? '';
  return [...new Set(editions.map((d) => d.title.replace(TITLE_EDITION, '').trim()))].join(' / ');
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
        topic: indicator?.topic ?? '',
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
      'method_notes',
      'caveats',
      'provenance',
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
          // The record in full, as its page shows it (CKAN's export carries its notes too).
          method_notes: d.methodNotes,
          caveats: d.caveats,
          provenance: d.provenance,
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
