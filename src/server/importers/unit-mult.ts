/**
 * SDMX's UNIT_MULT: the value is OBS_VALUE × 10^UNIT_MULT (3: thousands). SDMX-CSV and SDMX-JSON
 * files are stored as that value, written exactly (the decimal exponent moved, no floating-point
 * product), and the report says how many values were multiplied.
 */
export class UnitMultiplier {
  readonly #counts = new Map<number, number>();

  /**
   * `value` (as printed, or as JSON gives it) scaled by the UNIT_MULT `printed`; unchanged when
   * there is none or it is 0, or when the value is no plain number (its own error comes later).
   * Null when `printed` is no power of ten: the caller names the cell.
   */
  apply<V extends string | number | null>(value: V, printed: string | undefined): V | string | null {
    const multiplier = (printed ?? '').trim();
    if (multiplier === '' || multiplier === '0') return value;
    if (!/^-?\d{1,2}$/.test(multiplier)) return null;
    const exponent = Number(multiplier);
    if (value === null) return value;
    const text = String(value).trim();
    const number = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!number) return value;
    this.#counts.set(exponent, (this.#counts.get(exponent) ?? 0) + 1);
    return `${number[1] ?? ''}e${String(Number(number[2] ?? 0) + exponent)}`;
  }

  /** One report line per multiplier used. */
  notes(): string[] {
    return [...this.#counts].map(
      ([exponent, count]) =>
        `${String(count)} value${count > 1 ? 's' : ''} multiplied by 10^${String(exponent)} as UNIT_MULT ${String(exponent)} says (stored as the full number)`,
    );
  }
}

export const UNIT_MULT_PROBLEM = (printed: string) =>
  `UNIT_MULT "${printed}" is not a power of ten (0, 3 for thousands, 6 for millions…)`;
