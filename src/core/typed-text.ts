/**
 * What a person typing text never means to type: the one check of the text people give Bridges
 * (the library's items, accounts, the mappings of users' files). Zod-free: the UI may import it.
 */

/**
 * Characters nobody typing text means, and what each would do: control characters (tab and line
 * breaks aside) that a page would not show and an export would carry; the bidirectional overrides,
 * embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which make text display otherwise than
 * it reads, searches and sorts (a title reversed on screen); a lone surrogate, half a character,
 * which PostgreSQL would store as U+FFFD: changed silently. Bridges' languages (English, French,
 * Spanish) need none of them.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is refused, naming the first such character and where it is (1-based); undefined when none. */
export function hiddenCharacter(text: string): string | undefined {
  const found = HIDDEN.exec(text);
  if (!found) return undefined;
  const unit = found[0].charCodeAt(0);
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  const what =
    unit >= 0xd800 && unit <= 0xdfff
      ? 'half a character (a lone surrogate)'
      : unit >= 0x202a
        ? 'a bidirectional control, which reorders the text on screen'
        : 'a control character';
  return `holds ${code}, ${what}, at character ${String([...text.slice(0, found.index)].length + 1)}; remove it`;
}
