import type { Kysely } from 'kysely';
import type { ItemInput } from '../../core/library.js';
import type { DB, ItemTypeColumn } from '../db/schema.js';
import { libraryRepository } from './library.repository.js';
import { SOURCE_DOCUMENTS } from './source-documents.js';

export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

interface Reference {
  path: (string | number)[];
  id: string;
  expected: ItemTypeColumn;
}

/** The item ids and area codes an item's data points at, with where. */
function referencesOf(input: ItemInput): {
  items: Reference[];
  areas: { path: (string | number)[]; code: string }[];
  documents: { path: (string | number)[]; name: string }[];
} {
  const items: Reference[] = [];
  const areas: { path: (string | number)[]; code: string }[] = [];
  const documents: { path: (string | number)[]; name: string }[] = [];
  const sources = input.type === 'study' ? [input.data.citation] : input.data.sources;
  sources.forEach((s, i) => {
    if (s.document)
      documents.push({
        path: input.type === 'study' ? ['citation', 'document'] : ['sources', i, 'document'],
        name: s.document,
      });
  });
  if (input.type === 'record') {
    input.data.organisations.forEach((o, i) =>
      items.push({ path: ['organisations', i, 'id'], id: o.id, expected: 'organisation' }),
    );
    input.data.related.forEach((id, i) => items.push({ path: ['related', i], id, expected: 'record' }));
    input.data.countries.forEach((c, i) => areas.push({ path: ['countries', i, 'code'], code: c.code }));
  } else if (input.type === 'organisation') {
    input.data.countries.forEach((code, i) => areas.push({ path: ['countries', i], code }));
  } else {
    input.data.records.forEach((id, i) => items.push({ path: ['records', i], id, expected: 'record' }));
    input.data.places.forEach((code, i) => areas.push({ path: ['places', i], code }));
  }
  return { items, areas, documents };
}

/**
 * Checks that every organisation, related record and evaluated record an item names exists with
 * the right type, every country code is a known place, and every cited document is bundled. `pending` holds items being loaded
 * together (the content files), which count as existing.
 */
export async function checkReferences(
  db: Kysely<DB>,
  inputs: ItemInput[],
  pending: Map<string, ItemTypeColumn> = new Map(),
): Promise<Map<ItemInput, ReferenceProblem[]>> {
  const refs = inputs.map((input) => ({ input, ...referencesOf(input) }));
  const ids = [...new Set(refs.flatMap((r) => r.items.map((i) => i.id)).filter((id) => !pending.has(id)))];
  const codes = [...new Set(refs.flatMap((r) => r.areas.map((a) => a.code)))];
  const stored = await libraryRepository.itemTypes(db, ids);
  const known = await libraryRepository.knownAreas(db, codes);
  const problems = new Map<ItemInput, ReferenceProblem[]>();
  for (const r of refs) {
    const found: ReferenceProblem[] = [];
    for (const ref of r.items) {
      const type = pending.get(ref.id) ?? stored.get(ref.id);
      if (ref.id === r.input.id) found.push({ path: ref.path, message: 'an item cannot refer to itself' });
      else if (!type) found.push({ path: ref.path, message: `no ${ref.expected} has the id "${ref.id}"` });
      else if (type !== ref.expected)
        found.push({ path: ref.path, message: `"${ref.id}" is a ${type}, not a ${ref.expected}` });
    }
    for (const doc of r.documents) {
      if (!SOURCE_DOCUMENTS.has(doc.name))
        found.push({
          path: doc.path,
          message: `no bundled source document is called "${doc.name}" (they are in content/sources/)`,
        });
    }
    for (const area of r.areas) {
      if (!known.has(area.code))
        found.push({ path: area.path, message: `unknown country or area code "${area.code}"` });
    }
    if (found.length) problems.set(r.input, found);
  }
  return problems;
}
