import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { formatCompact } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { useChartWidth } from './chartWidth.js';
import {
  axisTickLabels,
  barLayout,
  fittingTicks,
  FLAG_MARK,
  flagText,
  labelRows,
  textWidth,
  wrapText,
  wrapTextEvenly,
} from './layout.js';
import { AXIS_TEXT, BAR_FILL, FLAG_FILL, GRID, TEXT } from './palette.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A bar to single out (a corridor above the SDG ceiling): drawn hatched and labelled in words. */
  flag?: string;
  /** A second, smaller line under the label (an edition, a period). */
  detail?: string;
  /** More about the detail, in its tooltip and the bar's (the members a group's coverage leaves out). */
  detailNote?: string;
  /**
   * What to draw instead of the label where a label would not fit whole ("PHL → USA" for a
   * corridor's two names): shortening "United Kingdom … → Philippines" would cut off the half
   * that tells two bars apart. The full label stays in the tooltip.
   */
  shortLabel?: string;
}

const ROW = 28;
const ROW_WITH_DETAIL = 38;
const TOP = 8;
const AXIS = 26;
const LABEL_FONT = 12;
const DETAIL_FONT = 10;
const TICK_FONT = 11;
const REF_FONT = 11;
const REF_ROW = 13;
/** A name too long for its room is set on two lines this far apart, and the rows grow to hold them. */
const NAME_LINE = 14;
const NAME_LINES = 2;
/** So is a detail (a group's coverage, "44 de 53 con datos", on a phone). */
const DETAIL_LINE = 12;
const DETAIL_LINES = 3;

/**
 * Horizontal bars, largest first as given, labelled with their value; long names are shortened
 * in the drawing (the full name is in the label's tooltip and the table). Flagged bars are hatched
 * and carry their flag in words (or its mark, ▲ unless `flagMark` says otherwise, where the words
 * don't fit), so the flag never rests
 * on colour alone. Value labels sit on a white ground, so a reference line under one doesn't
 * strike it through.
 */
