import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { UiLanguage } from '../../core/languages.js';
import type { DB } from '../db/schema.js';
import { allLexemes, HIT_END, HIT_START, type AnalysedWord } from './search.text.js';

/**
 * The queries of the platform-wide search (the index itself is written by search.indexer.ts).
 * Every query casts what the engines return differently (::int, ::float8), so PGlite and
 * PostgreSQL give identical rows.
 */

/** The text search configuration of each UI language (migrations/20261122T1400_library.sql). */
export const TS_CONFIG: Record<UiLanguage, string> = { en: 'bridges_en', fr: 'bridges_fr', es: 'bridges_es' };

/**
 * A last word completes to at most this many lexemes to be searched as those lexemes rather than
 * as a prefix (see search.text.ts, buildTsquery).
 */
const MAX_COMPLETIONS = 8;

/** Which documents a search matches: a tsquery (none when browsing) and facet filters. */
export interface Match {
  tsquery: string | null;
  /** One list per filtered facet, of facet values such as 'kind:programme': OR within a list, AND across. */
  filters: string[][];
}

function matchCondition(match: Match, options: { words?: boolean; filters?: boolean } = {}): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (match.tsquery !== null && options.words !== false) parts.push(sql<SqlBool>`d.tsv @@ ${match.tsquery}::tsquery`);
  if (options.filters !== false) parts.push(...match.filters.map(filterCondition));
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`true`;
}

/**
 * One facet filter. NOTE: the type is tested on its column, not on the facets' GIN index: nearly
 * every document is a record, and reading the index entry of 'type:record' costs more than all
 * the rest of a search.
 */
function filterCondition(values: string[]): RawBuilder<SqlBool> {
  if (values.every((v) => v.startsWith('type:'))) {
    return sql<SqlBool>`d.type = ANY(${values.map((v) => v.slice('type:'.length))}::text[])`;
  }
  return sql<SqlBool>`d.facets && ${values}::text[]`;
}

/**
 * How PostgreSQL reads each query word: its lexemes in the request language's configuration, in
 * English and as a plain name, and which of the three languages' configurations drop it as a stop
 * word; and the query's title key (as bridges_search_key makes title_key).
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
    stop_word_of: UiLanguage[];
    completions: Record<string, string[]> | null;
    key: string | null;
  }>`
    WITH x AS (
      SELECT w, i,
             tsvector_to_array(to_tsvector(${TS_CONFIG[lang]}::regconfig, w)) AS lang_forms,
             tsvector_to_array(to_tsvector('bridges_en', w)) AS en_forms,
             tsvector_to_array(to_tsvector('bridges_simple', w)) AS simple_forms,
             array_remove(ARRAY[CASE WHEN length(to_tsvector('bridges_en', w)) = 0 THEN 'en' END,
                                CASE WHEN length(to_tsvector('bridges_fr', w)) = 0 THEN 'fr' END,
                                CASE WHEN length(to_tsvector('bridges_es', w)) = 0 THEN 'es' END], NULL) AS stop_word_of
      FROM unnest(${words}::text[]) WITH ORDINALITY AS u(w, i))
    SELECT w AS word, lang_forms, en_forms, simple_forms, stop_word_of,
           (SELECT jsonb_object_agg(f, c.lexemes)
            FROM (SELECT DISTINCT f FROM unnest(lang_forms || en_forms || simple_forms) f) forms,
                 LATERAL (${lexemesStartingWith(sql.ref('f'))}) c
            WHERE i = ${words.length} AND c.lexemes IS NOT NULL) AS completions,
           bridges_search_key(${q}) AS key
    FROM x
    ORDER BY i`.execute(db);
  return {
    words: rows.map((r) => ({
      word: r.word,
      langForms: r.lang_forms,
      enForms: r.en_forms,
      simpleForms: r.simple_forms,
      stopWordOf: r.stop_word_of,
      ...(r.completions ? { completions: r.completions } : {}),
    })),
    key: rows[0]?.key ?? '',
  };
}

/**
 * The index's lexemes that start with a prefix (the prefix itself included), as an array, when
 * there are at most MAX_COMPLETIONS of them; otherwise NULL. A range of search_lexeme's key: in
 * the "C" collation the strings that start with a prefix run from it to it followed by the
 * highest code point.
 */
