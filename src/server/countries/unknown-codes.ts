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
  if (codes.some((code) => WORLD_CODES.has(code.trim().toUpperCase()))) hints.push(`the world is ${WORLD_HINT}`);
  return hints.length ? `${message}: ${hints.join('; ')}` : message;
}

/** What the world is here, and which codes to ask for instead. */
const WORLD_HINT = `no country or area but an aggregate each publisher computes, ${WORLD_AGGREGATES.map((a) => `${a.code} (${a.publisher})`).join(', ')}; /api/countries?kind=aggregate lists every aggregate`;

/** The M49 code of the world, which no area has. */
export const M49_WORLD = '001';

/**
 * What an M49 code (608, 002) stands for in the reference data: an area, by its English name
 * with the article UNTERM gives it ("the Philippines"), or an M49 region with UN DESA's aggregate
 * of it where a loaded dataset brings one (UNDESA_903 for 002, Africa).
 */
export type M49Meaning =
  | { kind: 'area'; code: string; name: string }
  | { kind: 'region'; level: 'region' | 'subregion' | 'intermediate'; name: string; aggregate: string | null };

const M49_LEVELS = { region: 'region', subregion: 'sub-region', intermediate: 'intermediate region' } as const;

/**
 * The M49 code a number someone typed stands for (8 → 008), or null when it is no M49 code's
 * shape: one to three digits.
 */
export function m49CodeOf(typed: string): string | null {
  const digits = typed.trim();
  return /^\d{1,3}$/.test(digits) ? digits.padStart(3, '0') : null;
}

/** Where a parameter stands: what else its request takes that a region's hint may name. */
export interface M49HintOptions {
  /** The parameter takes publishers' aggregates (WB_WLD, UNDESA_903): a region's names UN DESA's. */
  aggregates: boolean;
  /**
   * The request's own parameter of M49 regions and sub-regions (search's `region`), which a
   * region's hint names; none: the countries list's filters (/api/countries?region=002).
   */
  regionParameter?: string;
}

/**
 * What to say of a number given where an area code is expected (M49 is how UN users often name
 * places): `608 is the M49 code of the Philippines: Bridges uses PHL`; for the world (001), its
 * publishers' aggregates; for an M49 region, that it is no area, with UN DESA's aggregate of it
 * and the filter by it (see M49HintOptions); for a number that is no M49 code the reference data
 * has, that it is neither.
 */
export function m49Hint(typed: string, meaning: M49Meaning | undefined, options: M49HintOptions): string {
  const code = m49CodeOf(typed);
  const shown = code === null || code === typed.trim() ? typed.trim() : `${typed.trim()} (${code})`;
  if (code === M49_WORLD) return `${shown} is the M49 code of the world, which is ${WORLD_HINT}`;
  if (!meaning) return `${shown} is no area code, nor an M49 code the reference data has`;
  if (meaning.kind === 'area') return `${shown} is the M49 code of ${meaning.name}: Bridges uses ${meaning.code}`;
  const ways = [
    ...(options.aggregates && meaning.aggregate ? [`UN DESA’s aggregate of it is ${meaning.aggregate}`] : []),
    ...(meaning.level === 'intermediate'
      ? []
      : options.regionParameter
        ? [`ask for it with ${options.regionParameter}=${code ?? ''}`]
        : [`/api/countries?${meaning.level}=${code ?? ''} lists its countries and areas`]),
  ];
  return `${shown} is the code of the M49 ${M49_LEVELS[meaning.level]} ${meaning.name}, no country or area${ways.length ? `: ${ways.join(', and ')}` : ''}`;
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
