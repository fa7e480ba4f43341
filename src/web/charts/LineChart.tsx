import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { formatCompact, formatPeriod, periodPosition } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { useChartWidth } from './chartWidth.js';
import {
  axisLabelWidth,
  axisTickLabels,
  legendLayout,
  niceDomain,
  referenceLabelPlaces,
  textWidth,
  timeTicks,
} from './layout.js';
import { AXIS_TEXT, GRID, TEXT, markerPath, seriesStyle } from './palette.js';

export interface LineSeries {
  key: string;
  label: string;
  points: readonly { period: string; value: number | null }[];
  /** Index into the series styles; the series' position when absent. */
  styleIndex?: number;
}

export interface ReferenceLine {
  value: number;
  label: string;
}

const MARGIN = { right: 20, bottom: 30 };
const LEGEND_ROW = 20;
const LEGEND_LINE = 15;
const LEGEND_FONT = 12;
const TICK_FONT = 11;
const REF_FONT = 11;
/** Below this width the legend starts at the left edge rather than above the plot, for room. */
const NARROW = 560;

/**
 * Lines over time, one per series, each with its own colour, dash and marker, a legend drawn in
 * the SVG (so downloaded images keep it), optional horizontal reference lines (SDG targets), and
 * a native tooltip on every point. Periods may be years, half-years or quarters.
 */
