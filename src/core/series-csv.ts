/**
 * The rows of a time-series answer as CSV: one row per area, edition and period, with what Bridges
 * computed on it said in `computed_by`. The API's `format=csv` and the explorer's download of its
 * chart over time are both this table, so the two files never disagree. Zod-free: the UI imports it.
 */
import type { SeriesResponse } from './statistics.js';
import { combinedValueNote, computedBy, formatDims, noteLanguage } from './statistics-terms.js';

export const SERIES_CSV_COLUMNS = [
  'area',
  'area_name',
  'indicator',
  'counterpart',
  'sex',
  'dims',
  'period',
  'value',
  'unit',
  'status',
  'series_combined',
  'previous_period',
  'change_pct_from_previous',
  'change_points_from_previous',
  'growth_from',
  'growth_to',
  'growth_change_pct',
  'growth_annual_rate_pct',
  'growth_difference_points',
  'computed_by',
] as const;

export interface SeriesCsvRow {
  cells: Record<(typeof SERIES_CSV_COLUMNS)[number], string | number | null>;
  /** The dataset the row's value comes from. */
  sources: string[];
}

/** What Bridges computed on every row beside a combined value: the change and growth columns. */
const CHANGE_COLUMNS = {
  en: 'change and growth columns',
  fr: 'colonnes de variation et de croissance',
  es: 'columnas de variación y crecimiento',
} as const;

/** The rows, `computed_by` in `lang` (English unless French or Spanish: the API's `lang`, the UI's language). */
export function seriesCsvRows(r: SeriesResponse, lang: string = 'en'): SeriesCsvRow[] {
  return r.series.flatMap((s) =>
    s.points.map((p) => {
      return {
        cells: {
          area: s.area.code,
          area_name: s.area.name,
          indicator: r.indicator.id,
          counterpart: r.filters.counterpart,
          sex: r.filters.sex,
          dims: formatDims(r.filters.dims),
          period: p.period,
          value: p.value,
          unit: s.unit,
          status: p.status,
          series_combined: p.parts,
          previous_period: p.previousPeriod,
          change_pct_from_previous: p.changePct,
          change_points_from_previous: p.changePoints,
          growth_from: s.growth.from,
          growth_to: s.growth.to,
          growth_change_pct: s.growth.changePct,
          growth_annual_rate_pct: s.growth.annualRatePct,
          growth_difference_points: s.growth.differencePoints,
          computed_by: computedBy(
            combinedValueNote(r.indicator.measureType, p.parts, s.combined?.over, lang),
            CHANGE_COLUMNS[noteLanguage(lang)],
          ),
        },
        sources: [s.dataset],
      };
    }),
  );
}
