import { Translated } from '../components/Translated.js';
import { useId } from 'react';
import type { DatasetSummary } from '../../core/statistics.js';
import { csvUrl, listDatasets } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NoData } from '../components/Section.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate, formatNumber, formatPeriodRange } from '../format.js';
import { useApi, useDocumentTitle, useScrollToHash } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { LangLink } from '../links.js';

/**
 * The dataset catalogue: every publisher edition loaded, grouped by publication, editions side by
 * side (UN DESA 2024 next to 2020, KNOMAD 2021 next to 2018…), each with its publisher, release,
 * licence, coverage and a link to its full record (citation, method notes, caveats, provenance).
 */
export function DatasetsPage() {
  const t = useT();
  const datasets = useApi('datasets', (signal) => listDatasets(signal));
  useDocumentTitle(t.datasetsTitle, t.siteName);
  const data = datasets.data;
  useScrollToHash(data !== undefined);
  const byId = new Map((data?.items ?? []).map((d) => [d.id, d]));

  return (
    <div className="page">
      <h1>{t.datasetsTitle}</h1>
      <p className="lead">{t.datasetsLead}</p>
      {datasets.error && <ErrorAlert error={datasets.error} />}
      {!data && !datasets.error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
      {data && data.items.length === 0 && <NoData />}
      {data && data.items.length > 0 && (
        <>
          <p className="result-count">
            {t.datasetCount(data.items.length, data.families.length)} ·{' '}
            <a href={csvUrl('/datasets')}>{t.downloadCatalogue}</a>
          </p>
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
