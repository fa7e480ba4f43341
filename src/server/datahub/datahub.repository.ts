import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { computedValue } from '../../core/statistics-terms.js';
import { isoTimestamp, observationEndSql } from '../db/sql.js';

export { DataVersionCheck } from '../db/sql.js';

/**
 * The only code of the analytics API that queries the database. Every query is set-based (one
 * round trip per question) and casts what the two engines return differently (::int, ::float8,
 * ::text), so PGlite and PostgreSQL give identical rows.
 */

type Queryable = Kysely<DB>;

export async function findDatasets(db: Queryable) {
  const { rows } = await sql<{
    id: string;
    family: string;
    title: string;
    publisher: string;
    edition: string;
    release_date: string | null;
    licence: string;
    source_url: string | null;
    citation: string;
    method_notes: string | null;
    caveats: string | null;
    provenance: string;
    observation_count: number;
    loaded_at: string;
    checksum: string;
  }>`
    SELECT id, family, title, publisher, edition, release_date::text AS release_date, licence, source_url,
           citation, method_notes, caveats, provenance, observation_count::int AS observation_count, checksum,
           ${isoTimestamp('loaded_at')} AS loaded_at
    FROM dataset
    ORDER BY family, release_date DESC NULLS LAST, id DESC`.execute(db);
  return rows;
}
export type DatasetRow = Awaited<ReturnType<typeof findDatasets>>[number];

/**
 * What each dataset holds of each indicator: series, sexes and areas (from the series table), and
 * the periods with their observation counts (one pass over the observations: the one costly
 * query of the API, run once per data version).
 */
export async function findDatasetCoverage(db: Queryable) {
  const { rows: series } = await sql<{
    dataset_id: string;
    indicator_id: string;
    series_count: number;
    sexes: string[];
    ref_areas: number;
    counterpart_areas: number;
    aggregate_ref_areas: number;
  }>`
    SELECT s.dataset_id, s.indicator_id, count(*)::int AS series_count,
           array_agg(DISTINCT s.sex ORDER BY s.sex) AS sexes,
           count(DISTINCT s.ref_area)::int AS ref_areas,
           count(DISTINCT s.counterpart_area)::int AS counterpart_areas,
           count(DISTINCT s.ref_area) FILTER (WHERE a.kind = 'aggregate')::int AS aggregate_ref_areas
    FROM series s JOIN area a ON a.code = s.ref_area
    GROUP BY s.dataset_id, s.indicator_id
    ORDER BY s.dataset_id, s.indicator_id`.execute(db);
  const { rows: periods } = await sql<{ dataset_id: string; indicator_id: string; period: string; n: number }>`
    -- NOTE: grouped by the period alone (its start follows from it): grouping by both made the
    -- planner expect a group per observation and sort them all on disk, 2.3 s against 0.7 s.
    SELECT s.dataset_id, s.indicator_id, o.period, count(*)::int AS n
    FROM observation o JOIN series s ON s.id = o.series_id
    GROUP BY s.dataset_id, s.indicator_id, o.period
    ORDER BY s.dataset_id, s.indicator_id, min(o.period_start)`.execute(db);
  return series.map((row) => {
    const mine = periods.filter((p) => p.dataset_id === row.dataset_id && p.indicator_id === row.indicator_id);
    return {
      ...row,
      observation_count: mine.reduce((sum, p) => sum + p.n, 0),
      periods: mine.map((p) => p.period),
      first_period: mine[0]?.period ?? null,
      last_period: mine.at(-1)?.period ?? null,
    };
  });
}
export type CoverageRow = Awaited<ReturnType<typeof findDatasetCoverage>>[number];

/** Every value of every extra dimension, per dataset and indicator (amount 200 and 500, groups…). */
export async function findDimensionValues(db: Queryable) {
  const { rows } = await sql<{ dataset_id: string; indicator_id: string; key: string; value: string }>`
    SELECT DISTINCT s.dataset_id, s.indicator_id, d.key, d.value
    FROM series s CROSS JOIN LATERAL jsonb_each_text(s.dims) AS d(key, value)
    ORDER BY 1, 2, 3, 4`.execute(db);
  return rows;
}

