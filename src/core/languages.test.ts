import { describe, expect, it } from 'vitest';
import { acceptedNameLanguages, localName, preferredUiLanguage } from './languages.js';

describe('preferredUiLanguage', () => {
  it('takes the first language of the browser that Bridges speaks, whatever its region', () => {
    expect(preferredUiLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(preferredUiLanguage(['de-DE', 'es-419', 'fr'])).toBe('es');
    expect(preferredUiLanguage(['EN-gb'])).toBe('en');
  });

  it('falls back on English when the browser prefers none of its languages', () => {
    expect(preferredUiLanguage(['de', 'pt-BR'])).toBe('en');
    expect(preferredUiLanguage([])).toBe('en');
  });
});

describe('acceptedNameLanguages', () => {
  it('orders the languages of an Accept-Language header by quality, a region counting as its language', () => {
    expect(acceptedNameLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr', 'en']);
    expect(acceptedNameLanguages('es;q=0.4, ZH-Hans-CN;q=0.6, ar')).toEqual(['ar', 'zh', 'es']);
  });

  it('leaves out refusals, wildcards and languages Bridges has no names in', () => {
    expect(acceptedNameLanguages('fr;q=0, es')).toEqual(['es']);
    expect(acceptedNameLanguages('*, de, pt-BR')).toEqual([]);
    expect(acceptedNameLanguages(undefined)).toEqual([]);
    expect(acceptedNameLanguages('')).toEqual([]);
  });
});

describe('localName', () => {
  it('gives the name in the first language asked that it has, else in English', () => {
    const names = { en: 'Mexico', es: 'México' };
    expect(localName(names, ['fr', 'es'])).toBe('México');
    expect(localName(names, ['fr'])).toBe('Mexico');
    expect(localName(names, [])).toBe('Mexico');
  });
});
