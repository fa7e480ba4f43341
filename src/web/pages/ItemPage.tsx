import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useParams, useSearchParams } from 'react-router-dom';
import type { OrganisationData, RecordData, SourceRef, StudyData } from '../../core/library.js';
import { APPRAISAL_QUESTIONS, termLabel, type QualityLevel, type VocabularyName } from '../../core/library-vocab.js';
import type { UiLanguage } from '../../core/languages.js';
import { EffectLabel, QualityBadge, StateBadge } from '../components/Badges.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { JsonLd } from '../components/JsonLd.js';
import { Loading } from '../components/Loading.js';
import { ReviewComment } from '../components/ReviewComment.js';
import { Section } from '../components/Section.js';
import { SourceRefList, SourceRefText } from '../components/SourceRefs.js';
import { WorkflowActions } from '../components/WorkflowActions.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { getItem, type ItemView, type WorkflowAction } from '../library-api.js';
import { formatDateTime, itemPath, labelsOf, periodText, pickText, type MultilingualText } from '../library.js';
import { LangLink } from '../links.js';
import { useSession } from '../session.js';
import { NotFoundPage } from './NotFoundPage.js';

/** What the edit form tells the item page after a save, to announce it. */
export type SavedState = { saved?: 'created' | 'saved' | 'restored' };

/**
 * One library item: a record (programme, policy, agreement…) with its places, organisations,
 * classifications, sources and what is known of its effects; a study with its appraisal; or an
 * organisation with the records it takes part in. Editors see the working copy, its state, and
 * the buttons their role allows. schema.org JSON-LD describes the item to machines.
 */
export function ItemPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const editor = session.can('contributor');
  // Editors read the working copy unless they ask for the published one.
  const working = editor && searchParams.get('view') !== 'published';
  const key = `item|${id}|${lang}|${String(working)}|${session.ready ? (session.user?.id ?? 'anon') : 'wait'}`;
  const fetched = useApi(key, (signal) =>
    // NOTE: wait for the session before asking: an editor's first request would otherwise ask for
    // the published copy and show a draft as "not found".
    session.ready ? getItem(id, lang, working, signal) : new Promise<ItemView>(() => undefined),
  );
  const [override, setOverride] = useState<{ key: string; item: ItemView } | null>(null);
  const [announcement, setAnnouncement] = useState<string>(() => {
    const saved = (location.state as SavedState | null)?.saved;
    return saved ? t.savedMessages[saved] : '';
  });
  const item = override?.key === key ? override.item : fetched.data?.id === id ? fetched.data : undefined;
  // An id that is no slug at all (a typed address: "/library/mida!") is no item either.
  const notFound =
    fetched.error?.status === 404 ||
    (fetched.error?.status === 400 && fetched.error.details.some((d) => d.field === 'id'));
  useDocumentTitle(
    item ? item.title : notFound ? t.itemNotFoundTitle : fetched.error ? t.errorTitle : t.loading,
    t.siteName,
  );

  useEffect(() => setOverride(null), [key]);

  function handleChanged(next: ItemView, action: WorkflowAction) {
    setOverride({ key, item: next });
    setAnnouncement(t.workflowDone[action]);
  }

  // Ids are lower case: "/library/MIDA", typed from the acronym, is MIDA's page.
  if (id !== id.toLowerCase()) return <Navigate to={`${itemPath(id.toLowerCase())}${location.search}`} replace />;
  if (notFound) return <NotFoundPage back="library" />;

  return (
    <div className="page">
      <Breadcrumb trail={[{ to: '/library', label: t.navLibraryShort }]} current={item?.title ?? id} />
      <p role="status" className="announcement">
        {announcement}
      </p>
      {fetched.error && <ErrorAlert error={fetched.error} />}
      {!item && !fetched.error && <Loading />}
      {item && (
        <article className="item" aria-labelledby="item-title" aria-busy={fetched.loading}>
          <ItemHeader item={item} editor={editor} onChanged={handleChanged} />
          {item.type === 'record' && <RecordBody item={item} data={item.data as RecordData} />}
          {item.type === 'organisation' && <OrganisationBody item={item} data={item.data as OrganisationData} />}
          {item.type === 'study' && <StudyBody item={item} data={item.data as StudyData} />}
          <JsonLd data={jsonLdOf(item, lang, t)} />
        </article>
      )}
    </div>
  );
}

