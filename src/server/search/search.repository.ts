import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { UiLanguage } from '../../core/languages.js';
import type { DB } from '../db/schema.js';
import { HIT_END, HIT_START, type AnalysedWord } from './search.text.js';

/**
 * The queries of the platform-wide search (the index itself is written by search.indexer.ts).
 * Every query casts what the engines return differently (::int, ::float8), so PGlite and
 * PostgreSQL give identical rows.
 */

/** The text search configuration of each UI language (migrations/20261122T1400_library.sql). */
export const TS_CONFIG: Record<UiLanguage, string> = { en: 'bridges_en', fr: 'bridges_fr', es: 'bridges_es' };

/** Which documents a search matches: a tsquery (none when browsing) and facet filters. */
export interface Match {
  tsquery: string | null;
  /** One list per filtered facet, of facet values such as 'kind:programme': OR within a list, AND across. */
  filters: string[][];
}

function matchCondition(match: Match): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (match.tsquery !== null) parts.push(sql<SqlBool>`d.tsv @@ ${match.tsquery}::tsquery`);
  for (const values of match.filters) parts.push(sql<SqlBool>`d.facets && ${values}::text[]`);
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`true`;
}

/**
 * How PostgreSQL reads each query word: its lexemes in the request language's configuration, in
 * English and as a plain name; and the query's title key (as bridges_search_key makes title_key).
 */
export async function analyseQueryWords(
  db: Kysely<DB>,
  words: string[],
  q: string,
  lang: UiLanguage,
): Promise<{ words: AnalysedWord[]; key: string }> {
  const { rows } = await sql<{
    word: string;
    lang_forms: string[];
    en_forms: string[];
    simple_forms: string[];
    key: string | null;
  }>`
    SELECT w AS word,
           tsvector_to_array(to_tsvector(${TS_CONFIG[lang]}::regconfig, w)) AS lang_forms,
           tsvector_to_array(to_tsvector('bridges_en', w)) AS en_forms,
           tsvector_to_array(to_tsvector('bridges_simple', w)) AS simple_forms,
           bridges_search_key(${q}) AS key
    FROM unnest(${words}::text[]) WITH ORDINALITY AS x(w, i)
    ORDER BY i`.execute(db);
  return {
    words: rows.map((r) => ({
      word: r.word,
      langForms: r.lang_forms,
      enForms: r.en_forms,
      simpleForms: r.simple_forms,
    })),
    key: rows[0]?.key ?? '',
  };
}

/** For each one-word tsquery, whether any document matches it. */
export async function findWordsWithMatches(db: Kysely<DB>, tsqueries: string[]): Promise<boolean[]> {
  if (tsqueries.length === 0) return [];
  // NOTE: each word's matches are a MATERIALIZED CTE, planned without the LIMIT 1 of EXISTS: the
  // planner then uses the GIN index instead of reading documents until one matches, which for a
  // word found nowhere means reading them all. EXISTS still stops at the first row.
  const name = (i: number) => sql.ref(`w${String(i)}`);
  const hits = tsqueries.map(
    (q, i) => sql`${name(i)} AS MATERIALIZED (SELECT 1 FROM search_document d WHERE d.tsv @@ ${q}::tsquery)`,
  );
  const checks = tsqueries.map((_, i) => sql`EXISTS (SELECT 1 FROM ${name(i)}) AS ${name(i)}`);
  const { rows } = await sql<Record<string, boolean>>`
    WITH ${sql.join(hits)} SELECT ${sql.join(checks)}`.execute(db);
  return tsqueries.map((_, i) => rows[0]?.[`w${String(i)}`] === true);
}

/**
 * For each word, the lexicon word closest to it by trigram similarity (at least pg_trgm's
 * default threshold, 0.3); ties go to the word in more documents. Null when none is close.
 */
export async function findClosestLexiconWords(db: Kysely<DB>, words: string[]): Promise<(string | null)[]> {
  const { rows } = await sql<{ suggestion: string | null }>`
    SELECT s.word AS suggestion
    FROM unnest(${words}::text[]) WITH ORDINALITY AS x(w, i)
    LEFT JOIN LATERAL (
      SELECT sw.word
      FROM search_word sw
      WHERE length(x.w) >= 3 AND sw.word % x.w AND sw.word <> x.w
      ORDER BY similarity(sw.word, x.w) DESC, sw.ndoc DESC, sw.word
      LIMIT 1
    ) s ON true
    ORDER BY x.i`.execute(db);
  return rows.map((r) => r.suggestion);
}

/** The index's generation: it changes, in the same transaction, with every change to the index. */
export async function findIndexGeneration(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ generation: string }>`
    SELECT generation::text AS generation FROM search_index_state`.execute(db);
  return rows[0]?.generation ?? '';
}

/** Documents holding every word in a title, acronym or name (lexemes of weight A, by their own index). */
function inTitle(titleTsquery: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`ts_filter(d.tsv, '{a}') @@ ${titleTsquery}::tsquery`;
}

