import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appraisalQuality, hasRole, type Role } from '../../core/library-vocab.js';
import {
  ITEM_DATA,
  type ItemInput,
  type ItemView,
  type OrganisationData,
  type RecordData,
  type ReviewQueue,
  type RevisionDetail,
  type RevisionList,
  type StudyData,
  type TransitionBody,
  type User,
} from '../../core/library.js';
import type { UiLanguage } from '../../core/languages.js';
import type { DB, ItemStateColumn, RevisionAction } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { reindexItems } from '../search/search.indexer.js';
import { formatPath } from './content.js';
import { libraryRepository as repo, type ItemRow, type RevisionRow } from './library.repository.js';
import { checkReferences, type ReferenceProblem } from './references.js';
import { fieldChanges } from './revision-diff.js';

type AnyData = RecordData | OrganisationData | StudyData;

/** The title of an item's data in a language, English when it has no translation. */
export function itemTitle(type: ItemRow['type'], data: unknown, lang: UiLanguage): string {
  const d = data as AnyData;
  const text = type === 'organisation' ? (d as OrganisationData).name : (d as RecordData | StudyData).title;
  return text[lang] ?? text.en;
}

function isEditor(user: User | null): user is User {
  return !!user && hasRole(user.role, 'contributor');
}

function invalid(problems: { path: PropertyKey[]; message: string }[], prefix = 'data'): ApiError {
  const details = problems.map((p) => ({
    field: [prefix, formatPath(p.path)].filter(Boolean).join('.'),
    message: p.message,
  }));
  return new ApiError(
    400,
    'invalid_parameter',
    details.map((d) => `${d.field}: ${d.message}`).join('; '),
    details.map((d) => ({ ...d, field: d.field.replace(/\.\[/g, '[') })),
  );
}

/** Validates an item's data against its type's schema and its references; returns the parsed data. */
async function validate(db: Kysely<DB>, type: ItemRow['type'], id: string, data: unknown): Promise<AnyData> {
  const schema: z.ZodType = ITEM_DATA[type];
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const input = { type, id, data: parsed.data } as ItemInput;
  const problems: ReferenceProblem[] = (await checkReferences(db, [input])).get(input) ?? [];
  if (problems.length) throw invalid(problems);
  return parsed.data as AnyData;
}

function checkVersion(row: ItemRow, version: number) {
  if (row.version !== version)
    throw ApiError.conflict(
      `"${row.id}" was changed since you opened it: you edited version ${String(version)}, it is now at version ${String(row.version)}${row.updated_by_name ? ` (saved by ${row.updated_by_name} at ${row.updated_at})` : ''}. Reload it, then apply your changes again.`,
      [{ field: 'version', message: `current version is ${String(row.version)}` }],
    );
}

async function present(
  db: Kysely<DB>,
  row: ItemRow,
  data: AnyData,
  working: boolean,
  lang: UiLanguage,
): Promise<ItemView> {
  const links: ItemView['links'] = { countries: [], organisations: [], related: [], records: [], evidence: [] };
  const countryRefs: { code: string; role?: string }[] =
    row.type === 'record'
      ? (data as RecordData).countries
      : row.type === 'organisation'
        ? (data as OrganisationData).countries.map((code) => ({ code }))
        : (data as StudyData).places.map((code) => ({ code }));
  const names = await repo.areaNames(
    db,
    countryRefs.map((c) => c.code),
    lang,
  );
  links.countries = countryRefs.map((c) => ({ ...c, name: names.get(c.code) ?? c.code }));

  const ref = (item: { id: string; type: ItemRow['type']; data: unknown }) => ({
    id: item.id,
    type: item.type,
    title: itemTitle(item.type, item.data, lang),
  });
  if (row.type === 'record') {
    const record = data as RecordData;
    const linked = await repo.itemsByIds(db, [...record.organisations.map((o) => o.id), ...record.related], working);
    const byId = new Map(linked.map((l) => [l.id, l]));
    links.organisations = record.organisations.flatMap((o) => {
      const item = byId.get(o.id);
      return item ? [{ ...ref(item), role: o.role, orgType: (item.data as OrganisationData).type }] : [];
    });
    links.related = record.related.flatMap((id) => {
      const item = byId.get(id);
      return item ? [ref(item)] : [];
    });
    links.evidence = (await repo.studiesOf(db, row.id)).map((s) => {
      const study = s.data as StudyData;
      return {
        ...ref({ id: s.id, type: 'study', data: study }),
        year: study.year,
        design: study.design,
        quality: appraisalQuality(study.appraisal),
        outcomes: study.outcomes.map((o) => ({ outcome: o.outcome, effect: o.effect })),
      };
    });
  } else if (row.type === 'study') {
    links.records = (await repo.itemsByIds(db, (data as StudyData).records, working)).map(ref);
  } else {
    links.records = (await repo.recordsWithOrganisation(db, row.id)).map((r) => ref({ ...r, type: 'record' }));
  }
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    version: row.version,
    publishedVersion: row.published_version,
    view: working ? 'working' : 'published',
    data,
    title: itemTitle(row.type, data, lang),
    ...(row.type === 'study' ? { quality: appraisalQuality((data as StudyData).appraisal) } : {}),
    reviewComment: working ? row.review_comment : null,
    contentFile: row.content_file,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by !== null ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
    links,
  };
}

