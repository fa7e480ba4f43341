import type { Kysely } from 'kysely';
import type { UiLanguage } from '../../core/languages.js';
import { SEARCH_FACETS, type SearchFacet, type SearchQuery, type SearchResponse } from '../../core/library.js';
import {
  INSTRUMENTS,
  KNOMAD_THEMES,
  RECORD_KINDS,
  SEARCH_TYPES,
  SECTORS,
  STAGES,
  STUDY_DESIGNS,
  type Term,
} from '../../core/library-vocab.js';
import type { DB } from '../db/schema.js';
import * as repo from './search.repository.js';
import {
  buildTsquery,
  headlineSegments,
  isSearchable,
  leadingWords,
  queryWords,
  type AnalysedWord,
} from './search.text.js';

/** Words shown from a summary when results are listed without a query. */
const BROWSE_SNIPPET_WORDS = 30;

/** The vocabulary that labels each facet's values; countries and regions come from the reference tables. */
const FACET_VOCABULARIES: Partial<Record<SearchFacet, readonly Term[]>> = {
  type: SEARCH_TYPES,
  kind: RECORD_KINDS,
  theme: KNOMAD_THEMES,
  stage: STAGES,
  instrument: INSTRUMENTS,
  sector: SECTORS,
  design: STUDY_DESIGNS,
};

type Hit = SearchResponse['results'][number];

/** Answers a server keeps per database, for the index generation they were computed at. */
const CACHED_ANSWERS = 256;
const answerCaches = new WeakMap<Kysely<DB>, { generation: string; answers: Map<string, SearchResponse> }>();

/**
 * One search over the library, countries and datasets (see `answer`). Answers are kept until the
 * index changes (its generation moves in the same transaction as the change, whichever process
 * makes it), at most CACHED_ANSWERS of them, least recently used out first: the library's first
 * page and common words are asked for again and again.
 */
export async function search(
  db: Kysely<DB>,
  query: SearchQuery,
  options: { cache?: boolean } = {},
): Promise<SearchResponse> {
  if (options.cache === false) return answer(db, query);
  const generation = await repo.findIndexGeneration(db);
  let cache = answerCaches.get(db);
  if (cache?.generation !== generation) {
    cache = { generation, answers: new Map() };
    answerCaches.set(db, cache);
  }
  const key = JSON.stringify(query);
  const kept = cache.answers.get(key);
  if (kept) {
    cache.answers.delete(key);
    cache.answers.set(key, kept);
    return kept;
  }
  const fresh = await answer(db, query);
  cache.answers.set(key, fresh);
  if (cache.answers.size > CACHED_ANSWERS) cache.answers.delete(cache.answers.keys().next().value ?? '');
  return fresh;
}

/**
 * Every word must match (the last as a prefix); when nothing does, words that match nothing are
 * replaced by the closest lexicon word, and if that finds nothing either, documents matching any
 * word are ranked. An empty query lists everything by title. Facet counts cover the whole match,
 * each facet filtered by the others.
 */
async function answer(db: Kysely<DB>, query: SearchQuery): Promise<SearchResponse> {
  const lang = query.lang;
  const filters = facetFilters(query);
  const words = queryWords(query.q);
  const analysed = words.length ? await repo.analyseQueryWords(db, words, query.q, lang) : undefined;
  const terms = analysed?.words.filter(isSearchable) ?? [];

  if (!analysed || terms.length === 0) {
    return present(db, query, null, await run(db, query, filters, null));
  }
  const typed: WordQuery = { terms, all: analysed.words, key: analysed.key, mode: 'and' };
  const exact = await run(db, query, filters, typed);
  if (exact.total > 0) return present(db, query, null, exact);

  const corrected = await correctTypos(db, terms, lang);
  if (corrected) {
    const fixed = await run(db, query, filters, corrected);
    if (fixed.total > 0) return present(db, query, corrected.text, fixed);
  }
  const any = await run(db, query, filters, { ...(corrected ?? typed), mode: 'or' });
  return present(db, query, any.total > 0 && corrected ? corrected.text : null, any);
}

interface WordQuery {
  /** The words searched for: stop words of the request's language or of English left out. */
  terms: AnalysedWord[];
  /**
   * Every word, stop words included: a title must hold them all to rank first ("Estados Unidos"
   * puts the United States above the Arab Emirates, though "estados" is a Spanish stop word).
   */
  all: AnalysedWord[];
  key: string;
  mode: 'and' | 'or';
}

interface Outcome {
  total: number;
  rows: repo.PageRow[];
  counts: Map<string, number>;
  searched: boolean;
}

/** The facet filters of a query: for each facet given, its values as stored ('kind:programme'). */
function facetFilters(query: SearchQuery): Map<SearchFacet, string[]> {
  const filters = new Map<SearchFacet, string[]>();
  for (const facet of SEARCH_FACETS) {
    const values = query[facet];
    if (values?.length)
      filters.set(
        facet,
        values.map((v) => `${facet}:${v}`),
      );
  }
  return filters;
}

/**
 * The page, the total and the facet counts of one word query (or of browsing). The facets nobody
 * filters by are counted in one pass over the match; each filtered facet in a pass of its own,
 * over the documents that pass every other filter, so its other values keep their counts.
 */
