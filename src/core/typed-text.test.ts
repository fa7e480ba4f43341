import { describe, expect, it } from 'vitest';
import { hiddenCharacter } from './typed-text.js';

describe('hiddenCharacter', () => {
  it('refuses control characters, bidirectional controls and half characters, naming each and where it is', () => {
    expect(hiddenCharacter('Plain, accented: é, ñ, « », “ ”, emoji 🌍\ttab\nnew line\r\n')).toBeUndefined();
    expect(hiddenCharacter('ab\u0007c')).toBe('holds U+0007, a control character, at character 3; remove it');
    expect(hiddenCharacter('x\u0085')).toMatch(/^holds U\+0085, a control character, at character 2/);
    // "Report" shown reversed: an override makes the text display otherwise than it searches.
    expect(hiddenCharacter('\u202Etroper')).toBe(
      'holds U+202E, a bidirectional control, which reorders the text on screen, at character 1; remove it',
    );
    expect(hiddenCharacter('a\u2066b\u2069')).toMatch(/^holds U\+2066, a bidirectional control/);
    expect(hiddenCharacter('a\uD83Cb')).toBe(
      'holds U+D83C, half a character (a lone surrogate), at character 2; remove it',
    );
    expect(hiddenCharacter('\uDF0D')).toMatch(/^holds U\+DF0D, half a character/);
    // The marks that only set a direction, and the separators an export strips, are text.
    expect(hiddenCharacter('a\u200Eb\u200Fc\u2028d')).toBeUndefined();
  });
});
