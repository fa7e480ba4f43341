/**
 * How the API tells a client that it gave an area or M49 region code the reference data does not
 * have: one wording wherever such a code is a parameter (the countries' filters, the data hub's
 * areas, the search's country and region filters).
 */

/** `no country or area has the code "XXX"` (`the codes "XXX", "YYY"` for several). */
export function noAreaHas(codes: readonly string[]): string {
  return `no country or area has the code${codes.length > 1 ? 's' : ''} ${quoted(codes)}`;
}

/** `unknown M49 region code "999"; known: 002 Africa, …`, for the levels a parameter takes. */
export function unknownM49Codes(
  levels: string,
  codes: readonly string[],
  known: readonly { code: string; name_en: string }[],
): string {
  const list = known.map((r) => `${r.code} ${r.name_en}`).join(', ');
  return `unknown M49 ${levels} code${codes.length > 1 ? 's' : ''} ${quoted(codes)}; known: ${list}`;
}

function quoted(codes: readonly string[]): string {
  return codes.map((code) => `"${code}"`).join(', ');
}
