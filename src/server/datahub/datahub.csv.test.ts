import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { annualGrowthRate, percentChange, sharePercent } from '../../core/statistics.js';
import { wantsCsv } from './datahub.csv.js';

describe('CSV or JSON', () => {
  it.each([
    [undefined, 'text/csv', true],
    [undefined, 'text/csv, application/json', true],
    [undefined, 'application/json, text/csv', false],
    [undefined, '*/*', false],
    [undefined, undefined, false],
    ['json', 'text/csv', false],
    ['csv', 'application/json', true],
    [undefined, 'text/csv;q=0, application/json', false],
    [undefined, 'application/json;q=0.1, text/csv', true],
    [undefined, 'text/csvx', false],
  ] as const)('format=%s with Accept %s → CSV %s', (format, accept, expected) => {
    const request = { headers: accept ? { accept } : {} } as FastifyRequest;
    expect(wantsCsv(request, format)).toBe(expected);
  });
});

describe('growth arithmetic', () => {
  it('gives percentage changes, compound annual rates and shares, rounded to 4 decimals', () => {
    expect(percentChange(100, 110)).toBe(10);
    expect(percentChange(110, 99)).toBe(-10);
    expect(percentChange(3, 4)).toBe(33.3333);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(null, 5)).toBeNull();
    expect(annualGrowthRate(100, 121, 2)).toBe(10);
    expect(annualGrowthRate(100, 121, 0)).toBeNull();
    expect(annualGrowthRate(-1, 121, 2)).toBeNull();
    expect(sharePercent(1, 3)).toBe(33.3333);
    expect(sharePercent(1, 0)).toBeNull();
  });
});
