import type { Kysely, Transaction } from 'kysely';
import type { NameLanguage } from '../../core/languages.js';
import {
  COMPUTED_BY,
  DIOC_EDUCATION,
  DIOC_LABOUR_FORCE,
  INDICATOR_IDS,
  PROFILE_FLOWS,
  PROFILE_FLOW_NAMES,
  PROFILE_TOP,
  SDG_10C,
  UNHCR_FLOW_GROUPS,
  UNHCR_GROUPS,
  USD_FACTORS,
  computedValue,
  sharePercent,
  repeatedLatest,
  repeatedFigureNote,
  ranked,
  otherEditionMeasure,
  stockSumNote,
  groupSumNote,
  bothSexesNote,
  diocSumNote,
  noteLanguage,
  type Wording,
  type Words,
  type Computation,
  type CostBlock,
  type CostCorridor,
  type CostMean,
  type DiocBlock,
  type DisplacementSide,
  type FlowSeries,
  type EmigrantPoint,
  type ImmigrantPoint,
  type MigrationBlock,
  type PartnerStock,
  type ProfileFlow,
  type ProfileQuery,
  type ProfileResponse,
  type RefugeeBlock,
  type RemittanceBlock,
  type RepeatedPeriod,
  type StockPoint,
} from '../../core/statistics.js';
import { unitName } from '../../core/statistics-names.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import type { CsvCell, CsvTable } from '../../core/csv.js';
import { comparePeriods, type DatahubCache, type DatahubContext } from './datahub.context.js';
import * as repo from './datahub.repository.js';
import {
  bySex,
  figureRepeats,
  findDestinationRepeats,
  repeatKey,
  repeatsChecked,
  sumRepeats,
  type SexValues,
} from './repeats.js';

const TOP = PROFILE_TOP;
const UNKNOWN_ORIGIN = 'OOO';
const POPULATION_INDICATORS = [INDICATOR_IDS.populationThousands, INDICATOR_IDS.population];
const FLOW_INDICATORS = PROFILE_FLOW_NAMES.flatMap((f) => [...PROFILE_FLOWS[f]]);

/**
 * The country profile: migration (UN DESA, one edition), remittances set against ODA, FDI and
 * GDP, the cost of sending money, forced displacement and emigrants in OECD countries. A block
 * whose datasets are not loaded is empty, with no sources; nothing is filled in. Computed once
 * per (area, edition, language) and data version.
 */
export async function countryProfile(
  db: Kysely<DB>,
  cache: DatahubCache,
  code: string,
  query: ProfileQuery,
): Promise<ProfileResponse> {
  const ctx = await cache.context();
  const area = ctx.requireArea(code, 'code', 404);
  // A profile is of a place; a publisher's aggregate has none of its blocks (no corridors, no
  // sums over its partners) but its published figures, which the series answer gives.
  if (ctx.isAggregate(area))
    throw ApiError.invalidParameter(
      'code',
      `${area} (${ctx.areaRef(area, 'en').name}) is a publisher’s aggregate, not a country or area: a profile is of one of those; the aggregate's published figures are at /api/series?areas=${area}&indicator=… and beside each ranking (publishedAggregates)`,
    );
  const editions = ctx.datasetsWith(INDICATOR_IDS.migrantStock).map((c) => c.dataset_id);
  if (query.edition && !editions.includes(query.edition)) {
    throw ApiError.invalidParameter(
      'edition',
      `"${query.edition}" is not a loaded edition of the migrant stock; available: ${editions.join(', ') || 'none'}`,
    );
  }
  const edition = query.edition ?? editions[0] ?? null;
  const lang = query.lang ?? 'en';
  return cache.answer(`profile|${area}|${edition ?? ''}|${lang}`, (c) =>
    // One snapshot for every block, so an import running meanwhile cannot mix two states.
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => buildProfile(trx, c, area, edition, editions, lang)),
  );
}

async function buildProfile(
  trx: Transaction<DB>,
  ctx: DatahubContext,
  code: string,
  edition: string | null,
  editions: string[],
  lang: NameLanguage,
): Promise<ProfileResponse> {
  await repo.preferSerialPlans(trx);
  const stock = edition ? await repo.findMigrantStockAround(trx, edition, INDICATOR_IDS.migrantStock, code) : [];
  // The other editions' totals, summed the same way, to set beside this one's.
  const others: OtherEditionRows[] = [];
  for (const other of editions)
    if (other !== edition)
      others.push({
        dataset: other,
        rows: await repo.findMigrantStockAround(trx, other, INDICATOR_IDS.migrantStock, code),
      });
  const plain = await repo.findAreaSeries(trx, code, [
    ...FLOW_INDICATORS,
    INDICATOR_IDS.gdp,
    INDICATOR_IDS.remittanceInflowsPctGdp,
    ...POPULATION_INDICATORS,
  ]);
  const bilateral = await repo.findBilateralInto(trx, INDICATOR_IDS.remittanceBilateral, code);
  const costs = await repo.findCorridorsTouching(trx, INDICATOR_IDS.remittanceCost, code, {
    amount: SDG_10C.amountUsd,
  });
  const kind = ctx.areas.get(code)?.kind;
  const displacement = await repo.findDisplacementAround(
    trx,
    INDICATOR_IDS.forciblyDisplaced,
    code,
    kind === 'country' || kind === 'non_iso' || kind === 'former',
  );
  const dioc = await repo.findDimensionedValues(trx, INDICATOR_IDS.diocEmigrants, code);

  const migration = await migrationBlock(trx, ctx, code, edition, stock, others, plain, lang);
  const remittances = remittanceBlock(ctx, plain, bilateral, lang);
  const cost = costBlock(ctx, code, costs, lang);
  const refugees = refugeeBlock(ctx, displacement, lang);
  const emigrantsInOecd = diocBlock(ctx, dioc);
  const all = [migration, remittances, cost, refugees, emigrantsInOecd].flatMap((b) => b.sources.map((s) => s.dataset));
  return {
    area: ctx.areaRef(code, lang),
    edition,
    availableEditions: editions.map((id) => ({ id, edition: ctx.datasets.get(id)?.edition ?? id })),
    migration,
    remittances,
    cost,
    refugees,
    emigrantsInOecd,
    sources: ctx.cite(all),
    dataflows: ctx.dataflows(usedFlows(migration, remittances, cost, refugees, emigrantsInOecd)),
  };
}

/** The (dataset, indicator) pairs the blocks drew figures from: the SDMX dataflows behind the profile. */
function usedFlows(
  migration: MigrationBlock,
  remittances: RemittanceBlock,
  cost: CostBlock,
  refugees: RefugeeBlock,
  dioc: DiocBlock,
): [string | null, string][] {
  const population = migration.immigrants.population;
  return [
    [migration.dataset, INDICATOR_IDS.migrantStock],
    ...migration.otherEditions.map((o): [string, string] => [o.dataset, INDICATOR_IDS.migrantStock]),
    ...(population ? [[population.dataset, population.indicator] as [string, string]] : []),
    ...remittances.flows.map((f): [string, string] => [f.dataset, f.indicator]),
    ...(remittances.gdp ? [[remittances.gdp.dataset, remittances.gdp.indicator] as [string, string]] : []),
    ...remittances.publishedPctOfGdp.map((p): [string, string] => [p.dataset, p.indicator]),
    [remittances.topSendingCorridors.dataset, INDICATOR_IDS.remittanceBilateral],
    ...cost.corridors.map((c): [string, string] => [c.dataset, INDICATOR_IDS.remittanceCost]),
    [refugees.dataset, INDICATOR_IDS.forciblyDisplaced],
    [dioc.education.dataset, INDICATOR_IDS.diocEmigrants],
    [dioc.labourForce.dataset, INDICATOR_IDS.diocEmigrants],
  ];
}