export async function findIndicators(db: Queryable) {
  return db
    .selectFrom('indicator')
    .select(['id', 'name', 'unit', 'description', 'measure_type', 'topic'])
    .orderBy('topic')
    .orderBy('id')
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof findIndicators>>[number];

/** Every area with its short names, M49 groups and aliases: small, so it is kept in memory. */
export async function findAreaDirectory(db: Queryable) {
  const areas = await db
    .selectFrom('area')
    .select(['code', 'kind', 'name_en', 'region_code', 'subregion_code', 'aggregate_publisher', 'iso2'])
    .orderBy('code')
    .execute();
  const names = await db
    .selectFrom('area_name')
    .select(['area_code', 'lang', 'name'])
    .where('name_type', '=', 'short')
    .orderBy('area_code')
    .orderBy('lang')
    .orderBy('name')
    .execute();
  const aliases = await db
    .selectFrom('area_code_alias')
    .select(['alias', 'area_code', 'source'])
    .orderBy('source')
    .execute();
  const regions = await db.selectFrom('m49_region').select(['code', 'name_en', 'level']).orderBy('code').execute();
  return { areas, names, aliases, regions };
}

/**
 * The countries and territories with no population of their own in the data: no population table
 * loaded (`populationIndicators`: UN DESA's total population, the World Bank's SP.POP.TOTL) gives
 * one a population above zero in any period, and no other dataset has any figure for it, as
 * reference or counterpart area. Uninhabited territories (Bouvet Island) and areas the publishers
 * count with another (Åland with Finland) come out so. None while no population table is loaded:
 * then nothing says who lives where.
 */
export async function findAreasWithoutPopulation(db: Queryable, populationIndicators: string[]): Promise<string[]> {
  const result = await sql<{ code: string }>`
    SELECT a.code
    FROM area a
    WHERE a.kind = 'country'
      AND EXISTS (SELECT 1 FROM series p WHERE p.indicator_id = ANY(${populationIndicators}::text[]))
      AND a.code NOT IN (
        SELECT s.ref_area FROM series s WHERE s.indicator_id <> ALL(${populationIndicators}::text[])
        UNION SELECT s.counterpart_area FROM series s WHERE s.counterpart_area IS NOT NULL
        UNION SELECT s.ref_area FROM series s JOIN observation o ON o.series_id = s.id
              WHERE s.indicator_id = ANY(${populationIndicators}::text[]) AND o.value > 0)
    ORDER BY a.code COLLATE "C"`.execute(db);
  return result.rows.map((r) => r.code);
}

/** The World Bank income classification, every fiscal year, with the GNI year each one used. */
export async function findIncomeClassifications(db: Queryable) {
  return db
    .selectFrom('income_classification')
    .select(['area_code', 'fiscal_year', 'gni_year', 'income_group'])
    .orderBy('fiscal_year')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Values for rankings and series
// ---------------------------------------------------------------------------------------------

export interface ValueQuery {
  indicatorId: string;
  /** Per dataset, the sexes whose series are combined (both sexes = M + F where no _T is stored). */
  datasets: { id: string; sexes: string[] }[];
  /** Reference areas; all when undefined. */
  refAreas?: string[];
  /** One counterpart; otherwise every counterpart but publishers' aggregates (and series without one). */
  counterpart?: string;
  dims: Record<string, string>;
  /** Exact period; or the periods overlapping from the start of one period to the end of another. */
  period?: string;
  /** ISO date: the first day of the `from` period. */
  fromStart?: string;
  /** ISO date: the day after the `to` period ends. */
  toEnd?: string;
  /** 'sum' for stocks and flows, 'avg' for rates. */
  combine: 'sum' | 'avg';
  /** Also give, per value, the sexes, counterparts and dimension values of the series combined. */
  describeParts?: boolean;
}

/**
 * One value per dataset, reference area and period: the sum (or, for rates, the unweighted mean)
 * of the matching series, with how many series went into it and their statuses.
 */
export async function findCombinedValues(db: Queryable, q: ValueQuery) {
  const datasetFilter = sql.join(
    q.datasets.map((d) => sql`(s.dataset_id = ${d.id} AND s.sex IN (${sql.join(d.sexes)}))`),
    sql` OR `,
  );
  const conditions: RawBuilder<unknown>[] = [sql`s.indicator_id = ${q.indicatorId}`, sql`(${datasetFilter})`];
  if (q.refAreas) conditions.push(sql`s.ref_area IN (${sql.join(q.refAreas)})`);
  conditions.push(
    q.counterpart
      ? sql`s.counterpart_area = ${q.counterpart}`
      : sql`(s.counterpart_area IS NULL OR NOT EXISTS (
              SELECT 1 FROM area c WHERE c.code = s.counterpart_area AND c.kind = 'aggregate'))`,
  );
  if (Object.keys(q.dims).length) conditions.push(sql`s.dims @> ${JSON.stringify(q.dims)}::jsonb`);
  if (q.period) conditions.push(sql`o.period = ${q.period}`);
  // Periods that overlap [from, to], as SDMX's startPeriod and endPeriod: from=2020 keeps 2020-Q1 to 2020-Q4.
  if (q.fromStart) conditions.push(sql`${observationEndSql} > ${q.fromStart}::date`);
  if (q.toEnd) conditions.push(sql`o.period_start < ${q.toEnd}::date`);
  const combined = q.combine === 'avg' ? sql`avg(o.value)` : sql`sum(o.value)`;
  const { rows } = await sql<{
    dataset_id: string;
    ref_area: string;
    period: string;
    period_start: string;
    value: number;
    parts: number;
    parts_min: number;
    parts_max: number;
    status: string;
    sexes?: string[];
    counterparts?: string[] | null;
    dims?: Record<string, string>[];
  }>`
    SELECT s.dataset_id, s.ref_area, o.period, o.period_start::text AS period_start,
           ${combined}::float8 AS value, count(*)::int AS parts,
           min(o.value)::float8 AS parts_min, max(o.value)::float8 AS parts_max,
           string_agg(DISTINCT o.status, '' ORDER BY o.status) AS status
           ${
             q.describeParts
               ? sql`, array_agg(DISTINCT s.sex) AS sexes,
                     array_agg(DISTINCT s.counterpart_area) FILTER (WHERE s.counterpart_area IS NOT NULL) AS counterparts,
                     jsonb_agg(DISTINCT s.dims) AS dims`
               : sql``
           }
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY s.dataset_id, s.ref_area, o.period, o.period_start
    ORDER BY s.dataset_id, s.ref_area, o.period_start`.execute(db);
  for (const row of rows) if (row.parts > 1) row.value = computedValue(row.value);
  return rows;
}
export type CombinedValueRow = Awaited<ReturnType<typeof findCombinedValues>>[number];

/** The latest period of an indicator in a dataset, among series matching the dimension filters. */
export async function findLatestPeriod(
  db: Queryable,
  datasetId: string,
  indicatorId: string,
  dims: Record<string, string>,
  counterpart?: string,
): Promise<string | null> {
  const { rows } = await sql<{ period: string }>`
    SELECT o.period FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.dataset_id = ${datasetId} AND s.indicator_id = ${indicatorId}
      AND s.dims @> ${JSON.stringify(dims)}::jsonb
      ${counterpart ? sql`AND s.counterpart_area = ${counterpart}` : sql``}
    ORDER BY o.period_start DESC LIMIT 1`.execute(db);
  return rows[0]?.period ?? null;
}

/**
 * Each area's figures of an indicator at its last two periods in each of the given editions, by
 * sex, summed over every counterpart but publishers' aggregates and over every dimension value:
 * what tells a destination whose latest period only repeats the one before (UN DESA 2024's
 * destinations whose 2024 is their 2020; see repeats.ts). Every area's where `refAreas` is not given.
 */
export async function findLastTwoPeriodsByArea(
  db: Queryable,
  datasetIds: readonly string[],
  indicatorId: string,
  refAreas?: readonly string[],
) {
  if (datasetIds.length === 0 || refAreas?.length === 0) return [];
  const { rows } = await sql<{ dataset_id: string; ref_area: string; period: string; sex: string; value: number }>`
    WITH totals AS (
      SELECT s.dataset_id, s.ref_area, o.period, o.period_start, s.sex, sum(o.value)::float8 AS value
      FROM series s JOIN observation o ON o.series_id = s.id
      WHERE s.dataset_id IN (${sql.join(datasetIds)}) AND s.indicator_id = ${indicatorId}
        ${refAreas ? sql`AND s.ref_area IN (${sql.join(refAreas)})` : sql``}
        AND (s.counterpart_area IS NULL OR NOT EXISTS (
              SELECT 1 FROM area c WHERE c.code = s.counterpart_area AND c.kind = 'aggregate'))
      GROUP BY s.dataset_id, s.ref_area, o.period, o.period_start, s.sex),
    latest AS (
      SELECT t.*, dense_rank() OVER (PARTITION BY t.dataset_id, t.ref_area ORDER BY t.period_start DESC)::int AS recency
      FROM totals t)
    SELECT dataset_id, ref_area, period, sex, value FROM latest WHERE recency <= 2
    ORDER BY dataset_id, ref_area, period_start, sex`.execute(db);
  return rows;
}

/**
 * The partner areas (counterparts) an edition has series of an indicator with, in code order:
 * what `counterpart=` can take there, whatever the period, sex or dimension values.
 */
export async function findCounterpartsWithData(
  db: Queryable,
  datasetId: string,
  indicatorId: string,
): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT DISTINCT s.counterpart_area AS code FROM series s
    WHERE s.indicator_id = ${indicatorId} AND s.dataset_id = ${datasetId} AND s.counterpart_area IS NOT NULL
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.code);
}

