import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SEARCH_FACETS, termLabel, type SearchFacet, type VocabularyName } from '../../core/library-vocab.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { FacetFilters } from '../components/FacetFilters.js';
import { Pagination } from '../components/Pagination.js';
import { Snippet } from '../components/Snippet.js';
import { formatNumber } from '../format.js';
import { useApi, useDocumentTitle, useParamPatch, type ParamPatch } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { LIBRARY_EXPORTS, search, type SearchParams, type SearchResponse } from '../library-api.js';
import { splitList } from '../library.js';
import { LangLink } from '../links.js';
import { useSession } from '../session.js';
import { apiUrl } from '../api.js';

/** Results per page. */
export const PAGE_SIZE = 20;

/** The furthest offset the search API serves (SearchQuery in src/core/library.ts). */
const MAX_OFFSET = 10_000;

/** Library pages search only its own items; the type facet narrows within them. */
const LIBRARY_SEARCH_TYPES = ['record', 'organisation', 'study'];

/** Facets of each search, in the order they are offered. */
const FACET_ORDER: Record<'all' | 'library', readonly SearchFacet[]> = {
  all: SEARCH_FACETS,
  library: ['type', 'kind', 'theme', 'stage', 'instrument', 'sector', 'design', 'region', 'country'],
};

/** The vocabulary that labels a facet's codes, for values the answer does not list. */
const FACET_VOCABULARY: Partial<Record<SearchFacet, VocabularyName>> = {
  type: 'type',
  kind: 'kind',
  theme: 'theme',
  stage: 'stage',
  instrument: 'instrument',
  sector: 'sector',
  design: 'design',
};

/** The search of the URL: words, chosen facet values and page. */
function readSearchState(params: URLSearchParams) {
  const selected: Partial<Record<SearchFacet, string[]>> = {};
  for (const facet of SEARCH_FACETS) {
    const values = splitList(params.get(facet));
    if (values.length > 0) selected[facet] = values;
  }
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { q: params.get('q')?.trim() ?? '', selected, page };
}

/**
 * The page's title with the words searched and the page of results ("“diaspora”, page 2 —
 * Search"): tabs, bookmarks and the history tell one search from another, and a screen reader
 * hears what the page now shows.
 */
function useSearchTitle(pageTitle: string): void {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { q, page } = readSearchState(searchParams);
  useDocumentTitle(t.searchDocumentTitle(pageTitle, q, page), t.siteName);
}

/** The whole-platform search: records, organisations, evidence, countries and datasets. */
export function SearchPage() {
  const t = useT();
  useSearchTitle(t.searchTitle);
  return (
    <div className="page">
      <h1>{t.searchTitle}</h1>
      <p className="lead">{t.searchLead}</p>
      <SearchView scope="all" />
    </div>
  );
}

