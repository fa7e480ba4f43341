import { scaleLinear } from 'd3-scale';
import { tickIncrement } from 'd3-array';
import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

/**
 * Layout arithmetic shared by the charts: text widths, axis margins, tick choice, legend rows.
 * Everything is estimated from the text itself rather than measured in the DOM, so a chart draws
 * the same in the page, in a test and in a downloaded SVG or PNG.
 */

// Advance widths in em, rounded up from DejaVu Sans (the widest of the common UI sans fonts, and
// the one Linux browsers fall back to), so an estimate errs on the side of more room.
const NARROW = new Set([..." \u00a0\u202f.,:;!|'ijlI"]);
const SEMI_NARROW = new Set([...'ftr()[]-/\u2212']);
const WIDE = new Set([...'mwMW%@…—⚠']);

/** Estimated width in pixels of `text` set at `fontSize` px (bold text a little wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    if (NARROW.has(char)) em += 0.32;
    else if (SEMI_NARROW.has(char)) em += 0.42;
    else if (WIDE.has(char)) em += 0.98;
    else if (/[0-9$#_+=<>~]/.test(char)) em += 0.64;
    else if (/\p{Lu}/u.test(char)) em += 0.74;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** `text` shortened with an ellipsis so it fits `width` pixels; unchanged when it fits. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  let end = chars.length;
  while (end > 1 && textWidth(`${chars.slice(0, end).join('').trimEnd()}…`, fontSize, bold) > width) end -= 1;
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

/**
 * Spaces a line may break at: white space but the no-break spaces (U+00A0, U+2007, U+202F) that
 * keep "44 sur 46 avec données ; 7" from starting a line with its semicolon, or "US$ 125 bn" whole.
 */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/;

/** Greedy word wrap: the words of `text` in lines no wider than `width` as `measure` reckons them. */
export function wrapWords(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKING_SPACE).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Words of `text` in lines of at most `width` pixels (a word longer than a line is shortened); at
 * most `maxLines` of them, the last shortened with an ellipsis when the text goes on.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines = Infinity): string[] {
  const lines = wrapWords(text, width, (l) => textWidth(l, fontSize));
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(' ')] : lines;
  return kept.map((l) => fitText(l, width, fontSize));
}

/**
 * As `wrapText`, but with lines of even length: as many lines as `width` needs, each as short as
 * that many lines allow ("44 de 53 / con datos", not "44 de 53 con / datos"). Text that has to be
 * shortened to fit `maxLines` is wrapped as `wrapText` does.
 */
export function wrapTextEvenly(text: string, width: number, fontSize: number, maxLines = Infinity): string[] {
  const measure = (line: string) => textWidth(line, fontSize);
  const lines = wrapWords(text, width, measure);
  const fits = (w: number) => {
    const wrapped = wrapWords(text, w, measure);
    return wrapped.length <= lines.length && wrapped.every((l) => measure(l) <= w);
  };
  if (lines.length < 2 || lines.length > maxLines || !fits(width)) return wrapText(text, width, fontSize, maxLines);
  // The narrowest width that keeps the number of lines (fewer lines never come of a narrower one).
  let narrowest = width;
  let low = 0;
  while (narrowest - low >= 0.5) {
    const mid = (low + narrowest) / 2;
    if (fits(mid)) narrowest = mid;
    else low = mid;
  }
  return wrapWords(text, narrowest, measure);
}

/**
 * A value domain with round ends. Like d3's `nice`, except that a small excursion to the other
 * side of zero (a few slightly negative values in a series of billions) gets a small margin
 * rather than a whole tick step, so the axis doesn't spend a fifth of its height on nothing.
 */
export function niceDomain(low: number, high: number, count = 5): [number, number] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (low === high) return niceDomain(Math.min(0, low), low === 0 ? 1 : Math.max(0, high), count);
  const [niceLow = low, niceHigh = high] = scaleLinear().domain([low, high]).nice(count).domain();
  if (low >= 0 || high <= 0) return [niceLow, niceHigh];
  // Mixed signs: nice each side on the step of the larger one, the smaller side on a finer grain.
  const step = tickStep(Math.max(-low, high), count);
  // The margin is unlabelled (the ticks fall on multiples of the step), so past a third of a step
  // the whole step is taken and the end gets its tick.
  const smallSide = (v: number) => {
    const margin = Math.max(roundUp(v), step / 10);
    return margin > step / 3 ? step : margin;
  };
  const lower = -low < step ? -smallSide(-low) : niceLow;
  const upper = high < step ? smallSide(high) : niceHigh;
  return [lower, upper];
}

