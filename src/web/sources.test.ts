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
    expect(shortDatasetLabel('undesa-ims-2024', all)).toBe('UN DESA 2024');
    // A third party's means of the World Bank's file are not labelled as the Bank's.
    expect(shortDatasetLabel('rpw-corridor-means-2025q1', all)).toBe('RPW (J. Smirl) 2025Q1');
  });

  it('drops the publisher’s prefix when the id does not start with its family', () => {
    const all = [
      cite('oecd-dioc-2015-age-education', 'oecd-dioc-age-education'),
      cite('oecd-dioc-2015-labour-force', 'oecd-dioc-labour-force'),
    ];
    expect(shortDatasetLabel('oecd-dioc-2015-age-education', all)).toBe('OECD DIOC 2015-age-education');
    expect(shortDatasetLabel('oecd-dioc-2015-labour-force', all)).toBe('OECD DIOC 2015-labour-force');
  });

  it('falls back on the publisher and the whole id for a dataset it has no short name for', () => {
    expect(shortDatasetLabel('my-survey', [cite('my-survey', 'my-survey', 'Ministry')])).toBe('Ministry my-survey');
  });
});