async function run(
  db: Kysely<DB>,
  query: SearchQuery,
  filters: Map<SearchFacet, string[]>,
  words: WordQuery | null,
): Promise<Outcome> {
  const tsquery = words ? buildTsquery(words.terms, { mode: words.mode }) : null;
  const match = (except?: SearchFacet): repo.Match => ({
    tsquery,
    filters: [...filters].filter(([facet]) => facet !== except).map(([, values]) => values),
  });
  const titleTsquery = words ? buildTsquery(words.all, { mode: 'and' }) : null;
  const end = query.offset + query.limit;
  // NOTE: when a page's worth of documents hold every word in a title, only those are ranked: a
  // common word would otherwise have its rank computed in tens of thousands of documents.
  const titleMatchesOnly =
    tsquery !== null && titleTsquery !== null && (await repo.countTitleMatches(db, match(), titleTsquery, end)) >= end;
  const filtered = [...filters.keys()];
  const [rows, all, ...others] = await Promise.all([
    repo.findResultPage(db, {
      match: match(),
      titleTsquery,
      titleMatchesOnly,
      titleKey: words?.key ?? '',
      lang: query.lang,
      limit: query.limit,
      offset: query.offset,
    }),
    repo.countFacetValues(db, match()),
    ...filtered.map((facet) => repo.countFacetValues(db, match(facet))),
  ]);
  const counts = new Map<string, number>();
  let total = 0;
  for (const [value, n] of all) {
    const facet = value.slice(0, value.indexOf(':')) as SearchFacet;
    if (facet === 'type') total += n;
    if (!filters.has(facet)) counts.set(value, n);
  }
  filtered.forEach((facet, i) => {
    for (const [value, n] of others[i] ?? []) if (value.startsWith(`${facet}:`)) counts.set(value, n);
  });
  return { total, rows, counts, searched: words !== null };
}

/**
 * The words again, each one that matches no document replaced by its closest lexicon word;
 * undefined when no word could be corrected.
 */
async function correctTypos(
  db: Kysely<DB>,
  terms: AnalysedWord[],
  lang: UiLanguage,
): Promise<(WordQuery & { text: string }) | undefined> {
  const found = await repo.findWordsWithMatches(
    db,
    terms.map((t, i) => buildTsquery([t], { mode: 'and', prefixLast: i === terms.length - 1 })),
  );
  const missing = terms.filter((_, i) => !found[i]);
  if (missing.length === 0) return undefined;
  const suggestions = await repo.findClosestLexiconWords(
    db,
    missing.map((t) => t.simpleForms.join(' ')),
  );
  const replacement = new Map<string, string>();
  missing.forEach((t, i) => {
    const s = suggestions[i];
    if (s) replacement.set(t.word, s);
  });
  if (replacement.size === 0) return undefined;
  const words = terms.map((t) => replacement.get(t.word) ?? t.word);
  const text = words.join(' ');
  const analysed = await repo.analyseQueryWords(db, words, text, lang);
  const correctedTerms = analysed.words.filter(isSearchable);
  if (correctedTerms.length === 0) return undefined;
  return { terms: correctedTerms, all: analysed.words, key: analysed.key, mode: 'and', text };
}

async function present(
  db: Kysely<DB>,
  query: SearchQuery,
  correctedQuery: string | null,
  outcome: Outcome,
): Promise<SearchResponse> {
  return {
    query: query.q,
    correctedQuery,
    total: outcome.total,
    results: outcome.rows.map((row) => presentHit(row, outcome.searched)),
    facets: await presentFacets(db, query, outcome.counts),
  };
}

function presentHit(row: repo.PageRow, searched: boolean): Hit {
  const summary = row.snippet ?? '';
  return {
    type: row.type,
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    snippet: searched
      ? headlineSegments(summary)
      : summary
        ? [{ text: leadingWords(summary, BROWSE_SNIPPET_WORDS), hit: false }]
        : [],
    url: urlOf(row.type, row.id),
    score: row.score,
  };
}

/** The UI page of a search result (src/web/main.tsx has the routes). */
export function urlOf(type: Hit['type'], id: string): string {
  switch (type) {
    case 'country':
      return `/countries/${encodeURIComponent(id)}`;
    case 'dataset':
      return `/datasets/${encodeURIComponent(id)}`;
    default:
      return `/library/${encodeURIComponent(id)}`;
  }
}

/**
 * Every facet with its values' counts and labels in the request's language, most frequent first;
 * a selected value is listed even when nothing matches it now.
 */
async function presentFacets(
  db: Kysely<DB>,
  query: SearchQuery,
  counts: Map<string, number>,
): Promise<SearchResponse['facets']> {
  const byFacet = new Map<SearchFacet, Map<string, number>>(SEARCH_FACETS.map((f) => [f, new Map()]));
  for (const [key, n] of counts) {
    const at = key.indexOf(':');
    byFacet.get(key.slice(0, at) as SearchFacet)?.set(key.slice(at + 1), n);
  }
  for (const facet of SEARCH_FACETS) {
    for (const value of query[facet] ?? []) {
      const values = byFacet.get(facet);
      if (values && !values.has(value)) values.set(value, 0);
    }
  }
  const countryNames = new Map(
    (await repo.findAreaNames(db, [...(byFacet.get('country')?.keys() ?? [])], query.lang)).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const regionNames = new Map(
    (await repo.findRegionNames(db, [...(byFacet.get('region')?.keys() ?? [])])).map((r) => [r.code, r.name]),
  );
  const collator = new Intl.Collator(query.lang, { sensitivity: 'base' });
  const facets: SearchResponse['facets'] = {};
  for (const facet of SEARCH_FACETS) {
    const label = (value: string) =>
      facet === 'country'
        ? (countryNames.get(value) ?? value)
        : facet === 'region'
          ? (regionNames.get(value) ?? value)
          : (FACET_VOCABULARIES[facet]?.find((t) => t.code === value)?.label[query.lang] ?? value);
    facets[facet] = [...(byFacet.get(facet) ?? [])]
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label) || (a.value < b.value ? -1 : 1));
  }
  return facets;
}
