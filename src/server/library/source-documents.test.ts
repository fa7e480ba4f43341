import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_DOCUMENTS_DIR } from '../paths.js';
import { ContentError } from './content.js';
import { readSourceDocuments, SOURCE_DOCUMENTS } from './source-documents.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder with the bundled documents' names (empty files) and this catalogue. */
function folder(catalogue: string, documents = ['000_a.txt', '001_b.txt']): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bridges-sources-'));
  dirs.push(dir);
  for (const d of documents) writeFileSync(path.join(dir, `${d}.gz`), '');
  const file = path.join(dir, 'catalogue.yaml');
  writeFileSync(file, catalogue);
  return { dir, file };
}

const entry = (label: string) => `  label: ${label}\n  kind: talks\n  event: A seminar\n`;

function problemsOf(catalogue: string, documents?: string[]): string {
  const { dir, file } = folder(catalogue, documents);
  try {
    readSourceDocuments(dir, file);
  } catch (err) {
    if (err instanceof ContentError) return err.message;
    throw err;
  }
  throw new Error('the catalogue was accepted');
}

describe('the catalogue of the bundled source documents', () => {
  it('says what every bundled document is, as the folder holds them', () => {
    const bundled = readdirSync(SOURCE_DOCUMENTS_DIR)
      .filter((f) => f.endsWith('.txt.gz'))
      .map((f) => f.slice(0, -3));
    expect([...SOURCE_DOCUMENTS.keys()].sort()).toEqual(bundled.sort());
    // Its facts are the documents' own: the Brussels conclusions' dates as their heading prints them.
    const brussels = SOURCE_DOCUMENTS.get('004_356cef00a4ef66b7.txt');
    expect(brussels?.eventDate).toEqual([
      [2006, 3, 15],
      [2006, 3, 16],
    ]);
    const text = readFileSync(path.join(SOURCE_DOCUMENTS_DIR, 'README.md'), 'utf8');
    expect(text).toContain('catalogue.yaml');
  });

  it('refuses a document with no entry, an entry with no document, and a bad field, by line', () => {
    expect(problemsOf(`000_a.txt:\n${entry('A')}`)).toMatch(
      /catalogue\.yaml field 001_b\.txt: a bundled document with no entry/,
    );
    expect(problemsOf(`000_a.txt:\n${entry('A')}001_b.txt:\n${entry('B')}002_c.txt:\n${entry('C')}`)).toMatch(
      /catalogue\.yaml:10 field 002_c\.txt: an entry with no document/,
    );
    expect(problemsOf(`000_a.txt:\n${entry('A')}  year: soon\n001_b.txt:\n${entry('B')}`)).toMatch(
      /catalogue\.yaml:5 field 000_a\.txt\.year: /,
    );
    expect(problemsOf(`000_a.txt:\n${entry('A')}  kind: book\n`)).toMatch(/YAML: /);
  });
});