// ---------------------------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------------------------

type StockRows = Awaited<ReturnType<typeof repo.findMigrantStockAround>>;
interface OtherEditionRows {
  dataset: string;
  rows: StockRows;
}

/** An edition's totals over time, by direction: immigrants ('in') and emigrants ('out'). */
function stockSeries(rows: StockRows): Record<'in' | 'out', StockPoint[]> {
  const totals = { in: new Map<string, SexValues>(), out: new Map<string, SexValues>() };
  for (const r of rows) {
    if (r.partner !== null) continue;
    const values = totals[r.direction].get(r.period) ?? {};
    values[r.sex as keyof SexValues] = r.value;
    totals[r.direction].set(r.period, values);
  }
  const series = (direction: 'in' | 'out'): StockPoint[] =>
    [...totals[direction]]
      .sort((a, b) => comparePeriods(a[0], b[0]))
      .map(([period, values]) => ({ period, ...bySex(values) }));
  return { in: series('in'), out: series('out') };
}

/**
 * Each partner's figures by sex, of one direction: at its latest period (`period`, for the top
 * lists) and at the one before (`before`, to tell a figure that only repeats it).
 */
interface PartnerFigures {
  period: string | null;
  latest: Map<string, SexValues>;
  before: Map<string, SexValues>;
}

function partnerFigures(rows: StockRows, direction: 'in' | 'out'): PartnerFigures {
  const figures: PartnerFigures = { period: null, latest: new Map(), before: new Map() };
  for (const r of rows) {
    if (r.partner === null || r.direction !== direction) continue;
    if (r.recency === 1) figures.period = r.period;
    const partners = r.recency === 1 ? figures.latest : figures.before;
    const values = partners.get(r.partner) ?? {};
    values[r.sex as keyof SexValues] = (values[r.sex as keyof SexValues] ?? 0) + r.value;
    partners.set(r.partner, values);
  }
  return figures;
}

/** A partner's figures as the period before gave them, to compare with its latest (figureRepeats). */
function figuresBefore(figures: PartnerFigures, partner: string) {
  const before = figures.before.get(partner);
  return before ? bySex(before) : undefined;
}

/**
 * Where an edition's emigrants' latest totals only repeat the period before's (rule 4 of
 * repeats.ts): every destination's figure of them does. The destinations are asked of only where
 * the totals are the period before's (rarely: in no bundled edition).
 */
async function emigrantsRepeat(
  trx: Transaction<DB>,
  ctx: DatahubContext,
  dataset: string,
  totals: readonly StockPoint[],
  outward: PartnerFigures,
): Promise<RepeatedPeriod | null> {
  if (!repeatsChecked(ctx, dataset, INDICATOR_IDS.migrantStock) || !repeatedLatest(totals)) return null;
  // A destination with none of them at either period is no part of the sum.
  const parts = [...outward.latest]
    .filter(([partner]) => !ctx.isAggregate(partner))
    .filter(([partner, values]) => bySex(values).total !== 0 || (figuresBefore(outward, partner)?.total ?? 0) !== 0);
  const repeats = await findDestinationRepeats(
    trx,
    ctx,
    INDICATOR_IDS.migrantStock,
    [dataset],
    parts.map(([partner]) => partner),
  );
  return sumRepeats(
    parts.map(([partner, values]) =>
      figureRepeats(
        repeats.get(repeatKey(partner, dataset)),
        outward.period,
        bySex(values),
        figuresBefore(outward, partner),
      ),
    ),
  );
}

async function migrationBlock(
  trx: Transaction<DB>,
  ctx: DatahubContext,
  code: string,
  edition: string | null,
  rows: StockRows,
  others: readonly OtherEditionRows[],
  plain: Awaited<ReturnType<typeof repo.findAreaSeries>>,
  lang: NameLanguage,
): Promise<MigrationBlock> {
  const partners = { in: partnerFigures(rows, 'in'), out: partnerFigures(rows, 'out') };
  const latestPeriod = { in: partners.in.period, out: partners.out.period };
  const { in: immigrantStock, out: emigrantStock } = stockSeries(rows);
  // The largest partners at the latest period, before the figures that tell their repeats.
  const largest = (direction: 'in' | 'out') =>
    [...partners[direction].latest]
      .filter(([partner]) => partner !== UNKNOWN_ORIGIN && !ctx.isAggregate(partner))
      .map(([partner, values]) => ({ partner, ...bySex(values) }))
      // A pair printed 0 is not a destination or origin worth ranking (Tuvalu's 10th was Bulgaria, 0).
      .filter((p) => p.total > 0)
      .sort((a, b) => b.total - a.total || a.partner.localeCompare(b.partner))
      .slice(0, TOP);
  const origins = largest('in');
  const destinations = largest('out');
  // Where the destinations' figures repeat the period before (repeats.ts): the area's own (its
  // immigrants, its origins'), in every edition, and its top destinations', in this one.
  const otherDatasets = others.filter((o) => o.rows.length > 0).map((o) => o.dataset);
  const repeats = await findDestinationRepeats(
    trx,
    ctx,
    INDICATOR_IDS.migrantStock,
    [...(edition ? [edition] : []), ...otherDatasets],
    [code, ...destinations.map((d) => d.partner)],
  );
  const repeatsInto = (area: string) => (edition ? repeats.get(repeatKey(area, edition)) : undefined);
  const otherEditions = [];
  for (const o of others.filter((other) => other.rows.length > 0)) {
    const series = stockSeries(o.rows);
    otherEditions.push({
      dataset: o.dataset,
      edition: ctx.datasets.get(o.dataset)?.edition ?? o.dataset,
      immigrants: series.in,
      emigrants: series.out,
      totalPublished: o.rows.some((r) => r.sex === '_T'),
      latestRepeats: {
        immigrants: repeats.get(repeatKey(code, o.dataset)) ?? null,
        emigrants: await emigrantsRepeat(trx, ctx, o.dataset, series.out, partnerFigures(o.rows, 'out')),
      },
    });
  }
  // One population for both shares: the area's own, whose years the edition's stocks have.
  const population = choosePopulation(
    plain,
    [...new Set([...immigrantStock, ...emigrantStock].map((p) => p.period))].sort(comparePeriods),
  );
  const withShare = <P extends { period: string; total: number }>(p: P) => {
    const pop = population?.values.get(p.period) ?? null;
    return { ...p, population: pop, sharePct: sharePercent(p.total, pop) };
  };
  const immigrants: ImmigrantPoint[] = immigrantStock.map(withShare);
  const emigrants: EmigrantPoint[] = emigrantStock.map(withShare);

  // Each partner's figures only repeat the period before's where its destination's do (the area
  // itself for its origins) and the figures themselves are those of the period before (repeats.ts).
  const top = (
    direction: 'in' | 'out',
    items: ReturnType<typeof largest>,
    total: number | null,
    destination: (partner: string) => RepeatedPeriod | undefined,
  ): PartnerStock[] =>
    ranked(items, (p) => p.total).map(({ rank, item: { partner, ...values } }) => ({
      rank,
      area: ctx.areaRef(partner, lang),
      ...values,
      sharePct: sharePercent(values.total, total),
      repeats: figureRepeats(
        destination(partner),
        latestPeriod[direction],
        values,
        figuresBefore(partners[direction], partner),
      ),
    }));
  const unknown = partners.in.latest.get(UNKNOWN_ORIGIN);
  const latestIn = immigrants.find((p) => p.period === latestPeriod.in) ?? immigrants.at(-1) ?? null;
  const latestOut = emigrants.find((p) => p.period === latestPeriod.out) ?? emigrants.at(-1) ?? null;
  // Every edition whose figures the block gives, the other editions' too.
  const used = [...(rows.length ? [edition ?? ''] : []), ...otherEditions.map((o) => o.dataset)];
  if (population && [...immigrants, ...emigrants].some((p) => p.sharePct !== null)) used.push(population.dataset);
  const totalPublished = rows.some((r) => r.sex === '_T');
  const note = noteLanguage(lang);
  /** How a share of the population is computed (`method`), or why it is not: no stock (`none`'s words), no population. */
  const shareComputation = (method: typeof IMMIGRANT_SHARE_METHOD, none: Words | null) => ({
    computedBy: COMPUTED_BY,
    method:
      none?.[note] ??
      (population
        ? method[note]({
            indicator: population.indicator,
            dataset: population.dataset,
            scaled:
              population.multiplier !== 1
                ? `${unitName(population.unit, note)} × ${String(population.multiplier)}`
                : null,
          })
        : NO_POPULATION[note]),
  });
  return {
    dataset: rows.length ? edition : null,
    immigrants: {
      series: immigrants,
      latest: immigrants.at(-1) ?? null,
      latestRepeats: repeatsInto(code) ?? null,
      population: population
        ? {
            indicator: population.indicator,
            dataset: population.dataset,
            unit: population.unit,
            multiplier: population.multiplier,
          }
        : null,
      share: shareComputation(IMMIGRANT_SHARE_METHOD, immigrantStock.length === 0 ? NO_IMMIGRANTS : null),
    },
    emigrants: {
      series: emigrants,
      latest: latestOut,
      latestRepeats: edition ? await emigrantsRepeat(trx, ctx, edition, emigrantStock, partners.out) : null,
      share: shareComputation(EMIGRANT_SHARE_METHOD, emigrantStock.length === 0 ? NO_EMIGRANTS : null),
    },
    otherEditions,
    topOrigins: {
      period: latestPeriod.in,
      items: top('in', origins, latestIn?.total ?? null, () => repeatsInto(code)),
      unknownOrigin: unknown
        ? {
            ...bySex(unknown),
            repeats: figureRepeats(
              repeatsInto(code),
              latestPeriod.in,
              bySex(unknown),
              figuresBefore(partners.in, UNKNOWN_ORIGIN),
            ),
          }
        : null,
    },
    topDestinations: {
      period: latestPeriod.out,
      items: top('out', destinations, latestOut?.total ?? null, repeatsInto),
    },
    stocks: {
      computedBy: COMPUTED_BY,
      method: STOCKS_METHOD[note](BOTH_SEXES[totalPublished ? 'published' : 'summed'][note]),
      totalPublished,
    },
    sources: ctx.cite(used),
  };
}

