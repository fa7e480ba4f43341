import { describe, expect, it } from 'vitest';
import type { Citation } from '../core/statistics.js';
import { shortDatasetLabel } from './sources.js';

const cite = (dataset: string, family: string, publisher = 'Publisher'): Citation => ({
  dataset,
  family,
  title: 'Title',
  publisher,
  edition: 'Edition',
  releaseDate: null,
  licence: 'CC BY 4.0',
  sourceUrl: null,
  citation: 'Citation',
  caveats: null,
});

describe('shortDatasetLabel', () => {
  it('names an edition by its publisher and what follows its family', () => {
    const all = [cite('undesa-ims-2024', 'undesa-ims'), cite('rpw-corridor-means-2025q1', 'rpw-corridor-means')];
    expect(shortDatasetLabel('undesa-ims-2024', all, 'en')).toBe('UN DESA 2024');
    // A third party's means of the World Bank's file are not labelled as the Bank's.
    expect(shortDatasetLabel('rpw-corridor-means-2025q1', all, 'en')).toBe('RPW (J. Smirl), edition Q1\u00a02025');
    expect(shortDatasetLabel('rpw-corridor-means-2025q1', all, 'fr')).toBe('RPW (J. Smirl), édition T1\u00a02025');
    expect(shortDatasetLabel('rpw-corridor-means-2025q1', all, 'es')).toBe('RPW (J. Smirl), edición T1\u00a02025');
  });

  it('writes publishers and quarters as the language does, as every other period on the page', () => {
    const all = [
      cite('rpw-corridors-2020q3', 'rpw-corridors'),
      cite('undesa-ims-2024', 'undesa-ims'),
      cite('unhcr-displacement-2024', 'unhcr-displacement'),
      cite('wdi-remittances-2023-10', 'wdi-remittances'),
    ];
    // An edition named after a quarter says it is one: beside a cost, "RPW Q3 2020" read as that quarter's.
    expect(shortDatasetLabel('rpw-corridors-2020q3', all, 'en')).toBe('World Bank RPW, edition Q3\u00a02020');
    expect(shortDatasetLabel('rpw-corridors-2020q3', all, 'fr')).toBe('RPW (Banque mondiale), édition T3\u00a02020');
    expect(shortDatasetLabel('rpw-corridors-2020q3', all, 'es')).toBe('RPW (Banco Mundial), edición T3\u00a02020');
    expect(shortDatasetLabel('undesa-ims-2024', all, 'fr')).toBe('DAES (UN DESA) 2024');
    expect(shortDatasetLabel('unhcr-displacement-2024', all, 'es')).toBe('ACNUR 2024');
    // The channel of a republished edition (datahub.io) is not in its name.
    const wdi = [cite('wdi-gdp-datahub-2023', 'wdi-gdp'), cite('wdi-population-datahub-2024', 'wdi-population')];
    expect(shortDatasetLabel('wdi-gdp-datahub-2023', wdi, 'fr')).toBe('WDI (Banque mondiale) 2023');
    expect(shortDatasetLabel('wdi-population-datahub-2024', wdi, 'en')).toBe('World Bank WDI 2024');
    // A release month stays as the id gives it, a date every language reads.
    expect(shortDatasetLabel('wdi-remittances-2023-10', all, 'fr')).toBe('WDI (Banque mondiale) 2023-10');
  });

  it('says in words what an id adds after its year, where its family shares only its start', () => {
    const all = [
      cite('oecd-dioc-2015-age-education', 'oecd-dioc-age-education'),
      cite('oecd-dioc-2015-labour-force', 'oecd-dioc-labour-force'),
      cite('undesa-ims-2020-destination', 'undesa-ims-destination'),
    ];
    expect(shortDatasetLabel('oecd-dioc-2015-age-education', all, 'en')).toBe('OECD DIOC 2015, age and education');
    expect(shortDatasetLabel('oecd-dioc-2015-labour-force', all, 'es')).toBe('DIOC de la OCDE 2015, población activa');
    expect(shortDatasetLabel('undesa-ims-2020-destination', all, 'fr')).toBe('DAES (UN DESA) 2020, par destination');
  });

  it('falls back on the publisher and the id for a dataset it has no short name for', () => {
    expect(shortDatasetLabel('my-survey', [cite('my-survey', 'my-survey', 'Ministry')], 'en')).toBe(
      'Ministry my-survey',
    );
    // A user's edition with a year: the year as it is, then the rest of the id as the user wrote it.
    expect(
      shortDatasetLabel(
        'ministry-survey-2022-wave-2',
        [cite('ministry-survey-2022-wave-2', 'ministry-survey', 'Ministry')],
        'fr',
      ),
    ).toBe('Ministry 2022, wave-2');
  });
});