export function BarChart({
  bars,
  label,
  description,
  formatValue,
  formatTick,
  referenceLines = [],
  flagMark = FLAG_MARK,
}: {
  bars: readonly Bar[];
  label: string;
  description: string;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  referenceLines?: readonly { value: number; label: string }[];
  flagMark?: string;
}) {
  const id = useId();
  const lang = useLang();
  const t = useT();
  const WIDTH = useChartWidth();
  const hasDetail = bars.some((b) => b.detail);
  const max = Math.max(0, ...bars.map((b) => b.value), ...referenceLines.map((r) => r.value));
  const domain = scaleLinear()
    .domain([0, max || 1])
    .nice(4)
    .domain();
  const domainMax = domain[1] ?? 1;
  const valueTexts = bars.map((b) => formatValue(b.value));
  const layout = barLayout({
    width: WIDTH,
    labels: bars,
    values: bars.map((b, i) => ({ value: b.value, text: valueTexts[i] ?? '', flag: b.flag })),
    domainMax,
    tickHalfWidth: textWidth(formatTick(domainMax), TICK_FONT) / 2,
    references: referenceLines.map((r) => ({ value: r.value, width: textWidth(r.label, REF_FONT) })),
    labelFont: LABEL_FONT,
    detailFont: DETAIL_FONT,
    flagMark,
  });
  const LABEL_WIDTH = layout.labelWidth;
  const nameWidth = LABEL_WIDTH - 14;
  const fullNames = bars.map((b) => wrapText(b.label, nameWidth, LABEL_FONT, NAME_LINES));
  // One bar's label cut short: every bar that has a short label draws it, so that they read alike.
  const shorten = bars.some((b, i) => b.shortLabel !== undefined && fullNames[i]?.join(' ') !== b.label);
  const names = bars.map((b, i) =>
    shorten && b.shortLabel !== undefined
      ? wrapText(b.shortLabel, nameWidth, LABEL_FONT, NAME_LINES)
      : (fullNames[i] ?? [b.label]),
  );
  const details = bars.map((b) => (b.detail ? wrapTextEvenly(b.detail, nameWidth, DETAIL_FONT, DETAIL_LINES) : []));
  // Each row as high as its name and detail need: one on two lines makes its own row taller, no other.
  const nameExtra = names.map((n) => (n.length - 1) * NAME_LINE);
  const rows = names.map(
    (_, i) =>
      (hasDetail ? ROW_WITH_DETAIL : ROW) +
      (nameExtra[i] ?? 0) +
      Math.max(0, (details[i]?.length ?? 0) - 1) * DETAIL_LINE,
  );
  const rowTops = rows.map((_, i) => rows.slice(0, i).reduce((sum, h) => sum + h, 0));
  const x = scaleLinear().domain(domain).range([LABEL_WIDTH, layout.plotRight]);
  // Ticks far enough apart that their labels never run into each other, in one style.
  const { ticks, labels: tickLabels } = fittingTicks(
    [0, domainMax],
    layout.plotRight - LABEL_WIDTH,
    (values) => axisTickLabels(values, formatTick, (v) => formatCompact(v, lang)),
    TICK_FONT,
  );
  const references = labelRows(
    referenceLines.map((r) => ({ x: x(r.value), width: textWidth(r.label, REF_FONT) })),
    WIDTH,
  );
  const referenceRows = references.length ? Math.max(...references.map((r) => r.row)) + 1 : 0;
  const plotTop = TOP + (referenceRows ? 16 + (referenceRows - 1) * REF_ROW : 0);
  const plotBottom = plotTop + rows.reduce((sum, h) => sum + h, 0);
  const height = plotBottom + AXIS;
  const patternId = `${id}-hatch`.replace(/[^a-zA-Z0-9_-]/g, '');
  const barGeometry = (index: number) => {
    const y0 = plotTop + (rowTops[index] ?? 0);
    const row = rows[index] ?? ROW;
    const barHeight = 18;
    // The name's extra lines reach as far above the bar as below it; the detail's go under it.
    const barY = y0 + (hasDetail ? 6 + (nameExtra[index] ?? 0) / 2 : (row - barHeight) / 2);
    return { barY, barHeight };
  };

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
        {ticks.map((tick, index) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={plotTop} y2={plotBottom} stroke={GRID} />
            <text x={x(tick)} y={plotBottom + 16} fontSize={TICK_FONT} fill={AXIS_TEXT} textAnchor="middle">
              {tickLabels[index]}
            </text>
          </g>
        ))}
      </g>
      {bars.map((bar, index) => {
        const { barY, barHeight } = barGeometry(index);
        const end = x(Math.max(0, bar.value));
        const name = names[index] ?? [bar.label];
        // Half the height of the name's lines below the bar's middle: where the detail starts.
        const nameBelow = ((name.length - 1) * NAME_LINE) / 2;
        const detail = details[index] ?? [];
        return (
          <g key={bar.key}>
            <title>{`${bar.label}${bar.detail ? ` (${bar.detail})` : ''}${t.colon}${valueTexts[index] ?? ''}${bar.flag ? ` — ${bar.flag}` : ''}${bar.detailNote ? `\n${bar.detailNote}` : ''}`}</title>
            <text x={LABEL_WIDTH - 8} fontSize={LABEL_FONT} fill={TEXT} textAnchor="end" dominantBaseline="central">
              {name.join(' ') !== bar.label && <title>{bar.label}</title>}
              {name.map((line, i) => (
                <tspan key={i} x={LABEL_WIDTH - 8} y={barY + barHeight / 2 - nameBelow + i * NAME_LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            {bar.detail && (
              <text
                x={LABEL_WIDTH - 8}
                y={barY + barHeight + 9 + nameBelow}
                fontSize={DETAIL_FONT}
                fill={AXIS_TEXT}
                textAnchor="end"
              >
                {(detail.join(' ') !== bar.detail || bar.detailNote) && (
                  <title>{bar.detailNote ? `${bar.detail}\n${bar.detailNote}` : bar.detail}</title>
                )}
                {detail.map((line, i) => (
                  <tspan key={i} x={LABEL_WIDTH - 8} dy={i === 0 ? 0 : DETAIL_LINE}>
                    {line}
                  </tspan>
                ))}
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
          </g>
        );
      })}
      <g aria-hidden="true">
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={plotTop} y2={plotBottom} stroke={AXIS_TEXT} />
        {referenceLines.map((ref, index) => {
          const place = references[index] ?? { x: x(ref.value), row: 0 };
          return (
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
              <text
                x={place.x}
                y={TOP + 8 + place.row * REF_ROW}
                fontSize={REF_FONT}
                fill="#7f1d1d"
                textAnchor="middle"
              >
                {ref.label}
              </text>
            </g>
          );
        })}
      </g>
      {bars.map((bar, index) => {
        const { barY, barHeight } = barGeometry(index);
        const text = valueTexts[index] ?? '';
        const flag = bar.flag ? flagText(bar.flag, layout.fullFlags, flagMark) : '';
        const start = x(Math.max(0, bar.value)) + 6;
        const labelWidth = textWidth(text, LABEL_FONT) + (flag ? textWidth(flag, LABEL_FONT, true) : 0);
        return (
          <g key={bar.key}>
            {/* A white ground under the value, so a reference line passing there doesn't cross it. */}
            <rect x={start - 2} y={barY + barHeight / 2 - 8} width={labelWidth + 4} height={16} fill="#ffffff" />
            <text x={start} y={barY + barHeight / 2} fontSize={LABEL_FONT} fill={TEXT} dominantBaseline="central">
              {text}
              {flag && (
                <tspan fill="#9a3412" fontWeight={700}>
                  {flag}
                </tspan>
              )}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