function lexemesStartingWith(prefix: RawBuilder<unknown>): RawBuilder<{ lexemes: string[] | null }> {
  return sql`
    SELECT CASE WHEN count(*) <= ${MAX_COMPLETIONS} THEN array_agg(l.lexeme ORDER BY l.lexeme) END AS lexemes
    FROM (SELECT lexeme FROM search_lexeme
          WHERE lexeme >= (${prefix} COLLATE "C") AND lexeme < (${prefix} || chr(1114111)) COLLATE "C"
          ORDER BY lexeme LIMIT ${MAX_COMPLETIONS + 1}) l`;
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

/** A lexicon word close to a word of a query, by trigram similarity (0 to 1). */
export interface LexiconWord {
  word: string;
  similarity: number;
  /** The documents whose titles and summaries hold it. */
  ndoc: number;
}

/**
 * For each word, the lexicon words closest to it by trigram similarity (at least pg_trgm's default
 * threshold, 0.3), at most `limit` of them, the closest first; ties go to the word in more
 * documents. Words shorter than three characters are not corrected.
 */
export async function findClosestLexiconWords(
  db: Kysely<DB>,
  words: string[],
  limit: number,
): Promise<LexiconWord[][]> {
  const { rows } = await sql<LexiconWord & { i: number }>`
    SELECT x.i::int AS i, s.word, s.similarity, s.ndoc
    FROM unnest(${words}::text[]) WITH ORDINALITY AS x(w, i)
    CROSS JOIN LATERAL (
      SELECT sw.word, similarity(sw.word, x.w)::float8 AS similarity, sw.ndoc
      FROM search_word sw
      WHERE length(x.w) >= 3 AND sw.word % x.w AND sw.word <> x.w
      ORDER BY similarity(sw.word, x.w) DESC, sw.ndoc DESC, sw.word
      LIMIT ${limit}
    ) s
    ORDER BY x.i, s.similarity DESC, s.ndoc DESC, s.word`.execute(db);
  return words.map((_, i) =>
    rows.filter((r) => r.i === i + 1).map(({ word, similarity, ndoc }) => ({ word, similarity, ndoc })),
  );
}

/** A correction to try: the query it makes, and the corrected word. */
export interface CorrectionCheck {
  /** The corrected query (the search's facet filters included). */
  match: Match;
  /** The corrected word as the lexicon has it (unaccented, lower-cased: a bridges_simple lexeme). */
  word: string;
  /**
   * Its lexemes in the request language's configuration as a tsquery of weight A or B (titles and
   * summaries, where the lexicon's words come from); null when that configuration drops it.
   */
  langTsquery: string | null;
}

/** Documents read at most to tell whether a word is written in the request's language. */
const LANGUAGE_SAMPLE = 50;

/**
 * For each correction, whether any document matches the corrected query and, when one does,
 * whether the word is written in the request's language: in the title or summary in that
 * language of one of the first LANGUAGE_SAMPLE documents holding its stem (so the stem of
 * another language's word, "migrantes" for "migrants", does not count).
 */
export async function checkCorrections(
  db: Kysely<DB>,
  checks: CorrectionCheck[],
  lang: UiLanguage,
): Promise<{ matches: boolean; inLanguage: boolean }[]> {
  if (checks.length === 0) return [];
  const ref = (prefix: string, i: number) => sql.ref(`${prefix}${String(i)}`);
  // NOTE: MATERIALIZED, as in findWordsWithMatches: planned without the LIMIT 1 of EXISTS, the
  // match uses the GIN index rather than reading documents until one matches. The language sample
  // is read only for a correction that matches (CASE), and only until the word is found in it.
  const ctes = checks.flatMap((c, i) => [
    sql`${ref('m', i)} AS MATERIALIZED (SELECT 1 FROM search_document d WHERE ${matchCondition(c.match)})`,
    sql`${ref('l', i)} AS MATERIALIZED (
          SELECT concat_ws(' ', ${sql.ref(`d.title_${lang}`)}, ${sql.ref(`d.summary_${lang}`)}) AS text
          FROM search_document d
          WHERE ${c.langTsquery === null ? sql`false` : sql`d.tsv @@ ${c.langTsquery}::tsquery`}
          LIMIT ${LANGUAGE_SAMPLE})`,
  ]);
  const columns = checks.map(
    (c, i) => sql`
      EXISTS (SELECT 1 FROM ${ref('m', i)}) AS ${ref('matches', i)},
      CASE WHEN EXISTS (SELECT 1 FROM ${ref('m', i)}) THEN EXISTS (
        SELECT 1 FROM ${ref('l', i)} s WHERE to_tsvector('bridges_simple', s.text) @@ ${allLexemes([c.word])}::tsquery)
      ELSE false END AS ${ref('lang', i)}`,
  );
  const { rows } = await sql<Record<string, boolean>>`
    WITH ${sql.join(ctes)} SELECT ${sql.join(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return checks.map((_, i) => ({
    matches: row[`matches${String(i)}`] === true,
    inLanguage: row[`lang${String(i)}`] === true,
  }));
}

/** Sample order (migrations/20261122T1600_search_sample.sql): by sample_key, a hash of the document's key. */
const SAMPLE_ORDER = sql`d.sample_key, d.type, d.id`;

/** The index's generation: it changes, in the same transaction, with every change to the index. */
export async function findIndexGeneration(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ generation: string }>`
    SELECT generation::text AS generation FROM search_index_state`.execute(db);
  return rows[0]?.generation ?? '';
}

/**
 * Documents holding every word in a title, acronym or name: the lexemes of weight A, by their own
 * index (search_document_title_lexemes). For testing documents one by one, titleWords is cheaper.
 */
function inTitleIndex(titleTsquery: string, d = 'd'): RawBuilder<SqlBool> {
  return sql<SqlBool>`ts_filter(${sql.ref(`${d}.tsv`)}, '{a}') @@ ${titleTsquery}::tsquery`;
}

/**
 * The same test as inTitleIndex for one document at a time: the words as lexemes of weight A
 * (`weightedTitleTsquery`) in its whole tsv, without the copy ts_filter makes.
 */
function titleWords(weightedTitleTsquery: string, d = 'd'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${d}.tsv`)} @@ ${weightedTitleTsquery}::tsquery`;
}

/** What ranks and marks a page's documents. */
export interface Ranking {
  match: Match;
  /**
   * The match's words for ts_rank: the last one as the prefix typed, not as its completions, which
   * would rank as several words (the same documents match either way).
   */
  rankTsquery: string | null;
  /** Every query word (stop words included), unweighted: matched against the title lexemes. */
  titleTsquery: string | null;
  /** The same, each lexeme of weight A: matched against the whole tsv. */
  weightedTitleTsquery: string | null;
  /** The whole query as bridges_search_key() writes title_key. */
  titleKey: string;
  lang: UiLanguage;
}

export interface PageRow {
  type: 'record' | 'organisation' | 'study' | 'country' | 'dataset';
  id: string;
  title: string;
  subtitle: string | null;
  /** The summary excerpt with matches marked (HIT_START…HIT_END); the whole summary when browsing. */
  snippet: string | null;
  /** The languages the title and the summary are in: the request's, or English where it has none. */
  title_lang: UiLanguage;
  snippet_lang: UiLanguage;
  score: number;
}

/**
 * The score of document `d`: a tier (3: the title is the query, or for a country its code or one
 * of its names in any language, "USA" or "Turquie" as much as "Türkiye", or for a record or an
 * organisation one of its acronyms, "OIM" as much as "IOM"; 2: the title, or one of a country's
 * names, starts with it; 1: every word is in a title; 0: elsewhere) plus ts_rank scaled into
 * [0, 1), so tiers never mix.
 *
 * NOTE: a country's names count for tier 2 as for tier 3 because a stem can be shorter than a name:
 * Spanish stems "sudán" to "sud", whose prefix also finds "Sudáfrica" and French "… du Sud", and
 * ts_rank alone put South Africa above "Sudán del Sur".
 *
 * NOTE: without the acronym's tier, "FMI" would rank the IMF below the record whose French and
 * Spanish titles name the FMI ("Classification des paiements du FMI"): more title words, more rank.
 */
function scoreOf(ranking: Ranking, d = 'd'): RawBuilder<number> {
  const col = (name: string) => sql.ref(`${d}.${name}`);
  if (ranking.match.tsquery === null || ranking.titleTsquery === null) return sql<number>`0::float8`;
  return sql<number>`round((CASE WHEN ${col('title_key')} = ${ranking.titleKey} THEN 3
                      WHEN ${col('type')} = 'country' AND (lower(${col('id')}) = ${ranking.titleKey} OR EXISTS (
                        SELECT 1 FROM area_name n WHERE n.area_code = ${col('id')} AND n.search_key = ${ranking.titleKey})) THEN 3
                      WHEN ${ranking.titleKey} = ANY(${col('acronym_keys')}) THEN 3
                      WHEN ${col('title_key')} LIKE ${ranking.titleKey} || '%' THEN 2
                      WHEN ${col('type')} = 'country' AND EXISTS (
                        SELECT 1 FROM area_name n WHERE n.area_code = ${col('id')} AND n.search_key LIKE ${ranking.titleKey} || '%') THEN 2
                      WHEN ${titleWords(ranking.weightedTitleTsquery ?? '', d)} THEN 1
                      ELSE 0 END
                 + ts_rank(${col('tsv')}, ${ranking.rankTsquery ?? ranking.match.tsquery}::tsquery, 32))::numeric, 6)::float8`;
}

/**
 * The columns a result shows, from document `d`: title and subtitle in the request's language
 * (English when it has none), and the summary, marked up by ts_headline when there is a query.
 */
function shownColumns(ranking: Ranking, d = 'd') {
  const { match, lang } = ranking;
  const col = (name: string) => sql.ref(`${d}.${name}`);
  const summaryLang = col(`summary_${lang}`);
  const snippet =
    match.tsquery !== null && ranking.titleTsquery !== null
      ? sql`ts_headline(CASE WHEN ${summaryLang} IS NULL THEN 'bridges_en' ELSE ${TS_CONFIG[lang]} END::regconfig,
                      translate(coalesce(${summaryLang}, ${col('summary_en')}), ${HIT_START + HIT_END}, ''),
                      ${match.tsquery}::tsquery,
                      ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`})`
      : sql`coalesce(${summaryLang}, ${col('summary_en')})`;
  return sql`${col('type')} AS type, ${col('id')} AS id,
             coalesce(${col(`title_${lang}`)}, ${col('title_en')}) AS title,
             coalesce(${col('subtitle')} ->> ${lang}::text, ${col('subtitle')} ->> 'en') AS subtitle,
             ${snippet} AS snippet,
             CASE WHEN ${col(`title_${lang}`)} IS NULL THEN 'en' ELSE ${lang}::text END AS title_lang,
             CASE WHEN ${summaryLang} IS NULL THEN 'en' ELSE ${lang}::text END AS snippet_lang`;
}