/** The tick step d3 would use for `0..extent` in about `count` ticks. */
function tickStep(extent: number, count: number): number {
  const increment = tickIncrement(0, extent, count);
  return increment > 0 ? increment : 1 / -increment;
}

/** `v` rounded up to 1, 2 or 5 times a power of ten. */
function roundUp(v: number): number {
  if (v <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(v));
  const mantissa = v / power;
  return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
}

/** Room to the left of a plot for right-aligned tick labels: the widest label, a gap, a little slack. */
export function axisLabelWidth(labels: readonly string[], fontSize: number, minimum = 32): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  return Math.ceil(Math.max(minimum, widest + 8 + 4));
}

export interface TimeTick {
  value: number;
  label: string;
  /** The label drawn this many px off its tick (a line's end made room beside the next end's label). */
  dx?: number;
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

/** Least room between two labels every one of which must be shown (the ends of lines), px. */
const END_GAP = 4;

/**
 * Ticks of a time axis in whole years, thinned so the labels never touch at the given plot width,
 * and always ending on the latest period (labelled as it is written, e.g. "2024" or "2025-Q1");
 * a regular tick too close to that last one is dropped instead. `ends` are periods the reader
 * must be able to find on the axis too (where a line stops short of the others: a revision that
 * ends on 2020 beside one that ends on 2024): each is labelled, and regular ticks give way to
 * them. An end a little too close to a later one has its label moved off its tick towards the
 * start (`dx`), never so far that the tick leaves the label's width; one closer still is left
 * out (its line's last marker still says where it stops).
 */
export function timeTicks(
  domain: readonly [number, number],
  plotWidth: number,
  last?: TimeTick,
  fontSize = 11,
  maxTicks = 10,
  ends: readonly TimeTick[] = [],
): TimeTick[] {
  const [start, end] = domain;
  const span = end - start;
  if (!(span > 0) || !(plotWidth > 0)) return last ? [last] : [];
  const perUnit = plotWidth / span;
  const yearWidth = textWidth(String(Math.round(end)), fontSize);
  const gap = 10;
  const step =
    YEAR_STEPS.find((s) => s * perUnit >= yearWidth + gap && span / s <= maxTicks) ??
    Math.ceil(span / maxTicks / 100) * 100;
  const ticks: TimeTick[] = [];
  for (let v = Math.ceil(start / step) * step; v <= end + 1e-9; v += step) ticks.push({ value: v, label: String(v) });
  if (!last) return ticks;
  // Where a label's middle is drawn, and how far it must stay from another's for both to read.
  const at = (t: TimeTick) => (t.value - start) * perUnit + (t.dx ?? 0);
  const room = (a: TimeTick, b: TimeTick, extra: number) =>
    (textWidth(a.label, fontSize) + textWidth(b.label, fontSize)) / 2 + extra;
  // Latest first: the axis's own end is always kept, then each earlier end that fits before those kept.
  const required: TimeTick[] = [last];
  const candidates = [...ends]
    .filter((e) => e.value >= start && e.value < last.value)
    .sort((a, b) => b.value - a.value);
  for (const e of candidates) {
    const shift = Math.max(0, ...required.map((r) => room(e, r, END_GAP) - (at(r) - at(e))));
    if (shift <= textWidth(e.label, fontSize) / 3) required.push(shift > 0 ? { ...e, dx: -shift } : e);
  }
  const kept = ticks.filter(
    (t) =>
      t.value < last.value && required.every((r) => r.value !== t.value && Math.abs(at(r) - at(t)) >= room(t, r, gap)),
  );
  return [...kept, ...required].sort((a, b) => a.value - b.value);
}

export interface LegendItem {
  x: number;
  /** Top of the item's row. */
  y: number;
  lines: string[];
}

/**
 * Legend items (a swatch then a label) laid out left to right in rows that fit `width`; a label
 * too long for a whole row is wrapped over several lines, each further line adding `lineHeight`
 * to its row. `height` is the height of all rows.
 */
export function legendLayout(
  labels: readonly string[],
  width: number,
  fontSize: number,
  rowHeight: number,
  lineHeight: number,
  swatch = 34,
  spacing = 18,
): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let x = 0;
  let rowTop = 0;
  let rowLines = 0;
  const rowSize = (lines: number) => (lines === 0 ? 0 : rowHeight + (lines - 1) * lineHeight);
  for (const label of labels) {
    const lines = wrapText(label, Math.max(40, width - swatch), fontSize);
    const itemWidth = swatch + Math.max(0, ...lines.map((l) => textWidth(l, fontSize))) + spacing;
    if (x > 0 && x + itemWidth - spacing > width) {
      x = 0;
      rowTop += rowSize(rowLines);
      rowLines = 0;
    }
    items.push({ x, y: rowTop, lines });
    rowLines = Math.max(rowLines, lines.length);
    x += itemWidth;
  }
  return { items, height: rowTop + rowSize(rowLines) };
}

