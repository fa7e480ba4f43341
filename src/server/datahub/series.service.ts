import type { Kysely } from 'kysely';
import {
  annualGrowthRate,
  COMPUTED_BY,
  percentChange,
  type RepeatedPeriod,
  type SeriesItem,
  type SeriesQuery,
  type SeriesResponse,
} from '../../core/statistics.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { normalisePeriod } from '../stats/model.js';
import type { CsvTable } from '../../core/csv.js';
import { comparePeriods, periodMonths, periodStartMonth, type DatahubCache } from './datahub.context.js';
import { SERIES_CSV_COLUMNS, seriesCsvRows } from '../../core/series-csv.js';
import {
  changeInPoints,
  combinedDimensionsText,
  noteLanguage,
  parseDims,
  pointsDifference,
  sentences,
  withRepeatNotes,
  type NoteLanguage,
  type Wording,
  type Words,
} from '../../core/statistics-terms.js';
import { checkCounterpartApplies, checkDims, datasetsFor, requireIndicator, sexesFor } from './datahub.filters.js';
import * as repo from './datahub.repository.js';
import { figureRepeats, findDestinationRepeats, repeatKey } from './repeats.js';

/**
 * Time series of one indicator for a set of areas, one series per area and edition (editions are
 * never spliced), with Bridges' growth rates: each period against the previous one with data, and
 * between `from` and `to` (or the first and last periods).
 */
