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

export interface EditionDisagreement {
  period: string;
  /** Each edition's value for the period, in the order the series were given. */
  values: { dataset: string; value: number }[];
}

/**
 * The latest period for which editions of one measure give different values: revisions smaller
 * than EDITION_GAP_RATIO, which `editionGaps` leaves alone, still give a period two figures (UN
 * DESA's Revision 2024 re-estimates the 2020 of Revision 2020). Null when the editions
 * share no period or agree on every one they share.
 */
export function latestDisagreement(series: readonly EditionSeries[]): EditionDisagreement | null {
  const periods = new Map<string, { dataset: string; value: number }[]>();
  for (const s of series)
    for (const p of s.points) {
      if (p.value === null) continue;
      periods.set(p.period, [...(periods.get(p.period) ?? []), { dataset: s.dataset, value: p.value }]);
    }
  const differing = [...periods.entries()]
    .filter(([, values]) => values.length >= 2 && values.some((v) => v.value !== values[0]?.value))
    .sort(([a], [b]) => comparePeriods(b, a));
  const [period, values] = differing[0] ?? [];
  return period && values ? { period, values } : null;
}
