import { describe, expect, it } from 'vitest';
import { withLang } from './links.js';

describe('withLang', () => {
  it('adds the language to a bare path', () => {
    expect(withLang('/countries', 'fr')).toBe('/countries?lang=fr');
  });

  it('replaces the language and keeps the other parameters and the hash', () => {
    expect(withLang('/countries?q=fil&lang=en#table', 'es')).toBe('/countries?q=fil&lang=es#table');
  });
});
