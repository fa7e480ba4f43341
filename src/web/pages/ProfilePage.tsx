import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import {
  INDICATOR_IDS,
  PROFILE_TOP,
  SDG_10C,
  COMPUTED_BY,
  groupSumNote,
  isGroupSum,
  UNHCR_FLOW_GROUPS,
  computedBy,
  otherEditionMeasure,
  repeatedFigureNote,
  stockSumNote,
  diocSumNote,
  markedStatuses,
  MARKED_STATUSES,
} from '../../core/statistics-terms.js';
import type {
  Citation,
  CostCorridor,
  DisplacementSide,
  FlowSeries,
  PartnerStock,
  ProfileFlow,
  ProfileResponse,
  StockPoint,
} from '../../core/statistics.js';
import { areaCodeHint, csvUrl, getProfile } from '../api.js';
import { BarChart, type Bar } from '../charts/BarChart.js';
import { LineChart, type LineSeries } from '../charts/LineChart.js';
import { SeriesTable, describeBars, describeLines } from '../charts/SeriesTable.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { CountryTabs } from '../components/CountryTabs.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { KeyFigures, NoData, Section } from '../components/Section.js';
import { SourceLine } from '../components/SourceLine.js';
import type { CsvTable } from '../../core/csv.js';
import type { UiLanguage } from '../../core/languages.js';
import { editionGaps, type EditionGap } from '../editions.js';
import { comparePeriods, formatNumber, formatPercent, formatPeriod, formatTick, formatUsd } from '../format.js';
import { useApi, useDocumentTitle, useParamPatch } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { LangLink } from '../links.js';
import { sdmxCodes, sdmxDataUrl, sdmxFlowUrl, sdmxLinks, type SdmxKey } from '../sdmx.js';
import { citationsOf, shortDatasetLabel } from '../sources.js';
import { NotFoundPage } from './NotFoundPage.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { GapsNote } from '../components/GapsNote.js';

/**
 * The data profile of a country: where its emigrants live and who lives in it (UN DESA, one
 * edition at a time, switchable), what migrants send home set against aid and investment, what
 * sending money costs against the SDG 10.c targets, forced displacement, and emigrants in OECD
 * countries. The edition and the chart options live in the URL.
 */