// ---------------------------------------------------------------------------------------------
// Country profile
// ---------------------------------------------------------------------------------------------

/**
 * Migrant stock of one edition around one area, by sex: `in` = immigrants (area is the
 * destination), `out` = emigrants (area is the origin). Rows with partner null are the sums over
 * all partners for each period (`recency` null); rows with a partner are the direction's latest
 * period (`recency` 1, for top lists) and the one before (2, to tell a partner's figure that only
 * repeats it).
 */
export async function findMigrantStockAround(db: Queryable, datasetId: string, indicatorId: string, code: string) {
  const { rows } = await sql<{
    direction: 'in' | 'out';
    period: string;
    sex: string;
    partner: string | null;
    value: number;
    recency: number | null;
  }>`
    -- NOTE: the series are picked by the (indicator, area) and (indicator, counterpart) indexes
    -- first (MATERIALIZED), then by edition: left to itself the planner scans the unique key's
    -- (dataset, indicator) range for the counterpart, some forty thousand entries.
    WITH inward AS MATERIALIZED (
      SELECT id, dataset_id, counterpart_area AS partner, sex FROM series
      WHERE indicator_id = ${indicatorId} AND ref_area = ${code}),
    outward AS MATERIALIZED (
      SELECT id, dataset_id, ref_area AS partner, sex FROM series
      WHERE indicator_id = ${indicatorId} AND counterpart_area = ${code} AND ref_area <> ${code}),
    obs AS (
      SELECT 'in' AS direction, s.partner, s.sex, o.period, o.period_start, o.value
      FROM inward s JOIN observation o ON o.series_id = s.id WHERE s.dataset_id = ${datasetId}
      UNION ALL
      SELECT 'out', s.partner, s.sex, o.period, o.period_start, o.value
      FROM outward s JOIN observation o ON o.series_id = s.id WHERE s.dataset_id = ${datasetId}
    ),
    latest AS (
      SELECT direction, period_start, dense_rank() OVER (PARTITION BY direction ORDER BY period_start DESC)::int AS recency
      FROM (SELECT DISTINCT direction, period_start FROM obs) p)
    SELECT o.direction, o.period, o.sex, NULL::text AS partner, sum(o.value)::float8 AS value, NULL::int AS recency
    FROM obs o
    WHERE o.partner IS NULL OR NOT EXISTS (SELECT 1 FROM area a WHERE a.code = o.partner AND a.kind = 'aggregate')
    GROUP BY o.direction, o.period, o.period_start, o.sex
    UNION ALL
    SELECT o.direction, o.period, o.sex, o.partner, sum(o.value)::float8, l.recency
    FROM obs o JOIN latest l ON l.direction = o.direction AND l.period_start = o.period_start AND l.recency <= 2
    WHERE o.partner IS NOT NULL
    GROUP BY o.direction, o.period, o.sex, o.partner, l.recency
    ORDER BY 1, 2, 3, 4 NULLS FIRST`.execute(db);
  return rows;
}

