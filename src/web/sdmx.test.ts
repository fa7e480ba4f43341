import { describe, expect, it } from 'vitest';
import { sdmxFlowId as coreFlowId, sdmxIdPart as coreIdPart } from '../core/sdmx.js';
import { sdmxDataUrl, sdmxFlowId, sdmxIdPart, sdmxKey } from './sdmx.js';

describe('SDMX links of the UI', () => {
  it('name flows as the server does', () => {
    for (const [dataset, indicator] of [
      ['undesa-ims-2024', 'migrant_stock'],
      ['rpw-corridor-means-2025q1', 'remittance_cost_pct'],
      ['knomad-inflows-2023-12', 'remittance_inflows_usd_m'],
    ] as const) {
      expect(sdmxFlowId(dataset, indicator)).toBe(coreFlowId(dataset, indicator));
      expect(sdmxIdPart(dataset)).toBe(coreIdPart(dataset));
    }
  });

  it('build keys with empty positions for all values', () => {
    expect(sdmxKey({ counterpart: 'PHL' })).toBe('..PHL.');
    expect(sdmxKey({ refArea: 'USA', counterpart: 'PHL', sex: 'M+F', extra: ['200'] })).toBe('.USA.PHL.M+F.200');
    expect(sdmxDataUrl('undesa-ims-2024', 'migrant_stock', { counterpart: 'PHL' }, { startPeriod: '2024' })).toBe(
      '/api/sdmx/data/BRIDGES,UNDESA_IMS_2024_MIGRANT_STOCK,1.0/..PHL.?format=csv&labels=both&startPeriod=2024',
    );
  });
});
