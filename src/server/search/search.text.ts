import type { UiLanguage } from '../../core/languages.js';

/**
 * The text side of search, without the database: splitting what people type into words, writing
 * the tsquery from the lexemes PostgreSQL gave each word, and reading ts_headline's marked-up
 * excerpt back as plain segments.
 */

/** At most this many words of a query are searched (the rest would only slow it down). */
export const MAX_QUERY_WORDS = 8;

/** ts_headline marks matches with these; the repository removes them from the text beforehand. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

/**
 * The words of a query, lower-cased: runs of letters and digits (so punctuation, quotes and
 * tsquery operators are never passed on as syntax). Repeated words count once.
 */
export function queryWords(q: string): string[] {
  const words =
    q
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/**
 * One query word as PostgreSQL analysed it: its lexemes in the request language's configuration,
 * in English (every item has English text) and as a name (unaccented, unstemmed).
 */
export interface AnalysedWord {
  word: string;
  langForms: string[];
  enForms: string[];
  simpleForms: string[];
  /** The languages among English, French and Spanish whose configuration drops it as a stop word. */
  stopWordOf: UiLanguage[];
  /**
   * For the last word: each form's completions, the lexemes of the index that start with it
   * (itself included), when there are only a few. A form not listed has many or none.
   */
  completions?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Words that are a stop word of another of the three languages but a word people search for in
 * this one: searched for when the request is in this language (see isSearchable).
 *
 * NOTE: a query's words may be in any of the three languages, whatever the interface's, so a stop
 * word of any of them is not required ("la diaspora", "fuga de cerebros" in the English
 * interface): required, it would hold back every document without it (most of those with no
 * French or Spanish text), or, found in none, send the query to the any-word fallback, where it
 * matches nearly everything. Yet a few are words of another language: French "sur" is the
 * Spanish for south (Corea del Sur) and French "mes" a Spanish month; French and Spanish "son",
 * Spanish "sea", "sin", "era" and "han", French "eu" (the EU) and "ai" (AI) are English words.
 * Which one a reader means is unknowable from the word, so the interface's language decides: the
 * reader most likely types in it. In the other interfaces such a word is not required, which only
 * widens a query ("Corea del Sur" in the English one finds North Korea too, ranked below: its
 * title lacks the words). English stop words stay dropped in every language, as before: the
 * English configuration, which drops them, is searched whatever the request's language.
 */
const SEARCHED_THOUGH_FOREIGN_STOP_WORDS: Record<UiLanguage, ReadonlySet<string>> = {
  en: new Set(['son', 'sea', 'sin', 'era', 'han', 'eu', 'ai']),
  fr: new Set(),
  es: new Set(['sur', 'mes']),
};

/**
 * A word is searched for (required in every match) unless it is a stop word ("the", "les", "de")
 * of the request's language, of English, or of another of the three languages (except the few
 * words of the request's language listed above). A query of stop words only is searched otherwise
 * (see the search service).
 */
export function isSearchable(word: AnalysedWord, lang: UiLanguage): boolean {
  if (word.langForms.length === 0 || word.enForms.length === 0 || word.simpleForms.length === 0) return false;
  return word.stopWordOf.length === 0 || SEARCHED_THOUGH_FOREIGN_STOP_WORDS[lang].has(word.word);
}

export interface TsqueryOptions {
  /** 'and': every word must match; 'or': any word. */
  mode: 'and' | 'or';
  /** Match the last word as a prefix (default true). */
  prefixLast?: boolean;
  /** Match only lexemes of this weight ('A': titles, acronyms and names). */
  weight?: 'A';
  /** Write a prefix with few completions as them (default true). */
  complete?: boolean;
}

/**
 * The tsquery text for analysed words: each word is the OR of its forms (its stem in the request
 * language, in English, and the word itself), the last word matched as a prefix of at least two
 * characters ("remit" finds remittances). A prefix with a few known completions is written as
 * them ('remitt' | 'remittance' | 'remittances'): the same documents, and GIN reads a few whole
 * lexemes in about half the time it takes to collect a prefix's.
 */
export function buildTsquery(words: AnalysedWord[], options: TsqueryOptions): string {
  const last = words.length - 1;
  const weight = options.weight ? `:${options.weight}` : '';
  const parts = words.map((word, i) => {
    const prefix = i === last && options.prefixLast !== false && word.word.length >= 2;
    const lexeme = (form: string) => {
      if (!prefix) return literal(form) + weight;
      const completions = options.complete === false ? undefined : word.completions?.[form];
      if (!completions?.length) return `${literal(form)}:*${options.weight ?? ''}`;
      const list = completions.map((c) => literal(c) + weight);
      return list.length > 1 ? `(${list.join(' | ')})` : (list[0] ?? '');
    };
    let forms = [word.langForms, word.enForms, word.simpleForms].filter((f) => f.length > 0);
    if (prefix) {
      // A one-lexeme form that starts with another one-lexeme form adds no match as a prefix
      // ('skills':* within 'skill':*), only work for the index.
      const single = forms.flatMap((f) => (f.length === 1 ? f : []));
      forms = forms.filter((f) => f.length !== 1 || !single.some((o) => o !== f[0] && f[0]?.startsWith(o)));
    }
    const alternatives = new Set(forms.map((f) => f.map(lexeme).join(' & ')));
    const list = [...alternatives].map((a) => (a.includes(' & ') ? `(${a})` : a));
    return list.length > 1 ? `(${list.join(' | ')})` : (list[0] ?? '');
  });
  return parts.filter(Boolean).join(options.mode === 'and' ? ' & ' : ' | ');
}

/** A tsquery that every one of these lexemes must match, each of one of `weights` ('AB') when given. */
export function allLexemes(lexemes: readonly string[], weights = ''): string {
  return lexemes.map((l) => literal(l) + (weights ? `:${weights}` : '')).join(' & ');
}

/** A lexeme as a tsquery literal. */
function literal(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/** ts_headline's excerpt (matches between HIT_START and HIT_END) as plain and matched segments. */
export function headlineSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous && previous.hit === hit) previous.text += text;
    else segments.push({ text, hit });
  };
  for (const piece of headline.split(HIT_START)) {
    const end = piece.indexOf(HIT_END);
    if (end < 0) push(piece, false);
    else {
      push(piece.slice(0, end), true);
      push(piece.slice(end + HIT_END.length).replaceAll(HIT_END, ''), false);
    }
  }
  // Matched words next to each other ("diáspora africana") read as one highlighted run.
  for (let i = segments.length - 2; i > 0; i--) {
    const [before, between, after] = [segments[i - 1], segments[i], segments[i + 1]];
    if (before?.hit && after?.hit && between && !between.hit && /^\s+$/.test(between.text)) {
      before.text += between.text + after.text;
      segments.splice(i, 2);
    }
  }
  return segments;
}

/** The first words of a text, for results listed without a query. */
export function leadingWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')} …`;
}
