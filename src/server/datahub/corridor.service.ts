import type { Kysely } from 'kysely';
import type { NameLanguage } from '../../core/languages.js';
import {
  bothSexesNote,
  INDICATOR_IDS,
  SDG_10C,
  UNHCR_GROUPS,
  USD_FACTORS,
  type AreaRef,
  type CorridorQuery,
  type CorridorResponse,
  type StockPoint,
} from '../../core/statistics.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import type { CsvTable } from '../../core/csv.js';
import { noteLanguage, repeatedFigureNote } from '../../core/statistics-terms.js';
import { comparePeriods, type DatahubCache, type DatahubContext } from './datahub.context.js';
import * as repo from './datahub.repository.js';
import { displacementTotal, displacementTotals } from './profile.service.js';
import {
  bySex,
  figureRepeats,
  findDestinationRepeats,
  repeatKey,
  type DestinationRepeats,
  type SexValues,
} from './repeats.js';

const CORRIDOR_INDICATORS = [
  INDICATOR_IDS.migrantStock,
  INDICATOR_IDS.remittanceBilateral,
  INDICATOR_IDS.remittanceCost,
  INDICATOR_IDS.forciblyDisplaced,
];

/**
 * The corridor A → B: migrants born in A living in B (every UN DESA edition side by side), the
 * money between them (each KNOMAD edition, both directions, apart), what sending it costs
 * (each RPW file, both directions, apart) and the people from A forcibly displaced in B (UNHCR,
 * by group). One query; cached per data version.
 */