/** The immigrants' share of the population; `scaled` is the population's unit and multiplier where it has one. */
const IMMIGRANT_SHARE_METHOD: Wording<{ indicator: string; dataset: string; scaled: string | null }> = {
  en: (p) =>
    `Immigrants (sum over all origins, both sexes = male + female) ÷ total population × 100, same year. Population: ${p.indicator} from ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}; UN DESA's own population is preferred where it covers the latest year, else the World Bank's.`,
  fr: (p) =>
    `Immigrés (somme sur toutes les origines, les deux sexes = hommes + femmes) ÷ population totale × 100, même année. Population\u00a0: ${p.indicator} de ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}\u00a0; la population du DAES de l’ONU est préférée là où elle couvre la dernière année, sinon celle de la Banque mondiale.`,
  es: (p) =>
    `Inmigrantes (suma de todos los orígenes, ambos sexos = hombres + mujeres) ÷ población total × 100, mismo año. Población: ${p.indicator} de ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}; se prefiere la población propia del DAES de la ONU donde cubre el último año; si no, la del Banco Mundial.`,
};

/**
 * The emigrants' share of the population, as the World Bank's Migration and Remittances Factbook
 * gives it ("stock of emigrants as percentage of population"): of the population living in the
 * country, which the emigrants are not part of.
 */
const EMIGRANT_SHARE_METHOD: Wording<{ indicator: string; dataset: string; scaled: string | null }> = {
  en: (p) =>
    `Emigrants (sum over all destinations, both sexes = male + female) ÷ total population of the country × 100, same year: emigrants per 100 people living in it (they are not among them), not a share of everyone born there. Population: ${p.indicator} from ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}, as for the immigrants' share.`,
  fr: (p) =>
    `Émigrés (somme sur toutes les destinations, les deux sexes = hommes + femmes) ÷ population totale du pays × 100, même année\u00a0: émigrés pour 100 personnes qui y vivent (ils n’en font pas partie), non une part de toutes les personnes qui y sont nées. Population\u00a0: ${p.indicator} de ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}, comme pour la part des immigrés.`,
  es: (p) =>
    `Emigrantes (suma de todos los destinos, ambos sexos = hombres + mujeres) ÷ población total del país × 100, mismo año: emigrantes por cada 100 personas que viven en él (no forman parte de ellas), no una proporción de todas las personas nacidas allí. Población: ${p.indicator} de ${p.dataset}${p.scaled ? ` (${p.scaled})` : ''}, como para la proporción de inmigrantes.`,
};

/** No share where the edition has no emigrants from the area. */
const NO_EMIGRANTS: Words = {
  en: 'Not computed: the edition gives no emigrants from this area.',
  fr: 'Non calculé\u00a0: l’édition ne donne aucun émigré de cette zone.',
  es: 'No calculado: la edición no da emigrantes de esta zona.',
};

/** No share where the edition has no immigrants for the area (Kosovo: UN DESA has none), whatever population there is. */
const NO_IMMIGRANTS: Words = {
  en: 'Not computed: the edition gives no immigrants for this area.',
  fr: 'Non calculé\u00a0: l’édition ne donne aucun immigré pour cette zone.',
  es: 'No calculado: la edición no da inmigrantes para esta zona.',
};

const NO_POPULATION: Words = {
  en: 'Not computed: no population series is loaded for this area.',
  fr: 'Non calculé\u00a0: aucune série de population n’est chargée pour cette zone.',
  es: 'No calculado: no hay cargada ninguna serie de población para esta zona.',
};

/** How the migration block's stocks add up the edition's bilateral series; `bothSexes` from BOTH_SEXES. */
const STOCKS_METHOD: Wording<string> = {
  en: (bothSexes) =>
    `Sums of the edition's bilateral stocks: immigrants over all origins (unknown origin included, publishers' aggregates excluded), emigrants over all destinations, a partner over its series; both sexes = ${bothSexes}.`,
  fr: (bothSexes) =>
    `Sommes des stocks bilatéraux de l’édition\u00a0: immigrés sur toutes les origines (origine inconnue comprise, agrégats des éditeurs exclus), émigrés sur toutes les destinations, chaque partenaire sur ses séries\u00a0; les deux sexes = ${bothSexes}.`,
  es: (bothSexes) =>
    `Sumas de los stocks bilaterales de la edición: inmigrantes de todos los orígenes (incluido el origen desconocido, excluidos los agregados de los editores), emigrantes de todos los destinos, cada país socio sobre sus series; ambos sexos = ${bothSexes}.`,
};

