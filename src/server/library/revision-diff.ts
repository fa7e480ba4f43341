import { diffWords } from 'diff';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  words?: { value: string; added: boolean; removed: boolean }[];
}

/** Leaves of an item's data by dotted path; objects are walked, lists are compared whole. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/**
 * A word diff is given up past this many edits, or after this long (milliseconds): its cost grows
 * with the text's length times the edits, and two long, unlike texts took minutes, the server
 * answering nothing else meanwhile. The change is then shown as its before and after.
 */
const MAX_WORD_EDITS = 2_000;
const WORD_DIFF_MS = 200;

/**
 * What changed between two versions of an item's data, field by field; text comes with a word
 * diff (within MAX_WORD_EDITS and WORD_DIFF_MS) unless `words` is false (only the fields asked).
 */
export function fieldChanges(before: unknown, after: unknown, { words = true } = {}): FieldChange[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = a.get(field);
    const now = b.get(field);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const change: FieldChange = { field, before: was ?? null, after: now ?? null };
    if (words && (typeof was === 'string' || was === undefined) && (typeof now === 'string' || now === undefined)) {
      const parts = diffWords(was ?? '', now ?? '', { maxEditLength: MAX_WORD_EDITS, timeout: WORD_DIFF_MS });
      if (parts) change.words = parts.map((part) => ({ value: part.value, added: part.added, removed: part.removed }));
    }
    changes.push(change);
  }
  return changes;
}
