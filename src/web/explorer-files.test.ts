import { describe, expect, it } from 'vitest';
import { explorerFileName } from './explorer-files.js';

const view = (filters: Partial<{ counterpart: string | null; sex: string; dims: Record<string, string> }> = {}) => ({
  indicator: { id: 'migrant_stock' },
  dataset: 'undesa-ims-2024',
  filters: { counterpart: null, sex: '_T', dims: {}, ...filters },
});

describe('explorer download names', () => {
  it('tell a filtered view from the unfiltered one by every choice that changes the figures', () => {
    expect(explorerFileName('map', view(), '2024')).toBe('map-migrant_stock-undesa-ims-2024-2024');
    expect(explorerFileName('map', view({ counterpart: 'PHL' }), '2024')).toBe(
      'map-migrant_stock-undesa-ims-2024-born-in-PHL-2024',
    );
    expect(explorerFileName('top15', view({ counterpart: 'PHL', sex: 'F' }), '2024')).toBe(
      'top15-migrant_stock-undesa-ims-2024-born-in-PHL-female-2024',
    );
    const cost = {
      indicator: { id: 'remittance_cost_pct' },
      dataset: 'rpw-corridors-2020q3',
      filters: { counterpart: 'USA', sex: '_T', dims: { amount: '200' } },
    };
    expect(explorerFileName('trend', cost, 'MEX+PHL', '2011-Q1-2020-Q3')).toBe(
      'trend-remittance_cost_pct-rpw-corridors-2020q3-sent-from-USA-amount-200-MEX+PHL-2011-Q1-2020-Q3',
    );
  });
});
