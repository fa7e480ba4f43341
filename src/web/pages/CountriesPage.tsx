import { useCallback, useId } from 'react';
import { useLocation } from 'react-router-dom';
import { INCOME_GROUPS, fiscalYearLabel, parseFiscalYear } from '../../core/classifications.js';
import type { CountrySummary, RegionsResponse } from '../../core/countries.js';
import { apiUrl, getRegions, listCountries } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { SearchField, SelectField } from '../components/FilterFields.js';
import { KindBadge } from '../components/KindBadge.js';
import { SourcesLine } from '../components/SourcesLine.js';
import { TableScroll } from '../components/TableScroll.js';
import {
  DEFAULT_KIND,
  KIND_CHOICES,
  readCountryListState,
  sortCountries,
  toCountryListQuery,
  type KindChoice,
  type SortKey,
} from '../countryList.js';
import { useApi, useDocumentTitle, useParamPatch, type ParamPatch } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { m49GroupLabel, m49Text } from '../m49-names.js';
import { LangLink } from '../links.js';

const KIND_LABELS = {
  country: 'kindCountry',
  all: 'kindAll',
  non_iso: 'kindNonIso',
  former: 'kindFormer',
  residual: 'kindResidual',
} as const satisfies Record<KindChoice, keyof Messages>;

/** State a country page receives from the list, so its breadcrumb returns to the same search. */
export type FromListState = { listSearch: string };

/**
 * The countries page: a search box, filters and a sortable table, all held in the URL so that a
 * link reproduces the view exactly (language included).
 */
export function CountriesPage() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const [searchParams, updateParams] = useParamPatch();
  const state = readCountryListState(searchParams);
  const query = toCountryListQuery(state, lang);

  const list = useApi(apiUrl('/countries', query), (signal) => listCountries(query, signal));
  const regions = useApi('regions', (signal) => getRegions(signal));
  const searchId = useId();
  useDocumentTitle(t.countriesTitle, t.siteName);

  const handleSearchCommit = useCallback(
    (text: string) => updateParams({ q: text.trim() || null }, { replace: true }),
    [updateParams],
  );

  function handleSort(column: SortKey) {
    const dir = state.sort === column && state.dir === 'asc' ? 'desc' : 'asc';
    updateParams({ sort: column === 'name' ? null : column, dir: dir === 'asc' ? null : dir });
  }

  function handleClearFilters() {
    // Sorting is how the reader looks at the list, not what they look for: it stays.
    const kept = ['lang', 'sort', 'dir'];
    const filters = [...searchParams.keys()].filter((key) => !kept.includes(key));
    updateParams({ ...Object.fromEntries(filters.map((key) => [key, null])), lang });
    // The button disappears with the filters; give keyboard users a sensible place to be.
    document.getElementById(searchId)?.focus();
  }

  // The latest year is the default: it is left out of the URL, so it is only known for sure
  // from /api/regions, or from a list fetched without a year.
  const latestFiscalYear = regions.data
    ? Math.max(...regions.data.fiscalYears)
    : !state.fiscalYear && list.data
      ? list.data.fiscalYear
      : 0;
  const selectedFiscalYear = state.fiscalYear ? (parseFiscalYear(state.fiscalYear) ?? 0) : latestFiscalYear;
  // Caption and header name the year of the data on screen, which may lag the select by a request.
  const fiscalYearText = list.data ? t.fiscalYear(list.data.fiscalYear) : '';

  const hasFilters = ['q', 'region', 'subregion', 'incomeGroup', 'fiscalYear', 'kind'].some((key) =>
    searchParams.has(key),
  );
  const items = list.data && !list.error ? sortCountries(list.data.items, state.sort, state.dir, lang) : undefined;

  return (
    <div className="page">
      <h1>{t.countriesTitle}</h1>
      <p className="lead">{t.countriesLead}</p>

      <form className="filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <SearchField id={searchId} label={t.search} hint={t.searchHint} value={state.q} onCommit={handleSearchCommit} />
        <SelectField
          className="field--kind"
          label={t.filterKind}
          value={state.kind}
          onChange={(value) => updateParams({ kind: value === DEFAULT_KIND ? null : value })}
        >
          {KIND_CHOICES.map((kind) => (
            <option key={kind} value={kind}>
              {t[KIND_LABELS[kind]]}
            </option>
          ))}
        </SelectField>
        <RegionFilters
          regions={regions.data}
          region={state.region}
          subregion={state.subregion}
          onChange={(patch) => updateParams(patch)}
        />
        <SelectField
          label={t.filterIncomeGroup}
          value={state.incomeGroup}
          onChange={(value) => updateParams({ incomeGroup: value })}
        >
          <option value="">{t.allIncomeGroups}</option>
          {INCOME_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t.incomeGroups[group]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.filterFiscalYear}
          value={selectedFiscalYear > 0 ? String(selectedFiscalYear) : ''}
          onChange={(value) =>
            updateParams({
              fiscalYear: !value || Number(value) === latestFiscalYear ? null : fiscalYearLabel(Number(value)),
            })
          }
        >
          {selectedFiscalYear <= 0 && <option value="">{regions.data ? '' : t.loading}</option>}
          {[...(regions.data?.fiscalYears ?? (selectedFiscalYear > 0 ? [selectedFiscalYear] : []))]
            .sort((a, b) => b - a)
            .map((year) => (
              <option key={year} value={String(year)}>
                {t.fiscalYear(year)}
              </option>
            ))}
        </SelectField>
        {hasFilters && (
          <div className="filters__actions">
            <button type="button" className="button-secondary" onClick={handleClearFilters}>
              {t.clearFilters}
            </button>
          </div>
        )}
      </form>

      {regions.error && <ErrorAlert error={regions.error} />}
      {list.error && <ErrorAlert error={list.error} />}

      <p className="result-count" role="status">
        {list.error ? '' : list.data && !list.loading ? t.resultCount(list.data.total, lang) : t.loading}
      </p>

      {items && items.length === 0 && <p className="empty">{t.noResults}</p>}
      {items && items.length > 0 && (
        <CountriesTable
          items={items}
          fiscalYearText={fiscalYearText}
          sort={state.sort}
          dir={state.dir}
          busy={list.loading}
          listSearch={location.search}
          onSort={handleSort}
        />
      )}
      {list.data && <SourcesLine sources={list.data.sources} />}
    </div>
  );
}

