import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useChartWidth } from './chartWidth.js';
import { AXIS_TEXT, BAR_FILL, FLAG_FILL, GRID, TEXT } from './palette.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A bar to single out (a corridor above the SDG ceiling): drawn hatched and labelled in words. */
  flag?: string;
  /** A second, smaller line under the label (an edition, a period). */
  detail?: string;
}

const ROW = 28;
const ROW_WITH_DETAIL = 38;
const TOP = 8;
const AXIS = 26;
function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * Horizontal bars, largest first as given, labelled with their value; long names are shortened
 * in the drawing (the full name is in the tooltip and the table). Flagged bars are hatched and
 * carry their flag in words, so the flag never rests on colour alone.
 */
export function BarChart({
  bars,
  label,
  description,
  formatValue,
  formatTick,
  referenceLines = [],
}: {
  bars: readonly Bar[];
  label: string;
  description: string;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  referenceLines?: readonly { value: number; label: string }[];
}) {
  const id = useId();
  const WIDTH = useChartWidth();
  const LABEL_WIDTH = Math.round(Math.min(250, Math.max(110, WIDTH * 0.3)));
  const VALUE_SPACE = Math.round(Math.min(190, Math.max(100, WIDTH * 0.22)));
  // About 7 px per character at 12 px (a safe average for Latin text).
  const maxLabel = Math.floor((LABEL_WIDTH - 12) / 7.2);
  const hasDetail = bars.some((b) => b.detail);
  const row = hasDetail ? ROW_WITH_DETAIL : ROW;
  const height = TOP + bars.length * row + AXIS + (referenceLines.length ? 16 : 0);
  const max = Math.max(0, ...bars.map((b) => b.value), ...referenceLines.map((r) => r.value));
  const x = scaleLinear()
    .domain([0, max || 1])
    .nice(4)
    .range([LABEL_WIDTH, WIDTH - VALUE_SPACE]);
  // About one tick per 80 px of plot, so tick labels never run into each other.
  const ticks = x.ticks(Math.max(2, Math.min(5, Math.floor((WIDTH - VALUE_SPACE - LABEL_WIDTH) / 80))));
  const plotTop = TOP + (referenceLines.length ? 16 : 0);
  const plotBottom = plotTop + bars.length * row;
  const patternId = `${id}-hatch`.replace(/[^a-zA-Z0-9_-]/g, '');

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
      <defs>
        <pattern id={patternId} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect width={6} height={6} fill={FLAG_FILL} />
          <line x1={0} y1={0} x2={0} y2={6} stroke="#ffffff" strokeWidth={2} />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={plotTop} y2={plotBottom} stroke={GRID} />
            <text x={x(tick)} y={plotBottom + 16} fontSize={11} fill={AXIS_TEXT} textAnchor="middle">
              {formatTick(tick)}
            </text>
          </g>
        ))}
      </g>
      {bars.map((bar, index) => {
        const y0 = plotTop + index * row;
        const barHeight = Math.min(18, row - 10);
        const barY = y0 + (hasDetail ? 6 : (row - barHeight) / 2);
        const end = x(Math.max(0, bar.value));
        return (
          <g key={bar.key}>
            <title>{`${bar.label}${bar.detail ? ` (${bar.detail})` : ''}: ${formatValue(bar.value)}${bar.flag ? ` — ${bar.flag}` : ''}`}</title>
            <text
              x={LABEL_WIDTH - 8}
              y={barY + barHeight / 2}
              fontSize={12}
              fill={TEXT}
              textAnchor="end"
              dominantBaseline="central"
            >
              {truncate(bar.label, maxLabel)}
            </text>
            {bar.detail && (
              <text x={LABEL_WIDTH - 8} y={barY + barHeight + 9} fontSize={10} fill={AXIS_TEXT} textAnchor="end">
                {truncate(bar.detail, Math.floor(maxLabel * 1.2))}
              </text>
            )}
            <rect
              x={LABEL_WIDTH}
              y={barY}
              width={Math.max(1, end - LABEL_WIDTH)}
              height={barHeight}
              fill={bar.flag ? `url(#${patternId})` : BAR_FILL}
              stroke={bar.flag ? FLAG_FILL : 'none'}
            />
            <text x={end + 6} y={barY + barHeight / 2} fontSize={12} fill={TEXT} dominantBaseline="central">
              {formatValue(bar.value)}
              {bar.flag && (
                <tspan fill="#9a3412" fontWeight={700}>
                  {` ▲ ${bar.flag}`}
                </tspan>
              )}
            </text>
          </g>
        );
      })}
      <g aria-hidden="true">
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={plotTop} y2={plotBottom} stroke={AXIS_TEXT} />
        {referenceLines.map((ref) => (
          <g key={ref.label}>
            <line
              x1={x(ref.value)}
              x2={x(ref.value)}
              y1={plotTop - 4}
              y2={plotBottom}
              stroke="#7f1d1d"
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text x={x(ref.value)} y={TOP + 8} fontSize={11} fill="#7f1d1d" textAnchor="middle">
              {ref.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
