import { DIOC_EDUCATION, DIOC_LABOUR_FORCE } from '../core/statistics-terms.js';
import type { UiLanguage } from '../core/languages.js';
import { formatUsd } from './format.js';
import type { Messages } from './i18n.js';

/**
 * A value of a source's own dimension as a reader knows it: an amount in US$, a UNHCR population
 * group or a DIOC education level or labour-force status by name (the code after it); others as coded.
 */
export function dimensionValueLabel(key: string, value: string, t: Messages, lang: UiLanguage): string {
  if (key === 'amount') return formatUsd(Number(value), lang);
  if (key === 'group') return t.unhcrGroups[value.replace(' ', '_') as keyof Messages['unhcrGroups']] ?? value;
  const vocab =
    key === 'edu_lfs'
      ? ([DIOC_EDUCATION, t.dioc.education] as const)
      : key === 'lfs'
        ? ([DIOC_LABOUR_FORCE, t.dioc.labourForce] as const)
        : null;
  const known = vocab?.[0].find((v) => v.code === value);
  if (vocab && known) return `${(vocab[1] as Record<string, string>)[known.key] ?? known.label} (${value})`;
  const named = t.dimensionValues[key]?.[value];
  return named ? `${named} (${value})` : value;
}
