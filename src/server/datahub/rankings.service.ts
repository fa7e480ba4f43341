import type { Kysely } from 'kysely';
import { fiscalYearLabel, INCOME_GROUP_NAMES, INCOME_GROUPS, parseFiscalYear } from '../../core/classifications.js';
import type { NameLanguage } from '../../core/languages.js';
import { M49_NAMES } from '../../core/un-region-names.js';
import { WB_AGGREGATE_NAMES } from '../../core/wb-aggregate-names.js';
import {
  NOT_GROUPED,
  COMPUTED_BY,
  type GroupAggregate,
  type RankingGrouping,
  type RankingQuery,
  type RankingResponse,
  type RankingWeights,
  type RepeatedPeriod,
} from '../../core/statistics.js';
import {
  combinedValueNote,
  computedBy,
  computedValue,
  noteLanguage,
  ranked,
  repeatedFigureNote,
  repeatedPartsNote,
  sentences,
  type NoteLanguage,
  type Wording,
  type Words,
} from '../../core/statistics-terms.js';
import { INDICATOR_NAMES, namesByLanguage } from '../../core/statistics-names.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { INCOME_HISTORY_CITATION, M49_CITATION, REFERENCE_SOURCES } from '../reference/sources.js';
import type { CsvTable } from '../../core/csv.js';
import type { DatahubCache, DatahubContext, IndicatorInfo } from './datahub.context.js';
import { formatDims, parseDims } from '../../core/statistics-terms.js';
import { checkCounterpartApplies, checkDims, datasetsFor, requireIndicator, sexesFor } from './datahub.filters.js';
import * as repo from './datahub.repository.js';
import { RATE_WEIGHTS } from '../importers/indicators.js';
import { editionRepeats, figureRepeats, repeatingParts, repeatKey, type DestinationRepeats } from './repeats.js';

/**
 * Countries ranked on an indicator for one period of one edition, with Bridges' own totals by
 * M49 region or sub-region or World Bank income group, and the publisher's aggregates apart.
 */
export async function ranking(
  db: Kysely<DB>,
  cache: DatahubCache,
  indicatorId: string,
  query: RankingQuery,
): Promise<RankingResponse> {
  const ctx = await cache.context();
  const indicator = requireIndicator(ctx, indicatorId, 'indicator', 404);
  const [coverage] = datasetsFor(ctx, indicator, query.dataset);
  if (!coverage) throw ApiError.notFoundAt('indicator', `no dataset carries ${indicator.id}`);
  const sex = query.sex ?? '_T';
  const sexes = sexesFor(indicator, coverage, sex);
  const dims = parseDims(query.dims);
  checkDims(ctx, indicator, [coverage], dims);
  if (query.counterpart) checkCounterpartApplies(ctx, indicator, [coverage]);
  const counterpart = query.counterpart ? ctx.requireArea(query.counterpart, 'counterpart', 400) : undefined;
  if (query.incomeFiscalYear && query.groupBy !== 'incomeGroup')
    throw ApiError.invalidParameter(
      'incomeFiscalYear',
      `applies only with groupBy=incomeGroup: it chooses the fiscal year of the income groups the totals are by${query.groupBy ? `, and groupBy=${query.groupBy} groups by M49 instead` : ', and no groupBy was given'}`,
    );
  const fiscalYear = query.incomeFiscalYear ? (parseFiscalYear(query.incomeFiscalYear) as number) : undefined;
  if (fiscalYear !== undefined && !ctx.income.has(fiscalYear))
    throw ApiError.invalidParameter(
      'incomeFiscalYear',
      `no income classification is loaded for ${fiscalYearLabel(fiscalYear)}`,
    );
  const lang = query.lang ?? 'en';
  const key = JSON.stringify([
    'ranking',
    indicator.id,
    coverage.dataset_id,
    query.period,
    sex,
    dims,
    counterpart,
    query.groupBy,
    fiscalYear,
    query.limit,
    lang,
  ]);

  return cache.answer(key, async (c) => {
    const period =
      query.period?.toUpperCase() ??
      (await repo.findLatestPeriod(db, coverage.dataset_id, indicator.id, dims, counterpart));
    const rows = period
      ? await repo.findCombinedValues(db, {
          indicatorId: indicator.id,
          datasets: [{ id: coverage.dataset_id, sexes }],
          counterpart,
          dims,
          period,
          combine: indicator.measureType === 'rate' ? 'avg' : 'sum',
        })
      : [];
    // Nothing with these filters at all (a partner the edition has no series for): said, as for a
    // period it does not have, rather than an empty ranking "in" no period.
    if (!period)
      throw ApiError.invalidParameter(
        counterpart ? 'counterpart' : 'dims',
        `${coverage.dataset_id} has no ${indicator.id} ${counterpart ? `with the counterpart ${counterpart}` : 'with these dimensions'}`,
      );
    if (query.period && rows.length === 0)
      throw ApiError.invalidParameter(
        'period',
        `${coverage.dataset_id} has no ${indicator.id} for ${query.period} with these filters; its periods run from ${coverage.first_period ?? '?'} to ${coverage.last_period ?? '?'}`,
      );
    // A share's weights: the values it is a share of, same edition, period and sex.
    const weight = weightOf(ctx, indicator, coverage.dataset_id, counterpart, dims);
    const weightRows = weight
      ? await repo.findCombinedValues(db, {
          indicatorId: weight.id,
          datasets: [{ id: coverage.dataset_id, sexes }],
          dims: {},
          period,
          combine: 'sum',
        })
      : [];
    // Kept apart from the ranking's own key: every period, filter and language of the edition shares it.
    const partners = await cache.answer(JSON.stringify(['counterparts', coverage.dataset_id, indicator.id]), () =>
      repo.findCounterpartsWithData(db, coverage.dataset_id, indicator.id),
    );
    const weights =
      weight && weightRows.length
        ? { info: weight, values: new Map(weightRows.map((r) => [r.ref_area, r.value])) }
        : undefined;
    // Every destination's repeat, kept apart too (every period, sex and filter of the edition shares it).
    const repeating = await editionRepeats(db, cache, indicator.id, coverage.dataset_id);
    const repeats = await repeatsAt(db, repeating, period, rows, {
      indicatorId: indicator.id,
      datasets: [{ id: coverage.dataset_id, sexes }],
      counterpart,
      dims,
      combine: indicator.measureType === 'rate' ? 'avg' : 'sum',
    });
    return presentRanking(c, indicator, coverage.dataset_id, period, rows, partners, weights, repeats, {
      sex,
      sexes,
      dims,
      counterpart: counterpart ?? null,
      groupBy: query.groupBy,
      fiscalYear,
      limit: query.limit,
      lang,
    });
  });
}