/**
 * Region and sub-region selects. With no region chosen, every sub-region is offered, grouped by
 * region; picking one then also sets its region so the URL states both.
 */
function RegionFilters({
  regions,
  region,
  subregion,
  onChange,
}: {
  regions: RegionsResponse | undefined;
  region: string;
  subregion: string;
  onChange: (patch: ParamPatch) => void;
}) {
  const t = useT();
  const lang = useLang();
  const all = regions?.regions ?? [];
  const selected = all.find((r) => r.code === region);

  function handleRegionChange(value: string) {
    onChange({ region: value, subregion: null });
  }

  function handleSubregionChange(value: string) {
    const parent = all.find((r) => r.subregions.some((s) => s.code === value));
    onChange({ subregion: value, region: parent ? parent.code : region });
  }

  return (
    <>
      <SelectField label={t.filterRegion} value={region} onChange={handleRegionChange}>
        <option value="">{t.allRegions}</option>
        {all.map((r) => (
          <option key={r.code} value={r.code} {...m49Text(lang, r.code, r.name)} />
        ))}
      </SelectField>
      <SelectField label={t.filterSubregion} value={subregion} onChange={handleSubregionChange}>
        <option value="">{t.allSubregions}</option>
        {selected
          ? selected.subregions.map((s) => <option key={s.code} value={s.code} {...m49Text(lang, s.code, s.name)} />)
          : all
              .filter((r) => r.subregions.length > 0)
              .map((r) => (
                <optgroup key={r.code} {...m49GroupLabel(lang, r.code, r.name)}>
                  {r.subregions.map((s) => (
                    <option key={s.code} value={s.code} {...m49Text(lang, s.code, s.name)} />
                  ))}
                </optgroup>
              ))}
      </SelectField>
    </>
  );
}

/** The countries table, with sortable column headers (buttons, `aria-sort` on the sorted one). */
function CountriesTable({
  items,
  fiscalYearText,
  sort,
  dir,
  busy,
  listSearch,
  onSort,
}: {
  items: CountrySummary[];
  fiscalYearText: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  busy: boolean;
  listSearch: string;
  onSort: (column: SortKey) => void;
}) {
  const t = useT();
  const lang = useLang();
  const captionId = useId();
  const columns: { key: SortKey; label: string }[] = [
    { key: 'name', label: t.colName },
    { key: 'iso3', label: t.colIso3 },
    { key: 'region', label: t.colRegion },
    { key: 'income', label: t.colIncomeGroup(fiscalYearText) },
  ];
  const fromList: FromListState = { listSearch };

  return (
    <TableScroll captionId={captionId}>
      <table className="data-table countries-table" aria-busy={busy}>
        <caption id={captionId}>{t.tableCaption(fiscalYearText)}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span className="sort-button__icon" aria-hidden="true">
                      {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((country) => (
            <tr key={country.code}>
              <th scope="row">
                <LangLink to={`/countries/${country.code}`} state={fromList}>
                  {country.name}
                </LangLink>{' '}
                <KindBadge kind={country.kind} />
              </th>
              <td>
                <code>{country.code}</code>
              </td>
              <td>
                {country.region ? <span {...m49Text(lang, country.region.code, country.region.name)} /> : '—'}
                {country.subregion && (
                  <>
                    {' '}
                    <span className="muted">·</span>{' '}
                    <span className="muted" {...m49Text(lang, country.subregion.code, country.subregion.name)} />
                  </>
                )}
              </td>
              <td>
                {country.incomeGroup?.group ? (
                  <span className="income">
                    <span className={`income__dot income__dot--${country.incomeGroup.group}`} aria-hidden="true" />
                    {t.incomeGroups[country.incomeGroup.group]}
                  </span>
                ) : (
                  <span className="muted">{t.notClassified}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