/**
 * One page of the documents a browse (no query) matches, by title, read in that order from the
 * title index: however many match, only the page and what comes before it are read.
 */
export async function findBrowsePage(
  db: Kysely<DB>,
  ranking: Ranking,
  page: { offset: number; limit: number },
): Promise<PageRow[]> {
  const { rows } = await sql<PageRow>`
    SELECT ${shownColumns(ranking)}, 0::float8 AS score
    FROM search_document d
    WHERE ${matchCondition(ranking.match)}
    ORDER BY d.title_key, d.type, d.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return rows;
}

/**
 * A match whose facet values are to be counted; `only`: just the values of that facet (and of
 * the type, which add up to the total), as when counting a filtered facet's other values.
 */
export interface Tally {
  match: Match;
  only?: string;
}

function countedValue(tally: Tally, f: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return tally.only === undefined
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(${f} LIKE ${`${tally.only}:%`} OR ${f} LIKE 'type:%')`;
}

/**
 * Reads at most limit + 1 documents of a match to learn whether it holds more than `limit`. When
 * it does not, the same read gives the count of each facet value among them (every document has
 * one 'type:' value, so those add up to the match) and, given `page`, that page of them, best first
 * (see scoreOf; without a query, by title).
 */
export async function probeMatch(
  db: Kysely<DB>,
  tally: Tally,
  limit: number,
  page?: { ranking: Ranking; offset: number; limit: number },
): Promise<{ size: number; counts: Map<string, number> | null; page: RankedKey[] | null }> {
  const ranked = page !== undefined && page.ranking.match.tsquery !== null && page.ranking.titleTsquery !== null;
  const pageRows = page
    ? sql`
      UNION ALL
      (SELECT 'page', NULL, NULL, m.type, m.id FROM m
       WHERE (SELECT n FROM size) <= ${limit}
       ORDER BY ${ranked ? sql`m.score DESC, ` : sql``}m.title_key, m.type, m.id
       LIMIT ${page.limit} OFFSET ${page.offset})`
    : sql``;
  const { rows } = await sql<{
    part: 'size' | 'facet' | 'page';
    value: string | null;
    n: number | null;
    type: PageRow['type'] | null;
    id: string | null;
  }>`
    WITH m AS MATERIALIZED (
      SELECT d.facets${page ? sql`, d.type, d.id, d.title_key${ranked ? sql`, ${scoreOf(page.ranking)} AS score` : sql``}` : sql``}
      FROM search_document d WHERE ${matchCondition(tally.match)} LIMIT ${limit + 1}
    ), size AS MATERIALIZED (SELECT count(*)::int AS n FROM m)
    SELECT 'size' AS part, NULL::text AS value, n, NULL::text AS type, NULL::text AS id FROM size
    UNION ALL
    SELECT 'facet', f, count(*)::int, NULL, NULL FROM m, unnest(m.facets) f
    WHERE (SELECT n FROM size) <= ${limit} AND ${countedValue(tally, sql.ref('f'))}
    GROUP BY f${pageRows}`.execute(db);
  const size = rows.find((r) => r.part === 'size')?.n ?? 0;
  if (size > limit) return { size, counts: null, page: null };
  const counts = new Map<string, number>();
  const keys: RankedKey[] = [];
  for (const r of rows) {
    if (r.part === 'facet' && r.value !== null) counts.set(r.value, r.n ?? 0);
    if (r.part === 'page' && r.type !== null && r.id !== null) keys.push({ type: r.type, id: r.id });
  }
  return { size, counts, page: page ? keys : null };
}

