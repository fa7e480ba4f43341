import { Translated } from '../components/Translated.js';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { DatasetDetailResponse } from '../../core/statistics.js';
import { csvUrl, getDataset } from '../api.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Section } from '../components/Section.js';
import { dimensionValueLabel } from '../dimensions.js';
import { formatDate, formatNumber, formatPeriod, formatPeriodRange } from '../format.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { LangLink } from '../links.js';
import { sdmxOwnDimensions } from '../../core/sdmx-ids.js';
import { SDMX_AGENCY, SDMX_VERSION, sdmxDataUrl, sdmxFlowId, sdmxOwnKey, sdmxUrlIn, type SdmxKey } from '../sdmx.js';
import { NotFoundPage } from './NotFoundPage.js';
import { Breadcrumb } from '../components/Breadcrumb.js';

/**
 * One dataset edition: how to cite it (copyable), its licence and source, the publisher's method
 * notes and caveats, where the bundled file comes from, its indicators with their coverage and
 * SDMX dataflows, and its other editions.
 */
export function DatasetPage() {
  const { id = '' } = useParams();
  const t = useT();
  const dataset = useApi(`dataset|${id}`, (signal) => getDataset(id, signal));
  const data = dataset.data && dataset.data.id === id ? dataset.data : undefined;
  const notFound = dataset.error !== undefined && (dataset.error.status === 404 || dataset.error.status === 400);
  useDocumentTitle(data?.title ?? (notFound ? t.notFoundTitle : dataset.error ? t.errorTitle : t.loading), t.siteName);
  if (notFound) return <NotFoundPage back="datasets" />;
  return (
    <div className="page">
      <Breadcrumb trail={[{ to: '/datasets', label: t.navDatasets }]} current={id} />
      {/* The page keeps a heading when the API fails, named by the id asked for. */}
      {dataset.error && !data && <h1>{id}</h1>}
      {dataset.error && <ErrorAlert error={dataset.error} />}
      {!data && !dataset.error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
      {data && <Dataset dataset={data} />}
    </div>
  );
}

function Dataset({ dataset: d }: { dataset: DatasetDetailResponse }) {
  const t = useT();
  const lang = useLang();
  const date = (iso: string | null) => formatDate(iso, lang);
  return (
    <article aria-labelledby="dataset-title">
      <header className="country__header">
        <h1 id="dataset-title" lang="en">
          {d.title}
        </h1>
        <ul className="facts">
          <li>
            <span className="facts__label">{t.colPublisher}</span> <span lang="en">{d.publisher}</span>
          </li>
          <li>
            <span className="facts__label">{t.colEdition}</span> <span lang="en">{d.edition}</span>
          </li>
          <li>
            <span className="facts__label">{t.colLicence}</span> <span lang="en">{d.licence}</span>
          </li>
        </ul>
      </header>

      <Section id="citation" title={t.citationHeading}>
        <CopyableCitation text={d.citation} />
        <dl className="facts-list">
          <Fact label={t.colDatasetId}>
            <code>{d.id}</code>
          </Fact>
          <Fact label={t.colFamily}>
            <code>{d.family}</code>
          </Fact>
          <Fact label={t.colReleaseDate}>{date(d.releaseDate) ?? t.notGiven}</Fact>
          <Fact label={t.colSource}>{d.sourceUrl ? <a href={d.sourceUrl}>{d.sourceUrl}</a> : t.notGiven}</Fact>
          <Fact label={t.colPeriods}>{formatPeriodRange(d.periods.first, d.periods.last, lang)}</Fact>
          <Fact label={t.colObservations}>{formatNumber(d.observationCount, lang)}</Fact>
          <Fact label={t.colAreas}>
            {t.areaCounts(d.areas.reference, d.areas.counterpart, d.areas.aggregates, lang)}
          </Fact>
          <Fact label={t.colLoaded}>{date(d.loadedAt)}</Fact>
        </dl>
        <p>
          <a href={csvUrl(`/datasets/${d.id}`)}>{t.downloadRecord}</a>
        </p>
      </Section>

      <div className="two-columns">
        <Section id="method" title={t.methodHeading}>
          <p lang="en">{d.methodNotes ?? t.notGiven}</p>
        </Section>
        <Section id="caveats" title={t.caveatsHeading}>
          <p lang="en" className="caveats">
            {d.caveats ?? t.notGiven}
          </p>
        </Section>
      </div>

      <Section id="provenance" title={t.provenanceHeading}>
        <p lang="en">{d.provenance}</p>
      </Section>

      <Section id="files" title={t.filesHeading}>
        {d.files.length === 0 ? (
          <p>{t.filesNone}</p>
        ) : (
          <>
            <p>{t.filesLead}</p>
            <ul className="plain-list">
              {d.files.map((f) => (
                <li key={f.name}>
                  <a href={f.url} download className="hash">
                    {f.name}
                  </a>{' '}
                  <span className="muted">({t.fileSize(formatNumber(f.bytes, lang))})</span>
                  <br />
                  <code className="muted hash">SHA-256 {f.sha256}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="indicators" title={t.colIndicators}>
        <DataTable
          caption={t.indicatorsCaption(d.id)}
          columns={[
            { key: 'name', label: t.colName },
            { key: 'unit', label: t.colUnit },
            { key: 'type', label: t.colMeasureType },
            { key: 'periods', label: t.colPeriods },
            { key: 'series', label: t.colSeries, numeric: true },
            { key: 'observations', label: t.colObservations, numeric: true },
            { key: 'breakdowns', label: t.colBreakdowns },
            { key: 'links', label: t.colExplore },
          ]}
          rows={d.indicators.map((i) => ({
            key: i.id,
            cells: {
              name: (
                <>
                  <Translated text={t.indicatorNames[i.id]} english={i.name} />
                  <br />
                  <code className="muted">{i.id}</code>
                </>
              ),
              unit: <Translated text={t.unitNames[i.unit]} english={i.unit} />,
              type: t.measureTypes[i.measureType],
              periods: formatPeriodRange(i.firstPeriod, i.lastPeriod, lang),
              series: formatNumber(i.seriesCount, lang),
              observations: formatNumber(i.observationCount, lang),
              breakdowns: (
                <>
                  {i.sexes.some((s) => s !== '_T') && <p className="dimension">{t.bySex}</p>}
                  {Object.entries(i.dimensions).map(([k, values]) => (
                    <p key={k} className="dimension">
                      {t.dimensionLabel(k)} (<code>{k}</code>){t.colon}
                      {values.map((v) => dimensionValueLabel(k, v, t, lang)).join(' · ')}
                    </p>
                  ))}
                </>
              ),
              links: (
                <ul className="plain-list">
                  <li>
                    <LangLink to={`/explorer?indicator=${i.id}&dataset=${d.id}`}>{t.exploreOnMap}</LangLink>
                  </li>
                  <li>
                    <a
                      href={sdmxUrlIn(
                        sdmxDataUrl(d.id, i.id, allOf(i), { startPeriod: i.lastPeriod ?? undefined }),
                        lang,
                      )}
                    >
                      {t.sdmxData(formatPeriod(i.lastPeriod ?? '', lang))}
                    </a>
                  </li>
                  <li>
                    <a href={sdmxUrlIn(sdmxDataUrl(d.id, i.id, allOf(i), {}), lang)}>{t.sdmxDataAll}</a>
                  </li>
                </ul>
              ),
            },
          }))}
        />
      </Section>

      <Section id="sdmx" title={t.sdmxHeading}>
        <p>{t.sdmxLead}</p>
        <ul className="plain-list">
          {d.indicators.map((i) => (
            <li key={i.id}>
              <code>
                {SDMX_AGENCY},{sdmxFlowId(d.id, i.id)},{SDMX_VERSION}
              </code>{' '}
              — {t.sdmxKeyLabel} <code>{seriesKeyOf(i)}</code> —{' '}
              <a
                href={sdmxUrlIn(
                  `/api/sdmx/dataflow/${SDMX_AGENCY}/${sdmxFlowId(d.id, i.id)}/${SDMX_VERSION}?references=all`,
                  lang,
                )}
              >
                {t.sdmxStructure}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      {d.otherEditions.length > 0 && (
        <Section id="editions" title={t.otherEditionsHeading}>
          <ul className="link-list">
            {d.otherEditions.map((id) => {
              const c = d.sources.find((s) => s.dataset === id);
              return (
                <li key={id}>
                  <LangLink to={`/datasets/${id}`}>
                    <span lang="en">{c ? `${c.title} (${c.edition})` : id}</span>
                  </LangLink>
                </li>
              );
            })}
          </ul>
          <p>
            <LangLink to={`/datasets#family-${d.family}`}>{t.compareEditions}</LangLink>
          </p>
        </Section>
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The citation in a quote block with a button that copies it, and a polite confirmation. */
function CopyableCitation({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  function handleCopy() {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  }

  return (
    <div className="citation">
      <blockquote lang="en">{text}</blockquote>
      <button type="button" className="button-secondary" onClick={handleCopy}>
        {t.copyCitation}
      </button>{' '}
      <span role="status" className="citation__status">
        {copied === 'yes' ? t.copied : copied === 'failed' ? t.copyFailed : ''}
      </span>
    </div>
  );
}

/** Every series of an indicator: each position of its key a wildcard, the source's own dimensions too. */
function allOf(indicator: { dimensions: Record<string, string[]> }): SdmxKey {
  return { extra: sdmxOwnKey(Object.keys(indicator.dimensions)) };
}

/** The series key's dimensions, in order: FREQ.REF_AREA.COUNTERPART_AREA.SEX, then the source's own. */
function seriesKeyOf(indicator: { dimensions: Record<string, string[]> }): string {
  return [
    'FREQ',
    'REF_AREA',
    'COUNTERPART_AREA',
    'SEX',
    ...sdmxOwnDimensions(Object.keys(indicator.dimensions)).map((d) => d.id),
  ].join('.');
}
