/**
 * Vocabularies and pure arithmetic of the analytics API, without any dependency, so the UI can
 * import them without pulling zod into its bundle (the schemas are in statistics.ts).
 */

import { NOT_APPLICABLE } from './sdmx-ids.js';

/** Who computed a figure that no publisher printed (a sum, a mean, a share, a growth rate). */
export const COMPUTED_BY = 'Bridges' as const;

/**
 * The languages a `computed_by` says what Bridges computed in: the UI languages. An answer asked
 * for in another name language (`lang=ar`) says it in English, as it names its groups.
 */
export type NoteLanguage = 'en' | 'fr' | 'es';

/** The language of the notes for an answer's `lang` (English for none, or one without notes). */
export function noteLanguage(lang: string | undefined): NoteLanguage {
  return lang === 'fr' || lang === 'es' ? lang : 'en';
}

/**
 * One sentence of what Bridges says it computed (an answer's `method`), in each note language: a
 * template per language over the same parts, side by side, so that the logic choosing the parts
 * is written once and a change to one language is seen beside the others.
 */
export type Wording<Parts> = Readonly<Record<NoteLanguage, (parts: Parts) => string>>;

/** A fixed sentence or phrase in each note language. */
export type Words = Readonly<Record<NoteLanguage, string>>;

/** Sentences one after another, those that are not said (null) left out. */
export function sentences(...said: (string | null)[]): string {
  return said.filter((s) => s !== null).join(' ');
}

