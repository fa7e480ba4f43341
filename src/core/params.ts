import { z } from 'zod';

/**
 * A whole number in a query string or path: decimal digits only (not "0x10", "1e3" or "12.0"),
 * from `min` to `max`; every refusal says the range, in plain words ("is empty", not "received NaN").
 */
export function wholeNumber(min: number, max: number) {
  const range = `a whole number from ${String(min)} to ${String(max)}`;
  return (
    z
      .string()
      .transform((text, ctx) => {
        const digits = text.trim();
        const fail = (message: string) => {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        };
        if (digits === '') return fail(`is empty; give ${range}`);
        if (!/^\d+$/.test(digits)) return fail(`must be ${range}, in digits`);
        const value = Number(digits);
        if (value < min) return fail(`must be at least ${String(min)} (${range})`);
        if (value > max) return fail(`must be at most ${String(max)} (${range})`);
        return value;
      })
      // A query parameter is text: its range is said in words, a string's minimum being no check.
      .meta({
        pattern: '^[0-9]+$',
        description: `${range[0]?.toUpperCase() ?? ''}${range.slice(1)}`,
      })
  );
}