/**
 * The areas whose value at `period` only repeats the period before's: their figures' latest period
 * repeats (editionRepeats) and is `period`, and the ranked value itself (with the ranking's
 * counterpart and dimensions) is that of the period before too (figureRepeats).
 */
async function repeatsAt(
  db: Kysely<DB>,
  repeating: DestinationRepeats,
  period: string,
  rows: readonly repo.CombinedValueRow[],
  query: Omit<repo.ValueQuery, 'period' | 'refAreas'>,
): Promise<ReadonlyMap<string, RepeatedPeriod>> {
  const candidates = rows.flatMap((r) => {
    const repeated = repeating.get(repeatKey(r.ref_area, r.dataset_id));
    return repeated?.period === period ? [{ row: r, repeated }] : [];
  });
  // One query per period before (every area's is the same in UN DESA's editions).
  const before = [];
  for (const previous of new Set(candidates.map((c) => c.repeated.previous)))
    before.push(
      ...(await repo.findCombinedValues(db, {
        ...query,
        period: previous,
        refAreas: candidates.filter((c) => c.repeated.previous === previous).map((c) => c.row.ref_area),
      })),
    );
  const previous = new Map(before.map((r) => [`${r.ref_area}|${r.period}`, r.value]));
  return new Map(
    candidates.flatMap((c) => {
      const repeated = figureRepeats(
        c.repeated,
        period,
        c.row.value,
        previous.get(`${c.row.ref_area}|${c.repeated.previous}`),
      );
      return repeated ? [[c.row.ref_area, repeated] as const] : [];
    }),
  );
}

/**
 * The indicator a rate's means are weighted by (RATE_WEIGHTS), where the same edition carries it
 * and neither a partner nor a dimension value narrows the rate (the weight has neither).
 */
function weightOf(
  ctx: DatahubContext,
  indicator: IndicatorInfo,
  dataset: string,
  counterpart: string | undefined,
  dims: Record<string, string>,
): IndicatorInfo | undefined {
  const id = indicator.measureType === 'rate' ? RATE_WEIGHTS.get(indicator.id) : undefined;
  if (!id || counterpart || Object.keys(dims).length) return undefined;
  if (!ctx.datasetsWith(id).some((c) => c.dataset_id === dataset)) return undefined;
  return ctx.indicators.get(id);
}

interface Weights {
  info: IndicatorInfo;
  values: ReadonlyMap<string, number>;
}

/**
 * How several areas' values make one: a sum, a rate's unweighted mean, or a share's mean
 * weighted by what it is a share of (areas without a weight cannot take part, and are missing).
 */
interface Combiner {
  /** What the combination is, in the answer's note language ("sum", "moyenne non pondérée"…). */
  how: string;
  usable: (code: string) => boolean;
  combine: (codes: readonly string[]) => number | null;
}