/**
 * How many documents of the sample each tally's match holds, by facet value, for tallies whose
 * matches differ only in their facet filters (one read of the sample, each document's words tested
 * once). The sample: the first `size` documents in sample order (by sample_key, a hash of the
 * document's key: migrations/20261122T1600_search_sample.sql), read in that order from its index
 * and cut short at the `hits`-th that has the words (so a common word's facets are not counted in
 * thousands of documents when hundreds tell as much); `spanned` says how many documents it then
 * holds, null when it was not cut short. Given `titleTsquery` (weighted, see Ranking), also how
 * many of the first tally's sampled documents hold every query word in a title.
 */
export async function countSampledFacetValues(
  db: Kysely<DB>,
  tallies: Tally[],
  sample: { size: number; hits: number; sparse: { below: number | null } | null },
  titleTsquery: string | null = null,
): Promise<{ counts: Map<string, number>[]; titleMatches: number; spanned: number | null }> {
  const [first] = tallies;
  if (first === undefined) return { counts: [], titleMatches: 0, spanned: null };
  const flag = (i: number) => sql.ref(`m${String(i)}`);
  const words = matchCondition(first.match, { filters: false });
  const columns = sql`d.facets,
    ${titleTsquery === null ? sql`false` : titleWords(titleTsquery)} AS title,
    ${sql.join(tallies.map((t, i) => sql`${matchCondition(t.match, { words: false })} AS ${flag(i)}`))}`;
  // NOTE: for common words, the words are tested document by document in sample order until
  // enough have them: reading a common word's whole GIN entry to intersect it with the sample, as
  // the planner would, costs more than testing a few thousand documents. For rarer words (`sparse`:
  // the sample is then the documents before `below`) the planner may use that entry.
  const sampled = sample.sparse
    ? sql`
      SELECT 0::bigint AS pos, ${columns}
      FROM search_document d
      WHERE ${sample.sparse.below === null ? sql`true` : sql`d.sample_key < ${sample.sparse.below}`} AND ${words}`
    : sql`
      SELECT d.pos, ${columns}
      FROM (
        SELECT d.*, row_number() OVER (ORDER BY ${SAMPLE_ORDER}) AS pos
        FROM (
          SELECT d.sample_key, d.type, d.id, d.facets, d.tsv FROM search_document d
          ORDER BY ${SAMPLE_ORDER} LIMIT ${sample.size}
        ) d
      ) d
      WHERE ${words}
      ORDER BY ${SAMPLE_ORDER}
      LIMIT ${sample.hits}`;
  const { rows } = await sql<{ tally: number; value: string; n: number | null }>`
    WITH s AS MATERIALIZED (${sampled})
    ${sql.join(
      tallies.map(
        (t, i) => sql`
          SELECT ${i}::int AS tally, f AS value, count(*)::int AS n
          FROM s, unnest(s.facets) f
          WHERE s.${flag(i)} AND ${countedValue(t, sql.ref('f'))}
          GROUP BY f`,
      ),
      sql` UNION ALL `,
    )}
    UNION ALL
    SELECT -1, '', count(*)::int FROM s WHERE s.m0 AND s.title
    UNION ALL
    SELECT -2, '', CASE WHEN ${sample.sparse === null} AND count(*) >= ${sample.hits} THEN max(s.pos)::int END
    FROM s`.execute(db);
  const counts = tallies.map(() => new Map<string, number>());
  let titleMatches = 0;
  let spanned: number | null = null;
  for (const r of rows) {
    if (r.tally === -1) titleMatches = r.n ?? 0;
    else if (r.tally === -2) spanned = r.n;
    else counts[r.tally]?.set(r.value, r.n ?? 0);
  }
  return { counts, titleMatches, spanned };
}