export async function corridor(
  db: Kysely<DB>,
  cache: DatahubCache,
  fromCode: string,
  toCode: string,
  query: CorridorQuery,
): Promise<CorridorResponse> {
  const ctx = await cache.context();
  const from = ctx.requireArea(fromCode, 'from', 404);
  const to = ctx.requireArea(toCode, 'to', 404);
  // A corridor joins two places: not a place with itself, nor a publisher's aggregate (the World).
  for (const [field, code] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (ctx.isAggregate(code))
      throw ApiError.invalidParameter(
        field,
        `${code} is a publisher’s aggregate, not a country or area: a corridor joins two of those`,
      );
  if (from === to) throw ApiError.invalidParameter('to', `is ${to}, the same as from: a corridor joins two areas`);
  const lang = query.lang ?? 'en';
  return cache.answer(`corridor|${from}|${to}|${lang}`, async (c) => {
    const editions = c.datasetsWith(INDICATOR_IDS.migrantStock).map((d) => d.dataset_id);
    const [rows, repeats] = await db.transaction().execute(async (trx) => {
      await repo.preferSerialPlans(trx);
      return [
        await repo.findCorridorObservations(trx, from, to, CORRIDOR_INDICATORS),
        // Where the destination's figures repeat the period before, in each edition (repeats.ts).
        await findDestinationRepeats(trx, c, INDICATOR_IDS.migrantStock, editions, [to]),
      ] as const;
    });
    return presentCorridor(c, from, to, lang, rows, repeats);
  });
}

type Row = Awaited<ReturnType<typeof repo.findCorridorObservations>>[number];

function presentCorridor(
  ctx: DatahubContext,
  from: string,
  to: string,
  lang: NameLanguage,
  rows: Row[],
  repeats: DestinationRepeats,
): CorridorResponse {
  const of = (indicator: string) => rows.filter((r) => r.indicator_id === indicator);

  // Migrant stock: destination B, origin A, by sex; both sexes = male + female where no total is stored.
  const stockRows = of(INDICATOR_IDS.migrantStock).filter((r) => r.ref_area === to);
  const editions = ctx.datasetsWith(INDICATOR_IDS.migrantStock).map((c) => c.dataset_id);
  const stockEditions = editions.map((dataset) => {
    const edition = stockRows.filter((r) => r.dataset_id === dataset);
    const types = new Set(edition.flatMap((r) => [...(r.flags ?? '')]));
    const points = stockPoints(edition);
    // The destination's repeat, where the corridor's own figures repeat with it (never said of a
    // corridor whose figures moved, nor of one with none then).
    const repeated = repeats.get(repeatKey(to, dataset));
    const at = (period: string | undefined) => points.find((p) => p.period === period);
    return {
      dataset,
      totalPublished: edition.some((r) => r.sex === '_T'),
      typesOfData: [...types].sort(),
      points,
      destinationRepeats: figureRepeats(repeated, repeated?.period, at(repeated?.period), at(repeated?.previous)),
    };
  });

  // Money: each edition and direction apart, A → B first.
  const directions: [string, string][] =
    from === to
      ? [[from, to]]
      : [
          [from, to],
          [to, from],
        ];
  const remittanceUnit = ctx.indicators.get(INDICATOR_IDS.remittanceBilateral)?.unit ?? 'US$ millions';
  const toUsd = USD_FACTORS[remittanceUnit] ?? 1;
  const remittanceEditions = directions.flatMap(([sender, receiver]) =>
    ctx.datasetsWith(INDICATOR_IDS.remittanceBilateral).map((c) => ({
      dataset: c.dataset_id,
      sender: ctx.areaRef(sender, lang),
      receiver: ctx.areaRef(receiver, lang),
      points: of(INDICATOR_IDS.remittanceBilateral)
        .filter((r) => r.dataset_id === c.dataset_id && r.counterpart_area === sender && r.ref_area === receiver)
        .map((r) => ({ period: r.period, value: r.value, valueUsd: r.value * toUsd })),
    })),
  );
  const remittanceSeries = remittanceEditions.filter((s) => s.points.length > 0);
  // An edition with no value for a direction says so, rather than leaving its bar out unexplained.
  const remittanceAbsent = remittanceEditions
    .filter((s) => s.points.length === 0)
    .map(({ dataset, sender, receiver }) => ({ dataset, sender, receiver }));

  const costSeries = directions.flatMap(([sender, receiver]) => {
    const groups = new Map<string, Row[]>();
    for (const r of of(INDICATOR_IDS.remittanceCost)) {
      if (r.counterpart_area !== sender || r.ref_area !== receiver) continue;
      const key = `${r.dataset_id}|${r.dims.amount ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.values()]
      .map((group) => {
        const first = group[0] as Row;
        const points = group
          .map((r) => ({ period: r.period, value: r.value }))
          .sort((a, b) => comparePeriods(a.period, b.period));
        const latest = points.at(-1) ?? null;
        return {
          dataset: first.dataset_id,
          sender: ctx.areaRef(sender, lang),
          receiver: ctx.areaRef(receiver, lang),
          amountUsd: first.dims.amount ?? null,
          points,
          latest,
          // SDG 10.c's 5 % ceiling is of the cost of sending US$ 200: a US$ 500 series is not held to it.
          aboveFive:
            latest && first.dims.amount === SDG_10C.amountUsd ? latest.value > SDG_10C.corridorCeilingPct : null,
        };
      })
      .sort((a, b) => a.dataset.localeCompare(b.dataset) || Number(a.amountUsd ?? 0) - Number(b.amountUsd ?? 0));
  });

  // Forced displacement: people from A (origin) in B (asylum), the latest UNHCR edition with any;
  // its returns are those who went back from B to A during the year (a flow, outside the total).
  const displacedRows = of(INDICATOR_IDS.forciblyDisplaced).filter((r) => r.ref_area === to);
  const displacedDataset =
    ctx
      .datasetsWith(INDICATOR_IDS.forciblyDisplaced)
      .find((c) => displacedRows.some((r) => r.dataset_id === c.dataset_id))?.dataset_id ?? null;
  const byPeriod = new Map<string, Record<string, number>>();
  const statusOf = new Map<string, Set<string>>();
  for (const r of displacedRows) {
    if (r.dataset_id !== displacedDataset) continue;
    const group = r.dims.group ?? '';
    const groups = byPeriod.get(r.period) ?? {};
    groups[group] = (groups[group] ?? 0) + r.value;
    byPeriod.set(r.period, groups);
    statusOf.set(r.period, (statusOf.get(r.period) ?? new Set()).add(r.status));
  }
  const displacedTrend = [...byPeriod]
    .sort((x, y) => comparePeriods(x[0], y[0]))
    .map(([period, byGroup]) => ({
      period,
      total: displacementTotal(byGroup),
      byGroup,
      status: [...(statusOf.get(period) ?? [])].sort().join(''),
    }));

  const stockUsed = stockEditions.filter((e) => e.points.length).map((e) => e.dataset);
  const remittanceUsed = [...new Set([...remittanceSeries, ...remittanceAbsent].map((s) => s.dataset))];
  const costUsed = costSeries.map((s) => s.dataset);
  const a = ctx.areaRef(from, lang);
  const b = ctx.areaRef(to, lang);
  const texts = CORRIDOR_TEXTS[noteLanguage(lang)];
  return {
    from: a,
    to: b,
    migrantStock: {
      indicator: INDICATOR_IDS.migrantStock,
      unit: ctx.indicators.get(INDICATOR_IDS.migrantStock)?.unit ?? 'persons',
      description: texts.stock(a.name, b.name),
      editions: stockEditions,
      sources: ctx.cite(stockUsed),
    },
    remittances: {
      indicator: INDICATOR_IDS.remittanceBilateral,
      unit: remittanceUnit,
      toUsd,
      description: texts.remittances(a.name, b.name, String(toUsd)),
      series: remittanceSeries,
      absent: remittanceAbsent,
      sources: ctx.cite(remittanceUsed),
    },
    cost: {
      indicator: INDICATOR_IDS.remittanceCost,
      unit: ctx.indicators.get(INDICATOR_IDS.remittanceCost)?.unit ?? 'percent of amount sent',
      description: texts.cost(String(SDG_10C.corridorCeilingPct)),
      series: costSeries,
      sources: ctx.cite(costUsed),
    },
    displaced: {
      indicator: INDICATOR_IDS.forciblyDisplaced,
      dataset: displacedDataset,
      unit: ctx.indicators.get(INDICATOR_IDS.forciblyDisplaced)?.unit ?? 'persons',
      description: texts.displaced(a.name, b.name),
      trend: displacedTrend,
      groups: UNHCR_GROUPS,
      totals: displacementTotals(lang),
      sources: ctx.cite(displacedDataset ? [displacedDataset] : []),
    },
    sources: ctx.cite([...stockUsed, ...remittanceUsed, ...costUsed, ...(displacedDataset ? [displacedDataset] : [])]),
    dataflows: ctx.dataflows([
      ...stockUsed.map((d) => [d, INDICATOR_IDS.migrantStock] as const),
      ...remittanceUsed.map((d) => [d, INDICATOR_IDS.remittanceBilateral] as const),
      ...costUsed.map((d) => [d, INDICATOR_IDS.remittanceCost] as const),
      ...(displacedDataset ? [[displacedDataset, INDICATOR_IDS.forciblyDisplaced] as const] : []),
    ]),
  };
}

/** Stock rows by period and sex as points in time order; both sexes = male + female where no total is stored. */
function stockPoints(rows: readonly { period: string; sex: string; value: number }[]): StockPoint[] {
  const byPeriod = new Map<string, SexValues>();
  for (const r of rows) {
    const v = byPeriod.get(r.period) ?? {};
    v[r.sex as keyof SexValues] = (v[r.sex as keyof SexValues] ?? 0) + r.value;
    byPeriod.set(r.period, v);
  }
  return [...byPeriod].sort((a, b) => comparePeriods(a[0], b[0])).map(([period, v]) => ({ period, ...bySex(v) }));
}

/** What each block of a corridor holds, in the answer's note language (the areas' names in `lang`). */
const CORRIDOR_TEXTS = {
  en: {
    // As the French and Spanish say it and the UI does: "born in Unknown origin (origin)" read oddly.
    stock: (a: string, b: string) =>
      `People born in the country of origin (${a}) living in the country of destination (${b}), at mid-year.`,
    remittances: (a: string, b: string, toUsd: string) =>
      `Estimated remittances between the two, each direction apart: ${a} → ${b}, then ${b} → ${a} (what migrants in ${b} send home). valueUsd = value × ${toUsd}.`,
    cost: (ceiling: string) =>
      `Average total cost of sending money, each direction, file and amount apart; SDG 10.c: no corridor above ${ceiling} %.`,
    displaced: (a: string, b: string) =>
      `People from ${a} (origin) forcibly displaced in ${b} (country of asylum), by UNHCR population group; "refugee return" counts those who returned from ${b} to ${a} during the year.`,
  },
  fr: {
    stock: (a: string, b: string) =>
      `Personnes nées dans le pays d’origine (${a}) et vivant dans le pays de destination (${b}), au milieu de l’année.`,
    remittances: (a: string, b: string, toUsd: string) =>
      `Envois de fonds estimés entre les deux pays, chaque sens à part\u00a0: ${a} → ${b}, puis ${b} → ${a} (ce que les migrants vivant dans le pays de destination, ${b}, envoient chez eux). valueUsd = value × ${toUsd}.`,
    cost: (ceiling: string) =>
      `Coût total moyen d’un envoi d’argent, chaque sens, fichier et montant à part\u00a0; ODD 10.c\u00a0: aucun corridor au-dessus de ${ceiling}\u00a0%.`,
    displaced: (a: string, b: string) =>
      `Personnes du pays d’origine (${a}) déplacées de force dans le pays d’asile (${b}), par groupe de population du HCR\u00a0; «\u00a0refugee return\u00a0» (réfugiés rapatriés) compte celles qui sont rentrées du pays d’asile dans le pays d’origine pendant l’année.`,
  },
  es: {
    stock: (a: string, b: string) =>
      `Personas nacidas en el país de origen (${a}) que viven en el país de destino (${b}), a mitad de año.`,
    remittances: (a: string, b: string, toUsd: string) =>
      `Remesas estimadas entre los dos países, cada sentido por separado: ${a} → ${b}, luego ${b} → ${a} (lo que los migrantes que viven en el país de destino, ${b}, envían a su país). valueUsd = value × ${toUsd}.`,
    cost: (ceiling: string) =>
      `Costo total promedio de enviar dinero, cada sentido, archivo y monto por separado; ODS 10.c: ningún corredor por encima del ${ceiling} %.`,
    displaced: (a: string, b: string) =>
      `Personas del país de origen (${a}) desplazadas por la fuerza en el país de asilo (${b}), por grupo de población del ACNUR; «refugee return» (refugiados retornados) cuenta a quienes regresaron del país de asilo al de origen durante el año.`,
  },
} as const;

/**
 * One row per value of the corridor, `computed_by` and `note` in `lang` (English unless French or
 * Spanish): `note` on each migrant-stock row of an edition at the period its destination's figures
 * only repeat the period before's (destinationRepeats), so that a row taken alone does not read as
 * no change.
 */
export function corridorCsv(c: CorridorResponse, lang: NameLanguage = 'en'): CsvTable {
  const rows: CsvTable['rows'] = [];
  // Each end by code and by name (in the language asked), as the charts' own CSVs give them.
  const ends = (from: AreaRef, to: AreaRef) => ({
    from: from.code,
    from_name: from.name,
    to: to.code,
    to_name: to.name,
  });
  for (const edition of c.migrantStock.editions)
    for (const p of edition.points)
      for (const [sex, value] of [
        ['_T', p.total],
        ['M', p.male],
        ['F', p.female],
      ] as const)
        if (value !== null)
          rows.push({
            cells: {
              measure: 'migrant_stock',
              ...ends(c.from, c.to),
              period: p.period,
              sex,
              value,
              unit: c.migrantStock.unit,
              computed_by: bothSexesNote(sex, edition.totalPublished, lang),
              note: repeatedFigureNote(edition.destinationRepeats, p.period, lang),
            },
            sources: [edition.dataset],
          });
  for (const s of c.remittances.series)
    for (const p of s.points)
      rows.push({
        cells: {
          measure: 'remittances',
          ...ends(s.sender, s.receiver),
          period: p.period,
          value: p.value,
          unit: c.remittances.unit,
        },
        sources: [s.dataset],
      });
  for (const s of c.cost.series)
    for (const p of s.points)
      rows.push({
        cells: {
          measure: 'remittance_cost',
          ...ends(s.sender, s.receiver),
          period: p.period,
          amount_usd: s.amountUsd,
          value: p.value,
          unit: c.cost.unit,
        },
        sources: [s.dataset],
      });
  // The groups as published; their total is Bridges' sum, in the JSON only.
  for (const p of c.displaced.trend)
    for (const [group, value] of Object.entries(p.byGroup))
      rows.push({
        cells: {
          measure: 'forcibly_displaced',
          ...ends(c.from, c.to),
          period: p.period,
          group,
          value,
          unit: c.displaced.unit,
          status: p.status,
        },
        sources: c.displaced.dataset ? [c.displaced.dataset] : [],
      });
  return {
    columns: [
      'measure',
      'from',
      'from_name',
      'to',
      'to_name',
      'period',
      'sex',
      'amount_usd',
      'group',
      'value',
      'unit',
      'status',
      'computed_by',
      'note',
    ],
    rows,
  };
}
