import { useId } from 'react';
import { INCOME_GROUPS, fiscalYearLabel, type IncomeGroup } from '../../core/classifications.js';
import type { IncomeClassification } from '../../core/countries.js';
import { useT, type Messages } from '../i18n.js';
import { TableScroll } from './TableScroll.js';

/**
 * Colours of the income groups, ordinal from low to high, after viridis with its too-light yellow
 * end replaced by an orange: distinct for the common colour-vision deficiencies and each at least
 * 3.8:1 against white (WCAG 1.4.11 asks 3:1 for graphics). Position encodes the group too: each
 * group has its own row, so the chart never relies on colour alone.
 */
export const INCOME_GROUP_COLOURS: Record<IncomeGroup, string> = {
  L: '#d55e00',
  LM: '#21918c',
  UM: '#3b528b',
  H: '#3b0f70',
};
const UNCLASSIFIED_COLOUR = '#b4b4b4';
const UNCLASSIFIED_STROKE = '#6b6b6b';

const CELL = 16;
const GAP = 2;
const ROW = 20;
const LABEL_WIDTH = 40;
const AXIS_HEIGHT = 22;
/** Room after the last cell for the half of its centred tick label ("FY25") that overhangs it. */
const TRAILING = 14;

type Run = { from: string; to: string; group: IncomeGroup | null };

/** Consecutive years in the same group, for the text summary ("FY89–FY07: Low income"). */
export function incomeRuns(history: readonly IncomeClassification[]): Run[] {
  const runs: Run[] = [];
  for (const year of history) {
    const last = runs.at(-1);
    if (last && last.group === year.group) last.to = year.fiscalYearLabel;
    else runs.push({ from: year.fiscalYearLabel, to: year.fiscalYearLabel, group: year.group });
  }
  return runs;
}

const TICK_EVERY = 5;

// Ticks on the first and last years and every fifth year, minus those too close to an end to fit.
function showTick(index: number, year: number, count: number): boolean {
  if (index === 0 || index === count - 1) return true;
  return year % TICK_EVERY === 0 && index >= 3 && index <= count - 4;
}

function groupLabel(t: Messages, group: IncomeGroup | null): string {
  return group ? t.incomeGroups[group] : t.notClassified;
}

/**
 * The World Bank income group of one country for each fiscal year, as a strip of cells: one column
 * per year, one row per group (high at the top), plus a row for years without a classification.
 * Screen readers get a one-sentence summary; everyone can open the full data table below it.
 */
export function IncomeHistoryChart({
  history,
  countryName,
}: {
  history: readonly IncomeClassification[];
  countryName: string;
}) {
  const t = useT();
  const id = useId();
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return <p>{t.incomeHistoryEmpty}</p>;

  // Rows top to bottom: H, UM, LM, L, then "not classified".
  const rows: (IncomeGroup | null)[] = [...INCOME_GROUPS].reverse();
  rows.push(null);
  const rowOf = (group: IncomeGroup | null) => rows.indexOf(group);

  const width = LABEL_WIDTH + history.length * (CELL + GAP) + TRAILING;
  const height = rows.length * ROW + AXIS_HEIGHT;
  const summary = incomeRuns(history)
    .map((run) => t.incomeHistoryRun(run.from, run.to, groupLabel(t, run.group)))
    .join('; ');
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure className="income-chart">
      <div className="income-chart__scroll">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="income-chart__svg"
        >
          <title id={titleId}>
            {t.incomeHistoryChartLabel(countryName, first.fiscalYearLabel, last.fiscalYearLabel)}
          </title>
          <desc id={descId}>{summary}</desc>
          {rows.map((group, row) => (
            <g key={group ?? 'none'}>
              <line
                x1={LABEL_WIDTH}
                x2={width - TRAILING}
                y1={row * ROW + ROW / 2}
                y2={row * ROW + ROW / 2}
                className="income-chart__gridline"
              />
              <text x={LABEL_WIDTH - 6} y={row * ROW + ROW / 2} className="income-chart__row-label">
                {group ?? '–'}
              </text>
            </g>
          ))}
          {history.map((year, index) => {
            const x = LABEL_WIDTH + index * (CELL + GAP);
            const y = rowOf(year.group) * ROW + (ROW - CELL) / 2;
            return (
              <rect
                key={year.fiscalYear}
                x={x}
                y={y}
                width={CELL}
                height={CELL}
                rx={2}
                fill={year.group ? INCOME_GROUP_COLOURS[year.group] : UNCLASSIFIED_COLOUR}
                stroke={year.group ? 'none' : UNCLASSIFIED_STROKE}
              >
                <title>{`${year.fiscalYearLabel}: ${groupLabel(t, year.group)}`}</title>
              </rect>
            );
          })}
          {history.map((year, index) =>
            showTick(index, year.fiscalYear, history.length) ? (
              <text
                key={year.fiscalYear}
                x={LABEL_WIDTH + index * (CELL + GAP) + CELL / 2}
                y={rows.length * ROW + AXIS_HEIGHT - 6}
                className="income-chart__tick"
              >
                {fiscalYearLabel(year.fiscalYear)}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      <figcaption>
        <ul className="legend" aria-label={t.legend}>
          {rows.map((group) => (
            <li key={group ?? 'none'}>
              <span
                className="legend__swatch"
                aria-hidden="true"
                style={{
                  background: group ? INCOME_GROUP_COLOURS[group] : UNCLASSIFIED_COLOUR,
                  borderColor: group ? INCOME_GROUP_COLOURS[group] : UNCLASSIFIED_STROKE,
                }}
              />
              {group ? <abbr title={t.incomeGroups[group]}>{group}</abbr> : <span aria-hidden="true">–</span>}{' '}
              {groupLabel(t, group)}
            </li>
          ))}
        </ul>
        <p className="income-chart__summary">{summary}</p>
      </figcaption>
      <details className="income-chart__data">
        <summary>{t.incomeHistoryTable}</summary>
        <TableScroll captionId={`${id}-table-caption`}>
          <table className="data-table data-table--compact">
            <caption id={`${id}-table-caption`} className="visually-hidden">
              {t.incomeHistoryChartLabel(countryName, first.fiscalYearLabel, last.fiscalYearLabel)}
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
                  <th scope="row">{year.fiscalYearLabel}</th>
                  <td>{groupLabel(t, year.group)}</td>
                  <td>{year.sourceValue ?? '..'}</td>
                  <td>{year.gniYear ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
