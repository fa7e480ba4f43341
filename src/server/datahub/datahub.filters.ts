import type { SexCode } from '../../core/statistics.js';
import { summableOver } from '../../core/statistics-terms.js';
import { ApiError } from '../http/api-error.js';
import { stillLoadingMessage } from '../stats/bundled-load.js';
import type { DatahubContext, IndicatorInfo } from './datahub.context.js';
import type { CoverageRow } from './datahub.repository.js';

/** The request filters shared by rankings and series, checked against what is loaded. */

/** The indicator, or a 404 (a path) / 400 (a query parameter) naming the field. */
export function requireIndicator(ctx: DatahubContext, id: string, field: string, status: 400 | 404): IndicatorInfo {
  const indicator = ctx.indicators.get(id);
  if (indicator && ctx.datasetsWith(id).length) return indicator;
  const loading = ctx.loadingWith(id);
  if (loading.length) throw ApiError.dataLoading(field, stillLoadingMessage(`the indicator "${id}"`, loading));
  const known = [...ctx.indicators.keys()].filter((i) => ctx.datasetsWith(i).length).join(', ') || 'none loaded';
  const message = indicator
    ? `no loaded dataset carries the indicator "${id}" yet; indicators with data: ${known}`
    : `unknown indicator "${id}"; indicators with data: ${known} (the catalogue is at /api/indicators)`;
  if (status === 404) throw ApiError.notFoundAt(field, message);
  throw ApiError.invalidParameter(field, message);
}

/** The datasets to read: the one asked for (it must carry the indicator), else every one, latest first. */
export function datasetsFor(ctx: DatahubContext, indicator: IndicatorInfo, dataset: string | undefined): CoverageRow[] {
  const carrying = ctx.datasetsWith(indicator.id);
  if (!dataset) return carrying;
  const chosen = carrying.find((c) => c.dataset_id === dataset);
  if (!chosen) {
    if (ctx.isLoading(dataset)) throw ApiError.dataLoading('dataset', stillLoadingMessage(`"${dataset}"`, [dataset]));
    const known = carrying.map((c) => c.dataset_id).join(', ');
    throw ApiError.invalidParameter(
      'dataset',
      ctx.datasets.has(dataset)
        ? `the dataset "${dataset}" does not carry ${indicator.id}; these do: ${known}`
        : `unknown dataset "${dataset}"; datasets carrying ${indicator.id}: ${known}`,
    );
  }
  return [chosen];
}

/**
 * A counterpart applies to an indicator whose series have counterpart areas (a bilateral table:
 * the migrants' origins, the money's senders); given for one without (GDP, a country's
 * remittances from everywhere), it is a 400, not an empty answer.
 */
export function checkCounterpartApplies(ctx: DatahubContext, indicator: IndicatorInfo, datasets: CoverageRow[]): void {
  if (datasets.some((d) => d.counterpart_areas > 0)) return;
  const bilateral = [...ctx.coverage.values()]
    .filter((c) => c.counterpart_areas > 0 && c.observation_count > 0)
    .map((c) => c.indicator_id);
  const names = datasets.map((d) => d.dataset_id).join(', ');
  throw ApiError.invalidParameter(
    'counterpart',
    `applies only to an indicator with counterpart areas (origins, senders), and ${indicator.id} has none in ${names}; indicators with counterparts: ${[...new Set(bilateral)].sort().join(', ') || 'none loaded'}`,
  );
}

/**
 * The stored sexes to combine for the sex asked: the series of that sex where stored; for both
 * sexes of a stock or flow published by sex only (UN DESA), male + female.
 */
export function sexesFor(indicator: IndicatorInfo, coverage: CoverageRow, sex: SexCode): SexCode[] {
  if (coverage.sexes.includes(sex)) return [sex];
  if (sex === '_T' && indicator.measureType !== 'rate' && coverage.sexes.includes('M') && coverage.sexes.includes('F'))
    return ['M', 'F'];
  throw ApiError.invalidParameter(
    'sex',
    `${coverage.dataset_id} has ${indicator.id} for sex ${coverage.sexes.join(', ')} only, not ${sex}`,
  );
}

/**
 * Checks dimension filters against the values loaded. A dimension the indicator cannot be summed
 * over (`summableOver`: any of a rate, UNHCR's population groups) must be chosen where it has
 * several values.
 */
export function checkDims(
  ctx: DatahubContext,
  indicator: IndicatorInfo,
  datasets: CoverageRow[],
  dims: Record<string, string>,
): void {
  const available = new Map<string, Set<string>>();
  for (const d of datasets)
    for (const [key, values] of ctx.dimensionsOf(d.dataset_id, indicator.id))
      available.set(key, new Set([...(available.get(key) ?? []), ...values]));
  const describe = () => [...available].map(([k, v]) => `${k}: ${[...v].sort().join('|')}`).join('; ') || 'none';
  for (const [key, value] of Object.entries(dims)) {
    const values = available.get(key);
    if (!values)
      throw ApiError.invalidParameter('dims', `${indicator.id} has no dimension "${key}"; dimensions: ${describe()}`);
    if (!values.has(value))
      throw ApiError.invalidParameter('dims', `"${value}" is not a value of ${key}; dimensions: ${describe()}`);
  }
  const open = [...available].filter(
    ([key, values]) => values.size > 1 && !(key in dims) && !summableOver(indicator, key),
  );
  if (open.length) {
    const why =
      indicator.measureType === 'rate'
        ? 'is a rate and cannot be summed'
        : 'mixes stocks with flows (returns during the year) that cannot be added together';
    throw ApiError.invalidParameter(
      'dims',
      `${indicator.id} ${why} over ${open.map(([k]) => k).join(', ')}: choose one, e.g. dims=${open.map(([k, v]) => `${k}:${[...v].sort()[0] ?? ''}`).join(',')} (${describe()})`,
    );
  }
}