export const OUTPUT_FORMATS = ['json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** SDMX sex codes: `_T` both sexes. */
export const SEXES = ['_T', 'M', 'F'] as const;
export type SexCode = (typeof SEXES)[number];

/** SDMX observation status: A normal, E estimated, P provisional, I imputed, F forecast. */
export const OBSERVATION_STATUSES = ['A', 'E', 'P', 'I', 'F'] as const;

/** The statuses a reader is told of beside a value: all but A (normal). */
export const MARKED_STATUSES = ['E', 'P', 'I', 'F'] as const;
export type MarkedStatus = (typeof MARKED_STATUSES)[number];

/** The marked statuses in a value's status ("AP": a sum of normal and provisional values → P). */
export function markedStatuses(status: string | null | undefined): MarkedStatus[] {
  return MARKED_STATUSES.filter((s) => status?.includes(s));
}

/** How a ranking groups countries: UN M49 region or sub-region, or World Bank income group. */
export const RANKING_GROUPINGS = ['m49region', 'm49subregion', 'incomeGroup'] as const;
export type RankingGrouping = (typeof RANKING_GROUPINGS)[number];

/** The group code of the areas with a value that no group holds (not classified, no M49 region). */
export const NOT_GROUPED = NOT_APPLICABLE;

/** The indicator ids the analytics rely on (declared by the importers' catalogue). */
export const INDICATOR_IDS = {
  migrantStock: 'migrant_stock',
  migrantStockTotal: 'migrant_stock_total',
  populationThousands: 'population_thousands',
  population: 'population',
  remittanceBilateral: 'remittance_bilateral_usd_m',
  remittanceInflowsKnomad: 'remittance_inflows_usd_m',
  remittanceInflowsPctGdp: 'remittance_inflows_pct_gdp',
  remittancesReceived: 'remittances_received_usd',
  remittancesPaid: 'remittances_paid_usd',
  fdiInflows: 'fdi_inflows_usd',
  gdp: 'gdp_usd',
  odaReceived: 'oda_received_usd_m',
  remittanceCost: 'remittance_cost_pct',
  forciblyDisplaced: 'forcibly_displaced',
  diocEmigrants: 'dioc_emigrants',
} as const;

/** How many partners a profile lists (origins, destinations, countries of asylum, senders). */
export const PROFILE_TOP = 10;

/** The money flows a profile sets side by side, each with the indicators that measure it. */
export const PROFILE_FLOWS = {
  remittances_received: [INDICATOR_IDS.remittanceInflowsKnomad, INDICATOR_IDS.remittancesReceived],
  remittances_sent: [INDICATOR_IDS.remittancesPaid],
  oda_received: [INDICATOR_IDS.odaReceived],
  fdi_inflows: [INDICATOR_IDS.fdiInflows],
} as const;
export type ProfileFlow = keyof typeof PROFILE_FLOWS;
export const PROFILE_FLOW_NAMES = Object.keys(PROFILE_FLOWS) as ProfileFlow[];

/**
 * SDG target 10.c: by 2030, reduce the transaction costs of migrant remittances to less than 3 %
 * and eliminate remittance corridors with costs higher than 5 % (indicator 10.c.1, for a
 * transfer of US$ 200).
 */
export const SDG_10C = { averageBelowPct: 3, corridorCeilingPct: 5, amountUsd: '200' } as const;

/**
 * Corridor costs Bridges marks for a second look, without changing them: below zero (an
 * exchange-rate margin in the sender's favour larger than the fee) or above 30 % of the amount
 * sent, six times the SDG 10.c ceiling, which fewer than one corridor-quarter in 200 of the bundled
 * RPW files reaches (Türkiye → Bulgaria 104 % in 2025-Q1, as published).
 */
export const UNUSUAL_COST_PCT = { below: 0, above: 30 } as const;

export function isUnusualCost(value: number): boolean {
  return value < UNUSUAL_COST_PCT.below || value > UNUSUAL_COST_PCT.above;
}

/** A ranked area of the cost indicator whose value is or averages an unusual corridor cost. */
export function hasUnusualCost(indicatorId: string, item: { partsMin: number; partsMax: number }): boolean {
  return indicatorId === INDICATOR_IDS.remittanceCost && (isUnusualCost(item.partsMin) || isUnusualCost(item.partsMax));
}

/** Multipliers from a publisher's unit to US$ (the API states the one it applied). */
export const USD_FACTORS: Record<string, number> = {
  'US$ millions': 1e6,
  'current US$': 1,
};

/** DIOC 2015/16 education levels (`edu_lfs` in the OECD files): ISCED groups. */
export const DIOC_EDUCATION = [
  { code: '1', key: 'low', label: 'Low: ISCED 0–2 (at most lower secondary)' },
  { code: '2', key: 'medium', label: 'Medium: ISCED 3–4 (upper secondary, post-secondary non-tertiary)' },
  { code: '3', key: 'tertiary', label: 'Tertiary: ISCED 5–8' },
  { code: '99', key: 'unknown', label: 'Unknown' },
] as const;

/** DIOC 2015/16 labour-force status (`lfs` in file C), ILO definitions. */
export const DIOC_LABOUR_FORCE = [
  { code: '1', key: 'employed', label: 'Employed' },
  { code: '2', key: 'unemployed', label: 'Unemployed' },
  { code: '3', key: 'inactive', label: 'Inactive (not in the labour force)' },
  { code: '99', key: 'unknown', label: 'Unknown' },
] as const;

/** UNHCR population groups as the importer codes them (dimension `group`). */
export const UNHCR_GROUPS: Record<string, string> = {
  refugee: 'Refugees under UNHCR’s mandate',
  asylum: 'Asylum seekers',
  'refugee return': 'Returned refugees',
  idp: 'Internally displaced persons',
  'idp return': 'Returned IDPs',
  stateless: 'Stateless persons',
  other: 'Others of concern',
};

/** A source's own dimension: what it is, and what its codes mean (as the publisher documents them). */
export interface SourceDimension {
  name: string;
  codes?: Readonly<Record<string, string>>;
}

const DIOC_AGE = { '1': '15–24', '2': '25–64', '3': '65 and over', '99': 'Unknown' };

/** DIOC 2015/16 regions of birth (`regionb`), in English. */
export const DIOC_REGIONS_OF_BIRTH: Readonly<Record<string, string>> = {
  AFRI: 'Africa',
  ASIA: 'Asia',
  EURO: 'Europe',
  NOAM: 'Northern America',
  OCEA: 'Oceania',
  SCAC: 'South and Central America and the Caribbean',
  UNK: 'Unknown',
};

/**
 * The bundled sources' own dimensions (the `dims` of their series), by the start of their dataset
 * ids: the names SDMX structures give them and their codes. From the publishers' documentation
 * (DIOC's codes: the method notes of src/server/importers/dioc.ts; UNHCR's groups; RPW's amounts).
 */
const SOURCE_DIMENSIONS: readonly { datasets: string; dimensions: Readonly<Record<string, SourceDimension>> }[] = [
  {
    datasets: 'oecd-dioc-',
    dimensions: {
      age_lfs: { name: 'Age group', codes: { '0': 'Under 15', ...DIOC_AGE } },
      age: { name: 'Age group', codes: { ...DIOC_AGE, '1564': '15–64 (the working-age band only)' } },
      edu_lfs: {
        name: 'Level of education (ISCED)',
        codes: Object.fromEntries(DIOC_EDUCATION.map((e) => [e.code, e.label])),
      },
      lfs: {
        name: 'Labour-force status (ILO)',
        codes: Object.fromEntries(DIOC_LABOUR_FORCE.map((e) => [e.code, e.label])),
      },
      national: {
        name: 'Citizenship',
        codes: { '0': 'Foreign citizen', '1': 'Citizen of the country of residence', '99': 'Unknown' },
      },
      oecd: { name: 'Living in an OECD country', codes: { '1': 'Living in an OECD country' } },
      regionb: { name: 'Region of birth', codes: DIOC_REGIONS_OF_BIRTH },
      oecdb: {
        name: 'Born in an OECD country',
        codes: { '0': 'Born outside the OECD', '1': 'Born in an OECD country' },
      },
      fborn: { name: 'Place of birth', codes: { '1': 'Foreign-born', '99': 'Place of birth unknown' } },
    },
  },
  { datasets: 'unhcr-', dimensions: { group: { name: 'Population group (UNHCR)', codes: UNHCR_GROUPS } } },
  {
    datasets: 'rpw-',
    dimensions: { amount: { name: 'Amount sent (US$)', codes: { '200': 'US$ 200', '500': 'US$ 500' } } },
  },
];

/** What a bundled source's own dimension is and what its codes mean; undefined for a user's file or an unknown key. */
export function sourceDimension(datasetId: string, key: string): SourceDimension | undefined {
  return SOURCE_DIMENSIONS.find((s) => datasetId.startsWith(s.datasets))?.dimensions[key];
}

/**
 * UNHCR groups that count people returning during the year: flows, which are never added to the
 * stocks of the other groups (UNHCR's own caveat).
 */
export const UNHCR_FLOW_GROUPS: ReadonlySet<string> = new Set([
  'refugee return',
  'refugee_return',
  'idp return',
  'idp_return',
]);

/**
 * Whether a displacement total adds up more than one UNHCR stock group (returns are never in it):
 * Bridges' sum then, not a figure UNHCR prints.
 */
export function isGroupSum(byGroup: Readonly<Record<string, number>>): boolean {
  return Object.keys(byGroup).filter((g) => !UNHCR_FLOW_GROUPS.has(g)).length > 1;
}

/**
 * The `computed_by` of a displacement total: Bridges' where it adds up several stock groups, null
 * where it is the one group UNHCR printed. The same words in the API's CSV and the charts' CSVs,
 * in `lang` (English unless French or Spanish).
 */
export function groupSumNote(byGroup: Readonly<Record<string, number>>, lang: string = 'en'): string | null {
  const words = { en: 'sum of the stock groups', fr: 'somme des groupes de stock', es: 'suma de los grupos de stock' };
  return isGroupSum(byGroup) ? `${COMPUTED_BY} (${words[noteLanguage(lang)]})` : null;
}

/**
 * Whether an indicator's values can be added up over a dimension (the API's "all values summed",
 * the explorer's "All (summed)"): never for a rate (a cost, a share), nor over UNHCR's population
 * groups, which mix stocks with returns (flows during the year) that UNHCR says never to add to them.
 */
export function summableOver(indicator: { id: string; measureType: string }, dimension: string): boolean {
  if (indicator.measureType === 'rate') return false;
  return !(dimension === 'group' && indicator.id === INDICATOR_IDS.forciblyDisplaced);
}

/** `amount:200,group:refugee` → { amount: '200', group: 'refugee' }; a pair without key or value is skipped. */
export function parseDims(text: string | undefined): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const pair of (text ?? '').split(',')) {
    const at = pair.indexOf(':');
    const key = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at > 0 && key && value) pairs.push([key, value]);
  }
  // Own properties only, whatever the key: `__proto__:x` is a dimension no indicator has, not a prototype.
  return Object.fromEntries(pairs);
}

