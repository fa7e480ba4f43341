import { useId, useRef, useState } from 'react';
import type { UiLanguage } from '../../core/languages.js';
import type { RankingResponse, SeriesResponse } from '../../core/statistics.js';
import { SERIES_CSV_COLUMNS, seriesCsvRows } from '../../core/series-csv.js';
import {
  changeInPoints,
  formatDims,
  hasUnusualCost,
  INDICATOR_IDS,
  isUnusualCost,
  SDG_10C,
  withRepeatNotes,
} from '../../core/statistics-terms.js';
import { getSeries } from '../api.js';
import { LineChart, type LineSeries } from '../charts/LineChart.js';
import { SeriesTable, describeLines } from '../charts/SeriesTable.js';
import { SERIES_STYLES } from '../charts/palette.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { rankingSdmxKey, sdmxDataUrl } from '../sdmx.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Field, type ControlProps } from '../components/Field.js';
import { NoData, Section } from '../components/Section.js';
import { SourceLine } from '../components/SourceLine.js';
import type { CsvTable } from '../../core/csv.js';
import { comparePeriods, formatNumber, formatPercent, formatPeriod, formatTick, formatValue } from '../format.js';
import { useApi, type ParamPatch } from '../hooks.js';
import { explorerFileName } from '../explorer-files.js';
import { useLang, useT } from '../i18n.js';

/** As many areas as the charts have distinct line styles: each line stays told apart without colour. */
export const TREND_MAX_AREAS = SERIES_STYLES.length;
const DEFAULT_AREAS = 5;
/** The mark of a growth that ends on a period only repeating the one before, told under the table. */
const REPEAT_MARK = '*';

export interface TrendState {
  /** Areas asked for in the URL; none = the largest of the ranking. */
  areas: readonly string[];
  from: string;
  to: string;
}

/**
 * The explorer's view over time: the indicator, edition and filters of the map, for up to six
 * countries or publishers' aggregates chosen by the reader, as lines, with Bridges' growth between
 * two periods (remittances to low- and middle-income countries, 2008 → 2009). In the URL as
 * `areas`, `from` and `to`.
 */
