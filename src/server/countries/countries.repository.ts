import { sql, type Kysely } from 'kysely';
import type { AreaKind, IncomeGroup } from '../../core/countries.js';
import type { DatasetTable, DB } from '../db/schema.js';

export { DataVersionCheck } from '../db/sql.js';

/** The only code that queries the reference tables; every query returns plain JSON-safe values. */

export interface AreaFilter {
  codes?: string[];
  /** One kind; `any`: every kind, publisher aggregates included; none: every kind but aggregates. */
  kind?: AreaKind | 'any';
  regionCode?: string;
  subregionCode?: string;
  incomeGroup?: IncomeGroup;
  fiscalYear: number;
}

export async function findAreasWithIncome(db: Kysely<DB>, filter: AreaFilter) {
  let query = db
    .selectFrom('area as a')
    .leftJoin('income_classification as ic', (join) =>
      join.onRef('ic.area_code', '=', 'a.code').on('ic.fiscal_year', '=', filter.fiscalYear),
    )
    .leftJoin('m49_region as r', 'r.code', 'a.region_code')
    .leftJoin('m49_region as s', 's.code', 'a.subregion_code')
    .leftJoin('m49_region as i', 'i.code', 'a.intermediate_code')
    .select([
      'a.code',
      'a.kind',
      'a.iso2',
      'a.iso_numeric',
      'a.m49',
      'a.name_en',
      'a.wb_region',
      'a.is_ldc',
      'a.is_lldc',
      'a.is_sids',
      'a.note',
      'a.aggregate_publisher',
      'a.region_code',
      'r.name_en as region_name',
      'a.subregion_code',
      's.name_en as subregion_name',
      'a.intermediate_code',
      'i.name_en as intermediate_name',
      'ic.fiscal_year',
      'ic.gni_year',
      'ic.income_group',
      'ic.source_value',
      // Whether any loaded series has it, as reference or counterpart area (one hashed pass over
      // series; with the NULL of a series without counterpart, IN would be NULL, not false, for the rest).
      sql<boolean>`a.code IN (SELECT ref_area FROM series
                             UNION SELECT counterpart_area FROM series WHERE counterpart_area IS NOT NULL)`.as(
        'has_data',
      ),
    ])
    .orderBy('a.name_en');
  if (filter.codes) query = query.where('a.code', 'in', filter.codes.length ? filter.codes : ['']);
  // Publisher aggregates are listed only when asked for by kind: they are not places.
  if (filter.kind === undefined) query = query.where('a.kind', '<>', 'aggregate');
  else if (filter.kind !== 'any') query = query.where('a.kind', '=', filter.kind);
  if (filter.regionCode) query = query.where('a.region_code', '=', filter.regionCode);
  if (filter.subregionCode) query = query.where('a.subregion_code', '=', filter.subregionCode);
  if (filter.incomeGroup) query = query.where('ic.income_group', '=', filter.incomeGroup);
  return query.execute();
}
export type AreaWithIncomeRow = Awaited<ReturnType<typeof findAreasWithIncome>>[number];

/**
 * Codes of the areas one of whose names matches the search text, best first: the whole name,
 * then the start of the name, then the start of any word in it, then a close spelling (trigrams).
 * Case, accents and punctuation are ignored on both sides by bridges_search_key().
 */
