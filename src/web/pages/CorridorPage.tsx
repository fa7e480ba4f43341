import { useParams } from 'react-router-dom';
import type { CorridorResponse } from '../../core/statistics.js';
import {
  bothSexesNote,
  INDICATOR_IDS,
  isGroupSum,
  markedStatuses,
  repeatedFigureNote,
  SDG_10C,
  UNHCR_FLOW_GROUPS,
} from '../../core/statistics-terms.js';
import { csvUrl, getCorridor, getCountry } from '../api.js';
import { BarChart, type Bar } from '../charts/BarChart.js';
import { LineChart, type LineSeries } from '../charts/LineChart.js';
import { SeriesTable, describeBars, describeLines } from '../charts/SeriesTable.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { DataTable } from '../components/DataTable.js';
import { NotFoundPage } from './NotFoundPage.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NoData, Section } from '../components/Section.js';
import { dimensionValueLabel } from '../dimensions.js';
import { editionGaps, latestDisagreement, type EditionGap } from '../editions.js';
import { everyYear, formatNumber, formatPercent, formatPeriod, formatTick, formatUsd } from '../format.js';
import { useApi, useDocumentTitle, useParamPatch } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { LangLink } from '../links.js';
import { sdmxFlowUrl, sdmxLinks } from '../sdmx.js';
import { citationsOf, shortDatasetLabel } from '../sources.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { GapsNote } from '../components/GapsNote.js';

const SEX_CHOICES = ['_T', 'F', 'M'] as const;
type SexChoice = (typeof SEX_CHOICES)[number];

/**
 * A migration corridor, origin → destination: how many people born in the origin live in the
 * destination (every UN DESA edition as its own line), the money they send (every KNOMAD
 * edition, both directions), what sending it costs (every RPW file as its own series) and the
 * people from the origin forcibly displaced in the destination (UNHCR).
 */
