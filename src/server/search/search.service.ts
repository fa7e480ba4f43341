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
import type { ErrorDetail } from '../../core/errors.js';
import { noAreaHas, unknownM49Codes } from '../countries/unknown-codes.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { readCorridor, type PlaceKeys } from './search.corridor.js';
import * as repo from './search.repository.js';
import {
  allLexemes,
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
 * How much work one search may do, whatever the size of its match (see `run`). Measured on
 * 100,000 documents (bench/search.ts): reading a document's words costs some microseconds, so a
 * search reads a few thousand documents at most.
 */
export interface SearchLimits {
  /** A match of up to this many documents is counted and ranked exactly. */
  exactLimit: number;
  /** A larger match is counted over a sample: this many documents in a fixed pseudo-random order… */
  sampleSize: number;
  /** …cut short after the one where this many have the words (any document when browsing). */
  sampleHits: number;
  /** A larger match is ranked within this many title candidates and this many first matches. */
  candidates: number;
}

export const SEARCH_LIMITS: SearchLimits = { exactLimit: 2000, sampleSize: 2000, sampleHits: 600, candidates: 300 };

/** Each database's sample frame, at an index generation (see sampleFrame). */
const sampleFrames = new WeakMap<Kysely<DB>, { generation: string; size: number; frame: SampleFrame }>();

/**
 * One search over the library, countries and datasets (see `answer`). Answers are kept until the
 * index changes (its generation moves in the same transaction as the change, whichever process
 * makes it), at most CACHED_ANSWERS of them, least recently used out first: the library's first
 * page and common words are asked for again and again. `limits` (tests) replace SEARCH_LIMITS
 * and bypass the cache.
 */
export async function search(
  db: Kysely<DB>,
  query: SearchQuery,
  options: { cache?: boolean; limits?: Partial<SearchLimits> } = {},
): Promise<SearchResponse> {
  const limits = { ...SEARCH_LIMITS, ...options.limits };
  if (options.cache === false || options.limits) return answer(db, query, limits);
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
  const fresh = await answer(db, query, limits, generation);
  cache.answers.set(key, fresh);
  if (cache.answers.size > CACHED_ANSWERS) cache.answers.delete(cache.answers.keys().next().value ?? '');
  return fresh;
}

/**
 * Every word must match (the last as a prefix); when nothing does, words that match nothing are
 * replaced by close lexicon words with which every word matches (see correctTypos), and failing
 * that, documents matching any of the typed words are ranked. An empty query lists everything by
 * title; a query with nothing to search for ("%", an emoji) is a 400 naming q. Facet counts cover
 * the whole match, each facet filtered by the others.
 */
async function answer(
  db: Kysely<DB>,
  query: SearchQuery,
  limits: SearchLimits,
  generation?: string,
): Promise<SearchResponse> {
  const lang = query.lang;
  const context: RunContext = { db, query, filters: facetFilters(query), limits, generation };
  await checkPlaceFilters(context);
  if (query.q === '') return present(context, null, await run(context, null));
  const words = queryWords(query.q);
  if (words.length === 0) throw ApiError.invalidParameter('q', NOTHING_TO_SEARCH);
  const analysed = await repo.analyseQueryWords(db, words, query.q, lang);
  const terms = searchedWords(analysed.words, lang);
  if (terms.length === 0) throw ApiError.invalidParameter('q', NO_WORD_KEPT);
  const typed: WordQuery = { terms, all: analysed.words, key: analysed.key, mode: 'and' };
  const exact = await run(context, typed);
  if (exact.total > 0) return present(context, null, exact);

  const corrected = await correctTypos(context, typed);
  if (corrected) {
    const fixed = await run(context, corrected);
    if (fixed.total > 0) return present(context, corrected.text, fixed);
  }
  // NOTE: the typed words, never the corrections: a correction is offered only when the corrected
  // query matches as it is, and results found by words nobody typed nor was offered would be a puzzle.
  return present(context, null, await run(context, { ...typed, mode: 'or' }));
}

/**
 * A query that holds no letters or digits ("%", "_", ".*", an emoji) gives nothing to search for:
 * a 400, not the whole index as though no query were given. (An empty q lists everything.)
 */
const NOTHING_TO_SEARCH =
  'has no letters or digits to search for: give a word, or leave q out to list everything by title';
/** Letters the text search parser reads as no word at all (rare signs): as good as none. */
const NO_WORD_KEPT =
  'has no word the search can look for: give another word, or leave q out to list everything by title';

/**
 * The words a query searches for: those that are no stop word of English, French or Spanish (see
 * isSearchable). A query of stop words only ("the", "in", "de la") searches them as written, as
 * plain names (in titles, names and codes: "in" finds India by its ISO code), rather than nothing.
 */
function searchedWords(words: AnalysedWord[], lang: UiLanguage): AnalysedWord[] {
  const searchable = words.filter((word) => isSearchable(word, lang));
  if (searchable.length > 0) return searchable;
  return words.filter((word) => word.simpleForms.length > 0).map((word) => ({ ...word, langForms: [], enForms: [] }));
}

interface WordQuery {
  /** The words searched for: stop words of the three languages left out (see isSearchable). */
  terms: AnalysedWord[];
  /**
   * Every word, stop words included: a title must hold them all to rank first ("Estados Unidos"
   * puts the United States above the Arab Emirates, though "estados" is a Spanish stop word).
   */
  all: AnalysedWord[];
  key: string;
  mode: 'and' | 'or';
}

/**
 * What the sample found: per tally, its documents' facet values; how many of the match's hold the
 * words in a title; how many documents it spans, of how many in the index.
 */
interface Sample {
  counts: Map<string, number>[];
  titleMatches: number;
  spanned: number;
  documents: number;
}

/** A facet value's count, and whether it is an estimate from the sample. */
interface Count {
  count: number;
  approximate: boolean;
}

interface Outcome {
  /** Exact, or when `approximate` an estimate (see `estimateCounts`). */
  total: number;
  approximate: boolean;
  rows: repo.PageRow[];
  counts: Map<string, Count>;
  searched: boolean;
}

interface RunContext {
  db: Kysely<DB>;
  query: SearchQuery;
  filters: Map<SearchFacet, string[]>;
  limits: SearchLimits;
  /** The index generation, when the caller has read it already. */
  generation?: string;
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

/** The facet of a stored facet value ('kind' of 'kind:programme'). */
function facetOf(value: string): SearchFacet {
  return value.slice(0, value.indexOf(':')) as SearchFacet;
}

/**
 * The page, the total and the facet counts of one word query (or of browsing), at a bounded cost.
 *
 * The facets nobody filters by are counted over the match; each filtered facet's other values over
 * the documents that pass every other filter (so they keep their counts). Each of these sets is
 * counted exactly when it holds no more than exactLimit documents: a probe reads at most
 * exactLimit + 1 of them and counts them in that same read (the match's probe ranks them and gives
 * the page too). A larger set is counted over the sample (`countSampledFacetValues`: a few thousand
 * documents in a fixed pseudo-random order), and its counts are estimates (`estimateCounts`); a set
 * the sample shows to be far beyond exactLimit is not probed at all.
 *
 * A match up to exactLimit is ranked whole. A larger one is ranked within bounded candidates
 * (`boundedPage`): title matches still come first, but relevance is judged within about
 * `candidates` title matches and, among the other matches, within about `candidates` of them in
 * the sample order, not over all.
 */
async function run(context: RunContext, words: WordQuery | null): Promise<Outcome> {
  const { db, query, filters, limits } = context;
  const tsquery = words ? buildTsquery(words.terms, { mode: words.mode }) : null;
  const match = (except?: SearchFacet): repo.Match => ({
    tsquery,
    filters: [...filters].filter(([facet]) => facet !== except).map(([, values]) => values),
  });
  const titleTsquery = words ? buildTsquery(words.all, { mode: 'and' }) : null;
  const weightedTitleTsquery = words ? buildTsquery(words.all, { mode: 'and', weight: 'A' }) : null;
  const ranking: repo.Ranking = {
    match: match(),
    rankTsquery: words ? buildTsquery(words.terms, { mode: words.mode, complete: false }) : null,
    titleTsquery,
    weightedTitleTsquery,
    titleKey: words?.key ?? '',
    lang: query.lang,
  };
  const filtered = [...filters.keys()];
  // A facet whose filter the others imply is counted over the match itself (type=record with
  // kind=programme: every programme is a record); every other filtered facet has a tally of its own.
  const tallied = filtered.filter((facet) => !impliedByOtherFilters(facet, filters));
  const tallies: repo.Tally[] = [
    { match: ranking.match },
    ...tallied.map((facet) => ({ match: match(facet), only: facet })),
  ];

  // The planner's estimate of the match only orders the work, never decides an answer: when it
  // expects a small match, the probe goes first and usually settles everything; when a large one,
  // the sample goes first and usually saves the probe.
  let sampled: Sample | null = null;
  let expected = 0;
  const takeSample = async (): Promise<Sample> => {
    if (sampled) return sampled;
    const frame = await sampleFrame(context);
    const dense = expected >= DENSE_SHARE * frame.documents;
    const counted = await repo.countSampledFacetValues(
      db,
      tallies,
      { size: limits.sampleSize, hits: limits.sampleHits, sparse: dense ? null : { below: frame.below } },
      weightedTitleTsquery,
    );
    sampled = { ...counted, documents: frame.documents, spanned: counted.spanned ?? frame.sampled };
    return sampled;
  };
  const surelyLarge = (i: number) => sampled !== null && isSurelyLarge(sampled, i, limits.exactLimit);
  const probeMatch = () =>
    repo.probeMatch(db, tallies[0] ?? { match: ranking.match }, limits.exactLimit, {
      ranking,
      offset: query.offset,
      limit: query.limit,
    });
  expected = await repo.estimateMatchSize(db, ranking.match);
  let probe: Awaited<ReturnType<typeof probeMatch>> | null = null;
  if (expected <= limits.exactLimit) {
    // With filters, the sample is needed whatever the probe finds (to tell which of the filtered
    // facets' sets are worth probing): both run side by side.
    [probe] = await Promise.all([probeMatch(), tallies.length > 1 ? takeSample() : null]);
  } else if (expected <= SURELY_LARGE_EXPECTED * limits.exactLimit) {
    // Near the limit the sample cannot settle it: both are needed (and run side by side on a server).
    [probe] = await Promise.all([probeMatch(), takeSample()]);
  } else {
    await takeSample();
    if (!surelyLarge(0)) probe = await probeMatch();
  }

  let exact: (Map<string, number> | null)[] = tallies.map(() => null);
  let rows: repo.PageRow[] | null = null;
  if (probe?.counts) {
    // Every other set holds the match (when the match is large, they are too), and is often large
    // when the match is not: the sample goes first, to save probing those.
    const [shown] = await Promise.all([
      repo.findShownRows(db, ranking, probe.page ?? []),
      tallies.length > 1 ? takeSample() : null,
    ]);
    const counted = await Promise.all(
      tallies
        .slice(1)
        .map((tally, j) =>
          surelyLarge(j + 1) ? null : repo.probeMatch(db, tally, limits.exactLimit).then((p) => p.counts),
        ),
    );
    rows = shown;
    exact = [probe.counts, ...counted];
  }
  const sample = exact.every(Boolean) ? null : await takeSample();
  const passCounts = tallies.map((_, i) => {
    const counted = exact[i];
    if (counted || sample === null) return exactCounts(counted ?? new Map());
    return estimateCounts(sample.counts[i] ?? new Map<string, number>(), sample, limits.exactLimit);
  });
  const page = rows ?? (sample ? await boundedPage(context, ranking, candidateWindows(context, sample)) : []);

  const main = passCounts[0] ?? exactCounts(new Map());
  const counts = new Map<string, Count>();
  for (const [value, c] of main.counts) if (!filters.has(facetOf(value))) counts.set(value, c);
  filtered.forEach((facet) => {
    const chosen = filters.get(facet) ?? [];
    const tally = tallied.indexOf(facet) + 1; // 0, the match, when the other filters imply this one
    for (const [value, c] of passCounts[tally]?.counts ?? []) {
      if (facetOf(value) === facet && !chosen.includes(value)) counts.set(value, c);
    }
    // The chosen values are counted over the match itself: with one chosen value, its count is
    // the total; never an estimate when the match was counted exactly.
    for (const value of chosen) {
      const whole = { count: main.total, approximate: main.approximate };
      counts.set(value, chosen.length === 1 ? whole : (main.counts.get(value) ?? { ...whole, count: 0 }));
    }
  });
  return { total: main.total, approximate: main.approximate, rows: page, counts, searched: words !== null };
}

/**
 * The facets that only documents of one type carry (search.indexer.ts writes them; a test holds
 * the indexer to it): a filter on one of them implies that type.
 */
export const FACET_TYPE: Partial<Record<SearchFacet, string>> = {
  kind: 'record',
  theme: 'record',
  stage: 'record',
  instrument: 'record',
  sector: 'record',
  design: 'study',
};

/** Whether the other filters admit only documents this filter admits (then it removes none of them). */
function impliedByOtherFilters(facet: SearchFacet, filters: Map<SearchFacet, string[]>): boolean {
  if (facet !== 'type') return false;
  const types = filters.get('type') ?? [];
  return [...filters.keys()].some((other) => {
    const type = FACET_TYPE[other];
    return type !== undefined && types.includes(`type:${type}`);
  });
}

/**
 * Where the candidates of a large match stop in sample order (see search.repository.ts): about
 * `candidates` title matches, and about `candidates` matches, as the sample counted them.
 */
function candidateWindows(context: RunContext, sampled: Sample): repo.CandidateWindows {
  const { candidates } = context.limits;
  const hits = totalOf(sampled.counts[0] ?? new Map<string, number>());
  /** The share of the index, in sample order, that holds about `candidates` of a set with `inSample` sampled documents. */
  const share = (inSample: number) =>
    sampled.documents === 0 ? 1 : (candidates / Math.max(inSample, 1)) * (sampled.spanned / sampled.documents);
  const cut = (s: number) => (s >= 1 ? null : Math.floor(SAMPLE_KEY_MIN + SAMPLE_KEY_RANGE * s));
  const scan = (s: number) => s * sampled.documents <= WINDOW_SCAN_LIMIT * context.limits.sampleSize;
  const title = share(sampled.titleMatches);
  const body = share(hits - sampled.titleMatches);
  return {
    titleCut: cut(title),
    bodyCut: cut(body),
    titleScan: scan(title),
    bodyScan: scan(body),
    prefixLimit: Math.ceil(candidates / 3),
  };
}

/** How many documents facet value counts cover: each document has one 'type:' value. */
function totalOf(counts: Map<string, number>): number {
  let total = 0;
  for (const [value, n] of counts) if (facetOf(value) === 'type') total += n;
  return total;
}

function exactCounts(counts: Map<string, number>) {
  return {
    total: totalOf(counts),
    approximate: false,
    counts: new Map([...counts].map(([value, n]) => [value, { count: n, approximate: false }])),
  };
}

/**
 * Counts over the sample scaled up to the whole index (each sampled document stands for
 * documents / sampled of them) and rounded to two significant figures. The set holds more than
 * exactLimit documents, so the total is never shown below exactLimit + 1, and no value above it.
 */
export function estimateCounts(
  sampled: Map<string, number>,
  sample: { documents: number; spanned: number },
  exactLimit: number,
) {
  const scale = sample.spanned > 0 ? sample.documents / sample.spanned : 1;
  const total = Math.max(twoSignificantFigures(totalOf(sampled) * scale), exactLimit + 1);
  return {
    total,
    approximate: true,
    counts: new Map(
      [...sampled].map(([value, n]) => [
        value,
        { count: Math.min(twoSignificantFigures(n * scale), total), approximate: true },
      ]),
    ),
  };
}

/** 41,537 → 42,000; 1,234 → 1,200; below 100, the nearest whole number. */
export function twoSignificantFigures(x: number): number {
  if (x < 100) return Math.round(x);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / unit) * unit;
}

/** A candidate window of up to this many times sampleSize documents is read whole (see CandidateWindows). */
const WINDOW_SCAN_LIMIT = 2;

/**
 * Whether the sample shows set `i` to hold more than exactLimit documents beyond doubt (see
 * SURELY_LARGE_DEVIATIONS); exactly when the sample is the whole index.
 */
function isSurelyLarge(sample: Sample, i: number, exactLimit: number): boolean {
  const size = totalOf(sample.counts[i] ?? new Map<string, number>());
  if (sample.spanned >= sample.documents) return size > exactLimit;
  const atLimit = (exactLimit * sample.spanned) / sample.documents;
  return size > atLimit + SURELY_LARGE_DEVIATIONS * Math.sqrt(atLimit) + SURELY_LARGE_DEVIATIONS;
}

/**
 * A match the planner expects to cover this share of the index is sampled by testing documents
 * one by one (its words' GIN entry is long); a rarer one by the planner's choice.
 */
const DENSE_SHARE = 0.1;

/**
 * Up to this many times exactLimit, a match the planner expects beyond the limit is probed
 * alongside the sample (so near the limit the sample cannot settle it); beyond, the sample goes
 * first and usually makes the probe needless.
 */
const SURELY_LARGE_EXPECTED = 3;

/**
 * How far above what a set of exactLimit documents would put in the sample a set's sampled count
 * must be for the set to be taken as large without a probe, in standard deviations (the sampled
 * count of such a set is about binomial): the chance of a wrong call is then far too small to count.
 */
const SURELY_LARGE_DEVIATIONS = 10;

/** The sample_key of every document is an int4: the sample order spans its whole range. */
const SAMPLE_KEY_MIN = -(2 ** 31);
const SAMPLE_KEY_RANGE = 2 ** 32;

type SampleFrame = Awaited<ReturnType<typeof repo.findSampleFrame>>;

/** The index's size and where its sample ends (repo.findSampleFrame), read once per index generation. */
async function sampleFrame(context: RunContext): Promise<SampleFrame> {
  const { db, limits } = context;
  const generation = context.generation ?? (await repo.findIndexGeneration(db));
  const kept = sampleFrames.get(db);
  if (kept?.generation === generation && kept.size === limits.sampleSize) return kept.frame;
  const frame = await repo.findSampleFrame(db, limits.sampleSize);
  sampleFrames.set(db, { generation: frame.generation, size: limits.sampleSize, frame });
  return frame;
}

/**
 * The page of a match too large to rank whole (browsing is by title, which an index gives in
 * order). Its documents come in four groups (see search.repository.ts): the title candidates,
 * ranked; the other title matches; the body candidates, ranked; the other matches. Each group is
 * read only when the page reaches it, and only as far as the page needs.
 *
 * NOTE: beyond the title matches, relevance among body-only matches is judged within the first
 * `candidates` matches in sample order (a fixed pseudo-random order), not over the whole match:
 * ranking tens of thousands of documents would cost tens or hundreds of milliseconds.
 */
async function boundedPage(
  context: RunContext,
  ranking: repo.Ranking,
  windows: repo.CandidateWindows,
): Promise<repo.PageRow[]> {
  const { db, query } = context;
  const { titleTsquery, weightedTitleTsquery } = ranking;
  if (ranking.match.tsquery === null || titleTsquery === null || weightedTitleTsquery === null) {
    return repo.findBrowsePage(db, ranking, { offset: query.offset, limit: query.limit });
  }
  const ranked = { ...ranking, titleTsquery, weightedTitleTsquery };
  const { offset } = query;
  const end = offset + query.limit;
  const keys: repo.RankedKey[] = [];
  /** Documents in the groups already passed. */
  let before = 0;

  const takeRanked = (group: repo.RankedKey[]) => {
    const from = Math.max(0, offset - before);
    keys.push(...group.slice(from, from + (end - before - from)));
    before += group.length;
  };
  const takeUnranked = async (group: repo.UnrankedGroup) => {
    const from = Math.max(0, offset - before);
    const wanted = end - before - from;
    const rows = await repo.findUnrankedMatches(db, ranked, group, { offset: from, limit: wanted });
    keys.push(...rows);
    if (rows.length === wanted) before = end;
    else if (rows.length > 0 || from === 0) before += from + rows.length;
    else before += await repo.countUnrankedMatches(db, ranked, group);
  };

  const titles = await repo.findTitleCandidates(db, ranked, windows);
  takeRanked(titles.ranked);
  if (before < end && windows.titleCut !== null) {
    await takeUnranked({ titles: true, from: windows.titleCut, prefix: titles.prefix });
  }
  if (before < end) {
    takeRanked(await repo.findBodyCandidates(db, ranked, windows, titles.prefix));
    if (before < end && windows.bodyCut !== null) {
      await takeUnranked({ titles: false, from: windows.bodyCut, prefix: titles.prefix });
    }
  }
  return repo.findShownRows(db, ranking, keys);
}

/** Lexicon words tried at most for each word that matches nothing, the closest first. */
const CORRECTION_CANDIDATES = 5;

/**
 * How much closer (in trigram similarity, from 0.3 to 1) a word the library writes in another
 * language only must be than one it writes in the request's language to be offered instead:
 * "devlopement" is closer to the French "developpement" (0.53) than to "development" (0.41), and
 * an English reader is offered "development".
 */
const OWN_LANGUAGE_PREFERENCE = 0.2;

/**
 * The query again, each word that matches no document replaced by a close lexicon word, such that
 * the corrected query matches as it is (every word, within the facet filters); undefined when there
 * is no such correction. The words are corrected one after the other, in the query's order, each
 * with the query's other words that match and the corrections already made: of the closest
 * lexicon words that then match, the closest is taken, a word the library writes in the request's
 * language preferred (OWN_LANGUAGE_PREFERENCE). So a word of another language is offered only
 * when it is much closer, or when no word of the request's language makes a query that matches
 * (the query's words may be in any of the three languages). A word of the query ("brain drain" is
 * not "brain brain") or a stop word is never offered.
 */
async function correctTypos(
  context: RunContext,
  typed: WordQuery,
): Promise<(WordQuery & { text: string }) | undefined> {
  const { db, query, filters } = context;
  const { lang } = query;
  const { terms } = typed;
  // A query of stop words only, searched as names, is not corrected.
  if (!terms.every((t) => isSearchable(t, lang))) return undefined;
  const last = terms.length - 1;
  const wordTsquery = (t: AnalysedWord, i: number) => buildTsquery([t], { mode: 'and', prefixLast: i === last });
  const found = await repo.findWordsWithMatches(db, terms.map(wordTsquery));
  const missing = terms.flatMap((_, i) => (found[i] ? [] : [i]));
  if (missing.length === 0) return undefined;

  const closest = await repo.findClosestLexiconWords(
    db,
    missing.map((i) => terms[i]?.simpleForms.join(' ') ?? ''),
    CORRECTION_CANDIDATES,
  );
  const typedForms = new Set(typed.all.flatMap((w) => w.simpleForms));
  const candidateWords = [...new Set(closest.flat().map((c) => c.word))].filter((w) => !typedForms.has(w));
  if (candidateWords.length === 0) return undefined;
  const analysedCandidates = await repo.analyseQueryWords(db, candidateWords, '', lang);
  const formsOf = new Map(analysedCandidates.words.map((w) => [w.word, w]));

  const corrections = new Map<number, AnalysedWord>();
  const facetValues = [...filters.values()];
  for (const [k, i] of missing.entries()) {
    const candidates = (closest[k] ?? []).flatMap((c) => {
      const forms = formsOf.get(c.word);
      const taken = [...corrections.values()].some((w) => w.word === c.word);
      return forms && !taken && isSearchable(forms, lang) ? [{ ...c, forms }] : [];
    });
    // The query with this word corrected: the words that match, the corrections so far, this one
    // (each as the whole query would search it: the query's last word as a prefix).
    const tsqueryWith = (forms: AnalysedWord) =>
      terms
        .flatMap((t, j) => {
          const word = j === i ? forms : (corrections.get(j) ?? (found[j] ? t : null));
          return word ? [wordTsquery(word, j)] : [];
        })
        .join(' & ');
    const checked = await repo.checkCorrections(
      db,
      candidates.map((c) => ({
        match: { tsquery: tsqueryWith(c.forms), filters: facetValues },
        word: c.word,
        langTsquery: c.forms.langForms.length > 0 ? allLexemes(c.forms.langForms, 'AB') : null,
      })),
      lang,
    );
    const score = (n: number) =>
      (candidates[n]?.similarity ?? 0) + (checked[n]?.inLanguage ? OWN_LANGUAGE_PREFERENCE : 0);
    // Candidates come closest first (ties: in more documents), and the sort keeps that order on ties.
    const best = candidates
      .map((c, n) => ({ c, n }))
      .filter(({ n }) => checked[n]?.matches)
      .sort((a, b) => score(b.n) - score(a.n))[0];
    if (!best) return undefined;
    corrections.set(i, best.c.forms);
  }

  const replaced = new Map([...corrections].map(([i, w]) => [terms[i]?.word, w.word]));
  // Every typed word, stop words included, in the typed order ("gain de cerveaux").
  const words = typed.all.map((w) => replaced.get(w.word) ?? w.word);
  const text = words.join(' ');
  const analysed = await repo.analyseQueryWords(db, words, text, lang);
  const correctedTerms = analysed.words.filter((w) => isSearchable(w, lang));
  if (correctedTerms.length === 0) return undefined;
  return { terms: correctedTerms, all: analysed.words, key: analysed.key, mode: 'and', text };
}

async function present(context: RunContext, correctedQuery: string | null, outcome: Outcome): Promise<SearchResponse> {
  const { query } = context;
  return {
    query: query.q,
    correctedQuery,
    total: outcome.total,
    approximate: outcome.approximate,
    corridor: query.q === '' ? null : await corridorOf(context),
    results: outcome.rows.map((row) => presentHit(row, outcome.searched)),
    facets: await presentFacets(context, outcome.counts),
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
    titleLang: row.title_lang,
    snippetLang: row.snippet_lang,
  };
}

/** The corridor the query names (see readCorridor), with its pages, named in the request's language. */
async function corridorOf(context: RunContext): Promise<SearchResponse['corridor']> {
  const reading = readCorridor(context.query.q, await placeKeys(context));
  if (!reading) return null;
  const { countryNames } = await placeNames(context);
  const place = (code: string) => ({ code, name: countryNames.get(code) ?? code });
  const page = (from: string, to: string) => `/corridors/${encodeURIComponent(from)}/${encodeURIComponent(to)}`;
  return {
    from: place(reading.from),
    to: place(reading.to),
    url: page(reading.from, reading.to),
    reverseUrl: page(reading.to, reading.from),
  };
}

/** The names and codes a query is read for a corridor by, by index generation (as placeNames). */
const placeKeyCaches = new WeakMap<Kysely<DB>, { generation: string; keys: PlaceKeys }>();

async function placeKeys(context: RunContext): Promise<PlaceKeys> {
  const { db } = context;
  const generation = context.generation ?? (await repo.findIndexGeneration(db));
  const kept = placeKeyCaches.get(db);
  if (kept?.generation === generation) return kept.keys;
  const { names, codes } = await repo.findPlaceNameKeys(db);
  // A name two areas share ("Congo") names neither.
  const byName = new Map<string, string | null>();
  for (const { search_key, area_code } of names) {
    const seen = byName.get(search_key);
    byName.set(search_key, seen === undefined || seen === area_code ? area_code : null);
  }
  const keys = { byName, codes: new Set(codes) };
  placeKeyCaches.set(db, { generation, keys });
  return keys;
}

type M49Region = Awaited<ReturnType<typeof repo.findRegionNames>>[number];

interface PlaceNames {
  /** Every area code, with its short name. */
  countryNames: Map<string, string>;
  /** Every M49 code, by code: regions, sub-regions and intermediate regions. */
  regions: Map<string, M49Region>;
}

/** The names of places, by index generation and language (see placeNames). */
const placeNameCaches = new WeakMap<Kysely<DB>, { generation: string; byLang: Map<string, PlaceNames> }>();

/**
 * The short names of every area in the request's language (English when it has none) and of the
 * M49 regions, for facet labels and to check the country and region filters: read once per index
 * generation (the reference data they come from is reloaded only with a reindex of the
 * countries, which moves the generation).
 */
async function placeNames(context: RunContext): Promise<PlaceNames> {
  const { db, query } = context;
  const generation = context.generation ?? (await repo.findIndexGeneration(db));
  let cache = placeNameCaches.get(db);
  if (cache?.generation !== generation) {
    cache = { generation, byLang: new Map() };
    placeNameCaches.set(db, cache);
  }
  let names = cache.byLang.get(query.lang);
  if (!names) {
    const [areas, regions] = await Promise.all([repo.findAreaNames(db, query.lang), repo.findRegionNames(db)]);
    names = {
      countryNames: new Map(areas.map((r) => [r.code, r.name])),
      regions: new Map(regions.map((r) => [r.code, r])),
    };
    cache.byLang.set(query.lang, names);
  }
  return names;
}

/** The M49 levels a document's region facet holds (search.indexer.ts): its region and its sub-region. */
const FACET_REGION_LEVELS = new Set(['region', 'subregion']);

/**
 * The country and region filters must name places of the reference data: an unknown code would
 * match nothing, silently. A 400 names each filter and its unknown codes, in the words the data
 * hub and the countries API use. Checked against the facets' labels (kept per index generation
 * and language, and read for the answer anyway), so it costs no query of its own.
 */
async function checkPlaceFilters(context: RunContext): Promise<void> {
  const { country = [], region = [] } = context.query;
  if (country.length === 0 && region.length === 0) return;
  const { countryNames, regions } = await placeNames(context);
  const details: ErrorDetail[] = [];
  const unknownCountries = [...new Set(country.filter((code) => !countryNames.has(code)))];
  if (unknownCountries.length) details.push({ field: 'country', message: noAreaHas(unknownCountries) });

  const notFacet = [...new Set(region.filter((code) => !FACET_REGION_LEVELS.has(regions.get(code)?.level ?? '')))];
  const unknownRegions = notFacet.filter((code) => !regions.has(code));
  const known = [...regions.values()].filter((r) => FACET_REGION_LEVELS.has(r.level));
  const said = unknownRegions.length ? [unknownM49Codes('region or sub-region', unknownRegions, known)] : [];
  // An intermediate region (014 Eastern Africa) is a real M49 code, but no document is filed under one.
  for (const code of notFacet.filter((c) => regions.has(c))) {
    const intermediate = regions.get(code) as M49Region;
    const parent = intermediate.parent_code ? regions.get(intermediate.parent_code) : undefined;
    said.push(
      `"${code}" is ${intermediate.name_en}, an M49 intermediate region, which the search does not filter by${parent ? `: ask for its sub-region, ${parent.code} ${parent.name_en}` : ''}`,
    );
  }
  if (said.length) details.push({ field: 'region', message: said.join('; ') });
  if (details.length)
    throw new ApiError(400, 'invalid_parameter', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
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
 * a selected value is listed even when nothing matches it now. An estimated count says so.
 */
async function presentFacets(context: RunContext, counts: Map<string, Count>): Promise<SearchResponse['facets']> {
  const { query } = context;
  const byFacet = new Map<SearchFacet, Map<string, Count>>(SEARCH_FACETS.map((f) => [f, new Map()]));
  for (const [key, n] of counts) {
    const at = key.indexOf(':');
    byFacet.get(key.slice(0, at) as SearchFacet)?.set(key.slice(at + 1), n);
  }
  for (const facet of SEARCH_FACETS) {
    for (const value of query[facet] ?? []) {
      const values = byFacet.get(facet);
      if (values && !values.has(value)) values.set(value, { count: 0, approximate: false });
    }
  }
  const { countryNames, regions } = await placeNames(context);
  const collator = new Intl.Collator(query.lang, { sensitivity: 'base' });
  const facets: SearchResponse['facets'] = {};
  for (const facet of SEARCH_FACETS) {
    const label = (value: string) =>
      facet === 'country'
        ? (countryNames.get(value) ?? value)
        : facet === 'region'
          ? (regions.get(value)?.name_en ?? value)
          : (FACET_VOCABULARIES[facet]?.find((t) => t.code === value)?.label[query.lang] ?? value);
    facets[facet] = [...(byFacet.get(facet) ?? [])]
      .map(([value, { count, approximate }]) => ({
        value,
        label: label(value),
        count,
        ...(approximate ? { approximate } : {}),
      }))
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label) || (a.value < b.value ? -1 : 1));
  }
  return facets;
}
