import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.js';

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
