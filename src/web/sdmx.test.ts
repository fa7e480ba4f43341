import { describe, expect, it } from 'vitest';
import { sdmxDataUrl, sdmxKey } from './sdmx.js';

describe('SDMX links of the UI', () => {
  it('build keys with empty positions for all values', () => {
    expect(sdmxKey({ counterpart: 'PHL' })).toBe('..PHL.');
    expect(sdmxKey({ refArea: 'USA', counterpart: 'PHL', sex: 'M+F', extra: ['200'] })).toBe('.USA.PHL.M+F.200');
    expect(sdmxDataUrl('undesa-ims-2024', 'migrant_stock', { counterpart: 'PHL' }, { startPeriod: '2024' })).toBe(
      '/api/sdmx/data/BRIDGES,UNDESA_IMS_2024_MIGRANT_STOCK,1.0/..PHL.?format=csv&labels=both&startPeriod=2024',
    );
  });
});
