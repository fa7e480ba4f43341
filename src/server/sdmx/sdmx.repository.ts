import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { isoTimestamp, observationEndSql } from '../db/sql.js';

/**
 * The only SQL of the SDMX interface: which (dataset, indicator) pairs exist, their dimensions,
 * and the series and observations a data query selects. Text is compared and sorted with
 * COLLATE "C" so both engines order codes alike; every value comes back as JSON-safe text or
 * float8.
 */

/** Each dataset edition and indicator that has at least one series: the dataflows. */
export async function findDatasetIndicatorPairs(db: Kysely<DB>) {
  const result = await sql<{ dataset_id: string; indicator_id: string; sexes: string; freqs: string }>`
    SELECT s.dataset_id, s.indicator_id,
           string_agg(DISTINCT s.sex, ',' ORDER BY s.sex) AS sexes,
           string_agg(DISTINCT s.freq, ',' ORDER BY s.freq) AS freqs
    FROM series s
    GROUP BY s.dataset_id, s.indicator_id
    ORDER BY s.dataset_id COLLATE "C", s.indicator_id COLLATE "C"`.execute(db);
  return result.rows;
}
export type DatasetIndicatorPair = Awaited<ReturnType<typeof findDatasetIndicatorPairs>>[number];

/** The sexes and frequencies of one dataset edition and indicator; undefined when it has no series. */
export async function findDatasetIndicatorPair(db: Kysely<DB>, datasetId: string, indicatorId: string) {
  const result = await sql<{ dataset_id: string; indicator_id: string; sexes: string; freqs: string }>`
    SELECT s.dataset_id, s.indicator_id,
           string_agg(DISTINCT s.sex, ',' ORDER BY s.sex) AS sexes,
           string_agg(DISTINCT s.freq, ',' ORDER BY s.freq) AS freqs
    FROM series s
    WHERE s.dataset_id = ${datasetId} AND s.indicator_id = ${indicatorId}
    GROUP BY s.dataset_id, s.indicator_id`.execute(db);
  return result.rows[0];
}

export async function findDatasetIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('dataset').select('id').execute();
  return rows.map((r) => r.id);
}

/** What a dataflow tells about its source: the edition's bibliographic record. */
export async function findDatasets(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('dataset')
    .select([
      'id',
      'family',
      'title',
      'publisher',
      'edition',
      sql<string | null>`to_char(release_date, 'YYYY-MM-DD')`.as('release_date'),
      'licence',
      'source_url',
      'citation',
      'method_notes',
      'caveats',
      'provenance',
      isoTimestamp('loaded_at').as('loaded_at'),
    ])
    .where('id', 'in', ids)
    .execute();
}
export type DatasetRow = Awaited<ReturnType<typeof findDatasets>>[number];