/**
 * A sum and a rate's unweighted mean, as the methods name them. NOTE: every word here is feminine
 * in French and Spanish (somme, moyenne; suma, media), as the weighted mean's is: the sentences
 * that use them (TOTAL_METHOD, GROUP_METHOD…) put "La" before them.
 */
const HOW: Readonly<Record<'sum' | 'mean', Words>> = {
  sum: { en: 'sum', fr: 'somme', es: 'suma' },
  mean: { en: 'unweighted mean', fr: 'moyenne non pondérée', es: 'media no ponderada' },
};

/** A share's mean weighted by what it is a share of (the weight's name in the note's language). */
const WEIGHTED_MEAN: Wording<{ name: string; id: string; dataset: string }> = {
  en: (w) => `mean weighted by ${w.name} (${w.id}, ${w.dataset}, same period and sex)`,
  fr: (w) => `moyenne pondérée par «\u00a0${w.name}\u00a0» (${w.id}, ${w.dataset}, même période et même sexe)`,
  es: (w) => `media ponderada por «${w.name}» (${w.id}, ${w.dataset}, mismo período y mismo sexo)`,
};

function combinerFor(
  rate: boolean,
  valueOf: ReadonlyMap<string, number>,
  weights: Weights | undefined,
  dataset: string,
  note: NoteLanguage,
): Combiner {
  const value = (c: string) => valueOf.get(c) as number;
  if (weights) {
    const weight = (c: string) => weights.values.get(c) as number;
    const { id, name } = weights.info;
    return {
      how: WEIGHTED_MEAN[note]({ name: namesByLanguage(INDICATOR_NAMES, id, name)[note] ?? name, id, dataset }),
      usable: (c) => valueOf.has(c) && weights.values.has(c),
      combine: (codes) => {
        const total = codes.reduce((s, c) => s + weight(c), 0);
        return codes.length === 0 || total === 0
          ? null
          : computedValue(codes.reduce((s, c) => s + value(c) * weight(c), 0) / total);
      },
    };
  }
  return {
    how: HOW[rate ? 'mean' : 'sum'][note],
    usable: (c) => valueOf.has(c),
    combine: (codes) => {
      if (codes.length === 0) return null;
      const sum = codes.reduce((s, c) => s + value(c), 0);
      return computedValue(rate ? sum / codes.length : sum);
    },
  };
}

/**
 * Bridges' own row names in the CSV and the groups no classification holds, in the UI languages
 * (the other name languages get English, as for the groups).
 */
const OWN_NAMES: Readonly<Record<'en' | 'fr' | 'es', Record<'total' | RankingGrouping, string>>> = {
  en: {
    total: 'All areas with data',
    incomeGroup: 'Not classified',
    m49region: 'No M49 region',
    m49subregion: 'No M49 sub-region',
  },
  fr: {
    total: 'Toutes les zones ayant des données',
    incomeGroup: 'Non classés',
    m49region: 'Sans région M49',
    m49subregion: 'Sans sous-région M49',
  },
  es: {
    total: 'Todas las zonas con datos',
    incomeGroup: 'Sin clasificar',
    m49region: 'Sin región M49',
    m49subregion: 'Sin subregión M49',
  },
};

/** A group's name in the language asked, English where Bridges' tables have none. */
function groupName(lang: NameLanguage, by: RankingGrouping, code: string, english: string): string {
  if (lang !== 'fr' && lang !== 'es') return english;
  return (by === 'incomeGroup' ? WB_AGGREGATE_NAMES[english]?.[lang] : M49_NAMES[lang][code]) ?? english;
}

function ownName(lang: NameLanguage, key: 'total' | RankingGrouping): string {
  return OWN_NAMES[lang === 'fr' || lang === 'es' ? lang : 'en'][key];
}

// ---------------------------------------------------------------------------------------------
// What Bridges says it computed (the `method` of the total, the grouping and each group), in the
// answer's note language: English unless `lang` is French or Spanish.
// ---------------------------------------------------------------------------------------------

/** The total over every area with a value. */
const TOTAL_METHOD: Wording<{ how: string; count: number; period: string }> = {
  en: (p) =>
    `The ${p.how} over the ${String(p.count)} countries and other areas (publishers’ aggregates excluded) with a value in ${p.period}.`,
  fr: (p) =>
    `La ${p.how} sur les ${String(p.count)} pays et autres zones (agrégats des éditeurs exclus) ayant une valeur en ${p.period}.`,
  es: (p) =>
    `La ${p.how} sobre los ${String(p.count)} países y otras zonas (excluidos los agregados de los editores) con un valor en ${p.period}.`,
};

