import { describe, expect, it } from 'vitest';
import { wholeNumber } from './params.js';

describe('wholeNumber', () => {
  const limit = wholeNumber(1, 1000);
  const message = (text: string) => limit.safeParse(text).error?.issues[0]?.message;

  it('reads decimal digits, spaces around them ignored', () => {
    expect(limit.parse('16')).toBe(16);
    expect(limit.parse(' 1000 ')).toBe(1000);
    expect(limit.parse('007')).toBe(7);
  });

  it('refuses what is not plain digits, saying the range', () => {
    for (const text of ['0x10', '1e3', '12.0', '-5', 'abc', '1,000', 'Infinity'])
      expect(message(text), text).toBe('must be a whole number from 1 to 1000, in digits');
    expect(message('')).toBe('is empty; give a whole number from 1 to 1000');
  });

  it('says which bound a number passes', () => {
    expect(message('0')).toBe('must be at least 1 (a whole number from 1 to 1000)');
    expect(message('1001')).toBe('must be at most 1000 (a whole number from 1 to 1000)');
    expect(message('99999999999999999999999')).toBe('must be at most 1000 (a whole number from 1 to 1000)');
  });
});
