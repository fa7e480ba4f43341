// @citation-js/name ships no types: the one function Bridges uses, as its README documents it.
declare module '@citation-js/name' {
  /** A personal name in CSL-JSON's parts ("Ludwig van Beethoven" → given, particle, family). */
  export function parse(name: string): {
    given?: string;
    family?: string;
    suffix?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
    literal?: string;
  };
}