/**
 * One item. Everyone reads the published copy; contributors and above may ask for the working
 * copy, and get it by default while nothing is published. A draft is never shown to a reader.
 */
export async function getItem(
  db: Kysely<DB>,
  id: string,
  options: { lang: UiLanguage; view?: 'published' | 'working' },
  user: User | null,
): Promise<ItemView> {
  if (options.view === 'working' && !isEditor(user))
    throw user ? ApiError.forbidden('Only contributors and above see working copies.') : ApiError.unauthorized();
  const row = await repo.findItem(db, id);
  const working =
    options.view === 'working' || (isEditor(user) && options.view === undefined && row?.published_data === null);
  const data = working ? row?.data : row?.published_data;
  if (row?.state === 'retired' && !working)
    throw ApiError.notFoundAt('id', `the library item "${id}" has been retired: it is no longer published`);
  if (!row || data === null || data === undefined)
    throw ApiError.notFoundAt('id', `no published library item has the id "${id}"`);
  return present(db, row, data as AnyData, working, options.lang);
}

export async function createItem(db: Kysely<DB>, user: User, input: ItemInput, lang: UiLanguage): Promise<ItemView> {
  return db.transaction().execute(async (trx) => {
    if (await repo.findItem(trx, input.id))
      throw ApiError.conflict(`An item with the id "${input.id}" exists already; choose another id.`, [
        { field: 'id', message: 'is taken' },
      ]);
    const data = await validate(trx, input.type, input.id, input.data);
    await repo.insertItem(trx, {
      id: input.id,
      type: input.type,
      state: 'draft',
      data,
      published: false,
      userId: user.id,
    });
    await repo.insertRevision(trx, {
      itemId: input.id,
      version: 1,
      action: 'create',
      state: 'draft',
      data,
      authorId: user.id,
      authorLabel: user.name,
      comment: null,
    });
    const row = await repo.findItem(trx, input.id);
    return present(trx, row as ItemRow, data, true, lang);
  });
}

/** Saves a new working copy; the version the editor started from must still be the current one. */
export async function saveItem(
  db: Kysely<DB>,
  user: User,
  id: string,
  body: { version: number; data: unknown },
  lang: UiLanguage,
): Promise<ItemView> {
  return db.transaction().execute(async (trx) => {
    const row = await lockItem(trx, id, body.version);
    if (row.state === 'in_review' && !hasRole(user.role, 'reviewer'))
      throw ApiError.conflict(`"${id}" is in review: withdraw it from review before editing it.`, [
        { field: 'state', message: 'in_review' },
      ]);
    const data = await validate(trx, row.type, id, body.data);
    if (JSON.stringify(data) === JSON.stringify(row.data)) return present(trx, row, data, true, lang);
    const state: ItemStateColumn = row.state === 'in_review' ? 'in_review' : 'draft';
    return writeVersion(trx, row, user, { action: 'edit', state, data, publish: false, comment: null }, lang);
  });
}

