import { describe, expect, it } from 'vitest';
import { compareEditions, editionDate, familyTitle } from './catalogue.service.js';

/** The catalogue's ordering and naming rules, on ids and titles of the bundled datasets. */
describe('catalogue ordering and naming', () => {
  it('dates an edition by its release date, else by the year (and month or quarter) its id names', () => {
    expect(editionDate({ id: 'wdi-remittances-2023-10', releaseDate: '2023-10-26' })).toBe('2023-10-26');
    expect(editionDate({ id: 'undesa-ims-2024', releaseDate: null })).toBe('2024');
    expect(editionDate({ id: 'knomad-inflows-2023-12', releaseDate: null })).toBe('2023-12');
    expect(editionDate({ id: 'rpw-corridor-means-2025q1', releaseDate: null })).toBe('2025-01');
    expect(editionDate({ id: 'rpw-corridors-2020q3', releaseDate: null })).toBe('2020-07');
    expect(editionDate({ id: 'oecd-dioc-2015-age-education', releaseDate: null })).toBe('2015');
    expect(editionDate({ id: 'undesa-ims-2020-destination', releaseDate: null })).toBe('2020');
    expect(editionDate({ id: 'my-survey', releaseDate: null })).toBeNull();
    expect(editionDate({ id: 'survey-12345', releaseDate: null })).toBeNull();
  });

  it('puts the newest first, a year at its start, undated editions last, most recently loaded first', () => {
    const e = (id: string, releaseDate: string | null, loadedAt = '2026-01-01T00:00:00Z') => ({
      id,
      releaseDate,
      loadedAt,
    });
    const editions = [
      e('wdi-remittances-2023-10', '2023-10-26'),
      e('mine-a', null, '2026-01-01T00:00:00Z'),
      e('wdi-gdidata-2025', null),
      e('mine-b', null, '2026-02-01T00:00:00Z'),
      e('x-2023', null),
      e('x-2024', '2024-01-01'),
      e('x-2024b', null),
    ];
    expect([...editions].sort(compareEditions).map((d) => d.id)).toEqual([
      'wdi-gdidata-2025',
      'x-2024',
      'wdi-remittances-2023-10',
      'x-2023', // "2023" counts as the start of 2023: older than 2023-10-26
      'mine-b', // undated, loaded last
      'x-2024b', // no year in "2024b": undated; loaded with mine-a, so by id, descending
      'mine-a',
    ]);
  });

  it('orders editions of a family by the dates their ids name before any release date', () => {
    const e = (id: string, releaseDate: string | null) => ({ id, releaseDate, loadedAt: '2026-01-01T00:00:00Z' });
    // The 2020 edition came out in mid-2021 with a date; the 2021 edition has none: 2021 is the newer.
    const editions = [e('survey-2020', '2021-06-15'), e('survey-2021', null), e('survey-2019', '2020-05-01')];
    expect([...editions].sort(compareEditions).map((d) => d.id)).toEqual(['survey-2021', 'survey-2020', 'survey-2019']);
    // The same year in both ids: the release dates decide.
    expect(
      [e('survey-2021-first', '2021-03-01'), e('survey-2021-revised', '2021-09-01')]
        .sort(compareEditions)
        .map((d) => d.id),
    ).toEqual(['survey-2021-revised', 'survey-2021-first']);
  });

  it('names a family by its editions’ common title, and by all of them when they differ', () => {
    expect(
      familyTitle([
        { title: 'International Migrant Stock 2024: destination and origin, by sex' },
        { title: 'International Migrant Stock 2020: destination and origin, by sex' },
      ]),
    ).toBe('International Migrant Stock: destination and origin, by sex');
    expect(familyTitle([{ title: 'Population, total (WDI SP.POP.TOTL), 1960–2024' }])).toBe(
      'Population, total (WDI SP.POP.TOTL), 1960–2024',
    );
    // The grouping the review found: never named after its first edition alone.
    expect(
      familyTitle([
        { title: 'Personal remittances, received (current US$), World Development Indicators' },
        { title: 'Population, total (WDI SP.POP.TOTL), 1960–2024' },
      ]),
    ).toBe(
      'Personal remittances, received (current US$), World Development Indicators / Population, total (WDI SP.POP.TOTL), 1960–2024',
    );
  });
});
