import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { annualGrowthRate, percentChange, ranked, sharePercent } from '../../core/statistics.js';
import { ApiError } from '../http/api-error.js';
import { answerFormat } from '../http/answer-format.js';

describe('CSV or JSON', () => {
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
  const choose = (format: 'json' | 'csv' | undefined, accept: string | undefined) => {
    const request = { headers: accept === undefined ? {} : { accept } } as FastifyRequest;
    const reply = { header: () => reply } as unknown as FastifyReply;
    try {
      return answerFormat(request, reply, format);
    } catch (err) {
      if (err instanceof ApiError) return err.statusCode;
      throw err;
    }
  };

  it.each([
    [undefined, 'text/csv', 'csv'],
    [undefined, 'text/csv, application/json', 'csv'],
    [undefined, 'application/json, text/csv', 'json'],
    [undefined, '*/*', 'json'],
    [undefined, undefined, 'json'],
    [undefined, '', 'json'],
    [undefined, 'text/*', 'csv'],
    [undefined, 'application/*', 'json'],
    [undefined, BROWSER, 'json'],
    [undefined, 'application/json;charset=utf-8', 'json'],
    [undefined, 'text/csv;charset=utf-8', 'csv'],
    ['json', 'text/csv', 'json'],
    ['csv', 'application/json', 'csv'],
    [undefined, 'text/csv;q=0, application/json', 'json'],
    [undefined, 'application/json;q=0.1, text/csv', 'csv'],
    [undefined, 'application/json;q=0, */*', 'csv'],
    // Neither JSON nor CSV: 406, unless format says which.
    [undefined, 'text/csvx', 406],
    [undefined, 'application/xml', 406],
    [undefined, 'image/png', 406],
    [undefined, '*/*;q=0', 406],
    ['csv', 'image/png', 'csv'],
    ['json', 'application/xml', 'json'],
  ] as const)('format=%s with Accept %j → %s', (format, accept, expected) => {
    expect(choose(format, accept)).toBe(expected);
  });
});

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
