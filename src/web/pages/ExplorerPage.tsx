import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import type { CountryListResponse } from '../../core/countries.js';
import {
  NOT_GROUPED,
  RANKING_GROUPINGS,
  combinedValueNote,
  repeatedFigureNote,
  computedBy,
  formatDims,
  hasUnusualCost,
  markedStatuses,
  parseDims,
  sentences,
  summableOver,
  type RankingGrouping,
} from '../../core/statistics-terms.js';
import type {
  AreaRef,
  DatasetListResponse,
  IndicatorListResponse,
  IndicatorSummary,
  RankingResponse,
  SeriesResponse,
} from '../../core/statistics.js';
import {
  csvUrl,
  getRanking,
  getSeries,
  listCountries,
  listDatasets,
  listIndicators,
  type RankingParams,
} from '../api.js';
import { BarChart, type Bar } from '../charts/BarChart.js';
import { describeBars } from '../charts/SeriesTable.js';
import { quantileClasses } from '../charts/classes.js';
import { WorldMap, type MapArea } from '../charts/WorldMap.js';
import { WARNING_MARK } from '../charts/layout.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Field } from '../components/Field.js';
import { NoData, Section } from '../components/Section.js';
import { SourceLine } from '../components/SourceLine.js';
import { TableScroll } from '../components/TableScroll.js';
import type { CsvTable } from '../../core/csv.js';
import type { UiLanguage } from '../../core/languages.js';
import {
  comparePeriods,
  formatPeriod,
  formatPeriodRange,
  formatTick,
  formatUsd,
  formatValue,
  unitKind,
} from '../format.js';
import { dimensionValueLabel } from '../dimensions.js';
import { useApi, useDocumentTitle, useParamPatch, type ParamPatch } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
import type { Combination } from '../i18n-datahub.js';
import { m49Name } from '../m49-names.js';
import { LangLink, withLang } from '../links.js';
import { rankingSdmxKey, sdmxDataUrl, sdmxOwnKey } from '../sdmx.js';
import { shortDatasetLabel } from '../sources.js';
import { explorerFileName } from '../explorer-files.js';
import { Translated } from '../components/Translated.js';
import { ExplorerTrend, TREND_MAX_AREAS, type TrendState } from './ExplorerTrend.js';

const DEFAULT_INDICATOR = 'migrant_stock';
const TOP_N = 15;
/** The mark of one of Bridges' totals that includes figures only repeating the period before, told under it. */
const REPEAT_MARK = '*';
/** Changes to one control closer together than this (from when the last one was drawn) are one step of history (ms). */
const RUN_MS = 1500;

/** The period the link asks for (none: the latest), when it is one of the indicator's periods. */
function askedPeriod(period: string, periods: readonly string[]): string | undefined {
  if (!period) return periods.at(-1);
  return periods.includes(period) ? period : undefined;
}
/** Link parameters the explorer drops, saying so, when the API finds no data for them. */
const RESETTABLE = ['dataset', 'period', 'sex', 'counterpart', 'dims'] as const;

/** A refused choice of a link in the reader's words: "year or period 2099", "amount sent 999", "partner country Tibetans". */
function choiceText(
  field: (typeof RESETTABLE)[number],
  state: ExplorerState,
  t: Messages,
  countries: CountryListResponse | undefined,
): string {
  const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
  if (field === 'dims')
    return Object.entries(parseDims(state.dims))
      .map(([k, v]) => `${lower(t.dimensionLabel(k))} ${v}`)
      .join(', ');
  const label = { dataset: t.editionLabel, period: t.periodLabel, sex: t.sexLabel, counterpart: t.counterpartLabel }[
    field
  ];
  const value =
    field === 'counterpart'
      ? (countries?.items.find((c) => c.code === state.counterpart)?.name ?? state.counterpart)
      : state[field];
  return `${lower(label)} ${value}`;
}

/** The series API takes at most 50 areas: the periods offered are those of the 50 largest. */
const PERIOD_PROBE_AREAS = 50;

/** What the explorer shows, all of it from the URL. */
interface ExplorerState {
  indicator: string;
  dataset: string;
  period: string;
  sex: string;
  counterpart: string;
  dims: string;
  groupBy: RankingGrouping;
  sort: 'value' | 'name';
  dir: 'asc' | 'desc';
  trend: TrendState;
}

function readState(params: URLSearchParams): ExplorerState {
  const groupBy = params.get('groupBy') ?? '';
  return {
    indicator: params.get('indicator') || DEFAULT_INDICATOR,
    dataset: params.get('dataset') ?? '',
    period: params.get('period') ?? '',
    sex: params.get('sex') ?? '',
    counterpart: params.get('counterpart') ?? '',
    dims: params.get('dims') ?? '',
    groupBy: (RANKING_GROUPINGS as readonly string[]).includes(groupBy) ? (groupBy as RankingGrouping) : 'm49region',
    sort: params.get('sort') === 'name' ? 'name' : 'value',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    trend: {
      areas: (params.get('areas') ?? '')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter((c) => /^[A-Z][A-Z0-9_]{1,39}$/.test(c))
        .slice(0, TREND_MAX_AREAS),
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
    },
  };
}

/**
 * The indicator explorer: pick an indicator, an edition, a year (and, where the data has them,
 * a sex, a partner country, a category), and see every country on a world map, the largest in a
 * bar chart, all in a sortable table, and totals by region or income group that Bridges computed,
 * next to the publishers' own aggregates. The whole view is in the URL.
 */
