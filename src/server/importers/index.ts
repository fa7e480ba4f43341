import type { Importer } from '../stats/model.js';
import { diocImporters } from './dioc.js';
import { knomadImporters } from './knomad.js';
import { odaImporters } from './oda.js';
import { rpwImporters } from './rpw.js';
import { undesaIms2020, undesaIms2024 } from './undesa-ims.js';
import { undesaTotalsImporters } from './undesa-totals.js';
import { unhcrImporters } from './unhcr.js';
import { wdiImporters } from './wdi.js';

/**
 * Every bundled dataset edition, in the order a fresh start loads them: the small files a
 * country profile needs first, the large bilateral tables after.
 */
export const BUNDLED_IMPORTERS: Importer[] = [
  ...wdiImporters,
  ...knomadImporters,
  ...odaImporters,
  ...rpwImporters,
  ...undesaTotalsImporters,
  undesaIms2024,
  ...diocImporters,
  ...unhcrImporters,
  undesaIms2020,
];

/** Finds bundled importers by dataset id (`undesa-ims-2024`), family (`undesa-ims`) or `all`. */
export function findImporters(name: string): Importer[] {
  if (name === 'all') return BUNDLED_IMPORTERS;
  return BUNDLED_IMPORTERS.filter((i) => i.meta.id === name || i.meta.family === name);
}
