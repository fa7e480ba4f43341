import { INDICATOR_NAMES } from '../../core/statistics-names.js';
import { M49_NAMES } from '../../core/un-region-names.js';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { ORGANISATION_TYPES, RECORD_KINDS, STUDY_DESIGNS, type Term } from '../../core/library-vocab.js';
import type { DB } from '../db/schema.js';

/**
 * The writer of the search index: the only code that writes search_document and search_word.
 * Documents are built in SQL from the tables they describe (published library items, areas,
 * datasets), so the text a document is found by is the text PostgreSQL itself parsed.
 *
 * NOTE: like the reference loader, this is a repository of writes kept beside the search it
 * serves; callers pass their transaction when the index must change with their own rows.
 */

/** Above this many items a reindex rebuilds the whole lexicon instead of adjusting its counts. */
const INCREMENTAL_LEXICON_LIMIT = 500;

/** The labels the subtitles are made of, passed to SQL as one jsonb parameter. */
function subtitleLabels() {
  const byCode = (list: readonly Term[]) => Object.fromEntries(list.map((t) => [t.code, t.label]));
  return JSON.stringify({
    kind: byCode(RECORD_KINDS),
    orgType: byCode(ORGANISATION_TYPES),
    design: byCode(STUDY_DESIGNS),
    study: { en: 'Study', fr: 'Étude', es: 'Estudio' },
  });
}

/**
 * Runs `fn` in the caller's transaction, or in a new one, and moves the index to a new generation
 * in that transaction (answers the search service keeps are valid for one generation).
 *
 * NOTE: the generation moves first: its row lock makes writers of the index wait for each other
 * from their first statement. Otherwise two publications could each delete a document (locking its
 * lexemes' counts in search_lexeme) and then insert one holding a lexeme the other has locked: a
 * deadlock.
 */
async function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  const withBump = async (trx: Kysely<DB>) => {
    await sql`UPDATE search_index_state SET generation = generation + 1`.execute(trx);
    return fn(trx);
  };
  if (db.isTransaction) return withBump(db);
  return db.transaction().execute((trx: Transaction<DB>) => withBump(trx));
}

/**
 * Brings the search documents of these library items up to date with their published data: each
 * document is deleted and, when the item has a published copy, built again from it (never from a
 * draft). Records that name a reindexed organisation are reindexed too (they are found by its
 * name). The typo lexicon follows. Call it with the transaction that publishes, withdraws or
 * deletes the items.
 */
export async function reindexItems(db: Kysely<DB>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(db, async (trx) => {
    const all = await withReferencingRecords(trx, [...new Set(ids)]);
    const incremental = all.length <= INCREMENTAL_LEXICON_LIMIT;
    const before = incremental ? await lexiconCountsOf(trx, all) : new Map<string, number>();
    await sql`
      DELETE FROM search_document
      WHERE type IN ('record', 'organisation', 'study') AND id = ANY(${all}::text[])`.execute(trx);
    await insertItemDocuments(trx, sql`i.id = ANY(${all}::text[])`);
    if (incremental) await adjustLexicon(trx, before, await lexiconCountsOf(trx, all));
    else await refreshSearchWords(trx);
  });
}