/** The first dimension key given twice in `key:value,…` text, if any (`group:refugee,group:asylum`). */
export function repeatedDimension(text: string): string | undefined {
  const seen = new Set<string>();
  for (const pair of text.split(',')) {
    const key = pair.slice(0, Math.max(0, pair.indexOf(':'))).trim();
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

/** { group: 'refugee', amount: '200' } → `amount:200,group:refugee`: keys in order, empty values left out. */
export function formatDims(dims: Readonly<Record<string, string>>): string {
  return Object.entries(dims)
    .filter(([, v]) => v)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
}

/**
 * What Bridges computed of a value that combines several series (several origins, both sexes,
 * several corridors), in `lang` (English unless French or Spanish; the dimensions by their ids);
 * null for one series, the publisher's own figure.
 */
export function combinedValueNote(
  measureType: 'stock' | 'flow' | 'rate',
  parts: number,
  over: readonly { dimension: string; values: readonly string[] }[] = [],
  lang: string = 'en',
): string | null {
  if (parts <= 1) return null;
  const rate = measureType === 'rate';
  const n = String(parts);
  const dims = over.length ? combinedDimensionsText(over, lang) : null;
  switch (noteLanguage(lang)) {
    case 'fr':
      return `valeur = ${rate ? 'moyenne non pondérée' : 'somme'} de ${n} séries${dims ? ` sur ${dims}` : ''}`;
    case 'es':
      return `valor = ${rate ? 'media no ponderada' : 'suma'} de ${n} series${dims ? ` sobre ${dims}` : ''}`;
    default:
      return `value = ${rate ? 'unweighted mean' : 'sum'} of ${n} series${dims ? ` over ${dims}` : ''}`;
  }
}

/** Most values a dimension lists in a note; past it, their count: "counterpart_area (203 areas)". */
const LISTED_VALUES = 12;

/** "sex (F, M), age_lfs (0, 1, 2, 3)": the dimensions a combined value runs over, and their values. */
export function combinedDimensionsText(
  over: readonly { dimension: string; values: readonly string[] }[],
  lang: string = 'en',
): string {
  const words = {
    en: { areas: 'areas', values: 'values' },
    fr: { areas: 'zones', values: 'valeurs' },
    es: { areas: 'zonas', values: 'valores' },
  }[noteLanguage(lang)];
  return over
    .map(({ dimension, values }) =>
      values.length > LISTED_VALUES
        ? `${dimension} (${String(values.length)} ${dimension === 'counterpart_area' ? words.areas : words.values})`
        : `${dimension} (${values.join(', ')})`,
    )
    .join(', ');
}

/**
 * The `computed_by` of a country's migrant stock in a profile: a sum of the edition's bilateral
 * series over every origin (immigrants) or destination (emigrants), and over both sexes for the
 * total where the edition prints none. The same words in the API's CSV and the charts' CSVs, in
 * `lang` (English unless French or Spanish).
 */
export function stockSumNote(
  measure: 'immigrants' | 'emigrants',
  sex: string,
  totalPublished: boolean,
  lang: string = 'en',
): string {
  const sexes = sex === '_T' && !totalPublished;
  const immigrants = measure === 'immigrants';
  switch (noteLanguage(lang)) {
    case 'fr':
      return `${COMPUTED_BY} (somme sur ${immigrants ? 'toutes les origines' : 'toutes les destinations'}${sexes ? ' et les deux sexes' : ''})`;
    case 'es':
      return `${COMPUTED_BY} (suma de ${immigrants ? 'todos los orígenes' : 'todos los destinos'}${sexes ? ' y ambos sexos' : ''})`;
    default:
      return `${COMPUTED_BY} (sum over ${immigrants ? 'all origins' : 'all destinations'}${sexes ? ' and both sexes' : ''})`;
  }
}

/**
 * The `computed_by` of a both-sexes stock that Bridges added up (male + female) because the
 * edition prints no total; null for a published value. The same words in the API's CSV and the
 * charts' CSVs, in `lang` (English unless French or Spanish).
 */
export function bothSexesNote(sex: string, totalPublished: boolean, lang: string = 'en'): string | null {
  const words = { en: 'male + female', fr: 'hommes + femmes', es: 'hombres + mujeres' };
  return sex === '_T' && !totalPublished ? `${COMPUTED_BY} (${words[noteLanguage(lang)]})` : null;
}

/**
 * The `computed_by` of an emigrants-in-OECD value: a sum of the DIOC file's cells over the
 * dimensions named (sex, age_lfs…). The same words in the API's CSV and the chart's CSV, in `lang`
 * (English unless French or Spanish).
 */
export function diocSumNote(over: readonly string[], lang: string = 'en'): string {
  const words = {
    en: ["sum of the file's cells", 'over'],
    fr: ['somme des cellules du fichier', 'sur'],
    es: ['suma de las celdas del archivo', 'sobre'],
  }[noteLanguage(lang)];
  return `${COMPUTED_BY} (${words[0]}${over.length ? ` ${words[1]} ${over.join(', ')}` : ''})`;
}

/**
 * The CSV measure of another UN DESA edition's totals set beside the profile's edition
 * ("immigrants_other_edition", its edition in the row's dataset column): a measure of its own, so
 * that rows of `immigrants` give one value per period and sex.
 */
export function otherEditionMeasure(measure: 'immigrants' | 'emigrants'): string {
  return `${measure}_other_edition`;
}

/** A CSV row's `computed_by`: "Bridges (what it computed; …)", or empty where it computed nothing. */
export function computedBy(...notes: (string | null)[]): string | null {
  const said = notes.filter((n) => n !== null);
  return said.length ? `${COMPUTED_BY} (${said.join('; ')})` : null;
}

/**
 * A value Bridges computed from several figures (a sum, a mean), to 15 significant digits: adding
 * decimals in binary leaves noise in the last digits (5.337 + … → 5.337000000000001) that is not a
 * digit of the data. Never for a publisher's own figure, which is given as the file printed it.
 */
export function computedValue(value: number): number {
  return Number(value.toPrecision(15));
}

/** Percentages and growth rates are rounded to this many decimals (the inputs are not). */
export const PERCENT_DECIMALS = 4;

export function roundPercent(value: number): number {
  const f = 10 ** PERCENT_DECIMALS;
  return Math.round(value * f) / f;
}

/**
 * Percentage change from `before` to `after`; null when either is missing or `before` is zero or
 * negative. From a negative base (a net flow such as FDI, which can be negative) the ratio's sign
 * reads backwards: Nigeria's FDI from −187 to +1,873 million would be a change of −1,102 %.
 */
export function percentChange(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === null || before === undefined || after === null || after === undefined || before <= 0) return null;
  return roundPercent((after / before - 1) * 100);
}

/**
 * Compound annual growth rate, in percent, between two values `years` apart; null when it is not
 * defined (a non-positive value, or no time between them).
 */
export function annualGrowthRate(before: number | null, after: number | null, years: number): number | null {
  if (before === null || after === null || before <= 0 || after < 0 || years <= 0) return null;
  return roundPercent(((after / before) ** (1 / years) - 1) * 100);
}

/** A unit of percentages ("percent of amount sent", "% of GDP"), as the publishers write them. */
export function isPercentUnit(unit: string): boolean {
  return /percent|%/i.test(unit);
}

/**
 * Whether an indicator's change over time is a difference in percentage points (a rate in
 * percent: never a percentage of a percentage) rather than a % change (stocks, flows, and a rate
 * that is a mean count, such as providers per corridor). The API and the UI both go by this.
 */
export function changeInPoints(indicator: { measureType: 'stock' | 'flow' | 'rate'; unit: string }): boolean {
  return indicator.measureType === 'rate' && isPercentUnit(indicator.unit);
}

/**
 * The difference between two values of a rate, in percentage points (9.2 % → 38.7 % is +29.5):
 * a rate's change is never told as a percentage of a percentage. Null when either is missing.
 */
export function pointsDifference(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === null || before === undefined || after === null || after === undefined) return null;
  return roundPercent(after - before);
}

