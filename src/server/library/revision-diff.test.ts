import { describe, expect, it } from 'vitest';
import { MAX_TEXT, Multilingual } from '../../core/library.js';
import { fieldChanges } from './revision-diff.js';

/** `count` words of letters, each drawn from a seeded sequence: the same text on every run. */
function words(count: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  return Array.from({ length: count }, () => (next() % 1_000_000).toString(36)).join(' ');
}

describe('the changes between two revisions', () => {
  it('diffs a text by its words', () => {
    const [change] = fieldChanges(
      { summary: { en: 'Mentors in Senegal.' } },
      { summary: { en: 'Mentors in France.' } },
    );
    expect(change?.field).toBe('summary.en');
    expect(change?.words?.filter((w) => w.added).map((w) => w.value)).toEqual(['France']);
  });

  it('gives up the word diff of long, unlike texts, showing them before and after', () => {
    // Two texts of the longest the library takes, nothing in common: a word diff would cost the
    // server seconds to minutes, answering nothing else meanwhile.
    const before = words(3_000, 1).slice(0, MAX_TEXT);
    const after = words(3_000, 2).slice(0, MAX_TEXT);
    const [change] = fieldChanges({ summary: { en: before } }, { summary: { en: after } });
    expect(change).toMatchObject({ field: 'summary.en', before, after });
    expect(change?.words).toBeUndefined();
    // A few words changed in a long text are still diffed.
    const edited = before.replace(/^\S+/, 'changed');
    expect(fieldChanges({ t: before }, { t: edited })[0]?.words?.filter((w) => w.added)).toEqual([
      { value: 'changed', added: true, removed: false },
    ]);
  });

  it('names the fields only, without diffing them, when asked for the list of revisions', () => {
    const changes = fieldChanges({ a: 'one', b: 'same' }, { a: 'two', b: 'same', c: 'new' }, { words: false });
    expect(changes.map((c) => c.field)).toEqual(['a', 'c']);
    expect(changes.every((c) => c.words === undefined)).toBe(true);
  });

  it('takes a text of at most MAX_TEXT characters in each language', () => {
    expect(Multilingual.safeParse({ en: 'x'.repeat(MAX_TEXT) }).success).toBe(true);
    const long = Multilingual.safeParse({ en: 'ok', fr: 'x'.repeat(MAX_TEXT + 1) });
    expect(long.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['fr', 'must be at most 20,000 characters'],
    ]);
    expect(Multilingual.safeParse({ en: '  ' }).error?.issues[0]?.message).toBe('English text is required');
  });
});
