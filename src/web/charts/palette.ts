/**
 * Colours and line styles of the charts. Series colours after Okabe and Ito (distinct for the
 * common colour-vision deficiencies), darkened where needed to reach 3:1 against white; each
 * series also has its own dash pattern and marker shape, so no chart relies on colour alone.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangleDown';

export interface SeriesStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0072b2', dash: '', marker: 'circle' },
  { colour: '#d55e00', dash: '7 4', marker: 'square' },
  { colour: '#007a5e', dash: '2 3', marker: 'triangle' },
  { colour: '#aa4499', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#4d4d4d', dash: '4 2', marker: 'cross' },
  { colour: '#a66300', dash: '1 2', marker: 'triangleDown' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? { colour: '#0072b2', dash: '', marker: 'circle' };
}

/** Sequential classes of the choropleth, light to dark (ColorBrewer YlGnBu, colour-blind safe). */
export const MAP_CLASSES = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA_FILL = '#e5e5e5';
/**
 * Borders between countries: grey, not white, so a country in the lightest class (#ffffcc, 1.03:1
 * against the white sea) keeps its coast and its islands.
 */
export const MAP_BORDER = '#8f969f';
export const NO_DATA_HATCH = '#a3a3a3';
export const BAR_FILL = '#0072b2';
export const FLAG_FILL = '#d55e00';
export const AXIS_TEXT = '#4b5563';
export const GRID = '#e5e7eb';
export const TEXT = '#1f2937';

/** SVG path of a marker of `size` centred on 0,0. */
export function markerPath(shape: MarkerShape, size: number): string {
  const r = size / 2;
  switch (shape) {
    case 'circle':
      return `M${String(-r)},0a${String(r)},${String(r)} 0 1,0 ${String(2 * r)},0a${String(r)},${String(r)} 0 1,0 ${String(-2 * r)},0`;
    case 'square':
      return `M${String(-r)},${String(-r)}h${String(2 * r)}v${String(2 * r)}h${String(-2 * r)}z`;
    case 'triangle':
      return `M0,${String(-r * 1.15)}L${String(r * 1.1)},${String(r * 0.8)}L${String(-r * 1.1)},${String(r * 0.8)}z`;
    case 'triangleDown':
      return `M0,${String(r * 1.15)}L${String(r * 1.1)},${String(-r * 0.8)}L${String(-r * 1.1)},${String(-r * 0.8)}z`;
    case 'diamond':
      return `M0,${String(-r * 1.3)}L${String(r * 1.1)},0L0,${String(r * 1.3)}L${String(-r * 1.1)},0z`;
    case 'cross': {
      const w = r * 0.45;
      return `M${String(-w)},${String(-r)}h${String(2 * w)}v${String(r - w)}h${String(r - w)}v${String(2 * w)}h${String(-(r - w))}v${String(r - w)}h${String(-2 * w)}v${String(-(r - w))}h${String(-(r - w))}v${String(-2 * w)}h${String(r - w)}z`;
    }
  }
}