/**
 * How many documents the planner expects a match to hold (from the statistics ANALYZE keeps):
 * a guess, used only to order the work of a search, never to answer it.
 */
export async function estimateMatchSize(db: Kysely<DB>, match: Match): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': unknown }>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM search_document d WHERE ${matchCondition(match)}`.execute(db);
  const plan = rows[0]?.['QUERY PLAN'];
  const parsed: unknown = typeof plan === 'string' ? JSON.parse(plan) : plan;
  const estimate = Array.isArray(parsed) ? (parsed[0] as { Plan?: { 'Plan Rows'?: unknown } }).Plan?.['Plan Rows'] : 0;
  return typeof estimate === 'number' ? estimate : 0;
}

/**
 * How many documents the index holds, and where its first `size` documents in sample order end
 * (`below`: the sample_key after them, null when they are all of them; `sampled`: how many lie
 * before it), read with the index's generation in one snapshot.
 */
export async function findSampleFrame(
  db: Kysely<DB>,
  size: number,
): Promise<{ generation: string; documents: number; below: number | null; sampled: number }> {
  const { rows } = await sql<{ generation: string; documents: number; below: number | null; sampled: number }>`
    SELECT (SELECT generation::text FROM search_index_state) AS generation,
           (SELECT count(*)::int FROM search_document) AS documents,
           c.below,
           (SELECT count(*)::int FROM search_document WHERE sample_key < c.below) AS sampled
    FROM (SELECT (SELECT sample_key FROM search_document ORDER BY sample_key OFFSET ${size} LIMIT 1) AS below) c`.execute(
    db,
  );
  const row = rows[0] ?? { generation: '', documents: 0, below: null, sampled: 0 };
  return { ...row, sampled: row.below === null ? row.documents : row.sampled };
}