export function ProfilePage() {
  const { code = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const [searchParams, patchParams] = useParamPatch();
  const edition = searchParams.get('edition') ?? undefined;
  const profile = useApi(`profile|${code}|${edition ?? ''}|${lang}`, (signal) =>
    getProfile(code, { edition, lang }, signal),
  );
  const data = profile.data && profile.data.area.code.toUpperCase() === code.toUpperCase() ? profile.data : undefined;
  // A link with an edition not loaded (an old link, a typo) is not a dead end: the profile says so
  // in the reader's language and shows the latest edition.
  const [refusedEdition, setRefusedEdition] = useState<string | null>(null);
  const editionRefused =
    edition !== undefined && profile.error?.status === 400 && profile.error.details.some((d) => d.field === 'edition');
  useEffect(() => {
    if (!editionRefused) return;
    setRefusedEdition(edition);
    patchParams({ edition: null }, { replace: true, correction: true });
  }, [editionRefused]);
  // The reader's own choice of an edition: the notice about the link no longer applies.
  useEffect(() => {
    if (edition !== undefined && edition !== refusedEdition) setRefusedEdition(null);
  }, [edition]);
  const error = editionRefused ? undefined : profile.error;
  const notFound = error !== undefined && (error.status === 404 || (error.status === 400 && !edition));
  useDocumentTitle(
    data ? t.profileTitle(data.area.name) : notFound ? t.countryNotFoundTitle : error ? t.errorTitle : t.loading,
    t.siteName,
  );
  if (notFound) return <NotFoundPage countryCode={code} reason={areaCodeHint(error)} />;

  return (
    <div className="page">
      <Breadcrumb
        trail={[
          { to: '/countries', label: t.navCountries },
          { to: `/countries/${code.toUpperCase()}`, label: data?.area.name ?? code.toUpperCase() },
        ]}
        current={t.tabProfile}
      />
      {/* The page keeps a heading when the API fails, named by the code asked for, as a corridor's does. */}
      {error && !data && <h1>{t.profileTitle(code.toUpperCase())}</h1>}
      {error && <ErrorAlert error={error} />}
      {refusedEdition !== null && (
        <p className="notice" role="status">
          {t.profileUnknownEdition(refusedEdition)}
        </p>
      )}
      {!data && !error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
      {data && <Profile profile={data} busy={profile.loading} />}
    </div>
  );
}

function Profile({ profile, busy }: { profile: ProfileResponse; busy: boolean }) {
  const t = useT();
  const lang = useLang();
  const name = profile.area.name;
  const sections = [
    ['migration', t.migrationHeading],
    ['remittances', t.remittancesHeading],
    ['cost', t.costHeading],
    ['displacement', t.displacementHeading],
    ['oecd', t.oecdHeading],
    ['profile-sources', t.sourcesHeading],
  ] as const;
  return (
    <article className="profile" aria-labelledby="profile-title" aria-busy={busy}>
      <header className="country__header">
        <h1 id="profile-title">{t.profileTitle(name)}</h1>
        <CountryTabs code={profile.area.code} current="profile" />
        <nav className="toc" aria-label={t.onThisPage}>
          <ul>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <MigrationSection profile={profile} />
      <RemittancesSection profile={profile} />
      <CostSection profile={profile} />
      <DisplacementSection profile={profile} />
      <OecdSection profile={profile} />
      <Section id="profile-sources" title={t.sourcesHeading}>
        <ul className="source-list">
          {profile.sources.map((c) => (
            <li key={c.dataset}>
              <LangLink to={`/datasets/${c.dataset}`}>
                <span lang="en">{c.title}</span>
              </LangLink>
              <span className="source-list__meta">
                <span lang="en">
                  {c.publisher} · {c.edition}
                </span>{' '}
                · {t.colLicence}
                {t.colon}
                <span lang="en">{c.licence}</span>
              </span>
            </li>
          ))}
        </ul>
        <p>
          <a href={csvUrl(`/profiles/${profile.area.code}`, { edition: profile.edition ?? undefined, lang })}>
            {t.downloadWholeProfile}
          </a>
        </p>
      </Section>
    </article>
  );
}

// ---------------------------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------------------------

function sexSeries(points: readonly StockPoint[], t: Messages, prefix: string, totalLabel = t.sexTotal): LineSeries[] {
  return [
    { key: `${prefix}-total`, label: totalLabel, points: points.map((p) => ({ period: p.period, value: p.total })) },
    { key: `${prefix}-female`, label: t.sexFemale, points: points.map((p) => ({ period: p.period, value: p.female })) },
    { key: `${prefix}-male`, label: t.sexMale, points: points.map((p) => ({ period: p.period, value: p.male })) },
  ];
}

/** The mark of a partner whose figures only repeat the period before's, told under its table. */
const REPEAT_MARK = '*';

/** The columns of a stock chart's CSV, the API's names. */
const STOCK_CSV_COLUMNS = ['area', 'measure', 'period', 'sex', 'value', 'unit', 'computed_by', 'note'];

/**
 * A country's immigrants or emigrants by sex: sums Bridges made of the edition's bilateral series,
 * as the API's CSV says in the reader's language, and, as it does too, where the latest period only
 * repeats the one before (`repeated`).
 */
function stockCsv(
  area: string,
  measure: 'immigrants' | 'emigrants',
  points: readonly StockPoint[],
  dataset: string,
  totalPublished: boolean,
  repeated: Repeated,
  lang: UiLanguage,
): CsvTable {
  return {
    columns: STOCK_CSV_COLUMNS,
    rows: points.flatMap((p) =>
      (
        [
          ['_T', p.total],
          ['F', p.female],
          ['M', p.male],
        ] as const
      ).map(([sex, value]) => ({
        cells: {
          area,
          measure,
          period: p.period,
          sex,
          value,
          unit: 'persons',
          computed_by: stockSumNote(measure, sex, totalPublished, lang),
          note: repeatedFigureNote(repeated, p.period, lang),
        },
        sources: [dataset],
      })),
    ),
  };
}

/**
 * A top-N chart's partners, each row noting where the partner's figures of `period` only repeat
 * the period before's (its `repeats`), as in the API's CSV.
 */
function partnerCsv(
  area: string,
  measure: string,
  period: string | null,
  items: readonly PartnerStock[],
  dataset: string,
  totalPublished: boolean,
  t: Messages,
  lang: UiLanguage,
): CsvTable {
  // The share is Bridges' (of the sum over every partner); so is the total where the edition prints none.
  const computed = computedBy(totalPublished ? null : t.csvTotalBothSexes, 'share_pct');
  return {
    columns: [
      'area',
      'measure',
      'period',
      'rank',
      'partner',
      'partner_name',
      'total',
      'female',
      'male',
      'share_pct',
      'unit',
      'computed_by',
      'note',
    ],
    rows: items.map((item) => ({
      cells: {
        area,
        measure,
        period,
        rank: item.rank,
        partner: item.area.code,
        partner_name: item.area.name,
        total: item.total,
        female: item.female,
        male: item.male,
        share_pct: item.sharePct,
        unit: 'persons',
        computed_by: computed,
        note: repeatedFigureNote(item.repeats, period, lang),
      },
      sources: [dataset],
    })),
  };
}

/** The publisher's edition ("Revision 2024") in the reader's language; as printed if it names no year. */
function editionName(t: Messages, edition: string): { text: string; translated: boolean } {
  const year = /\bRevision (\d{4})\b/.exec(edition)?.[1];
  return year ? { text: t.editionRevision(year), translated: true } : { text: `UN DESA ${edition}`, translated: false };
}

type OtherEdition = ProfileResponse['migration']['otherEditions'][number];
type Repeated = ProfileResponse['migration']['immigrants']['latestRepeats'];

/** Each other edition's total as a line of its own beside this edition's lines by sex. */
function otherEditionLines(others: readonly OtherEdition[], measure: 'immigrants' | 'emigrants', t: Messages) {
  return others.map((o, i): LineSeries => ({
    key: `${measure}-${o.dataset}`,
    label: t.totalInEdition(editionName(t, o.edition).text),
    points: o[measure].map((p) => ({ period: p.period, value: p.total })),
    styleIndex: 3 + i,
  }));
}

/**
 * Where an edition's total of a period is half as large again as another's (as for remittances):
 * UN DESA revises past years with each revision, and a reader citing one should know.
 */
function stockEditionGaps(m: ProfileResponse['migration'], measure: 'immigrants' | 'emigrants'): EditionGap[] {
  const total = (points: readonly StockPoint[]) => points.map((p) => ({ period: p.period, value: p.total }));
  return editionGaps([
    { group: measure, dataset: m.dataset ?? '', points: total(m[measure].series) },
    ...m.otherEditions.map((o) => ({ group: measure, dataset: o.dataset, points: total(o[measure]) })),
  ]);
}

/** The chart's note where the latest figures repeat the period's before (as the API says). */
function RepeatedNote({ repeated }: { repeated: Repeated }) {
  const t = useT();
  return repeated ? <p className="chart__note">{t.repeatedLatest(repeated.period, repeated.previous)}</p> : null;
}

/** The chart's note where the editions' totals part widely, in the words the remittance chart uses. */
function StockGapsNote({ profile, measure }: { profile: ProfileResponse; measure: 'immigrants' | 'emigrants' }) {
  const t = useT();
  const lang = useLang();
  const gaps = stockEditionGaps(profile.migration, measure);
  if (gaps.length === 0) return null;
  // Each revision by the name the chart's legend gives it.
  const edition = (side: EditionGap['low']) =>
    editionName(t, profile.availableEditions.find((e) => e.id === side.dataset)?.edition ?? side.dataset).text;
  const value = (side: EditionGap['low']) => formatNumber(side.value, lang);
  return (
    <GapsNote
      lead={t.revisionsDiffer}
      gaps={gaps.map((g) =>
        t.editionGap(g.period, t.sexTotal, edition(g.low), value(g.low), edition(g.high), value(g.high)),
      )}
      why={t.revisionsWhy}
    />
  );
}

function EditionSwitch({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const [searchParams, patchParams] = useParamPatch();
  if (profile.availableEditions.length < 2) return null;
  const latest = profile.availableEditions[0]?.id;

  function handleChange(id: string) {
    patchParams({ edition: id === latest ? null : id }, { preventScrollReset: true });
  }

  const current = searchParams.get('edition') ?? profile.edition ?? latest;
  return (
    <fieldset className="segmented">
      <legend>{t.editionSwitch}</legend>
      {profile.availableEditions.map((e) => {
        const name = editionName(t, e.edition);
        return (
          <label key={e.id}>
            <input
              type="radio"
              name="edition"
              value={e.id}
              checked={current === e.id}
              onChange={() => handleChange(e.id)}
            />
            <span lang={name.translated ? undefined : 'en'}>{name.text}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function MigrationSection({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const lang = useLang();
  const m = profile.migration;
  const area = profile.area;
  const dataset = m.dataset;
  const stockCitations = citationsOf([dataset], m.sources);
  const persons = (v: number) => formatNumber(v, lang);
  const tick = (v: number) => formatTick(v, 'persons', lang);
  const hasData = dataset !== null && (m.immigrants.series.length > 0 || m.emigrants.series.length > 0);
  const latestIn = m.immigrants.latest;
  // The share needs the population of its year: the latest year that has one (Niue: the UN's
  // population runs to 2020, its migrant stock to 2024), which may be earlier than the stock's.
  const latestShareOf = (series: readonly { period: string; sharePct: number | null }[]) =>
    [...series].sort((a, b) => comparePeriods(a.period, b.period)).findLast((p) => p.sharePct !== null);
  const latestShare = latestShareOf(m.immigrants.series);
  const latestEmigrantShare = latestShareOf(m.emigrants.series);
  const latestOut = m.emigrants.latest;
  const editionLabel = dataset ? shortDatasetLabel(dataset, m.sources, lang) : '';
  // A key figure that repeats the period before says so beside its source.
  const keyFigureNote = (repeated: Repeated, period: string) => {
    const sum = t.sumOfEdition(editionLabel);
    return repeated?.period === period ? `${sum} · ${t.repeatsPrevious(repeated.previous)}` : sum;
  };
  const otherEditions = m.otherEditions.map((o) => o.dataset);
  // Beside another revision's total, this one's says which revision it is too.
  const shownEdition = profile.availableEditions.find((e) => e.id === dataset)?.edition;
  const totalLabel =
    otherEditions.length && shownEdition ? t.totalInEdition(editionName(t, shownEdition).text) : t.sexTotal;
  const emigrantLines = [
    ...sexSeries(m.emigrants.series, t, 'out', totalLabel),
    ...otherEditionLines(m.otherEditions, 'emigrants', t),
  ];
  const immigrantLines = [
    ...sexSeries(m.immigrants.series, t, 'in', totalLabel),
    ...otherEditionLines(m.otherEditions, 'immigrants', t),
  ];
  // The table's years: this revision's and the others', as the chart draws them all.
  // One SDMX query per revision the chart draws, each named as the legend names it, and any
  // other flow its figures are computed from (the population a share divides by).
  const editionQueries = (key: SdmxKey, others: readonly { label: string; href: string | undefined }[] = []) => {
    const editions = [dataset, ...otherEditions].filter((d): d is string => d !== null);
    const queries = sdmxLinks([
      ...editions.map((d) => ({
        label: shortDatasetLabel(d, m.sources, lang),
        href: sdmxDataUrl(d, INDICATOR_IDS.migrantStock, key),
      })),
      ...others,
    ]);
    return queries.length === 1 ? queries[0]?.href : queries;
  };
  // The population both shares divide by, as an SDMX query of its own.
  const population = m.immigrants.population;
  const populationQuery = population
    ? [
        {
          label: `${t.topics.population} — ${shortDatasetLabel(population.dataset, m.sources, lang)}`,
          href: sdmxFlowUrl(profile.dataflows, population.dataset, population.indicator, {
            refArea: area.code,
            sex: '_T',
          }),
        },
      ]
    : [];

  return (
    <Section id="migration" title={t.migrationHeading} lead={t.migrationLead}>
      <EditionSwitch profile={profile} />
      {!hasData || !dataset ? (
        <NoData />
      ) : (
        <>
          <KeyFigures
            label={t.keyFigures}
            items={[
              ...(latestOut
                ? [
                    {
                      key: 'emigrants',
                      label: t.emigrantsLatest(latestOut.period),
                      value: persons(latestOut.total),
                      note: keyFigureNote(m.emigrants.latestRepeats, latestOut.period),
                    },
                  ]
                : []),
              ...(latestEmigrantShare?.sharePct != null
                ? [
                    {
                      key: 'emigrant-share',
                      label: t.emigrantShare(latestEmigrantShare.period),
                      value: formatPercent(latestEmigrantShare.sharePct, lang, 2),
                      note: t.computedByBridges,
                    },
                  ]
                : []),
              ...(latestIn
                ? [
                    {
                      key: 'immigrants',
                      label: t.immigrantsLatest(latestIn.period),
                      value: persons(latestIn.total),
                      note: keyFigureNote(m.immigrants.latestRepeats, latestIn.period),
                    },
                  ]
                : []),
              ...(latestShare?.sharePct != null
                ? [
                    {
                      key: 'share',
                      label: t.immigrantShare(latestShare.period),
                      value: formatPercent(latestShare.sharePct, lang, 2),
                      note: t.computedByBridges,
                    },
                  ]
                : []),
            ]}
          />
          <SourceLine
            citations={citationsOf(
              [dataset, latestShare || latestEmigrantShare ? m.immigrants.population?.dataset : null],
              m.sources,
            )}
          />

          <div className="chart-grid">
            <ChartFrame
              title={t.emigrantsTrendTitle(area.name)}
              subtitle={t.personsBySex}
              citations={citationsOf([dataset, m.immigrants.population?.dataset, ...otherEditions], m.sources)}
              csv={stockTrendCsv(profile, 'emigrants', lang)}
              computed
              note={
                <>
                  <p className="chart__note">{t.emigrantShareNote}</p>
                  <StockGapsNote profile={profile} measure="emigrants" />
                  <RepeatedNote repeated={m.emigrants.latestRepeats} />
                </>
              }
              filename={`emigrants-${area.code}-${dataset}`}
              sdmxUrl={editionQueries({ counterpart: area.code }, populationQuery)}
              table={
                <StockTrendTable
                  caption={t.emigrantsTrendTitle(area.name)}
                  profile={profile}
                  measure="emigrants"
                  totalLabel={totalLabel}
                />
              }
            >
              {m.emigrants.series.length > 0 ? (
                <LineChart
                  series={emigrantLines}
                  label={t.emigrantsTrendTitle(area.name)}
                  description={describeLines(emigrantLines, persons, t, lang)}
                  formatTick={tick}
                  formatValue={persons}
                />
              ) : (
                <NoData />
              )}
            </ChartFrame>

            <ChartFrame
              title={t.immigrantsTrendTitle(area.name)}
              subtitle={t.personsBySex}
              citations={citationsOf([dataset, m.immigrants.population?.dataset, ...otherEditions], m.sources)}
              csv={stockTrendCsv(profile, 'immigrants', lang)}
              computed
              filename={`immigrants-${area.code}-${dataset}`}
              sdmxUrl={editionQueries({ refArea: area.code }, populationQuery)}
              note={
                <>
                  <p className="chart__note">{t.shareNote}</p>
                  <StockGapsNote profile={profile} measure="immigrants" />
                  <RepeatedNote repeated={m.immigrants.latestRepeats} />
                </>
              }
              table={
                <StockTrendTable
                  caption={t.immigrantsTrendTitle(area.name)}
                  profile={profile}
                  measure="immigrants"
                  totalLabel={totalLabel}
                />
              }
            >
              {m.immigrants.series.length > 0 ? (
                <LineChart
                  series={immigrantLines}
                  label={t.immigrantsTrendTitle(area.name)}
                  description={describeLines(immigrantLines, persons, t, lang)}
                  formatTick={tick}
                  formatValue={persons}
                />
              ) : (
                <NoData />
              )}
            </ChartFrame>
          </div>

          <PartnerChart
            id="destinations"
            title={t.topDestinationsTitle(area.name, m.topDestinations.period ?? '', m.topDestinations.items.length)}
            items={m.topDestinations.items}
            csv={partnerCsv(
              area.code,
              'top_destination',
              m.topDestinations.period,
              m.topDestinations.items,
              dataset,
              m.stocks.totalPublished,
              t,
              lang,
            )}
            computed={!m.stocks.totalPublished}
            citations={stockCitations}
            filename={`destinations-${area.code}-${dataset}`}
            sdmxUrl={sdmxDataUrl(
              dataset,
              INDICATOR_IDS.migrantStock,
              { refArea: partnerKey(m.topDestinations.items), counterpart: area.code },
              { startPeriod: m.topDestinations.period ?? undefined, endPeriod: m.topDestinations.period ?? undefined },
            )}
            corridor={(partner) => `/corridors/${area.code}/${partner}`}
            partnerLabel={t.colDestination}
            extra={
              <p>
                <LangLink
                  to={`/explorer?indicator=${INDICATOR_IDS.migrantStock}&counterpart=${area.code}${profile.edition && profile.edition !== profile.availableEditions[0]?.id ? `&dataset=${profile.edition}` : ''}`}
                >
                  {t.showOnMap}
                </LangLink>
              </p>
            }
          />
          <PartnerChart
            id="origins"
            title={t.topOriginsTitle(
              area.name,
              m.topOrigins.period ?? '',
              m.topOrigins.items.length,
              // Fewer than the profile lists: these are all the origins the edition names.
              m.topOrigins.items.length < PROFILE_TOP,
            )}
            items={m.topOrigins.items}
            csv={partnerCsv(
              area.code,
              'top_origin',
              m.topOrigins.period,
              m.topOrigins.items,
              dataset,
              m.stocks.totalPublished,
              t,
              lang,
            )}
            computed={!m.stocks.totalPublished}
            citations={stockCitations}
            filename={`origins-${area.code}-${dataset}`}
            sdmxUrl={sdmxDataUrl(
              dataset,
              INDICATOR_IDS.migrantStock,
              { refArea: area.code, counterpart: partnerKey(m.topOrigins.items) },
              { startPeriod: m.topOrigins.period ?? undefined, endPeriod: m.topOrigins.period ?? undefined },
            )}
            corridor={(partner) => `/corridors/${partner}/${area.code}`}
            partnerLabel={t.colOrigin}
            extra={
              m.topOrigins.unknownOrigin ? (
                <p className="chart__note">{t.unknownOrigin(persons(m.topOrigins.unknownOrigin.total))}</p>
              ) : null
            }
          />
        </>
      )}
    </Section>
  );
}

/**
 * The SDMX key position naming the partners a top-N chart shows ("USA+SAU+…"), so that its query
 * pulls the chart's numbers, and not the publisher's aggregates (KNOMAD_WORLD) beside them.
 */
const partnerKey = (items: readonly { area: { code: string } }[]) => sdmxCodes(items.map((item) => item.area.code));

/** The chart's rows, then each other edition's, citing its own edition (and saying its own repeat). */
function withOtherEditions(
  table: CsvTable,
  profile: ProfileResponse,
  measure: 'immigrants' | 'emigrants',
  lang: UiLanguage,
): CsvTable {
  const others = profile.migration.otherEditions.flatMap((o) =>
    stockCsv(
      profile.area.code,
      measure,
      o[measure],
      o.dataset,
      o.totalPublished,
      o.latestRepeats[measure],
      lang,
    ).rows.map((row) => ({
      ...row,
      cells: { ...row.cells, measure: otherEditionMeasure(measure) },
    })),
  );
  return { ...table, rows: [...table.rows, ...others] };
}

/**
 * A stock chart's CSV (the emigrants' or the immigrants'): the edition's stocks by sex and their
 * share of the population where Bridges computed one, then each other edition's.
 */
function stockTrendCsv(profile: ProfileResponse, measure: 'immigrants' | 'emigrants', lang: UiLanguage): CsvTable {
  const m = profile.migration;
  const dataset = m.dataset ?? '';
  const population = m.immigrants.population?.dataset;
  const { series, latestRepeats } = m[measure];
  const ofEdition: CsvTable = {
    columns: STOCK_CSV_COLUMNS,
    rows: series.flatMap((p) => [
      ...stockCsv(profile.area.code, measure, [p], dataset, m.stocks.totalPublished, latestRepeats, lang).rows,
      ...(p.sharePct !== null && population
        ? [
            {
              cells: {
                area: profile.area.code,
                measure: `${measure}_share_of_population`,
                period: p.period,
                sex: '_T',
                value: p.sharePct,
                unit: 'percent',
                computed_by: COMPUTED_BY,
                note: repeatedFigureNote(latestRepeats, p.period, lang, 'derived'),
              },
              sources: [dataset, population],
            },
          ]
        : []),
    ]),
  };
  return withOtherEditions(ofEdition, profile, measure, lang);
}

/**
 * A stock chart's table: each period's total, women and men, the share of the population, and
 * the other editions' totals beside (the years of every edition the chart draws).
 */
function StockTrendTable({
  caption,
  profile,
  measure,
  totalLabel,
}: {
  caption: string;
  profile: ProfileResponse;
  measure: 'immigrants' | 'emigrants';
  totalLabel: string;
}) {
  const t = useT();
  const lang = useLang();
  const m = profile.migration;
  const persons = (v: number) => formatNumber(v, lang);
  const series: readonly {
    period: string;
    total: number;
    female: number | null;
    male: number | null;
    sharePct: number | null;
  }[] = m[measure].series;
  const periods = [...new Set([...series, ...m.otherEditions.flatMap((o) => o[measure])].map((p) => p.period))].sort();
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'period', label: t.colPeriod },
        { key: 'total', label: totalLabel, numeric: true },
        { key: 'female', label: t.sexFemale, numeric: true },
        { key: 'male', label: t.sexMale, numeric: true },
        { key: 'share', label: t.colShareOfPopulation, numeric: true },
        ...m.otherEditions.map((o) => ({
          key: o.dataset,
          label: t.totalInEdition(editionName(t, o.edition).text),
          numeric: true,
        })),
      ]}
      rows={periods.map((period) => {
        const p = series.find((q) => q.period === period);
        return {
          key: period,
          cells: {
            period,
            total: p ? persons(p.total) : '—',
            female: p?.female == null ? '—' : persons(p.female),
            male: p?.male == null ? '—' : persons(p.male),
            share: p?.sharePct == null ? '—' : formatPercent(p.sharePct, lang, 2, 2),
            ...Object.fromEntries(
              m.otherEditions.map((o) => {
                const theirs = o[measure].find((q) => q.period === period);
                return [o.dataset, theirs ? persons(theirs.total) : '—'];
              }),
            ),
          },
        };
      })}
    />
  );
}

function PartnerChart({
  id,
  title,
  items,
  csv,
  citations,
  filename,
  sdmxUrl,
  corridor,
  partnerLabel,
  extra,
  computed,
}: {
  id: string;
  title: string;
  items: readonly PartnerStock[];
  csv: CsvTable;
  citations: readonly Citation[];
  filename: string;
  sdmxUrl: string;
  corridor: (partner: string) => string;
  partnerLabel: string;
  extra?: ReactNode;
  /** The bars are totals Bridges made (male + female): the image says so. */
  computed: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const persons = (v: number) => formatNumber(v, lang);
  const bars: Bar[] = items.map((item) => ({ key: item.area.code, label: item.area.name, value: item.total }));
  // The partners whose figures only repeat the period before's (UN DESA 2024's Niue, among Tonga's
  // destinations): marked in the table, and named under it, by the periods they repeat.
  const repeated = new Map<string, { period: string; previous: string; names: string[] }>();
  for (const item of items) {
    if (!item.repeats) continue;
    const key = `${item.repeats.period}|${item.repeats.previous}`;
    const said = repeated.get(key) ?? { ...item.repeats, names: [] };
    said.names.push(item.area.name);
    repeated.set(key, said);
  }
  return (
    <div id={id}>
      <ChartFrame
        title={title}
        subtitle={t.personsBothSexes}
        citations={citations}
        csv={csv}
        filename={filename}
        sdmxUrl={sdmxUrl}
        computed={computed}
        note={
          <>
            {extra}
            {[...repeated.entries()].map(([key, r]) => (
              <p key={key} className="chart__note">
                <span aria-hidden="true">{`${REPEAT_MARK} `}</span>
                {t.partnersRepeated(r.names, formatPeriod(r.period, lang), formatPeriod(r.previous, lang))}
              </p>
            ))}
          </>
        }
        table={
          <DataTable
            ranked
            caption={title}
            columns={[
              { key: 'rank', label: t.colRank, numeric: true },
              { key: 'partner', label: partnerLabel },
              { key: 'total', label: t.sexTotal, numeric: true },
              { key: 'female', label: t.sexFemale, numeric: true },
              { key: 'male', label: t.sexMale, numeric: true },
              { key: 'share', label: t.colShare, numeric: true },
            ]}
            rows={items.map((item) => ({
              key: item.area.code,
              cells: {
                rank: item.rank,
                partner: <LangLink to={corridor(item.area.code)}>{item.area.name}</LangLink>,
                total: item.repeats ? (
                  <>
                    {persons(item.total)}
                    <span className="flag" aria-hidden="true">{` ${REPEAT_MARK}`}</span>
                    <span className="visually-hidden"> ({t.partnerRepeatedFlag})</span>
                  </>
                ) : (
                  persons(item.total)
                ),
                female: item.female === null ? '—' : persons(item.female),
                male: item.male === null ? '—' : persons(item.male),
                share: item.sharePct === null ? '—' : formatPercent(item.sharePct, lang, 1, 1),
              },
            }))}
          />
        }
      >
        <PersonBars bars={bars} label={title} />
      </ChartFrame>
      {items.length > 0 && (
        <details className="corridor-links">
          <summary>{t.openCorridor}</summary>
          <ul className="inline-list">
            {items.map((item) => (
              <li key={item.area.code}>
                <LangLink to={corridor(item.area.code)}>{item.area.name}</LangLink>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Bars of numbers of people (partners, groups, categories), or a no-data line when there are none. */
function PersonBars({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const t = useT();
  const lang = useLang();
  const persons = (v: number) => formatNumber(v, lang);
  if (bars.length === 0) return <NoData />;
  return (
    <BarChart
      bars={bars}
      label={label}
      description={describeBars(bars, persons, t)}
      formatValue={persons}
      formatTick={(v) => formatTick(v, 'persons', lang)}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Remittances, ODA, FDI
// ---------------------------------------------------------------------------------------------

/**
 * For each flow, the one series the key figures and the comparison show, by one rule for every
 * country: the series reaching the latest year; at the same year, one whose latest value the
 * publisher recorded before one it estimated, imputed or forecast (Tajikistan 2023: the WDI's
 * recorded US$ 4.6 bn, not KNOMAD's estimated 5.7 bn); then the longest.
 */
function preferredFlows(flows: readonly FlowSeries[]): FlowSeries[] {
  const latest = (s: FlowSeries) => [...s.points].sort((a, b) => comparePeriods(a.period, b.period)).at(-1);
  const better = (a: FlowSeries, b: FlowSeries) => {
    const [pa, pb] = [latest(a), latest(b)];
    const byYear = comparePeriods(pa?.period ?? '', pb?.period ?? '');
    if (byYear !== 0) return byYear > 0;
    const recorded = (p: typeof pa) => (p && !/[EIF]/.test(p.status) ? 1 : 0);
    if (recorded(pa) !== recorded(pb)) return recorded(pa) > recorded(pb);
    return a.points.length > b.points.length;
  };
  const byFlow = new Map<ProfileFlow, FlowSeries>();
  for (const f of flows) {
    const current = byFlow.get(f.flow);
    if (!current || better(f, current)) byFlow.set(f.flow, f);
  }
  return [...byFlow.values()];
}

/**
 * The flows behind a chart as CSV; with the GDP dataset, each value as % of GDP too, Bridges'
 * computation citing the GDP dataset beside the flow's (the chart must cite it as well).
 */
function flowCsv(area: string, flows: readonly FlowSeries[], gdpDataset: string | null, t: Messages): CsvTable {
  const base = ['area', 'flow', 'indicator', 'indicator_name', 'period', 'value', 'unit', 'value_usd'];
  return {
    columns: gdpDataset ? [...base, 'pct_of_gdp', 'status', 'computed_by'] : [...base, 'status'],
    rows: flows.flatMap((f) =>
      f.points.map((p) => ({
        cells: {
          area,
          flow: f.flow,
          indicator: f.indicator,
          indicator_name: t.indicatorNames[f.indicator] ?? f.indicatorName,
          period: p.period,
          value: p.value,
          unit: f.unit,
          value_usd: p.valueUsd,
          pct_of_gdp: p.pctOfGdp,
          status: p.status,
          computed_by: p.pctOfGdp !== null ? computedBy('pct_of_gdp') : null,
        },
        sources: p.pctOfGdp !== null && gdpDataset ? [f.dataset, gdpDataset] : [f.dataset],
      })),
    ),
  };
}

function flowName(flow: ProfileFlow, t: Messages): string {
  return t.flowNames[flow];
}

function RemittancesSection({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const lang = useLang();
  const [searchParams, patchParams] = useParamPatch();
  const r = profile.remittances;
  const area = profile.area;
  const usd = (v: number) => formatUsd(v, lang);
  const remittanceFlows = r.flows.filter((f) => f.flow === 'remittances_received' || f.flow === 'remittances_sent');
  const preferred = preferredFlows(r.flows);
  const measure = searchParams.get('measure') === 'gdp' && r.gdp ? 'gdp' : 'usd';
  const gdpDataset = r.gdp?.dataset ?? null;
  const drawnGdp = measure === 'gdp' ? gdpDataset : null;
  const received = preferred.find((f) => f.flow === 'remittances_received');
  const sent = preferred.find((f) => f.flow === 'remittances_sent');
  const lastPoint = (f: FlowSeries | undefined) =>
    f ? [...f.points].sort((a, b) => comparePeriods(a.period, b.period)).at(-1) : undefined;
  const receivedLast = lastPoint(received);
  const sentLast = lastPoint(sent);
  // A key figure names its edition, and says when the publisher marks the value (KNOMAD's "2023e").
  const printed = r.publishedPctOfGdp[0];
  const printedLast = printed?.points.at(-1);
  const figureNote = (f: FlowSeries, status: string) =>
    [shortDatasetLabel(f.dataset, r.sources, lang), ...markedStatuses(status).map((s) => t.statuses[s])].join(' · ');

  function handleMeasure(next: 'usd' | 'gdp') {
    patchParams({ measure: next === 'usd' ? null : next }, { preventScrollReset: true, replace: true });
  }

  const labelOf = (f: FlowSeries) => `${flowName(f.flow, t)} — ${shortDatasetLabel(f.dataset, r.sources, lang)}`;
  const remittanceSeries: LineSeries[] = remittanceFlows.map((f) => ({
    key: `${f.indicator}|${f.dataset}`,
    label: labelOf(f),
    points: f.points.map((p) => ({ period: p.period, value: p.valueUsd })),
  }));
  // Only the latest three: a note, not a table (the table under the chart has every value).
  const remittanceGaps = editionGaps(
    remittanceFlows.map((f) => ({
      group: f.flow,
      dataset: f.dataset,
      points: f.points.map((p) => ({ period: p.period, value: p.valueUsd })),
    })),
  ).slice(0, 3);
  // Values the publisher marks estimated, provisional, imputed or forecast: said under the chart.
  const marked = (flows: readonly FlowSeries[]) =>
    flows.flatMap((f) =>
      MARKED_STATUSES.flatMap((status) => {
        const periods = f.points.filter((p) => p.status.includes(status)).map((p) => p.period);
        return periods.length ? [`${labelOf(f)}, ${periods.join(', ')}${t.colon}${t.statuses[status]}`] : [];
      }),
    );
  const remittanceMarked = marked(remittanceFlows);
  const comparisonMarked = marked(preferred);
  const comparisonSeries: LineSeries[] = preferred.map((f) => ({
    key: `${f.indicator}|${f.dataset}`,
    label: labelOf(f),
    points: f.points.map((p) => ({ period: p.period, value: measure === 'gdp' ? p.pctOfGdp : p.valueUsd })),
  }));
  const comparisonFormat = measure === 'gdp' ? (v: number) => formatPercent(v, lang, 2, 2) : usd;
  const comparisonTick = measure === 'gdp' ? (v: number) => formatPercent(v, lang, 1) : usd;
  const corridors = r.topSendingCorridors;
  const senderBars: Bar[] = corridors.items.map((c) => ({ key: c.area.code, label: c.area.name, value: c.valueUsd }));

  return (
    <Section id="remittances" title={t.remittancesHeading} lead={t.remittancesLead}>
      {r.flows.length === 0 && corridors.items.length === 0 ? (
        <NoData />
      ) : (
        <>
          <KeyFigures
            label={t.keyFigures}
            items={[
              ...(received && receivedLast?.valueUsd != null
                ? [
                    {
                      key: 'received',
                      label: t.receivedLatest(receivedLast.period),
                      value: usd(receivedLast.valueUsd),
                      note: figureNote(received, receivedLast.status),
                    },
                  ]
                : []),
              ...(received && receivedLast?.pctOfGdp != null && gdpDataset
                ? [
                    {
                      key: 'gdp',
                      label: t.receivedPctGdp(receivedLast.period),
                      value: formatPercent(receivedLast.pctOfGdp, lang, 1),
                      note: t.computedFrom(
                        shortDatasetLabel(received.dataset, r.sources, lang),
                        `${shortDatasetLabel(gdpDataset, r.sources, lang)} (${t.gdpLabel})`,
                      ),
                    },
                  ]
                : []),
              // The share a publisher printed (KNOMAD's, with the IMF's GDP), beside Bridges' own.
              ...(printed && printedLast
                ? [
                    {
                      key: 'gdp-printed',
                      label: t.receivedPctGdpPrinted(printedLast.period),
                      value: formatPercent(printedLast.value, lang, 1),
                      note: [
                        shortDatasetLabel(printed.dataset, r.sources, lang),
                        t.imfGdp,
                        ...markedStatuses(printedLast.status).map((s) => t.statuses[s]),
                      ].join(' · '),
                    },
                  ]
                : []),
              ...(sent && sentLast?.valueUsd != null
                ? [
                    {
                      key: 'sent',
                      label: t.sentLatest(sentLast.period),
                      value: usd(sentLast.valueUsd),
                      note: figureNote(sent, sentLast.status),
                    },
                  ]
                : []),
            ]}
          />
          <ChartFrame
            title={t.remittancesTrendTitle(area.name)}
            subtitle={t.currentUsdEachEdition}
            citations={citationsOf(
              remittanceFlows.map((f) => f.dataset),
              r.sources,
            )}
            csv={flowCsv(area.code, remittanceFlows, null, t)}
            filename={`remittances-${area.code}`}
            sdmxUrl={sdmxLinks(
              remittanceFlows.map((f) => ({
                label: labelOf(f),
                href: sdmxFlowUrl(profile.dataflows, f.dataset, f.indicator, { refArea: area.code }),
              })),
            )}
            note={
              <>
                <p className="chart__note">{t.editionsNotSpliced}</p>
                {remittanceMarked.length > 0 && <p className="chart__note">{t.statusesMarked(remittanceMarked)}</p>}
                <GapsNote
                  lead={t.editionsDiffer}
                  gaps={remittanceGaps.map((g) =>
                    t.editionGap(
                      g.period,
                      flowName(g.group as ProfileFlow, t),
                      shortDatasetLabel(g.low.dataset, r.sources, lang),
                      usd(g.low.value),
                      shortDatasetLabel(g.high.dataset, r.sources, lang),
                      usd(g.high.value),
                    ),
                  )}
                  why={t.editionsWhy}
                />
              </>
            }
            table={
              <SeriesTable caption={t.remittancesTrendTitle(area.name)} series={remittanceSeries} formatValue={usd} />
            }
          >
            {remittanceSeries.length > 0 ? (
              <LineChart
                series={remittanceSeries}
                label={t.remittancesTrendTitle(area.name)}
                description={describeLines(remittanceSeries, usd, t, lang)}
                formatTick={usd}
                formatValue={usd}
              />
            ) : (
              <NoData />
            )}
          </ChartFrame>

          <ChartFrame
            title={t.comparisonTitle(area.name)}
            subtitle={measure === 'gdp' ? t.percentOfGdp : t.currentUsd}
            computed={measure === 'gdp'}
            // GDP is cited, and its shares exported, only in the view that divides by it.
            citations={citationsOf([...preferred.map((f) => f.dataset), drawnGdp], r.sources)}
            csv={flowCsv(area.code, preferred, drawnGdp, t)}
            filename={`remittances-oda-fdi-${area.code}`}
            sdmxUrl={sdmxLinks([
              ...preferred.map((f) => ({
                label: labelOf(f),
                href: sdmxFlowUrl(profile.dataflows, f.dataset, f.indicator, { refArea: area.code }),
              })),
              // The CSV's pct_of_gdp is there in either view, and so is the GDP it divides by.
              ...(r.gdp
                ? [
                    {
                      label: `${t.gdpLabel} — ${shortDatasetLabel(r.gdp.dataset, r.sources, lang)}`,
                      href: sdmxFlowUrl(profile.dataflows, r.gdp.dataset, r.gdp.indicator, { refArea: area.code }),
                    },
                  ]
                : []),
            ])}
            controls={
              r.gdp ? (
                <fieldset className="segmented">
                  <legend>{t.measure}</legend>
                  {(['usd', 'gdp'] as const).map((value) => (
                    <label key={value}>
                      <input
                        type="radio"
                        name="measure"
                        value={value}
                        checked={measure === value}
                        onChange={() => handleMeasure(value)}
                      />
                      {value === 'usd' ? t.currentUsd : t.percentOfGdp}
                    </label>
                  ))}
                </fieldset>
              ) : null
            }
            note={
              <>
                {measure === 'gdp' && <p className="chart__note">{t.pctOfGdpNote}</p>}
                {comparisonMarked.length > 0 && <p className="chart__note">{t.statusesMarked(comparisonMarked)}</p>}
              </>
            }
            table={
              <SeriesTable
                caption={t.comparisonTitle(area.name)}
                series={comparisonSeries}
                formatValue={comparisonFormat}
              />
            }
          >
            {comparisonSeries.length > 0 ? (
              <LineChart
                series={comparisonSeries}
                label={t.comparisonTitle(area.name)}
                description={describeLines(comparisonSeries, comparisonFormat, t, lang)}
                formatTick={comparisonTick}
                formatValue={comparisonFormat}
              />
            ) : (
              <NoData />
            )}
          </ChartFrame>

          <ChartFrame
            title={t.topSendersTitle(area.name, corridors.period ?? '', corridors.items.length)}
            subtitle={t.currentUsdEstimate}
            citations={citationsOf([corridors.dataset], r.sources)}
            csv={{
              columns: [
                'receiver',
                'rank',
                'sender',
                'sender_name',
                'period',
                'value',
                'unit',
                'share_pct',
                'computed_by',
              ],
              rows: corridors.items.map((c) => ({
                cells: {
                  receiver: area.code,
                  rank: c.rank,
                  sender: c.area.code,
                  sender_name: c.area.name,
                  period: corridors.period,
                  value: c.valueUsdMillions,
                  unit: corridors.unit,
                  share_pct: c.sharePct,
                  computed_by: c.sharePct !== null ? computedBy('share_pct') : null,
                },
                sources: corridors.dataset ? [corridors.dataset] : [],
              })),
            }}
            filename={`remittance-senders-${area.code}`}
            sdmxUrl={
              corridors.dataset
                ? sdmxDataUrl(
                    corridors.dataset,
                    INDICATOR_IDS.remittanceBilateral,
                    { refArea: area.code, counterpart: partnerKey(corridors.items) },
                    { startPeriod: corridors.period ?? undefined, endPeriod: corridors.period ?? undefined },
                  )
                : undefined
            }
            table={
              <DataTable
                ranked
                caption={t.topSendersTitle(area.name, corridors.period ?? '', corridors.items.length)}
                columns={[
                  { key: 'rank', label: t.colRank, numeric: true },
                  { key: 'sender', label: t.colSendingCountry },
                  { key: 'value', label: t.currentUsd, numeric: true },
                  { key: 'share', label: t.colShare, numeric: true },
                ]}
                rows={corridors.items.map((c) => ({
                  key: c.area.code,
                  cells: {
                    rank: c.rank,
                    sender: <LangLink to={`/corridors/${area.code}/${c.area.code}`}>{c.area.name}</LangLink>,
                    value: usd(c.valueUsd),
                    share: c.sharePct === null ? '—' : formatPercent(c.sharePct, lang, 1, 1),
                  },
                }))}
              />
            }
          >
            {senderBars.length > 0 ? (
              <BarChart
                bars={senderBars}
                label={t.topSendersTitle(area.name, corridors.period ?? '', corridors.items.length)}
                description={describeBars(senderBars, usd, t)}
                formatValue={usd}
                formatTick={usd}
              />
            ) : (
              <NoData />
            )}
          </ChartFrame>
          {corridors.items.length > 0 && (
            <details className="corridor-links">
              <summary>{t.openCorridor}</summary>
              <ul className="inline-list">
                {corridors.items.map((c) => (
                  <li key={c.area.code}>
                    <LangLink to={`/corridors/${area.code}/${c.area.code}`}>{c.area.name}</LangLink>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Cost of sending money
// ---------------------------------------------------------------------------------------------

function costCsv(corridors: readonly CostCorridor[], unit: string): CsvTable {
  return {
    columns: [
      'from',
      'from_name',
      'to',
      'to_name',
      'direction',
      'amount_usd',
      'period',
      'value',
      'unit',
      'latest_period',
      'above_5_pct_latest',
    ],
    rows: corridors.flatMap((c) =>
      c.points.map((p) => ({
        cells: {
          from: c.from.code,
          from_name: c.from.name,
          to: c.to.code,
          to_name: c.to.name,
          direction: c.direction,
          amount_usd: c.amountUsd,
          period: p.period,
          value: p.value,
          unit,
          // Each corridor's own latest quarter: the survey stopped pricing some years before others.
          latest_period: c.latest.period,
          above_5_pct_latest: c.aboveFive ? 'yes' : 'no',
        },
        sources: [c.dataset],
      })),
    ),
  };
}

/** The edition whose latest period is the most recent, among the corridors given. */
function latestCostDataset(corridors: readonly CostCorridor[]): string | null {
  const sorted = [...corridors].sort((a, b) => comparePeriods(b.latest.period, a.latest.period));
  return sorted[0]?.dataset ?? null;
}

function CostSection({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const lang = useLang();
  const c = profile.cost;
  return (
    <Section id="cost" title={t.costHeading} lead={t.costLead(c.amountUsd)}>
      {c.corridors.length === 0 ? (
        <NoData />
      ) : (
        <>
          <CostDirection profile={profile} direction="inbound" />
          <CostDirection profile={profile} direction="outbound" />
          {c.means.length > 0 && (
            <div className="note-box">
              <h3>{t.costMeansHeading}</h3>
              <ul>
                {c.means.map((mean) => (
                  <li key={`${mean.dataset}|${mean.direction}`}>
                    {t.costMean(
                      mean.direction === 'inbound',
                      formatPercent(mean.meanPct, lang, 2),
                      formatPeriod(mean.period, lang),
                      mean.corridorCount,
                      mean.corridorsAboveFive,
                      shortDatasetLabel(mean.dataset, c.sources, lang),
                    )}{' '}
                    <span className="tag">{t.computedByBridges}</span>
                  </li>
                ))}
              </ul>
              <p className="chart__note">{t.costMeanMethod(c.amountUsd)}</p>
            </div>
          )}
          <p className="chart__note">{t.sdgTargetText}</p>
        </>
      )}
    </Section>
  );
}

function CostDirection({ profile, direction }: { profile: ProfileResponse; direction: 'inbound' | 'outbound' }) {
  const t = useT();
  const lang = useLang();
  const c = profile.cost;
  const area = profile.area;
  const corridors = c.corridors.filter((x) => x.direction === direction);
  const title =
    direction === 'inbound' ? t.costInboundTitle(area.name, c.amountUsd) : t.costOutboundTitle(area.name, c.amountUsd);
  const latest = latestCostDataset(corridors);
  if (latest === null) return <NoData what={title} />;
  const shown = corridors.filter((x) => x.dataset === latest).sort((a, b) => b.latest.value - a.latest.value);
  const partnerOf = (x: CostCorridor) => (direction === 'inbound' ? x.from : x.to);
  // Costs as the RPW prints them, two decimals each, so that bars and lines read alike.
  const pct = (v: number) => formatPercent(v, lang, 2, 2);
  // A corridor the survey stopped pricing (RUS→ARM after 2021, IND→BGD after 2024Q1) shows its own
  // latest quarter under its name: the subtitle's quarter is the newest of the bars.
  const newest = shown.reduce((p, x) => (p === '' || comparePeriods(x.latest.period, p) > 0 ? x.latest.period : p), '');
  const bars: Bar[] = shown.map((x) => ({
    key: `${x.from.code}-${x.to.code}`,
    label: partnerOf(x).name,
    value: x.latest.value,
    flag: x.aboveFive ? t.aboveFive : undefined,
    detail: x.latest.period === newest ? undefined : formatPeriod(x.latest.period, lang),
  }));
  // The chart draws one edition: its source line, CSV, query and table are that edition's alone;
  // the others are said in a note and are on each corridor's page and in the profile's whole CSV.
  const others = [...new Set(corridors.map((x) => x.dataset))].filter((d) => d !== latest);
  const corridorLink = (code: string) =>
    direction === 'inbound' ? `/corridors/${area.code}/${code}` : `/corridors/${code}/${area.code}`;
  return (
    <ChartFrame
      title={title}
      subtitle={(bars.some((b) => b.detail) ? t.costSubtitleMixed : t.costSubtitle)(
        formatPeriod(newest, lang),
        shortDatasetLabel(latest, c.sources, lang),
      )}
      citations={citationsOf([latest], c.sources)}
      csv={costCsv(shown, c.unit)}
      filename={`cost-${direction}-${area.code}-${latest}`}
      sdmxUrl={sdmxFlowUrl(profile.dataflows, latest, INDICATOR_IDS.remittanceCost, {
        ...(direction === 'inbound' ? { refArea: area.code } : { counterpart: area.code }),
        dims: { amount: c.amountUsd },
      })}
      note={
        <>
          <p className="chart__note">{t.costFlagNote(c.sdg.corridorCeilingPct)}</p>
          {others.length > 0 && (
            <p className="chart__note">
              {t.costOtherEditions(others.map((d) => shortDatasetLabel(d, c.sources, lang)))}
            </p>
          )}
        </>
      }
      table={
        <DataTable
          caption={title}
          columns={[
            { key: 'partner', label: direction === 'inbound' ? t.colSendingCountry : t.colReceivingCountry },
            { key: 'cost', label: shortDatasetLabel(latest, c.sources, lang), numeric: true },
          ]}
          rows={shown.map((x) => ({
            key: partnerOf(x).code,
            cells: {
              partner: <LangLink to={corridorLink(partnerOf(x).code)}>{partnerOf(x).name}</LangLink>,
              cost: (
                <>
                  {pct(x.latest.value)} <span className="muted">({formatPeriod(x.latest.period, lang)})</span>
                  {x.aboveFive && <span className="flag"> ▲ {t.aboveFive}</span>}
                </>
              ),
            },
          }))}
        />
      }
    >
      <BarChart
        bars={bars}
        label={title}
        description={describeBars(bars, pct, t)}
        formatValue={pct}
        formatTick={(v) => formatPercent(v, lang, 0)}
        referenceLines={[
          { value: SDG_10C.averageBelowPct, label: t.sdgTarget3 },
          { value: SDG_10C.corridorCeilingPct, label: t.sdgCeiling5 },
        ]}
      />
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------
// Forced displacement
// ---------------------------------------------------------------------------------------------

function groupLabel(group: string, t: Messages, labels: Record<string, string>): string {
  const key = group.replace(' ', '_') as keyof Messages['unhcrGroups'];
  return t.unhcrGroups[key] ?? labels[group] ?? group;
}

/**
 * The latest period of a displacement side, with the statuses its values carry beside it
 * (UNHCR's mid-year release, provisional: "2024, provisional").
 */
function displacementWhen(side: DisplacementSide, t: Messages): string {
  if (side.latestPeriod === null) return '';
  return [side.latestPeriod, ...markedStatuses(side.latestStatus).map((s) => t.statuses[s])].join(', ');
}

function DisplacementSection({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const lang = useLang();
  const r = profile.refugees;
  const area = profile.area;
  const persons = (v: number) => formatNumber(v, lang);
  if (!r.dataset) {
    return (
      <Section id="displacement" title={t.displacementHeading} lead={t.displacementLead}>
        <NoData />
      </Section>
    );
  }
  // The groups of a total, largest first; returns (flows during the year) after, marked as outside it.
  const groupNote = (byGroup: Readonly<Record<string, number>>) => {
    const list = (flows: boolean) =>
      Object.entries(byGroup)
        .filter(([g]) => UNHCR_FLOW_GROUPS.has(g) === flows)
        .sort((a, b) => b[1] - a[1])
        .map(([g, v]) => `${groupLabel(g, t, r.groups)}${t.colon}${persons(v)}`)
        .join(' · ');
    const returns = list(true);
    const stocks = isGroupSum(byGroup) ? t.groupsSum(list(false)) : list(false);
    return [stocks, returns ? t.flowsApart(returns) : ''].filter(Boolean).join(' · ');
  };
  const figures = (
    [
      ['from', r.fromCountry, t.displacedFrom],
      ['hosted', r.hosted, t.displacedHosted],
      ['within', r.withinCountry, t.displacedWithin],
    ] as const
  ).filter(([, side]) => side.total !== null);
  return (
    <Section id="displacement" title={t.displacementHeading} lead={t.displacementLead}>
      <KeyFigures
        label={t.keyFigures}
        items={figures.map(([key, side, label]) => ({
          key,
          label: `${label} (${displacementWhen(side, t)})`,
          value: persons(side.total ?? 0),
          note: groupNote(side.byGroup),
        }))}
      />
      <SourceLine citations={r.sources} />
      <div className="chart-grid">
        <DisplacementChart
          profile={profile}
          side={r.fromCountry}
          name="from_country"
          title={t.displacedByAsylumTitle(area.name, displacementWhen(r.fromCountry, t))}
          partnerLabel={t.colAsylumCountry}
        />
        <DisplacementChart
          profile={profile}
          side={r.hosted}
          name="hosted"
          title={t.displacedByOriginTitle(area.name, displacementWhen(r.hosted, t))}
          partnerLabel={t.colOrigin}
        />
      </div>
    </Section>
  );
}

function DisplacementChart({
  profile,
  side,
  name,
  title,
  partnerLabel,
}: {
  profile: ProfileResponse;
  side: DisplacementSide;
  name: string;
  title: string;
  partnerLabel: string;
}) {
  const t = useT();
  const lang = useLang();
  const r = profile.refugees;
  const persons = (v: number) => formatNumber(v, lang);
  // Nothing to draw, download or query: say so under the chart's title, with no buttons.
  if (side.top.length === 0) return <NoData what={title} />;
  const groups = [...new Set(side.top.flatMap((x) => Object.keys(x.byGroup)))].sort();
  const bars: Bar[] = side.top.map((x) => ({ key: x.area.code, label: x.area.name, value: x.total }));
  const partners = partnerKey(side.top);
  const summed = side.top.some((x) => isGroupSum(x.byGroup));
  return (
    <ChartFrame
      title={title}
      subtitle={t.personsAllGroups}
      citations={r.sources}
      computed={summed}
      note={
        summed ? (
          <p className="chart__note">
            {t.displacedSumNote} <span className="tag tag--computed">{t.computedByBridges}</span>
          </p>
        ) : undefined
      }
      csv={{
        columns: [
          'area',
          'measure',
          'period',
          'rank',
          'partner',
          'partner_name',
          'total',
          ...groups.map((g) => `group:${g}`),
          'unit',
          'status',
          'computed_by',
        ],
        rows: side.top.map((x) => ({
          cells: {
            area: profile.area.code,
            measure: name,
            period: side.latestPeriod,
            rank: x.rank,
            partner: x.area.code,
            partner_name: x.area.name,
            total: x.total,
            ...Object.fromEntries(groups.map((g) => [`group:${g}`, x.byGroup[g] ?? null])),
            unit: 'persons',
            status: side.latestStatus,
            computed_by: groupSumNote(x.byGroup, lang),
          },
          sources: r.dataset ? [r.dataset] : [],
        })),
      }}
      filename={`displacement-${name}-${profile.area.code}`}
      sdmxUrl={
        // The partners drawn, by name in the key: the country's own row (its internally displaced)
        // is not one of them. No data, no query.
        side.top.length === 0
          ? undefined
          : sdmxFlowUrl(
              profile.dataflows,
              r.dataset,
              INDICATOR_IDS.forciblyDisplaced,
              name === 'hosted'
                ? { refArea: profile.area.code, counterpart: partners }
                : { refArea: partners, counterpart: profile.area.code },
              { startPeriod: side.latestPeriod ?? undefined, endPeriod: side.latestPeriod ?? undefined },
            )
      }
      table={
        <DataTable
          caption={title}
          columns={[
            { key: 'partner', label: partnerLabel },
            { key: 'total', label: summed ? `${t.sexTotal} (${t.computedByBridges})` : t.sexTotal, numeric: true },
            ...groups.map((g) => ({ key: g, label: groupLabel(g, t, r.groups), numeric: true })),
          ]}
          rows={side.top.map((x) => ({
            key: x.area.code,
            cells: {
              partner: x.area.name,
              total: persons(x.total),
              ...Object.fromEntries(
                groups.map((g) => [g, x.byGroup[g] === undefined ? '—' : persons(x.byGroup[g] ?? 0)]),
              ),
            },
          }))}
        />
      }
    >
      <PersonBars bars={bars} label={title} />
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------
// Emigrants in OECD countries
// ---------------------------------------------------------------------------------------------

function OecdSection({ profile }: { profile: ProfileResponse }) {
  const t = useT();
  const lang = useLang();
  const d = profile.emigrantsInOecd;
  const area = profile.area;
  const persons = (v: number) => formatNumber(v, lang);
  if (d.education.items.length === 0 && d.labourForce.items.length === 0) {
    return (
      <Section id="oecd" title={t.oecdHeading} lead={t.oecdLead}>
        <NoData />
      </Section>
    );
  }
  const blocks = [
    ['education', d.education, t.educationTitle(area.name, d.education.period ?? ''), t.dioc.education],
    ['labour_force', d.labourForce, t.labourForceTitle(area.name, d.labourForce.period ?? ''), t.dioc.labourForce],
  ] as const;
  return (
    <Section id="oecd" title={t.oecdHeading} lead={t.oecdLead}>
      <div className="chart-grid">
        {blocks.map(([key, dist, title, labels]) => {
          const label = (k: string, fallback: string) => (labels as Record<string, string>)[k] ?? fallback;
          const dataset = dist.dataset;
          if (!dataset || dist.items.length === 0) return <NoData key={key} what={title} />;
          const bars: Bar[] = dist.items.map((item) => ({
            key: item.code,
            label: label(item.key, item.label),
            value: item.value,
            detail: item.sharePct === null ? undefined : formatPercent(item.sharePct, lang),
          }));
          return (
            <ChartFrame
              key={key}
              title={title}
              subtitle={t.diocPersons[dist.populationKind]}
              citations={citationsOf([dataset], d.sources)}
              sdmxUrl={sdmxFlowUrl(profile.dataflows, dataset, INDICATOR_IDS.diocEmigrants, {
                refArea: area.code,
                dims: dist.kept,
              })}
              note={<p className="chart__note">{t.diocPopulation[dist.populationKind]}</p>}
              csv={{
                columns: [
                  'area',
                  'measure',
                  'period',
                  'dimension',
                  'code',
                  'category',
                  'label',
                  'value',
                  'share_pct',
                  'unit',
                  'computed_by',
                ],
                rows: dist.items.map((item) => ({
                  cells: {
                    area: area.code,
                    measure: key,
                    period: dist.period,
                    dimension: dist.dimension,
                    code: item.code,
                    category: item.key,
                    label: label(item.key, item.label),
                    value: item.value,
                    share_pct: item.sharePct,
                    unit: 'persons',
                    computed_by: diocSumNote(dist.over, lang),
                  },
                  sources: [dataset],
                })),
              }}
              filename={`oecd-${key}-${area.code}`}
              table={
                <DataTable
                  caption={title}
                  columns={[
                    { key: 'category', label: t.colCategory },
                    { key: 'value', label: t.sexTotal, numeric: true },
                    { key: 'share', label: t.colShare, numeric: true },
                  ]}
                  rows={dist.items.map((item) => ({
                    key: item.code,
                    cells: {
                      category: label(item.key, item.label),
                      value: persons(item.value),
                      share: item.sharePct === null ? '—' : formatPercent(item.sharePct, lang, 1, 1),
                    },
                  }))}
                />
              }
            >
              <PersonBars bars={bars} label={title} />
            </ChartFrame>
          );
        })}
      </div>
    </Section>
  );
}
