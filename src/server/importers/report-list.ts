/**
 * Items for a report or an error message, at most `max` of them, then how many more: a file with
 * thousands of unnamed columns or unknown values gets a readable line, not thousands of names.
 */
export function listSome(items: readonly string[], max: number, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}… and ${(items.length - max).toLocaleString('en')} more`;
}