/**
 * Plain country series (no counterpart, no extra dimensions, both sexes) of the given indicators
 * for one area, in every dataset that has them: flows, GDP, population.
 */
export async function findAreaSeries(db: Queryable, code: string, indicatorIds: string[]) {
  const { rows } = await sql<{
    dataset_id: string;
    indicator_id: string;
    period: string;
    value: number;
    status: string;
  }>`
    SELECT s.dataset_id, s.indicator_id, o.period, o.value::float8 AS value, o.status
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id IN (${sql.join(indicatorIds)}) AND s.ref_area = ${code}
      AND s.counterpart_area IS NULL AND s.sex = '_T' AND s.dims_key = ''
    ORDER BY s.dataset_id, s.indicator_id, o.period_start`.execute(db);
  return rows;
}

/** Bilateral values into one area (area = reference, partners = counterparts), every dataset, every period. */
export async function findBilateralInto(db: Queryable, indicatorId: string, code: string) {
  const { rows } = await sql<{ dataset_id: string; partner: string; period: string; value: number }>`
    SELECT s.dataset_id, s.counterpart_area AS partner, o.period, sum(o.value)::float8 AS value
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id = ${indicatorId} AND s.ref_area = ${code} AND s.counterpart_area IS NOT NULL
    GROUP BY s.dataset_id, s.counterpart_area, o.period
    ORDER BY s.dataset_id, o.period, value DESC`.execute(db);
  return rows;
}

