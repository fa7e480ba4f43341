import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { ContentError } from './content.js';
import { loadLibraryContent } from './load-content.js';

// Invented test content, written to a temporary directory by each test.
const ORGANISATION = `name: { en: Test Agency }\ntype: government\ncountries: [GHA]\n`;
const RECORD = `kind: programme
title:
  en: Test programme
summary:
  en: A programme invented for this test.
countries:
  - { code: GHA, role: origin }
organisations:
  - { id: test-agency, role: implementing }
instruments: [migration_policy]
themes: [diaspora]
interventions: [diaspora_knowledge_transfer]
sources:
  - { title: Invented test source }
`;

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bridges-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe.each(testEngines())('library content files on %s', (engine) => {
  let testDb: TestDatabase;
  const dirs: string[] = [];
  const dir = (files: Record<string, string>) => {
    const d = contentDir(files);
    dirs.push(d);
    return d;
  };
  const count = async () =>
    Number(
      (
        await testDb.database.db
          .selectFrom('library_item')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function problemsOf(files: Record<string, string>): Promise<string> {
    const before = await count();
    const error = await loadLibraryContent(testDb.database, { dir: dir(files) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(await count()).toBe(before); // all or nothing
    return (error as ContentError).message;
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('names the file and line of a YAML syntax error', async () => {
    const message = await problemsOf({
      'organisations/test-agency.yaml': ORGANISATION,
      'records/test-programme.yaml': RECORD.replace('  en: Test programme', '  en: [Test programme'),
    });
    expect(message).toMatch(/records\/test-programme\.yaml:\d+ YAML:/);
  });

  it('names the file, line and field of each invalid value, in every file at once', async () => {
    const message = await problemsOf({
      'organisations/test-agency.yaml': ORGANISATION.replace('government', 'ministry'),
      'records/test-programme.yaml': RECORD.replace('themes: [diaspora]', 'themes: [diaspora, tourism]').replace(
        'kind: programme',
        'kind: programme\nstatus: ongoing',
      ),
    });
    expect(message).toContain('organisations/test-agency.yaml:2 field type: Invalid option');
    expect(message).toMatch(/records\/test-programme\.yaml:12 field themes\[1\]: Invalid option/);
    expect(message).toMatch(/records\/test-programme\.yaml:2 field status: Invalid option/);
  });

  it('reads the acronyms in French and Spanish, held to the limits of the acronym', async () => {
    const message = await problemsOf({
      'organisations/test-agency.yaml': `${ORGANISATION}acronym: TA\nacronyms: { fr: AT, es: ${'X'.repeat(41)} }\n`,
      'records/test-programme.yaml': RECORD.replace('kind: programme', 'kind: programme\nacronyms: { de: TP }'),
    });
    expect(message).toMatch(/organisations\/test-agency\.yaml:5 field acronyms\.es: Too big: .*40/);
    expect(message).toMatch(/records\/test-programme\.yaml:2 field acronyms: Unrecognized key: "de"/);

    const file = `${ORGANISATION}acronym: TA\nacronyms: { fr: AT, es: AT }\n`;
    await loadLibraryContent(testDb.database, { dir: dir({ 'organisations/test-acronym-agency.yaml': file }) });
    const row = await testDb.database.db
      .selectFrom('library_item')
      .select('published_data')
      .where('id', '=', 'test-acronym-agency')
      .executeTakeFirstOrThrow();
    expect(row.published_data).toMatchObject({ acronym: 'TA', acronyms: { fr: 'AT', es: 'AT' } });
  });

  it('reports a missing required field where its parent is', async () => {
    const message = await problemsOf({
      'organisations/test-agency.yaml': ORGANISATION,
      'records/test-programme.yaml': RECORD.replace(/sources:\n.*\n/, ''),
    });
    expect(message).toMatch(/records\/test-programme\.yaml:1 field sources: /);
  });

  it('checks references between files and country codes against the reference data', async () => {
    const message = await problemsOf({
      'records/test-programme.yaml': RECORD.replace('GHA', 'GHX'),
    });
    expect(message).toContain(
      'records/test-programme.yaml:7 field countries[0].code: unknown country or area code "GHX"',
    );
    expect(message).toContain(
      'records/test-programme.yaml:9 field organisations[0].id: no organisation has the id "test-agency"',
    );
  });

  it('refuses a file name that is not an id, and an id used twice', async () => {
    expect(await problemsOf({ 'organisations/Test Agency.yaml': ORGANISATION })).toMatch(/not a valid id/);
    expect(
      await problemsOf({
        'organisations/test-agency.yaml': ORGANISATION,
        'studies/test-agency.yaml': 'title: { en: x }',
      }),
    ).toMatch(/the id "test-agency" is also used by .*organisations\/test-agency\.yaml/);
  });

  it('loads valid files once, applies a changed file as a new version, and keeps UI edits', async () => {
    const files = { 'organisations/test-agency.yaml': ORGANISATION, 'records/test-programme.yaml': RECORD };
    const first = await loadLibraryContent(testDb.database, { dir: dir(files) });
    expect(first).toEqual({
      inserted: ['test-programme', 'test-agency'],
      updated: [],
      unchanged: 0,
      kept: [],
      clashes: [],
    });
    const again = await loadLibraryContent(testDb.database, { dir: dir(files) });
    expect(again).toEqual({ inserted: [], updated: [], unchanged: 2, kept: [], clashes: [] });

    const changed = {
      ...files,
      'records/test-programme.yaml': RECORD.replace('invented for this test', 'changed in its file'),
    };
    expect(await loadLibraryContent(testDb.database, { dir: dir(changed) })).toMatchObject({
      updated: ['test-programme'],
    });
    const row = await testDb.database.db
      .selectFrom('library_item')
      .select(['version', 'state', 'published_data'])
      .where('id', '=', 'test-programme')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      version: 2,
      state: 'published',
      published_data: { summary: { en: 'A programme changed in its file.' } },
    });

    // Someone edits the item in the UI: a later file change must not overwrite that edit.
    await testDb.database.db
      .insertInto('library_revision')
      .values({
        item_id: 'test-programme',
        version: 3,
        action: 'edit',
        state: 'draft',
        data: '{}',
        author_label: 'Test editor',
      })
      .execute();
    await testDb.database.db
      .updateTable('library_item')
      .set({ version: 3, state: 'draft' })
      .where('id', '=', 'test-programme')
      .execute();
    const third = {
      ...files,
      'records/test-programme.yaml': RECORD.replace('invented for this test', 'changed again'),
    };
    expect(await loadLibraryContent(testDb.database, { dir: dir(third) })).toMatchObject({
      kept: ['test-programme'],
      updated: [],
    });
  });

  it('leaves a file whose id an item created in the UI holds unloaded, the item as it was, and says so', async () => {
    // A contributor's draft (no content file) under an id a file of a later release brings: of
    // another type, or of the same.
    await testDb.database.db
      .insertInto('library_item')
      .values([
        { id: 'test-squat-org', type: 'record', state: 'draft', version: 1, data: '{}' },
        { id: 'test-squat-same', type: 'organisation', state: 'draft', version: 1, data: '{}' },
      ])
      .execute();
    const files = {
      'organisations/test-squat-org.yaml': ORGANISATION,
      'organisations/test-squat-same.yaml': ORGANISATION,
      'organisations/test-free.yaml': ORGANISATION,
    };
    const result = await loadLibraryContent(testDb.database, { dir: dir(files) });
    expect(result.inserted).toEqual(['test-free']);
    expect(result.clashes.map((c) => c.slice(c.indexOf('organisations/')))).toEqual([
      'organisations/test-squat-org.yaml: not loaded, as the id "test-squat-org" is held by a record created in the UI (draft); rename that item or the file',
      'organisations/test-squat-same.yaml: not loaded, as the id "test-squat-same" is held by an organisation created in the UI (draft); rename that item or the file',
    ]);
    const kept = await testDb.database.db
      .selectFrom('library_item')
      .select(['id', 'type', 'state', 'content_file'])
      .where('id', 'in', ['test-squat-org', 'test-squat-same'])
      .orderBy('id')
      .execute();
    expect(kept).toEqual([
      { id: 'test-squat-org', type: 'record', state: 'draft', content_file: null },
      { id: 'test-squat-same', type: 'organisation', state: 'draft', content_file: null },
    ]);
  });
});