/** How an area's own value is made where several series match it. */
const AREA_COMBINES: Readonly<Record<'sum' | 'mean', Words>> = {
  mean: {
    en: 'Where several series match an area (several corridors), its value is their unweighted mean.',
    fr: 'Là où plusieurs séries correspondent à une zone (plusieurs corridors), sa valeur est leur moyenne non pondérée.',
    es: 'Donde varias series corresponden a una zona (varios corredores), su valor es su media no ponderada.',
  },
  sum: {
    en: 'Where several series match an area (counterpart areas, both sexes = male + female where no total is published, dimension values not chosen), its value is their sum.',
    fr: 'Là où plusieurs séries correspondent à une zone (zones partenaires, les deux sexes = hommes + femmes là où aucun total n’est publié, valeurs de dimension non choisies), sa valeur est leur somme.',
    es: 'Donde varias series corresponden a una zona (zonas de contrapartida, ambos sexos = hombres + mujeres donde no se publica un total, valores de dimensión no elegidos), su valor es su suma.',
  },
};

/** The areas a weighted mean leaves out, having no weight (their codes). */
const LEFT_OUT: Wording<string> = {
  en: (codes) => `Left out for want of a weight: ${codes}.`,
  fr: (codes) => `Zones exclues faute de pondération\u00a0: ${codes}.`,
  es: (codes) => `Zonas excluidas por falta de ponderación: ${codes}.`,
};

/** The World Bank income groups a grouping is by, and of which fiscal year (FY25 = 2025). */
const INCOME_BASIS: Wording<{ fiscalYear: number | null; gniYear: number | null }> = {
  en: (p) =>
    `World Bank income groups of ${p.fiscalYear === null ? 'none' : fiscalYearLabel(p.fiscalYear)} (classified on GNI per capita of ${String(p.gniYear ?? '?')})`,
  fr: (p) =>
    `groupes de revenu de la Banque mondiale ${p.fiscalYear === null ? 'd’aucun exercice' : `de l’exercice ${String(p.fiscalYear)}`} (classés selon le RNB par habitant de ${String(p.gniYear ?? '?')})`,
  es: (p) =>
    `grupos de ingreso del Banco Mundial ${p.fiscalYear === null ? 'de ningún ejercicio' : `del ejercicio ${String(p.fiscalYear)}`} (clasificados según el INB per cápita de ${String(p.gniYear ?? '?')})`,
};

/** Why that fiscal year: asked for, the one classifying on the data's year, or the nearest loaded. */
const INCOME_YEAR_CHOICE: Readonly<Record<'asked' | 'matched' | 'nearest', Wording<number>>> = {
  asked: { en: () => ', as asked', fr: () => ', comme demandé', es: () => ', como se pidió' },
  matched: {
    en: (year) => `, the fiscal year that classified on ${String(year)} data`,
    fr: (year) => `, l’exercice qui a classé les pays sur les données de ${String(year)}`,
    es: (year) => `, el ejercicio que clasificó los países con los datos de ${String(year)}`,
  },
  nearest: {
    en: (year) => `: no classification on GNI of ${String(year)} is loaded, the nearest fiscal year is used`,
    fr: (year) =>
      `\u00a0: aucune classification fondée sur le RNB de ${String(year)} n’est chargée, l’exercice le plus proche est utilisé`,
    es: (year) =>
      `: no hay cargada ninguna clasificación basada en el INB de ${String(year)}, se usa el ejercicio más cercano`,
  },
};

/** The UN M49 regions or sub-regions a grouping is by. */
const M49_BASIS: Readonly<Record<'region' | 'subregion', Words>> = {
  region: { en: 'UN M49 regions', fr: 'régions M49 de l’ONU', es: 'regiones M49 de la ONU' },
  subregion: { en: 'UN M49 sub-regions', fr: 'sous-régions M49 de l’ONU', es: 'subregiones M49 de la ONU' },
};

/** A group's value. */
const GROUP_METHOD: Wording<{ how: string; basis: string }> = {
  en: (p) => `The ${p.how} of the values of the members with data (${p.basis}).`,
  fr: (p) => `La ${p.how} des valeurs des membres ayant des données (${p.basis}).`,
  es: (p) => `La ${p.how} de los valores de los miembros con datos (${p.basis}).`,
};

/** The members of a region that UN M49 does not list as countries (names and codes). */
const PLACED_BY_BRIDGES: Wording<string> = {
  en: (areas) =>
    `With ${areas}: not in UN M49's list of countries, placed in this region by Bridges' reference data (IOM's country dictionary).`,
  fr: (areas) =>
    `Membres hors de la liste des pays de la norme M49 de l’ONU, rattachés à cette région par les données de référence de Bridges (dictionnaire des pays de l’OIM)\u00a0: ${areas}.`,
  es: (areas) =>
    `Miembros fuera de la lista de países de la norma M49 de la ONU, situados en esta región por los datos de referencia de Bridges (diccionario de países de la OIM): ${areas}.`,
};

