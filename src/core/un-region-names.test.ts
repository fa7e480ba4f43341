import { describe, expect, it } from 'vitest';
import { undesaAggregateEnglishName, undesaAggregateNames } from './un-region-names.js';

describe('UN DESA aggregate names', () => {
  it('writes World and the continents as names, not the workbook’s capitals', () => {
    expect(undesaAggregateEnglishName(900, 'WORLD')).toBe('World');
    expect(undesaAggregateEnglishName(909, 'OCEANIA')).toBe('Oceania');
    expect(undesaAggregateEnglishName(905, 'NORTHERN AMERICA')).toBe('Northern America');
  });

  it('tells the SDG region from its M49 namesake in English, as in French and Spanish', () => {
    const m49 = undesaAggregateEnglishName(904, 'LATIN AMERICA AND THE CARIBBEAN');
    const sdg = undesaAggregateEnglishName(1830, 'Latin America and the Caribbean');
    expect(m49).toBe('Latin America and the Caribbean');
    expect(sdg).toBe('Latin America and the Caribbean (SDG region)');
    expect(undesaAggregateNames(1830)?.es).toBe('América Latina y el Caribe (región de los ODS)');
  });

  it('keeps the workbook’s English name where it reads well', () => {
    expect(undesaAggregateEnglishName(957, 'Polynesia')).toBe('Polynesia');
    expect(undesaAggregateEnglishName(1503, 'High-income countries')).toBe('High-income countries');
  });
});
