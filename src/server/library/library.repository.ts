import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ItemStateColumn, ItemTypeColumn, LibraryItemTable, RevisionAction } from '../db/schema.js';
import { isoTimestamp } from '../db/sql.js';

/** The only SQL on library_item and library_revision (search_document belongs to src/server/search). */

/** An item as the repository reads it: its columns, the time as ISO text, and the last editor's name. */
export type ItemRow = Omit<Selectable<LibraryItemTable>, 'created_at' | 'updated_at'> & {
  updated_at: string;
  updated_by_name: string | null;
};

export interface RevisionRow {
  version: number;
  action: RevisionAction;
  state: ItemStateColumn;
  data: unknown;
  author_id: number | null;
  author_name: string | null;
  author_label: string;
  comment: string | null;
  created_at: string;
}

function selectItems(db: Kysely<DB>) {
  return db
    .selectFrom('library_item as i')
    .leftJoin('app_user as u', 'u.id', 'i.updated_by')
    .select([
      'i.id',
      'i.type',
      'i.state',
      'i.version',
      'i.data',
      'i.published_data',
      'i.published_version',
      'i.review_comment',
      'i.content_file',
      'i.content_hash',
      'i.created_by',
      'i.updated_by',
      'u.name as updated_by_name',
      isoTimestamp('i.updated_at').as('updated_at'),
    ]);
}