export async function timeSeries(db: Kysely<DB>, cache: DatahubCache, query: SeriesQuery): Promise<SeriesResponse> {
  const ctx = await cache.context();
  const indicator = requireIndicator(ctx, query.indicator, 'indicator', 400);
  const areas = [...new Set(ctx.requireAreas(query.areas.split(','), 'areas'))];
  const datasets = datasetsFor(ctx, indicator, query.dataset);
  const sex = query.sex ?? '_T';
  const dims = parseDims(query.dims);
  checkDims(ctx, indicator, datasets, dims);
  if (query.counterpart) checkCounterpartApplies(ctx, indicator, datasets);
  const counterpart = query.counterpart ? ctx.requireArea(query.counterpart, 'counterpart', 400) : undefined;
  const from = query.from ? normalisePeriod(query.from.toUpperCase()) : null;
  const to = query.to ? normalisePeriod(query.to.toUpperCase()) : null;
  // A period asked runs to its end (to=2019 is up to December 2019): from=2019-Q3&to=2019 is half a year.
  if (from && to && periodStartMonth(from.period) >= periodStartMonth(to.period) + periodMonths(to.period))
    throw ApiError.invalidParameter('from', `${from.period} starts after to=${to.period} ends`);
  const lang = query.lang ?? 'en';
  // Datasets that do not have the sex asked are left out when no dataset was named.
  const usable = datasets.flatMap((d) => {
    try {
      return [{ id: d.dataset_id, sexes: sexesFor(indicator, d, sex) }];
    } catch (err) {
      if (query.dataset) throw err;
      return [];
    }
  });
  const firstDataset = datasets[0];
  if (usable.length === 0 && firstDataset) sexesFor(indicator, firstDataset, sex); // throws the 400 naming sex
  checkSpan(
    indicator.id,
    datasets.filter((d) => usable.some((u) => u.id === d.dataset_id)),
    from?.period,
    to?.period,
  );

  const key = JSON.stringify([
    'series',
    indicator.id,
    areas,
    usable,
    counterpart,
    dims,
    from?.period,
    to?.period,
    lang,
  ]);
  const rate = changeInPoints(indicator);
  // A rate (a percentage, or a mean count such as providers per corridor) is averaged, never summed.
  const mean = indicator.measureType === 'rate';
  const note = noteLanguage(lang);
  return cache.answer(key, async (c) => {
    const rows = await repo.findCombinedValues(db, {
      indicatorId: indicator.id,
      datasets: usable,
      refAreas: areas,
      counterpart,
      dims,
      // Not from `from`: the first point in the window is compared with the one before it.
      toEnd: to ? monthDate(periodStartMonth(to.period) + periodMonths(to.period)) : undefined,
      combine: mean ? 'avg' : 'sum',
      describeParts: true,
    });
    const repeating = await findDestinationRepeats(
      db,
      c,
      indicator.id,
      usable.map((d) => d.id),
      areas,
    );
    const groups = new Map<string, repo.CombinedValueRow[]>();
    for (const r of rows) {
      const k = `${r.ref_area}|${r.dataset_id}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const datasetOrder = usable.map((d) => d.id);
    // The points that end after `from` starts (those that overlap it, as the repository reads `to`).
    const inWindow = (p: repo.CombinedValueRow) =>
      !from || periodStartMonth(p.period) + periodMonths(p.period) > periodStartMonth(from.period);
    const series: SeriesItem[] = [...groups.values()]
      .flatMap((all) => {
        all.sort((a, b) => comparePeriods(a.period, b.period));
        const points = all.filter(inWindow);
        const first = points[0];
        if (!first) return [];
        const before = all.length - points.length;
        const repeats = repeatShown(repeating.get(repeatKey(first.ref_area, first.dataset_id)), all, points);
        // The change to a period that only repeats the one before is not estimated: null, not 0.
        const estimated = (period: string) => period !== repeats?.period;
        return [
          {
            area: c.areaRef(first.ref_area, lang),
            dataset: first.dataset_id,
            unit: indicator.unit,
            points: points.map((p, i) => {
              const previous = all[before + i - 1];
              return {
                period: p.period,
                value: p.value,
                status: p.status,
                parts: p.parts,
                previousPeriod: previous?.period ?? null,
                changePct: rate || !estimated(p.period) ? null : percentChange(previous?.value, p.value),
                changePoints: rate && estimated(p.period) ? pointsDifference(previous?.value, p.value) : null,
              };
            }),
            growth: growthBetween(points, from?.period ?? null, to?.period ?? null, rate, note, repeats),
            combined: combination(points, mean, note),
            repeats,
          },
        ];
      })
      .sort(
        (a, b) =>
          areas.indexOf(a.area.code) - areas.indexOf(b.area.code) ||
          datasetOrder.indexOf(a.dataset) - datasetOrder.indexOf(b.dataset),
      );
    return {
      indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit, measureType: indicator.measureType },
      filters: { counterpart: counterpart ?? null, sex, dims, from: from?.period ?? null, to: to?.period ?? null },
      series,
      withoutData: areas.filter((a) => !series.some((s) => s.area.code === a)).map((a) => c.areaRef(a, lang)),
      sources: c.cite(series.map((s) => s.dataset)),
    };
  });
}

/**
 * A `from` after the last period of every edition used, or a `to` before the first, is a 400
 * naming it with the editions' spans (as a ranking's period is), not an empty answer.
 */
function checkSpan(
  indicator: string,
  editions: { dataset_id: string; first_period: string | null; last_period: string | null }[],
  from: string | undefined,
  to: string | undefined,
): void {
  const spans = editions.flatMap((d) =>
    d.first_period && d.last_period ? [{ id: d.dataset_id, first: d.first_period, last: d.last_period }] : [],
  );
  if (spans.length === 0) return;
  const said = spans.map((s) => `${s.id} from ${s.first} to ${s.last}`).join('; ');
  const lastEnd = Math.max(...spans.map((s) => periodStartMonth(s.last) + periodMonths(s.last)));
  if (from && periodStartMonth(from) >= lastEnd)
    throw ApiError.invalidParameter('from', `${indicator} has no data from ${from} on; its periods run ${said}`);
  const firstStart = Math.min(...spans.map((s) => periodStartMonth(s.first)));
  if (to && periodStartMonth(to) + periodMonths(to) <= firstStart)
    throw ApiError.invalidParameter('to', `${indicator} has no data up to ${to}; its periods run ${said}`);
}

/**
 * The repeat of the area's figures (`repeated`, its destination's) where the series shows its
 * period (`points`, the window asked) and the series' own value there only repeats the period
 * before's (`all`, from before the window): figureRepeats, never said of a value that moved (a
 * counterpart the repeat spares).
 */
function repeatShown(
  repeated: RepeatedPeriod | undefined,
  all: readonly repo.CombinedValueRow[],
  points: readonly repo.CombinedValueRow[],
): RepeatedPeriod | null {
  if (!repeated || !points.some((p) => p.period === repeated.period)) return null;
  const valueAt = (period: string) => all.find((p) => p.period === period)?.value;
  return figureRepeats(repeated, repeated.period, valueAt(repeated.period), valueAt(repeated.previous));
}

/** How a series' points that combine several series are made (a sum or a mean, over what). */
const COMBINED_METHOD: Wording<{ mean: boolean; over: string | null }> = {
  en: (p) =>
    `Each point whose parts are above 1 is the ${p.mean ? 'unweighted mean' : 'sum'} of the series matching the query${p.over ? `, over ${p.over}` : ''}; the others are published values.`,
  fr: (p) =>
    `Chaque point dont le nombre de séries (parts) dépasse 1 est la ${p.mean ? 'moyenne non pondérée' : 'somme'} des séries répondant à la requête${p.over ? `, sur ${p.over}` : ''}\u00a0; les autres sont des valeurs publiées.`,
  es: (p) =>
    `Cada punto cuyo número de series (parts) es mayor que 1 es la ${p.mean ? 'media no ponderada' : 'suma'} de las series que responden a la consulta${p.over ? `, sobre ${p.over}` : ''}; los demás son valores publicados.`,
};

/**
 * What Bridges combined into a series' points, when any point sums (or averages) several series:
 * the sexes, counterparts and values of the source's own dimensions that differ between the
 * series combined, each dimension with every value that went in (UN DESA's both sexes are
 * M + F; DIOC's emigrants by education, left open by age, include the under-15s). Its method in
 * the note language `note`.
 */
function combination(points: repo.CombinedValueRow[], mean: boolean, note: NoteLanguage): SeriesItem['combined'] {
  if (!points.some((p) => p.parts > 1)) return null;
  const values = new Map<string, Set<string>>([
    ['sex', new Set()],
    ['counterpart_area', new Set()],
  ]);
  const add = (dimension: string, value: string) => {
    let set = values.get(dimension);
    if (!set) values.set(dimension, (set = new Set()));
    set.add(value);
  };
  for (const p of points) {
    for (const sex of p.sexes ?? []) add('sex', sex);
    for (const code of p.counterparts ?? []) add('counterpart_area', code);
    for (const dims of p.dims ?? []) for (const [k, v] of Object.entries(dims)) add(k, v);
  }
  const over = [...values]
    .filter(([, set]) => set.size > 1)
    .map(([dimension, set]) => ({ dimension, values: [...set].sort() }));
  return {
    computedBy: COMPUTED_BY,
    method: COMBINED_METHOD[note]({ mean, over: over.length ? combinedDimensionsText(over, note) : null }),
    over,
  };
}

/** The first day of a month counted from year 0 (periodStartMonth's count), as an ISO date. */
function monthDate(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * How the growth between the ends and each point's change are computed: a rate in percent in
 * percentage points (`points`), anything else in % (`change`).
 */
const GROWTH_METHOD: Readonly<Record<'points' | 'change', Words>> = {
  points: {
    en:
      'A percentage: differencePoints = value at `to` − value at `from`, in percentage points, between the periods that hold the start of `from` and the end of `to`; ' +
      'each point’s changePoints is its difference from the previous period with data (before `from` too). Rounded to 4 decimals; null where a value is missing. No % change of a %.',
    fr:
      'Un pourcentage\u00a0: differencePoints = valeur à `to` − valeur à `from`, en points de pourcentage, entre les périodes qui contiennent le début de `from` et la fin de `to`\u00a0; ' +
      'le changePoints de chaque point est son écart avec la période précédente ayant des données (avant `from` aussi). Arrondi à 4 décimales\u00a0; null là où une valeur manque. Pas de variation en % d’un %.',
    es:
      'Un porcentaje: differencePoints = valor en `to` − valor en `from`, en puntos porcentuales, entre los períodos que contienen el inicio de `from` y el final de `to`; ' +
      'el changePoints de cada punto es su diferencia con el período anterior con datos (también antes de `from`). Redondeado a 4 decimales; null donde falta un valor. Ninguna variación en % de un %.',
  },
  change: {
    en:
      'changePct = (value at `to` ÷ value at `from` − 1) × 100, between the periods that hold the start of `from` and the end of `to`; annualRatePct = ((to ÷ from)^(1 ÷ years) − 1) × 100 for annual periods; ' +
      'each point’s changePct compares it with the previous period with data (before `from` too). Rounded to 4 decimals; null where a value is missing, or the earlier value zero or negative (a net flow such as FDI can be: from a negative base the sign of a ratio reads backwards).',
    fr:
      'changePct = (valeur à `to` ÷ valeur à `from` − 1) × 100, entre les périodes qui contiennent le début de `from` et la fin de `to`\u00a0; annualRatePct = ((to ÷ from)^(1 ÷ années) − 1) × 100 pour des périodes annuelles\u00a0; ' +
      'le changePct de chaque point le compare à la période précédente ayant des données (avant `from` aussi). Arrondi à 4 décimales\u00a0; null là où une valeur manque, ou là où la valeur antérieure est nulle ou négative (un flux net comme les IDE peut l’être\u00a0: à partir d’une base négative, le signe d’un rapport se lit à l’envers).',
    es:
      'changePct = (valor en `to` ÷ valor en `from` − 1) × 100, entre los períodos que contienen el inicio de `from` y el final de `to`; annualRatePct = ((to ÷ from)^(1 ÷ años) − 1) × 100 para períodos anuales; ' +
      'el changePct de cada punto lo compara con el período anterior con datos (también antes de `from`). Redondeado a 4 decimales; null donde falta un valor, o donde el valor anterior es cero o negativo (un flujo neto como la IED puede serlo: desde una base negativa, el signo de un cociente se lee al revés).',
  },
};

/** Why the growth to a period that only repeats the one before is null. */
const GROWTH_REPEATS: Wording<RepeatedPeriod> = {
  en: (r) =>
    `The ${r.period} figures only repeat those of ${r.previous} (repeats): every change to ${r.period} is null, not estimated rather than none.`,
  fr: (r) =>
    `Les chiffres de ${r.period} ne font que reprendre ceux de ${r.previous} (repeats)\u00a0: toute variation jusqu’à ${r.period} est null, non estimée plutôt que nulle.`,
  es: (r) =>
    `Las cifras de ${r.period} solo repiten las de ${r.previous} (repeats): toda variación hasta ${r.period} es null, no estimada antes que nula.`,
};

function growthBetween(
  points: repo.CombinedValueRow[],
  from: string | null,
  to: string | null,
  rate: boolean,
  note: NoteLanguage,
  repeats: RepeatedPeriod | null,
): SeriesItem['growth'] {
  // The ends are the points whose periods hold the first month of `from` and the last month of
  // `to`: on quarterly data from=2019 is 2019-Q1 and to=2020 is 2020-Q4; on yearly data
  // from=2020-Q3 is 2020. Every series asked runs between the same periods.
  const holding = (month: number) =>
    points.find((p) => {
      const start = periodStartMonth(p.period);
      return start <= month && month < start + periodMonths(p.period);
    });
  const start = from ? holding(periodStartMonth(from)) : points[0];
  const end = to ? holding(periodStartMonth(to) + periodMonths(to) - 1) : points.at(-1);
  const startPeriod = start?.period ?? from;
  const endPeriod = end?.period ?? to;
  const annual = startPeriod && endPeriod && /^\d{4}$/.test(startPeriod) && /^\d{4}$/.test(endPeriod);
  const years = annual ? Number(endPeriod) - Number(startPeriod) : 0;
  // To a period that only repeats the one before, the growth is not estimated (its ends are still given).
  const notEstimated = repeats !== null && end?.period === repeats.period;
  const ends = start && end && start !== end && !notEstimated ? { start: start.value, end: end.value } : null;
  return {
    computedBy: COMPUTED_BY,
    method: sentences(GROWTH_METHOD[rate ? 'points' : 'change'][note], repeats ? GROWTH_REPEATS[note](repeats) : null),
    from: startPeriod ?? null,
    to: endPeriod ?? null,
    fromValue: start?.value ?? null,
    toValue: end?.value ?? null,
    changePct: ends && !rate ? percentChange(ends.start, ends.end) : null,
    annualRatePct: ends && !rate && years > 0 ? annualGrowthRate(ends.start, ends.end, years) : null,
    differencePoints: ends && rate ? pointsDifference(ends.start, ends.end) : null,
  };
}

/**
 * The series as CSV, one row per value with its change from the previous period and the growth
 * between the ends; `computed_by` and `note` in the language asked (`lang`; English unless French
 * or Spanish): `note` on each row of a series' `repeats.period`, as seriesCsvNotes words it.
 */
export function seriesCsv(r: SeriesResponse, lang: string = 'en'): CsvTable {
  return { columns: [...SERIES_CSV_COLUMNS, 'note'], rows: withRepeatNotes(r, seriesCsvRows(r, lang), lang) };
}
