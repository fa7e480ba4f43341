import { describe, expect, it } from 'vitest';
import type { AreaRef, RankingResponse } from '../core/statistics.js';
import { rankingSdmxKey, sdmxDataUrl, sdmxFlowUrl, sdmxKey, sdmxUrlIn } from './sdmx.js';

describe('SDMX links of the UI', () => {
  it('build keys with empty positions for all values', () => {
    expect(sdmxKey({ counterpart: 'PHL' })).toBe('..PHL.');
    expect(sdmxKey({ refArea: 'USA', counterpart: 'PHL', sex: 'M+F', extra: ['200'] })).toBe('.USA.PHL.M+F.200');
    expect(sdmxDataUrl('undesa-ims-2024', 'migrant_stock', { counterpart: 'PHL' }, { startPeriod: '2024' })).toBe(
      '/api/sdmx/data/BRIDGES,UNDESA_IMS_2024_MIGRANT_STOCK,1.0/..PHL.?format=csv&labels=both&startPeriod=2024',
    );
  });

  it('fix the source’s own dimensions to one code or several, and leave the rest open', () => {
    const flows = [
      {
        dataset: 'oecd-dioc-2015-age-education',
        indicator: 'dioc_emigrants',
        flow: 'OECD_DIOC_2015_AGE_EDUCATION_DIOC_EMIGRANTS',
        dims: ['age_lfs', 'edu_lfs', 'national', 'oecd', 'regionb', 'oecdb', 'fborn'],
      },
    ];
    const url = (dims: Record<string, string | readonly string[]>) =>
      sdmxFlowUrl(flows, 'oecd-dioc-2015-age-education', 'dioc_emigrants', { refArea: 'MEX', dims });
    // Own dimensions by SDMX id: AGE_LFS, EDU_LFS, FBORN, NATIONAL, OECD, OECDB, REGIONB.
    expect(url({ age_lfs: ['1', '2', '3'] })).toContain('/.MEX...1+2+3......?');
    expect(url({ edu_lfs: '3', fborn: '1' })).toContain('/.MEX....3.1....?');
    // A value that is not an SDMX code leaves its position open rather than break the query.
    expect(url({ age_lfs: ['1', '2 3'] })).toContain('/.MEX.........?');
    expect(sdmxFlowUrl(flows, 'undesa-ims-2024', 'migrant_stock', {})).toBeUndefined();
  });

  it('key a ranking to the areas drawn, the sexes combined and the partners summed, aggregates left out', () => {
    const area = (code: string, kind: AreaRef['kind'] = 'country'): AreaRef => ({ code, name: code, kind });
    const item = (code: string) => ({
      area: area(code),
      rank: 1,
      value: 1,
      parts: 2,
      partsMin: 1,
      partsMax: 1,
      status: 'A',
      repeats: null,
    });
    const ranking: Pick<RankingResponse, 'items' | 'filters' | 'counterparts'> = {
      items: [item('IND'), item('MEX')],
      filters: { counterpart: null, sex: '_T', sexes: ['M', 'F'], dims: {} },
      counterparts: [area('USA'), area('KNOMAD_WORLD', 'aggregate'), area('OOO', 'residual')],
    };
    expect(sdmxKey(rankingSdmxKey(ranking, []))).toBe('.IND+MEX.USA+OOO.M+F');
    // A trend's own areas; a chosen partner is the partner.
    expect(
      sdmxKey(rankingSdmxKey({ ...ranking, filters: { ...ranking.filters, counterpart: 'USA' } }, ['200'], ['PHL'])),
    ).toBe('.PHL.USA.M+F.200');
    // Every partner, none of them an aggregate: SDMX's wildcard, not a list of every origin.
    const origins = { ...ranking, counterparts: [area('USA'), area('OOO', 'residual'), area('PHL')] };
    expect(sdmxKey(rankingSdmxKey(origins, ['200']))).toBe('.IND+MEX..M+F.200');
    expect(sdmxKey(rankingSdmxKey({ ...origins, filters: { ...origins.filters, counterpart: 'PHL' } }, []))).toBe(
      '.IND+MEX.PHL.M+F',
    );
  });

  it('carry the page’s language, which a link cannot send as a header; English, the default, unsaid', () => {
    const url = sdmxDataUrl('undesa-ims-2024', 'migrant_stock', { counterpart: 'PHL' }, { startPeriod: '2024' });
    expect(sdmxUrlIn(url, 'fr')).toBe(`${url}&lang=fr`);
    expect(sdmxUrlIn(url, 'en')).toBe(url);
    // Said once, the last word winning; a query without parameters gets its own.
    expect(sdmxUrlIn(sdmxUrlIn(url, 'fr'), 'es')).toBe(`${url}&lang=es`);
    expect(sdmxUrlIn(sdmxUrlIn(url, 'fr'), 'en')).toBe(url);
    expect(sdmxUrlIn('/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK', 'es')).toBe(
      '/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK?lang=es',
    );
  });
});