function ItemHeader({
  item,
  editor,
  onChanged,
}: {
  item: ItemView;
  editor: boolean;
  onChanged: (item: ItemView, action: WorkflowAction) => void;
}) {
  const t = useT();
  const lang = useLang();
  const acronym = item.type === 'study' ? undefined : acronymIn(item.data as RecordData | OrganisationData, lang);
  const subtitle =
    item.type === 'record'
      ? termLabel('kind', (item.data as RecordData).kind, lang)
      : item.type === 'organisation'
        ? termLabel('organisationType', (item.data as OrganisationData).type, lang)
        : termLabel('design', (item.data as StudyData).design, lang);
  const titleText = pickText(('name' in item.data ? item.data.name : item.data.title) as MultilingualText, lang);
  return (
    <header className="item__header">
      <p className="item__kicker">
        <span className={`type-tag type-tag--${item.type}`}>{termLabel('type', item.type, lang)}</span>
        <span>{subtitle}</span>
        {item.type === 'record' && (
          <span className="tag">{termLabel('status', (item.data as RecordData).status, lang)}</span>
        )}
      </p>
      <h1 id="item-title">
        <span lang={titleText.lang === lang ? undefined : titleText.lang}>{titleText.text}</span>
        {/* Most titles already end with their acronym, "… in Africa (MIDA)", "… développement (FMMD)". */}
        {acronym && !titleText.text.includes(acronym) && <span className="item__acronym"> ({acronym})</span>}
      </h1>
      {item.type === 'study' && item.quality && <QualityBadge quality={item.quality} />}
      {editor && (
        <div className="editor-bar" role="group" aria-label={t.editorTools}>
          <p className="editor-bar__state">
            {t.stateLabel}
            {t.colon}
            <StateBadge state={item.state} /> <span className="muted">{t.versionInfo(item.version, item.view)}</span>
            {item.updatedBy && (
              <span className="muted">
                {' · '}
                {t.lastChangedBy(item.updatedBy.name, formatDateTime(item.updatedAt, lang))}
              </span>
            )}
          </p>
          {item.state === 'in_review' && item.view === 'working' && <p className="muted">{t.inReviewNoEdit}</p>}
          {item.state === 'retired' && <p className="note">{t.retiredNotice}</p>}
          <ReviewComment comment={item.reviewComment} />
          <ul className="inline-list">
            {/* The server refuses edits while an item is in review: it is withdrawn first. */}
            {item.state !== 'in_review' && (
              <li>
                <LangLink to={`${itemPath(item.id)}/edit`} className="button-secondary">
                  {t.edit}
                </LangLink>
              </li>
            )}
            <li>
              <LangLink to={`${itemPath(item.id)}/history`} className="button-secondary">
                {t.history}
              </LangLink>
            </li>
            {item.publishedVersion !== null && item.view === 'working' && item.publishedVersion !== item.version && (
              <li>
                <LangLink to={`${itemPath(item.id)}?view=published`}>{t.seePublished}</LangLink>
              </li>
            )}
            {item.view === 'published' && (
              <li>
                <LangLink to={itemPath(item.id)}>{t.seeWorking}</LangLink>
              </li>
            )}
          </ul>
          <WorkflowActions
            id={item.id}
            state={item.state}
            version={item.version}
            authorId={item.updatedBy?.id}
            published={item.publishedVersion !== null}
            retireOnly={item.view === 'published'}
            onChanged={onChanged}
          />
        </div>
      )}
    </header>
  );
}

