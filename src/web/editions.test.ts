import { describe, expect, it } from 'vitest';
import { editionGaps, type EditionSeries } from './editions.js';

describe('editionGaps', () => {
  // The Philippines' remittances received, US$, as two bundled editions print them (the value sent is made up).
  const early: EditionSeries = {
    group: 'remittances_received',
    dataset: 'wdi-remittances-2023-10',
    points: [
      { period: '2021', value: 36685313168.0481 },
      { period: '2022', value: 9066861663.1763 },
    ],
  };
  const later: EditionSeries = {
    group: 'remittances_received',
    dataset: 'wdi-gdidata-2025',
    points: [
      { period: '2021', value: 36685313168.0481 },
      { period: '2022', value: 38048724464.3858 },
    ],
  };
  const sent: EditionSeries = {
    group: 'remittances_sent',
    dataset: 'wdi-gdidata-2025',
    points: [{ period: '2022', value: 1 }],
  };
  const series = [early, later, sent];

  it('finds the period where editions part, with the lowest and the highest edition', () => {
    expect(editionGaps(series)).toEqual([
      {
        group: 'remittances_received',
        period: '2022',
        low: { dataset: 'wdi-remittances-2023-10', value: 9066861663.1763 },
        high: { dataset: 'wdi-gdidata-2025', value: 38048724464.3858 },
      },
    ]);
  });

  it('leaves alone revisions smaller than the ratio, single editions and missing values', () => {
    expect(editionGaps(series, 5)).toEqual([]);
    expect(editionGaps([{ ...early, points: [{ period: '2022', value: null }] }, later])).toEqual([]);
    expect(editionGaps([later, sent])).toEqual([]);
  });
});