/** How many matching documents hold every word in their title, counting no further than `cap`. */
export async function countTitleMatches(
  db: Kysely<DB>,
  match: Match,
  titleTsquery: string,
  cap: number,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n
    FROM (SELECT 1 FROM search_document d WHERE ${matchCondition(match)} AND ${inTitle(titleTsquery)} LIMIT ${cap}) x`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

export interface PageRequest {
  match: Match;
  /** Every query word (stop words included), unweighted: matched against the title lexemes. */
  titleTsquery: string | null;
  /**
   * Rank only the documents with every word in a title: right when at least offset + limit of
   * them match, as a title match always ranks above a body match.
   */
  titleMatchesOnly: boolean;
  /** The whole query as bridges_search_key() writes title_key. */
  titleKey: string;
  lang: UiLanguage;
  limit: number;
  offset: number;
}

export interface PageRow {
  type: 'record' | 'organisation' | 'study' | 'country' | 'dataset';
  id: string;
  title: string;
  subtitle: string | null;
  /** The summary excerpt with matches marked (HIT_START…HIT_END); the whole summary when browsing. */
  snippet: string | null;
  score: number;
}

/**
 * One page of matching documents, best first. The score is a tier (3: the title is the query;
 * 2: the title starts with it; 1: every word is in a title; 0: elsewhere) plus ts_rank scaled
 * into [0, 1), so tiers never mix. Without a query, by title. Only the page's rows get an
 * excerpt (ts_headline on the summary in the request's language, else in English).
 */
export async function findResultPage(db: Kysely<DB>, page: PageRequest): Promise<PageRow[]> {
  const { match, lang } = page;
  const ranked = match.tsquery !== null && page.titleTsquery !== null;
  const titleLang = sql.ref(`d.title_${lang}`);
  const summaryLang = sql.ref(`d.summary_${lang}`);
  const score = ranked
    ? sql`round((CASE WHEN d.title_key = ${page.titleKey} THEN 3
                      WHEN d.title_key LIKE ${page.titleKey} || '%' THEN 2
                      WHEN ${inTitle(page.titleTsquery ?? '')} THEN 1
                      ELSE 0 END
                 + ts_rank(d.tsv, ${match.tsquery}::tsquery, 32))::numeric, 6)::float8`
    : sql`0::float8`;
  const where =
    ranked && page.titleMatchesOnly
      ? sql`${matchCondition(match)} AND ${inTitle(page.titleTsquery ?? '')}`
      : matchCondition(match);
  const order = (alias: string) => {
    const t = sql.raw(alias);
    return ranked ? sql`${t}.score DESC, ${t}.title_key, ${t}.type, ${t}.id` : sql`${t}.title_key, ${t}.type, ${t}.id`;
  };
  const snippet = ranked
    ? sql`ts_headline(CASE WHEN p.summary_lang IS NULL THEN 'bridges_en' ELSE ${TS_CONFIG[lang]} END::regconfig,
                      translate(coalesce(p.summary_lang, p.summary_en), ${HIT_START + HIT_END}, ''),
                      ${match.tsquery}::tsquery,
                      ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`coalesce(p.summary_lang, p.summary_en)`;
  const { rows } = await sql<PageRow>`
    SELECT p.type, p.id, p.title, p.subtitle, ${snippet} AS snippet, p.score
    FROM (
      SELECT s.* FROM (
        SELECT d.type, d.id, d.title_key,
               coalesce(${titleLang}, d.title_en) AS title,
               coalesce(d.subtitle ->> ${lang}::text, d.subtitle ->> 'en') AS subtitle,
               ${summaryLang} AS summary_lang, d.summary_en,
               ${score} AS score
        FROM search_document d
        WHERE ${where}
      ) s
      ORDER BY ${order('s')}
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) p
    ORDER BY ${order('p')}`.execute(db);
  return rows;
}

/**
 * How many matching documents carry each facet value ('theme:diaspora'): one pass over the
 * matching documents' facet arrays. Every document has one 'type:' value, so those counts add up
 * to the number of matches.
 */
export async function countFacetValues(db: Kysely<DB>, match: Match): Promise<Map<string, number>> {
  const { rows } = await sql<{ value: string; n: number }>`
    SELECT f AS value, count(*)::int AS n
    FROM search_document d, unnest(d.facets) f
    WHERE ${matchCondition(match)}
    GROUP BY f`.execute(db);
  return new Map(rows.map((r) => [r.value, r.n]));
}

/** The short names of areas in a language (English when it has none), for facet labels. */
export async function findAreaNames(db: Kysely<DB>, codes: string[], lang: UiLanguage) {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ code: string; name: string }>`
    SELECT a.code, coalesce(min(n.name), a.name_en) AS name
    FROM area a
    LEFT JOIN area_name n ON n.area_code = a.code AND n.lang = ${lang} AND n.name_type = 'short'
    WHERE a.code = ANY(${codes}::text[])
    GROUP BY a.code, a.name_en`.execute(db);
  return rows;
}

/** The names of UN M49 regions and sub-regions (the reference data has them in English). */
export async function findRegionNames(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('m49_region').select(['code', 'name_en as name']).where('code', 'in', codes).execute();
}
