import { describe, expect, it } from 'vitest';
import { annualGrowthRate, percentChange, ranked, sharePercent } from './statistics.js';

describe('growth arithmetic', () => {
  it('gives percentage changes, compound annual rates and shares, rounded to 4 decimals', () => {
    expect(percentChange(100, 110)).toBe(10);
    expect(percentChange(110, 99)).toBe(-10);
    expect(percentChange(3, 4)).toBe(33.3333);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(null, 5)).toBeNull();
    // From a negative base (a net flow) the sign reads backwards: no % change at all.
    expect(percentChange(-186.8, 1872.5)).toBeNull();
    expect(percentChange(-913.5, -1555.5)).toBeNull();
    expect(percentChange(100, -50)).toBe(-150);
    expect(annualGrowthRate(100, 121, 2)).toBe(10);
    expect(annualGrowthRate(100, 121, 0)).toBeNull();
    expect(annualGrowthRate(-1, 121, 2)).toBeNull();
    expect(sharePercent(1, 3)).toBe(33.3333);
    expect(sharePercent(1, 0)).toBeNull();
  });

  it('ranks equal values alike (competition ranking)', () => {
    const ranks = (values: number[]) => ranked(values, (v) => v).map((r) => r.rank);
    expect(ranks([59, 59, 12, 12, 12, 3])).toEqual([1, 1, 3, 3, 3, 6]);
    expect(ranks([5, 4, 3])).toEqual([1, 2, 3]);
    expect(ranks([])).toEqual([]);
  });
});