/** The value of the areas no group holds. */
const NOT_GROUPED_METHOD: Wording<{ how: string; basis: string }> = {
  en: (p) => `The ${p.how} of the values of the areas with data that no group holds (${p.basis}).`,
  fr: (p) => `La ${p.how} des valeurs des zones ayant des données qui n’appartiennent à aucun groupe (${p.basis}).`,
  es: (p) => `La ${p.how} de los valores de las zonas con datos que no pertenecen a ningún grupo (${p.basis}).`,
};

/** The grouping as a whole: what by, how, and what its coverage counts. */
const GROUPING_METHOD: Wording<{ basis: string; how: string; period: string }> = {
  en: (p) =>
    `${p.basis}; ${p.how} over the members with a value in ${p.period}; coverage = members with data / members counted.`,
  fr: (p) =>
    `${upperFirst(p.basis)}\u00a0; ${p.how} sur les membres ayant une valeur en ${p.period}\u00a0; couverture = membres avec données / membres comptés.`,
  es: (p) =>
    `${upperFirst(p.basis)}; ${p.how} sobre los miembros con un valor en ${p.period}; cobertura = miembros con datos / miembros contados.`,
};

/**
 * How Bridges tells the members it does not count (`notCounted`): a rule on the data loaded, not a
 * list; said in the grouping's method.
 */
const NOT_COUNTED_RULE: Words = {
  en: 'Not counted: members with no population of their own in the data (no population above zero in any population table loaded, UN DESA’s total population or the World Bank’s SP.POP.TOTL, and no figure in any other dataset): uninhabited territories, or areas the publishers count with another (listed in each group’s notCounted).',
  fr: 'Non comptés\u00a0: les membres sans population propre dans les données (aucune population supérieure à zéro dans les tableaux de population chargés, population totale du DAES de l’ONU ou SP.POP.TOTL de la Banque mondiale, et aucun chiffre dans un autre jeu de données)\u00a0: territoires inhabités, ou zones que les éditeurs comptent avec une autre (énumérés dans le notCounted de chaque groupe).',
  es: 'No contados: los miembros sin población propia en los datos (ninguna población mayor que cero en las tablas de población cargadas, la población total del DAES de la ONU o el SP.POP.TOTL del Banco Mundial, y ninguna cifra en otro conjunto de datos): territorios deshabitados, o zonas que los editores cuentan con otra (enumerados en el notCounted de cada grupo).',
};

/** Why a publisher's own income-group aggregates may differ from Bridges' groups. */
const PUBLISHED_INCOME_AGGREGATES: Words = {
  en: 'A publisher’s own income-group aggregates (publishedAggregates) may group otherwise: the World Bank’s use, for every year, the classification current at their release; set incomeFiscalYear to that fiscal year to compare like with like.',
  fr: 'Les agrégats par groupe de revenu d’un éditeur (publishedAggregates) peuvent regrouper autrement\u00a0: ceux de la Banque mondiale appliquent à chaque année la classification en vigueur à leur publication\u00a0; fixez incomeFiscalYear à cet exercice pour comparer ce qui est comparable.',
  es: 'Los agregados por grupo de ingreso de un editor (publishedAggregates) pueden agrupar de otro modo: los del Banco Mundial aplican a cada año la clasificación vigente en el momento de su publicación; indique ese ejercicio en incomeFiscalYear para comparar en igualdad de condiciones.',
};

/** "régions M49…" → "Régions M49…", where a sentence starts with it. */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface RankingOptions {
  sex: RankingResponse['filters']['sex'];
  sexes: RankingResponse['filters']['sexes'];
  dims: Record<string, string>;
  counterpart: string | null;
  groupBy: RankingGrouping | undefined;
  fiscalYear: number | undefined;
  limit: number | undefined;
  lang: NameLanguage;
}