export function CorridorPage() {
  const { from = '', to = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const corridor = useApi(`corridor|${from}|${to}|${lang}`, (signal) => getCorridor(from, to, lang, signal));
  // A corridor from a place to itself, which the API refuses, is told in the reader's language.
  const sameEnds = from.toUpperCase() === to.toUpperCase();
  const data =
    corridor.data &&
    corridor.data.from.code.toUpperCase() === from.toUpperCase() &&
    corridor.data.to.code.toUpperCase() === to.toUpperCase()
      ? corridor.data
      : undefined;
  // A code no country or area has is a page of its own, as for a profile; the API says which end.
  const unknownEnd =
    corridor.error?.status === 404
      ? corridor.error.details.find((d) => d.field === 'from' || d.field === 'to')?.field
      : undefined;
  // The API refuses a corridor from a place to itself without naming the place: its name is asked
  // for on its own, so that the heading and the profile link read as on any other corridor.
  const place = useApi(`corridor-same-end|${sameEnds ? from : ''}|${lang}`, (signal) =>
    sameEnds ? getCountry(from, lang, signal) : Promise.resolve(undefined),
  );
  const placeName = sameEnds ? (place.data?.name ?? from.toUpperCase()) : undefined;
  const codes = placeName ? `${placeName} → ${placeName}` : `${from.toUpperCase()} → ${to.toUpperCase()}`;
  useDocumentTitle(
    data
      ? t.corridorTitle(data.from.name, data.to.name)
      : unknownEnd
        ? t.countryNotFoundTitle
        : corridor.error
          ? t.errorTitle
          : t.loading,
    t.siteName,
  );
  if (unknownEnd) return <NotFoundPage countryCode={(unknownEnd === 'from' ? from : to).toUpperCase()} />;
  return (
    <div className="page">
      <Breadcrumb
        trail={[{ to: '/data', label: t.navDataHub }]}
        current={data ? t.corridorTitle(data.from.name, data.to.name) : codes}
      />
      {corridor.error && (
        <>
          <h1>{codes}</h1>
          {sameEnds ? (
            <div className="alert" role="alert">
              <p>{t.corridorSameEnds(from.toUpperCase())}</p>
              <p>
                <LangLink to={`/countries/${from.toUpperCase()}/profile`}>
                  {t.profileOf(placeName ?? from.toUpperCase())}
                </LangLink>
              </p>
            </div>
          ) : (
            <ErrorAlert error={corridor.error} />
          )}
        </>
      )}
      {!data && !corridor.error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
      {data && <Corridor corridor={data} />}
    </div>
  );
}

function Corridor({ corridor }: { corridor: CorridorResponse }) {
  const t = useT();
  const lang = useLang();
  const { from, to } = corridor;
  return (
    <article aria-labelledby="corridor-title">
      <header className="country__header">
        <h1 id="corridor-title">{t.corridorTitle(from.name, to.name)}</h1>
        <p className="lead">{t.corridorLead}</p>
        <ul className="inline-list">
          <li>
            <LangLink to={`/corridors/${to.code}/${from.code}`}>{t.reverseCorridor(to.name, from.name)}</LangLink>
          </li>
          <li>
            <LangLink to={`/countries/${from.code}/profile`}>{t.profileOf(from.name)}</LangLink>
          </li>
          <li>
            <LangLink to={`/countries/${to.code}/profile`}>{t.profileOf(to.name)}</LangLink>
          </li>
          <li>
            <a href={csvUrl(`/corridors/${from.code}/${to.code}`, { lang })}>{t.downloadWholeCorridor}</a>
          </li>
        </ul>
      </header>
      <StockBlock corridor={corridor} />
      <RemittanceBlock corridor={corridor} />
      <CostBlock corridor={corridor} />
      <DisplacementBlock corridor={corridor} />
    </article>
  );
}

function StockBlock({ corridor }: { corridor: CorridorResponse }) {
  const t = useT();
  const lang = useLang();
  const [searchParams, patchParams] = useParamPatch();
  const s = corridor.migrantStock;
  const sexParam = searchParams.get('sex');
  const sex: SexChoice = (SEX_CHOICES as readonly string[]).includes(sexParam ?? '') ? (sexParam as SexChoice) : '_T';
  const persons = (v: number) => formatNumber(v, lang);
  const title = t.corridorStockTitle(corridor.from.name, corridor.to.name);
  const sexLabel = { _T: t.sexTotal, F: t.sexFemale, M: t.sexMale } as const;
  const series: LineSeries[] = s.editions.map((e) => ({
    key: e.dataset,
    label: shortDatasetLabel(e.dataset, s.sources, lang),
    points: e.points.map((p) => ({
      period: p.period,
      value: sex === '_T' ? p.total : sex === 'F' ? p.female : p.male,
    })),
  }));
  const hasData = s.editions.some((e) => e.points.length > 0);
  // UN DESA prints corridors by sex only in some editions: the total drawn is then Bridges' sum.
  const summedEditions = s.editions
    .filter((e) => e.points.length > 0 && !e.totalPublished)
    .map((e) => shortDatasetLabel(e.dataset, s.sources, lang));
  const totalComputed = sex === '_T' && summedEditions.length > 0;
  // Where the editions part widely for a year, said in words, as on the profile.
  const editionSeries = series.map((line) => ({ group: sex, dataset: line.key, points: line.points }));
  const gaps = editionGaps(editionSeries);
  const edition = (g: EditionGap['low']) => shortDatasetLabel(g.dataset, s.sources, lang);
  // Where they part by less, the latest year they differ on is said too, unless the note above has it.
  const disagreement = latestDisagreement(editionSeries);
  const smallDisagreement = disagreement && !gaps.some((g) => g.period === disagreement.period) ? disagreement : null;

  function handleSex(next: SexChoice) {
    patchParams({ sex: next === '_T' ? null : next }, { preventScrollReset: true, replace: true });
  }

  return (
    <Section id="stock" title={t.migrationHeading} lead={t.corridorStockLead(corridor.from.name, corridor.to.name)}>
      {!hasData ? (
        <NoData />
      ) : (
        <ChartFrame
          title={title}
          subtitle={`${sexLabel[sex]} · ${t.personsEachEdition}`}
          citations={s.sources}
          computed={totalComputed}
          csv={{
            columns: ['from', 'from_name', 'to', 'to_name', 'period', 'sex', 'value', 'unit', 'computed_by', 'note'],
            rows: s.editions.flatMap((e) =>
              e.points.flatMap((p) =>
                (
                  [
                    ['_T', p.total],
                    ['F', p.female],
                    ['M', p.male],
                  ] as const
                ).map(([code, value]) => ({
                  cells: {
                    from: corridor.from.code,
                    from_name: corridor.from.name,
                    to: corridor.to.code,
                    to_name: corridor.to.name,
                    period: p.period,
                    sex: code,
                    value,
                    unit: s.unit,
                    computed_by: bothSexesNote(code, e.totalPublished, lang),
                    // As the API's CSV: a row of a period that only repeats the one before says so.
                    note: repeatedFigureNote(e.destinationRepeats, p.period, lang),
                  },
                  sources: [e.dataset],
                })),
              ),
            ),
          }}
          filename={`corridor-stock-${corridor.from.code}-${corridor.to.code}`}
          sdmxUrl={sdmxLinks(
            s.editions.map((e) => ({
              label: shortDatasetLabel(e.dataset, s.sources, lang),
              href: sdmxFlowUrl(corridor.dataflows, e.dataset, INDICATOR_IDS.migrantStock, {
                refArea: corridor.to.code,
                counterpart: corridor.from.code,
                // Both sexes are male + female: the query for them is every sex.
                sex: sex === '_T' ? undefined : sex,
              }),
            })),
          )}
          controls={
            <fieldset className="segmented">
              <legend>{t.sexLabel}</legend>
              {SEX_CHOICES.map((code) => (
                <label key={code}>
                  <input type="radio" name="sex" value={code} checked={sex === code} onChange={() => handleSex(code)} />
                  {sexLabel[code]}
                </label>
              ))}
            </fieldset>
          }
          note={
            <>
              <p className="chart__note">{t.editionsNotSpliced}</p>
              {s.editions.map(
                ({ dataset, destinationRepeats: repeated }) =>
                  repeated && (
                    <p key={`repeats-${dataset}`} className="chart__note">
                      {t.corridorRepeated(
                        shortDatasetLabel(dataset, s.sources, lang),
                        corridor.to.name,
                        repeated.period,
                        repeated.previous,
                      )}
                    </p>
                  ),
              )}
              {s.editions.some((e) => e.points.length > 0 && e.typesOfData.includes('C')) && (
                <p className="chart__note">{t.corridorCitizensNote(corridor.to.name)}</p>
              )}
              {totalComputed && (
                <p className="chart__note">
                  {t.corridorTotalNote(summedEditions)} <span className="tag tag--computed">{t.computedByBridges}</span>
                </p>
              )}
              <GapsNote
                lead={t.revisionsDiffer}
                gaps={gaps.map((g) =>
                  t.editionGap(
                    g.period,
                    sexLabel[sex],
                    edition(g.low),
                    persons(g.low.value),
                    edition(g.high),
                    persons(g.high.value),
                  ),
                )}
                why={t.revisionsWhy}
              />
              {smallDisagreement && (
                <p className="chart__note">
                  {t.revisionsDisagree(
                    smallDisagreement.period,
                    sexLabel[sex],
                    smallDisagreement.values.map((v) => `${persons(v.value)} (${edition(v)})`),
                  )}
                </p>
              )}
            </>
          }
          table={
            <DataTable
              caption={title}
              columns={[
                { key: 'period', label: t.colPeriod },
                ...s.editions.flatMap((e) =>
                  (['total', 'female', 'male'] as const).map((k) => ({
                    key: `${e.dataset}|${k}`,
                    label: `${shortDatasetLabel(e.dataset, s.sources, lang)} — ${k === 'total' ? t.sexTotal : k === 'female' ? t.sexFemale : t.sexMale}`,
                    numeric: true,
                  })),
                ),
              ]}
              rows={[...new Set(s.editions.flatMap((e) => e.points.map((p) => p.period)))].sort().map((period) => ({
                key: period,
                cells: Object.fromEntries([
                  ['period', period],
                  ...s.editions.flatMap((e) => {
                    const p = e.points.find((x) => x.period === period);
                    return (['total', 'female', 'male'] as const).map((k) => {
                      const v = p?.[k];
                      return [`${e.dataset}|${k}`, v === null || v === undefined ? '—' : persons(v)];
                    });
                  }),
                ]),
              }))}
            />
          }
        >
          <LineChart
            series={series}
            label={`${title} (${sexLabel[sex]})`}
            description={describeLines(series, persons, t, lang)}
            formatTick={(v) => formatTick(v, 'persons', lang)}
            formatValue={persons}
          />
        </ChartFrame>
      )}
    </Section>
  );
}

function RemittanceBlock({ corridor }: { corridor: CorridorResponse }) {
  const t = useT();
  const lang = useLang();
  const r = corridor.remittances;
  const usd = (v: number) => formatUsd(v, lang);
  const title = t.corridorRemittancesTitle(corridor.from.name, corridor.to.name);
  const bars: Bar[] = r.series.flatMap((s) =>
    s.points.map((p) => {
      // "KNOMAD 2021", not "KNOMAD 2021, 2021": a matrix edition named after its year says it once.
      const edition = shortDatasetLabel(s.dataset, r.sources, lang);
      return {
        key: `${s.dataset}|${s.sender.code}|${p.period}`,
        // Names as the rest of the page gives them; codes only where a name would be cut short.
        label: `${s.sender.name} → ${s.receiver.name}`,
        shortLabel: `${s.sender.code} → ${s.receiver.code}`,
        detail: edition.endsWith(` ${p.period}`) ? edition : `${edition}, ${p.period}`,
        value: p.valueUsd,
      };
    }),
  );
  return (
    <Section
      id="remittances"
      title={t.remittancesHeading}
      lead={t.corridorRemittancesLead(corridor.from.name, corridor.to.name)}
    >
      {bars.length === 0 ? (
        <NoData />
      ) : (
        <ChartFrame
          title={title}
          subtitle={t.currentUsdEstimate}
          citations={r.sources}
          csv={{
            columns: ['sender', 'sender_name', 'receiver', 'receiver_name', 'period', 'value', 'unit', 'value_usd'],
            rows: r.series.flatMap((s) =>
              s.points.map((p) => ({
                cells: {
                  sender: s.sender.code,
                  sender_name: s.sender.name,
                  receiver: s.receiver.code,
                  receiver_name: s.receiver.name,
                  period: p.period,
                  value: p.value,
                  unit: r.unit,
                  value_usd: p.valueUsd,
                },
                sources: [s.dataset],
              })),
            ),
          }}
          filename={`corridor-remittances-${corridor.from.code}-${corridor.to.code}`}
          sdmxUrl={sdmxLinks(
            r.series.map((s) => ({
              label: `${s.sender.name} → ${s.receiver.name} — ${shortDatasetLabel(s.dataset, r.sources, lang)}`,
              href: sdmxFlowUrl(corridor.dataflows, s.dataset, r.indicator, {
                refArea: s.receiver.code,
                counterpart: s.sender.code,
              }),
            })),
          )}
          note={
            <>
              <p className="chart__note">{t.knomadEstimateNote}</p>
              {r.series.flatMap((s) =>
                s.points
                  .filter((p) => p.value === 0)
                  .map((p) => (
                    <p className="chart__note" key={`zero|${s.dataset}|${s.sender.code}|${p.period}`}>
                      {t.remittanceZero(
                        shortDatasetLabel(s.dataset, r.sources, lang),
                        `${s.sender.name} → ${s.receiver.name}`,
                      )}
                    </p>
                  )),
              )}
              {r.absent.map((a) => (
                <p className="chart__note" key={`${a.dataset}|${a.sender.code}`}>
                  {t.remittanceAbsent(
                    shortDatasetLabel(a.dataset, r.sources, lang),
                    `${a.sender.name} → ${a.receiver.name}`,
                  )}
                </p>
              ))}
            </>
          }
          table={
            <DataTable
              caption={title}
              columns={[
                { key: 'direction', label: t.colDirection },
                { key: 'edition', label: t.colEdition },
                { key: 'period', label: t.colPeriod },
                { key: 'value', label: t.currentUsd, numeric: true },
              ]}
              rows={r.series.flatMap((s) =>
                s.points.map((p) => ({
                  key: `${s.dataset}|${s.sender.code}|${p.period}`,
                  cells: {
                    direction: `${s.sender.name} → ${s.receiver.name}`,
                    edition: shortDatasetLabel(s.dataset, r.sources, lang),
                    period: p.period,
                    value: usd(p.valueUsd),
                  },
                })),
              )}
            />
          }
        >
          <BarChart
            bars={bars}
            label={title}
            description={describeBars(bars, usd, t)}
            formatValue={usd}
            formatTick={usd}
          />
        </ChartFrame>
      )}
    </Section>
  );
}

function CostBlock({ corridor }: { corridor: CorridorResponse }) {
  const t = useT();
  const lang = useLang();
  const c = corridor.cost;
  // Costs as the RPW prints them, two decimals each, so that bars and lines read alike.
  const pct = (v: number) => formatPercent(v, lang, 2, 2);
  const title = t.corridorCostTitle(corridor.from.name, corridor.to.name);
  const series: LineSeries[] = c.series.map((s) => ({
    key: `${s.dataset}|${s.sender.code}|${s.receiver.code}|${s.amountUsd ?? ''}`,
    label: `${s.sender.name} → ${s.receiver.name}${s.amountUsd ? `, ${formatUsd(Number(s.amountUsd), lang).replaceAll(' ', '\u00a0')}` : ''} — ${shortDatasetLabel(s.dataset, c.sources, lang)}`,
    points: s.points,
  }));
  const above = c.series.filter((s) => s.aboveFive);
  return (
    <Section id="cost" title={t.costHeading} lead={t.corridorCostLead(SDG_10C.corridorCeilingPct)}>
      {series.length === 0 ? (
        <NoData />
      ) : (
        <ChartFrame
          title={title}
          subtitle={t.costPercentSubtitle}
          citations={citationsOf(
            c.series.map((s) => s.dataset),
            c.sources,
          )}
          csv={{
            columns: ['sender', 'sender_name', 'receiver', 'receiver_name', 'amount_usd', 'period', 'value', 'unit'],
            rows: c.series.flatMap((s) =>
              s.points.map((p) => ({
                cells: {
                  sender: s.sender.code,
                  sender_name: s.sender.name,
                  receiver: s.receiver.code,
                  receiver_name: s.receiver.name,
                  amount_usd: s.amountUsd,
                  period: p.period,
                  value: p.value,
                  unit: c.unit,
                },
                sources: [s.dataset],
              })),
            ),
          }}
          filename={`corridor-cost-${corridor.from.code}-${corridor.to.code}`}
          sdmxUrl={sdmxLinks(
            c.series.map((s, i) => ({
              label: series[i]?.label ?? s.dataset,
              href: sdmxFlowUrl(corridor.dataflows, s.dataset, c.indicator, {
                refArea: s.receiver.code,
                counterpart: s.sender.code,
                dims: s.amountUsd ? { amount: s.amountUsd } : {},
              }),
            })),
          )}
          note={
            <>
              <p className="chart__note">{t.costLinesNote}</p>
              {above.length > 0 && (
                <p className="chart__note flag">
                  ▲ {t.aboveFive}
                  {t.colon}
                  {above
                    // The quarter of the flagged figure: a corridor the survey stopped pricing
                    // (Australia → Solomon Islands, last in 2011Q3) is flagged on its last one.
                    .map(
                      (s) =>
                        `${s.sender.name} → ${s.receiver.name}, ${s.latest ? formatPeriod(s.latest.period, lang) : ''} (${shortDatasetLabel(s.dataset, c.sources, lang)})`,
                    )
                    .join('; ')}
                </p>
              )}
            </>
          }
          table={<SeriesTable caption={title} series={series} formatValue={pct} />}
        >
          <LineChart
            series={series}
            label={title}
            description={describeLines(series, pct, t, lang)}
            formatTick={(v) => formatPercent(v, lang, 0)}
            formatValue={pct}
            referenceLines={[
              { value: SDG_10C.averageBelowPct, label: t.sdgTarget3 },
              { value: SDG_10C.corridorCeilingPct, label: t.sdgCeiling5 },
            ]}
          />
        </ChartFrame>
      )}
    </Section>
  );
}

/**
 * People from the origin forcibly displaced in the destination (UNHCR): one line per stock group
 * over time; returns (a flow during the year) in the table only, as the API keeps them out of the total.
 */
function DisplacementBlock({ corridor }: { corridor: CorridorResponse }) {
  const t = useT();
  const lang = useLang();
  const d = corridor.displaced;
  const persons = (v: number) => formatNumber(v, lang);
  const title = t.corridorDisplacementTitle(corridor.from.name, corridor.to.name);
  const groups = [...new Set(d.trend.flatMap((p) => Object.keys(p.byGroup)))].sort(
    (a, b) => Number(UNHCR_FLOW_GROUPS.has(a)) - Number(UNHCR_FLOW_GROUPS.has(b)) || a.localeCompare(b),
  );
  const label = (group: string) => dimensionValueLabel('group', group, t, lang);
  // UNHCR counts every year; a year the corridor is absent from (a small corridor, not none) is a
  // gap in its lines, not a straight line across.
  const byPeriod = new Map(d.trend.map((p) => [p.period, p.byGroup]));
  const periods = everyYear(d.trend.map((p) => p.period));
  const series: LineSeries[] = groups
    .filter((g) => !UNHCR_FLOW_GROUPS.has(g))
    .map((g) => ({
      key: g,
      label: label(g),
      points: periods.map((period) => ({ period, value: byPeriod.get(period)?.[g] ?? null })),
    }));
  return (
    <Section
      id="displacement"
      title={t.displacementHeading}
      lead={t.corridorDisplacementLead(corridor.from.name, corridor.to.name)}
    >
      {!d.dataset || d.trend.length === 0 ? (
        <NoData />
      ) : (
        <ChartFrame
          title={title}
          subtitle={t.personsStockGroups}
          citations={d.sources}
          csv={{
            columns: ['from', 'from_name', 'to', 'to_name', 'period', 'group', 'value', 'unit', 'status'],
            rows: d.trend.flatMap((p) =>
              groups
                .filter((g) => p.byGroup[g] !== undefined)
                .map((g) => ({
                  cells: {
                    from: corridor.from.code,
                    from_name: corridor.from.name,
                    to: corridor.to.code,
                    to_name: corridor.to.name,
                    period: p.period,
                    group: g,
                    value: p.byGroup[g] ?? null,
                    unit: d.unit,
                    status: p.status,
                  },
                  sources: d.dataset ? [d.dataset] : [],
                })),
            ),
          }}
          filename={`corridor-displaced-${corridor.from.code}-${corridor.to.code}`}
          sdmxUrl={sdmxFlowUrl(corridor.dataflows, d.dataset, d.indicator, {
            refArea: corridor.to.code,
            counterpart: corridor.from.code,
          })}
          table={
            <DataTable
              caption={title}
              columns={[
                { key: 'period', label: t.colPeriod },
                {
                  key: 'total',
                  // A total of several groups is Bridges' sum (UNHCR prints each group): the header says so.
                  label: d.trend.some((p) => isGroupSum(p.byGroup))
                    ? `${t.sexTotal} (${t.computedByBridges})`
                    : t.sexTotal,
                  numeric: true,
                },
                ...groups.map((g) => ({ key: g, label: label(g), numeric: true })),
              ]}
              rows={d.trend.map((p) => ({
                key: p.period,
                cells: {
                  // UNHCR's mid-year release, provisional: "2024 (provisional)".
                  period: [
                    formatPeriod(p.period, lang),
                    ...markedStatuses(p.status).map((s) => `(${t.statuses[s]})`),
                  ].join(' '),
                  total: persons(p.total),
                  ...Object.fromEntries(
                    groups.map((g) => [g, p.byGroup[g] === undefined ? '—' : persons(p.byGroup[g] ?? 0)]),
                  ),
                },
              }))}
            />
          }
        >
          <LineChart
            series={series}
            label={title}
            description={describeLines(series, persons, t, lang)}
            formatTick={(v) => formatTick(v, 'persons', lang)}
            formatValue={persons}
          />
        </ChartFrame>
      )}
    </Section>
  );
}