/** Corridor series of an indicator touching one area, on either side, with their dimension filter. */
export async function findCorridorsTouching(
  db: Queryable,
  indicatorId: string,
  code: string,
  dims: Record<string, string>,
) {
  const { rows } = await sql<{
    dataset_id: string;
    ref_area: string;
    counterpart_area: string;
    period: string;
    value: number;
  }>`
    SELECT s.dataset_id, s.ref_area, s.counterpart_area, o.period, o.value::float8 AS value,
           o.period_start::text AS period_start
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id = ${indicatorId} AND s.ref_area = ${code} AND s.counterpart_area IS NOT NULL
      AND s.sex = '_T' AND s.dims @> ${JSON.stringify(dims)}::jsonb
    UNION ALL
    SELECT s.dataset_id, s.ref_area, s.counterpart_area, o.period, o.value::float8, o.period_start::text
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id = ${indicatorId} AND s.counterpart_area = ${code} AND s.ref_area <> ${code}
      AND s.sex = '_T' AND s.dims @> ${JSON.stringify(dims)}::jsonb
    ORDER BY 1, 2, 3, 6`.execute(db);
  return rows;
}

/**
 * Displacement around one area, summed by side, period and group: `from` people of the area's
 * origin elsewhere, `hosted` people of other origins in it, `within` both the area. Partner rows
 * (country of asylum, country of origin) are for the latest period of each side only. `place`:
 * whether the area is a place people can be displaced within (a country or territory); UNHCR's
 * "unknown" (OOO) as both asylum and origin (1999: 1,027,400 asylum-seekers) is no displacement
 * within a country, and counts as hosted there, where the figures put them.
 */