/**
 * Tick labels of one axis in one style. The usual axis formatter writes small counts in full and
 * large ones compactly ("5,000" but "10K"); when the largest tick comes out compact, all ticks are
 * written compactly ("5K", "10K"), provided that keeps them distinct.
 */
export function axisTickLabels(
  ticks: readonly number[],
  format: (value: number) => string,
  compact?: (value: number) => string,
): string[] {
  const labels = ticks.map(format);
  if (!compact || ticks.length === 0) return labels;
  const largest = ticks.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  if (format(largest) !== compact(largest)) return labels;
  const compacted = ticks.map(compact);
  return new Set(compacted).size === compacted.length ? compacted : labels;
}

/**
 * Rows for labels centred on given x positions (reference-line labels above a plot): each label
 * goes in the first row where it keeps clear of the others, shifted to stay within 0..width.
 */
export function labelRows(
  labels: readonly { x: number; width: number }[],
  width: number,
  gap = 6,
): { x: number; row: number }[] {
  const rows: { left: number; right: number }[][] = [];
  return labels.map((label) => {
    const x = Math.min(Math.max(label.x, label.width / 2), width - label.width / 2);
    const left = x - label.width / 2;
    const right = x + label.width / 2;
    let row = rows.findIndex((r) => r.every((o) => right + gap <= o.left || left >= o.right + gap));
    if (row < 0) {
      row = rows.length;
      rows.push([]);
    }
    rows[row]?.push({ left, right });
    return { x, row };
  });
}

/** Where a label's glyphs reach above and below its baseline, in ems (DejaVu Sans, rounded up). */
const ASCENT = 0.8;
const DESCENT = 0.25;

/**
 * Places (left end and baseline) for the labels of horizontal reference lines on a line chart
 * (SDG 10.c's 3 % and 5 %), each at the plot's left just above its line, unless there it would run
 * into a label already placed or have another line through it: then just under its line where the
 * plot has room above its axis (`bottom`), else in the row above the line that would cross it,
 * after the labels already there. Lines close together (3 % and 5 % on a scale to 40 %) so keep
 * their labels apart and whole, each beside its own line where the plot allows.
 */
export function referenceLabelPlaces(
  lines: readonly { y: number; width: number }[],
  plot: { left: number; right: number; bottom: number },
  fontSize: number,
  gap = 4,
): { x: number; y: number }[] {
  const up = ASCENT * fontSize;
  const down = DESCENT * fontSize;
  type Box = { left: number; right: number; top: number; bottom: number };
  const box = (x: number, baseline: number, width: number): Box => ({
    left: x,
    right: x + width,
    top: baseline - up,
    bottom: baseline + down,
  });
  const placed: Box[] = [];
  const clear = (b: Box) =>
    placed.every((o) => b.right + gap <= o.left || o.right + gap <= b.left || b.bottom <= o.top || o.bottom <= b.top);
  const places: { x: number; y: number }[] = lines.map((line) => ({ x: plot.left, y: line.y - 5 }));
  // The highest line first: its label keeps the place above it; the next ones make room.
  const order = lines.map((line, index) => ({ ...line, index })).sort((a, b) => a.y - b.y);
  for (const line of order) {
    const crossing = (b: Box) => lines.filter((o, i) => i !== line.index && o.y > b.top - 1 && o.y < b.bottom + 1);
    const above = line.y - 5;
    const below = line.y + 3 + up;
    const candidates = [
      { x: plot.left, y: above },
      // Under its line, the baseline above the axis (a descender may touch it).
      ...(below <= plot.bottom - 1 ? [{ x: plot.left, y: below }] : []),
    ];
    let place = candidates.find((c) => {
      const b = box(c.x, c.y, line.width);
      return clear(b) && crossing(b).length === 0;
    });
    if (!place) {
      // Raised above every line that would cross it, after the labels already at that height.
      let baseline = above;
      for (let crossed = crossing(box(plot.left, baseline, line.width)); crossed.length;) {
        baseline = Math.min(...crossed.map((o) => o.y)) - 5;
        crossed = crossing(box(plot.left, baseline, line.width));
      }
      const row = box(plot.left, baseline, line.width);
      const after = Math.max(
        plot.left,
        ...placed.filter((o) => o.top < row.bottom && row.top < o.bottom).map((o) => o.right + 3 * gap),
      );
      place = { x: Math.min(after, Math.max(plot.left, plot.right - line.width)), y: baseline };
    }
    placed.push(box(place.x, place.y, line.width));
    places[line.index] = place;
  }
  return places;
}