/**
 * Items sorted from highest to lowest `value`, each with its rank in competition ranking: equal
 * values share the rank of the first of them, and the next value's rank counts them all (1, 2, 2, 4).
 */
export function ranked<T>(sorted: readonly T[], value: (item: T) => number): { rank: number; item: T }[] {
  const out: { rank: number; item: T }[] = [];
  sorted.forEach((item, i) => {
    const before = out[i - 1];
    out.push({ rank: before && value(item) === value(before.item) ? before.rank : i + 1, item });
  });
  return out;
}

/** `part` as a percentage of `whole`; null when `whole` is missing or zero. */
export function sharePercent(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return roundPercent((part / whole) * 100);
}

/**
 * The last period of a stock, in time order, when its figures (total, women and men) are exactly
 * those of the period before: UN DESA's 2024 revision repeats 2020 so for two destinations (its
 * caveats), which a reader would otherwise take for no change. Null otherwise, or for a zero.
 */
export function repeatedLatest(
  points: readonly { period: string; total: number; male: number | null; female: number | null }[],
): { period: string; previous: string } | null {
  const [before, last] = points.slice(-2);
  if (!before || !last || last.total <= 0) return null;
  const same = last.total === before.total && last.female === before.female && last.male === before.male;
  return same ? { period: last.period, previous: before.period } : null;
}