export function ExplorerTrend({
  ranking,
  sdmxExtra,
  trend,
  periods,
  subtitle,
  unitLabel,
  areaName,
  namesSettled,
  onChange,
}: {
  ranking: RankingResponse;
  /** The key positions of the flow's own dimensions, as the map's SDMX query has them. */
  sdmxExtra: readonly string[];
  trend: TrendState;
  /** Every period of the edition with data, oldest first. */
  periods: readonly string[];
  subtitle: string;
  unitLabel: string;
  /** The name of an area this view may not know (one chosen in another), in the reader's language. */
  areaName: (code: string) => string;
  /**
   * Whether areaName knows every name it will (the list of countries has come): the notice of the
   * areas left out waits for it, so that it is announced once, by name (not "USA, DEU", then again).
   */
  namesSettled: boolean;
  onChange: (patch: ParamPatch) => void;
}) {
  const t = useT();
  const lang = useLang();
  const addId = useId();
  const [adding, setAdding] = useState('');
  const addSelect = useRef<HTMLSelectElement>(null);
  // What the last add or remove did, for screen readers: the chips change out of their sight.
  const [done, setDone] = useState('');
  const unit = ranking.indicator.unit;
  // A percentage's change is a difference in points, as the API gives it; any other, a % change.
  const rate = changeInPoints(ranking.indicator);
  const fmt = (v: number) => formatValue(v, unit, lang);
  // The growth table's caption names the unit: US$ is not repeated in every cell.
  const cell = (v: number) => formatValue(v, unit, lang, false);
  const name = t.indicatorNames[ranking.indicator.id] ?? ranking.indicator.name;

  // What the reader can add: the publishers' aggregates, then the ranked areas (they have data).
  const choices = [
    ...ranking.publishedAggregates.map((a) => ({ code: a.area.code, name: a.area.name, aggregate: true })),
    ...ranking.items.map((i) => ({ code: i.area.code, name: i.area.name, aggregate: false })),
  ];
  const nameOf = new Map(choices.map((c) => [c.code, c.name]));
  // Codes this view does not know (another indicator's aggregates, a typo in the URL) are left out.
  const known = trend.areas.filter((code) => nameOf.has(code));
  // By default the highest-ranked areas, leaving out those whose cost stands on an unusual corridor
  // (a view chosen for the reader should not open on figures that need a second look).
  const defaults = ranking.items
    .filter((i) => !hasUnusualCost(ranking.indicator.id, i))
    .slice(0, DEFAULT_AREAS)
    .map((i) => i.area.code);
  const areas = (known.length ? known : defaults).slice(0, TREND_MAX_AREAS);
  // Areas chosen that this view has no value for (after a change of indicator: the countries that
  // send money, where a cost is the receiving country's) are left out, or replaced by the default
  // when none is left: the reader is told which, and why.
  const dropped = trend.areas.filter((code) => !nameOf.has(code));
  const droppedNotice =
    dropped.length > 0 && namesSettled
      ? t.trendAreasDropped(
          dropped.map(areaName),
          ranking.indicator.id,
          name,
          formatPeriod(ranking.period, lang),
          known.length ? [] : areas.map((code) => nameOf.get(code) ?? code),
        )
      : null;
  // Both ends are always sent, so every row's growth runs between the same two periods.
  const first = periods[0] ?? '';
  const last = periods.at(-1) ?? '';
  let from = periods.includes(trend.from) ? trend.from : first;
  let to = periods.includes(trend.to) ? trend.to : last;
  if (comparePeriods(from, to) >= 0) [from, to] = [first, last];
  const single = periods.length < 2;
  const key = JSON.stringify(['trend', ranking.indicator.id, ranking.dataset, ranking.filters, areas, from, to, lang]);
  const series = useApi<SeriesResponse | null>(key, (signal) =>
    areas.length && !single
      ? getSeries(
          {
            indicator: ranking.indicator.id,
            areas: areas.join(','),
            dataset: ranking.dataset,
            sex: ranking.filters.sex === '_T' ? undefined : ranking.filters.sex,
            counterpart: ranking.filters.counterpart ?? undefined,
            dims: formatDims(ranking.filters.dims) || undefined,
            from: from || undefined,
            to: to || undefined,
            lang,
          },
          signal,
        )
      : Promise.resolve(null),
  );
  const data = series.data;
  const lines: LineSeries[] = (data?.series ?? []).map((s) => ({
    key: s.area.code,
    label: s.area.name,
    points: s.points.map((p) => ({ period: p.period, value: p.value })),
  }));
  const withData = new Set(lines.map((l) => l.key));
  const missing = data ? areas.filter((code) => !withData.has(code)).map((code) => nameOf.get(code) ?? code) : [];
  const title = t.trendTitle(name);
  const setAreas = (next: readonly string[]) => onChange({ areas: next.join(',') || null });
  const setPeriod = (end: 'from' | 'to', value: string) =>
    onChange({ [end]: value === (end === 'from' ? first : last) ? null : value });
  // A rate's change is told in points (9.2 % → 38.7 % is +29.5 points), never as a % of a %.
  const difference = (s: SeriesResponse['series'][number]) => {
    const d = s.growth.differencePoints;
    if (d === null) return '—';
    const size = formatNumber(Math.abs(d), lang, 1);
    // A difference that rounds to nothing has no sign: "0 points", not "−0 points".
    const sign = /[1-9]/.test(size) ? (d > 0 ? '+' : '−') : '';
    return `${sign}${size} ${t.percentagePoints}`;
  };

  // An end that is not a final figure (UNHCR's mid-year provisional, KNOMAD's 2023 estimate) says
  // so beside its value: the change and the rate rest on it.
  const endStatus = (s: SeriesResponse['series'][number], period: string | null) => {
    const status = s.points.find((p) => p.period === period)?.status ?? 'A';
    return status === 'A' ? '' : ` (${t.statuses[status as keyof typeof t.statuses] ?? status})`;
  };

  // A cost below 0 % or above 30 % of the amount sent, anywhere on the lines shown, is named
  // under the chart (the map marks only the period it shows).
  const unusual =
    ranking.indicator.id === INDICATOR_IDS.remittanceCost
      ? (data?.series ?? []).flatMap((s) =>
          s.points
            .filter((p) => isUnusualCost(p.value))
            .map((p) => `${s.area.name} ${formatPeriod(p.period, lang)} (${fmt(p.value)})`),
        )
      : [];

  // A series whose end only repeats the period before (UN DESA 2024's Philippines): its change is
  // not estimated (the API gives none); the end is marked, and the table's note says why.
  const repeatedEnd = (s: SeriesResponse['series'][number]) =>
    s.repeats !== null && s.growth.to === s.repeats.period ? s.repeats : null;
  const repeatNotes = new Map<string, { period: string; previous: string; areas: string[] }>();
  for (const s of data?.series ?? []) {
    const r = repeatedEnd(s);
    if (!r) continue;
    const key = `${r.period}|${r.previous}`;
    const note = repeatNotes.get(key) ?? { ...r, areas: [] };
    note.areas.push(s.area.name);
    repeatNotes.set(key, note);
  }
  const repeatMark = (
    <>
      <span className="flag" aria-hidden="true">{` ${REPEAT_MARK}`}</span>
      <span className="visually-hidden"> ({t.trendRepeatedFlag})</span>
    </>
  );

  // Over one year the compound annual rate is the change itself: a column repeating it only takes room.
  const annualSaysMore = (data?.series ?? []).some(
    (s) =>
      s.growth.annualRatePct !== null &&
      s.growth.changePct !== null &&
      Math.abs(s.growth.annualRatePct - s.growth.changePct) >= 0.05,
  );

  if (single)
    return (
      <Section id="trend" title={t.trendHeading}>
        <p>{t.trendSinglePeriod(periods[0] ?? '')}</p>
      </Section>
    );

  return (
    <Section id="trend" title={t.trendHeading} lead={t.trendLead(TREND_MAX_AREAS)}>
      {droppedNotice && (
        <p className="notice" role="status">
          {droppedNotice}
        </p>
      )}
      <div className="filters" role="group" aria-label={t.trendControls}>
        <div className="field field--full">
          <p className="field__label" id="trend-areas-label">
            {t.trendAreasShown}
          </p>
          <ul className="chip-list" aria-labelledby="trend-areas-label">
            {areas.map((code) => (
              <li key={code} className="chip">
                <span>{nameOf.get(code) ?? code}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t.trendRemoveArea(nameOf.get(code) ?? code)}
                  onClick={() => {
                    setAreas(areas.filter((c) => c !== code));
                    setDone(t.trendAreaRemoved(nameOf.get(code) ?? code));
                    // The button goes with its chip: focus moves to where an area is added.
                    addSelect.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
        {/* NOTE: a select adds nothing by itself: Chromium fires "change" on every arrow key. */}
        <div className="field field--wide">
          <label htmlFor={addId}>{t.trendAddArea}</label>
          {areas.length >= TREND_MAX_AREAS && (
            <p className="field__hint" id={`${addId}-hint`}>
              {t.trendAreasFull(TREND_MAX_AREAS)}
            </p>
          )}
          <div className="trend-add__row">
            <select
              id={addId}
              ref={addSelect}
              aria-describedby={areas.length >= TREND_MAX_AREAS ? `${addId}-hint` : undefined}
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
            >
              <option value="">{t.trendChooseArea}</option>
              {ranking.publishedAggregates.length > 0 && (
                <optgroup label={t.trendAggregatesGroup}>
                  {choices
                    .filter((c) => c.aggregate && !areas.includes(c.code))
                    .map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              )}
              <optgroup label={t.trendCountriesGroup}>
                {choices
                  .filter((c) => !c.aggregate && !areas.includes(c.code))
                  .sort((a, b) => a.name.localeCompare(b.name, lang))
                  .map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            </select>
            <button
              type="button"
              className="button-secondary"
              disabled={!adding || areas.length >= TREND_MAX_AREAS}
              onClick={() => {
                setAreas([...areas, adding]);
                setAdding('');
                setDone(t.trendAreaAdded(nameOf.get(adding) ?? adding));
                // The button is disabled until another area is chosen: focus would fall to the
                // page's start. It goes back to the menu, to add another.
                addSelect.current?.focus();
              }}
            >
              {t.trendAdd}
            </button>
          </div>
        </div>
        {/* Always in the page, so that what it comes to say is announced. */}
        <p role="status" className="visually-hidden">
          {done}
        </p>
        <Field label={t.trendFrom}>
          {(props) => (
            <PeriodSelect
              control={props}
              periods={periods.filter((p) => comparePeriods(p, to) < 0)}
              value={from}
              onChange={(v) => setPeriod('from', v)}
            />
          )}
        </Field>
        <Field label={t.trendTo}>
          {(props) => (
            <PeriodSelect
              control={props}
              periods={periods.filter((p) => comparePeriods(p, from) > 0)}
              value={to}
              onChange={(v) => setPeriod('to', v)}
            />
          )}
        </Field>
      </div>
      {series.error && <ErrorAlert error={series.error} />}
      {data && (
        <>
          <ChartFrame
            title={title}
            subtitle={subtitle}
            citations={data.sources}
            csv={trendCsv(data, lang)}
            filename={explorerFileName(
              'trend',
              ranking,
              [...new Set(data.series.map((s) => s.area.code))].join('+'),
              [from, to].filter(Boolean).join('-'),
            )}
            sdmxUrl={sdmxDataUrl(
              ranking.dataset,
              ranking.indicator.id,
              rankingSdmxKey(
                ranking,
                sdmxExtra,
                data.series.map((s) => s.area.code),
              ),
              { startPeriod: from || undefined, endPeriod: to || undefined },
            )}
            // A line of sums or means of several series is Bridges' (the CSV's computed_by says so).
            computed={data.series.some((s) => s.points.some((p) => p.parts > 1))}
            table={<SeriesTable caption={title} series={lines} formatValue={fmt} />}
            note={
              <>
                {missing.length > 0 && <p className="chart__note">{t.trendNoData(missing.join(', '))}</p>}
                {unusual.length > 0 && <p className="chart__note">{t.unusualPointsNote(unusual)}</p>}
              </>
            }
          >
            {lines.length > 0 ? (
              <LineChart
                series={lines}
                label={title}
                description={describeLines(lines, fmt, t, lang)}
                formatTick={(v) => formatTick(v, unit, lang)}
                formatValue={fmt}
                // The cost of sending money against SDG 10.c, as the corridor's chart draws it.
                referenceLines={
                  ranking.indicator.id === INDICATOR_IDS.remittanceCost
                    ? [
                        { value: SDG_10C.averageBelowPct, label: t.sdgTarget3 },
                        { value: SDG_10C.corridorCeilingPct, label: t.sdgCeiling5 },
                      ]
                    : undefined
                }
              />
            ) : (
              <NoData />
            )}
          </ChartFrame>
          {data.series.length > 0 && (
            <div className="note-box">
              <DataTable
                caption={t.trendGrowthCaption(formatPeriod(from, lang), formatPeriod(to, lang), unitLabel)}
                columns={[
                  { key: 'area', label: t.colName },
                  { key: 'from', label: formatPeriod(from, lang), numeric: true },
                  { key: 'to', label: formatPeriod(to, lang), numeric: true },
                  ...(rate
                    ? [{ key: 'difference', label: t.trendDifference, numeric: true }]
                    : [
                        { key: 'change', label: t.trendChange, numeric: true },
                        ...(annualSaysMore ? [{ key: 'annual', label: t.trendAnnualRate, numeric: true }] : []),
                      ]),
                ]}
                rows={data.series.map((s) => ({
                  key: s.area.code,
                  cells: {
                    area: s.area.name,
                    from:
                      s.growth.fromValue === null ? '—' : `${cell(s.growth.fromValue)}${endStatus(s, s.growth.from)}`,
                    to:
                      s.growth.toValue === null ? (
                        '—'
                      ) : (
                        <>
                          {`${cell(s.growth.toValue)}${endStatus(s, s.growth.to)}`}
                          {repeatedEnd(s) && repeatMark}
                        </>
                      ),
                    difference: difference(s),
                    // One decimal always, so that a column reads alike: −5.0 % beside −5.2 %, not −5 %.
                    change: s.growth.changePct === null ? '—' : formatPercent(s.growth.changePct, lang, 1, 1),
                    annual: s.growth.annualRatePct === null ? '—' : formatPercent(s.growth.annualRatePct, lang, 1, 1),
                  },
                }))}
              />
              <p className="chart__note">
                <span className="tag tag--computed">{t.computedByBridges}</span>{' '}
                {rate ? t.trendDifferenceMethod : t.trendGrowthMethod}
              </p>
              {[...repeatNotes.values()].map((r) => (
                <p key={`${r.period}|${r.previous}`} className="chart__note">
                  <span aria-hidden="true">{`${REPEAT_MARK} `}</span>
                  {t.trendRepeated(r.areas, formatPeriod(r.period, lang), formatPeriod(r.previous, lang))}
                </p>
              ))}
              <SourceLine citations={data.sources} />
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function PeriodSelect({
  control,
  periods,
  value,
  onChange,
}: {
  control: ControlProps;
  periods: readonly string[];
  value: string;
  onChange: (period: string) => void;
}) {
  const lang = useLang();
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {periods.map((p) => (
        <option key={p} value={p}>
          {formatPeriod(p, lang)}
        </option>
      ))}
    </select>
  );
}

/**
 * The lines' values as the API's own CSV of the series: one row per area and period, with the
 * growth; what Bridges computed, and the note of a value only repeating the period before, said in
 * the reader's language, as the API's CSV says them in `lang`.
 */
function trendCsv(r: SeriesResponse, lang: UiLanguage): CsvTable {
  return { columns: [...SERIES_CSV_COLUMNS, 'note'], rows: withRepeatNotes(r, seriesCsvRows(r, lang), lang) };
}
