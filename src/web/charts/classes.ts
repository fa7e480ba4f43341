import { MAP_CLASSES } from './palette.js';

export interface MapClasses {
  /** Upper bounds of all classes but the last, ascending. */
  thresholds: readonly number[];
  colours: readonly string[];
}

/**
 * Class breaks at quantiles of the values, rounded to two significant figures so the legend
 * reads well; as many classes as distinct breaks allow, at most six.
 */
export function quantileClasses(values: readonly number[], count = MAP_CLASSES.length): MapClasses {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], colours: [MAP_CLASSES[2]] };
  const round = (v: number) => {
    if (v === 0) return 0;
    const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
    return Math.round(v / magnitude) * magnitude;
  };
  const thresholds: number[] = [];
  for (let i = 1; i < count; i += 1) {
    const at = sorted[Math.min(sorted.length - 1, Math.floor((i / count) * sorted.length))] ?? 0;
    const rounded = round(at);
    if (rounded > (thresholds.at(-1) ?? -Infinity) && rounded > (sorted[0] ?? 0)) thresholds.push(rounded);
  }
  const colours = MAP_CLASSES.slice(MAP_CLASSES.length - thresholds.length - 1);
  return { thresholds, colours };
}