/** A period whose figures are exactly those of the period before, as `repeatedLatest` finds it. */
export type RepeatedPeriod = NonNullable<ReturnType<typeof repeatedLatest>>;

/**
 * A repeated figure as a CSV row says it: the figure itself (`value`), or one Bridges computed
 * from it (`derived`: a share of the population, an origin's share of all immigrants).
 */
const REPEATED_FIGURE: Readonly<Record<'value' | 'derived', Wording<RepeatedPeriod>>> = {
  value: {
    en: (r) =>
      `Repeats the ${r.previous} figure exactly: read the change from ${r.previous} to ${r.period} as not estimated, not as none (see the dataset's caveats)`,
    fr: (r) =>
      `Reprend exactement le chiffre de ${r.previous}\u00a0: lire l’évolution de ${r.previous} à ${r.period} comme non estimée, non comme nulle (voir les mises en garde du jeu de données)`,
    es: (r) =>
      `Repite exactamente la cifra de ${r.previous}: la variación de ${r.previous} a ${r.period} debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)`,
  },
  derived: {
    en: (r) =>
      `Computed from a figure that repeats the ${r.previous} figure exactly: read that figure's change from ${r.previous} to ${r.period} as not estimated, not as none (see the dataset's caveats)`,
    fr: (r) =>
      `Calculé à partir d’un chiffre qui reprend exactement celui de ${r.previous}\u00a0: lire l’évolution de ce chiffre de ${r.previous} à ${r.period} comme non estimée, non comme nulle (voir les mises en garde du jeu de données)`,
    es: (r) =>
      `Calculado a partir de una cifra que repite exactamente la de ${r.previous}: la variación de esa cifra de ${r.previous} a ${r.period} debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)`,
  },
};