/** The library: the same search over records, organisations and studies, with its downloads. */
export function LibraryPage() {
  const t = useT();
  const session = useSession();
  useSearchTitle(t.libraryTitle);
  return (
    <div className="page">
      <h1>{t.libraryTitle}</h1>
      <p className="lead">{t.libraryLead}</p>
      <div className="library-actions">
        {session.can('contributor') && (
          <ul className="inline-list">
            <li>
              <LangLink to="/library/new?type=record" className="button-primary">
                {t.newRecord}
              </LangLink>
            </li>
            <li>
              <LangLink to="/library/new?type=organisation" className="button-secondary">
                {t.newOrganisation}
              </LangLink>
            </li>
            <li>
              <LangLink to="/library/new?type=study" className="button-secondary">
                {t.newStudy}
              </LangLink>
            </li>
          </ul>
        )}
        <p className="library-actions__links">
          <LangLink to="/gap-map">{t.gapMapLink}</LangLink>
        </p>
      </div>
      <SearchView scope="library" />
      <section className="section" aria-labelledby="library-downloads-heading">
        <h2 id="library-downloads-heading">{t.downloadsHeading}</h2>
        <p className="section__lead">{t.downloadsLead}</p>
        <ul className="inline-list downloads">
          {LIBRARY_EXPORTS.map((file) => (
            <li key={file.key}>
              <a className="button-small" href={file.url} download>
                {t.exportNames[file.key]}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * Search box, facets, results with highlighted snippets and pagination, all held in the URL.
 * `scope` "library" keeps to records, organisations and studies.
 */
/** The width below which the results and filters stand in one column (styles.css, .search__layout). */
const NARROW_SCREEN = '(max-width: 48rem)';

function SearchView({ scope }: { scope: 'all' | 'library' }) {
  const t = useT();
  const lang = useLang();
  const [searchParams, patchParams] = useParamPatch();
  const state = readSearchState(searchParams);
  const inputId = useId();
  const [text, setText] = useState(state.q);
  // On a phone the filters come first in the page but start folded, so the results are in view.
  const [narrow] = useState(() => window.matchMedia(NARROW_SCREEN).matches);

  // The box follows the URL (back button, a new search from the header).
  useEffect(() => setText(state.q), [state.q]);

  // Another page of results: take the reader to the top of the list, as a page load would.
  const resultsRef = useRef<HTMLElement>(null);
  const shownPage = useRef(state.page);
  useEffect(() => {
    if (shownPage.current === state.page) return;
    shownPage.current = state.page;
    resultsRef.current?.focus();
    resultsRef.current?.scrollIntoView({ block: 'start' });
  }, [state.page]);

  const params: SearchParams = { lang, q: state.q || undefined, limit: String(PAGE_SIZE) };
  for (const [facet, values] of Object.entries(state.selected) as [SearchFacet, string[]][]) {
    params[facet] = values.join(',');
  }
  if (scope === 'library') {
    const types = (state.selected.type ?? []).filter((type) => LIBRARY_SEARCH_TYPES.includes(type));
    params.type = (types.length > 0 ? types : LIBRARY_SEARCH_TYPES).join(',');
  }
  if (state.page > 1) params.offset = String((state.page - 1) * PAGE_SIZE);
  const result = useApi(apiUrl('/search', params), (signal) => search(params, signal));
  const noWords =
    result.error?.code === 'invalid_parameter' && result.error.details.some((detail) => detail.field === 'q');

  function update(patch: ParamPatch) {
    // A new search or filter starts again at the first page.
    patchParams('page' in patch ? patch : { ...patch, page: null });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: text.trim() || null });
  }

  function handleToggle(facet: SearchFacet, value: string, checked: boolean) {
    const current = state.selected[facet] ?? [];
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    update({ [facet]: next.join(',') || null });
  }

  function handleClear() {
    update(Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, null])));
  }

  function labelOf(facet: SearchFacet, value: string): string {
    const vocabulary = FACET_VOCABULARY[facet];
    return vocabulary ? termLabel(vocabulary, value, lang) : value;
  }

  const data = result.data;
  const hasFilters = Object.keys(state.selected).length > 0;
  // NOTE: a large match's total is an estimate and may run past the end, and the API serves no
  // further than MAX_OFFSET: pages are offered up to there.
  const pageCount = data ? Math.min(Math.ceil(data.total / PAGE_SIZE), Math.floor(MAX_OFFSET / PAGE_SIZE) + 1) : 0;
  const answered = data?.facets ?? {};
  // Facet counts leave out the facet's own filter, so the type facet lists countries and datasets
  // too: the library offers only its own types.
  const facets =
    scope === 'library'
      ? { ...answered, type: (answered.type ?? []).filter((v) => LIBRARY_SEARCH_TYPES.includes(v.value)) }
      : answered;
  const order = FACET_ORDER[scope];

  function pageHref(page: number): string {
    const next = new URLSearchParams(searchParams);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    const query = next.toString();
    return `${scope === 'library' ? '/library' : '/search'}${query ? `?${query}` : ''}`;
  }

  return (
    <div className="search">
      <form className="search__form" role="search" aria-label={t.searchFormLabel} onSubmit={handleSubmit}>
        <label htmlFor={inputId}>{scope === 'library' ? t.librarySearchLabel : t.searchLabel}</label>
        <div className="search__row">
          <input
            id={inputId}
            type="search"
            name="q"
            value={text}
            autoComplete="off"
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button-primary">
            {t.searchButton}
          </button>
        </div>
        <p id={`${inputId}-hint`} className="field__hint">
          {t.searchHintWords}
        </p>
      </form>

      <div className="search__layout">
        <aside className="search__facets" aria-labelledby={`${inputId}-facets`}>
          {/* NOTE: a heading inside <summary> is no heading to a screen reader (the summary is a
              button): the heading is its own, for heading navigation, and the summary shows it. */}
          <h2 id={`${inputId}-facets`} className="visually-hidden">
            {t.refineHeading}
          </h2>
          <details className="search__facets-fold" open={!narrow || hasFilters}>
            <summary>
              <span className="search__facets-title">{t.refineHeading}</span>
            </summary>
            {hasFilters && (
              <button type="button" className="button-secondary button-block" onClick={handleClear}>
                {t.clearAllFilters}
              </button>
            )}
            <FacetFilters
              facets={facets}
              order={order}
              selected={state.selected}
              labelOf={labelOf}
              onToggle={handleToggle}
            />
          </details>
        </aside>

        <section
          className="search__results"
          aria-labelledby={`${inputId}-results`}
          aria-busy={result.loading}
          ref={resultsRef}
          tabIndex={-1}
        >
          <h2 id={`${inputId}-results`} className="visually-hidden">
            {t.resultsHeading}
          </h2>
          {/* A query with nothing to search for ("%", "😀") is refused naming q: said in the reader's language. */}
          {result.error && !noWords && <ErrorAlert error={result.error} />}
          {noWords && <p className="empty">{t.searchNeedsWords}</p>}
          <div role="status" className="result-count">
            {result.error ? (
              ''
            ) : data && !result.loading ? (
              <ResultSummary data={data} basePath={scope === 'library' ? '/library' : '/search'} />
            ) : (
              t.loading
            )}
          </div>
          {scope === 'all' && data?.corridor && state.page === 1 && <CorridorSuggestion corridor={data.corridor} />}
          {data && data.results.length === 0 && !result.error && <p className="empty">{t.noSearchResults}</p>}
          {data && data.results.length > 0 && (
            <ol className="results" start={(state.page - 1) * PAGE_SIZE + 1}>
              {data.results.map((hit) => (
                <li key={`${hit.type}:${hit.id}`} className="result">
                  <p className="result__meta">
                    <span className={`type-tag type-tag--${hit.type}`}>{termLabel('type', hit.type, lang)}</span>
                    {hit.subtitle && (
                      // A dataset's publisher and edition are the publisher's English words.
                      <span
                        className="result__subtitle"
                        lang={hit.type === 'dataset' && lang !== 'en' ? 'en' : undefined}
                      >
                        {hit.subtitle}
                      </span>
                    )}
                  </p>
                  <h3 className="result__title" lang={hit.titleLang === lang ? undefined : hit.titleLang}>
                    <LangLink to={hit.url}>{hit.title}</LangLink>
                  </h3>
                  {hit.snippet.length > 0 && (
                    // Marked where it is the English text an item has in no other language, so
                    // that a screen reader reads it as English.
                    <p className="result__snippet" lang={hit.snippetLang === lang ? undefined : hit.snippetLang}>
                      <Snippet segments={hit.snippet} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {data && <Pagination page={state.page} pageCount={pageCount} hrefOf={pageHref} />}
        </section>
      </div>
    </div>
  );
}

/**
 * The corridor a query names ("Philippines USA"), offered above the results: its page, and the
 * page of the corridor the other way (the query's order is a guess at which way is meant).
 */
function CorridorSuggestion({ corridor }: { corridor: NonNullable<SearchResponse['corridor']> }) {
  const t = useT();
  return (
    <p className="corridor-suggestion">
      <span className="type-tag type-tag--corridor">{t.corridorSuggestion}</span>{' '}
      <LangLink to={corridor.url}>
        <strong>
          {corridor.from.name} → {corridor.to.name}
        </strong>
      </LangLink>
      {t.colon}
      {t.corridorSuggestionWhat}.{' '}
      <span className="muted">
        {t.corridorOtherWay}{' '}
        <LangLink to={corridor.reverseUrl}>
          {corridor.to.name} → {corridor.from.name}
        </LangLink>
      </span>
    </p>
  );
}

/**
 * "12 results for “x”" ("about 41,000 results" when the match was too large to count), or "No
 * results for “x”; showing results for “y”" when the words were corrected.
 */
function ResultSummary({ data, basePath }: { data: SearchResponse; basePath: string }) {
  const t = useT();
  const lang = useLang();
  const formatted = formatNumber(data.total, lang);
  const count = data.approximate
    ? t.searchResultCountApproximate(formatted)
    : t.searchResultCount(data.total, formatted);
  if (data.correctedQuery) {
    return (
      <>
        <span className="did-you-mean">
          {t.showingResultsFor}{' '}
          <LangLink to={`${basePath}?q=${encodeURIComponent(data.correctedQuery)}`}>
            <strong>{data.correctedQuery}</strong>
          </LangLink>
          {t.colon}
          {count}.
        </span>{' '}
        <span className="muted">{t.noResultsForTyped(data.query)}</span>
      </>
    );
  }
  return <>{data.query ? t.searchResultCountFor(count, data.query) : count}</>;
}
