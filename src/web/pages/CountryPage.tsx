import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { CountryDetail } from '../../core/countries.js';
import { NAME_LANGUAGES, type NameLanguage } from '../../core/languages.js';
import { areaCodeHint, getCountry } from '../api.js';
import { CountryTabs } from '../components/CountryTabs.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { KindBadge } from '../components/KindBadge.js';
import { TableScroll } from '../components/TableScroll.js';
import {
  IncomeHistoryChart,
  incomeGroupLabel,
  incomeHistorySpan,
  incomeSummary,
} from '../charts/IncomeHistoryChart.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { m49Name, m49Text, wbRegionText } from '../m49-names.js';
import type { UiLanguage } from '../../core/languages.js';
import type { FromListState } from './CountriesPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { Breadcrumb } from '../components/Breadcrumb.js';

/** Scripts written right to left among the UN languages. */
const RTL_LANGUAGES: readonly NameLanguage[] = ['ar'];

function isFromListState(value: unknown): value is FromListState {
  return typeof value === 'object' && value !== null && typeof (value as FromListState).listSearch === 'string';
}

/**
 * The page of one country or area: its names in the six UN languages, its codes, its
 * classifications, its income-group history and the sources of all of these.
 */
export function CountryPage() {
  const { code = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const country = useApi(`${code}|${lang}`, (signal) => getCountry(code, lang, signal));
  // While another country loads, the previous one is not shown under the new address.
  const data = country.data && country.data.code.toUpperCase() === code.toUpperCase() ? country.data : undefined;
  const error = country.error;
  // A code that is not three letters is answered 400 by the API; for a reader it is simply unknown.
  const notFound =
    error !== undefined && (error.status === 404 || (error.status === 400 && error.code === 'invalid_parameter'));
  // NOTE: the title is decided here even for the not-found page, which sets the same one: a
  // parent's effect runs after its child's, so this page's title is the one that stays.
  useDocumentTitle(data?.name ?? (notFound ? t.countryNotFoundTitle : error ? t.errorTitle : t.loading), t.siteName);
  if (notFound) return <NotFoundPage countryCode={code} reason={areaCodeHint(error)} />;

  const listSearch = isFromListState(location.state) ? location.state.listSearch : '';

  return (
    <div className="page">
      <Breadcrumb
        trail={[{ to: `/countries${listSearch}`, label: t.navCountries }]}
        current={data?.name ?? code.toUpperCase()}
      />
      {/* The page keeps a heading when the API fails, named by the code asked for, as a corridor's does. */}
      {error && !data && <h1>{code.toUpperCase()}</h1>}
      {error && <ErrorAlert error={error} />}
      {!data && !error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
      {data && <CountryProfile country={data} />}
    </div>
  );
}

/** "la República de Filipinas" → "La República de Filipinas". */
function atLineStart(name: string, lang: string): string {
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function CountryProfile({ country }: { country: CountryDetail }) {
  const t = useT();
  const lang = useLang();
  const formalName = country.formalNames[lang];
  const history = country.incomeHistory;
  const { first, last } = incomeHistorySpan(t, history);
  const otherNames = otherNamesByLanguage(country);
  const hasOtherNames = otherNames.size > 0;

  return (
    <article className="country" aria-labelledby="country-name">
      <header className="country__header">
        <h1 id="country-name">
          {country.name} <KindBadge kind={country.kind} />
        </h1>
        {formalName && formalName !== country.name && (
          // The UN writes a formal name to follow a word ("the Republic of the Philippines"): on a
          // line of its own it starts a sentence. The names table shows it as written.
          <p className="country__formal">{atLineStart(formalName, lang)}</p>
        )}
        <CountryTabs code={country.code} current="overview" />
        <ul className="facts" aria-label={t.codesHeading}>
          <li>
            <span className="facts__label">{t.isoAlpha3}</span> <code>{country.code}</code>
          </li>
          {country.region && (
            <li>
              <span className="facts__label">{t.m49Region}</span>{' '}
              <span {...m49Text(lang, country.region.code, country.region.name)} />
            </li>
          )}
          {country.incomeGroup?.group && (
            <li>
              <span className="facts__label">{t.currentIncomeGroup(t.fiscalYear(country.incomeGroup.fiscalYear))}</span>{' '}
              {t.incomeGroups[country.incomeGroup.group]}
            </li>
          )}
        </ul>
      </header>

      <Section id="names" title={t.namesHeading}>
        <TableScroll captionId="names-caption">
          <table className="data-table">
            <caption id="names-caption">{t.namesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colLanguage}</th>
                <th scope="col">{t.colShortName}</th>
                <th scope="col">{t.colFormalName}</th>
                {hasOtherNames && <th scope="col">{t.otherNames}</th>}
              </tr>
            </thead>
            <tbody>
              {NAME_LANGUAGES.map((nameLang) => (
                <tr key={nameLang}>
                  <th scope="row">{t.nameLanguages[nameLang]}</th>
                  <NameCell lang={nameLang} names={[country.names[nameLang]]} t={t} />
                  <NameCell lang={nameLang} names={[country.formalNames[nameLang]]} t={t} />
                  {hasOtherNames && <NameCell lang={nameLang} names={otherNames.get(nameLang) ?? []} t={t} />}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>

      <div className="two-columns">
        <Section id="codes" title={t.codesHeading}>
          <dl className="facts-list">
            <Fact label={country.kind === 'country' ? t.isoAlpha3 : t.areaCode}>
              <code>{country.code}</code>
            </Fact>
            <Fact label={t.isoAlpha2}>{orMissing(country.iso2, t, true)}</Fact>
            <Fact label={t.isoNumeric}>{orMissing(country.isoNumeric, t, true)}</Fact>
            <Fact label={t.m49Code}>{orMissing(country.m49, t, true)}</Fact>
            {country.aliases.length > 0 && (
              <Fact label={t.aliases}>
                {country.aliases.map((alias, index) => (
                  <span key={`${alias.source}:${alias.code}`}>
                    {index > 0 && ', '}
                    <code>{alias.code}</code> ({alias.source})
                  </span>
                ))}
              </Fact>
            )}
          </dl>
        </Section>

        <Section id="classifications" title={t.classificationsHeading}>
          <dl className="facts-list">
            <Fact label={t.m49Region}>{m49RegionName(country.region, lang, t)}</Fact>
            <Fact label={t.m49Subregion}>{m49RegionName(country.subregion, lang, t)}</Fact>
            <Fact label={t.m49IntermediateRegion}>{m49RegionName(country.intermediateRegion, lang, t)}</Fact>
            <Fact label={t.wbRegion}>{regionName(country.wbRegion, lang, t)}</Fact>
            {country.incomeGroup && (
              <Fact label={t.currentIncomeGroup(t.fiscalYear(country.incomeGroup.fiscalYear))}>
                {country.incomeGroup.group ? t.incomeGroups[country.incomeGroup.group] : t.notClassified}
              </Fact>
            )}
            <Fact label={t.ldc}>{country.ldc ? t.yes : t.no}</Fact>
            <Fact label={t.lldc}>{country.lldc ? t.yes : t.no}</Fact>
            <Fact label={t.sids}>{country.sids ? t.yes : t.no}</Fact>
          </dl>
          {country.note && (
            <p className="note">
              <strong>
                {t.note}
                {t.colon}
              </strong>
              <span lang="en">{country.note}</span>
            </p>
          )}
        </Section>
      </div>

      <Section id="income-history" title={t.incomeHistoryHeading}>
        {history.length > 0 ? (
          <>
            <p>{t.incomeHistoryLead(first, last)}</p>
            <IncomeHistoryFrame country={country} />
          </>
        ) : (
          <p>{t.incomeHistoryEmpty}</p>
        )}
      </Section>

      <Section id="sources" title={t.sourcesHeading}>
        <ul className="source-list">
          {country.sources.map((source) => (
            <li key={source.id}>
              {/* Titles, publishers and licences come from the API in English. */}
              <span lang="en">{source.url ? <a href={source.url}>{source.title}</a> : source.title}</span>
              <span className="source-list__meta">
                {t.colPublisher}
                {t.colon}
                <span lang="en">{source.publisher}</span> · {t.colLicence}
                {t.colon}
                <span lang="en">{source.licence}</span>
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}

/**
 * The income-group strip in a chart frame: CSV, PNG and SVG downloads with the World Bank's
 * source line, the caveats of the classification, the years as a table, and in words.
 */
function IncomeHistoryFrame({ country }: { country: CountryDetail }) {
  const t = useT();
  const history = country.incomeHistory;
  const { first, last } = incomeHistorySpan(t, history);
  const citation = country.incomeHistoryCitation;
  const title = t.incomeHistoryChartTitle(country.name, first, last);
  const summary = incomeSummary(t, history);
  return (
    <ChartFrame
      title={title}
      citations={[citation]}
      catalogued={false}
      filename={`income-group-history-${country.code.toLowerCase()}`}
      csv={{
        columns: ['area', 'area_name', 'fiscal_year', 'income_group', 'income_group_name', 'source_value', 'gni_year'],
        rows: history.map((year) => ({
          cells: {
            area: country.code,
            area_name: country.name,
            fiscal_year: year.fiscalYearLabel,
            income_group: year.group ?? '',
            income_group_name: incomeGroupLabel(t, year.group),
            source_value: year.sourceValue,
            gni_year: year.gniYear,
          },
          sources: [citation.dataset],
        })),
      }}
      note={<p className="chart__note">{summary}</p>}
      table={
        <TableScroll captionId="income-history-caption">
          <table className="data-table data-table--compact">
            <caption id="income-history-caption" className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.colFiscalYear}</th>
                <th scope="col">{t.filterIncomeGroup}</th>
                <th scope="col">{t.colSourceValue}</th>
                <th scope="col">{t.colGniYear}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((year) => (
                <tr key={year.fiscalYear}>
                  <th scope="row">{t.fiscalYear(year.fiscalYear)}</th>
                  <td>{incomeGroupLabel(t, year.group)}</td>
                  <td>{year.sourceValue ?? '..'}</td>
                  <td>{year.gniYear ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    >
      <IncomeHistoryChart history={history} label={title} description={summary} />
    </ChartFrame>
  );
}

/** A titled section; labelled by its heading, so it is a landmark screen readers can jump to. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
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

function NameCell({ lang, names, t }: { lang: NameLanguage; names: readonly (string | null)[]; t: Messages }) {
  const present = names.filter((name): name is string => Boolean(name));
  if (present.length === 0) return <td>{missing(t)}</td>;
  return (
    <td lang={lang} dir={RTL_LANGUAGES.includes(lang) ? 'rtl' : undefined}>
      {present.join('; ')}
    </td>
  );
}

/**
 * Other names by language, without those that repeat the short or formal name: the sources list
 * the usual names again there, and only the variants ("Philippines (les)") tell the reader more.
 */
function otherNamesByLanguage(country: CountryDetail): Map<string, string[]> {
  const byLang = new Map<string, string[]>();
  for (const { lang, name } of country.otherNames) {
    const known = [country.names[lang as NameLanguage], country.formalNames[lang as NameLanguage]];
    if (known.includes(name) || byLang.get(lang)?.includes(name)) continue;
    byLang.set(lang, [...(byLang.get(lang) ?? []), name]);
  }
  return byLang;
}

function orMissing(value: string | null | undefined, t: Messages, asCode = false): ReactNode {
  if (!value) return missing(t);
  return asCode ? <code>{value}</code> : value;
}

/** A World Bank region: the API names them in English only. */
function regionName(name: string | null | undefined, lang: UiLanguage, t: Messages): ReactNode {
  return name ? <span {...wbRegionText(lang, name)} /> : missing(t);
}

function m49RegionName(
  region: { code: string; name: string } | null | undefined,
  lang: UiLanguage,
  t: Messages,
): ReactNode {
  if (!region) return missing(t);
  const { text, lang: written } = m49Name(lang, region.code, region.name);
  return <span lang={written}>{text}</span>;
}

// A dash for the eye and words for the ear.
function missing(t: Messages): ReactNode {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t.notAvailable}</span>
    </>
  );
}
