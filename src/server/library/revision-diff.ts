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

/** What changed between two versions of an item's data, field by field; text comes with a word diff. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = a.get(field);
    const now = b.get(field);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const change: FieldChange = { field, before: was ?? null, after: now ?? null };
    if ((typeof was === 'string' || was === undefined) && (typeof now === 'string' || now === undefined)) {
      change.words = diffWords(was ?? '', now ?? '').map((part) => ({
        value: part.value,
        added: part.added,
        removed: part.removed,
      }));
    }
    changes.push(change);
  }
  return changes;
}
