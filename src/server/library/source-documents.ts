import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SourceDocument, type SourceDocumentList } from '../../core/library.js';
import { SOURCE_DOCUMENTS_DIR } from '../paths.js';
import { ContentError, parseYamlFile, type ContentProblem } from './content.js';

const CATALOGUE = path.join(SOURCE_DOCUMENTS_DIR, 'catalogue.yaml');
const CATALOGUE_NAME = 'content/sources/catalogue.yaml';

/**
 * The bundled source documents (content/sources/<file>.gz) and what each one is, from the
 * folder's catalogue.yaml, read and checked when the server starts: a document with no entry, an
 * entry with no document, or an entry the schema refuses is a ContentError naming the line.
 */
export function readSourceDocuments(
  dir: string = SOURCE_DOCUMENTS_DIR,
  catalogue: string = CATALOGUE,
): ReadonlyMap<string, SourceDocument> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt.gz'))
    .map((f) => f.slice(0, -3))
    .sort();
  const name = catalogue === CATALOGUE ? CATALOGUE_NAME : catalogue;
  const parsed = parseYamlFile(z.record(z.string(), SourceDocument), readFileSync(catalogue, 'utf8'), name);
  if ('problems' in parsed) throw new ContentError(parsed.problems);
  const problems: ContentProblem[] = [
    ...files
      .filter((f) => !(f in parsed.data))
      .map((f) => ({ file: name, line: null, field: f, message: 'a bundled document with no entry: say what it is' })),
    ...Object.keys(parsed.data)
      .filter((f) => !files.includes(f))
      .map((f) => ({
        file: name,
        line: parsed.lineOf([f]),
        field: f,
        message: `an entry with no document: ${f}.gz is not beside the catalogue`,
      })),
  ];
  if (problems.length) throw new ContentError(problems);
  return new Map(files.map((f) => [f, parsed.data[f] as SourceDocument]));
}

/** The bundled source documents, by file name (what citations name). */
export const SOURCE_DOCUMENTS = readSourceDocuments();

/** The list /api/library/sources answers. */
export function sourceDocumentList(): SourceDocumentList {
  return { documents: [...SOURCE_DOCUMENTS].map(([file, doc]) => ({ file, ...doc })) };
}