/**
 * The `note` of a CSV row of `period` where `repeated` (an answer's `latestRepeats` or
 * `destinationRepeats`) says its figures are exactly those of the period before: said on the row
 * itself, so that a row cut from the file still says it, and a reader does not take the repeat for
 * no change. Null for a row of another period, or where nothing repeats. The same words in the
 * API's CSVs and the charts' CSVs, in `lang` (English unless French or Spanish).
 */
export function repeatedFigureNote(
  repeated: RepeatedPeriod | null,
  period: string | null,
  lang: string = 'en',
  figure: 'value' | 'derived' = 'value',
): string | null {
  return repeated && repeated.period === period ? REPEATED_FIGURE[figure][noteLanguage(lang)](repeated) : null;
}

/** One of Bridges' totals whose members include some that only repeat the period before's (their names). */
const REPEATED_PARTS: Readonly<
  Record<'some' | 'all', Wording<RepeatedPeriod & { names: string; count: number; withValue: number }>>
> = {
  some: {
    en: (p) =>
      `Includes ${String(p.count)} of its ${String(p.withValue)} members with a value whose ${p.period} figure only repeats that of ${p.previous} exactly (${p.names}): read this total's change from ${p.previous} to ${p.period} as partly not estimated (see the dataset's caveats)`,
    fr: (p) =>
      `Comprend ${String(p.count)} de ses ${String(p.withValue)} membres ayant une valeur dont le chiffre de ${p.period} ne fait que reprendre exactement celui de ${p.previous} (${p.names})\u00a0: lire l’évolution de ce total de ${p.previous} à ${p.period} comme en partie non estimée (voir les mises en garde du jeu de données)`,
    es: (p) =>
      `Incluye ${String(p.count)} de sus ${String(p.withValue)} miembros con un valor cuya cifra de ${p.period} solo repite exactamente la de ${p.previous} (${p.names}): la variación de este total de ${p.previous} a ${p.period} debe leerse como en parte no estimada (véanse las advertencias del conjunto de datos)`,
  },
  all: {
    en: (p) =>
      `All its members with a value (${p.names}) only repeat their ${p.previous} figures exactly in ${p.period}: read this total's change from ${p.previous} to ${p.period} as not estimated, not as none (see the dataset's caveats)`,
    fr: (p) =>
      `Tous ses membres ayant une valeur (${p.names}) ne font que reprendre exactement en ${p.period} leurs chiffres de ${p.previous}\u00a0: lire l’évolution de ce total de ${p.previous} à ${p.period} comme non estimée, non comme nulle (voir les mises en garde du jeu de données)`,
    es: (p) =>
      `Todos sus miembros con un valor (${p.names}) solo repiten exactamente en ${p.period} sus cifras de ${p.previous}: la variación de este total de ${p.previous} a ${p.period} debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)`,
  },
};