function presentRanking(
  ctx: DatahubContext,
  indicator: IndicatorInfo,
  dataset: string,
  period: string,
  rows: repo.CombinedValueRow[],
  counterparts: readonly string[],
  weights: Weights | undefined,
  repeats: ReadonlyMap<string, RepeatedPeriod>,
  options: RankingOptions,
): RankingResponse {
  const rate = indicator.measureType === 'rate';
  const places = rows.filter((r) => !ctx.isAggregate(r.ref_area));
  const valueOf = new Map(places.map((r) => [r.ref_area, r.value]));
  const note = noteLanguage(options.lang);
  const combiner = combinerFor(rate, valueOf, weights, dataset, note);
  const used = places.map((r) => r.ref_area).filter(combiner.usable);
  const unweighted = places.filter((r) => !combiner.usable(r.ref_area)).map((r) => r.ref_area);
  const weightsRef = weights
    ? { indicator: weights.info.id, name: weights.info.name, unit: weights.info.unit, dataset }
    : null;
  const sorted = [...places].sort((a, b) => b.value - a.value || a.ref_area.localeCompare(b.ref_area));
  const items = ranked(sorted, (r) => r.value)
    .slice(0, options.limit ?? sorted.length)
    .map(({ rank, item: r }) => ({
      rank,
      area: ctx.areaRef(r.ref_area, options.lang),
      value: r.value,
      parts: r.parts,
      partsMin: r.parts_min,
      partsMax: r.parts_max,
      status: r.status,
      repeats: repeats.get(r.ref_area) ?? null,
    }));
  // Said only where some area's value does combine several series (not of ODA, one series each).
  const combinedNote = places.some((r) => r.parts > 1) ? AREA_COMBINES[rate ? 'mean' : 'sum'][note] : null;

  return {
    indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit, measureType: indicator.measureType },
    dataset,
    period,
    filters: { counterpart: options.counterpart, sex: options.sex, sexes: options.sexes, dims: options.dims },
    items,
    total: {
      computedBy: COMPUTED_BY,
      method: sentences(
        TOTAL_METHOD[note]({ how: combiner.how, count: used.length, period }),
        combinedNote,
        unweighted.length ? LEFT_OUT[note](unweighted.join(', ')) : null,
      ),
      value: combiner.combine(used),
      count: used.length,
      weights: weightsRef,
      ...repeatingMembers(ctx, used, repeats, options.lang),
    },
    grouping: options.groupBy ? groupAggregates(ctx, valueOf, period, options, combiner, weightsRef, repeats) : null,
    publishedAggregates: rows
      .filter((r) => ctx.isAggregate(r.ref_area))
      .sort((a, b) => b.value - a.value)
      .map((r) => ({
        area: ctx.areaRef(r.ref_area, options.lang),
        publisher: ctx.areas.get(r.ref_area)?.publisher ?? '',
        value: r.value,
        status: r.status,
      })),
    counterparts: counterparts
      .map((code) => ctx.areaRef(code, options.lang))
      .sort((a, b) => a.name.localeCompare(b.name, options.lang) || a.code.localeCompare(b.code)),
    sources: ctx.cite([dataset]),
  };
}

/**
 * Bridges' aggregates by group. Income groups: the World Bank classifies fiscal year FY(Y+2) on
 * GNI of year Y, so data of year Y use the fiscal year whose gni_year is Y (FY25 ↔ 2023 data);
 * where that fiscal year is not loaded the nearest is used and `matched` is false.
 */
