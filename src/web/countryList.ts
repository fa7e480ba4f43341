import type { CountryListQuery, CountrySummary, IncomeGroup } from '../core/countries.js';
import type { UiLanguage } from '../core/languages.js';

/** Columns the countries table can be sorted on; the values are what `?sort=` holds in the URL. */
export const SORT_KEYS = ['name', 'iso3', 'region', 'income'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Choices of the "Show" filter, in the order the select lists them. */
export const KIND_CHOICES = ['country', 'all', 'non_iso', 'former', 'residual'] as const;
export type KindChoice = (typeof KIND_CHOICES)[number];

/**
 * NOTE: the UI lists ISO countries and territories by default, although the API's default is every
 * area: readers come for countries, and "unknown origin" or "stateless" rows would surprise them.
 */
export const DEFAULT_KIND: KindChoice = 'country';

// Ordinal rank of the income groups, so "sort by income group" reads from low to high.
const INCOME_RANK: Record<IncomeGroup, number> = { L: 0, LM: 1, UM: 2, H: 3 };

/** Everything the countries page keeps in its URL, read back with defaults. */
export type CountryListState = {
  q: string;
  region: string;
  subregion: string;
  incomeGroup: string;
  /** As written in the URL ("FY25" or "2025"); empty means the latest year the API has. */
  fiscalYear: string;
  kind: string;
  sort: SortKey;
  dir: SortDirection;
};

/** Reads the countries page state from URL parameters; unknown sort values fall back to the default. */
export function readCountryListState(params: URLSearchParams): CountryListState {
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    subregion: params.get('subregion') ?? '',
    incomeGroup: params.get('incomeGroup') ?? '',
    fiscalYear: params.get('fiscalYear') ?? '',
    kind: params.get('kind') ?? DEFAULT_KIND,
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/**
 * The API query for a page state. Filter values go to the API as the URL holds them, unchecked:
 * the API is the one judge of what is valid, and its error message is what the reader then sees.
 */
export function toCountryListQuery(state: CountryListState, lang: UiLanguage): CountryListQuery {
  const query: CountryListQuery = { lang };
  const q = state.q.trim();
  if (q) query.q = q;
  if (state.region) query.region = state.region;
  if (state.subregion) query.subregion = state.subregion;
  if (state.incomeGroup) query.incomeGroup = state.incomeGroup as IncomeGroup;
  if (state.fiscalYear) query.fiscalYear = state.fiscalYear;
  if (state.kind) query.kind = state.kind as CountryListQuery['kind'];
  return query;
}

/**
 * Sorts countries for display. Names compare with the collation of the UI language; ties fall back
 * to the name, and missing values (no region, not classified) stay at the bottom in both directions.
 */
export function sortCountries(
  items: readonly CountrySummary[],
  sort: SortKey,
  dir: SortDirection,
  lang: UiLanguage,
): CountrySummary[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: CountrySummary, b: CountrySummary) => collator.compare(a.name, b.name);

  // Only called once missingOrder has put rows lacking the sorted value aside.
  const primary = (a: CountrySummary, b: CountrySummary): number => {
    switch (sort) {
      case 'name':
        return byName(a, b);
      case 'iso3':
        return collator.compare(a.code, b.code);
      case 'region':
        return (
          collator.compare(a.region?.name ?? '', b.region?.name ?? '') ||
          collator.compare(a.subregion?.name ?? '', b.subregion?.name ?? '')
        );
      case 'income': {
        const ga = a.incomeGroup?.group;
        const gb = b.incomeGroup?.group;
        return ga && gb ? INCOME_RANK[ga] - INCOME_RANK[gb] : 0;
      }
    }
  };

  return [...items].sort((a, b) => {
    const missing = missingOrder(a, b, sort);
    if (missing !== 0) return missing;
    const result = primary(a, b);
    return result !== 0 ? sign * result : byName(a, b);
  });
}

// Puts rows without a value for the sorted column after the others, in either direction.
function missingOrder(a: CountrySummary, b: CountrySummary, sort: SortKey): number {
  const has = (c: CountrySummary) =>
    sort === 'region' ? c.region !== null : sort === 'income' ? Boolean(c.incomeGroup?.group) : true;
  return Number(!has(a)) - Number(!has(b));
}