export function LineChart({
  series,
  label,
  description,
  formatTick,
  formatValue,
  referenceLines = [],
  includeZero = true,
}: {
  series: readonly LineSeries[];
  /** The accessible name of the chart (its title). */
  label: string;
  /** A sentence summing up what it shows, for screen readers. */
  description: string;
  formatTick: (value: number) => string;
  formatValue: (value: number) => string;
  referenceLines?: readonly ReferenceLine[];
  includeZero?: boolean;
}) {
  const id = useId();
  const lang = useLang();
  const t = useT();
  const WIDTH = useChartWidth();
  const PLOT_HEIGHT = Math.round(Math.min(280, Math.max(190, WIDTH * 0.4)));

  const points = series.flatMap((s) => s.points.filter((p) => p.value !== null && Number.isFinite(p.value)));
  const xs = points.map((p) => periodPosition(p.period)).filter(Number.isFinite);
  const ys = [...points.map((p) => p.value as number), ...referenceLines.map((r) => r.value)];
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  // The latest period is always labelled, as the language writes it ("2024", "Q1 2025", "T1 2025").
  const latest = points.find((p) => periodPosition(p.period) === xMax)?.period;
  const lastPeriod = latest === undefined ? undefined : formatPeriod(latest, lang);
  // Where each line stops short of the axis's end (a revision to 2020 beside one to 2024): that
  // period is labelled too, so the reader sees where the line ends and not a year near it.
  const lineEnds = new Map<number, string>();
  for (const s of series) {
    const ends = s.points.filter((p) => p.value !== null && Number.isFinite(p.value));
    const end = ends.reduce<string | undefined>(
      (a, p) => (a === undefined || periodPosition(p.period) > periodPosition(a) ? p.period : a),
      undefined,
    );
    const at = end === undefined ? Number.NaN : periodPosition(end);
    if (end !== undefined && Number.isFinite(at) && at < xMax) lineEnds.set(at, formatPeriod(end, lang));
  }

  // The y axis first: its widest tick label sets the left margin.
  const yLow = Math.min(...ys);
  const yHigh = Math.max(...ys);
  const yDomain = niceDomain(includeZero ? Math.min(0, yLow) : yLow, yHigh === yLow ? yHigh + 1 : yHigh, 5);
  const yTicks = scaleLinear().domain(yDomain).ticks(5);
  const yLabels = axisTickLabels(yTicks, formatTick, (v) => formatCompact(v, lang));
  const left = axisLabelWidth(yLabels, TICK_FONT);
  const right = Math.max(MARGIN.right, Math.ceil(textWidth(lastPeriod ?? '', TICK_FONT) / 2) + 4);

  const legendLeft = WIDTH < NARROW ? 4 : left;
  const legend = legendLayout(
    series.map((s) => s.label),
    WIDTH - legendLeft - right,
    LEGEND_FONT,
    LEGEND_ROW,
    LEGEND_LINE,
  );
  const top = 10 + legend.height + 10;
  const height = top + PLOT_HEIGHT + MARGIN.bottom;

  const xDomain: [number, number] = xMin === xMax ? [xMin - 1, xMax + 1] : [xMin, xMax];
  const x = scaleLinear()
    .domain(xDomain)
    .range([left, WIDTH - right]);
  const y = scaleLinear()
    .domain(yDomain)
    .range([top + PLOT_HEIGHT, top]);
  const xTicks = timeTicks(
    xDomain,
    WIDTH - right - left,
    lastPeriod === undefined ? undefined : { value: xMax, label: lastPeriod },
    TICK_FONT,
    undefined,
    [...lineEnds].map(([value, label]) => ({ value, label })),
  );
  // Labels of lines close together (3 % and 5 % on a scale to 40 %) kept apart, each by its line.
  const referencePlaces = referenceLabelPlaces(
    referenceLines.map((ref) => ({ y: y(ref.value), width: textWidth(ref.label, REF_FONT, true) })),
    { left: left + 6, right: WIDTH - right, bottom: top + PLOT_HEIGHT },
    REF_FONT,
  );
  const path = line<{ period: string; value: number | null }>()
    .defined((p) => p.value !== null && Number.isFinite(p.value) && Number.isFinite(periodPosition(p.period)))
    .x((p) => x(periodPosition(p.period)))
    .y((p) => y(p.value ?? 0));

  return (
    <svg
      viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
      className="chart__svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {yTicks.map((tick, index) => (
          <g key={tick}>
            <line x1={left} x2={WIDTH - right} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text
              x={left - 8}
              y={y(tick)}
              fontSize={TICK_FONT}
              fill={AXIS_TEXT}
              textAnchor="end"
              dominantBaseline="central"
            >
              {yLabels[index]}
            </text>
          </g>
        ))}
        <line x1={left} x2={WIDTH - right} y1={top + PLOT_HEIGHT} y2={top + PLOT_HEIGHT} stroke={AXIS_TEXT} />
        {xTicks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={x(tick.value)}
              x2={x(tick.value)}
              y1={top + PLOT_HEIGHT}
              y2={top + PLOT_HEIGHT + 5}
              stroke={AXIS_TEXT}
            />
            <text
              x={x(tick.value) + (tick.dx ?? 0)}
              y={top + PLOT_HEIGHT + 18}
              fontSize={TICK_FONT}
              fill={AXIS_TEXT}
              textAnchor="middle"
            >
              {tick.label}
            </text>
          </g>
        ))}
        {referenceLines.map((ref) => (
          <line
            key={ref.label}
            x1={left}
            x2={WIDTH - right}
            y1={y(ref.value)}
            y2={y(ref.value)}
            stroke="#7f1d1d"
            strokeWidth={1.5}
            strokeDasharray="6 4"
          />
        ))}
        {series.map((s, index) => {
          const style = seriesStyle(s.styleIndex ?? index);
          const item = legend.items[index] ?? { x: 0, y: 0, lines: [s.label] };
          const lx = legendLeft + item.x;
          const ly = 10 + item.y + LEGEND_ROW / 2;
          return (
            <g key={s.key}>
              <line
                x1={lx}
                x2={lx + 26}
                y1={ly}
                y2={ly}
                stroke={style.colour}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
              />
              <path
                d={markerPath(style.marker, 8)}
                transform={`translate(${String(lx + 13)},${String(ly)})`}
                fill={style.colour}
              />
              <text x={lx + 32} y={ly} fontSize={LEGEND_FONT} fill={TEXT} dominantBaseline="central">
                {item.lines.length > 1 || item.lines[0] !== s.label ? <title>{s.label}</title> : null}
                {item.lines.map((text, line) => (
                  <tspan key={line} x={lx + 32} dy={line === 0 ? 0 : LEGEND_LINE}>
                    {text}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </g>
      {series.map((s, index) => {
        const style = seriesStyle(s.styleIndex ?? index);
        const sorted = [...s.points].sort((a, b) => periodPosition(a.period) - periodPosition(b.period));
        // Many points (quarters over a decade): markers every few points, so the line stays legible.
        const every = sorted.length > 24 ? Math.ceil(sorted.length / 12) : 1;
        const defined = (i: number) => {
          const value = sorted[i]?.value;
          return value !== null && value !== undefined && Number.isFinite(value);
        };
        // A value with none beside it (a series' only one, or one between gaps) has no line to
        // show it: its marker is always drawn, else the series would draw nothing there.
        const alone = (i: number) => !defined(i - 1) && !defined(i + 1);
        return (
          <g key={s.key}>
            <path
              d={path(sorted) ?? ''}
              fill="none"
              stroke={style.colour}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
            />
            {sorted.map((p, i) =>
              p.value === null || !Number.isFinite(p.value) ? null : (
                <path
                  key={p.period}
                  d={markerPath(style.marker, i % every === 0 || i === sorted.length - 1 || alone(i) ? 8 : 0.1)}
                  transform={`translate(${String(x(periodPosition(p.period)))},${String(y(p.value))})`}
                  fill={style.colour}
                  stroke="#ffffff"
                  strokeWidth={0.75}
                >
                  <title>{`${s.label}, ${formatPeriod(p.period, lang)}${t.colon}${formatValue(p.value)}`}</title>
                </path>
              ),
            )}
          </g>
        );
      })}
      {/* The reference lines' labels over the series, so that a line crossing one leaves it readable. */}
      {referenceLines.map((ref, index) => (
        <text
          key={ref.label}
          x={referencePlaces[index]?.x ?? left + 6}
          y={referencePlaces[index]?.y ?? y(ref.value) - 5}
          fontSize={REF_FONT}
          fontWeight={600}
          fill="#7f1d1d"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
          aria-hidden="true"
        >
          {ref.label}
        </text>
      ))}
    </svg>
  );
}
