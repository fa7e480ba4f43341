import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ITEM_DATA, ItemId, type ItemInput } from '../../core/library.js';
import { ROOT_DIR } from '../paths.js';

/** The folder of each item type in the content directory. */
export const TYPE_FOLDERS = { record: 'records', organisation: 'organisations', study: 'studies' } as const;

export interface ContentProblem {
  /** Path relative to the repository root (or absolute when outside it). */
  file: string;
  line: number | null;
  field: string;
  message: string;
}

/** Content files that do not hold valid items: every problem, each with its file, line and field. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${String(problems.length)} problem${problems.length === 1 ? '' : 's'} in the library content:\n` +
        problems
          .map(
            (p) =>
              `  ${p.file}${p.line ? `:${String(p.line)}` : ''} ${p.field ? `field ${p.field}: ` : ''}${p.message}`,
          )
          .join('\n'),
    );
    this.name = 'ContentError';
  }
}

export interface ContentItem {
  input: ItemInput;
  file: string;
  /** SHA-256 of the validated data: tells whether a file changed since it was last loaded. */
  hash: string;
  /** The line of a field in the file, for cross-reference errors found later. */
  lineOf(fieldPath: readonly (string | number)[]): number | null;
}

/** `countries.0.code` → `countries[0].code`. */
export function formatPath(fieldPath: readonly PropertyKey[]): string {
  return fieldPath
    .map((k, i) => (typeof k === 'number' ? `[${String(k)}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function lineFinder(doc: Document, counter: LineCounter) {
  return (fieldPath: readonly (string | number)[]): number | null => {
    // The deepest node that exists on the path: a missing field is reported where its parent is.
    for (let depth = fieldPath.length; depth >= 0; depth--) {
      const node = doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
}

/**
 * Reads and validates every content file (`<dir>/{records,organisations,studies}/<id>.yaml`):
 * YAML syntax, the item type's schema, and the file name as the id. Throws a ContentError listing
 * every problem (ids are unique across types); references between items and to countries are
 * checked by the loader.
 */
export function readContentDir(dir: string): ContentItem[] {
  const items: ContentItem[] = [];
  const problems: ContentProblem[] = [];
  const fileOfId = new Map<string, string>();
  for (const [type, folder] of Object.entries(TYPE_FOLDERS) as [ItemInput['type'], string][]) {
    const folderPath = path.join(dir, folder);
    let names: string[];
    try {
      names = readdirSync(folderPath).filter((n) => !n.startsWith('.') && n !== 'README.md');
    } catch {
      continue; // a folder may be missing: no items of that type
    }
    for (const name of names.sort()) {
      const file = path.join(folderPath, name);
      const shown = displayPath(file);
      const id = name.replace(/\.ya?ml$/, '');
      if (id === name) {
        problems.push({ file: shown, line: null, field: '', message: 'is not a .yaml file' });
        continue;
      }
      if (!ItemId.safeParse(id).success) {
        problems.push({
          file: shown,
          line: null,
          field: '',
          message: `the file name "${id}" is not a valid id (lower-case letters, digits and single hyphens)`,
        });
        continue;
      }
      const other = fileOfId.get(id);
      if (other)
        problems.push({ file: shown, line: null, field: '', message: `the id "${id}" is also used by ${other}` });
      fileOfId.set(id, shown);
      const read = parseItemFile(type, id, readFileSync(file, 'utf8'), shown);
      if ('problems' in read) problems.push(...read.problems);
      else items.push(read.item);
    }
  }
  if (problems.length) throw new ContentError(problems);
  return items;
}

/** Parses and validates one content file's text. */
export function parseItemFile(
  type: ItemInput['type'],
  id: string,
  text: string,
  file: string,
): { item: ContentItem } | { problems: ContentProblem[] } {
  const parsed = parseYamlFile(ITEM_DATA[type] as z.ZodType<ItemInput['data']>, text, file);
  if ('problems' in parsed) return parsed;
  const input = { type, id, data: parsed.data } as ItemInput;
  return { item: { input, file, hash: contentHash(input.data), lineOf: parsed.lineOf } };
}

/**
 * A YAML file of the content validated by `schema`: its data and where each field is, or every
 * problem with its line and field (YAML syntax first, then the schema's).
 */
export function parseYamlFile<T>(
  schema: z.ZodType<T>,
  text: string,
  file: string,
): { data: T; lineOf: ContentItem['lineOf'] } | { problems: ContentProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? null,
        field: '',
        message: `YAML: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  const lineOf = lineFinder(doc, counter);
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(issue.path as (string | number)[]),
        field: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { data: parsed.data, lineOf };
}

/** SHA-256 of the canonical JSON of an item's data (keys sorted). */
export function contentHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function displayPath(file: string): string {
  const relative = path.relative(ROOT_DIR, file);
  return relative.startsWith('..') ? file : relative;
}
