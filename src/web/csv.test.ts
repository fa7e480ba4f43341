import { describe, expect, it } from 'vitest';
import { quantileClasses } from './charts/classes.js';
import { slug } from './csv.js';

describe('the CSV behind a chart', () => {
  it('names files after their title', () => {
    expect(slug('Philippines : où vivent les émigrés, 2024')).toBe('philippines-ou-vivent-les-emigres-2024');
  });
});

describe('chart helpers', () => {
  it('make map classes from quantiles, rounded, ascending and distinct', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 1234);
    const classes = quantileClasses(values);
    expect(classes.thresholds.length).toBe(5);
    expect(classes.colours.length).toBe(6);
    expect([...classes.thresholds].sort((a, b) => a - b)).toEqual(classes.thresholds);
    expect(classes.thresholds[0]).toBe(21000);
    expect(quantileClasses([5, 5, 5]).thresholds).toEqual([]);
  });
});
