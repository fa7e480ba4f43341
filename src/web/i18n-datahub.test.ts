import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.js';
import { SDG_TARGETS } from '../core/library-vocab.js';

describe('titles in French and Spanish', () => {
  it('write a name after a colon in lower case, an acronym as it is', () => {
    expect(messagesFor('fr').topNTitle(15, 'Stock de migrants internationaux', '2024')).toBe(
      'Les 15 premiers\u00a0: stock de migrants internationaux, 2024',
    );
    expect(messagesFor('es').topNTitle(15, 'Stock de migrantes internacionales', '2024')).toBe(
      'Los 15 primeros: stock de migrantes internacionales, 2024',
    );
    expect(messagesFor('fr').topNTitle(15, 'PIB (dollars US courants)', '2023')).toContain('PIB (dollars');
    expect(messagesFor('en').topNTitle(15, 'International migrant stock', '2024')).toBe(
      'Top 15: International migrant stock, 2024',
    );
  });
});

describe('the SDG target the cost of sending money is measured against', () => {
  it('is quoted in the UN’s own words in each language (A/RES/70/1, as the library labels it)', () => {
    const official = SDG_TARGETS.find((target) => target.code === 'sdg10.c');
    // Spaces before % and "pour cent" set apart, the quote must hold the official text after its code.
    const plain = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').replace(/ %/g, '%');
    for (const lang of ['en', 'fr', 'es'] as const) {
      const words = plain(official?.label[lang].replace(/^10\.c /, '') ?? '');
      expect(words.length).toBeGreaterThan(100);
      const quote = plain(messagesFor(lang).sdgTargetText);
      expect(quote.toLowerCase()).toContain(words.toLowerCase());
    }
  });
});