const TRANSITIONS: Record<
  z.infer<typeof TransitionBody>['action'],
  { role: Role; from: ItemStateColumn[]; to: ItemStateColumn }
> = {
  submit: { role: 'contributor', from: ['draft', 'returned', 'retired'], to: 'in_review' },
  withdraw: { role: 'contributor', from: ['in_review'], to: 'draft' },
  publish: { role: 'reviewer', from: ['in_review'], to: 'published' },
  return: { role: 'reviewer', from: ['in_review'], to: 'returned' },
  // Any item readers can see, whatever its working copy is doing (an edit in draft is retired with it).
  retire: { role: 'reviewer', from: ['published', 'draft', 'returned'], to: 'retired' },
};

/**
 * Moves an item through the workflow: draft → in review → published, or returned with a comment;
 * a published item retired with a reason (out of the library, its history kept), and submitted
 * again to come back.
 */
export async function transition(
  db: Kysely<DB>,
  user: User,
  id: string,
  body: z.infer<typeof TransitionBody>,
  lang: UiLanguage,
): Promise<ItemView> {
  const rule = TRANSITIONS[body.action];
  if (!hasRole(user.role, rule.role))
    throw ApiError.forbidden(`Only a ${rule.role} or above may ${body.action}; ${user.name} is a ${user.role}.`);
  if (body.action === 'return' && !body.comment)
    throw ApiError.invalidParameter('comment', 'say what the author should change when returning an item');
  if (body.action === 'retire' && !body.comment)
    throw ApiError.invalidParameter('comment', 'say why the item leaves the library when retiring it');
  return db.transaction().execute(async (trx) => {
    const row = await lockItem(trx, id, body.version);
    if (!rule.from.includes(row.state))
      throw ApiError.conflict(
        `Cannot ${body.action} "${id}": it is ${row.state.replace('_', ' ')}, and ${body.action} applies to ${rule.from.join(' or ').replace('_', ' ')} items.`,
        [{ field: 'state', message: row.state }],
      );
    if (body.action === 'retire' && row.published_data === null)
      throw ApiError.conflict(`Cannot retire "${id}": it was never published (a draft needs no retiring).`, [
        { field: 'state', message: row.state },
      ]);
    const publish = body.action === 'publish';
    const retire = body.action === 'retire';
    const view = await writeVersion(
      trx,
      row,
      user,
      {
        action: body.action,
        state: rule.to,
        data: row.data as AnyData,
        publish,
        unpublish: retire,
        comment: body.comment ?? null,
        reviewComment: body.action === 'return' ? (body.comment ?? null) : publish ? null : row.review_comment,
      },
      lang,
    );
    if (publish || retire) await reindexItems(trx, [id]);
    return view;
  });
}

/** Makes an earlier revision's data the new working copy (a new version; nothing is lost). */
export async function restoreRevision(
  db: Kysely<DB>,
  user: User,
  id: string,
  revision: number,
  currentVersion: number,
  lang: UiLanguage,
): Promise<ItemView> {
  return db.transaction().execute(async (trx) => {
    const row = await lockItem(trx, id, currentVersion);
    if (row.state === 'in_review' && !hasRole(user.role, 'reviewer'))
      throw ApiError.conflict(`"${id}" is in review: withdraw it from review before restoring a version.`);
    const old = (await repo.listRevisions(trx, id)).find((r) => r.version === revision);
    if (!old) throw ApiError.notFoundAt('version', `"${id}" has no version ${String(revision)}`);
    const data = await validate(trx, row.type, id, old.data);
    return writeVersion(
      trx,
      row,
      user,
      {
        action: 'restore',
        state: row.state === 'in_review' ? 'in_review' : 'draft',
        data,
        publish: false,
        comment: `Restored version ${String(revision)}`,
      },
      lang,
    );
  });
}

/** The 404 message of an item id nothing has, in the working copies or the revisions. */
function noItemHas(id: string): string {
  return `no library item has the id "${id}"`;
}