export async function findIndicators(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('indicator')
    .select(['id', 'name', 'unit', 'description', 'measure_type', 'topic'])
    .where('id', 'in', ids)
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof findIndicators>>[number];

/**
 * The keys of the source's own dimensions (`dims`) in one dataflow, each with its values; a null
 * value means some series lack the key.
 */
export async function findDimsValues(db: Kysely<DB>, datasetId: string, indicatorId: string) {
  const result = await sql<{ key: string; value: string | null }>`
    WITH flow AS (
      SELECT s.dims FROM series s WHERE s.dataset_id = ${datasetId} AND s.indicator_id = ${indicatorId}
    ), keys AS (
      SELECT DISTINCT jsonb_object_keys(flow.dims) AS key FROM flow
    )
    SELECT d.key, d.value
    FROM (SELECT DISTINCT keys.key, flow.dims ->> keys.key AS value FROM keys CROSS JOIN flow) d
    ORDER BY d.key COLLATE "C", d.value COLLATE "C" NULLS FIRST`.execute(db);
  return result.rows;
}

/** Every area with its English name and its short names in the UN languages, in code order. */
export async function findAreaNames(db: Kysely<DB>) {
  const result = await sql<{ code: string; name_en: string; lang: string | null; name: string | null }>`
    SELECT a.code, a.name_en, n.lang, n.name
    FROM area a
    LEFT JOIN area_name n ON n.area_code = a.code AND n.name_type = 'short'
    ORDER BY a.code COLLATE "C", n.lang COLLATE "C", n.name COLLATE "C"`.execute(db);
  return result.rows;
}

/** The dimensions a data query filters on, as codes; `null` in an area list means "no counterpart". */
export interface SeriesFilter {
  datasetId: string;
  indicatorId: string;
  freq?: string[];
  refArea?: string[];
  counterpartArea?: (string | null)[];
  sex?: string[];
  /** The source's own dimensions, in data-structure order; `null` in codes means "key absent". */
  dims: { key: string; codes?: (string | null)[] }[];
}

/** Which observations of the selected series: a date span (end exclusive) and the first or last N. */
export interface ObservationFilter {
  start?: string;
  end?: string;
  firstN?: number;
  lastN?: number;
}

/** SQL twin of `codeOfDimsValue` (sdmx-key.ts): the SDMX code of a `dims` value. */
function codeOfDimsValueSql(value: RawBuilder<string | null>): RawBuilder<string | null> {
  return sql<string | null>`CASE WHEN ${value} ~ '^[A-Za-z0-9_@$-]+$' THEN ${value}
    ELSE regexp_replace(${value}, '[^A-Za-z0-9_@$-]', '_', 'g') || '_' || left(md5(${value}), 6) END`;
}

function inListOrNull(column: RawBuilder<string | null>, codes: (string | null)[]): RawBuilder<SqlBool> {
  const values = codes.filter((c): c is string => c !== null);
  const parts: RawBuilder<SqlBool>[] = [];
  if (values.length) parts.push(sql<SqlBool>`${column} = ANY(${values}::text[])`);
  if (values.length < codes.length) parts.push(sql<SqlBool>`${column} IS NULL`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

function seriesConditions(f: SeriesFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [
    sql<SqlBool>`s.dataset_id = ${f.datasetId}`,
    sql<SqlBool>`s.indicator_id = ${f.indicatorId}`,
  ];
  if (f.freq) c.push(sql<SqlBool>`s.freq = ANY(${f.freq}::text[])`);
  if (f.refArea) c.push(sql<SqlBool>`s.ref_area = ANY(${f.refArea}::text[])`);
  if (f.counterpartArea) c.push(inListOrNull(sql`s.counterpart_area`, f.counterpartArea));
  if (f.sex) c.push(sql<SqlBool>`s.sex = ANY(${f.sex}::text[])`);
  for (const d of f.dims) {
    if (d.codes) c.push(inListOrNull(codeOfDimsValueSql(sql`s.dims ->> ${d.key}`), d.codes));
  }
  return c;
}

/** Observation periods overlapping [start, end): annual, half-year and quarter lengths from the period text. */
function periodConditions(f: ObservationFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (f.end) c.push(sql<SqlBool>`o.period_start < ${f.end}::date`);
  if (f.start) c.push(sql<SqlBool>`${observationEndSql} > ${f.start}::date`);
  return c;
}

function and(conditions: Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` AND `)}` : sql<SqlBool>`true`;
}

/**
 * Which load of its dataset edition a flow's rows belong to: when the edition was loaded, to the
 * microsecond; null once it is gone. An import replaces an edition whole (new series, new
 * loaded_at, in one transaction), so rows read at one version are all of one load.
 */
function flowVersionSql(datasetId: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT to_char(d.loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
    FROM dataset d WHERE d.id = ${datasetId})`;
}

/** Series ids as one comma-separated text ('' or null: none). */
function idList(text: string | null): number[] {
  return text ? text.split(',').map(Number) : [];
}

/**
 * The series a data query's key selects, in key order (FREQ, REF_AREA, COUNTERPART_AREA, SEX,
 * then the source's dimensions), and the version of the flow they were read at, in one
 * statement. NOTE: the ids come back as one text, not a row each: PGlite hands 19,000 rows to
 * JavaScript in 100-300 ms, blocking the server meanwhile, and one text of them in about 25.
 */
export async function findSeriesInKeyOrder(
  db: Kysely<DB>,
  series: SeriesFilter,
): Promise<{ version: string | null; ids: number[] }> {
  const order = [
    sql`s.freq COLLATE "C"`,
    sql`s.ref_area COLLATE "C"`,
    sql`s.counterpart_area COLLATE "C" NULLS FIRST`,
    sql`s.sex COLLATE "C"`,
    ...series.dims.map((d) => sql`s.dims ->> ${d.key} COLLATE "C" NULLS FIRST`),
    sql`s.id`,
  ];
  const result = await sql<{ version: string | null; ids: string | null }>`
    SELECT ${flowVersionSql(series.datasetId)} AS version,
           (SELECT string_agg(s.id::text, ',' ORDER BY ${sql.join(order)})
            FROM series s
            WHERE ${and(seriesConditions(series))}) AS ids`.execute(db);
  const row = result.rows[0];
  return { version: row?.version ?? null, ids: idList(row?.ids ?? null) };
}

/**
 * How many observations each of some series of a flow has in the period (series with none are
 * left out), read at the flow's version in one statement; null when the flow is no longer at
 * that version.
 */
export async function countObservationsAt(
  db: Kysely<DB>,
  datasetId: string,
  version: string,
  seriesIds: number[],
  f: ObservationFilter,
): Promise<Map<number, number> | null> {
  const where = and([sql<SqlBool>`o.series_id = ANY(${seriesIds}::int[])`, ...periodConditions(f)]);
  const result = await sql<{ version: string | null; counts: string | null }>`
    SELECT ${flowVersionSql(datasetId)} AS version,
           (SELECT string_agg(x.series_id || ':' || x.n, ',')
            FROM (SELECT o.series_id, count(*) AS n FROM observation o WHERE ${where} GROUP BY o.series_id) x) AS counts`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row || row.version !== version) return null;
  const counts = new Map<number, number>();
  for (const pair of row.counts ? row.counts.split(',') : []) {
    const [id, n] = pair.split(':');
    counts.set(Number(id), Number(n));
  }
  return counts;
}

