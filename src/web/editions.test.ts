import { describe, expect, it } from 'vitest';
import { editionGaps, latestDisagreement, type EditionSeries } from './editions.js';

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

describe('latestDisagreement', () => {
  // India → United Arab Emirates, both sexes, as /api/corridors/IND/ARE gives the two revisions:
  // they differ in every year, by less than EDITION_GAP_RATIO.
  const revision2024: EditionSeries = {
    group: '_T',
    dataset: 'undesa-ims-2024',
    points: [
      { period: '2015', value: 2731583 },
      { period: '2020', value: 2861045 },
      { period: '2024', value: 3248545 },
    ],
  };
  const revision2020: EditionSeries = {
    group: '_T',
    dataset: 'undesa-ims-2020',
    points: [
      { period: '2015', value: 3184043 },
      { period: '2020', value: 3471300 },
    ],
  };

  it('finds the latest year two revisions give different figures for, which the gaps note leaves out', () => {
    expect(editionGaps([revision2024, revision2020])).toEqual([]);
    expect(latestDisagreement([revision2024, revision2020])).toEqual({
      period: '2020',
      values: [
        { dataset: 'undesa-ims-2024', value: 2861045 },
        { dataset: 'undesa-ims-2020', value: 3471300 },
      ],
    });
  });

  it('passes over the years the editions agree on, and says nothing when they share no year or agree', () => {
    const agreeing = {
      ...revision2020,
      points: [{ period: '2020', value: 2861045 }, ...revision2020.points.slice(0, 1)],
    };
    expect(latestDisagreement([revision2024, agreeing])?.period).toBe('2015');
    expect(latestDisagreement([revision2024, { ...agreeing, points: agreeing.points.slice(0, 1) }])).toBeNull();
    expect(latestDisagreement([revision2024])).toBeNull();
    expect(
      latestDisagreement([revision2024, { ...revision2020, points: [{ period: '2020', value: null }] }]),
    ).toBeNull();
  });
});