/**
 * The note of one of Bridges' totals over areas (a ranking's total, a region's or an income
 * group's) of `withValue` members with a value, where some of those only repeat the period
 * before's (`parts`, each with its members' names as the answer gives them): how many, and which.
 * Null where none does. The same words in the JSON, the API's CSV and the UI's, in `lang`
 * (English unless French or Spanish).
 */
export function repeatedPartsNote(
  parts: readonly (RepeatedPeriod & { names: readonly string[] })[],
  withValue: number,
  lang: string = 'en',
): string | null {
  if (parts.length === 0) return null;
  const words = REPEATED_PARTS[parts.length === 1 && parts[0]?.names.length === withValue ? 'all' : 'some'];
  return parts
    .map((p) =>
      words[noteLanguage(lang)]({
        period: p.period,
        previous: p.previous,
        names: p.names.join(', '),
        count: p.names.length,
        withValue,
      }),
    )
    .join('; ');
}

/**
 * The rows of a time series' CSV (the API's and the explorer's download, seriesCsvRows) with their
 * `note`: a row of a series' `repeats.period` says its value only repeats the period before's (its
 * change columns are empty: not estimated), in `lang`. A row is known by its area, period and
 * source, one series per area and edition.
 */
export function withRepeatNotes<Row extends { cells: Readonly<Record<string, unknown>>; sources: readonly string[] }>(
  r: { series: readonly { area: { code: string }; dataset: string; repeats: RepeatedPeriod | null }[] },
  rows: readonly Row[],
  lang: string = 'en',
): (Omit<Row, 'cells'> & { cells: Row['cells'] & { note: string | null } })[] {
  const repeats = new Map(r.series.map((s) => [`${s.area.code}|${s.dataset}`, s.repeats]));
  return rows.map((row) => {
    const { area, period } = row.cells;
    const repeated = repeats.get(`${String(area)}|${row.sources[0] ?? ''}`) ?? null;
    return { ...row, cells: { ...row.cells, note: repeatedFigureNote(repeated, String(period), lang) } };
  });
}
