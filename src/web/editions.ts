import { comparePeriods } from './format.js';

/**
 * Where editions of one series disagree by much for the same period: a first estimate later revised
 * (WDI's October 2023 download has the Philippines' 2022 remittances at a quarter of the later
 * releases'). Charts draw editions side by side; this says in words where they part.
 */

export interface EditionSeries {
  /** What the series measures (editions are compared within one group only). */
  group: string;
  dataset: string;
  points: readonly { period: string; value: number | null }[];
}

export interface EditionGap {
  group: string;
  period: string;
  low: { dataset: string; value: number };
  high: { dataset: string; value: number };
}

/** The larger value is at least this many times the smaller: more than a revision's usual size. */
export const EDITION_GAP_RATIO = 1.5;

/** Periods where the highest and the lowest edition differ by EDITION_GAP_RATIO or more, latest first. */
export function editionGaps(series: readonly EditionSeries[], ratio = EDITION_GAP_RATIO): EditionGap[] {
  const byCell = new Map<string, { group: string; period: string; values: { dataset: string; value: number }[] }>();
  for (const s of series)
    for (const p of s.points) {
      if (p.value === null || p.value <= 0) continue;
      const key = `${s.group}\u0000${p.period}`;
      const cell = byCell.get(key) ?? { group: s.group, period: p.period, values: [] };
      cell.values.push({ dataset: s.dataset, value: p.value });
      byCell.set(key, cell);
    }
  const gaps: EditionGap[] = [];
  for (const cell of byCell.values()) {
    if (cell.values.length < 2) continue;
    const sorted = [...cell.values].sort((a, b) => a.value - b.value);
    const low = sorted[0];
    const high = sorted.at(-1);
    if (low && high && high.value >= low.value * ratio)
      gaps.push({ group: cell.group, period: cell.period, low, high });
  }
  return gaps.sort((a, b) => comparePeriods(b.period, a.period) || a.group.localeCompare(b.group));
}
