import { describe, expect, it } from 'vitest';
import type { Citation } from '../core/statistics.js';
import { wrapText } from './chartExport.js';
import { quantileClasses } from './charts/classes.js';
import { slug, toCsv, SOURCE_COLUMNS } from './csv.js';

const undesa: Citation = {
  dataset: 'undesa-ims-2024',
  family: 'undesa-ims',
  title: 'International Migrant Stock 2024',
  publisher: 'United Nations, DESA, Population Division',
  edition: 'Revision 2024',
  releaseDate: null,
  licence: 'CC BY 3.0 IGO',
  sourceUrl: null,
  citation: 'United Nations (2024). International Migrant Stock 2024, "Rev.2024".',
  caveats: null,
};
const population: Citation = { ...undesa, dataset: 'wdi-population', publisher: 'World Bank', licence: 'CC BY 4.0' };

describe('the CSV behind a chart', () => {
  it('ends every row with the source columns, quoting what needs it', () => {
    const csv = toCsv(
      {
        columns: ['partner', 'partner_name', 'total'],
        rows: [
          {
            cells: { partner: 'USA', partner_name: 'United States of America', total: 2263697 },
            sources: [undesa.dataset],
          },
          {
            cells: { partner: 'GBR', partner_name: 'United Kingdom, the', total: null },
            sources: [undesa.dataset, population.dataset],
          },
        ],
      },
      [undesa, population],
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(['partner', 'partner_name', 'total', ...SOURCE_COLUMNS].join(','));
    expect(lines[1]).toBe(
      'USA,United States of America,2263697,undesa-ims-2024,"United Nations, DESA, Population Division",Revision 2024,CC BY 3.0 IGO,"United Nations (2024). International Migrant Stock 2024, ""Rev.2024""."',
    );
    // A figure from two datasets names both, joined with " | ".
    expect(lines[2]).toContain('"United Kingdom, the",,undesa-ims-2024 | wdi-population,');
    expect(lines[2]).toContain('CC BY 3.0 IGO | CC BY 4.0');
    expect(lines[3]).toBe('');
  });

  it('names files after their title', () => {
    expect(slug('Philippines : où vivent les émigrés, 2024')).toBe('philippines-ou-vivent-les-emigres-2024');
  });
});

describe('chart helpers', () => {
  it('wrap a source line to the image width', () => {
    expect(wrapText('one two three four', 9, (l) => l.length)).toEqual(['one two', 'three', 'four']);
  });

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
