import { Translated } from '../components/Translated.js';
import { useCallback, useId } from 'react';
import type { DatasetSummary } from '../../core/statistics.js';
import { apiUrl, csvUrl, listDatasets, type CatalogueFilters } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { SearchField, SelectField } from '../components/FilterFields.js';
import { NoData } from '../components/Section.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate, formatNumber, formatPeriodRange } from '../format.js';
import { useApi, useDocumentTitle, useParamPatch, useScrollToHash } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { LangLink } from '../links.js';

/**
 * The dataset catalogue: every publisher edition loaded, grouped by publication, editions side by
 * side (UN DESA 2024 next to 2020, KNOMAD 2021 next to 2018…), each with its publisher, release,
 * licence, coverage and a link to its full record (citation, method notes, caveats, provenance).
 */
export function DatasetsPage() {
  const t = useT();
  const lang = useLang();
  const [searchParams, updateParams] = useParamPatch();
  const filters: CatalogueFilters = {
    q: searchParams.get('q')?.trim() || undefined,
    topic: searchParams.get('topic') || undefined,
    publisher: searchParams.get('publisher') || undefined,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const datasets = useApi(apiUrl('/datasets', filters), (signal) => listDatasets(signal, filters));
  useDocumentTitle(t.datasetsTitle, t.siteName);
  const data = datasets.data;
  useScrollToHash(data !== undefined);
  const byId = new Map((data?.items ?? []).map((d) => [d.id, d]));
  const searchId = useId();
  const handleSearchCommit = useCallback(
    (text: string) => updateParams({ q: text.trim() || null }, { replace: true }),
    [updateParams],
  );
  function handleClear() {
    updateParams({ q: null, topic: null, publisher: null });
    document.getElementById(searchId)?.focus();
  }
  const collator = new Intl.Collator(lang);
  const topicName = (topic: string) => t.topics[topic as keyof Messages['topics']] ?? topic;

  return (
    <div className="page">
      <h1>{t.datasetsTitle}</h1>
      <p className="lead">{t.datasetsLead}</p>
      <form className="filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <SearchField
          id={searchId}
          label={t.catalogueSearchLabel}
          hint={t.catalogueSearchHint}
          value={filters.q ?? ''}
          onCommit={handleSearchCommit}
        />
        <SelectField
          label={t.filterTopic}
          value={filters.topic ?? ''}
          onChange={(value) => updateParams({ topic: value })}
        >
          <option value="">{t.allTopics}</option>
          {[...(data?.facets.topic ?? [])]
            .sort((a, b) => collator.compare(topicName(a.value), topicName(b.value)))
            .map((f) => (
              <option key={f.value} value={f.value}>
                {topicName(f.value)} ({formatNumber(f.count, lang)})
              </option>
            ))}
          {filters.topic && !data && <option value={filters.topic}>{topicName(filters.topic)}</option>}
        </SelectField>
        <SelectField
          label={t.filterPublisher}
          value={filters.publisher ?? ''}
          onChange={(value) => updateParams({ publisher: value })}
        >
          <option value="">{t.allPublishers}</option>
          {(data?.facets.publisher ?? []).map((f) => (
            <option key={f.value} value={f.value} lang="en">
              {f.value} ({formatNumber(f.count, lang)})
            </option>
          ))}
          {filters.publisher && !data && (
            <option value={filters.publisher} lang="en">
              {filters.publisher}
            </option>
          )}
        </SelectField>
        {filtered && (
          <div className="filters__actions">
            <button type="button" className="button-secondary" onClick={handleClear}>
              {t.clearFilters}
            </button>
          </div>
        )}
      </form>
      {datasets.error && <ErrorAlert error={datasets.error} />}
      <p className="result-count">
        <span role="status">
          {datasets.error
            ? ''
            : !data || datasets.loading
              ? t.loading
              : filtered
                ? t.datasetCountFiltered(data.items.length, data.catalogueSize, data.families.length)
                : t.datasetCount(data.items.length, data.families.length)}
        </span>
        {data && data.items.length > 0 && !datasets.error && (
          <>
            {' · '}
            <a href={csvUrl('/datasets', filters)}>{filtered ? t.downloadCatalogueFiltered : t.downloadCatalogue}</a>
          </>
        )}
      </p>
      {data && data.items.length === 0 && (filtered ? <p className="empty">{t.noDatasetMatches}</p> : <NoData />)}
      {data && data.items.length > 0 && (
        <>
          <nav className="toc" aria-label={t.onThisPage}>
            <ul>
              {data.families.map((f) => (
                <li key={f.family}>
                  <a href={`#family-${f.family}`} lang="en">
                    {f.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {data.families.map((family) => (
            <FamilyTable
              key={family.family}
              family={family.family}
              title={family.title}
              editions={family.datasets.map((id) => byId.get(id)).filter((d): d is DatasetSummary => d !== undefined)}
            />
          ))}
        </>
      )}
    </div>
  );
}

/**
 * One family: its editions in columns, in the order the API gives (newest first: by release date,
 * else by the year the dataset id is named after; see DatasetListResponse), its title the API's.
 */
function FamilyTable({
  family,
  title,
  editions,
}: {
  family: string;
  title: string;
  editions: readonly DatasetSummary[];
}) {
  const t = useT();
  const lang = useLang();
  const captionId = useId();
  const rows: { key: string; label: string; cell: (d: DatasetSummary) => React.ReactNode }[] = [
    { key: 'publisher', label: t.colPublisher, cell: (d) => <span lang="en">{d.publisher}</span> },
    { key: 'edition', label: t.colEdition, cell: (d) => <span lang="en">{d.edition}</span> },
    { key: 'release', label: t.colReleaseDate, cell: (d) => formatDate(d.releaseDate, lang) ?? <Missing t={t} /> },
    { key: 'licence', label: t.colLicence, cell: (d) => <span lang="en">{d.licence}</span> },
    { key: 'periods', label: t.colPeriods, cell: (d) => formatPeriodRange(d.periods.first, d.periods.last, lang) },
    { key: 'observations', label: t.colObservations, cell: (d) => formatNumber(d.observationCount, lang) },
    {
      key: 'areas',
      label: t.colAreas,
      cell: (d) => t.areaCounts(d.areas.reference, d.areas.counterpart, d.areas.aggregates, lang),
    },
    {
      key: 'indicators',
      label: t.colIndicators,
      cell: (d) => (
        <ul className="plain-list">
          {d.indicators.map((i) => (
            <li key={i.id}>
              <Translated text={t.indicatorNames[i.id]} english={i.name} />{' '}
              <span className="muted">
                (<Translated text={t.unitNames[i.unit]} english={i.unit} />)
              </span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'source',
      label: t.colSource,
      cell: (d) => (d.sourceUrl ? <a href={d.sourceUrl}>{new URL(d.sourceUrl).hostname}</a> : <Missing t={t} />),
    },
    { key: 'loaded', label: t.colLoaded, cell: (d) => formatDate(d.loadedAt, lang) },
  ];
  return (
    <section className="section family" id={`family-${family}`} aria-labelledby={`family-${family}-heading`}>
      <h2 id={`family-${family}-heading`} lang="en">
        {title}
      </h2>
      {editions.length > 1 && <p className="section__lead">{t.editionsSideBySide(editions.length)}</p>}
      <TableScroll captionId={captionId}>
        <table className="data-table data-table--compact family__table">
          {/* The publisher's title stays English in every language: said so, for screen readers. */}
          <caption id={captionId} className="visually-hidden">
            {t.familyCaptionBefore(title)}
            <span lang="en">{title}</span>
          </caption>
          <thead>
            <tr>
              <td />
              {editions.map((d) => (
                <th key={d.id} scope="col">
                  <LangLink to={`/datasets/${d.id}`}>
                    <span lang="en">{d.title}</span>
                  </LangLink>
                  <br />
                  <code className="muted">{d.id}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {editions.map((d) => (
                  <td key={d.id}>{row.cell(d)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Missing({ t }: { t: Messages }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t.notAvailable}</span>
    </>
  );
}
