import { useEffect, useId, useRef, useState } from 'react';
import { KNOMAD_THEMES, LIBRARY_YEARS, STUDY_DESIGNS } from '../../core/library-vocab.js';
import { getRegions } from '../api.js';
import { EffectLabel, QualityBadge } from '../components/Badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatNumber } from '../format.js';
import { useApi, useDocumentTitle, useParamPatch } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { m49GroupLabel, m49Text } from '../m49-names.js';
import { gapMapFileUrl, getGapMap, type GapMap, type GapMapCell, type GapMapParams } from '../library-api.js';
import { itemPath } from '../library.js';
import { LangLink } from '../links.js';

const FILTER_KEYS = ['region', 'theme', 'design', 'from', 'to'] as const;

/** A year box's text the gap map's API takes (GapMapQuery): empty (no bound), or whole digits within LIBRARY_YEARS. */
function isGapMapYear(text: string): boolean {
  const digits = text.trim();
  if (digits === '') return true;
  return /^\d+$/.test(digits) && Number(digits) >= LIBRARY_YEARS.min && Number(digits) <= LIBRARY_YEARS.max;
}

/**
 * The evidence gap map: interventions (rows) against outcomes (columns). Each cell counts the
 * studies and their quality mix in numbers and a bar; an empty cell is marked as a gap, never
 * hidden. Filters and the chosen cell live in the URL; choosing a cell lists its studies.
 */