// ---- bounded ranking of large matches ------------------------------------------------------
//
// A match too large to rank whole is ranked within bounded sets of candidates, taken in sample
// order: by sample_key, a hash of the document's key, so a fixed pseudo-random order in which any
// stretch is a fair draw of the match, the same on every engine and for every page. The match
// falls into four groups, listed in this order:
//   1. the title candidates, ranked: the title matches (every query word in a title) whose
//      sample_key is below `titleCut`, and the first `limit` documents whose title starts with the
//      query, in the byte order of their title keys (so an exact title is never missed);
//   2. the other title matches, in sample order;
//   3. the body candidates, ranked: the other matches whose sample_key is below `bodyCut`;
//   4. the other matches, in sample order.
// The service sets each cut so that about `limit` documents fall below it (from the sample).

/** Where the candidate windows of a large match end in sample order (null: they hold it all). */
export interface CandidateWindows {
  titleCut: number | null;
  bodyCut: number | null;
  /**
   * Read the window whole by its index and test each document, rather than let the planner
   * intersect it with the words' GIN entries: cheaper when the window is a few thousand documents
   * and the words common (reading a common word's GIN entry costs more than the window).
   */
  titleScan: boolean;
  bodyScan: boolean;
  /** How many documents whose title starts with the query are taken as candidates at most. */
  prefixLimit: number;
}

/** The page's documents, in order, before they are shown. */
export interface RankedKey {
  type: PageRow['type'];
  id: string;
}

/** The prefix candidates of group 1: titles that start with the query, up to `last` when there were more. */
export interface PrefixCandidates {
  titleKey: string;
  last: { titleKey: string; type: string; id: string } | null;
}

type RankedRanking = Ranking & { titleTsquery: string; weightedTitleTsquery: string };

/** Titles that start with the query are read up to this many times the prefix candidates wanted. */
const PREFIX_READ = 4;

/** The documents before `cut` in sample order, as `d`; with `scan`, read whole by the index and fenced. */
function windowOf(cut: number | null, scan: boolean): RawBuilder<unknown> {
  if (cut === null) return sql`search_document d`;
  return scan
    ? sql`(SELECT * FROM search_document WHERE sample_key < ${cut} OFFSET 0) d`
    : sql`(SELECT * FROM search_document WHERE sample_key < ${cut}) d`;
}

/**
 * The first string after every string that starts with `key`, in byte order (UTF-8 bytes sort
 * as code points do): `key` with its last character moved on by one.
 */
