/**
 * How the API tells a client that it gave an area or M49 region code the reference data does not
 * have: one wording wherever such a code is a parameter (the countries' filters, the data hub's
 * areas, the search's country and region filters).
 */

/**
 * Codes people write for the whole world (the World Bank's WLD, SDMX's W00 or W, M49's 001):
 * Bridges has no area for it, only the publishers' aggregates of the world.
 */
const WORLD_CODES = new Set(['WLD', 'WORLD', 'W00', 'W', '001', '1W']);

/**
 * The publishers' aggregates that are the world, as the bundled datasets load them (WDI, the
 * KNOMAD bilateral matrices, UN DESA's International Migrant Stock); a test holds them to what the
 * importers write.
 */
export const WORLD_AGGREGATES: readonly { code: string; publisher: string }[] = [
  { code: 'WB_WLD', publisher: 'World Bank, WDI' },
  { code: 'KNOMAD_WORLD', publisher: 'KNOMAD' },
  { code: 'UNDESA_900', publisher: 'UN DESA' },
];

/** The area whose ISO 3166-1 alpha-2 code is `iso2` (SN → SEN, Senegal), where the caller knows. */
export type Iso2Lookup = (iso2: string) => { code: string; name: string } | undefined;

/**
 * `no country or area has the code "XXX"` (`the codes "XXX", "YYY"` for several); for a code of
 * the world (WLD, wld), a hint naming the publishers' world aggregates, which are the codes to ask
 * for; for a two-letter code an area has as its ISO alpha-2 code (SN), the code Bridges uses (SEN).
 */
export function noAreaHas(codes: readonly string[], iso2?: Iso2Lookup): string {
  const message = `no country or area has the code${codes.length > 1 ? 's' : ''} ${quoted(codes)}`;
  const hints: string[] = [];
  const alpha2 = codes.flatMap((code) => {
    const upper = code.trim().toUpperCase();
    const area = /^[A-Z]{2}$/.test(upper) ? iso2?.(upper) : undefined;
    return area ? [`"${code}" is the ISO 3166-1 alpha-2 code of ${area.name}, whose code here is ${area.code}`] : [];
  });
  if (alpha2.length) hints.push(`${alpha2.join('; ')} (areas go by their ISO alpha-3 codes)`);
  if (codes.some((code) => WORLD_CODES.has(code.trim().toUpperCase()))) {
    const aggregates = WORLD_AGGREGATES.map((a) => `${a.code} (${a.publisher})`).join(', ');
    hints.push(
      `the world is no country or area but an aggregate each publisher computes, ${aggregates}; /api/countries?kind=aggregate lists every aggregate`,
    );
  }
  return hints.length ? `${message}: ${hints.join('; ')}` : message;
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