/** Text in the reader's language, marked `lang="en"` when it falls back to English. */
function Text({ text, as: Tag = 'p', className }: { text: MultilingualText; as?: 'p' | 'div'; className?: string }) {
  const lang = useLang();
  const picked = pickText(text, lang);
  const paragraphs = picked.text.split(/\n{2,}/);
  if (Tag === 'p' && paragraphs.length === 1) {
    return (
      <p className={className} lang={picked.lang === lang ? undefined : picked.lang}>
        {picked.text}
      </p>
    );
  }
  return (
    <div className={className} lang={picked.lang === lang ? undefined : picked.lang}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/** What a fact says when the item does not say it. */
function NotStated() {
  const t = useT();
  return <span className="muted">{t.notStated}</span>;
}

function Facts({ rows }: { rows: readonly { key: string; label: string; value: ReactNode }[] }) {
  return (
    <dl className="facts-list">
      {rows.map((row) => (
        <div key={row.key} className="facts-list__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The website as a fact, when the item has one. */
function websiteFact(website: string | undefined, t: Messages) {
  return website ? [{ key: 'website', label: t.fieldLabels.website, value: <a href={website}>{website}</a> }] : [];
}

function TermList({ vocabulary, codes }: { vocabulary: VocabularyName; codes: readonly string[] }) {
  const lang = useLang();
  return (
    <ul className="plain-list term-list">
      {labelsOf(vocabulary, codes, lang).map((label, index) => (
        <li key={codes[index]}>{label}</li>
      ))}
    </ul>
  );
}

function Toc({ sections }: { sections: readonly (readonly [string, string])[] }) {
  const t = useT();
  return (
    <nav className="toc" aria-label={t.onThisPage}>
      <ul>
        {sections.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`}>{title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CountryLinks({ countries }: { countries: ItemView['links']['countries'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="plain-list link-rows">
      {countries.map((country) => (
        <li key={`${country.code}:${country.role ?? ''}`}>
          <LangLink to={`/countries/${country.code}`}>{country.name}</LangLink>
          {country.role && <span className="tag">{termLabel('countryRole', country.role, lang)}</span>}{' '}
          <LangLink to={`/countries/${country.code}/profile`} className="muted small-link">
            {t.dataProfileOf(country.name)}
          </LangLink>
        </li>
      ))}
    </ul>
  );
}

/** Links to other items (with an organisation's role), or "None listed." when there are none. */
function ItemLinks({ items }: { items: readonly { id: string; title: string; role?: string; type?: string }[] }) {
  const t = useT();
  const lang = useLang();
  if (items.length === 0) return <p className="muted">{t.noneListed}</p>;
  return (
    <ul className="plain-list link-rows">
      {items.map((ref) => (
        <li key={`${ref.id}:${ref.role ?? ''}`}>
          <LangLink to={itemPath(ref.id)}>{ref.title}</LangLink>
          {ref.role && <span className="tag">{termLabel('organisationRole', ref.role, lang)}</span>}
        </li>
      ))}
    </ul>
  );
}

function RecordBody({ item, data }: { item: ItemView; data: RecordData }) {
  const t = useT();
  const lang = useLang();
  const period = periodText(data.period, t);
  const sections: [string, string][] = [
    ['about', t.aboutHeading],
    ['where', t.countriesHeading],
    ['organisations', t.organisationsHeading],
    ['classifications', t.classificationsLibraryHeading],
    ['evidence', t.evidenceHeading],
    ['related', t.relatedHeading],
    ['sources', t.sourcesHeading],
  ];
  const classificationRows: { key: string; label: string; vocabulary: VocabularyName; codes: string[] }[] = [
    { key: 'instruments', label: t.fieldLabels.instruments, vocabulary: 'instrument', codes: data.instruments },
    { key: 'themes', label: t.fieldLabels.themes, vocabulary: 'theme', codes: data.themes },
    { key: 'crossCutting', label: t.fieldLabels.crossCutting, vocabulary: 'crossCutting', codes: data.crossCutting },
    { key: 'stages', label: t.fieldLabels.stages, vocabulary: 'stage', codes: data.stages },
    { key: 'sectors', label: t.fieldLabels.sectors, vocabulary: 'sector', codes: data.sectors },
    { key: 'gcm', label: t.fieldLabels.gcm, vocabulary: 'gcm', codes: data.gcm },
    { key: 'sdg', label: t.fieldLabels.sdg, vocabulary: 'sdg', codes: data.sdg },
    { key: 'interventions', label: t.fieldLabels.interventions, vocabulary: 'intervention', codes: data.interventions },
  ];
  return (
    <>
      <Text text={data.summary} className="lead item__summary" />
      <Toc sections={sections} />
      <Section id="about" title={t.aboutHeading}>
        <Facts
          rows={[
            { key: 'kind', label: t.fieldLabels.kind, value: termLabel('kind', data.kind, lang) },
            ...(data.agreementScope
              ? [
                  {
                    key: 'scope',
                    label: t.fieldLabels.agreementScope,
                    value: termLabel('agreementScope', data.agreementScope, lang),
                  },
                ]
              : []),
            { key: 'status', label: t.fieldLabels.status, value: termLabel('status', data.status, lang) },
            {
              key: 'period',
              label: t.fieldLabels.period,
              value: period ?? <NotStated />,
            },
            ...websiteFact(data.website, t),
          ]}
        />
        {data.description && <Text text={data.description} as="div" className="item__description" />}
      </Section>
      <Section id="where" title={t.countriesHeading}>
        {item.links.countries.length > 0 ? (
          <CountryLinks countries={item.links.countries} />
        ) : (
          <p className="muted">{t.noneListed}</p>
        )}
      </Section>
      <Section id="organisations" title={t.organisationsHeading}>
        <ItemLinks items={item.links.organisations} />
      </Section>
      <Section id="classifications" title={t.classificationsLibraryHeading}>
        <Facts
          rows={classificationRows
            .filter((row) => row.codes.length > 0)
            .map((row) => ({
              key: row.key,
              label: row.label,
              value: <TermList vocabulary={row.vocabulary} codes={row.codes} />,
            }))}
        />
      </Section>
      <Section id="evidence" title={t.evidenceHeading} lead={t.evidenceLead}>
        <EvidenceTable evidence={item.links.evidence} title={item.title} />
      </Section>
      <Section id="related" title={t.relatedHeading}>
        <ItemLinks items={item.links.related} />
      </Section>
      <Section id="sources" title={t.sourcesHeading}>
        <SourceRefList sources={data.sources} />
      </Section>
    </>
  );
}

/** "What is known of its effects": the studies that evaluate a record, with design, year, quality and outcomes. */
function EvidenceTable({ evidence, title }: { evidence: ItemView['links']['evidence']; title: string }) {
  const t = useT();
  const lang = useLang();
  if (evidence.length === 0) return <p className="empty">{t.noEvidence}</p>;
  return (
    <CaptionedTable
      id="evidence"
      caption={t.evidenceCaption(title)}
      columns={[t.colStudy, t.colYear, t.colDesign, t.colQuality, t.colOutcomes]}
      className="data-table evidence-table"
    >
      {evidence.map((study) => (
        <tr key={study.id}>
          <th scope="row">
            <LangLink to={itemPath(study.id)}>{study.title}</LangLink>
          </th>
          <td>{study.year}</td>
          <td>{termLabel('design', study.design, lang)}</td>
          <td>
            <QualityBadge quality={study.quality} />
          </td>
          <td>
            <ul className="plain-list outcome-list">
              {study.outcomes.map((o) => (
                <li key={`${o.outcome}:${o.effect}`}>
                  {termLabel('outcome', o.outcome, lang)}
                  {t.colon}
                  <EffectLabel effect={o.effect} />
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

function StudyBody({ item, data }: { item: ItemView; data: StudyData }) {
  const t = useT();
  const lang = useLang();
  const period = periodText(data.period, t);
  const sections: [string, string][] = [
    ['about', t.aboutStudyHeading],
    ['outcomes', t.outcomesHeading],
    ['appraisal', t.appraisalHeading],
    ['evaluates', t.evaluatesHeading],
    ['citation', t.studyCitationHeading],
  ];
  return (
    <>
      <Text text={data.summary} className="lead item__summary" />
      <Toc sections={sections} />
      <Section id="about" title={t.aboutStudyHeading}>
        <Facts
          rows={[
            ...(data.authors.length > 0
              ? [
                  {
                    key: 'authors',
                    label: t.fieldLabels.authors,
                    value: <span lang="en">{data.authors.join('; ')}</span>,
                  },
                ]
              : []),
            { key: 'year', label: t.fieldLabels.year, value: data.year },
            { key: 'design', label: t.fieldLabels.design, value: termLabel('design', data.design, lang) },
            { key: 'population', label: t.fieldLabels.population, value: <span lang="en">{data.population}</span> },
            {
              key: 'places',
              label: t.fieldLabels.places,
              value:
                item.links.countries.length > 0 ? (
                  <CountryLinks countries={item.links.countries} />
                ) : data.places.length > 0 ? (
                  data.places.join(', ')
                ) : (
                  <NotStated />
                ),
            },
            {
              key: 'period',
              label: t.fieldLabels.studyPeriod,
              value: period ?? <NotStated />,
            },
            {
              key: 'independence',
              label: t.fieldLabels.independence,
              value: termLabel('independence', data.independence, lang),
            },
          ]}
        />
      </Section>
      <Section id="outcomes" title={t.outcomesHeading}>
        <CaptionedTable id="outcomes" caption={t.outcomesCaption} columns={[t.colOutcome, t.colEffect, t.colFinding]}>
          {data.outcomes.map((o, index) => (
            <tr key={index}>
              <th scope="row">{termLabel('outcome', o.outcome, lang)}</th>
              <td>
                <EffectLabel effect={o.effect} />
              </td>
              <td lang="en">{o.finding ?? ''}</td>
            </tr>
          ))}
        </CaptionedTable>
      </Section>
      <Section id="appraisal" title={t.appraisalHeading} lead={t.appraisalLead}>
        <CaptionedTable
          id="appraisal"
          caption={t.appraisalCaption}
          columns={[t.colQuestion, t.colAnswer]}
          className="data-table appraisal-table"
        >
          {APPRAISAL_QUESTIONS.map((question) => {
            const answer = data.appraisal[question.code as keyof StudyData['appraisal']];
            return (
              <tr key={question.code}>
                <th scope="row">{question.label[lang]}</th>
                <td className={`answer answer--${answer}`}>{termLabel('appraisalAnswer', answer, lang)}</td>
              </tr>
            );
          })}
        </CaptionedTable>
        {item.quality && (
          <p className="appraisal-result">
            {t.appraisalResult}
            {t.colon}
            <QualityBadge quality={item.quality as QualityLevel} />
          </p>
        )}
        {data.appraisalNote && (
          <p className="note" lang="en">
            {data.appraisalNote}
          </p>
        )}
      </Section>
      <Section id="evaluates" title={t.evaluatesHeading}>
        <ItemLinks items={item.links.records} />
      </Section>
      <Section id="citation" title={t.studyCitationHeading}>
        <p className="citation-line">
          <SourceRefText source={data.citation} />
        </p>
      </Section>
    </>
  );
}

function OrganisationBody({ item, data }: { item: ItemView; data: OrganisationData }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      {data.summary && <Text text={data.summary} className="lead item__summary" />}
      <Section id="about" title={t.aboutOrganisationHeading}>
        <Facts
          rows={[
            { key: 'type', label: t.fieldLabels.orgType, value: termLabel('organisationType', data.type, lang) },
            {
              key: 'countries',
              label: t.fieldLabels.baseCountries,
              value:
                item.links.countries.length > 0 ? <CountryLinks countries={item.links.countries} /> : <NotStated />,
            },
            ...websiteFact(data.website, t),
          ]}
        />
      </Section>
      <Section id="takes-part" title={t.takesPartHeading}>
        <ItemLinks items={item.links.records} />
      </Section>
      {data.sources.length > 0 && (
        <Section id="sources" title={t.sourcesHeading}>
          <SourceRefList sources={data.sources} />
        </Section>
      )}
    </>
  );
}

/** A citation as schema.org CreativeWork. */
function citationLd(source: SourceRef): Record<string, unknown> {
  if (source.document) {
    return {
      '@type': 'CreativeWork',
      name: source.section ? `${source.document}, ${source.section}` : source.document,
      url: new URL(`/api/library/sources/${encodeURIComponent(source.document)}`, window.location.origin).href,
    };
  }
  return {
    '@type': 'CreativeWork',
    name: source.title,
    ...(source.url ? { url: source.url } : {}),
    ...(source.doi ? { identifier: `https://doi.org/${source.doi}` } : {}),
  };
}

/** The acronym in the reader's language: French or Spanish where the item has its own (OIM), else `acronym`. */
function acronymIn(data: RecordData | OrganisationData, lang: UiLanguage): string | undefined {
  return (lang === 'en' ? undefined : data.acronyms?.[lang]) ?? data.acronym;
}

/** schema.org's alternateName: the acronym, or every acronym where languages differ (IOM, OIM). */
function alternateNameOf(data: RecordData | OrganisationData): { alternateName?: string | string[] } {
  const acronyms = [...new Set([data.acronym, data.acronyms?.fr, data.acronyms?.es])].filter(
    (a): a is string => a !== undefined,
  );
  if (acronyms.length === 0) return {};
  return { alternateName: acronyms.length === 1 ? acronyms[0] : acronyms };
}

/**
 * schema.org for the item: CreativeWork for records (with what it is about, where and who),
 * Organization for organisations, ScholarlyArticle for studies.
 */
function jsonLdOf(item: ItemView, lang: UiLanguage, t: Messages): Record<string, unknown> {
  const url = new URL(`${itemPath(item.id)}?lang=${lang}`, window.location.origin).href;
  const base = { '@context': 'https://schema.org', '@id': url, url, name: item.title, dateModified: item.updatedAt };
  if (item.type === 'record') {
    const data = item.data as RecordData;
    const summary = pickText(data.summary, lang);
    return {
      ...base,
      '@type': 'CreativeWork',
      additionalType: termLabel('kind', data.kind, 'en'),
      ...alternateNameOf(data),
      description: summary.text,
      inLanguage: summary.lang,
      about: [...labelsOf('theme', data.themes, lang), ...labelsOf('intervention', data.interventions, lang)].map(
        (name) => ({ '@type': 'Thing', name }),
      ),
      spatialCoverage: item.links.countries.map((c) => ({ '@type': 'Country', name: c.name })),
      contributor: item.links.organisations.map((o) => ({
        '@type': 'Organization',
        name: o.title,
        url: new URL(itemPath(o.id), window.location.origin).href,
      })),
      ...(data.website ? { sameAs: data.website } : {}),
      citation: data.sources.map(citationLd),
      subjectOf: item.links.evidence.map((s) => ({
        '@type': 'ScholarlyArticle',
        name: s.title,
        datePublished: String(s.year),
        url: new URL(itemPath(s.id), window.location.origin).href,
      })),
      isPartOf: { '@type': 'Collection', name: t.libraryTitle },
    };
  }
  if (item.type === 'organisation') {
    const data = item.data as OrganisationData;
    const summary = data.summary ? pickText(data.summary, lang) : null;
    return {
      ...base,
      '@type': 'Organization',
      ...alternateNameOf(data),
      ...(summary ? { description: summary.text, inLanguage: summary.lang } : { inLanguage: lang }),
      ...(data.website ? { sameAs: data.website } : {}),
      location: item.links.countries.map((c) => ({ '@type': 'Country', name: c.name })),
      citation: data.sources.map(citationLd),
    };
  }
  const data = item.data as StudyData;
  const summary = pickText(data.summary, lang);
  return {
    ...base,
    '@type': 'ScholarlyArticle',
    headline: item.title,
    description: summary.text,
    inLanguage: summary.lang,
    datePublished: String(data.year),
    author: data.authors.map((name) => ({ '@type': 'Person', name })),
    about: item.links.records.map((r) => ({
      '@type': 'CreativeWork',
      name: r.title,
      url: new URL(itemPath(r.id), window.location.origin).href,
    })),
    spatialCoverage: item.links.countries.map((c) => ({ '@type': 'Country', name: c.name })),
    citation: [citationLd(data.citation)],
    ...(data.citation.doi ? { identifier: `https://doi.org/${data.citation.doi}` } : {}),
  };
}
