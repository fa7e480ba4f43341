import { parse } from 'csv-parse/sync';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../core/statistics.js';
import { annualGrowthRate, percentChange, sharePercent } from '../../core/statistics.js';
import { presentCsv, wantsCsv } from './datahub.csv.js';

const cite = (dataset: string, licence: string): Citation => ({
  dataset,
  family: dataset,
  title: `Title of ${dataset}`,
  publisher: `Publisher, "${dataset}"`,
  edition: '2024',
  releaseDate: null,
  licence,
  sourceUrl: null,
  citation: `Citation of ${dataset}, with a comma`,
  caveats: null,
});

describe('CSV presenter', () => {
  it('ends every row with its sources, joining several with " | ", and quotes what needs it', () => {
    const text = presentCsv(
      {
        columns: ['area', 'value', 'note'],
        rows: [
          { cells: { area: 'PHL', value: 1.5, note: null }, sources: ['a'] },
          { cells: { area: 'MEX', value: 2, note: 'x, "y"' }, sources: ['a', 'b'] },
        ],
      },
      [cite('a', 'CC BY 4.0'), cite('b', 'CC BY 3.0 IGO')],
    );
    expect(text.split('\r\n')[0]).toBe('area,value,note,dataset,publisher,edition,licence,citation');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({
      area: 'PHL',
      value: '1.5',
      note: '',
      dataset: 'a',
      publisher: 'Publisher, "a"',
      edition: '2024',
      licence: 'CC BY 4.0',
      citation: 'Citation of a, with a comma',
    });
    expect(rows[1]).toMatchObject({
      note: 'x, "y"',
      dataset: 'a | b',
      licence: 'CC BY 4.0 | CC BY 3.0 IGO',
      citation: 'Citation of a, with a comma | Citation of b, with a comma',
    });
  });

  it.each([
    [undefined, 'text/csv', true],
    [undefined, 'text/csv, application/json', true],
    [undefined, 'application/json, text/csv', false],
    [undefined, '*/*', false],
    [undefined, undefined, false],
    ['json', 'text/csv', false],
    ['csv', 'application/json', true],
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
