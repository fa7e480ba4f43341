import { COUNTERPART_ROLE } from './i18n-datahub.js';

/** The choices behind an explorer view that change its figures, as a ranking's answer states them. */
export interface ExplorerChoices {
  indicator: { id: string };
  dataset: string;
  filters: { counterpart: string | null; sex: string; dims: Readonly<Record<string, string>> };
}

/** How a file name says what the counterpart is to the indicator: where its people were born, where the money came from. */
const COUNTERPART_WORDS = { birth: 'born-in', origin: 'from', sender: 'sent-from' } as const;
const SEX_WORDS: Readonly<Record<string, string>> = { F: 'female', M: 'male' };

/** A part of a file name kept to letters, digits, "_", "+" and "-" (codes and ids are already). */
const part = (text: string) => text.replace(/[^A-Za-z0-9_+-]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * The base of an explorer download's file name (the chart frame adds "bridges-" and the type):
 * what is drawn, the indicator, the edition, every filter that changes the figures (partner
 * country, sex, the dimensions' values), then `tail` (the period, the areas of a chart over
 * time). Filipinos abroad are "map-migrant_stock-undesa-ims-2024-born-in-PHL-2024", not the
 * world map's "map-migrant_stock-undesa-ims-2024-2024".
 */
export function explorerFileName(kind: string, view: ExplorerChoices, ...tail: readonly string[]): string {
  const { counterpart, sex, dims } = view.filters;
  const role = COUNTERPART_ROLE[view.indicator.id];
  return [
    kind,
    view.indicator.id,
    view.dataset,
    counterpart ? `${role ? COUNTERPART_WORDS[role] : 'partner'}-${counterpart}` : '',
    SEX_WORDS[sex] ?? '',
    ...Object.entries(dims)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}-${v}`),
    ...tail,
  ]
    .map(part)
    .filter(Boolean)
    .join('-');
}