export function prefixEnd(key: string): string | null {
  const chars = [...key];
  while (chars.length > 0) {
    const last = (chars.pop() ?? '').codePointAt(0) ?? 0;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return chars.join('') + String.fromCodePoint(next);
  }
  return null;
}

/** Titles that start with the query: a byte range of title keys (by search_document_title_prefix). */
function titleStartsWith(titleKey: string, d = 'd'): RawBuilder<SqlBool> {
  if (titleKey === '') return sql<SqlBool>`false`;
  const key = sql`(${sql.ref(`${d}.title_key`)} COLLATE "C")`;
  const end = prefixEnd(titleKey);
  return end === null ? sql<SqlBool>`${key} >= ${titleKey}` : sql<SqlBool>`${key} >= ${titleKey} AND ${key} < ${end}`;
}

/** Whether document `d` is one of the prefix candidates of group 1. */
function isPrefixCandidate(prefix: PrefixCandidates, d = 'd'): RawBuilder<SqlBool> {
  const starts = titleStartsWith(prefix.titleKey, d);
  if (prefix.last === null) return starts;
  const col = (name: string) => sql.ref(`${d}.${name}`);
  return sql<SqlBool>`${starts} AND (${col('title_key')} COLLATE "C", ${col('type')}, ${col('id')})
                      <= (${prefix.last.titleKey}, ${prefix.last.type}, ${prefix.last.id})`;
}

/**
 * The title matches of a match. NOTE: a title holding every query word (stop words included)
 * holds the words the match looks for, so besides the facet filters only the title lexemes are
 * tested, by their own index, smaller than the index of every word.
 */
function titleMatch(ranking: RankedRanking, options: { byIndex: boolean }): RawBuilder<SqlBool> {
  const title = options.byIndex ? inTitleIndex(ranking.titleTsquery) : titleWords(ranking.weightedTitleTsquery);
  return sql<SqlBool>`${matchCondition(ranking.match, { words: false })} AND ${title}`;
}

/** Group 1 of a large match (see above), best first, and where its prefix candidates stopped. */
export async function findTitleCandidates(
  db: Kysely<DB>,
  ranking: RankedRanking,
  windows: CandidateWindows,
): Promise<{ ranked: RankedKey[]; prefix: PrefixCandidates }> {
  const { rows } = await sql<{ type: PageRow['type']; id: string; part: 't' | 'p'; i: number; title_key: string }>`
    WITH t AS (
      SELECT d.type, d.id, d.title_key, d.acronym_keys, d.tsv
      FROM ${windowOf(windows.titleCut, windows.titleScan)}
      WHERE ${titleMatch(ranking, { byIndex: !windows.titleScan })}
    ), p AS (
      -- NOTE: titles that start with the query are read in order from their index (the inner
      -- LIMIT lets the planner take that path) and each tested; nearly all match, so few are read.
      SELECT d.type, d.id, d.title_key, d.acronym_keys, d.tsv
      FROM (
        SELECT d.type, d.id, d.title_key, d.acronym_keys, d.tsv, d.facets FROM search_document d
        WHERE ${titleStartsWith(ranking.titleKey)}
        ORDER BY d.title_key COLLATE "C", d.type, d.id
        LIMIT ${PREFIX_READ * windows.prefixLimit}
      ) d
      WHERE ${matchCondition(ranking.match)}
      ORDER BY d.title_key COLLATE "C", d.type, d.id
      LIMIT ${windows.prefixLimit}
    )
    SELECT c.type, c.id, c.part, c.i, c.title_key
    FROM (
      SELECT t.*, 't' AS part, 0 AS i FROM t
      UNION ALL
      SELECT p.*, 'p', row_number() OVER (ORDER BY p.title_key COLLATE "C", p.type, p.id)::int FROM p
    ) c
    ORDER BY ${scoreOf(ranking, 'c')} DESC, c.title_key, c.type, c.id, c.part DESC`.execute(db);
  const seen = new Set<string>();
  const ranked: RankedKey[] = [];
  for (const r of rows) {
    const key = `${r.type}:${r.id}`;
    if (!seen.has(key)) ranked.push({ type: r.type, id: r.id });
    seen.add(key);
  }
  const last = rows.find((r) => r.part === 'p' && r.i === windows.prefixLimit);
  return {
    ranked,
    prefix: {
      titleKey: ranking.titleKey,
      last: last ? { titleKey: last.title_key, type: last.type, id: last.id } : null,
    },
  };
}

