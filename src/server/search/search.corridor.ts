import { searchKey } from '../stats/area-resolver.js';

/**
 * Reading a corridor in what people type: "Philippines USA", "Mexico to United States
 * remittances", "de Filipinas a Estados Unidos", "PHL→USA". Pure (the names come from the
 * caller), so it is tested on its own.
 */

/** The longest name of a country or area, in words, that a query is read for ("Saint Vincent and the Grenadines"). */
const LONGEST_NAME_WORDS = 8;

/** Words that put the country after them at the start of a corridor: "USA from the Philippines". */
const FROM_WORDS = new Set(['from', 'desde', 'depuis']);
/** Words that put the country after them at the end: "to USA from the Philippines". */
const TO_WORDS = new Set(['to', 'into', 'vers', 'hacia']);

/** Articles that may stand between such a word and the name: "from the Philippines", "depuis les Philippines". */
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l', 'el', 'los', 'las']);

export interface PlaceKeys {
  /**
   * Every name of a country or area (not an aggregate), in every language Bridges holds, by its
   * search key (areaResolver's searchKey: case, accents and punctuation ignored): its code, or
   * null when two areas share the name.
   */
  byName: ReadonlyMap<string, string | null>;
  /** The codes of the countries and areas (PHL, USA, XKX). */
  codes: ReadonlySet<string>;
}

export interface CorridorReading {
  /** Origin of the migrants (the corridor page's `from`). */
  from: string;
  to: string;
}

/**
 * The corridor a query names: exactly two different countries or areas, by a name in any language
 * or by a code written in capitals (PHL; lower-case "per" or "can" are words, not Peru or Canada),
 * the longest name read first ("United States of America", not "United States"). In the order
 * typed, origin first, unless a "from" word comes before the second ("USA from the Philippines")
 * or a "to" word before the first ("to USA from the Philippines"). Other words ("remittances",
 * "migrants") may stand around them. Null when the query names fewer or more than two places.
 */
export function readCorridor(q: string, places: PlaceKeys): CorridorReading | null {
  const words = q
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[\s\p{P}\p{S}’‘“”«»–—]+/u)
    .filter(Boolean);
  const found: { code: string; at: number }[] = [];
  for (let i = 0; i < words.length;) {
    const match = placeAt(words, i, places);
    if (match) {
      found.push({ code: match.code, at: i });
      i += match.length;
    } else i += 1;
  }
  const codes = new Set(found.map((f) => f.code));
  const [first, second] = found;
  if (codes.size !== 2 || found.length !== 2 || !first || !second) return null;
  /** The word before the one at `at`, articles passed over ("from the Philippines"). */
  const before = (at: number) => {
    let i = at - 1;
    while (i >= 0 && ARTICLES.has(searchKey(words[i] ?? ''))) i--;
    return i >= 0 ? searchKey(words[i] ?? '') : '';
  };
  const reversed = FROM_WORDS.has(before(second.at)) || TO_WORDS.has(before(first.at));
  return reversed ? { from: second.code, to: first.code } : { from: first.code, to: second.code };
}

/** The place whose name or code starts at word `i`, the longest name first, and how many words it spans. */
function placeAt(words: string[], i: number, places: PlaceKeys): { code: string; length: number } | null {
  for (let length = Math.min(LONGEST_NAME_WORDS, words.length - i); length >= 1; length--) {
    const key = searchKey(words.slice(i, i + length).join(' '));
    const code = places.byName.get(key);
    if (code) return { code, length };
  }
  const word = words[i] ?? '';
  if (/^[A-Z]{3}$/.test(word) && places.codes.has(word)) return { code: word, length: 1 };
  return null;
}