async function lockItem(db: Kysely<DB>, id: string, version: number): Promise<ItemRow> {
  const row = await repo.findItem(db, id, { forUpdate: true });
  if (!row) throw ApiError.notFoundAt('id', noItemHas(id));
  checkVersion(row, version);
  return row;
}

async function writeVersion(
  db: Kysely<DB>,
  row: ItemRow,
  user: User,
  change: {
    action: RevisionAction;
    state: ItemStateColumn;
    data: AnyData;
    publish: boolean;
    /** Take the published copy away (retire): readers no longer see the item. */
    unpublish?: boolean;
    comment: string | null;
    reviewComment?: string | null;
  },
  lang: UiLanguage,
): Promise<ItemView> {
  const version = row.version + 1;
  await repo.updateItem(db, row.id, {
    version,
    state: change.state,
    data: change.data,
    publish: change.publish,
    unpublish: change.unpublish,
    reviewComment: change.reviewComment !== undefined ? change.reviewComment : row.review_comment,
    userId: user.id,
  });
  await repo.insertRevision(db, {
    itemId: row.id,
    version,
    action: change.action,
    state: change.state,
    data: change.data,
    authorId: user.id,
    authorLabel: user.name,
    comment: change.comment,
  });
  const updated = (await repo.findItem(db, row.id)) as ItemRow;
  return present(db, updated, change.data, true, lang);
}

function summarise(rev: RevisionRow, previous: RevisionRow | undefined) {
  return {
    version: rev.version,
    action: rev.action,
    state: rev.state,
    author: rev.author_id !== null ? { id: rev.author_id, name: rev.author_name ?? rev.author_label } : null,
    authorLabel: rev.author_label,
    comment: rev.comment,
    createdAt: rev.created_at,
    changedFields: fieldChanges(previous?.data ?? {}, rev.data, { words: false }).map((c) => c.field),
  };
}

async function revisionsOf(db: Kysely<DB>, id: string): Promise<RevisionRow[]> {
  const revisions = await repo.listRevisions(db, id);
  if (!revisions.length) throw ApiError.notFoundAt('id', noItemHas(id));
  return revisions;
}

/** Every revision of an item, newest first, with the fields each changed. */
export async function listRevisions(db: Kysely<DB>, id: string): Promise<z.infer<typeof RevisionList>> {
  const revisions = await revisionsOf(db, id);
  return { id, revisions: revisions.map((rev, i) => summarise(rev, revisions[i + 1])) };
}

/** One revision's data and its changes against the revision before it. */
export async function getRevision(
  db: Kysely<DB>,
  id: string,
  version: number,
): Promise<z.infer<typeof RevisionDetail>> {
  const revisions = await revisionsOf(db, id);
  const index = revisions.findIndex((r) => r.version === version);
  const rev = revisions[index];
  if (!rev) throw ApiError.notFoundAt('version', `"${id}" has no version ${String(version)}`);
  const previous = revisions[index + 1];
  return {
    ...summarise(rev, previous),
    id,
    data: rev.data,
    against: previous?.version ?? null,
    changes: fieldChanges(previous?.data ?? {}, rev.data),
  };
}

/** What waits for review, and the signed-in user's own unpublished work. */
export async function reviewQueue(db: Kysely<DB>, user: User, lang: UiLanguage): Promise<z.infer<typeof ReviewQueue>> {
  const inReview = await repo.inReview(db);
  const mine = await repo.unpublishedOf(db, user.id);
  return {
    inReview: inReview.map((r) => ({
      id: r.id,
      type: r.type,
      title: itemTitle(r.type, r.data, lang),
      version: r.version,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by !== null ? { id: r.updated_by, name: r.updated_by_name ?? '' } : null,
    })),
    mine: mine.map((r) => ({
      id: r.id,
      type: r.type,
      title: itemTitle(r.type, r.data, lang),
      state: r.state,
      version: r.version,
      updatedAt: r.updated_at,
      reviewComment: r.review_comment,
    })),
  };
}