/** Whether any series of the flow matches the filter (whatever its periods): one index probe. */
export async function anySeriesMatches(db: Kysely<DB>, series: SeriesFilter): Promise<boolean> {
  const result = await sql<{ found: number }>`
    SELECT 1 AS found FROM series s WHERE ${and(seriesConditions(series))} LIMIT 1`.execute(db);
  return result.rows.length > 0;
}

/**
 * The values of every series of a flow (a dataset edition's indicator) whose reference area is one
 * of `refAreas`, at the periods named, read at the flow's version in one statement: what says
 * whether a destination's figure only repeats the period before's. Null when the flow is no
 * longer at that version. A few hundred rows (a destination's partners by sex, at two periods).
 */
export async function findValuesAtPeriodsAt(
  db: Kysely<DB>,
  datasetId: string,
  indicatorId: string,
  version: string,
  refAreas: readonly string[],
  periods: readonly string[],
): Promise<{ series: number; refArea: string; period: string; value: number }[] | null> {
  const result = await sql<{ version: string | null; figures: string | null }>`
    SELECT ${flowVersionSql(datasetId)} AS version,
           (SELECT json_agg(json_build_array(s.id, s.ref_area, o.period, o.value::float8) ORDER BY s.id, o.period_start)
            FROM series s JOIN observation o ON o.series_id = s.id
            WHERE s.dataset_id = ${datasetId} AND s.indicator_id = ${indicatorId}
              AND s.ref_area = ANY(${[...refAreas]}::text[]) AND o.period = ANY(${[...periods]}::text[]))::text AS figures`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row || row.version !== version) return null;
  const list = JSON.parse(row.figures ?? '[]') as [number, string, string, number][];
  return list.map(([series, refArea, period, value]) => ({ series, refArea, period, value }));
}

/** One series as the writers need it: its codes and source dimensions, and its observations. */
export interface SeriesRow {
  id: number;
  freq: string;
  ref_area: string;
  counterpart_area: string | null;
  sex: string;
  dims: Record<string, string>;
  /** In the period, earliest first; empty when they were not asked for. */
  observations: ObservationRow[];
}

/** One observation as the writers need it. */
export interface ObservationRow {
  period: string;
  value: number;
  status: string;
  flags: string | null;
}

/**
 * Some series of a flow with their observations in the period, earliest first, keeping only the
 * first or last N of each (both: the first N and the last N, which may overlap), read at the
 * flow's version in one statement; null when the flow is no longer at that version. NOTE: the
 * whole chunk comes back as one JSON text, not a row per series or observation: on PGlite that
 * reads a dataflow several times faster, and PostgreSQL prints float8 in JSON with the same
 * shortest exact digits on both engines.
 */
export async function findSeriesWithObservationsAt(
  db: Kysely<DB>,
  datasetId: string,
  version: string,
  seriesIds: number[],
  f: ObservationFilter,
  withObservations: boolean,
): Promise<SeriesRow[] | null> {
  const limits: RawBuilder<SqlBool>[] = [];
  if (f.firstN !== undefined) limits.push(sql<SqlBool>`x.from_first <= ${f.firstN}`);
  if (f.lastN !== undefined) limits.push(sql<SqlBool>`x.from_last <= ${f.lastN}`);
  const ranks = limits.length
    ? sql`, row_number() OVER (ORDER BY o.period_start) AS from_first,
            row_number() OVER (ORDER BY o.period_start DESC) AS from_last`
    : sql``;
  const observations = withObservations
    ? sql`(SELECT coalesce(json_agg(json_build_array(x.period, x.value, x.status, x.flags) ORDER BY x.period_start), '[]')
           FROM (SELECT o.period, o.period_start, o.value::float8 AS value, o.status, o.flags ${ranks}
                 FROM observation o
                 WHERE ${and([sql<SqlBool>`o.series_id = s.id`, ...periodConditions(f)])}) x
           WHERE ${limits.length ? sql.join(limits, sql` OR `) : sql`true`})`
    : sql`'[]'::json`;
  const result = await sql<{ version: string | null; series: string | null }>`
    SELECT ${flowVersionSql(datasetId)} AS version,
           (SELECT json_agg(json_build_array(s.id, s.freq, s.ref_area, s.counterpart_area, s.sex, s.dims, ${observations}))
            FROM series s
            WHERE s.id = ANY(${seriesIds}::int[]))::text AS series`.execute(db);
  const row = result.rows[0];
  if (!row || row.version !== version) return null;
  const list = JSON.parse(row.series ?? '[]') as [
    number,
    string,
    string,
    string | null,
    string,
    Record<string, string>,
    [string, number, string, string | null][],
  ][];
  return list.map(([id, freq, ref_area, counterpart_area, sex, dims, obs]) => ({
    id,
    freq,
    ref_area,
    counterpart_area,
    sex,
    dims,
    observations: obs.map(([period, value, status, flags]) => ({ period, value, status, flags })),
  }));
}
