import { describe, expect, it } from 'vitest';
import { listSome } from './report-list.js';

describe('listSome', () => {
  it('lists every item up to the cap, then says how many more there are', () => {
    expect(listSome(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b, … and 1 more');
    const many = Array.from({ length: 12_002 }, (_, i) => `x${String(i)}`);
    expect(listSome(many, 2, '; ')).toBe('x0; x1; … and 12,000 more');
  });
});
