import { describe, expect, it } from 'vitest';
import { dimensionValueLabel } from './dimensions.js';
import { messagesFor } from './i18n.js';

describe('dimensionValueLabel', () => {
  const fr = messagesFor('fr');
  const es = messagesFor('es');
  const en = messagesFor('en');

  it('names a UNHCR group, a DIOC education level and a DIOC code in the reader’s language', () => {
    expect(dimensionValueLabel('group', 'idp return', fr, 'fr')).toBe('Déplacés internes rentrés');
    expect(dimensionValueLabel('group', 'refugee', es, 'es')).not.toBe('refugee');
    expect(dimensionValueLabel('edu_lfs', '3', fr, 'fr')).toBe('Supérieur (3)');
    expect(dimensionValueLabel('edu_lfs', '3', es, 'es')).toBe('Terciario (3)');
    expect(dimensionValueLabel('national', '0', en, 'en')).toBe('Foreign citizen (0)');
  });

  it('writes an amount sent in US dollars', () => {
    expect(dimensionValueLabel('amount', '200', en, 'en')).toMatch(/^US\$\s?200$/);
  });

  it('keeps a code it has no name for as it is', () => {
    expect(dimensionValueLabel('edu_lfs', '7', en, 'en')).toBe('7');
    expect(dimensionValueLabel('colour', 'blue', fr, 'fr')).toBe('blue');
  });
});