/** What "both sexes" is: the edition's own total, or Bridges' male + female where it prints none. */
const BOTH_SEXES: Readonly<Record<'published' | 'summed', Words>> = {
  published: {
    en: 'the total the edition prints',
    fr: 'le total que publie l’édition',
    es: 'el total que publica la edición',
  },
  summed: {
    en: 'male + female (the edition prints no total)',
    fr: 'hommes + femmes (l’édition ne publie pas de total)',
    es: 'hombres + mujeres (la edición no publica un total)',
  },
};

/**
 * The population the immigrant share divides by: one series, never spliced. UN DESA's own
 * (thousands) where it covers the latest stock year, else the series covering most stock years.
 */
function choosePopulation(plain: Awaited<ReturnType<typeof repo.findAreaSeries>>, periods: string[]) {
  const candidates = new Map<
    string,
    { dataset: string; indicator: string; unit: string; multiplier: number; values: Map<string, number> }
  >();
  for (const r of plain) {
    if (!(POPULATION_INDICATORS as string[]).includes(r.indicator_id)) continue;
    const key = `${r.dataset_id}|${r.indicator_id}`;
    const thousands = r.indicator_id === INDICATOR_IDS.populationThousands;
    const c = candidates.get(key) ?? {
      dataset: r.dataset_id,
      indicator: r.indicator_id,
      unit: thousands ? 'thousands of persons' : 'persons',
      multiplier: thousands ? 1000 : 1,
      values: new Map<string, number>(),
    };
    c.values.set(r.period, r.value * c.multiplier);
    candidates.set(key, c);
  }
  const latest = periods.at(-1);
  const score = (c: { indicator: string; values: Map<string, number> }) =>
    (latest && c.values.has(latest) ? 1000 : 0) +
    periods.filter((p) => c.values.has(p)).length * 2 +
    (c.indicator === INDICATOR_IDS.populationThousands ? 1 : 0);
  const ranked = [...candidates.values()].sort((a, b) => score(b) - score(a) || a.dataset.localeCompare(b.dataset));
  const best = ranked[0];
  return best && periods.some((p) => best.values.has(p)) ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Remittances, ODA, FDI
// ---------------------------------------------------------------------------------------------

function flowOf(indicator: string): ProfileFlow | undefined {
  return PROFILE_FLOW_NAMES.find((f) => (PROFILE_FLOWS[f] as readonly string[]).includes(indicator));
}

function conversionText(unit: string, toUsd: number | null): string {
  if (toUsd === null) return `No conversion: the unit "${unit}" is not a US$ unit Bridges knows.`;
  if (toUsd === 1) return `Published in ${unit}; no conversion.`;
  return `Published in ${unit}; valueUsd = value × ${toUsd.toExponential().replace('e+', 'e')}.`;
}

function remittanceBlock(
  ctx: DatahubContext,
  plain: Awaited<ReturnType<typeof repo.findAreaSeries>>,
  bilateral: Awaited<ReturnType<typeof repo.findBilateralInto>>,
  lang: NameLanguage,
): RemittanceBlock {
  // GDP: the series reaching the latest year (then the longest); one series, never spliced.
  const gdpSeries = new Map<string, Map<string, number>>();
  for (const r of plain) {
    if (r.indicator_id !== INDICATOR_IDS.gdp) continue;
    const s = gdpSeries.get(r.dataset_id) ?? new Map<string, number>();
    s.set(r.period, r.value * (USD_FACTORS[ctx.indicators.get(r.indicator_id)?.unit ?? ''] ?? 1));
    gdpSeries.set(r.dataset_id, s);
  }
  const gdpPick = [...gdpSeries].sort(
    (a, b) => comparePeriods(lastKey(b[1]), lastKey(a[1])) || b[1].size - a[1].size || a[0].localeCompare(b[0]),
  )[0];
  const gdp = gdpPick?.[1];

  const flows = new Map<string, FlowSeries>();
  for (const r of plain) {
    const flow = flowOf(r.indicator_id);
    if (!flow) continue;
    const key = `${r.indicator_id}|${r.dataset_id}`;
    let series = flows.get(key);
    if (!series) {
      const indicator = ctx.indicators.get(r.indicator_id);
      const unit = indicator?.unit ?? '';
      const toUsd = USD_FACTORS[unit] ?? null;
      series = {
        flow,
        indicator: r.indicator_id,
        indicatorName: indicator?.name ?? r.indicator_id,
        dataset: r.dataset_id,
        unit,
        toUsd,
        conversion: conversionText(unit, toUsd),
        points: [],
      };
      flows.set(key, series);
    }
    const valueUsd = series.toUsd === null ? null : r.value * series.toUsd;
    series.points.push({
      period: r.period,
      value: r.value,
      valueUsd,
      pctOfGdp: sharePercent(valueUsd, gdp?.get(r.period) ?? null),
      status: r.status,
    });
  }
  const flowList = [...flows.values()].sort(
    (a, b) =>
      PROFILE_FLOW_NAMES.indexOf(a.flow) - PROFILE_FLOW_NAMES.indexOf(b.flow) ||
      a.indicator.localeCompare(b.indicator) ||
      a.dataset.localeCompare(b.dataset),
  );
  const usesGdp = gdpPick !== undefined && flowList.some((f) => f.points.some((p) => p.pctOfGdp !== null));

  // The share of GDP a publisher printed (KNOMAD's, with the IMF's GDP): set beside Bridges' own.
  const published = new Map<string, RemittanceBlock['publishedPctOfGdp'][number]>();
  for (const r of plain) {
    if (r.indicator_id !== INDICATOR_IDS.remittanceInflowsPctGdp) continue;
    const entry = published.get(r.dataset_id) ?? {
      indicator: r.indicator_id,
      dataset: r.dataset_id,
      unit: ctx.indicators.get(r.indicator_id)?.unit ?? 'percent of GDP',
      points: [],
    };
    entry.points.push({ period: r.period, value: r.value, status: r.status });
    published.set(r.dataset_id, entry);
  }
  const publishedPctOfGdp = [...published.values()]
    .sort((a, b) => a.dataset.localeCompare(b.dataset))
    .map((p) => ({ ...p, points: p.points.sort((a, b) => comparePeriods(a.period, b.period)) }));

  // Top sending countries: the latest edition of the bilateral matrix that has this area.
  const order = ctx.datasetsWith(INDICATOR_IDS.remittanceBilateral).map((c) => c.dataset_id);
  const matrix = order.find((id) => bilateral.some((r) => r.dataset_id === id)) ?? null;
  const inMatrix = bilateral.filter((r) => r.dataset_id === matrix);
  const period =
    inMatrix
      .map((r) => r.period)
      .sort(comparePeriods)
      .at(-1) ?? null;
  const senders = inMatrix.filter((r) => r.period === period && !ctx.isAggregate(r.partner));
  const sum = senders.reduce((s, r) => s + r.value, 0);
  const corridors = ranked(
    senders
      // KNOMAD 2018 prints 0 for an estimate below US$ 0.5 million or none: not a top sender.
      .filter((r) => r.value > 0)
      .sort((a, b) => b.value - a.value || a.partner.localeCompare(b.partner))
      .slice(0, TOP),
    (r) => r.value,
  ).map(({ rank, item: r }) => ({
    rank,
    area: ctx.areaRef(r.partner, lang),
    valueUsdMillions: r.value,
    valueUsd: r.value * 1e6,
    sharePct: sharePercent(r.value, sum),
  }));

  const used = [
    ...flowList.map((f) => f.dataset),
    ...(usesGdp && gdpPick ? [gdpPick[0]] : []),
    ...publishedPctOfGdp.map((p) => p.dataset),
    ...(matrix ? [matrix] : []),
  ];
  return {
    unit: 'current US$',
    flows: flowList,
    gdp:
      gdpPick && gdp
        ? {
            indicator: INDICATOR_IDS.gdp,
            dataset: gdpPick[0],
            unit: ctx.indicators.get(INDICATOR_IDS.gdp)?.unit ?? 'current US$',
            points: [...gdp].sort((a, b) => comparePeriods(a[0], b[0])).map(([p, v]) => ({ period: p, valueUsd: v })),
          }
        : null,
    pctOfGdp: {
      computedBy: COMPUTED_BY,
      method: gdpPick
        ? PCT_OF_GDP_METHOD[noteLanguage(lang)]({ indicator: INDICATOR_IDS.gdp, dataset: gdpPick[0] })
        : NO_GDP[noteLanguage(lang)],
    },
    publishedPctOfGdp,
    topSendingCorridors: { dataset: matrix, period, unit: 'US$ millions', items: corridors },
    sources: ctx.cite(used),
  };
}

/** A flow as a share of GDP (the GDP series cited by indicator and dataset). */
const PCT_OF_GDP_METHOD: Wording<{ indicator: string; dataset: string }> = {
  en: (p) =>
    `Flow in US$ (US$ millions × 1e6 where published in millions) ÷ GDP in current US$ of the same year (${p.indicator}, ${p.dataset}) × 100. Years without GDP have none.`,
  fr: (p) =>
    `Flux en dollars US (millions de dollars US × 1e6 là où il est publié en millions) ÷ PIB en dollars US courants de la même année (${p.indicator}, ${p.dataset}) × 100. Aucune part pour les années sans PIB.`,
  es: (p) =>
    `Flujo en US$ (millones de US$ × 1e6 donde se publica en millones) ÷ PIB en US$ corrientes del mismo año (${p.indicator}, ${p.dataset}) × 100. Ninguna proporción para los años sin PIB.`,
};

const NO_GDP: Words = {
  en: 'Not computed: no GDP series is loaded for this area.',
  fr: 'Non calculé\u00a0: aucune série de PIB n’est chargée pour cette zone.',
  es: 'No calculado: no hay cargada ninguna serie de PIB para esta zona.',
};

function lastKey(map: Map<string, number>): string | null {
  return [...map.keys()].sort(comparePeriods).at(-1) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Cost of sending money
// ---------------------------------------------------------------------------------------------

/** A country's mean cost over the corridors of one edition and direction priced in one period. */
const COST_MEAN_METHOD: Wording<{ count: number; direction: 'inbound' | 'outbound'; period: string; dataset: string }> =
  {
    en: (p) =>
      `Unweighted mean of the average total cost of sending US$ ${SDG_10C.amountUsd} in the ${String(p.count)} ${p.direction} corridors priced in ${p.period} (${p.dataset}); not the World Bank's published average, which weights corridors.`,
    fr: (p) =>
      `Moyenne non pondérée du coût total moyen d’un envoi de ${SDG_10C.amountUsd}\u00a0dollars US dans ${
        p.count === 1
          ? `le seul corridor ${p.direction === 'inbound' ? 'entrant' : 'sortant'} relevé`
          : `les ${String(p.count)} corridors ${p.direction === 'inbound' ? 'entrants' : 'sortants'} relevés`
      } en ${p.period} (${p.dataset})\u00a0; ce n’est pas la moyenne publiée par la Banque mondiale, qui pondère les corridors.`,
    es: (p) =>
      `Media no ponderada del costo total promedio de enviar ${SDG_10C.amountUsd} US$ en ${
        p.count === 1 ? 'el único corredor' : `los ${String(p.count)} corredores`
      } ${p.direction === 'inbound' ? 'de entrada' : 'de salida'} ${p.count === 1 ? 'relevado' : 'relevados'} en ${p.period} (${p.dataset}); no es el promedio publicado por el Banco Mundial, que pondera los corredores.`,
  };

function costBlock(
  ctx: DatahubContext,
  code: string,
  rows: Awaited<ReturnType<typeof repo.findCorridorsTouching>>,
  lang: NameLanguage,
): CostBlock {
  const corridors = new Map<string, CostCorridor>();
  for (const r of rows) {
    const key = `${r.dataset_id}|${r.counterpart_area}|${r.ref_area}`;
    let corridor = corridors.get(key);
    if (!corridor) {
      corridor = {
        dataset: r.dataset_id,
        direction: r.ref_area === code ? 'inbound' : 'outbound',
        from: ctx.areaRef(r.counterpart_area, lang),
        to: ctx.areaRef(r.ref_area, lang),
        amountUsd: SDG_10C.amountUsd,
        latest: { period: r.period, value: r.value },
        aboveFive: false,
        points: [],
      };
      corridors.set(key, corridor);
    }
    corridor.points.push({ period: r.period, value: r.value });
  }
  const list = [...corridors.values()];
  for (const c of list) {
    c.points.sort((a, b) => comparePeriods(a.period, b.period));
    const last = c.points.at(-1);
    if (last) c.latest = last;
    c.aboveFive = c.latest.value > SDG_10C.corridorCeilingPct;
  }
  list.sort(
    (a, b) =>
      a.dataset.localeCompare(b.dataset) ||
      a.direction.localeCompare(b.direction) ||
      b.latest.value - a.latest.value ||
      a.from.code.localeCompare(b.from.code) ||
      a.to.code.localeCompare(b.to.code),
  );

  // The country's mean: per edition and direction, over the corridors priced in the latest period.
  const means: CostMean[] = [];
  const groups = new Map<string, CostCorridor[]>();
  for (const c of list)
    groups.set(`${c.dataset}|${c.direction}`, [...(groups.get(`${c.dataset}|${c.direction}`) ?? []), c]);
  for (const [, group] of groups) {
    const first = group[0];
    if (!first) continue;
    const period =
      group
        .map((c) => c.latest.period)
        .sort(comparePeriods)
        .at(-1) ?? first.latest.period;
    const values = group.flatMap((c) => c.points.filter((p) => p.period === period).map((p) => p.value));
    if (!values.length) continue;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    means.push({
      computedBy: COMPUTED_BY,
      method: COST_MEAN_METHOD[noteLanguage(lang)]({
        count: values.length,
        direction: first.direction,
        period,
        dataset: first.dataset,
      }),
      dataset: first.dataset,
      direction: first.direction,
      period,
      // To 15 digits, as every mean Bridges computes (rankings.service.ts): rounded to fewer, a
      // one-corridor mean of 6.2249999 became 6.225 and showed as 6.23 beside its corridor's 6.22.
      meanPct: computedValue(mean),
      corridorCount: values.length,
      corridorsAboveFive: values.filter((v) => v > SDG_10C.corridorCeilingPct).length,
      belowThree: mean < SDG_10C.averageBelowPct,
    });
  }
  return {
    indicator: INDICATOR_IDS.remittanceCost,
    unit: ctx.indicators.get(INDICATOR_IDS.remittanceCost)?.unit ?? 'percent of amount sent',
    amountUsd: SDG_10C.amountUsd,
    sdg: {
      averageBelowPct: SDG_10C.averageBelowPct,
      corridorCeilingPct: SDG_10C.corridorCeilingPct,
      target:
        'SDG 10.c: by 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent (indicator 10.c.1, for US$ 200).',
    },
    corridors: list,
    means,
    sources: ctx.cite(list.map((c) => c.dataset)),
  };
}

// ---------------------------------------------------------------------------------------------
// Forced displacement
// ---------------------------------------------------------------------------------------------

function refugeeBlock(
  ctx: DatahubContext,
  rows: Awaited<ReturnType<typeof repo.findDisplacementAround>>,
  lang: NameLanguage,
): RefugeeBlock {
  const dataset = ctx
    .datasetsWith(INDICATOR_IDS.forciblyDisplaced)
    .find((c) => rows.some((r) => r.dataset_id === c.dataset_id))?.dataset_id;
  const mine = rows.filter((r) => r.dataset_id === dataset);
  const side = (name: 'from' | 'hosted' | 'within'): DisplacementSide => {
    const trend = new Map<string, Record<string, number>>();
    const statuses = new Map<string, Set<string>>();
    const partners = new Map<string, Record<string, number>>();
    let latestPeriod: string | null = null;
    for (const r of mine) {
      if (r.side !== name) continue;
      if (r.partner === null) {
        const groups = trend.get(r.period) ?? {};
        groups[r.grp] = (groups[r.grp] ?? 0) + r.value;
        trend.set(r.period, groups);
        // (A sum's status lists each of its values' letters: "AP".)
        statuses.set(r.period, new Set([...(statuses.get(r.period) ?? []), ...r.status]));
      } else {
        latestPeriod = r.period;
        const groups = partners.get(r.partner) ?? {};
        groups[r.grp] = (groups[r.grp] ?? 0) + r.value;
        partners.set(r.partner, groups);
      }
    }
    // Stocks only: returns are flows during the year, shown in byGroup beside the total, never in it.
    const sum = displacementTotal;
    const points = [...trend]
      .sort((a, b) => comparePeriods(a[0], b[0]))
      .map(([period, byGroup]) => ({
        period,
        total: sum(byGroup),
        byGroup,
        status: [...(statuses.get(period) ?? [])].sort().join(''),
      }));
    const last = points.at(-1);
    return {
      latestPeriod: last?.period ?? latestPeriod,
      latestStatus: last?.status ?? null,
      total: last?.total ?? null,
      byGroup: last?.byGroup ?? {},
      top: ranked(
        [...partners]
          .filter(([code]) => {
            const kind = ctx.areas.get(code)?.kind;
            return kind !== 'aggregate' && kind !== 'residual';
          })
          .map(([code, byGroup]) => ({ code, byGroup, total: sum(byGroup) }))
          .filter((p) => p.total > 0)
          .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
          .slice(0, TOP),
        (p) => p.total,
      ).map(({ rank, item: p }) => ({ rank, area: ctx.areaRef(p.code, lang), total: p.total, byGroup: p.byGroup })),
      trend: points,
    };
  };
  return {
    dataset: dataset ?? null,
    fromCountry: side('from'),
    hosted: side('hosted'),
    withinCountry: side('within'),
    groups: UNHCR_GROUPS,
    totals: displacementTotals(lang),
    sources: ctx.cite(dataset ? [dataset] : []),
  };
}

/** The sum of a period's UNHCR stock groups: returns are flows during the year, never added in. */
export function displacementTotal(groups: Readonly<Record<string, number>>): number {
  return Object.entries(groups).reduce((s, [group, v]) => (UNHCR_FLOW_GROUPS.has(group) ? s : s + v), 0);
}

/**
 * UNHCR's population groups (UNHCR_GROUPS, by the importer's codes) in French and Spanish, as
 * UNHCR names them in those languages; said only in DISPLACEMENT_TOTALS_METHOD.
 */
const UNHCR_GROUP_NAMES: Readonly<Record<'fr' | 'es', Readonly<Record<string, string>>>> = {
  fr: {
    refugee: 'Réfugiés relevant du mandat du HCR',
    asylum: 'Demandeurs d’asile',
    'refugee return': 'Réfugiés rapatriés',
    idp: 'Personnes déplacées internes',
    'idp return': 'Déplacés internes rentrés',
    stateless: 'Personnes apatrides',
    other: 'Autres personnes relevant de la compétence du HCR',
  },
  es: {
    refugee: 'Refugiados bajo el mandato del ACNUR',
    asylum: 'Solicitantes de asilo',
    'refugee return': 'Refugiados retornados',
    idp: 'Desplazados internos',
    'idp return': 'Desplazados internos retornados',
    stateless: 'Personas apátridas',
    other: 'Otras personas de interés para el ACNUR',
  },
};

/** How a displacement `total` is made: the stock groups added up, the returns (flows) apart, by name. */
const DISPLACEMENT_TOTALS_METHOD: Wording<{ stocks: string[]; flows: string[] }> = {
  en: (p) =>
    `total = the sum of the stock groups at the end of the period (${p.stocks.join(', ')}). ${p.flows.join(' and ')} are people who returned during the year, a flow: given in byGroup, never added to a total (UNHCR's caveat).`,
  fr: (p) =>
    `total = somme des groupes de stock en fin de période (${p.stocks.join(', ')}). ${p.flows.join(' et ')} sont des personnes rentrées pendant l’année, un flux\u00a0: donnés dans byGroup, jamais ajoutés à un total (mise en garde du HCR).`,
  es: (p) =>
    `total = suma de los grupos de stock al final del período (${p.stocks.join(', ')}). ${p.flows.join(' y ')} son personas que retornaron durante el año, un flujo: figuran en byGroup, nunca se suman a un total (advertencia del ACNUR).`,
};

/**
 * How a displacement `total` is made from its groups (profiles and corridors), in `lang`
 * (English unless French or Spanish).
 */
export function displacementTotals(lang: string): Computation {
  const note = noteLanguage(lang);
  const names = (flows: boolean) =>
    Object.entries(UNHCR_GROUPS)
      .filter(([code]) => UNHCR_FLOW_GROUPS.has(code) === flows)
      .map(([code, label]) => (note === 'en' ? label : (UNHCR_GROUP_NAMES[note][code] ?? label)));
  return {
    computedBy: COMPUTED_BY,
    method: DISPLACEMENT_TOTALS_METHOD[note]({ stocks: names(false), flows: names(true) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Emigrants in OECD countries (DIOC)
// ---------------------------------------------------------------------------------------------

type Vocabulary = readonly { code: string; key: string; label: string }[];
type DiocRow = Awaited<ReturnType<typeof repo.findDimensionedValues>>[number];
const EDUCATION_KEYS = ['edu_lfs', 'edu', 'education'];
const LABOUR_KEYS = ['lfs', 'labour_force'];
const UNDER_15 = { key: 'age_lfs', value: '0' };

/** Codes in their natural order: numbers by value ("3" before "99"), then words. */
function codeOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * One distribution (education, labour-force status) from one DIOC cross-table. The OECD's cells
 * are categories, never totals, so the distribution is the sum of the cells by the dimension's
 * code (both sexes = men + women). Each file is a complete table of the same people: never add
 * two files together.
 */
function distribution(
  ctx: DatahubContext,
  rows: DiocRow[],
  keys: string[],
  avoid: string[],
  vocab: Vocabulary,
  exclude?: { key: string; value: string },
) {
  // The edition whose table has the dimension, preferring the one without the `avoid` dimensions.
  const candidates = ctx
    .datasetsWith(INDICATOR_IDS.diocEmigrants)
    .map((c) => ({ id: c.dataset_id, dims: ctx.dimensionsOf(c.dataset_id, INDICATOR_IDS.diocEmigrants) }))
    .filter((c) => keys.some((k) => c.dims.has(k)) && rows.some((r) => r.dataset_id === c.id))
    .sort((a, b) => Number(avoid.some((k) => a.dims.has(k))) - Number(avoid.some((k) => b.dims.has(k))));
  const chosen = candidates[0];
  const key = chosen ? keys.find((k) => chosen.dims.has(k)) : undefined;
  if (!chosen || !key)
    return {
      dataset: null,
      period: null,
      dimension: null,
      total: null,
      items: [],
      computedBy: null,
      over: [],
      kept: {},
      excluded: false,
    };
  const mine = rows.filter((r) => r.dataset_id === chosen.id && key in r.dims);
  const kept = exclude ? mine.filter((r) => r.dims[exclude.key] !== exclude.value) : mine;
  const values = new Map<string, number>();
  for (const r of kept) values.set(r.dims[key] ?? '', (values.get(r.dims[key] ?? '') ?? 0) + r.value);
  const total = [...values.values()].reduce((s, v) => s + v, 0);
  const items = [...values]
    .map(([code, value]) => {
      const known = vocab.find((v) => v.code === code || v.key === code);
      return {
        code,
        key: known?.key ?? code,
        label: known?.label ?? code,
        value,
        sharePct: sharePercent(value, total),
      };
    })
    .sort((a, b) => {
      const ia = vocab.findIndex((v) => v.key === a.key);
      const ib = vocab.findIndex((v) => v.key === b.key);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.code.localeCompare(b.code);
    });
  // What a value adds up: the sexes and the other dimensions whose codes differ between its cells.
  const varies = (codes: (string | undefined)[]) => new Set(codes).size > 1;
  const otherKeys = [...new Set(kept.flatMap((r) => Object.keys(r.dims)))].filter((k) => k !== key).sort();
  const over = [
    ...(varies(kept.map((r) => r.sex)) ? ['sex'] : []),
    ...otherKeys.filter((k) => varies(kept.map((r) => r.dims[k]))),
  ];
  return {
    dataset: chosen.id,
    period: mine[0]?.period ?? null,
    dimension: key,
    total: items.length ? total : null,
    items,
    computedBy: items.length ? COMPUTED_BY : null,
    over,
    // The codes of the excluding dimension that stay, so an SDMX query can ask for the same cells.
    kept:
      exclude && kept.length < mine.length
        ? { [exclude.key]: [...new Set(kept.map((r) => r.dims[exclude.key] ?? ''))].sort(codeOrder) }
        : {},
    excluded: exclude !== undefined && mine.some((r) => r.dims[exclude.key] !== undefined),
  };
}

function diocBlock(ctx: DatahubContext, rows: DiocRow[]): DiocBlock {
  const { excluded, ...education } = distribution(ctx, rows, EDUCATION_KEYS, LABOUR_KEYS, DIOC_EDUCATION, UNDER_15);
  const { excluded: _none, ...labourForce } = distribution(ctx, rows, LABOUR_KEYS, [], DIOC_LABOUR_FORCE);
  const describe = (name: string, vocab: Vocabulary) =>
    `${name}: ${vocab.map((v) => `${v.code} = ${v.key} (${v.label})`).join('; ')}`;
  return {
    education: {
      ...education,
      population: excluded
        ? 'Born in the country, living in an OECD country, aged 15 and over or of unknown age (those under 15, age_lfs 0, left out)'
        : 'Born in the country, living in an OECD country',
      populationKind: excluded ? 'aged15PlusOrUnknown' : 'all',
    },
    labourForce: {
      ...labourForce,
      population: 'Born in the country, living in an OECD country, aged 15 and over (DIOC File C)',
      populationKind: 'aged15Plus',
    },
    codes: `DIOC 2015/16, destinations pooled (the 35 OECD countries of 2015/16); both sexes = men + women. ${describe('Education (edu_lfs, ISCED 2011 groups)', DIOC_EDUCATION)}. ${describe('Labour-force status (lfs, ILO definitions)', DIOC_LABOUR_FORCE)}.`,
    sources: ctx.cite([education.dataset, labourForce.dataset].filter((d): d is string => d !== null)),
  };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const PROFILE_COLUMNS = [
  'area',
  'block',
  'measure',
  'period',
  'sex',
  'partner',
  'partner_name',
  'rank',
  'category',
  'value',
  'unit',
  'status',
  'computed_by',
  'note',
] as const;

/**
 * One row per value of the profile, each with the datasets it comes from; `computed_by` in `lang`
 * (English unless French or Spanish), as the names are, and so is `note`: where a stock's latest
 * figures only repeat the period before's (UN DESA 2024's for the Philippines and Niue as
 * destinations), each row of them says so, so that a row taken alone does not read as no change.
 */
export function profileCsv(p: ProfileResponse, lang: NameLanguage = 'en'): CsvTable {
  const rows: CsvTable['rows'] = [];
  const add = (cells: Partial<Record<(typeof PROFILE_COLUMNS)[number], CsvCell>>, sources: string[]) =>
    rows.push({ cells: { area: p.area.code, ...cells }, sources });
  const m = p.migration;
  const stock = m.dataset ? [m.dataset] : [];
  const sexes = (point: { male: number | null; female: number | null; total: number }) =>
    [
      ['_T', point.total],
      ['M', point.male],
      ['F', point.female],
    ] as const;
  // Every stock of this block is a sum of the edition's bilateral series (see m.stocks.method).
  const bothSexes = bothSexesNote('_T', m.stocks.totalPublished, lang);
  for (const point of m.immigrants.series) {
    for (const [sex, value] of sexes(point))
      if (value !== null)
        add(
          {
            block: 'migration',
            measure: 'immigrants',
            period: point.period,
            sex,
            value,
            unit: 'persons',
            computed_by: stockSumNote('immigrants', sex, m.stocks.totalPublished, lang),
            note: repeatedFigureNote(m.immigrants.latestRepeats, point.period, lang),
          },
          stock,
        );
    if (point.sharePct !== null && m.immigrants.population)
      add(
        {
          block: 'migration',
          measure: 'immigrants_share_of_population',
          period: point.period,
          sex: '_T',
          value: point.sharePct,
          unit: 'percent',
          computed_by: COMPUTED_BY,
          note: repeatedFigureNote(m.immigrants.latestRepeats, point.period, lang, 'derived'),
        },
        [...stock, m.immigrants.population.dataset],
      );
  }
  for (const point of m.emigrants.series) {
    for (const [sex, value] of sexes(point))
      if (value !== null)
        add(
          {
            block: 'migration',
            measure: 'emigrants',
            period: point.period,
            sex,
            value,
            unit: 'persons',
            computed_by: stockSumNote('emigrants', sex, m.stocks.totalPublished, lang),
            note: repeatedFigureNote(m.emigrants.latestRepeats, point.period, lang),
          },
          stock,
        );
    // Of the same population as the immigrants' share (m.emigrants.share.method).
    if (point.sharePct !== null && m.immigrants.population)
      add(
        {
          block: 'migration',
          measure: 'emigrants_share_of_population',
          period: point.period,
          sex: '_T',
          value: point.sharePct,
          unit: 'percent',
          computed_by: COMPUTED_BY,
          note: repeatedFigureNote(m.emigrants.latestRepeats, point.period, lang, 'derived'),
        },
        [...stock, m.immigrants.population.dataset],
      );
  }
  // The other editions' totals, each row citing its own edition; a measure of their own, so that
  // a reader picking `immigrants` gets one value per period and sex, the profile's edition's. Each
  // edition's repeat is its own (Revision 2024's, not Revision 2020's).
  for (const other of m.otherEditions)
    for (const [measure, points] of [
      ['immigrants', other.immigrants],
      ['emigrants', other.emigrants],
    ] as const) {
      const repeated = other.latestRepeats[measure];
      for (const point of points)
        for (const [sex, value] of sexes(point))
          if (value !== null)
            add(
              {
                block: 'migration',
                measure: otherEditionMeasure(measure),
                period: point.period,
                sex,
                value,
                unit: 'persons',
                computed_by: stockSumNote(measure, sex, other.totalPublished, lang),
                note: repeatedFigureNote(repeated, point.period, lang),
              },
              [other.dataset],
            );
    }
  // Each partner by sex as the JSON gives it, and its share of all (a measure of its own, whose
  // value is a percentage: a reader summing `top_origin` sums persons only); each partner's rows
  // say where its figures only repeat the period before's (items[].repeats), its share's too.
  const partnerRows = (measure: string, period: string | null, items: PartnerStock[], of: string) => {
    for (const item of items) {
      const repeated = item.repeats;
      const partner = { partner: item.area.code, partner_name: item.area.name, rank: item.rank };
      for (const [sex, value] of sexes(item))
        if (value !== null)
          add(
            {
              block: 'migration',
              measure,
              period,
              sex,
              ...partner,
              value,
              unit: 'persons',
              computed_by: bothSexesNote(sex, m.stocks.totalPublished, lang),
              note: repeatedFigureNote(repeated, period, lang),
            },
            stock,
          );
      if (item.sharePct !== null)
        add(
          {
            block: 'migration',
            measure: `${measure}_share`,
            period,
            sex: '_T',
            ...partner,
            value: item.sharePct,
            unit: `percent of all ${of}`,
            computed_by: COMPUTED_BY,
            note: repeatedFigureNote(repeated, period, lang, 'derived'),
          },
          stock,
        );
    }
  };
  partnerRows('top_origin', m.topOrigins.period, m.topOrigins.items, 'immigrants');
  if (m.topOrigins.unknownOrigin)
    add(
      {
        block: 'migration',
        measure: 'unknown_origin',
        period: m.topOrigins.period,
        sex: '_T',
        partner: UNKNOWN_ORIGIN,
        value: m.topOrigins.unknownOrigin.total,
        unit: 'persons',
        computed_by: bothSexes,
        note: repeatedFigureNote(m.topOrigins.unknownOrigin.repeats, m.topOrigins.period, lang),
      },
      stock,
    );
  partnerRows('top_destination', m.topDestinations.period, m.topDestinations.items, 'emigrants');

  const r = p.remittances;
  for (const flow of r.flows) {
    for (const point of flow.points) {
      add(
        {
          block: 'remittances',
          measure: `${flow.flow}:${flow.indicator}`,
          period: point.period,
          value: point.value,
          unit: flow.unit,
          status: point.status,
        },
        [flow.dataset],
      );
      if (point.pctOfGdp !== null && r.gdp)
        add(
          {
            block: 'remittances',
            measure: `${flow.flow}:${flow.indicator}:pct_of_gdp`,
            period: point.period,
            value: point.pctOfGdp,
            unit: 'percent of GDP',
            computed_by: COMPUTED_BY,
          },
          [flow.dataset, r.gdp.dataset],
        );
    }
  }
  for (const share of r.publishedPctOfGdp)
    for (const point of share.points)
      add(
        {
          block: 'remittances',
          measure: `remittances_received:${share.indicator}`,
          period: point.period,
          value: point.value,
          unit: share.unit,
          status: point.status,
        },
        [share.dataset],
      );
  if (r.gdp)
    for (const point of r.gdp.points)
      add({ block: 'remittances', measure: 'gdp', period: point.period, value: point.valueUsd, unit: 'current US$' }, [
        r.gdp.dataset,
      ]);
  for (const item of r.topSendingCorridors.items) {
    const sender = {
      block: 'remittances',
      period: r.topSendingCorridors.period,
      partner: item.area.code,
      partner_name: item.area.name,
      rank: item.rank,
    };
    const matrix = r.topSendingCorridors.dataset ? [r.topSendingCorridors.dataset] : [];
    add({ ...sender, measure: 'top_sending_country', value: item.valueUsdMillions, unit: 'US$ millions' }, matrix);
    if (item.sharePct !== null)
      add(
        {
          ...sender,
          measure: 'top_sending_country_share',
          value: item.sharePct,
          unit: 'percent of the sum over all sending countries in the matrix',
          computed_by: COMPUTED_BY,
        },
        matrix,
      );
  }

  for (const corridor of p.cost.corridors)
    for (const point of corridor.points)
      add(
        {
          block: 'cost',
          measure: `${corridor.direction}_corridor_cost`,
          period: point.period,
          partner: corridor.direction === 'inbound' ? corridor.from.code : corridor.to.code,
          partner_name: corridor.direction === 'inbound' ? corridor.from.name : corridor.to.name,
          category: `amount ${corridor.amountUsd} US$`,
          value: point.value,
          unit: p.cost.unit,
        },
        [corridor.dataset],
      );
  for (const mean of p.cost.means)
    add(
      {
        block: 'cost',
        measure: `${mean.direction}_mean_cost`,
        period: mean.period,
        category: `amount ${p.cost.amountUsd} US$; ${String(mean.corridorCount)} corridors`,
        value: mean.meanPct,
        unit: p.cost.unit,
        computed_by: COMPUTED_BY,
      },
      [mean.dataset],
    );

  const ref = p.refugees;
  const refSources = ref.dataset ? [ref.dataset] : [];
  // A group's figure abroad or hosted sums the countries of asylum or of origin; a partner's
  // figure sums its stock groups (returns, a flow, left out): Bridges' sums, said on each row.
  for (const [name, side, over] of [
    [
      'from_country',
      ref.fromCountry,
      {
        en: 'sum over countries of asylum',
        fr: 'somme sur les pays d’asile',
        es: 'suma de los países de asilo',
      },
    ],
    [
      'hosted',
      ref.hosted,
      {
        en: 'sum over countries of origin',
        fr: 'somme sur les pays d’origine',
        es: 'suma de los países de origen',
      },
    ],
    ['within_country', ref.withinCountry, null],
  ] as const) {
    for (const point of side.trend)
      for (const [group, value] of Object.entries(point.byGroup))
        add(
          {
            block: 'refugees',
            measure: name,
            period: point.period,
            category: group,
            value,
            unit: 'persons',
            status: point.status,
            computed_by: over ? `${COMPUTED_BY} (${over[noteLanguage(lang)]})` : null,
          },
          refSources,
        );
    for (const item of side.top)
      add(
        {
          block: 'refugees',
          measure: `${name}_top`,
          period: side.latestPeriod,
          partner: item.area.code,
          partner_name: item.area.name,
          rank: item.rank,
          category: 'stock groups (returns left out)',
          value: item.total,
          unit: 'persons',
          status: side.latestStatus,
          computed_by: groupSumNote(item.byGroup, lang),
        },
        refSources,
      );
  }

  const d = p.emigrantsInOecd;
  for (const [measure, dist] of [
    ['education', d.education],
    ['labour_force', d.labourForce],
  ] as const)
    for (const item of dist.items)
      add(
        {
          block: 'emigrants_in_oecd',
          measure,
          period: dist.period,
          category: `${item.code} ${item.key}`,
          value: item.value,
          unit: 'persons',
          computed_by: diocSumNote(dist.over, lang),
        },
        dist.dataset ? [dist.dataset] : [],
      );
  return { columns: [...PROFILE_COLUMNS], rows };
}
