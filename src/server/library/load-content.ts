import type { Kysely } from 'kysely';
import type { ItemInput } from '../../core/library.js';
import type { Database } from '../db/database.js';
import type { DB, ItemTypeColumn } from '../db/schema.js';
import { LIBRARY_CONTENT_DIR } from '../paths.js';
import { reindexItems } from '../search/search.indexer.js';
import { ContentError, formatPath, readContentDir, type ContentItem, type ContentProblem } from './content.js';
import { libraryRepository as repo } from './library.repository.js';
import { checkReferences } from './references.js';

export interface ContentLoadResult {
  inserted: string[];
  updated: string[];
  unchanged: number;
  /** Items whose file changed but which were edited in the UI since: the database copy is kept. */
  kept: string[];
  /**
   * Files whose id an item created in the UI holds (a contributor's draft under the id a new file
   * brings): the file is not loaded, the item stays; each says which and what to do.
   */
  clashes: string[];
}

/** The author of revisions made by loading the repository's content files. */
export const CONTENT_AUTHOR = 'content file';

/**
 * Loads the library's content files into the database, all or nothing: a new file becomes a
 * published item; a changed file a new published version, unless the item was edited in the UI
 * since it was last loaded (then the edit wins and the file change is reported, not applied);
 * nothing is ever deleted. Any invalid file fails the whole load with every problem listed.
 */
export async function loadLibraryContent(
  database: Database,
  options: { dir?: string } = {},
): Promise<ContentLoadResult> {
  const items = readContentDir(options.dir ?? LIBRARY_CONTENT_DIR);
  await checkAll(database.db, items);
  return database.db.transaction().execute(async (trx) => {
    const result: ContentLoadResult = { inserted: [], updated: [], unchanged: 0, kept: [], clashes: [] };
    const conflicts: ContentProblem[] = [];
    for (const item of items) {
      const { input } = item;
      const row = await repo.findItem(trx, input.id, { forUpdate: true });
      if (!row) {
        await repo.insertItem(trx, {
          id: input.id,
          type: input.type,
          state: 'published',
          data: input.data,
          published: true,
          contentFile: item.file,
          contentHash: item.hash,
          userId: null,
        });
        await repo.insertRevision(trx, revision(item, 1));
        result.inserted.push(input.id);
      } else if (row.content_file === null) {
        // NOTE: not fatal: a draft anyone may create must not stop the server from starting, nor
        // be overwritten (nothing is lost); and it does not pass for the file's item either.
        result.clashes.push(
          `${item.file}: not loaded, as the id "${input.id}" is held by ${/^[aeiou]/.test(row.type) ? 'an' : 'a'} ${row.type} created in the UI (${row.state}); rename that item or the file`,
        );
      } else if (row.type !== input.type) {
        conflicts.push({
          file: item.file,
          line: null,
          field: '',
          message: `the id "${input.id}" belongs to a ${row.type} in the database, not a ${input.type}`,
        });
      } else if (row.content_hash === item.hash) {
        result.unchanged++;
      } else if (row.state === 'published' && (await repo.lastAction(trx, input.id)) === 'load') {
        const version = row.version + 1;
        await repo.updateItem(trx, input.id, {
          version,
          state: 'published',
          data: input.data,
          publish: true,
          reviewComment: null,
          userId: null,
          contentHash: item.hash,
        });
        await repo.insertRevision(trx, revision(item, version));
        result.updated.push(input.id);
      } else {
        result.kept.push(input.id);
      }
    }
    if (conflicts.length) throw new ContentError(conflicts);
    await reindexItems(trx, [...result.inserted, ...result.updated]);
    return result;
  });
}

function revision(item: ContentItem, version: number) {
  return {
    itemId: item.input.id,
    version,
    action: 'load' as const,
    state: 'published' as const,
    data: item.input.data,
    authorId: null,
    authorLabel: CONTENT_AUTHOR,
    comment: `Loaded from ${item.file}`,
  };
}

/** Ids unique across types, and every reference resolvable within the files or the database. */
async function checkAll(db: Kysely<DB>, items: ContentItem[]): Promise<void> {
  const problems: ContentProblem[] = [];
  const pending = new Map<string, ItemTypeColumn>();
  const fileOf = new Map<string, string>();
  for (const item of items) {
    const other = fileOf.get(item.input.id);
    if (other)
      problems.push({
        file: item.file,
        line: null,
        field: '',
        message: `the id "${item.input.id}" is also used by ${other}`,
      });
    pending.set(item.input.id, item.input.type);
    fileOf.set(item.input.id, item.file);
  }
  const byInput = new Map<ItemInput, ContentItem>(items.map((i) => [i.input, i]));
  const found = await checkReferences(
    db,
    items.map((i) => i.input),
    pending,
  );
  for (const [input, list] of found) {
    const item = byInput.get(input) as ContentItem;
    for (const p of list)
      problems.push({ file: item.file, line: item.lineOf(p.path), field: formatPath(p.path), message: p.message });
  }
  if (problems.length) throw new ContentError(problems);
}
