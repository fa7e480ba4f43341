import { diffWords } from 'diff';

/**
 * Fields that differ between their saved data and the form, each with a word diff (theirs → mine);
 * past a few thousand edits, or a fifth of a second, the diff is given up (as the server's is:
 * two long, unlike texts would hold the page for minutes) and the field shows theirs, then mine.
 */
export function diffFields(theirs: Record<string, string>, mine: Record<string, string>) {
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].sort();
  return fields
    .filter((field) => (theirs[field] ?? '') !== (mine[field] ?? ''))
    .map((field) => {
      const [before, after] = [theirs[field] ?? '', mine[field] ?? ''];
      const parts = diffWords(before, after, { maxEditLength: 2_000, timeout: 200 }) ?? [
        { value: before, added: false, removed: true },
        { value: after, added: true, removed: false },
      ];
      return {
        field,
        words: parts
          .filter((c) => c.value !== '')
          .map((c) => ({ value: c.value, added: Boolean(c.added), removed: Boolean(c.removed) })),
      };
    });
}
