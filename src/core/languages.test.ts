import { describe, expect, it } from 'vitest';
import { preferredUiLanguage } from './languages.js';

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