/**
 * Places for marks of `size` pixels that would sit on given points (a map's marks on its countries'
 * centroids) such that no two overlap: each mark stays on its point where it can, and marks that
 * would collide are pushed apart by d3-force's collision force while each is pulled back to its
 * own point, the harder the larger its `weight` (a country's area: the small neighbour's mark
 * moves). The same input gives the same places (d3-force's jiggle is seeded).
 */
export function spreadMarks(
  points: readonly { x: number; y: number; weight?: number }[],
  size: number,
): { x: number; y: number }[] {
  const nodes: SimulationNodeDatum[] = points.map((p) => ({ x: p.x, y: p.y }));
  // Pull from 0.05 for the lightest to 0.5 for the heaviest, by rank.
  const ranks = new Map(
    points
      .map((p, i) => ({ i, w: p.weight ?? 0 }))
      .sort((a, b) => a.w - b.w)
      .map(({ i }, rank) => [i, points.length > 1 ? rank / (points.length - 1) : 1]),
  );
  const pull = (i: number) => 0.05 + 0.45 * (ranks.get(i) ?? 1);
  forceSimulation(nodes)
    .force(
      'x',
      forceX<SimulationNodeDatum>((_, i) => points[i]?.x ?? 0).strength((_, i) => pull(i)),
    )
    .force(
      'y',
      forceY<SimulationNodeDatum>((_, i) => points[i]?.y ?? 0).strength((_, i) => pull(i)),
    )
    .force('collide', forceCollide(size / 2 + 1).iterations(4))
    .stop()
    .tick(300);
  return nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
}

export interface BarLayoutInput {
  width: number;
  /** Category names and their optional detail lines. */
  labels: readonly { label: string; detail?: string }[];
  /** Each bar's value, its value label as drawn, and its flag (words after the value), if any. */
  values: readonly { value: number; text: string; flag?: string }[];
  /** The upper end of the (nice) value domain. */
  domainMax: number;
  /** Half the width of the widest x tick label: the last tick's label must fit at the right. */
  tickHalfWidth: number;
  /** Reference lines whose labels are centred on them above the plot. */
  references?: readonly { value: number; width: number }[];
  labelFont?: number;
  detailFont?: number;
  valueFont?: number;
  /** The flags' mark (FLAG_MARK unless given). */
  flagMark?: string;
}

export interface BarLayout {
  /** Right edge of the category names, where the bars start. */
  labelWidth: number;
  /** Right edge of the value axis. */
  plotRight: number;
  /** Whether flags are written out in full after the value, or as their mark only. */
  fullFlags: boolean;
}

/**
 * The mark of a flag that says a value is past a threshold (a corridor above the SDG ceiling); a
 * value to check before use (a cost below 0 % or above 30 %) has a warning sign instead, so one
 * symbol never means two things, nor the ascending sort of a table's heading.
 */
export const FLAG_MARK = '▲';
export const WARNING_MARK = '⚠';

/** `" ▲ words"` after a bar's value, or just `" ▲"` where the words don't fit. */
export function flagText(flag: string, full: boolean, mark = FLAG_MARK): string {
  return full ? ` ${mark} ${flag}` : ` ${mark}`;
}

/** The least width in which `text` goes on two lines (or one): the widest line of its best split. */
function twoLineWidth(text: string, fontSize: number): number {
  const words = text.split(BREAKING_SPACE).filter(Boolean);
  let best = textWidth(text, fontSize);
  for (let i = 1; i < words.length; i++)
    best = Math.min(
      best,
      Math.max(textWidth(words.slice(0, i).join(' '), fontSize), textWidth(words.slice(i).join(' '), fontSize)),
    );
  return best;
}

/**
 * Horizontal space of a bar chart: as much room for the category names as they need (up to about
 * two fifths of the width), and a value axis reaching as far right as the value labels allow,
 * each label fitting after its own bar rather than a fixed margin for the largest. Where that
 * leaves too narrow a plot, flags shrink to their mark, then the names give way: to the room they
 * need on two lines, or as much of it as the plot leaves (a name that does not fit is shortened,
 * with the full name in a tooltip).
 */
