import { useId } from 'react';
import { INCOME_GROUPS, type IncomeGroup } from '../../core/classifications.js';
import type { IncomeClassification } from '../../core/countries.js';
import { useT, type Messages } from '../i18n.js';
import { useChartWidth } from './chartWidth.js';
import { textWidth, timeTicks, wrapText } from './layout.js';
import { AXIS_TEXT, GRID, TEXT } from './palette.js';

/**
 * Colours of the income groups, ordinal from low to high, after viridis with its too-light yellow
 * end replaced by an orange: distinct for the common colour-vision deficiencies and each at least
 * 3.8:1 against white (WCAG 1.4.11 asks 3:1 for graphics). Position encodes the group too: each
 * group has its own row, labelled with its name, so the chart never relies on colour alone.
 */
export const INCOME_GROUP_COLOURS: Record<IncomeGroup, string> = {
  L: '#d55e00',
  LM: '#21918c',
  UM: '#3b528b',
  H: '#3b0f70',
};
const UNCLASSIFIED_COLOUR = '#b4b4b4';
const UNCLASSIFIED_STROKE = '#6b6b6b';

const LABEL_FONT = 11;
const LINE_HEIGHT = 13;
const TICK_FONT = 11;
const MIN_ROW = 20;
const AXIS_HEIGHT = 22;
const MAX_CELL = 16;
const MIN_STEP = 6;
/** The names of the rows take at most this share of the width; longer ones wrap. */
const MAX_LABEL_SHARE = 0.36;

type Run = { from: number; to: number; group: IncomeGroup | null };

/** Consecutive fiscal years in the same group, for the text summary ("FY89–FY07: Low income"). */
export function incomeRuns(history: readonly IncomeClassification[]): Run[] {
  const runs: Run[] = [];
  for (const year of history) {
    const last = runs.at(-1);
    if (last && last.group === year.group) last.to = year.fiscalYear;
    else runs.push({ from: year.fiscalYear, to: year.fiscalYear, group: year.group });
  }
  return runs;
}

/** The first and last fiscal years of a history, as the reader's language writes them. */
export function incomeHistorySpan(t: Messages, history: readonly IncomeClassification[]) {
  const [first, last] = [history[0], history.at(-1)];
  return { first: first ? t.fiscalYear(first.fiscalYear) : '', last: last ? t.fiscalYear(last.fiscalYear) : '' };
}

export function incomeGroupLabel(t: Messages, group: IncomeGroup | null): string {
  return group ? t.incomeGroups[group] : t.notClassified;
}

/**
 * The runs of a history in words: "FY89–FY07: Low income; FY08–FY25: Lower-middle income" (in French
 * and Spanish the years: "1989–2007 : Faible revenu").
 */
export function incomeSummary(t: Messages, history: readonly IncomeClassification[]): string {
  return incomeRuns(history)
    .map((run) => t.incomeHistoryRun(t.fiscalYear(run.from), t.fiscalYear(run.to), incomeGroupLabel(t, run.group)))
    .join('; ');
}

/**
 * The World Bank income group of one country for each fiscal year, as a strip of cells: one column
 * per year, one row per group (high at the top, each named at its left), plus a row for years
 * without a classification. Drawn at the width of its frame, with presentation attributes only,
 * so the downloaded image looks like the page.
 */
export function IncomeHistoryChart({
  history,
  label,
  description,
}: {
  history: readonly IncomeClassification[];
  label: string;
  description: string;
}) {
  const t = useT();
  const id = useId();
  const WIDTH = useChartWidth();
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return null;

  // Rows top to bottom: H, UM, LM, L, then "not classified".
  const rows: (IncomeGroup | null)[] = [...INCOME_GROUPS].reverse();
  rows.push(null);
  const names = rows.map((group) => incomeGroupLabel(t, group));
  const labelRoom = Math.min(
    Math.max(...names.map((name) => textWidth(name, LABEL_FONT, true))),
    WIDTH * MAX_LABEL_SHARE,
  );
  // wrapText measures regular text; the names are bold, about a tenth wider.
  const nameLines = names.map((name) => wrapText(name, labelRoom / 1.1, LABEL_FONT));
  const rowHeights = nameLines.map((lines) => Math.max(MIN_ROW, lines.length * LINE_HEIGHT + 6));
  const rowTops = rowHeights.map((_, i) => rowHeights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const plotLeft = Math.ceil(labelRoom) + 8;
  const years = last.fiscalYear - first.fiscalYear + 1;
  // Room after the last cell for half of its centred tick label ("FY25").
  const trailing = textWidth(t.fiscalYear(2000), TICK_FONT) / 2;
  const step = Math.max(MIN_STEP, (WIDTH - plotLeft - trailing) / years);
  const cell = Math.min(MAX_CELL, Math.max(MIN_STEP - 1, step - 2));
  const width = Math.max(WIDTH, plotLeft + years * step + trailing);
  const plotHeight = rowHeights.reduce((sum, h) => sum + h, 0);
  const height = plotHeight + AXIS_HEIGHT;
  const centreX = (fiscalYear: number) => plotLeft + (fiscalYear - first.fiscalYear) * step + step / 2;
  const rowCentre = (row: number) => (rowTops[row] ?? 0) + (rowHeights[row] ?? MIN_ROW) / 2;
  const ticks = timeTicks(
    [first.fiscalYear, last.fiscalYear],
    (years - 1) * step,
    { value: last.fiscalYear, label: t.fiscalYear(last.fiscalYear) },
    TICK_FONT,
    12,
  );
  // The first year is always labelled too, and a regular tick too close to it gives way.
  const tickRoom = textWidth(t.fiscalYear(2000), TICK_FONT) + 8;
  const tickYears = [
    first.fiscalYear,
    ...ticks.map((tick) => tick.value).filter((year) => (year - first.fiscalYear) * step >= tickRoom),
  ];

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      className="chart__svg"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {rows.map((group, row) => (
        <g key={group ?? 'none'}>
          <line x1={plotLeft} x2={width - trailing} y1={rowCentre(row)} y2={rowCentre(row)} stroke={GRID} />
          <text
            x={plotLeft - 8}
            y={rowCentre(row) - (((nameLines[row]?.length ?? 1) - 1) * LINE_HEIGHT) / 2}
            fontSize={LABEL_FONT}
            fontWeight={600}
            fill={TEXT}
            textAnchor="end"
            dominantBaseline="central"
          >
            {(nameLines[row] ?? []).map((line, index) => (
              <tspan key={line} x={plotLeft - 8} dy={index === 0 ? 0 : LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {history.map((year) => {
        const row = rows.indexOf(year.group);
        return (
          <rect
            key={year.fiscalYear}
            x={centreX(year.fiscalYear) - cell / 2}
            y={rowCentre(row) - cell / 2}
            width={cell}
            height={cell}
            rx={Math.min(2, cell / 4)}
            fill={year.group ? INCOME_GROUP_COLOURS[year.group] : UNCLASSIFIED_COLOUR}
            stroke={year.group ? 'none' : UNCLASSIFIED_STROKE}
          >
            <title>{`${t.fiscalYear(year.fiscalYear)}${t.colon}${incomeGroupLabel(t, year.group)}`}</title>
          </rect>
        );
      })}
      {tickYears.map((fiscalYear) => (
        <text
          key={fiscalYear}
          x={centreX(fiscalYear)}
          y={plotHeight + AXIS_HEIGHT - 6}
          fontSize={TICK_FONT}
          fill={AXIS_TEXT}
          textAnchor="middle"
        >
          {t.fiscalYear(fiscalYear)}
        </text>
      ))}
    </svg>
  );
}