export function ExplorerPage() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const [searchParams, patchParams] = useParamPatch();
  const state = readState(searchParams);
  useDocumentTitle(t.explorerTitle, t.siteName);

  const indicators = useApi('indicators', (signal) => listIndicators(signal));
  const datasets = useApi('datasets', (signal) => listDatasets(signal));
  const countries = useApi(`countries|all|${lang}`, (signal) => listCountries({ kind: 'all', lang }, signal));

  const indicator = indicators.data?.items.find((i) => i.id === state.indicator);
  const dataset = state.dataset || indicator?.datasets[0]?.id || '';
  const info = datasetIndicator(datasets.data, dataset, state.indicator);
  // A rate cannot be summed over a dimension: the first value is chosen until the reader picks one.
  const dims = { ...defaultDims(info, indicator), ...parseDims(state.dims) };
  const dimsText = formatDims(dims);

  const rankingParams: RankingParams = {
    dataset: dataset || undefined,
    period: state.period || undefined,
    sex: state.sex || undefined,
    counterpart: state.counterpart || undefined,
    dims: dimsText || undefined,
    groupBy: state.groupBy,
    lang,
  };
  // A link with an unknown indicator, or choices the data do not have (a year, an edition), is
  // not a dead end: the explorer says so in the reader's language and shows the defaults.
  const unknownIndicator =
    indicators.data !== undefined && indicator === undefined && state.indicator !== DEFAULT_INDICATOR;
  // The ranking waits for both catalogues: they decide the edition and, for rates, the category;
  // an indicator the catalogue does not have is not asked for (the link is corrected first).
  const ready =
    indicators.data !== undefined && (datasets.data !== undefined || datasets.error !== undefined) && !unknownIndicator;
  const rankingKey = JSON.stringify([state.indicator, rankingParams, ready]);
  const ranking = useApi(rankingKey, (signal) =>
    ready ? getRanking(state.indicator, rankingParams, signal) : new Promise<never>(() => {}),
  );
  const rankingData = ranking.data && ranking.data.indicator.id === state.indicator ? ranking.data : undefined;

  const [reset, setReset] = useState<{ indicator: string | null; choices: string[] }>({
    indicator: null,
    choices: [],
  });
  const refused = (ranking.error?.details ?? [])
    .map((d) => d.field)
    .filter((field): field is (typeof RESETTABLE)[number] => (RESETTABLE as readonly string[]).includes(field))
    .filter((field) => state[field] !== '');
  useEffect(() => {
    if (unknownIndicator) {
      setReset({ indicator: state.indicator, choices: [] });
      updateParams({ indicator: null, dataset: null, period: null, dims: null, counterpart: null, sex: null }, true);
    } else if (refused.length > 0) {
      // The API names one refused choice at a time: each is added, so the notice names them all.
      const said = refused.map((field) => choiceText(field, state, t, countries.data));
      setReset((r) => ({ ...r, choices: [...r.choices, ...said] }));
      updateParams(Object.fromEntries(refused.map((field) => [field, null])), true);
    }
  }, [unknownIndicator, refused.join()]);
  const notice = [
    reset.indicator === null
      ? null
      : t.explorerUnknownIndicator(
          reset.indicator,
          // English names are the catalogue's own: the dictionaries translate them.
          t.indicatorNames[DEFAULT_INDICATOR] ??
            indicators.data?.items.find((i) => i.id === DEFAULT_INDICATOR)?.name ??
            DEFAULT_INDICATOR,
        ),
    reset.choices.length ? t.explorerReset(reset.choices) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const periods = usePeriods(state, dataset, dimsText, rankingData);
  // The partners with data are the ranking's: those of the last one of this indicator and edition,
  // so the list stays while the ranking of a partner chosen loads.
  const partners = rankingData && rankingData.dataset === dataset ? rankingData.counterparts : undefined;

  // One history entry per choice, but a run of changes to one control (arrow keys through the
  // indicators, the year slider) makes one entry, not one per step: Back undoes the run. A change
  // made while the page still draws the last one is in its run, and the pause that ends a run
  // counts from when it was drawn: a slow machine drawing the map for each step would otherwise
  // split one run into many.
  const lastChoice = useRef<{ keys: string; at: number; drawn: boolean } | null>(null);
  useEffect(() => {
    const choice = lastChoice.current;
    if (!choice) return;
    choice.drawn = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The task after the next frame: the page has been laid out and painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => Object.assign(choice, { drawn: true, at: Date.now() }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
  const updateParams = (patch: ParamPatch, correction = false) => {
    const keys = Object.keys(patch).sort().join(',');
    const now = Date.now();
    const last = lastChoice.current;
    const sameRun = last?.keys === keys && (!last.drawn || now - last.at < RUN_MS);
    // The reader's own choice: a notice about the link they came by no longer applies.
    if (!correction) {
      setReset({ indicator: null, choices: [] });
      lastChoice.current = { keys, at: now, drawn: false };
    }
    patchParams(patch, { replace: correction || sameRun, preventScrollReset: true, correction });
  };

  const areasByIsoNumeric = useMemo(() => {
    const map = new Map<string, MapArea>();
    for (const c of countries.data?.items ?? [])
      if (c.isoNumeric) map.set(c.isoNumeric, { code: c.code, name: c.name });
    return map;
  }, [countries.data]);

  // The names of the areas of every view shown, in the reader's language: the chart over time can
  // name the areas chosen in an earlier view that the current one has no value for (a publisher's
  // aggregate of another indicator), which the list of countries does not have.
  const [shownNames, setShownNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!rankingData) return;
    const areas = [...rankingData.items, ...rankingData.publishedAggregates].map((i) => i.area);
    setShownNames((names) => new Map([...names, ...areas.map((a) => [`${lang}|${a.code}`, a.name] as const)]));
  }, [rankingData, lang]);
  const areaName = (code: string) =>
    shownNames.get(`${lang}|${code}`) ?? countries.data?.items.find((c) => c.code === code)?.name ?? code;

  // A ranking whose year is not the one before, though the reader changed something else (a new
  // indicator or edition starts at its latest year): the announcement says the year moved.
  const lastShown = useRef<RankingResponse | undefined>(undefined);
  const [yearMoved, setYearMoved] = useState<RankingResponse | null>(null);
  useEffect(() => {
    const before = lastShown.current;
    if (!rankingData || before === rankingData) return;
    lastShown.current = rankingData;
    const moved =
      before !== undefined && before.period !== rankingData.period && viewOf(before) !== viewOf(rankingData);
    setYearMoved(moved ? rankingData : null);
  }, [rankingData]);
  // NOTE: the map, charts and table change out of a screen reader's sight: one polite status, in
  // the page from the start, says what they now show, as the search and country lists say their count.
  const announcement =
    ranking.error || indicators.error || indicators.data?.items.length === 0
      ? ''
      : rankingData && !ranking.loading
        ? t.explorerShown(
            t.mapTitle(
              t.indicatorNames[rankingData.indicator.id] ?? rankingData.indicator.name,
              rankingWhen(rankingData, t, lang),
            ),
            [
              shortDatasetLabel(rankingData.dataset, rankingData.sources, lang),
              filtersText(rankingData, t, lang, countries.data),
            ]
              .filter(Boolean)
              .join(' · '),
            rankingData.items.length,
            yearMoved === rankingData ? formatPeriod(rankingData.period, lang) : null,
          )
        : t.loading;

  return (
    <div className="page explorer">
      <h1>{t.explorerTitle}</h1>
      <p className="lead">{t.explorerLead}</p>
      {indicators.error && <ErrorAlert error={indicators.error} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ExplorerControls
        state={state}
        indicators={indicators.data}
        indicator={indicator}
        dataset={dataset}
        datasetsData={datasets.data}
        countries={countries.data}
        partners={partners}
        periods={periods}
        // The period asked for, not the one last shown: a slider moved fast, key after key, goes on
        // from where it is rather than from the map still loading.
        currentPeriod={askedPeriod(state.period, periods) ?? rankingData?.period ?? state.period}
        dims={dims}
        onChange={updateParams}
      />
      {ranking.error && refused.length === 0 && <ErrorAlert error={ranking.error} />}
      {indicators.data && indicators.data.items.length === 0 && <NoData />}
      {/* Seen while the first answer loads; afterwards for screen readers only (the map's title says it). */}
      <p role="status" className={rankingData || !announcement ? 'visually-hidden' : 'loading'}>
        {announcement}
      </p>
      {rankingData && (
        <ExplorerResults
          ranking={rankingData}
          busy={ranking.loading}
          state={state}
          indicators={indicators.data}
          countries={countries.data}
          areasByIsoNumeric={areasByIsoNumeric}
          areaName={areaName}
          namesSettled={countries.data !== undefined || countries.error !== undefined}
          dims={dims}
          dimensionKeys={Object.keys(info?.dimensions ?? {})}
          editionPeriods={info?.periods ?? []}
          onTrendChange={(patch) => updateParams(patch)}
          onOpen={(code) => void navigate(withLang(`/countries/${code}/profile`, lang))}
          onSort={(sort, dir) =>
            updateParams({ sort: sort === 'value' ? null : sort, dir: dir === 'desc' ? null : dir })
          }
        />
      )}
    </div>
  );
}

type DatasetIndicatorInfo = DatasetListResponse['items'][number]['indicators'][number] & { hasCounterparts: boolean };

/** What a ranking shows apart from its year: an indicator, edition and filters. */
function viewOf(ranking: RankingResponse): string {
  return JSON.stringify([ranking.indicator.id, ranking.dataset, ranking.filters]);
}

function datasetIndicator(
  data: DatasetListResponse | undefined,
  datasetId: string,
  indicatorId: string,
): DatasetIndicatorInfo | undefined {
  const dataset = data?.items.find((d) => d.id === datasetId);
  const indicator = dataset?.indicators.find((i) => i.id === indicatorId);
  return indicator && dataset ? { ...indicator, hasCounterparts: dataset.areas.counterpart > 0 } : undefined;
}

function defaultDims(
  info: DatasetIndicatorInfo | undefined,
  indicator: IndicatorSummary | undefined,
): Record<string, string> {
  if (!info) return {};
  const dims: Record<string, string> = {};
  for (const [key, values] of Object.entries(info.dimensions)) {
    if (!unsummable(key, indicator)) continue;
    // US$ 200 is the basis of SDG indicator 10.c.1; refugees are UNHCR's first group.
    const first = values.includes('200') ? '200' : values.includes('refugee') ? 'refugee' : values[0];
    if (first) dims[key] = first;
  }
  return dims;
}

/** A dimension the explorer offers no "All (summed)" for (see `summableOver`). */
function unsummable(key: string, indicator: IndicatorSummary | undefined): boolean {
  return indicator !== undefined && !summableOver(indicator, key);
}

/**
 * The periods the year control offers: those in which the largest areas of the current view have
 * data. NOTE: the API lists no periods per indicator and edition (only the first and last), so
 * they are read from /api/series for up to 50 areas, once per indicator, edition and filters.
 */
function usePeriods(
  state: ExplorerState,
  dataset: string,
  dimsText: string,
  ranking: RankingResponse | undefined,
): string[] {
  const filterKey = JSON.stringify([state.indicator, dataset, state.sex, state.counterpart, dimsText]);
  const [probe, setProbe] = useState<{ key: string; areas: string } | null>(null);
  const rankingMatches =
    ranking !== undefined &&
    (dataset === '' || ranking.dataset === dataset) &&
    (ranking.filters.counterpart ?? '') === state.counterpart;
  useEffect(() => {
    if (!ranking || !rankingMatches || probe?.key === filterKey || ranking.items.length === 0) return;
    setProbe({
      key: filterKey,
      areas: ranking.items
        .slice(0, PERIOD_PROBE_AREAS)
        .map((i) => i.area.code)
        .join(','),
    });
  }, [ranking, rankingMatches, probe, filterKey]);
  const active = probe?.key === filterKey ? probe : null;
  const series = useApi<SeriesResponse | null>(`periods|${filterKey}|${active?.areas ?? ''}`, (signal) =>
    active && ranking
      ? getSeries(
          {
            indicator: state.indicator,
            areas: active.areas,
            dataset: ranking.dataset,
            sex: state.sex || undefined,
            counterpart: state.counterpart || undefined,
            dims: dimsText || undefined,
          },
          signal,
        )
      : Promise.resolve(null),
  );
  const found = series.data
    ? [...new Set(series.data.series.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods)
    : [];
  if (ranking?.period && !found.includes(ranking.period)) found.push(ranking.period);
  return found.sort(comparePeriods);
}

function ExplorerControls({
  state,
  indicators,
  indicator,
  dataset,
  datasetsData,
  countries,
  partners,
  periods,
  currentPeriod,
  dims,
  onChange,
}: {
  state: ExplorerState;
  indicators: IndicatorListResponse | undefined;
  indicator: IndicatorSummary | undefined;
  dataset: string;
  datasetsData: DatasetListResponse | undefined;
  countries: CountryListResponse | undefined;
  /** The partner areas with data for the indicator and edition; undefined while they load. */
  partners: readonly AreaRef[] | undefined;
  periods: string[];
  currentPeriod: string;
  dims: Record<string, string>;
  onChange: (patch: ParamPatch) => void;
}) {
  const t = useT();
  const lang = useLang();
  const sliderId = useId();
  const info = datasetIndicator(datasetsData, dataset, state.indicator);
  const menu = indicatorMenu(indicators, t, lang);
  const periodIndex = Math.max(0, periods.indexOf(currentPeriod));
  const hasSexes = info ? info.sexes.some((s) => s === 'M' || s === 'F') : false;
  const isRate = indicator?.measureType === 'rate';

  function handleIndicator(id: string) {
    // A new indicator starts from its own defaults: edition, latest period, no filters.
    onChange({
      indicator: id === DEFAULT_INDICATOR ? null : id,
      dataset: null,
      period: null,
      dims: null,
      sex: null,
      counterpart: null,
      // The chart over time keeps the areas chosen (unknown ones are left out) but not the periods.
      from: null,
      to: null,
    });
  }

  // The slider's own position while the address catches up: a route change is a transition
  // React may defer, and a controlled range input would meanwhile snap back, dropping keys.
  const [moving, setMoving] = useState<number | null>(null);
  // The address caught up: let go, unless a key moved the slider on meanwhile. The updater reads the
  // state as it is then, not as this render saw it: an effect can run after the next key's update
  // is queued (React flushes effects before rendering it), and resetting then dropped that step.
  useEffect(() => {
    setMoving((m) => (m === periodIndex ? null : m));
  }, [moving, periodIndex]);
  // Back or Forward before the address caught up: the address wins.
  const location = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType === 'POP') setMoving(null);
  }, [location.key, navigationType]);
  const sliderIndex = moving ?? periodIndex;
  const sliderPeriod = periods[sliderIndex] ?? currentPeriod;

  function handleSlider(event: ChangeEvent<HTMLInputElement>) {
    const index = Number(event.target.value);
    const period = periods[index];
    if (!period) return;
    setMoving(index);
    onChange({ period: period === periods.at(-1) ? null : period });
  }

  return (
    <form className="filters explorer__controls" aria-label={t.explorerControls} onSubmit={(e) => e.preventDefault()}>
      <Field label={t.indicatorLabel} className="field--wide">
        {(props) => (
          <select {...props} value={state.indicator} onChange={(e) => handleIndicator(e.target.value)}>
            {!indicators && <option value={state.indicator}>{t.loading}</option>}
            {menu.map((group) => (
              <optgroup key={group.topic} label={group.label}>
                {group.items.map((i) => (
                  <option key={i.id} value={i.id} lang={i.translated ? undefined : 'en'}>
                    {i.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.editionLabel} className="field--wide">
        {(props) => (
          <select
            {...props}
            value={dataset}
            onChange={(e) => onChange({ dataset: e.target.value, period: null, dims: null, from: null, to: null })}
          >
            {(indicator?.datasets ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {shortDatasetLabel(d.id, indicators?.sources ?? [], lang)} (
                {formatPeriodRange(d.firstPeriod, d.lastPeriod, lang)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field field--wide year-control">
        <label htmlFor={sliderId}>{t.periodLabel}</label>
        <div className="year-control__row">
          <input
            id={sliderId}
            type="range"
            min={0}
            max={Math.max(0, periods.length - 1)}
            step={1}
            value={sliderIndex}
            disabled={periods.length < 2}
            aria-valuetext={formatPeriod(sliderPeriod, lang)}
            aria-describedby={`${sliderId}-hint`}
            onChange={handleSlider}
          />
          <select
            aria-label={t.periodLabel}
            aria-describedby={`${sliderId}-hint`}
            value={currentPeriod}
            onChange={(e) => onChange({ period: e.target.value === periods.at(-1) ? null : e.target.value })}
          >
            {periods.length === 0 && (
              <option value={currentPeriod}>{currentPeriod ? formatPeriod(currentPeriod, lang) : t.loading}</option>
            )}
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p, lang)}
              </option>
            ))}
          </select>
        </div>
        <p className="field__hint" id={`${sliderId}-hint`}>
          {periods.length > 0
            ? t.periodRange(
                formatPeriod(periods[0] ?? '', lang),
                formatPeriod(periods.at(-1) ?? '', lang),
                periods.length,
              )
            : ''}
        </p>
      </div>
      {hasSexes && (
        <Field label={t.sexLabel}>
          {(props) => (
            <select
              {...props}
              value={state.sex || '_T'}
              onChange={(e) => onChange({ sex: e.target.value === '_T' ? null : e.target.value })}
            >
              <option value="_T">{t.sexTotal}</option>
              <option value="F">{t.sexFemale}</option>
              <option value="M">{t.sexMale}</option>
            </select>
          )}
        </Field>
      )}
      {info?.hasCounterparts && (
        <Field
          label={t.counterpartLabel}
          hint={(indicator && t.counterpartHints[indicator.topic]) ?? t.counterpartHint}
        >
          {(props) => (
            <select
              {...props}
              value={state.counterpart}
              onChange={(e) => onChange({ counterpart: e.target.value, period: null })}
            >
              <option value="">{isRate ? t.allCounterpartsAveraged : t.allCounterparts}</option>
              <PartnerOptions partners={partners} chosen={state.counterpart} countries={countries} />
            </select>
          )}
        </Field>
      )}
      {Object.entries(info?.dimensions ?? {}).map(([key, values]) => (
        <Field key={key} label={t.dimensionLabel(key)}>
          {(props) => (
            <select
              {...props}
              value={dims[key] ?? ''}
              onChange={(e) => onChange({ dims: formatDims({ ...dims, [key]: e.target.value }) || null, period: null })}
            >
              {!unsummable(key, indicator) && <option value="">{t.allValuesSummed}</option>}
              {values.map((v) => (
                <option key={v} value={v}>
                  {dimensionValueLabel(key, v, t, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      {/* Wide: its choices' names ("Catégorie de revenu (Banque mondiale)") take more than a column. */}
      <Field label={isRate ? t.meansByLabel : t.groupByLabel} className="field--wide">
        {(props) => (
          <select
            {...props}
            value={state.groupBy}
            onChange={(e) => onChange({ groupBy: e.target.value === 'm49region' ? null : e.target.value })}
          >
            {RANKING_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t.groupings[g]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {indicator && (
        <p className="explorer__description field--full">
          <Translated text={t.indicatorDescriptions[indicator.id]} english={indicator.description} />{' '}
          <span className="muted">({t.unitNames[indicator.unit] ?? indicator.unit})</span>{' '}
          {lang !== 'en' && !t.indicatorDescriptions[indicator.id] && <span className="muted">{t.inEnglish}</span>}
        </p>
      )}
    </form>
  );
}

/**
 * The indicator menu: by topic, the topics and the indicators in each in the alphabetical order of
 * the reader's language (as names are read, not as ids are spelled), English names where the
 * dictionary has none.
 */
function indicatorMenu(
  indicators: IndicatorListResponse | undefined,
  t: Messages,
  lang: UiLanguage,
): { topic: string; label: string; items: { id: string; name: string; translated: boolean }[] }[] {
  const collator = new Intl.Collator(lang);
  const items = (indicators?.items ?? []).map((i) => ({
    id: i.id,
    topic: i.topic,
    name: t.indicatorNames[i.id] ?? i.name,
    translated: t.indicatorNames[i.id] !== undefined,
  }));
  return [...new Set(items.map((i) => i.topic))]
    .map((topic) => ({
      topic,
      label: t.topics[topic as keyof Messages['topics']] ?? topic,
      items: items.filter((i) => i.topic === topic).sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * The partner menu's options: the partners the edition has data for, by name in the reader's
 * language, publishers' aggregates (KNOMAD's world) apart; while they load, only the one chosen.
 */
function PartnerOptions({
  partners,
  chosen,
  countries,
}: {
  partners: readonly AreaRef[] | undefined;
  chosen: string;
  countries: CountryListResponse | undefined;
}) {
  const t = useT();
  const lang = useLang();
  if (partners === undefined)
    return chosen ? (
      <option value={chosen}>{countries?.items.find((c) => c.code === chosen)?.name ?? chosen}</option>
    ) : null;
  const collator = new Intl.Collator(lang);
  const byName = (a: AreaRef, b: AreaRef) => collator.compare(a.name, b.name);
  const options = (areas: readonly AreaRef[]) =>
    [...areas].sort(byName).map((a) => (
      <option key={a.code} value={a.code}>
        {a.name}
      </option>
    ));
  const places = partners.filter((p) => p.kind !== 'aggregate');
  const aggregates = partners.filter((p) => p.kind === 'aggregate');
  if (aggregates.length === 0) return <>{options(places)}</>;
  return (
    <>
      <optgroup label={t.trendCountriesGroup}>{options(places)}</optgroup>
      <optgroup label={t.trendAggregatesGroup}>{options(aggregates)}</optgroup>
    </>
  );
}

function filtersText(
  ranking: RankingResponse,
  t: Messages,
  lang: UiLanguage,
  countries: CountryListResponse | undefined,
): string {
  const parts: string[] = [];
  if (ranking.filters.sex !== '_T') parts.push(ranking.filters.sex === 'F' ? t.sexFemale : t.sexMale);
  if (ranking.filters.counterpart) {
    const code = ranking.filters.counterpart;
    const name =
      ranking.counterparts.find((c) => c.code === code)?.name ??
      countries?.items.find((c) => c.code === code)?.name ??
      code;
    parts.push(t.counterpartIs(name, ranking.indicator.id));
  }
  for (const [k, v] of Object.entries(ranking.filters.dims))
    parts.push(
      k === 'amount'
        ? formatUsd(Number(v), lang)
        : `${t.dimensionLabel(k)}${t.colon}${dimensionValueLabel(k, v, t, lang)}`,
    );
  return parts.join(' · ');
}

/**
 * The ranking as the API's CSV has its areas' rows, `computed_by` and `note` (a value only
 * repeating the period before's) in the reader's language.
 */
function rankingCsv(ranking: RankingResponse, lang: UiLanguage): CsvTable {
  return {
    columns: [
      'indicator',
      'period',
      'rank',
      'area',
      'area_name',
      'value',
      'unit',
      'status',
      'series_combined',
      'series_min',
      'series_max',
      'sex',
      'counterpart',
      'dims',
      'computed_by',
      'note',
    ],
    rows: ranking.items.map((item) => ({
      cells: {
        indicator: ranking.indicator.id,
        period: ranking.period,
        rank: item.rank,
        area: item.area.code,
        area_name: item.area.name,
        value: item.value,
        unit: ranking.indicator.unit,
        status: item.status,
        series_combined: item.parts,
        series_min: item.partsMin,
        series_max: item.partsMax,
        sex: ranking.filters.sex,
        counterpart: ranking.filters.counterpart,
        dims: formatDims(ranking.filters.dims),
        // A value that sums or averages several series is Bridges', as in the API's own CSV.
        computed_by: computedBy(combinedValueNote(ranking.indicator.measureType, item.parts, [], lang)),
        note: repeatedFigureNote(item.repeats, ranking.period, lang),
      },
      sources: [ranking.dataset],
    })),
  };
}

function ExplorerResults({
  ranking,
  busy,
  state,
  indicators,
  countries,
  areasByIsoNumeric,
  areaName,
  namesSettled,
  dims,
  dimensionKeys,
  editionPeriods,
  onTrendChange,
  onOpen,
  onSort,
}: {
  ranking: RankingResponse;
  busy: boolean;
  state: ExplorerState;
  indicators: IndicatorListResponse | undefined;
  countries: CountryListResponse | undefined;
  areasByIsoNumeric: ReadonlyMap<string, MapArea>;
  /** An area's name in the reader's language, from any view shown so far (its code when none). */
  areaName: (code: string) => string;
  /** Whether the list of countries has come (or failed): areaName knows every name it will. */
  namesSettled: boolean;
  dims: Record<string, string>;
  /** The source's own dimensions of the flow: every one is a position of the SDMX key. */
  dimensionKeys: readonly string[];
  /** Every period of the edition with data, oldest first (the catalogue's). */
  editionPeriods: readonly string[];
  onTrendChange: (patch: ParamPatch) => void;
  onOpen: (code: string) => void;
  onSort: (sort: 'value' | 'name', dir: 'asc' | 'desc') => void;
}) {
  const t = useT();
  const lang = useLang();
  const unit = ranking.indicator.unit;
  const fmt = (v: number) => formatValue(v, unit, lang);
  // In a table whose value column is headed by the unit, US$ is not repeated in every cell.
  const cell = (v: number) => formatValue(v, unit, lang, false);
  const tick = (v: number) => formatTick(v, unit, lang);
  const values = useMemo(() => new Map(ranking.items.map((i) => [i.area.code, i.value])), [ranking]);
  const classes = useMemo(() => quantileClasses(ranking.items.map((i) => i.value)), [ranking]);
  const filters = filtersText(ranking, t, lang, countries);
  const edition = shortDatasetLabel(ranking.dataset, ranking.sources, lang);
  const subtitle = [`${edition}`, t.unitNames[unit] ?? unit, filters].filter(Boolean).join(' · ');
  const name = t.indicatorNames[ranking.indicator.id] ?? ranking.indicator.name;
  const when = rankingWhen(ranking, t, lang);
  const mapTitle = t.mapTitle(name, when);
  const csv = rankingCsv(ranking, lang);
  const info = indicators?.items.find((i) => i.id === ranking.indicator.id);
  const sdmxExtra = sdmxOwnKey(dimensionKeys, dims);
  const sdmx = sdmxDataUrl(ranking.dataset, ranking.indicator.id, rankingSdmxKey(ranking, sdmxExtra), {
    startPeriod: ranking.period,
    endPeriod: ranking.period,
  });
  const averaged = averagedOverCorridors(ranking);
  // A value that sums or averages several series is Bridges' (as the CSV says): so is the image's credit.
  const combined = (items: readonly RankingResponse['items'][number][]) => items.some((i) => i.parts > 1);
  const unusual = ranking.items.filter((i) => hasUnusualCost(ranking.indicator.id, i));
  const unusualNote = (items: readonly RankingResponse['items'][number][]) =>
    items.length > 0 && (
      <p className="chart__note">
        {t.unusualCostNote(items.map((i) => t.unusualCostRange(i.area.name, fmt(i.partsMin), fmt(i.partsMax))))}
      </p>
    );
  const top: Bar[] = ranking.items.slice(0, TOP_N).map((i) => ({
    key: i.area.code,
    label: i.area.name,
    value: i.value,
    flag: hasUnusualCost(ranking.indicator.id, i) ? t.unusualCostFlag : undefined,
  }));

  return (
    <div className="explorer__results" aria-busy={busy}>
      {/* The charts' titles are h3: this names their level for screen-reader heading navigation. */}
      <h2 className="visually-hidden">{t.resultsHeading}</h2>
      <ChartFrame
        title={mapTitle}
        subtitle={subtitle}
        citations={ranking.sources}
        csv={csv}
        filename={explorerFileName('map', ranking, ranking.period)}
        sdmxUrl={sdmx}
        computed={combined(ranking.items)}
        note={
          <>
            <p className="chart__note">
              {t.mapNote(ranking.items.length)}{' '}
              {info && (
                <span className="muted" data-page-only>
                  {t.mapKeyboard}
                </span>
              )}
            </p>
            {unusualNote(unusual)}
          </>
        }
        table={<RankingTable ranking={ranking} state={state} onSort={onSort} caption={mapTitle} />}
        afterChartId="explorer-map-data"
      >
        {/* Every country on the map is a link: keyboard users may jump past them all, to the map's
            source and its table (the link says the table is under the map). */}
        <a className="skip-inline" href="#explorer-map-data">
          {t.skipMap}
        </a>
        <WorldMap
          values={values}
          areasByIsoNumeric={areasByIsoNumeric}
          classes={classes}
          label={mapTitle}
          description={t.mapDescription(
            ranking.items.length,
            ranking.items[0]?.area.name ?? '',
            ranking.items[0] ? fmt(ranking.items[0].value) : '',
          )}
          formatValue={fmt}
          formatLegend={tick}
          noDataLabel={t.noData}
          legendLabel={`${name} (${cellUnit(unit, t)})`}
          hrefFor={(code) => withLang(`/countries/${code}/profile`, lang)}
          onOpen={onOpen}
          filledNote={t.mapFilled}
          flags={new Map(unusual.map((i) => [i.area.code, t.unusualCostFlag]))}
        />
      </ChartFrame>

      <div className="chart-grid" id="explorer-after-map">
        <ChartFrame
          title={t.topNTitle(TOP_N, name, when)}
          subtitle={subtitle}
          citations={ranking.sources}
          csv={{ ...csv, rows: csv.rows.slice(0, TOP_N) }}
          filename={explorerFileName(`top${String(TOP_N)}`, ranking, ranking.period)}
          computed={combined(ranking.items.slice(0, TOP_N))}
          note={
            <>
              {averaged && <p className="chart__note">{t.corridorsAveragedNote(fewest(ranking, TOP_N))}</p>}
              {unusualNote(unusual.filter((i) => i.rank <= TOP_N))}
            </>
          }
          table={
            <DataTable
              ranked
              caption={t.topNTitle(TOP_N, name, when)}
              columns={[
                { key: 'rank', label: t.colRank, numeric: true },
                { key: 'area', label: t.colName },
                { key: 'value', label: cellUnit(unit, t), numeric: true },
                ...(averaged ? [{ key: 'parts', label: t.colCorridorsAveraged, numeric: true }] : []),
              ]}
              rows={ranking.items.slice(0, TOP_N).map((i) => ({
                key: i.area.code,
                cells: { rank: i.rank, area: i.area.name, value: cell(i.value), parts: i.parts },
              }))}
            />
          }
        >
          {top.length > 0 ? (
            <BarChart
              bars={top}
              label={t.topNTitle(TOP_N, name, when)}
              description={describeBars(top, fmt, t)}
              formatValue={fmt}
              formatTick={tick}
              flagMark={WARNING_MARK}
            />
          ) : (
            <NoData />
          )}
        </ChartFrame>
        <Aggregates ranking={ranking} subtitle={subtitle} areaName={areaName} />
      </div>

      <ExplorerTrend
        ranking={ranking}
        sdmxExtra={sdmxExtra}
        trend={state.trend}
        periods={editionPeriods}
        subtitle={subtitle}
        unitLabel={cellUnit(unit, t)}
        areaName={areaName}
        namesSettled={namesSettled}
        onChange={onTrendChange}
      />

      <Section id="ranking-table" title={t.allCountriesHeading(ranking.items.length)}>
        {/* NOTE: every row is in the page (no paging), so the browser's find works; the box scrolls. */}
        <p>
          <a href={csvUrl(`/rankings/${ranking.indicator.id}`, apiParams(ranking, state, lang))}>{t.apiCsvLink}</a>
        </p>
        <div className="ranking-table">
          <RankingTable ranking={ranking} state={state} onSort={onSort} caption={mapTitle} sortable />
        </div>
        <SourceLine citations={ranking.sources} />
      </Section>
    </div>
  );
}

/**
 * A rate over every partner (remittance costs of all corridors): each country's value is the
 * unweighted mean of its corridors, so how many there are says how much the value stands for.
 */
/**
 * The ranking's period for a title, with the status every value carries ("2024, provisional":
 * UNHCR's mid-year release; "2023, estimated": KNOMAD's 2023e); mixed statuses are in the rows.
 */
function rankingWhen(ranking: RankingResponse, t: Messages, lang: UiLanguage): string {
  const common = markedStatuses(ranking.items[0]?.status).filter((s) =>
    ranking.items.every((i) => i.status.includes(s)),
  );
  return [formatPeriod(ranking.period, lang), ...common.map((s) => t.statuses[s])].join(', ');
}

function averagedOverCorridors(ranking: RankingResponse): boolean {
  return (
    ranking.indicator.measureType === 'rate' &&
    ranking.filters.counterpart === null &&
    ranking.items.some((i) => i.parts > 1)
  );
}

/** The top entries that stand on a single corridor. */
function fewest(ranking: RankingResponse, n: number): string[] {
  return ranking.items
    .slice(0, n)
    .filter((i) => i.parts === 1)
    .map((i) => i.area.name);
}

/** The ranking's own query, for its CSV from the API: names in the reader's language too. */
function apiParams(
  ranking: RankingResponse,
  state: ExplorerState,
  lang: UiLanguage,
): Record<string, string | undefined> {
  return {
    lang,
    dataset: ranking.dataset,
    period: ranking.period,
    sex: ranking.filters.sex === '_T' ? undefined : ranking.filters.sex,
    counterpart: ranking.filters.counterpart ?? undefined,
    dims: formatDims(ranking.filters.dims) || undefined,
    groupBy: state.groupBy,
  };
}

function RankingTable({
  ranking,
  state,
  onSort,
  caption,
  sortable = false,
}: {
  ranking: RankingResponse;
  state: ExplorerState;
  onSort: (sort: 'value' | 'name', dir: 'asc' | 'desc') => void;
  caption: string;
  sortable?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const captionId = useId();
  // The value column is headed by the unit: US$ is not repeated in every cell.
  const fmt = (v: number) => formatValue(v, ranking.indicator.unit, lang, false);
  const averaged = averagedOverCorridors(ranking);
  // A status column that says "normal" on every row only takes room: a line says it once.
  const flagged = ranking.items.some((i) => i.status !== 'A');
  const statusText = (status: string) =>
    status
      .split('')
      .map((s) => t.statuses[s as keyof Messages['statuses']] ?? s)
      .join(', ');
  const collator = new Intl.Collator(lang);
  const items = [...ranking.items].sort((a, b) => {
    const order = state.sort === 'name' ? collator.compare(a.area.name, b.area.name) : a.value - b.value;
    return state.dir === 'asc' ? order : -order;
  });
  const columns = [
    { key: 'name', label: t.colName },
    // The caption names the indicator: the column gives the unit, so the table fits a phone.
    { key: 'value', label: cellUnit(ranking.indicator.unit, t) },
  ] as const;

  function sortButton(key: 'name' | 'value', label: string) {
    const active = state.sort === key;
    const nextDir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc';
    return (
      <button type="button" className="sort-button" onClick={() => onSort(key, nextDir)}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (state.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    );
  }

  return (
    <>
      <TableScroll captionId={captionId}>
        <table className="data-table data-table--compact data-table--ranked">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t.colRank}
              </th>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.key === 'value' ? 'numeric' : undefined}
                  aria-sort={
                    sortable && state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {sortable ? sortButton(c.key, c.label) : c.label}
                </th>
              ))}
              {averaged && (
                <th scope="col" className="numeric">
                  {t.colCorridorsAveraged}
                </th>
              )}
              {flagged && (
                <th scope="col" className="status-col">
                  {t.colStatus}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.area.code}>
                <td className="numeric">{item.rank}</td>
                <th scope="row">
                  <LangLink to={`/countries/${item.area.code}/profile`}>{item.area.name}</LangLink>
                </th>
                <td className="numeric">
                  {fmt(item.value)}
                  {hasUnusualCost(ranking.indicator.id, item) && (
                    <>
                      <span className="flag" aria-hidden="true">
                        {` ${WARNING_MARK}`}
                      </span>
                      <span className="visually-hidden"> ({t.unusualCostFlag})</span>
                    </>
                  )}
                  {/* On a phone the status goes under the value, so the names keep their room. */}
                  {flagged && item.status !== 'A' && <span className="status-inline">{statusText(item.status)}</span>}
                </td>
                {averaged && <td className="numeric">{item.parts}</td>}
                {flagged && <td className="status-col">{statusText(item.status)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {!flagged && <p className="chart__note">{t.allStatusNormal}</p>}
    </>
  );
}

/**
 * The unit of a table's cells: money is written at a readable scale in US$ ("US$ 125 bn") whatever
 * the publisher's unit (US$ millions), so the heading says US$; other units as published.
 */
function cellUnit(unit: string, t: Messages): string {
  return unitKind(unit).kind === 'usd' ? 'US$' : (t.unitNames[unit] ?? unit);
}

function Aggregates({
  ranking,
  subtitle,
  areaName,
}: {
  ranking: RankingResponse;
  subtitle: string;
  /** An area's name in the reader's language (its code when none is known). */
  areaName: (code: string) => string;
}) {
  const t = useT();
  const lang = useLang();
  const unit = ranking.indicator.unit;
  const fmt = (v: number) => formatValue(v, unit, lang);
  // In a table whose value column is headed by the unit, US$ is not repeated in every cell.
  const cell = (v: number) => formatValue(v, unit, lang, false);
  const grouping = ranking.grouping;
  const weights = ranking.total.weights;
  const combination: Combination = weights
    ? { weightedBy: t.indicatorNames[weights.indicator] ?? weights.name }
    : ranking.indicator.measureType === 'rate'
      ? 'mean'
      : 'sum';
  const groups = (grouping?.groups ?? []).filter((g) => g.value !== null);
  const title = grouping
    ? t.aggregatesTitle(grouping.by, rankingWhen(ranking, t, lang), ranking.indicator.measureType === 'rate')
    : '';
  const groupName = (code: string, name: string) =>
    grouping && code === NOT_GROUPED
      ? t.notGrouped[grouping.by]
      : grouping?.by === 'incomeGroup'
        ? (t.incomeGroups[code as keyof Messages['incomeGroups']] ?? name)
        : m49Name(lang, code, name).text;
  const bars: Bar[] = groups.map((g) => ({
    key: g.code,
    label:
      grouping?.by === 'incomeGroup' && g.code !== NOT_GROUPED
        ? (t.incomeGroupsShort[g.code as keyof Messages['incomeGroupsShort']] ?? g.name)
        : groupName(g.code, g.name),
    value: g.value ?? 0,
    detail: t.coverage(g.countWithData, g.countInGroup, g.notCounted.length),
    // The API's sentences naming the members not counted and those only repeating the period
    // before, in the reader's language.
    detailNote: [g.notCountedNote, g.repeatsNote].filter((n) => n !== null).join('\n') || undefined,
  }));
  // Members some group leaves out of its coverage (no population of their own in the data), by name.
  const notCounted = groups.filter((g) => g.notCounted.length > 0);
  // Groups some of whose members only repeat the period before's figures (UN DESA 2024's
  // Philippines in Asia): marked in the table and named under it, by the periods they repeat.
  const repeated = new Map<
    string,
    { period: string; previous: string; groups: { group: string; members: string[] }[] }
  >();
  for (const g of groups)
    for (const part of g.repeats) {
      const key = `${part.period}|${part.previous}`;
      const said = repeated.get(key) ?? { period: part.period, previous: part.previous, groups: [] };
      said.groups.push({ group: groupName(g.code, g.name), members: part.members.map(areaName) });
      repeated.set(key, said);
    }
  const repeatMark = (flag: string) => (
    <>
      <span className="flag" aria-hidden="true">{` ${REPEAT_MARK}`}</span>
      <span className="visually-hidden"> ({flag})</span>
    </>
  );
  return (
    <div>
      {grouping && (
        <ChartFrame
          title={title}
          subtitle={`${subtitle} · ${t.computedByBridges}`}
          computed
          citations={[...ranking.sources, grouping.citation]}
          csv={{
            columns: [
              'indicator',
              'period',
              'grouping',
              'group',
              'group_name',
              'value',
              'unit',
              'sex',
              'counterpart',
              'dims',
              'count_with_data',
              'count_in_group',
              'not_counted',
              'not_counted_note',
              'computed_by',
              'method',
              'note',
            ],
            rows: groups.map((g) => ({
              cells: {
                indicator: ranking.indicator.id,
                period: ranking.period,
                grouping: grouping.by,
                group: g.code,
                group_name: groupName(g.code, g.name),
                value: g.value,
                unit,
                // The filters of the figures summed, as the map's CSV has them on every row.
                sex: ranking.filters.sex,
                counterpart: ranking.filters.counterpart,
                dims: formatDims(ranking.filters.dims),
                count_with_data: g.countWithData,
                count_in_group: g.countInGroup,
                // Codes separated by spaces, and the API's sentence naming them, as in the API's CSV.
                not_counted: g.notCounted.join(' '),
                not_counted_note: g.notCountedNote,
                computed_by: g.computedBy,
                // The group's own sentence, then the grouping's, as in the API's CSV.
                method: sentences(g.method, grouping.method),
                // The members only repeating the period before's, in the API's words.
                note: g.repeatsNote,
              },
              sources: [ranking.dataset, grouping.citation.dataset],
            })),
          }}
          filename={explorerFileName(`groups-${grouping.by}`, ranking, ranking.period)}
          note={
            <div className="chart__note">
              <p>
                <span className="tag tag--computed">{t.computedByBridges}</span>{' '}
                {t.groupMethod(
                  t.groupings[grouping.by],
                  combination,
                  formatPeriod(ranking.period, lang),
                  notCounted.length > 0,
                )}
              </p>
              {notCounted.length > 0 && (
                <p>
                  {t.notCountedList(
                    notCounted.map((g) => ({ group: groupName(g.code, g.name), names: g.notCounted.map(areaName) })),
                  )}
                </p>
              )}
              {[...repeated.entries()].map(([key, r]) => (
                <p key={key}>
                  <span aria-hidden="true">{`${REPEAT_MARK} `}</span>
                  {t.groupsRepeated(r.groups, formatPeriod(r.period, lang), formatPeriod(r.previous, lang))}
                </p>
              ))}
              {grouping.fiscalYear !== null && (
                <p>
                  {t.incomeFiscalYear(t.fiscalYear(grouping.fiscalYear))}
                  {!grouping.matched && ` ${t.incomeNotMatched}`}
                </p>
              )}
              {grouping.reference.length > 0 && (
                <p>
                  {t.classificationSource}
                  {t.colon}
                  <span lang="en">
                    {grouping.reference.map((r) => `${r.publisher}, ${r.title} (${r.licence})`).join('; ')}
                  </span>
                </p>
              )}
            </div>
          }
          table={
            <DataTable
              caption={title}
              columns={[
                { key: 'group', label: t.groupings[grouping.by] },
                { key: 'value', label: cellUnit(unit, t), numeric: true },
                { key: 'coverage', label: t.colCoverage, numeric: true },
                ...(notCounted.length > 0 ? [{ key: 'notCounted', label: t.colNotCounted, numeric: true }] : []),
              ]}
              rows={groups.map((g) => ({
                key: g.code,
                cells: {
                  group: (
                    <span
                      lang={
                        grouping.by === 'incomeGroup' || g.code === NOT_GROUPED
                          ? undefined
                          : m49Name(lang, g.code, g.name).lang
                      }
                    >
                      {groupName(g.code, g.name)}
                    </span>
                  ),
                  value:
                    g.repeats.length > 0 ? (
                      <>
                        {cell(g.value ?? 0)}
                        {repeatMark(t.groupRepeatedFlag)}
                      </>
                    ) : (
                      cell(g.value ?? 0)
                    ),
                  coverage: g.coverage,
                  notCounted: g.notCounted.length,
                },
              }))}
            />
          }
        >
          {bars.length > 0 ? (
            <BarChart
              bars={bars}
              label={title}
              description={describeBars(bars, fmt, t)}
              formatValue={fmt}
              formatTick={(v) => formatTick(v, unit, lang)}
            />
          ) : (
            <NoData />
          )}
        </ChartFrame>
      )}
      <div className="note-box">
        <h3>{t.publishedAggregatesHeading}</h3>
        {ranking.publishedAggregates.length === 0 ? (
          <p>{t.noPublishedAggregates}</p>
        ) : (
          <>
            <p className="chart__note">{t.publishedAggregatesNote}</p>
            <DataTable
              caption={t.publishedAggregatesHeading}
              captionHidden
              // The publisher is the edition's, named in the source line below.
              columns={[
                { key: 'area', label: t.colName },
                { key: 'value', label: cellUnit(unit, t), numeric: true },
              ]}
              rows={ranking.publishedAggregates.map((a) => ({
                key: a.area.code,
                cells: { area: a.area.name, value: cell(a.value) },
              }))}
            />
          </>
        )}
        <p className="chart__note">
          {typeof combination === 'object'
            ? t.weightedMeanComputed(fmt(ranking.total.value ?? 0), ranking.total.count, combination.weightedBy)
            : (combination === 'mean' ? t.meanComputed : t.totalComputed)(
                fmt(ranking.total.value ?? 0),
                ranking.total.count,
              )}
          {ranking.total.repeats.length > 0 && repeatMark(t.groupRepeatedFlag)}{' '}
          <span className="tag tag--computed">{t.computedByBridges}</span>
        </p>
        {ranking.total.repeatsNote && (
          <p className="chart__note">
            <span aria-hidden="true">{`${REPEAT_MARK} `}</span>
            {ranking.total.repeatsNote}
          </p>
        )}
        {ranking.publishedAggregates.length > 0 && <SourceLine citations={ranking.sources} />}
      </div>
    </div>
  );
}