export async function findDisplacementAround(db: Queryable, indicatorId: string, code: string, place: boolean) {
  const { rows } = await sql<{
    dataset_id: string;
    side: 'from' | 'hosted' | 'within';
    period: string;
    grp: string;
    partner: string | null;
    value: number;
    status: string;
  }>`
    WITH obs AS (
      SELECT s.dataset_id,
             CASE WHEN s.counterpart_area = ${code} AND ${place} THEN 'within' ELSE 'hosted' END AS side,
             s.counterpart_area AS partner, coalesce(s.dims->>'group', '_T') AS grp,
             o.period, o.period_start, o.value, o.status
      FROM series s JOIN observation o ON o.series_id = s.id
      WHERE s.indicator_id = ${indicatorId} AND s.ref_area = ${code} AND s.sex = '_T'
      UNION ALL
      SELECT s.dataset_id, 'from', s.ref_area, coalesce(s.dims->>'group', '_T'), o.period, o.period_start, o.value,
             o.status
      FROM series s JOIN observation o ON o.series_id = s.id
      WHERE s.indicator_id = ${indicatorId} AND s.counterpart_area = ${code} AND s.ref_area <> ${code}
        AND s.sex = '_T'
    ),
    latest AS (SELECT dataset_id, side, max(period_start) AS period_start FROM obs GROUP BY dataset_id, side)
    SELECT dataset_id, side, period, grp, NULL::text AS partner, sum(value)::float8 AS value,
           string_agg(DISTINCT status, '' ORDER BY status) AS status
    FROM obs GROUP BY dataset_id, side, period, period_start, grp
    UNION ALL
    SELECT o.dataset_id, o.side, o.period, o.grp, o.partner, sum(o.value)::float8,
           string_agg(DISTINCT o.status, '' ORDER BY o.status)
    FROM obs o JOIN latest l ON l.dataset_id = o.dataset_id AND l.side = o.side AND l.period_start = o.period_start
    WHERE o.side <> 'within'
    GROUP BY o.dataset_id, o.side, o.period, o.grp, o.partner
    ORDER BY 1, 2, 3, 4, 5 NULLS FIRST`.execute(db);
  return rows;
}

/**
 * Makes the planner keep to index scans for the rest of the caller's transaction: the analytics
 * read a few hundred rows per question, and parallel workers cost more to start than they save.
 */
export async function preferSerialPlans(trx: Queryable): Promise<void> {
  await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
}

/** Every value of an indicator for one reference area with its extra dimensions (DIOC cross-tables). */
export async function findDimensionedValues(db: Queryable, indicatorId: string, code: string) {
  const { rows } = await sql<{
    dataset_id: string;
    sex: string;
    counterpart_area: string | null;
    dims: Record<string, string>;
    period: string;
    value: number;
  }>`
    SELECT s.dataset_id, s.sex, s.counterpart_area, s.dims, o.period, o.value::float8 AS value
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id = ${indicatorId} AND s.ref_area = ${code}
    ORDER BY s.dataset_id, o.period_start`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Corridor
// ---------------------------------------------------------------------------------------------

/**
 * Every observation of the given indicators between two areas, in both directions (reference =
 * destination or receiver, counterpart = origin or sender): two index scans, one round trip.
 */
export async function findCorridorObservations(db: Queryable, a: string, b: string, indicatorIds: string[]) {
  const { rows } = await sql<{
    dataset_id: string;
    indicator_id: string;
    ref_area: string;
    counterpart_area: string;
    sex: string;
    dims: Record<string, string>;
    period: string;
    value: number;
    status: string;
    flags: string | null;
  }>`
    SELECT s.dataset_id, s.indicator_id, s.ref_area, s.counterpart_area, s.sex, s.dims, o.period,
           o.value::float8 AS value, o.status, s.dims_key, o.period_start::text AS period_start, o.flags
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id IN (${sql.join(indicatorIds)}) AND s.ref_area = ${b} AND s.counterpart_area = ${a}
    UNION ALL
    SELECT s.dataset_id, s.indicator_id, s.ref_area, s.counterpart_area, s.sex, s.dims, o.period,
           o.value::float8, o.status, s.dims_key, o.period_start::text, o.flags
    FROM series s JOIN observation o ON o.series_id = s.id
    WHERE s.indicator_id IN (${sql.join(indicatorIds)}) AND s.ref_area = ${a} AND s.counterpart_area = ${b}
      AND ${a} <> ${b}
    ORDER BY 1, 2, 3, 10, 11, 5`.execute(db);
  return rows;
}