export const libraryRepository = {
  async findItem(db: Kysely<DB>, id: string, options: { forUpdate?: boolean } = {}): Promise<ItemRow | undefined> {
    let query = selectItems(db).where('i.id', '=', id);
    if (options.forUpdate) query = query.forUpdate('i');
    return query.executeTakeFirst();
  },

  async insertItem(
    db: Kysely<DB>,
    row: {
      id: string;
      type: ItemTypeColumn;
      state: ItemStateColumn;
      data: unknown;
      published: boolean;
      contentFile?: string;
      contentHash?: string;
      userId: number | null;
    },
  ): Promise<void> {
    const json = JSON.stringify(row.data);
    await db
      .insertInto('library_item')
      .values({
        id: row.id,
        type: row.type,
        state: row.state,
        version: 1,
        data: sql`${json}::jsonb`,
        published_data: row.published ? sql`${json}::jsonb` : null,
        published_version: row.published ? 1 : null,
        content_file: row.contentFile ?? null,
        content_hash: row.contentHash ?? null,
        created_by: row.userId,
        updated_by: row.userId,
      })
      .execute();
  },

  /** Writes a new version of an item; `publish` copies the data to the published copy, `unpublish` removes it. */
  async updateItem(
    db: Kysely<DB>,
    id: string,
    change: {
      version: number;
      state: ItemStateColumn;
      data: unknown;
      publish: boolean;
      unpublish?: boolean;
      reviewComment: string | null;
      userId: number | null;
      contentHash?: string;
    },
  ): Promise<void> {
    const json = JSON.stringify(change.data);
    let query = db
      .updateTable('library_item')
      .set({
        version: change.version,
        state: change.state,
        data: sql`${json}::jsonb`,
        review_comment: change.reviewComment,
        updated_by: change.userId,
        updated_at: sql`now()`,
      })
      .where('id', '=', id);
    if (change.publish) query = query.set({ published_data: sql`${json}::jsonb`, published_version: change.version });
    if (change.unpublish) query = query.set({ published_data: null, published_version: null });
    if (change.contentHash) query = query.set({ content_hash: change.contentHash });
    await query.execute();
  },

  async insertRevision(
    db: Kysely<DB>,
    revision: {
      itemId: string;
      version: number;
      action: RevisionAction;
      state: ItemStateColumn;
      data: unknown;
      authorId: number | null;
      authorLabel: string;
      comment: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('library_revision')
      .values({
        item_id: revision.itemId,
        version: revision.version,
        action: revision.action,
        state: revision.state,
        data: sql`${JSON.stringify(revision.data)}::jsonb`,
        author_id: revision.authorId,
        author_label: revision.authorLabel,
        comment: revision.comment,
      })
      .execute();
  },

  async listRevisions(db: Kysely<DB>, id: string): Promise<RevisionRow[]> {
    return db
      .selectFrom('library_revision as r')
      .leftJoin('app_user as u', 'u.id', 'r.author_id')
      .select([
        'r.version',
        'r.action',
        'r.state',
        'r.data',
        'r.author_id',
        'u.name as author_name',
        'r.author_label',
        'r.comment',
        isoTimestamp('r.created_at').as('created_at'),
      ])
      .where('r.item_id', '=', id)
      .orderBy('r.version', 'desc')
      .execute();
  },

  /** The last revision's action: tells whether anyone edited an item since the content files loaded it. */
  async lastAction(db: Kysely<DB>, id: string): Promise<RevisionAction | undefined> {
    const row = await db
      .selectFrom('library_revision')
      .select('action')
      .where('item_id', '=', id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.action;
  },

  /** The type of each item id that exists. */
  async itemTypes(db: Kysely<DB>, ids: string[]): Promise<Map<string, ItemTypeColumn>> {
    if (!ids.length) return new Map();
    const rows = await db.selectFrom('library_item').select(['id', 'type']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.type]));
  },

  /** Area codes among `codes` that are places (not publishers' aggregates). */
  async knownAreas(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await db
      .selectFrom('area')
      .select('code')
      .where('code', 'in', codes)
      .where('kind', '<>', 'aggregate')
      .execute();
    return new Set(rows.map((r) => r.code));
  },

  /** Short names of areas in a language (English where the reference data has none). */
  async areaNames(db: Kysely<DB>, codes: string[], lang: string): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await db
      .selectFrom('area as a')
      .leftJoin('area_name as n', (join) =>
        join.onRef('n.area_code', '=', 'a.code').on('n.lang', '=', lang).on('n.name_type', '=', 'short'),
      )
      .select(['a.code', sql<string>`coalesce(n.name, a.name_en)`.as('name')])
      .where('a.code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  /** M49 region and sub-region codes of areas. */
  /** The M49 regions, sub-regions and intermediate regions: the codes the gap map's region filter takes. */
  async m49Regions(db: Kysely<DB>): Promise<{ code: string; name_en: string }[]> {
    return db.selectFrom('m49_region').select(['code', 'name_en']).orderBy('code').execute();
  },

  async areaRegions(db: Kysely<DB>, codes: string[]): Promise<Map<string, string[]>> {
    if (!codes.length) return new Map();
    const rows = await db
      .selectFrom('area')
      .select(['code', 'region_code', 'subregion_code', 'intermediate_code'])
      .where('code', 'in', codes)
      .execute();
    return new Map(
      rows.map((r) => [r.code, [r.region_code, r.subregion_code, r.intermediate_code].filter((c): c is string => !!c)]),
    );
  },

  /** Items by id, with the copy the reader may see (published, or working for editors). */
  async itemsByIds(db: Kysely<DB>, ids: string[], working: boolean) {
    if (!ids.length) return [];
    const rows = await db
      .selectFrom('library_item')
      .select(['id', 'type', working ? 'data' : 'published_data as data'])
      .where('id', 'in', ids)
      .execute();
    return rows.filter((r) => r.data !== null);
  },

  /** Published items of a type, in id order. */
  async publishedItems(db: Kysely<DB>, type: ItemTypeColumn): Promise<{ id: string; data: unknown }[]> {
    return db
      .selectFrom('library_item')
      .select(['id', 'published_data as data'])
      .where('type', '=', type)
      .where('published_data', 'is not', null)
      .orderBy('id')
      .execute();
  },

  /** Published studies that speak to a record. */
  async studiesOf(db: Kysely<DB>, recordId: string): Promise<{ id: string; data: unknown }[]> {
    return db
      .selectFrom('library_item')
      .select(['id', 'published_data as data'])
      .where('type', '=', 'study')
      .where(sql<boolean>`published_data -> 'records' ? ${recordId}`)
      .orderBy('id')
      .execute();
  },

  /** Published records an organisation takes part in. */
  async recordsWithOrganisation(db: Kysely<DB>, organisationId: string): Promise<{ id: string; data: unknown }[]> {
    return db
      .selectFrom('library_item')
      .select(['id', 'published_data as data'])
      .where('type', '=', 'record')
      .where(sql<boolean>`published_data -> 'organisations' @> ${JSON.stringify([{ id: organisationId }])}::jsonb`)
      .orderBy('id')
      .execute();
  },

  async inReview(db: Kysely<DB>): Promise<ItemRow[]> {
    return selectItems(db).where('i.state', '=', 'in_review').orderBy('i.updated_at').execute();
  },

  /** Unpublished items (draft, in review, returned) the user made any revision of. */
  async unpublishedOf(db: Kysely<DB>, userId: number): Promise<ItemRow[]> {
    return selectItems(db)
      .where('i.state', 'in', ['draft', 'returned', 'in_review'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('library_revision as r')
            .select('r.version')
            .whereRef('r.item_id', '=', 'i.id')
            .where('r.author_id', '=', userId),
        ),
      )
      .orderBy('i.updated_at', 'desc')
      .execute();
  },
};
