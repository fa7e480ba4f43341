import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../core/languages.js';
import {
  buildTsquery,
  headlineSegments,
  HIT_END,
  HIT_START,
  isSearchable,
  leadingWords,
  queryWords,
} from './search.text.js';

describe('search text', () => {
  it('splits a query into lower-case words, dropping punctuation and tsquery syntax', () => {
    expect(queryWords('Développement & "diaspora"')).toEqual(['développement', 'diaspora']);
    expect(queryWords("'; DROP TABLE x; --")).toEqual(['drop', 'table', 'x']);
    expect(queryWords('!!! :* |')).toEqual([]);
    expect(queryWords('remit remit 3x1')).toEqual(['remit', '3x1']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
  });

  it('writes each word as the OR of its forms, the last as a prefix', () => {
    const word = (w: string, lang: string[], en: string[], simple: string[]) => ({
      word: w,
      langForms: lang,
      enForms: en,
      simpleForms: simple,
      stopWordOf: [],
    });
    const words = [
      word('développement', ['developp'], ['developp'], ['developpement']),
      word('envois', ['envois'], ['envoi'], ['envois']),
    ];
    // as a prefix, 'envoi':* already finds every 'envois'
    expect(buildTsquery(words, { mode: 'and' })).toBe("('developp' | 'developpement') & 'envoi':*");
    expect(buildTsquery(words, { mode: 'or', prefixLast: false })).toBe(
      "('developp' | 'developpement') | ('envois' | 'envoi')",
    );
    expect(buildTsquery([word("o'neil", ["o'neil"], [], [])], { mode: 'and' })).toBe("'o''neil':*");
    expect(buildTsquery([word('a', [], [], ['a'])], { mode: 'and' })).toBe("'a'");
    expect(buildTsquery(words, { mode: 'and', weight: 'A' })).toBe("('developp':A | 'developpement':A) & 'envoi':*A");
  });

  it("writes a last word's few completions in place of its prefix", () => {
    const remit = {
      word: 'remit',
      langForms: ['remit'],
      enForms: ['remit'],
      simpleForms: ['remit'],
      stopWordOf: [],
      completions: { remit: ['remitt', 'remittance'] },
    };
    const fonds = { word: 'fonds', langForms: ['fond'], enForms: ['fond'], simpleForms: ['fonds'], stopWordOf: [] };
    expect(buildTsquery([fonds, remit], { mode: 'and' })).toBe("('fond' | 'fonds') & ('remitt' | 'remittance')");
    expect(buildTsquery([remit], { mode: 'and', weight: 'A' })).toBe("('remitt':A | 'remittance':A)");
    const one = { ...remit, completions: { remit: ['remitt'] } };
    expect(buildTsquery([one], { mode: 'and' })).toBe("'remitt'");
    // not the last word, or not as a prefix: the word itself
    expect(buildTsquery([remit, fonds], { mode: 'and' })).toBe("'remit' & 'fond':*");
    expect(buildTsquery([remit], { mode: 'and', prefixLast: false })).toBe("'remit'");
    // a form without completions stays a prefix
    const other = { ...remit, simpleForms: ['remesa'] };
    expect(buildTsquery([other], { mode: 'and' })).toBe("(('remitt' | 'remittance') | 'remesa':*)");
  });

  it('searches no stop word of English, French or Spanish, but a word of the request language', () => {
    const word = (w: string, stopWordOf: UiLanguage[], lang: UiLanguage = 'en') => ({
      word: w,
      langForms: stopWordOf.includes(lang) ? [] : [w],
      enForms: stopWordOf.includes('en') ? [] : [w],
      simpleForms: [w],
      stopWordOf,
    });
    expect(isSearchable(word('diaspora', []), 'en')).toBe(true);
    for (const lang of ['en', 'fr', 'es'] as const) {
      expect(isSearchable(word('the', ['en'], lang), lang), lang).toBe(false);
      expect(isSearchable(word('de', ['fr', 'es'], lang), lang), lang).toBe(false);
      expect(isSearchable(word('des', ['fr'], lang), lang), lang).toBe(false);
    }
    // "son" is an English word, and a French and Spanish stop word; "sur" a Spanish word.
    expect(isSearchable(word('son', ['fr', 'es'], 'en'), 'en')).toBe(true);
    expect(isSearchable(word('son', ['fr', 'es'], 'fr'), 'fr')).toBe(false);
    expect(isSearchable(word('sur', ['fr'], 'es'), 'es')).toBe(true);
    expect(isSearchable(word('sur', ['fr'], 'en'), 'en')).toBe(false);
    // a sign the parser reads as no word at all
    expect(isSearchable({ ...word('·', []), simpleForms: [] }, 'en')).toBe(false);
  });

  it('reads ts_headline marks as segments, joining neighbouring matches', () => {
    expect(headlineSegments(`les ${HIT_START}envois${HIT_END} ${HIT_START}fonds${HIT_END} des migrants`)).toEqual([
      { text: 'les ', hit: false },
      { text: 'envois fonds', hit: true },
      { text: ' des migrants', hit: false },
    ]);
    expect(headlineSegments('no match here')).toEqual([{ text: 'no match here', hit: false }]);
    expect(headlineSegments('')).toEqual([]);
  });

  it('cuts a summary after a number of words', () => {
    expect(leadingWords('one two  three', 5)).toBe('one two three');
    expect(leadingWords('one two three', 2)).toBe('one two …');
  });
});