function groupAggregates(
  ctx: DatahubContext,
  /** Each area's value (countries and other areas, no publisher's aggregate). */
  valueOf: ReadonlyMap<string, number>,
  period: string,
  options: RankingOptions,
  combiner: Combiner,
  weights: RankingWeights,
  /** The areas whose value only repeats the period before's (items[].repeats). */
  repeats: ReadonlyMap<string, RepeatedPeriod>,
): NonNullable<RankingResponse['grouping']> {
  const { how, usable, combine } = combiner;
  const note = noteLanguage(options.lang);
  const members = new Map<string, { name: string; codes: string[] }>();
  let fiscalYear: number | null = null;
  let matched = true;
  let basis: string;
  let publishedNote: string | null = null;
  if (options.groupBy === 'incomeGroup') {
    const dataYear = Number(period.slice(0, 4));
    const years = [...ctx.income.keys()].sort((a, b) => a - b);
    const exact = years.find((fy) => ctx.gniYearOf.get(fy) === dataYear);
    if (options.fiscalYear !== undefined) {
      fiscalYear = options.fiscalYear;
      matched = ctx.gniYearOf.get(fiscalYear) === dataYear;
    } else if (exact !== undefined) {
      fiscalYear = exact;
    } else {
      matched = false;
      const first = years[0] ?? null;
      fiscalYear = first !== null && dataYear < (ctx.gniYearOf.get(first) ?? 0) ? first : (years.at(-1) ?? null);
    }
    const classes = fiscalYear === null ? new Map<string, string>() : (ctx.income.get(fiscalYear) ?? new Map());
    for (const group of INCOME_GROUPS)
      members.set(group, { name: groupName(options.lang, 'incomeGroup', group, INCOME_GROUP_NAMES[group]), codes: [] });
    for (const [code, group] of classes) members.get(group)?.codes.push(code);
    const gniYear = fiscalYear === null ? null : (ctx.gniYearOf.get(fiscalYear) ?? null);
    const choice = options.fiscalYear !== undefined ? 'asked' : matched ? 'matched' : 'nearest';
    basis = INCOME_BASIS[note]({ fiscalYear, gniYear }) + INCOME_YEAR_CHOICE[choice][note](dataYear);
    publishedNote = PUBLISHED_INCOME_AGGREGATES[note];
  } else {
    const level = options.groupBy === 'm49region' ? 'region' : 'subregion';
    for (const area of ctx.areas.values()) {
      if (area.kind === 'aggregate') continue;
      // A region's members are its countries; a former state (Yugoslavia), an area M49 does not
      // list (Kosovo, the Channel Islands as one) or a residual (unidentified Sub-Saharan Africa)
      // joins only where the data give it a value, so it is summed, never counted as missing.
      if (area.kind !== 'country' && !valueOf.has(area.code)) continue;
      const code = level === 'region' ? area.regionCode : area.subregionCode;
      if (!code) continue;
      const group = members.get(code) ?? {
        name: groupName(options.lang, options.groupBy ?? 'm49region', code, ctx.regions.get(code)?.name ?? code),
        codes: [],
      };
      group.codes.push(area.code);
      members.set(code, group);
    }
    basis = M49_BASIS[level][note];
  }
  const groups: GroupAggregate[] = [...members].map(([code, group]) => {
    // Members with no population of their own in the data (Bouvet Island; Åland, which the
    // publishers count with Finland) can have no value: counted apart, never as missing.
    const all = group.codes.sort();
    const notCounted = all.filter((c) => ctx.withoutPopulation.has(c) && !valueOf.has(c));
    const codes = all.filter((c) => !notCounted.includes(c));
    const withData = codes.filter(usable);
    // (An income group's members are the World Bank's own list, Kosovo included.)
    const notCountries =
      options.groupBy === 'incomeGroup' ? [] : codes.filter((c) => ctx.areas.get(c)?.kind !== 'country');
    // Named as the answer names areas in French and Spanish; in English, by their English names.
    const nameOf = (c: string) => (note === 'en' ? (ctx.areas.get(c)?.nameEn ?? c) : ctx.areaRef(c, options.lang).name);
    const placed = notCountries.length
      ? PLACED_BY_BRIDGES[note](notCountries.map((c) => `${nameOf(c)} (${c})`).join(', '))
      : null;
    return {
      computedBy: COMPUTED_BY,
      method: sentences(GROUP_METHOD[note]({ how, basis }), placed),
      code,
      name: group.name,
      value: combine(withData),
      countWithData: withData.length,
      countInGroup: codes.length,
      coverage: `${String(withData.length)} / ${String(codes.length)}`,
      members: codes,
      missing: codes.filter((c) => !usable(c)),
      notCounted,
      notCountedNote: notCountedNote(ctx, notCounted, options.lang),
      ...repeatingMembers(ctx, withData, repeats, options.lang),
    };
  });
  // Income groups keep the World Bank's order (low to high); regions go by name.
  if (options.groupBy !== 'incomeGroup') groups.sort((a, b) => a.name.localeCompare(b.name));
  // Areas with a value that no group holds (not classified that fiscal year, no M49 region) are a
  // group of their own, last, so the groups add up to the total instead of dropping them silently.
  const grouped = new Set([...members.values()].flatMap((g) => g.codes));
  const outside = [...valueOf.keys()].filter((c) => !grouped.has(c)).sort();
  if (outside.length) {
    groups.push({
      computedBy: COMPUTED_BY,
      method: NOT_GROUPED_METHOD[note]({ how, basis }),
      code: NOT_GROUPED,
      name: ownName(options.lang, options.groupBy as RankingGrouping),
      value: combine(outside.filter(usable)),
      countWithData: outside.filter(usable).length,
      countInGroup: outside.length,
      coverage: `${String(outside.filter(usable).length)} / ${String(outside.length)}`,
      members: outside,
      missing: outside.filter((c) => !usable(c)),
      notCounted: [],
      notCountedNote: null,
      ...repeatingMembers(ctx, outside.filter(usable), repeats, options.lang),
    });
  }
  return {
    computedBy: COMPUTED_BY,
    method: sentences(
      GROUPING_METHOD[note]({ basis, how, period }),
      ctx.withoutPopulation.size ? NOT_COUNTED_RULE[note] : null,
      publishedNote,
    ),
    by: options.groupBy as RankingGrouping,
    weights,
    fiscalYear,
    fiscalYearLabel: fiscalYear === null ? null : fiscalYearLabel(fiscalYear),
    gniYear: fiscalYear === null ? null : (ctx.gniYearOf.get(fiscalYear) ?? null),
    matched,
    groups,
    reference: [options.groupBy === 'incomeGroup' ? REFERENCE_SOURCES.incomeHistory : REFERENCE_SOURCES.m49],
    citation: options.groupBy === 'incomeGroup' ? INCOME_HISTORY_CITATION : M49_CITATION,
  };
}

/**
 * The members a group does not count, said in `lang` (French or Spanish, else English), with the
 * areas named as the answer names them; null when it counts them all.
 */
