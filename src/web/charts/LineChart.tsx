import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { periodPosition } from '../format.js';
import { useChartWidth } from './chartWidth.js';
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

const MARGIN = { left: 78, right: 20, bottom: 30 };
const LEGEND_ROW = 20;
const LEGEND_FONT = 12;

/** Legend items laid out in rows that fit the width (label widths estimated from their length). */
function legendLayout(labels: readonly string[], width: number): { x: number; row: number }[] {
  const positions: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const label of labels) {
    const itemWidth = 34 + label.length * LEGEND_FONT * 0.56 + 18;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    positions.push({ x, row });
    x += itemWidth;
  }
  return positions;
}

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
  const WIDTH = useChartWidth();
  const PLOT_HEIGHT = Math.round(Math.min(280, Math.max(190, WIDTH * 0.4)));
  const legend = legendLayout(
    series.map((s) => s.label),
    WIDTH - MARGIN.left - MARGIN.right,
  );
  const legendRows = series.length > 0 ? Math.max(...legend.map((p) => p.row)) + 1 : 0;
  const top = 10 + legendRows * LEGEND_ROW + 10;
  const height = top + PLOT_HEIGHT + MARGIN.bottom;

  const points = series.flatMap((s) => s.points.filter((p) => p.value !== null && Number.isFinite(p.value)));
  const xs = points.map((p) => periodPosition(p.period)).filter(Number.isFinite);
  const ys = [...points.map((p) => p.value as number), ...referenceLines.map((r) => r.value)];
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const x = scaleLinear()
    .domain(xMin === xMax ? [xMin - 1, xMax + 1] : [xMin, xMax])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const yLow = Math.min(...ys);
  const yHigh = Math.max(...ys);
  const y = scaleLinear()
    .domain([includeZero ? Math.min(0, yLow) : yLow, yHigh === yLow ? yHigh + 1 : yHigh])
    .nice(5)
    .range([top + PLOT_HEIGHT, top]);
  const xTicks = x.ticks(Math.min(10, Math.max(2, Math.round(xMax - xMin)))).filter((v) => Number.isInteger(v));
  const yTicks = y.ticks(5);
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
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text
              x={MARGIN.left - 8}
              y={y(tick)}
              fontSize={11}
              fill={AXIS_TEXT}
              textAnchor="end"
              dominantBaseline="central"
            >
              {formatTick(tick)}
            </text>
          </g>
        ))}
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={top + PLOT_HEIGHT}
          y2={top + PLOT_HEIGHT}
          stroke={AXIS_TEXT}
        />
        {xTicks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top + PLOT_HEIGHT} y2={top + PLOT_HEIGHT + 5} stroke={AXIS_TEXT} />
            <text x={x(tick)} y={top + PLOT_HEIGHT + 18} fontSize={11} fill={AXIS_TEXT} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {referenceLines.map((ref) => (
          <g key={ref.label}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(ref.value)}
              y2={y(ref.value)}
              stroke="#7f1d1d"
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text
              x={MARGIN.left + 6}
              y={y(ref.value) - 5}
              fontSize={11}
              fontWeight={600}
              fill="#7f1d1d"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {ref.label}
            </text>
          </g>
        ))}
        {series.map((s, index) => {
          const style = seriesStyle(s.styleIndex ?? index);
          const position = legend[index] ?? { x: 0, row: 0 };
          const lx = MARGIN.left + position.x;
          const ly = 10 + position.row * LEGEND_ROW + LEGEND_ROW / 2;
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
                {s.label}
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
                  d={markerPath(style.marker, i % every === 0 || i === sorted.length - 1 ? 8 : 0.1)}
                  transform={`translate(${String(x(periodPosition(p.period)))},${String(y(p.value))})`}
                  fill={style.colour}
                  stroke="#ffffff"
                  strokeWidth={0.75}
                >
                  <title>{`${s.label}, ${p.period}: ${formatValue(p.value)}`}</title>
                </path>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