/** Group 3 of a large match (see above), best first. */
export async function findBodyCandidates(
  db: Kysely<DB>,
  ranking: RankedRanking,
  windows: CandidateWindows,
  prefix: PrefixCandidates,
): Promise<RankedKey[]> {
  const { rows } = await sql<RankedKey>`
    SELECT d.type, d.id
    FROM ${windowOf(windows.bodyCut, windows.bodyScan)}
    WHERE ${matchCondition(ranking.match)}
      AND NOT ${titleWords(ranking.weightedTitleTsquery)} AND NOT (${isPrefixCandidate(prefix)})
    ORDER BY ${scoreOf(ranking)} DESC, d.title_key, d.type, d.id`.execute(db);
  return rows;
}

/** Group 2 (title matches) or 4 (the others) of a large match (see above). */
export interface UnrankedGroup {
  titles: boolean;
  /** Its documents are those from here on in sample order. */
  from: number;
  prefix: PrefixCandidates;
}

function unrankedCondition(ranking: RankedRanking, group: UnrankedGroup): RawBuilder<SqlBool> {
  const which = group.titles
    ? titleMatch(ranking, { byIndex: true })
    : sql<SqlBool>`${matchCondition(ranking.match)} AND NOT ${titleWords(ranking.weightedTitleTsquery)}`;
  return sql<SqlBool>`d.sample_key >= ${group.from} AND ${which} AND NOT (${isPrefixCandidate(group.prefix)})`;
}

/** A slice of group 2 or 4, in sample order. */
export async function findUnrankedMatches(
  db: Kysely<DB>,
  ranking: RankedRanking,
  group: UnrankedGroup,
  slice: { offset: number; limit: number },
): Promise<RankedKey[]> {
  const { rows } = await sql<RankedKey>`
    SELECT d.type, d.id FROM search_document d
    WHERE ${unrankedCondition(ranking, group)}
    ORDER BY ${SAMPLE_ORDER}
    LIMIT ${slice.limit} OFFSET ${slice.offset}`.execute(db);
  return rows;
}

/** How many documents group 2 or 4 holds (asked only by pages beyond it). */
export async function countUnrankedMatches(
  db: Kysely<DB>,
  ranking: RankedRanking,
  group: UnrankedGroup,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM search_document d WHERE ${unrankedCondition(ranking, group)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The rows of a page whose documents and order are already known (see findResultPage for the columns). */
export async function findShownRows(db: Kysely<DB>, ranking: Ranking, keys: RankedKey[]): Promise<PageRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<PageRow>`
    SELECT ${shownColumns(ranking)}, ${scoreOf(ranking)} AS score
    FROM unnest(${keys.map((k) => k.type)}::text[], ${keys.map((k) => k.id)}::text[]) WITH ORDINALITY AS k(type, id, i)
    JOIN search_document d ON d.type = k.type AND d.id = k.id
    ORDER BY k.i`.execute(db);
  return rows;
}

/** The short names of every area in a language (English when it has none), for facet labels. */
export async function findAreaNames(db: Kysely<DB>, lang: UiLanguage) {
  const { rows } = await sql<{ code: string; name: string }>`
    SELECT a.code, coalesce(min(n.name), a.name_en) AS name
    FROM area a
    LEFT JOIN area_name n ON n.area_code = a.code AND n.lang = ${lang} AND n.name_type = 'short'
    GROUP BY a.code, a.name_en`.execute(db);
  return rows;
}

/**
 * Every name of every country and non-ISO area (aggregates left out), in every language, by its
 * search key (bridges_search_key, as the name column's generated search_key), and their codes: what
 * a query is read for a corridor by (search.corridor.ts).
 */
export async function findPlaceNameKeys(db: Kysely<DB>) {
  const [names, areas] = await Promise.all([
    sql<{ search_key: string; area_code: string }>`
      SELECT DISTINCT n.search_key, n.area_code
      FROM area_name n JOIN area a ON a.code = n.area_code
      WHERE a.kind IN ('country', 'non_iso') AND n.search_key <> ''`.execute(db),
    sql<{ code: string }>`SELECT code FROM area WHERE kind IN ('country', 'non_iso')`.execute(db),
  ]);
  return { names: names.rows, codes: areas.rows.map((a) => a.code) };
}

/** The UN M49 regions, sub-regions and intermediate regions: names (the reference data has them in English), levels and parents. */
export async function findRegionNames(db: Kysely<DB>) {
  return db.selectFrom('m49_region').select(['code', 'name_en', 'level', 'parent_code']).orderBy('code').execute();
}