function notCountedNote(ctx: DatahubContext, codes: readonly string[], lang: NameLanguage): string | null {
  if (codes.length === 0) return null;
  const list = codes.map((c) => `${ctx.areaRef(c, lang).name} (${c})`).join(', ');
  const n = codes.length;
  const one = n === 1;
  switch (noteLanguage(lang)) {
    case 'fr':
      return `${one ? '1 zone non comptée' : `${String(n)} zones non comptées`}, sans population propre dans les données (${one ? 'inhabitée, ou comptée' : 'inhabitées, ou comptées'} avec une autre zone)\u00a0: ${list}`;
    case 'es':
      return `${one ? '1 zona no contada' : `${String(n)} zonas no contadas`}, sin población propia en los datos (${one ? 'deshabitada, o contada' : 'deshabitadas, o contadas'} con otra zona): ${list}`;
    default:
      return `${one ? '1 area' : `${String(n)} areas`} not counted, with no population of ${one ? 'its' : 'their'} own in the data (uninhabited, or counted with another area): ${list}`;
  }
}

/**
 * Which of the members with a value of one of Bridges' totals (`codes`) only repeat the period
 * before's (`repeats`), and the note saying how many and which, named as the answer names areas.
 */
function repeatingMembers(
  ctx: DatahubContext,
  codes: readonly string[],
  repeats: ReadonlyMap<string, RepeatedPeriod>,
  lang: NameLanguage,
): Pick<GroupAggregate, 'repeats' | 'repeatsNote'> {
  const parts = repeatingParts(codes, repeats);
  const named = parts.map((p) => ({ ...p, names: p.members.map((c) => `${ctx.areaRef(c, lang).name} (${c})`) }));
  return { repeats: parts, repeatsNote: repeatedPartsNote(named, codes.length, lang) };
}

/**
 * Rows: each ranked area, then Bridges' total and groups, then the publisher's aggregates; Bridges'
 * own row names, what it computed (`computed_by`) and the `note` of an area whose value only
 * repeats the period before's (items[].repeats), or of a total of Bridges' some of whose members
 * do (repeatsNote), in `lang`, as the areas' names are.
 */
export function rankingCsv(r: RankingResponse, lang: NameLanguage = 'en'): CsvTable {
  const base = {
    indicator: r.indicator.id,
    period: r.period,
    sex: r.filters.sex,
    counterpart: r.filters.counterpart,
    dims: formatDims(r.filters.dims),
    unit: r.indicator.unit,
  };
  const rows: CsvTable['rows'] = r.items.map((i) => ({
    cells: {
      ...base,
      row_type: 'area',
      rank: i.rank,
      area: i.area.code,
      area_name: i.area.name,
      value: i.value,
      status: i.status,
      series_combined: i.parts,
      series_min: i.partsMin,
      series_max: i.partsMax,
      // An area's value is the publisher's where one series matches, Bridges' sum or mean otherwise.
      computed_by: computedBy(combinedValueNote(r.indicator.measureType, i.parts, [], lang)),
      note: repeatedFigureNote(i.repeats, r.period, lang),
    },
    sources: [r.dataset],
  }));
  if (r.total.value !== null)
    rows.push({
      cells: {
        ...base,
        row_type: 'bridges_total',
        area_name: ownName(lang, 'total'),
        value: r.total.value,
        coverage: String(r.total.count),
        computed_by: COMPUTED_BY,
        method: r.total.method,
        note: r.total.repeatsNote,
      },
      sources: [r.dataset],
    });
  for (const g of r.grouping?.groups ?? [])
    rows.push({
      cells: {
        ...base,
        row_type: `bridges_${r.grouping?.by ?? 'group'}`,
        area: g.code,
        area_name: g.name,
        value: g.value,
        coverage: g.coverage,
        // Codes separated by spaces, as the JSON lists them: which areas a group adds up.
        members: g.members.join(' '),
        missing: g.missing.join(' '),
        not_counted: g.notCounted.join(' '),
        not_counted_note: g.notCountedNote,
        computed_by: COMPUTED_BY,
        // The group's own sentence (a member Bridges placed), then the grouping's, as the UI's CSV has it.
        method: sentences(g.method, r.grouping?.method ?? null),
        // Which members only repeat the period before's, as the JSON's repeatsNote says it.
        note: g.repeatsNote,
      },
      // A group's row cites the classification it groups by too, as the JSON's grouping.reference does.
      sources: [r.dataset, ...(r.grouping ? [r.grouping.citation.dataset] : [])],
    });
  for (const a of r.publishedAggregates)
    rows.push({
      cells: {
        ...base,
        row_type: 'published_aggregate',
        area: a.area.code,
        area_name: a.area.name,
        value: a.value,
        status: a.status,
      },
      sources: [r.dataset],
    });
  return {
    columns: [
      'row_type',
      'rank',
      'area',
      'area_name',
      'indicator',
      'period',
      'sex',
      'counterpart',
      'dims',
      'value',
      'unit',
      'status',
      'series_combined',
      'series_min',
      'series_max',
      'coverage',
      'members',
      'missing',
      'not_counted',
      'not_counted_note',
      'computed_by',
      'method',
      'note',
    ],
    rows,
  };
}