export async function searchAreaCodesByName(db: Kysely<DB>, text: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    WITH q AS (SELECT bridges_search_key(${text}) AS k)
    SELECT n.area_code AS code,
           max(CASE
                 WHEN n.search_key = q.k THEN 4
                 WHEN n.search_key LIKE q.k || '%' THEN 3
                 WHEN ' ' || n.search_key LIKE '% ' || q.k || '%' THEN 2
                 ELSE similarity(n.search_key, q.k)
               END)::float8 AS score
    FROM area_name n, q
    WHERE q.k <> ''
      AND (n.search_key LIKE '%' || q.k || '%' OR similarity(n.search_key, q.k) > 0.35)
    GROUP BY n.area_code
    ORDER BY score DESC, n.area_code`.execute(db);
  return result.rows.map((r) => r.code);
}

export async function findNamesOf(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('area_name')
    .select(['area_code', 'lang', 'name_type', 'name'])
    .where('area_code', 'in', codes)
    .orderBy('area_code')
    .orderBy('lang')
    .orderBy('name_type')
    .orderBy('name')
    .execute();
}

export async function findIncomeHistory(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('income_classification')
    .select(['fiscal_year', 'gni_year', 'income_group', 'source_value'])
    .where('area_code', '=', code)
    .orderBy('fiscal_year')
    .execute();
}

export async function findAliasesOf(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('area_code_alias')
    .select(['alias', 'source'])
    .where('area_code', '=', code)
    .orderBy('source')
    .execute();
}

/** Resolves a code a user typed (PHL, phl, or a publisher's alias such as CHI) to an area code. */
export async function resolveAreaCode(db: Kysely<DB>, code: string): Promise<string | undefined> {
  const upper = code.toUpperCase();
  const direct = await db.selectFrom('area').select('code').where('code', '=', upper).executeTakeFirst();
  if (direct) return direct.code;
  const alias = await db
    .selectFrom('area_code_alias')
    .select('area_code')
    .where('alias', '=', upper)
    .orderBy('source')
    .executeTakeFirst();
  return alias?.area_code;
}

/** The area whose ISO 3166-1 alpha-2 code is `iso2`, with its English name; undefined when none. */
export async function findAreaByIso2(db: Kysely<DB>, iso2: string) {
  return db.selectFrom('area').select(['code', 'name_en as name']).where('iso2', '=', iso2).executeTakeFirst();
}

/** The publisher UN DESA's aggregates are stored under (src/server/importers/undesa-totals.ts). */
const UNDESA_PUBLISHER = 'UN DESA';

/**
 * What these M49 codes (three digits: 608, 002) stand for in the reference data: the areas that
 * have them, English name and whether UNTERM writes it with "the" (its "Philippines (the)"), and
 * the M49 regions, with UN DESA's aggregate of each where a loaded dataset brings one.
 */
export async function findM49Meanings(db: Kysely<DB>, codes: readonly string[]) {
  const areas = await db
    .selectFrom('area as a')
    .select([
      'a.m49',
      'a.code',
      'a.name_en as name',
      sql<boolean>`EXISTS (SELECT 1 FROM area_name n
                           WHERE n.area_code = a.code AND n.lang = 'en' AND n.name = a.name_en || ' (the)')`.as(
        'with_the',
      ),
    ])
    .where('a.m49', 'in', codes)
    .execute();
  const regions = await db
    .selectFrom('m49_region as r')
    // NOTE: UN DESA's regions are M49's, numbered by its own location codes (903 for 002 Africa),
    // stored as UNDESA_903 with the M49 name (src/core/un-region-names.ts): found by that name.
    .leftJoin('area as g', (join) =>
      join
        .on('g.kind', '=', 'aggregate')
        .on('g.aggregate_publisher', '=', UNDESA_PUBLISHER)
        .on(sql`lower(g.name_en)`, '=', sql`lower(r.name_en)`),
    )
    .select(['r.code', 'r.name_en as name', 'r.level', 'g.code as undesa_aggregate'])
    .where('r.code', 'in', codes)
    .execute();
  return { areas, regions };
}

export async function findM49Regions(db: Kysely<DB>) {
  return db.selectFrom('m49_region').select(['code', 'name_en', 'level', 'parent_code']).orderBy('name_en').execute();
}

export async function findFiscalYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('income_classification')
    .select('fiscal_year')
    .distinct()
    .orderBy('fiscal_year')
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/**
 * The datasets whose series name each of these areas (as reference or counterpart area), with
 * what a citation needs: where a publisher's aggregate comes from. One row per area and dataset.
 */
export async function findDatasetsCarrying(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  type Cited = 'id' | 'family' | 'title' | 'publisher' | 'edition' | 'release_date' | 'licence' | 'source_url';
  const result = await sql<Pick<DatasetTable, Cited | 'citation' | 'caveats'> & { area_code: string }>`
    WITH carried AS (
      SELECT ref_area AS area_code, dataset_id FROM series WHERE ref_area IN (${sql.join(codes)})
      UNION
      SELECT counterpart_area, dataset_id FROM series WHERE counterpart_area IN (${sql.join(codes)})
    )
    SELECT c.area_code, d.id, d.family, d.title, d.publisher, d.edition, d.release_date::text AS release_date,
           d.licence, d.source_url, d.citation, d.caveats
    FROM carried c JOIN dataset d ON d.id = c.dataset_id
    ORDER BY c.area_code, d.id`.execute(db);
  return result.rows;
}