export function barLayout(input: BarLayoutInput): BarLayout {
  const { width, labels, values, domainMax, tickHalfWidth, references = [] } = input;
  const labelFont = input.labelFont ?? 12;
  const detailFont = input.detailFont ?? 10;
  const valueFont = input.valueFont ?? 12;
  const nameNeed = Math.max(
    0,
    ...labels.map((l) => Math.max(textWidth(l.label, labelFont), l.detail ? textWidth(l.detail, detailFont) : 0)),
  );
  // The room the names need set on two lines at most (a chart sets a longer name so: BarChart).
  const twoLineNeed = Math.max(
    0,
    ...labels.map((l) => Math.max(twoLineWidth(l.label, labelFont), l.detail ? textWidth(l.detail, detailFont) : 0)),
  );
  const minPlot = width * 0.35;
  const wanted = Math.ceil(Math.min(Math.max(nameNeed + 14, 60), width * 0.42));
  const wantedOnTwoLines = Math.ceil(Math.min(Math.max(twoLineNeed + 14, 60), width * 0.42));
  const squeezed = Math.round(Math.min(wanted, Math.max(80, width * 0.28)));
  const plotRightFor = (labelWidth: number, fullFlags: boolean) => {
    let right = width - tickHalfWidth - 2;
    for (const v of values) {
      if (!(v.value > 0) || !(domainMax > 0)) continue;
      const need =
        6 +
        textWidth(v.text, valueFont) +
        (v.flag ? textWidth(flagText(v.flag, fullFlags, input.flagMark), valueFont, true) : 0) +
        4;
      right = Math.min(right, labelWidth + ((width - need - labelWidth) * domainMax) / v.value);
    }
    for (const r of references) {
      if (!(r.value > 0) || !(domainMax > 0)) continue;
      right = Math.min(right, labelWidth + ((width - r.width / 2 - 2 - labelWidth) * domainMax) / r.value);
    }
    return Math.floor(right);
  };
  const fits = (labelWidth: number) => plotRightFor(labelWidth, false) - labelWidth >= minPlot;
  // The widest room for names, up to what they need on two lines, that still leaves the plot its share.
  let twoLines = squeezed;
  for (let high = Math.max(squeezed, wantedOnTwoLines); twoLines < high;) {
    const mid = Math.ceil((twoLines + high) / 2);
    if (fits(mid)) twoLines = mid;
    else high = mid - 1;
  }
  const options: [number, boolean][] = [
    [wanted, true],
    [wanted, false],
    [twoLines, false],
  ];
  for (const [labelWidth, fullFlags] of options) {
    const plotRight = plotRightFor(labelWidth, fullFlags);
    if (plotRight - labelWidth >= minPlot) return { labelWidth, plotRight, fullFlags };
  }
  const plotRight = Math.max(plotRightFor(squeezed, false), Math.round(squeezed + minPlot));
  return { labelWidth: squeezed, plotRight, fullFlags: false };
}

/**
 * As many ticks (up to `maxCount`) as the axis has room for: the densest of d3's tick sets for
 * `domain` whose labels, `labelsFor` them, keep a gap between neighbours at `plotWidth` pixels.
 * Where none fits (a phone, long labels), the two ends of the axis if they do (a nice domain ends
 * on a round value), so the axis still says how far it goes; else its start alone.
 */
export function fittingTicks(
  domain: readonly [number, number],
  plotWidth: number,
  labelsFor: (ticks: readonly number[]) => string[],
  fontSize: number,
  maxCount = 5,
  gap = 12,
): { ticks: number[]; labels: string[] } {
  const scale = scaleLinear().domain(domain).range([0, plotWidth]);
  // Two ticks printed alike ("US$ 0" at 0 and at 0.2, an axis over values that are all zero) would
  // say the axis stands still: labels must all differ, and fit.
  const fits = (ticks: readonly number[], labels: readonly string[]) =>
    new Set(labels).size === labels.length &&
    Math.abs(scale(ticks[1] ?? 0) - scale(ticks[0] ?? 0)) >=
      Math.max(0, ...labels.map((l) => textWidth(l, fontSize))) + gap;
  for (let count = maxCount; count >= 1; count -= 1) {
    const ticks = scale.ticks(count);
    if (ticks.length < 2) break;
    const labels = labelsFor(ticks);
    if (fits(ticks, labels)) return { ticks, labels };
  }
  const [start, end] = domain;
  const ends = [start, end];
  const endLabels = labelsFor(ends);
  if (end > start && fits(ends, endLabels)) return { ticks: ends, labels: endLabels };
  return { ticks: [start], labels: labelsFor([start]) };
}