/** The ids plus the published records that name any organisation among them. */
async function withReferencingRecords(trx: Kysely<DB>, ids: string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT r.id
    FROM library_item o
    JOIN library_item r ON r.type = 'record' AND r.published_data IS NOT NULL
      AND r.published_data -> 'organisations' @> jsonb_build_array(jsonb_build_object('id', o.id))
    WHERE o.type = 'organisation' AND o.id = ANY(${ids}::text[])
    ORDER BY r.id`.execute(trx);
  return [...new Set([...ids, ...rows.map((r) => r.id)])];
}

/**
 * One search document per published item matching `where` (a condition on library_item `i`).
 * Every type is first brought to one shape (title, summary, description, acronyms, countries,
 * facets, subtitle, other text), so the weighting below is written once:
 *   A  titles in their language's configuration, and all titles and the acronyms (`acronym` and its
 *      French and Spanish `acronyms`, OIM for IOM, found in every interface language) as names;
 *   B  summaries, each in its language's configuration;
 *   C  descriptions, study populations and findings; the names of its places in English, French and
 *      Spanish (short and other names: Türkiye, Turkey, Turquie, Turquía), organisation names and
 *      acronyms, authors.
 */
async function insertItemDocuments(trx: Kysely<DB>, where: RawBuilder<unknown>): Promise<void> {
  const labels = subtitleLabels();
  await sql`
    WITH item AS (
      SELECT 'record'::text AS type, i.id, d -> 'title' AS title,
             concat_ws(' ', d ->> 'acronym', d #>> '{acronyms,fr}', d #>> '{acronyms,es}') AS acronyms,
             ARRAY(SELECT DISTINCT bridges_search_key(a) FROM (VALUES (d ->> 'acronym'), (d #>> '{acronyms,fr}'), (d #>> '{acronyms,es}')) v(a) WHERE a IS NOT NULL ORDER BY 1) AS acronym_keys,
             d -> 'summary' AS summary, d -> 'description' AS description,
             ARRAY(SELECT c ->> 'code' FROM jsonb_array_elements(d -> 'countries') c) AS codes,
             ARRAY['kind:' || (d ->> 'kind')]
               || ARRAY(SELECT 'theme:' || x FROM jsonb_array_elements_text(d -> 'themes') x)
               || ARRAY(SELECT 'stage:' || x FROM jsonb_array_elements_text(d -> 'stages') x)
               || ARRAY(SELECT 'instrument:' || x FROM jsonb_array_elements_text(d -> 'instruments') x)
               || ARRAY(SELECT 'sector:' || x FROM jsonb_array_elements_text(d -> 'sectors') x) AS facets,
             L -> 'kind' -> (d ->> 'kind') AS subtitle,
             NULL::text AS other_en,
             (SELECT string_agg(concat_ws(' ', o.published_data #>> '{name,en}', o.published_data #>> '{name,fr}',
                                          o.published_data #>> '{name,es}', o.published_data ->> 'acronym',
                                          o.published_data #>> '{acronyms,fr}', o.published_data #>> '{acronyms,es}'), ' ')
              FROM jsonb_array_elements(d -> 'organisations') ro
              JOIN library_item o ON o.id = ro ->> 'id' AND o.published_data IS NOT NULL) AS other_names
      FROM library_item i, LATERAL (SELECT i.published_data AS d, ${labels}::jsonb AS L) x
      WHERE i.type = 'record' AND i.published_data IS NOT NULL AND ${where}
      UNION ALL
      SELECT 'organisation', i.id, d -> 'name',
             concat_ws(' ', d ->> 'acronym', d #>> '{acronyms,fr}', d #>> '{acronyms,es}'),
             ARRAY(SELECT DISTINCT bridges_search_key(a) FROM (VALUES (d ->> 'acronym'), (d #>> '{acronyms,fr}'), (d #>> '{acronyms,es}')) v(a) WHERE a IS NOT NULL ORDER BY 1), d -> 'summary', NULL,
             ARRAY(SELECT jsonb_array_elements_text(d -> 'countries')),
             ARRAY[]::text[],
             L -> 'orgType' -> (d ->> 'type'),
             NULL, NULL
      FROM library_item i, LATERAL (SELECT i.published_data AS d, ${labels}::jsonb AS L) x
      WHERE i.type = 'organisation' AND i.published_data IS NOT NULL AND ${where}
      UNION ALL
      SELECT 'study', i.id, d -> 'title', NULL, ARRAY[]::text[], d -> 'summary', NULL,
             ARRAY(SELECT jsonb_array_elements_text(d -> 'places')),
             ARRAY['design:' || (d ->> 'design')],
             jsonb_build_object(
               'en', concat_ws(' · ', L #>> '{study,en}', d ->> 'year', L -> 'design' -> (d ->> 'design') ->> 'en'),
               'fr', concat_ws(' · ', L #>> '{study,fr}', d ->> 'year', L -> 'design' -> (d ->> 'design') ->> 'fr'),
               'es', concat_ws(' · ', L #>> '{study,es}', d ->> 'year', L -> 'design' -> (d ->> 'design') ->> 'es')),
             concat_ws(' ', d ->> 'population', d #>> '{citation,title}',
                       (SELECT string_agg(o ->> 'finding', ' ') FROM jsonb_array_elements(d -> 'outcomes') o)),
             (SELECT string_agg(a, ' ') FROM jsonb_array_elements_text(d -> 'authors') a)
      FROM library_item i, LATERAL (SELECT i.published_data AS d, ${labels}::jsonb AS L) x
      WHERE i.type = 'study' AND i.published_data IS NOT NULL AND ${where}
    )
    INSERT INTO search_document (type, id, title_en, title_fr, title_es, summary_en, summary_fr, summary_es,
                                 subtitle, facets, title_key, acronym_keys, tsv)
    SELECT it.type, it.id,
           it.title ->> 'en', it.title ->> 'fr', it.title ->> 'es',
           it.summary ->> 'en', it.summary ->> 'fr', it.summary ->> 'es',
           it.subtitle,
           ARRAY['type:' || it.type] || it.facets || place.facets,
           bridges_search_key(it.title ->> 'en'),
           it.acronym_keys,
           setweight(to_tsvector('bridges_en', coalesce(it.title ->> 'en', '')), 'A')
             || setweight(to_tsvector('bridges_fr', coalesce(it.title ->> 'fr', '')), 'A')
             || setweight(to_tsvector('bridges_es', coalesce(it.title ->> 'es', '')), 'A')
             || setweight(to_tsvector('bridges_simple',
                  concat_ws(' ', it.title ->> 'en', it.title ->> 'fr', it.title ->> 'es', it.acronyms)), 'A')
             || setweight(to_tsvector('bridges_en', coalesce(it.summary ->> 'en', '')), 'B')
             || setweight(to_tsvector('bridges_fr', coalesce(it.summary ->> 'fr', '')), 'B')
             || setweight(to_tsvector('bridges_es', coalesce(it.summary ->> 'es', '')), 'B')
             || setweight(to_tsvector('bridges_en', concat_ws(' ', it.description ->> 'en', it.other_en)), 'C')
             || setweight(to_tsvector('bridges_fr', coalesce(it.description ->> 'fr', '')), 'C')
             || setweight(to_tsvector('bridges_es', coalesce(it.description ->> 'es', '')), 'C')
             || setweight(to_tsvector('bridges_simple', concat_ws(' ', place.names, it.other_names)), 'C')
    FROM item it
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(DISTINCT f) FILTER (WHERE f IS NOT NULL), '{}') AS facets,
             -- NOTE: the short names and the other names: the UN's short names are its own
             -- (Türkiye in all three languages), the names people type are other names (CLDR's
             -- Turkey, Turquie, Turquía), as the country's own document has them.
             (SELECT string_agg(DISTINCT n.name, ' ')
              FROM area_name n
              WHERE n.area_code = ANY(it.codes) AND n.lang IN ('en', 'fr', 'es') AND n.name_type <> 'formal') AS names
      FROM unnest(it.codes) AS c(code)
      LEFT JOIN area a ON a.code = c.code
      CROSS JOIN LATERAL unnest(ARRAY['country:' || c.code, 'region:' || a.region_code, 'region:' || a.subregion_code]) f
    ) place`.execute(trx);
}

/**
 * Replaces the documents of every country and non-ISO area: shown by its names in English, French
 * and Spanish, found by its names in all six UN languages (short, formal and other names: 菲律宾,
 * Филиппины and الفلبين find the Philippines, as /api/countries does), its M49 region and sub-region.
 */
export async function indexCountries(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await sql`DELETE FROM search_document WHERE type = 'country'`.execute(trx);
    await sql`
      WITH names AS (
        SELECT area_code,
               max(name) FILTER (WHERE lang = 'en' AND name_type = 'short') AS short_en,
               max(name) FILTER (WHERE lang = 'fr' AND name_type = 'short') AS short_fr,
               max(name) FILTER (WHERE lang = 'es' AND name_type = 'short') AS short_es,
               max(name) FILTER (WHERE lang = 'en' AND name_type = 'formal') AS formal_en,
               max(name) FILTER (WHERE lang = 'fr' AND name_type = 'formal') AS formal_fr,
               max(name) FILTER (WHERE lang = 'es' AND name_type = 'formal') AS formal_es,
               -- Every language's names, Arabic, Chinese and Russian too: the parser keeps a run of
               -- Chinese characters as one word, so a name is found whole or by its start (菲律).
               string_agg(name, ' ' ORDER BY lang, name) FILTER (WHERE name_type <> 'formal') AS other_names,
               string_agg(name, ' ' ORDER BY lang, name) FILTER (WHERE name_type = 'formal') AS formal_names
        FROM area_name
        GROUP BY area_code
      )
      INSERT INTO search_document (type, id, title_en, title_fr, title_es, summary_en, summary_fr, summary_es,
                                   subtitle, facets, title_key, tsv)
      SELECT 'country', a.code, coalesce(n.short_en, a.name_en), n.short_fr, n.short_es,
             concat_ws(' · ', n.formal_en, regions.path), concat_ws(' · ', n.formal_fr, regions.path_fr),
             concat_ws(' · ', n.formal_es, regions.path_es),
             jsonb_build_object('en', regions.nearest, 'fr', regions.nearest_fr, 'es', regions.nearest_es),
             array_remove(ARRAY['type:country', 'country:' || a.code, 'region:' || a.region_code,
                                'region:' || a.subregion_code], NULL),
             bridges_search_key(coalesce(n.short_en, a.name_en)),
             setweight(to_tsvector('bridges_en', coalesce(n.short_en, a.name_en)), 'A')
               || setweight(to_tsvector('bridges_fr', coalesce(n.short_fr, '')), 'A')
               || setweight(to_tsvector('bridges_es', coalesce(n.short_es, '')), 'A')
               || setweight(to_tsvector('bridges_simple',
                    concat_ws(' ', a.name_en, n.other_names, a.code, a.iso2)), 'A')
               || setweight(to_tsvector('bridges_simple', coalesce(n.formal_names, '')), 'B')
               || setweight(to_tsvector('bridges_en', coalesce(regions.path, '')), 'C')
               || setweight(to_tsvector('bridges_fr', coalesce(regions.path_fr, '')), 'C')
               || setweight(to_tsvector('bridges_es', coalesce(regions.path_es, '')), 'C')
      FROM area a
      LEFT JOIN names n ON n.area_code = a.code
      LEFT JOIN m49_region r ON r.code = a.region_code
      LEFT JOIN m49_region s ON s.code = a.subregion_code
      LEFT JOIN m49_region im ON im.code = a.intermediate_code
      -- The regions in French and Spanish as the UN writes them (M49_NAMES), English where it has none.
      CROSS JOIN (SELECT ${JSON.stringify(M49_NAMES)}::jsonb AS m49) names_of
      CROSS JOIN LATERAL (
        SELECT coalesce(names_of.m49 -> 'fr' ->> im.code, im.name_en) AS im_fr,
               coalesce(names_of.m49 -> 'fr' ->> s.code, s.name_en) AS s_fr,
               coalesce(names_of.m49 -> 'fr' ->> r.code, r.name_en) AS r_fr,
               coalesce(names_of.m49 -> 'es' ->> im.code, im.name_en) AS im_es,
               coalesce(names_of.m49 -> 'es' ->> s.code, s.name_en) AS s_es,
               coalesce(names_of.m49 -> 'es' ->> r.code, r.name_en) AS r_es
      ) local
      CROSS JOIN LATERAL (
        SELECT nullif(concat_ws(' · ', im.name_en, s.name_en, r.name_en), '') AS path,
               nullif(concat_ws(' · ', local.im_fr, local.s_fr, local.r_fr), '') AS path_fr,
               nullif(concat_ws(' · ', local.im_es, local.s_es, local.r_es), '') AS path_es,
               coalesce(im.name_en, s.name_en, r.name_en) AS nearest,
               coalesce(local.im_fr, local.s_fr, local.r_fr) AS nearest_fr,
               coalesce(local.im_es, local.s_es, local.r_es) AS nearest_es
      ) regions
      WHERE a.kind IN ('country', 'non_iso')`.execute(trx);
  });
}

/**
 * Replaces the documents of every dataset: its title, publisher, edition and citation (as the
 * publisher wrote them, in English), and the names of the indicators it holds in English, French
 * and Spanish (Bridges' names, statistics-names.ts), so that "remesas" or "HCR" finds what the
 * explorer names so. A slash joins no words ("World Bank/KNOMAD"): PostgreSQL would read a path.
 */
export async function indexDatasets(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await sql`DELETE FROM search_document WHERE type = 'dataset'`.execute(trx);
    await sql`
      INSERT INTO search_document (type, id, title_en, summary_en, subtitle, facets, title_key, tsv)
      SELECT 'dataset', d.id, d.title, d.citation,
             jsonb_build_object('en', p.line, 'fr', p.line, 'es', p.line),
             ARRAY['type:dataset'],
             bridges_search_key(d.title),
             setweight(to_tsvector('bridges_en', d.title), 'A')
               || setweight(to_tsvector('bridges_simple', translate(d.title, '/', ' ')), 'A')
               || setweight(to_tsvector('bridges_simple', translate(concat_ws(' ', d.publisher, d.edition), '/', ' ')), 'B')
               || setweight(to_tsvector('bridges_en', coalesce(i.names_en, '')), 'B')
               || setweight(to_tsvector('bridges_fr', coalesce(i.names_fr, '')), 'B')
               || setweight(to_tsvector('bridges_es', coalesce(i.names_es, '')), 'B')
               || setweight(to_tsvector('bridges_en', translate(d.citation, '/', ' ')), 'C')
      FROM dataset d
      CROSS JOIN LATERAL (SELECT concat_ws(' · ', d.publisher, d.edition) AS line) p
      CROSS JOIN (SELECT ${JSON.stringify(INDICATOR_NAMES)}::jsonb AS names) names_of
      LEFT JOIN LATERAL (
        SELECT string_agg(ind.name, ' · ') AS names_en,
               string_agg(coalesce(names_of.names -> 'fr' ->> ind.id, ind.name), ' · ') AS names_fr,
               string_agg(coalesce(names_of.names -> 'es' ->> ind.id, ind.name), ' · ') AS names_es
        FROM indicator ind
        WHERE ind.id IN (SELECT DISTINCT se.indicator_id FROM series se WHERE se.dataset_id = d.id)
      ) i ON true`.execute(trx);
  });
}

/** The text of a search document whose words make the lexicon (its columns, unqualified). */
const LEXICON_TEXT = `to_tsvector('bridges_simple',
  concat_ws(' ', title_en, title_fr, title_es, summary_en, summary_fr, summary_es))`;

/** Words worth suggesting: letters first, three characters at least (shorter ones are not corrected). */
const LEXICON_WORD = `~ '^[[:alpha:]][[:alnum:]]{2,39}$'`;

/**
 * Rebuilds the typo-correction lexicon: every word of the titles and summaries of all documents,
 * unaccented and lower-cased, with the number of documents it occurs in (ts_stat counts them).
 */
export async function refreshSearchWords(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await sql`DELETE FROM search_word`.execute(trx);
    await sql`
      INSERT INTO search_word (word, ndoc)
      SELECT word, ndoc
      FROM ts_stat(${`SELECT ${LEXICON_TEXT} FROM search_document`})
      WHERE word ${sql.raw(LEXICON_WORD)}`.execute(trx);
  });
}

/** Lexicon words of the library items' documents, with how many of those documents hold each. */
async function lexiconCountsOf(trx: Kysely<DB>, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ w: string; n: number }>`
    SELECT w, count(*)::int AS n
    FROM search_document d, unnest(tsvector_to_array(${sql.raw(LEXICON_TEXT)})) w
    WHERE d.type IN ('record', 'organisation', 'study') AND d.id = ANY(${ids}::text[]) AND w ${sql.raw(LEXICON_WORD)}
    GROUP BY w`.execute(trx);
  return new Map(rows.map((r) => [r.w, r.n]));
}

/** Moves the lexicon's counts from the old documents' words to the new ones'. */
async function adjustLexicon(trx: Kysely<DB>, before: Map<string, number>, after: Map<string, number>) {
  const delta = new Map<string, number>();
  for (const [w, n] of before) delta.set(w, -n);
  for (const [w, n] of after) delta.set(w, (delta.get(w) ?? 0) + n);
  const changed = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (changed.length === 0) return;
  // NOTE: rows are upserted in word order, so two publications at once lock words in the same order.
  await sql`
    INSERT INTO search_word (word, ndoc)
    SELECT w, n FROM unnest(${changed.map(([w]) => w)}::text[], ${changed.map(([, n]) => n)}::int[]) AS c(w, n)
    ORDER BY w
    ON CONFLICT (word) DO UPDATE SET ndoc = search_word.ndoc + excluded.ndoc`.execute(trx);
  await sql`DELETE FROM search_word WHERE ndoc <= 0 AND word = ANY(${changed.map(([w]) => w)}::text[])`.execute(trx);
}

/** Whether the index has been built on this database (a fresh one has no country documents yet). */
export async function searchIndexIsBuilt(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ built: boolean }>`
    SELECT EXISTS (SELECT 1 FROM search_document WHERE type = 'country') AS built`.execute(db);
  return rows[0]?.built === true;
}

/**
 * Rebuilds the whole index in one transaction: every published library item, every country and
 * dataset, then the lexicon. Run it after the start-up loads (reference data, bundled datasets,
 * library content files). Given the database rather than a transaction, it vacuums the tables
 * afterwards: PGlite has no autovacuum, and every rebuild leaves a dead copy of every document.
 */
export async function rebuildSearchIndex(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (trx) => {
    // NOTE: GIN indexes take new rows into a pending list merged in bulk when it is full; a larger
    // list (and the memory to merge it) makes a rebuild of 100,000 documents markedly faster.
    await sql`SET LOCAL gin_pending_list_limit = '64MB'`.execute(trx);
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    await sql`DELETE FROM search_document WHERE type IN ('record', 'organisation', 'study')`.execute(trx);
    await insertItemDocuments(trx, sql`true`);
    await indexCountries(trx);
    await indexDatasets(trx);
    await refreshSearchWords(trx);
    // Searches should not have to read what is still pending, nor the planner guess the new rows.
    await sql`
      SELECT gin_clean_pending_list(i.indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
      WHERE i.indrelid IN ('search_document'::regclass, 'search_word'::regclass) AND am.amname = 'gin'`.execute(trx);
    await sql`ANALYZE search_document`.execute(trx);
    await sql`ANALYZE search_word`.execute(trx);
  });
  if (!db.isTransaction) await sql`VACUUM search_document, search_word`.execute(db);
}
