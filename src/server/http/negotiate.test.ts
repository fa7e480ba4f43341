import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../../../tests/helpers/api-error.js';
import { negotiate, parseAccept, type Offer } from './negotiate.js';

// Two formats, as the data hub offers them: JSON (the default) and CSV.
const OFFERS: Offer<'json' | 'csv'>[] = [
  { format: 'json', accepts: (r) => ['application/json', 'application/*', '*/*'].includes(r.type) },
  { format: 'csv', accepts: (r) => ['text/csv', 'text/*', '*/*'].includes(r.type) },
];
const SUPPORTED = ['application/json', 'text/csv'];
const pick = (accept?: string) => negotiate(accept, OFFERS, SUPPORTED);

describe('Accept headers', () => {
  it('orders ranges by quality, then specificity, then as written', () => {
    expect(parseAccept('text/csv;q=0.5, application/json').map((r) => r.type)).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(parseAccept('*/*, text/*, text/csv, application/json').map((r) => r.type)).toEqual([
      'text/csv',
      'application/json',
      'text/*',
      '*/*',
    ]);
  });

  it('reads parameters in lower-case names, unquoted, without q', () => {
    const [range] = parseAccept('Text/CSV; Labels="both"; q=0.7');
    expect(range).toMatchObject({ type: 'text/csv', params: { labels: 'both' }, q: 0.7 });
  });

  it('refuses a quality that is not a qvalue, naming the header', () => {
    for (const q of ['abc', '2', '0.5000', '-1', '', '1.5'])
      expect(() => parseAccept(`text/csv;q=${q}`), q).toThrow(
        expect.objectContaining({ statusCode: 400, details: [expect.objectContaining({ field: 'Accept' })] }),
      );
    expect(parseAccept('text/csv;q=0.125, */*;q=1.000').map((r) => r.q)).toEqual([1, 0.125]);
  });

  it('keeps the refusals (q=0) apart', () => {
    expect(parseAccept('text/csv;q=0, */*').map((r) => r.type)).toEqual(['*/*']);
    expect(parseAccept('text/csv;q=0, */*', true).map((r) => r.type)).toEqual(['text/csv']);
  });
});

describe('negotiation', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['text/csv', 'csv'],
    ['text/*', 'csv'],
    ['application/pdf, text/csv;q=0.5', 'csv'],
    ['*/*;q=0.1, text/csv', 'csv'],
    ['text/csv;q=0.5, application/json', 'json'],
    // A refused type (q=0) is not given for a broader range.
    ['application/json;q=0, */*', 'csv'],
  ])('%s → %s', (accept, format) => {
    expect(pick(accept).format).toBe(format);
  });

  it('gives the range that chose, whose parameters may say more', () => {
    expect(pick('text/csv;labels=both').range?.params).toEqual({ labels: 'both' });
    expect(pick(undefined).range).toBeNull();
  });

  it.each(['application/xml', 'image/png, application/pdf', 'application/json;q=0, text/csv;q=0'])(
    'answers %s with 406 listing what can be had',
    (accept) => {
      const err = apiErrorOf(() => pick(accept));
      expect(err.statusCode).toBe(406);
      expect(err.details).toEqual([{ field: 'Accept', message: 'supported: application/json, text/csv' }]);
    },
  );
});