export function GapMapPage() {
  const t = useT();
  const lang = useLang();
  const [searchParams, update] = useParamPatch();
  const filters: GapMapParams = {};
  for (const key of FILTER_KEYS) {
    const value = searchParams.get(key);
    if (value) filters[key] = value;
  }
  // A year the API would refuse (a link with to=19) is said at its box and not asked for: the map
  // is that of the other filters.
  const params = { ...filters, lang };
  for (const key of ['from', 'to'] as const) if (!isGapMapYear(params[key] ?? '')) delete params[key];
  const map = useApi(`gap-map|${JSON.stringify(params)}`, (signal) => getGapMap(params, signal));
  const regions = useApi('regions', (signal) => getRegions(signal));
  const cellKey = searchParams.get('cell');
  const formId = useId();
  const studiesRef = useRef<HTMLElement>(null);
  useDocumentTitle(t.gapMapTitle, t.siteName);

  function handleChooseCell(cell: GapMapCell) {
    update({ cell: `${cell.intervention}:${cell.outcome}` });
    // The list of studies appears under the map: take the reader there.
    requestAnimationFrame(() => {
      studiesRef.current?.focus();
      studiesRef.current?.scrollIntoView({ block: 'start' });
    });
  }

  const data = map.data;
  const chosen = data && cellKey ? data.cells.find((c) => `${c.intervention}:${c.outcome}` === cellKey) : undefined;
  const hasFilters = FILTER_KEYS.some((key) => searchParams.has(key));
  // One alert: when the server is down both requests fail, and two boxes would say the same.
  const failure = map.error ?? regions.error;

  return (
    <div className="page">
      <h1>{t.gapMapTitle}</h1>
      <p className="lead">{t.gapMapLead}</p>

      <form className="filters gap-filters" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${formId}-region`}>{t.filterRegion}</label>
          <select
            id={`${formId}-region`}
            value={filters.region ?? ''}
            onChange={(event) => update({ region: event.target.value, cell: null })}
          >
            <option value="">{t.allRegions}</option>
            {(regions.data?.regions ?? []).map((region) => (
              <optgroup key={region.code} {...m49GroupLabel(lang, region.code, region.name)}>
                <option value={region.code} {...m49Text(lang, region.code, region.name)} />
                {region.subregions.map((sub) => (
                  <option key={sub.code} value={sub.code} {...m49Text(lang, sub.code, sub.name)} />
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-theme`}>{t.facetNames.theme}</label>
          <select
            id={`${formId}-theme`}
            value={filters.theme ?? ''}
            onChange={(event) => update({ theme: event.target.value, cell: null })}
          >
            <option value="">{t.allThemes}</option>
            {KNOMAD_THEMES.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {theme.label[lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-design`}>{t.facetNames.design}</label>
          <select
            id={`${formId}-design`}
            value={filters.design ?? ''}
            onChange={(event) => update({ design: event.target.value, cell: null })}
          >
            <option value="">{t.allDesigns}</option>
            {STUDY_DESIGNS.map((design) => (
              <option key={design.code} value={design.code}>
                {design.label[lang]}
              </option>
            ))}
          </select>
        </div>
        <YearField
          id={`${formId}-from`}
          label={t.yearFrom}
          value={filters.from ?? ''}
          onCommit={(v) => update({ from: v, cell: null })}
        />
        <YearField
          id={`${formId}-to`}
          label={t.yearTo}
          value={filters.to ?? ''}
          onCommit={(v) => update({ to: v, cell: null })}
        />
        {hasFilters && (
          <div className="filters__actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => update(Object.fromEntries([...FILTER_KEYS, 'cell'].map((key) => [key, null])))}
            >
              {t.clearAllFilters}
            </button>
          </div>
        )}
      </form>

      {failure && <ErrorAlert error={failure} />}
      <p role="status" className="result-count">
        {map.error
          ? ''
          : data && !map.loading
            ? t.gapMapCount(data.studies, formatNumber(data.studies, lang))
            : t.loading}
      </p>
      {data && !map.loading && data.unplaced.length > 0 && (
        <div className="gap-map__unplaced">
          <p>{t.gapMapUnplaced(data.unplaced.length, formatNumber(data.unplaced.length, lang))}</p>
          <ul className="plain-list">
            {data.unplaced.map((study) => (
              <li key={study.id}>
                <LangLink to={itemPath(study.id)}>{study.title}</LangLink> <span className="muted">({study.year})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="downloads">
        <a className="button-small" href={gapMapFileUrl(params, 'csv')} download>
          {t.downloadCsv}
        </a>{' '}
        <a className="button-small" href={gapMapFileUrl(params, 'json')} download>
          {t.downloadJson}
        </a>
      </p>

      {data && <GapMapGrid map={data} chosenKey={cellKey} busy={map.loading} onChoose={handleChooseCell} />}
      <GapLegend />

      <section
        className="section cell-studies"
        aria-labelledby="cell-studies-heading"
        ref={studiesRef}
        tabIndex={-1}
        hidden={!chosen}
      >
        {chosen && data && <CellStudies map={data} cell={chosen} />}
      </section>
    </div>
  );
}

/**
 * A year box that applies on blur or Enter, so the map does not reload at every digit. A year the
 * map cannot be drawn for is said at the box, naming it and the years it takes, and not applied:
 * no request is made and the map stays that of the last year that was.
 */
function YearField({
  id,
  label,
  value,
  onCommit,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  const t = useT();
  const [text, setText] = useState(value);
  // What was last applied or refused: the box is at fault once it is left holding a bad year, not
  // while one is being typed.
  const [checked, setChecked] = useState(value);
  // The address changed (Clear all filters, Back): the box shows its year.
  useEffect(() => {
    setText(value);
    setChecked(value);
  }, [value]);
  const invalid = !isGapMapYear(checked);

  function handleCommit(next: string) {
    setChecked(next);
    if (next.trim() !== value && isGapMapYear(next)) onCommit(next.trim());
  }

  return (
    <div className={`field field--year${invalid ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {/* NOTE: text, not number: a number box reads "2O12" as empty, and would drop the filter
          without a word. */}
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={(event) => handleCommit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') handleCommit(event.currentTarget.value);
        }}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t.yearHint}
      </p>
      {/* Polite, not an alert: it says what is wrong with what the reader just left, once; under the
          box, which stays in line with the filters beside it. */}
      <div aria-live="polite">
        {invalid && (
          <p className="field__error" id={`${id}-error`}>
            {t.gapMapYearInvalid(label, LIBRARY_YEARS.min, LIBRARY_YEARS.max)}
          </p>
        )}
      </div>
    </div>
  );
}

function GapMapGrid({
  map,
  chosenKey,
  busy,
  onChoose,
}: {
  map: GapMap;
  chosenKey: string | null;
  busy: boolean;
  onChoose: (cell: GapMapCell) => void;
}) {
  const t = useT();
  const cells = new Map(map.cells.map((c) => [`${c.intervention}:${c.outcome}`, c]));
  const max = Math.max(1, ...map.cells.map((c) => c.count));
  return (
    <TableScroll captionId="gap-map-caption">
      <table className="gap-map" aria-busy={busy}>
        <caption id="gap-map-caption">{t.gapMapCaption}</caption>
        <thead>
          <tr>
            <td className="gap-map__corner">
              <span className="gap-map__axis">{t.gapMapRows}</span> ╲{' '}
              <span className="gap-map__axis">{t.gapMapColumns}</span>
            </td>
            {map.outcomes.map((outcome) => (
              <th key={outcome.code} scope="col" className="gap-map__outcome">
                {outcome.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.interventions.map((intervention) => (
            <tr key={intervention.code}>
              <th scope="row" className="gap-map__intervention">
                {intervention.label}
              </th>
              {map.outcomes.map((outcome) => {
                const key = `${intervention.code}:${outcome.code}`;
                const cell = cells.get(key);
                if (!cell || cell.count === 0) {
                  return (
                    <td key={outcome.code} className="gap-map__cell gap-map__cell--gap">
                      <span className="gap-map__gap">{t.gap}</span>
                      <span className="visually-hidden">{t.gapCellLabel(intervention.label, outcome.label)}</span>
                    </td>
                  );
                }
                return (
                  <td key={outcome.code} className={`gap-map__cell${key === chosenKey ? ' is-selected' : ''}`}>
                    <button
                      type="button"
                      className="gap-map__button"
                      aria-pressed={key === chosenKey}
                      aria-label={t.cellLabel(
                        intervention.label,
                        outcome.label,
                        cell.count,
                        cell.quality.high,
                        cell.quality.medium,
                        cell.quality.low,
                      )}
                      onClick={() => onChoose(cell)}
                      style={{ ['--weight' as string]: String(0.25 + (0.75 * cell.count) / max) }}
                    >
                      <span className="gap-map__count">{cell.count}</span>
                      <QualityBar quality={cell.quality} />
                    </button>
                    {/* Over the button, not in it: the button's visible text ("3") is then part of
                        its name, which says the numbers in words (WCAG 2.5.3, label in name). */}
                    <QualityNumbers quality={cell.quality} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A stacked bar of the studies' quality (high, medium, low); the numbers beside it carry the meaning. */
function QualityBar({ quality }: { quality: GapMapCell['quality'] }) {
  const total = quality.high + quality.medium + quality.low;
  return (
    <span className="quality-mix" aria-hidden="true">
      <span className="quality-mix__bar">
        {(['high', 'medium', 'low'] as const).map((level) =>
          quality[level] > 0 ? (
            <span
              key={level}
              className={`quality-mix__part quality-mix__part--${level}`}
              style={{ width: `${(100 * quality[level]) / Math.max(1, total)}%` }}
            />
          ) : null,
        )}
      </span>
    </span>
  );
}

/** The quality counts as initials and numbers (H2 M1 L0), shown under the bar; the cell's button says them in words. */
function QualityNumbers({ quality }: { quality: GapMapCell['quality'] }) {
  const t = useT();
  return (
    <span className="quality-mix__numbers" aria-hidden="true">
      {t.qualityInitials.high}
      {quality.high} {t.qualityInitials.medium}
      {quality.medium} {t.qualityInitials.low}
      {quality.low}
    </span>
  );
}

function GapLegend() {
  const t = useT();
  return (
    <div className="gap-legend">
      <p className="gap-legend__title">{t.legend}</p>
      <ul className="legend">
        <li>
          <span className="legend__swatch quality-mix__part--high" aria-hidden="true" /> {t.qualityInitials.high} ={' '}
          {t.legendHigh}
        </li>
        <li>
          <span className="legend__swatch quality-mix__part--medium" aria-hidden="true" /> {t.qualityInitials.medium} ={' '}
          {t.legendMedium}
        </li>
        <li>
          <span className="legend__swatch quality-mix__part--low" aria-hidden="true" /> {t.qualityInitials.low} ={' '}
          {t.legendLow}
        </li>
        <li>
          <span className="legend__swatch legend__swatch--gap" aria-hidden="true" /> {t.legendGap}
        </li>
      </ul>
    </div>
  );
}

function CellStudies({ map, cell }: { map: GapMap; cell: GapMapCell }) {
  const t = useT();
  const intervention = map.interventions.find((i) => i.code === cell.intervention)?.label ?? cell.intervention;
  const outcome = map.outcomes.find((o) => o.code === cell.outcome)?.label ?? cell.outcome;
  return (
    <>
      <h2 id="cell-studies-heading">{t.cellStudiesHeading(intervention, outcome)}</h2>
      <ul className="plain-list cell-studies__list">
        {cell.studies.map((study) => (
          <li key={study.id}>
            <LangLink to={itemPath(study.id)}>{study.title}</LangLink> <span className="muted">({study.year})</span>{' '}
            <QualityBadge quality={study.quality} /> <EffectLabel effect={study.effect} />
          </li>
        ))}
      </ul>
    </>
  );
}
