import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import type {
  ItemView,
  RecordData,
  RevisionDetail,
  RevisionList,
  ReviewQueue,
  SearchResponse,
} from '../../core/library.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { clientFor, createRoleUsers, type Client } from '../../../tests/helpers/library.js';
import { buildApp } from '../app.js';

/** A new practice as a contributor would enter it (invented test data, not library content). */
const practice: RecordData = {
  kind: 'programme',
  title: { en: 'Test diaspora mentoring scheme', fr: 'Programme test de mentorat de la diaspora' },
  summary: { en: 'Diaspora engineers mentor young graduates in their country of origin.' },
  countries: [
    { code: 'SEN', role: 'origin' },
    { code: 'FRA', role: 'destination' },
  ],
  organisations: [],
  status: 'active',
  instruments: ['migration_policy'],
  themes: ['diaspora'],
  crossCutting: [],
  stages: ['transnational_engagement'],
  sectors: ['education'],
  gcm: ['gcm19'],
  sdg: [],
  interventions: ['diaspora_knowledge_transfer'],
  sources: [{ title: 'Test source (invented for this test)' }],
  related: [],
};

describe.each(testEngines())('library workflow and permissions on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let anonymous: Client, viewer: Client, contributor: Client, reviewer: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await createRoleUsers(testDb.database);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
    [anonymous, viewer, contributor, reviewer] = await Promise.all([
      clientFor(app),
      clientFor(app, 'viewer@test.invalid'),
      clientFor(app, 'contributor@test.invalid'),
      clientFor(app, 'reviewer@test.invalid'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  const create = (client: Client, id: string, data: unknown = practice) =>
    client.request('POST', '/api/library/items', { type: 'record', id, data });
  const act = (client: Client, id: string, action: string, version: number, comment?: string) =>
    client.request('POST', `/api/library/items/${id}/transitions`, {
      action,
      version,
      ...(comment ? { comment } : {}),
    });

  it('signs in with the right password only, and tells who is signed in', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'reviewer@test.invalid', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<ErrorResponse>().error.code).toBe('unauthorized');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Reviewer@Test.invalid', password: 'correct horse battery staple' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'bridges_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await reviewer.request('GET', '/api/auth/session');
    expect(session.json()).toMatchObject({ user: { email: 'reviewer@test.invalid', role: 'reviewer' } });
    expect((await anonymous.request('GET', '/api/auth/session')).json()).toEqual({ user: null, csrfToken: null });
  });

  it('lets only contributors and above create, and only with the CSRF token', async () => {
    expect((await create(anonymous, 'test-anon')).status).toBe(401);
    const byViewer = await create(viewer, 'test-viewer');
    expect(byViewer.status).toBe(403);
    expect(byViewer.json<ErrorResponse>().error.code).toBe('forbidden');
    const noToken = await contributor.request(
      'POST',
      '/api/library/items',
      { type: 'record', id: 'test-no-token', data: practice },
      { 'x-csrf-token': '' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.json<ErrorResponse>().error.message).toMatch(/x-csrf-token/i);
    const crossSite = await contributor.request(
      'POST',
      '/api/library/items',
      { type: 'record', id: 'test-cross', data: practice },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.json<ErrorResponse>().error.message).toMatch(/cross-site/i);
    // The path as the router decodes it: /%61pi/ reaches the same route, and the same checks.
    for (const path of ['/%61pi/library/items', '/%2561pi/library/items', '/api/library/%69tems']) {
      const encoded = await contributor.request(
        'POST',
        path,
        { type: 'record', id: 'test-encoded', data: practice },
        { 'x-csrf-token': '', origin: 'https://evil.example' },
      );
      expect(encoded.status, path).not.toBe(201);
    }
    const smuggled = await contributor.request(
      'POST',
      '/%61pi/library/items',
      { type: 'record', id: 'test-encoded', data: practice },
      { 'x-csrf-token': '' },
    );
    expect(smuggled.status).toBe(403);
    expect(smuggled.json<ErrorResponse>().error.message).toMatch(/x-csrf-token/i);
  });

  it('validates a new item and names the fields at fault', async () => {
    const res = await create(contributor, 'test-invalid', {
      ...practice,
      title: { en: '' },
      countries: [{ code: 'XYZ', role: 'origin' }],
      organisations: [{ id: 'no-such-organisation', role: 'funding' }],
    });
    expect(res.status).toBe(400);
    const fields = res.json<ErrorResponse>().error.details.map((d) => d.field);
    expect(fields).toContain('data.title.en');
    const refs = await create(contributor, 'test-invalid', {
      ...practice,
      countries: [{ code: 'XYZ', role: 'origin' }],
      organisations: [{ id: 'no-such-organisation', role: 'funding' }],
    });
    expect(refs.status).toBe(400);
    expect(refs.json<ErrorResponse>().error.details).toEqual([
      { field: 'data.organisations[0].id', message: 'no organisation has the id "no-such-organisation"' },
      { field: 'data.countries[0].code', message: 'unknown country or area code "XYZ"' },
    ]);
    const acronym = await create(contributor, 'test-invalid', {
      ...practice,
      acronym: 'TDMS',
      acronyms: { fr: 'PTMD', es: 'P'.repeat(41) },
    });
    expect(acronym.status).toBe(400);
    expect(acronym.json<ErrorResponse>().error.details).toEqual([
      { field: 'data.acronyms.es', message: 'is longer than 40 characters' },
    ]);
    // A title that would display reversed, and half an emoji (JSON may carry one; PostgreSQL would
    // store U+FFFD in its place): refused by field, before anything is stored.
    const hidden = await create(contributor, 'test-invalid', {
      ...practice,
      title: { en: 'Diaspora \u202Eskills', fr: 'Compétences 🌍 \ud83c' },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.json<ErrorResponse>().error.details).toEqual([
      {
        field: 'data.title.en',
        message: 'holds U+202E, a bidirectional control, which reorders the text on screen, at character 10; remove it',
      },
      {
        field: 'data.title.fr',
        message: 'holds U+D83C, half a character (a lone surrogate), at character 15; remove it',
      },
    ]);
    const citation = await create(contributor, 'test-invalid', {
      ...practice,
      sources: [{ document: '999_not_bundled.txt', section: 'Anywhere' }],
    });
    expect(citation.json<ErrorResponse>().error.details).toEqual([
      {
        field: 'data.sources[0].document',
        message: 'no bundled source document is called "999_not_bundled.txt" (they are in content/sources/)',
      },
    ]);
  });

  it('takes a draft through review to publication, keeping readers away from drafts', async () => {
    const created = await create(contributor, 'test-mentoring');
    expect(created.status).toBe(201);
    let item = created.json<ItemView>();
    expect(item).toMatchObject({ state: 'draft', version: 1, publishedVersion: null, view: 'working' });
    expect(item.links.countries.map((c) => c.name)).toEqual(['Senegal', 'France']);

    expect((await anonymous.request('GET', '/api/library/items/test-mentoring')).status).toBe(404);
    expect((await viewer.request('GET', '/api/library/items/test-mentoring')).status).toBe(404);
    expect((await viewer.request('GET', '/api/library/items/test-mentoring?view=working')).status).toBe(403);

    // A contributor cannot publish, nor can anyone publish a draft that was not submitted.
    expect((await act(contributor, 'test-mentoring', 'publish', 1)).status).toBe(403);
    const early = await act(reviewer, 'test-mentoring', 'publish', 1);
    expect(early.status).toBe(409);

    item = (await act(contributor, 'test-mentoring', 'submit', 1)).json<ItemView>();
    expect(item).toMatchObject({ state: 'in_review', version: 2 });
    // Returning needs a comment, which the author then sees.
    expect((await act(reviewer, 'test-mentoring', 'return', 2)).status).toBe(400);
    item = (await act(reviewer, 'test-mentoring', 'return', 2, 'Name the countries of the mentors.')).json<ItemView>();
    expect(item).toMatchObject({ state: 'returned', version: 3, reviewComment: 'Name the countries of the mentors.' });
    // The author still finds the returned item, with the comment, though the reviewer changed it last.
    const queue = (await contributor.request('GET', '/api/library/review-queue')).json<ReviewQueue>();
    expect(queue.mine.find((m) => m.id === 'test-mentoring')).toMatchObject({
      state: 'returned',
      reviewComment: 'Name the countries of the mentors.',
    });

    const edited = { ...practice, summary: { en: 'Diaspora engineers in France mentor young graduates in Senegal.' } };
    item = (
      await contributor.request('PUT', '/api/library/items/test-mentoring', { version: 3, data: edited })
    ).json<ItemView>();
    expect(item).toMatchObject({ state: 'draft', version: 4 });
    item = (await act(contributor, 'test-mentoring', 'submit', 4)).json<ItemView>();
    const inReview = (await reviewer.request('GET', '/api/library/review-queue')).json<ReviewQueue>();
    expect(inReview.inReview.map((i) => i.id)).toContain('test-mentoring');
    item = (await act(reviewer, 'test-mentoring', 'publish', 5)).json<ItemView>();
    expect(item).toMatchObject({ state: 'published', version: 6, publishedVersion: 6, reviewComment: null });

    const read = await anonymous.request('GET', '/api/library/items/test-mentoring?lang=fr');
    expect(read.status).toBe(200);
    expect(read.json<ItemView>()).toMatchObject({
      view: 'published',
      title: 'Programme test de mentorat de la diaspora',
      data: { summary: { en: 'Diaspora engineers in France mentor young graduates in Senegal.' } },
    });

    // Editing a published item leaves the published copy in place until the next publication.
    await contributor.request('PUT', '/api/library/items/test-mentoring', {
      version: 6,
      data: { ...edited, summary: { en: 'A draft change nobody has reviewed.' } },
    });
    const stillPublished = (await anonymous.request('GET', '/api/library/items/test-mentoring')).json<ItemView>();
    expect((stillPublished.data as RecordData).summary.en).toBe(
      'Diaspora engineers in France mentor young graduates in Senegal.',
    );
    const working = (
      await contributor.request('GET', '/api/library/items/test-mentoring?view=working')
    ).json<ItemView>();
    expect((working.data as RecordData).summary.en).toBe('A draft change nobody has reviewed.');
  });

  it('retires a published item with a reason: out of reading and search, its history kept, and back by review', async () => {
    const record = { ...practice, title: { en: 'Test zanzibarian remittance circle' } };
    await create(contributor, 'test-retire', record);
    // A draft that was never published has nothing to retire.
    expect((await act(reviewer, 'test-retire', 'retire', 1, 'Duplicate.')).status).toBe(409);
    await act(contributor, 'test-retire', 'submit', 1);
    await act(reviewer, 'test-retire', 'publish', 2);
    const search = async () =>
      (await anonymous.request('GET', '/api/search?q=zanzibarian')).json<SearchResponse>().results.map((r) => r.id);
    expect(await search()).toContain('test-retire');

    // Reviewers only, and with a reason.
    expect((await act(contributor, 'test-retire', 'retire', 3, 'Duplicate.')).status).toBe(403);
    expect((await act(reviewer, 'test-retire', 'retire', 3)).status).toBe(400);
    const retired = await act(reviewer, 'test-retire', 'retire', 3, 'Duplicate of another record.');
    expect(retired.status).toBe(200);
    expect(retired.json<ItemView>()).toMatchObject({ state: 'retired', version: 4, publishedVersion: null });

    const gone = await anonymous.request('GET', '/api/library/items/test-retire');
    expect(gone.status).toBe(404);
    expect(gone.json<ErrorResponse>().error.details).toEqual([
      { field: 'id', message: 'the library item "test-retire" has been retired: it is no longer published' },
    ]);
    expect(await search()).not.toContain('test-retire');
    // Nothing is lost: the working copy and every revision, the reason with the retirement.
    const working = (await contributor.request('GET', '/api/library/items/test-retire?view=working')).json<ItemView>();
    expect(working).toMatchObject({ state: 'retired', data: { title: { en: 'Test zanzibarian remittance circle' } } });
    const history = (await contributor.request('GET', '/api/library/items/test-retire/revisions')).json<RevisionList>();
    expect(history.revisions.map((r) => [r.action, r.comment])).toContainEqual([
      'retire',
      'Duplicate of another record.',
    ]);
    expect((await act(reviewer, 'test-retire', 'retire', 4, 'Again.')).status).toBe(409);

    // Submitted again and published, it is back.
    await act(contributor, 'test-retire', 'submit', 4);
    expect((await act(reviewer, 'test-retire', 'publish', 5)).json<ItemView>()).toMatchObject({ state: 'published' });
    expect((await anonymous.request('GET', '/api/library/items/test-retire')).status).toBe(200);
    expect(await search()).toContain('test-retire');
  });

  it('keeps a returned item in the queue of whoever worked on it, not only its creator', async () => {
    const admin = await clientFor(app, 'admin@test.invalid');
    await create(admin, 'test-queue');
    await contributor.request('PUT', '/api/library/items/test-queue', {
      version: 1,
      data: { ...practice, summary: { en: 'Edited by the contributor.' } },
    });
    await act(contributor, 'test-queue', 'submit', 2);
    await act(reviewer, 'test-queue', 'return', 3, 'Cite a second source.');
    const queue = (await contributor.request('GET', '/api/library/review-queue')).json<ReviewQueue>();
    expect(queue.mine.find((m) => m.id === 'test-queue')).toMatchObject({
      state: 'returned',
      reviewComment: 'Cite a second source.',
    });
  });

  it('refuses the later of two concurrent saves instead of overwriting the first', async () => {
    await create(contributor, 'test-concurrent');
    const other = await clientFor(app, 'admin@test.invalid');
    const first = await contributor.request('PUT', '/api/library/items/test-concurrent', {
      version: 1,
      data: { ...practice, summary: { en: 'First editor’s text.' } },
    });
    expect(first.status).toBe(200);
    const second = await other.request('PUT', '/api/library/items/test-concurrent', {
      version: 1,
      data: { ...practice, summary: { en: 'Second editor’s text.' } },
    });
    expect(second.status).toBe(409);
    const error = second.json<ErrorResponse>().error;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/version 1.*version 2.*Test contributor/);
    const kept = (await contributor.request('GET', '/api/library/items/test-concurrent?view=working')).json<ItemView>();
    expect((kept.data as RecordData).summary.en).toBe('First editor’s text.');

    // Two saves at the same moment from the same version: one wins, the other is told.
    const both = await Promise.all(
      [contributor, other].map((client, i) =>
        client.request('PUT', '/api/library/items/test-concurrent', {
          version: 2,
          data: { ...practice, summary: { en: `Simultaneous text ${String(i)}.` } },
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const revisions = (
      await contributor.request('GET', '/api/library/items/test-concurrent/revisions')
    ).json<RevisionList>();
    expect(revisions.revisions.map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it('keeps every revision with who, when and what, shows diffs and restores', async () => {
    expect((await anonymous.request('GET', '/api/library/items/test-mentoring/revisions')).status).toBe(401);
    const list = (await contributor.request('GET', '/api/library/items/test-mentoring/revisions')).json<RevisionList>();
    expect(list.revisions.map((r) => r.action)).toEqual([
      'edit',
      'publish',
      'submit',
      'edit',
      'return',
      'submit',
      'create',
    ]);
    expect(list.revisions.find((r) => r.action === 'return')).toMatchObject({
      authorLabel: 'Test reviewer',
      comment: 'Name the countries of the mentors.',
      changedFields: [],
    });
    expect(list.revisions[0]?.changedFields).toEqual(['summary.en']);
    expect(list.revisions[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const diff = (
      await contributor.request('GET', '/api/library/items/test-mentoring/revisions/4')
    ).json<RevisionDetail>();
    expect(diff.against).toBe(3);
    const change = diff.changes.find((c) => c.field === 'summary.en');
    expect(change?.words?.filter((w) => w.added).map((w) => w.value.trim())).toContain('in France');

    const restored = await contributor.request('POST', '/api/library/items/test-mentoring/revisions/1/restore', {
      version: 7,
    });
    expect(restored.status).toBe(200);
    expect(restored.json<ItemView>()).toMatchObject({
      version: 8,
      state: 'draft',
      data: { summary: practice.summary },
    });
    const after = (
      await contributor.request('GET', '/api/library/items/test-mentoring/revisions')
    ).json<RevisionList>();
    expect(after.revisions[0]).toMatchObject({ version: 8, action: 'restore', comment: 'Restored version 1' });
    expect(after.revisions).toHaveLength(8);
  });

  it('names the path parameter of an item or version nothing has', async () => {
    expect((await create(contributor, 'test-one-version')).status).toBe(201);
    const none = 'no library item has the id "test-none"';
    const noVersion = '"test-one-version" has no version 99';
    const cases: [method: 'GET' | 'PUT' | 'POST', url: string, body: unknown, field: string, message: string][] = [
      ['GET', '/api/library/items/test-none', undefined, 'id', 'no published library item has the id "test-none"'],
      ['GET', '/api/library/items/test-none/revisions', undefined, 'id', none],
      ['GET', '/api/library/items/test-none/revisions/1', undefined, 'id', none],
      ['PUT', '/api/library/items/test-none', { version: 1, data: practice }, 'id', none],
      ['POST', '/api/library/items/test-none/transitions', { action: 'submit', version: 1 }, 'id', none],
      ['GET', '/api/library/items/test-one-version/revisions/99', undefined, 'version', noVersion],
      ['POST', '/api/library/items/test-one-version/revisions/99/restore', { version: 1 }, 'version', noVersion],
    ];
    for (const [method, url, body, field, message] of cases) {
      const res = await contributor.request(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.json<ErrorResponse>().error, `${method} ${url}`).toEqual({
        code: 'not_found',
        message: `${field}: ${message}`,
        details: [{ field, message }],
      });
    }
  });

  it('lets administrators alone create accounts', async () => {
    const admin = await clientFor(app, 'admin@test.invalid');
    const body = {
      email: 'new.reviewer@test.invalid',
      name: 'New reviewer',
      role: 'reviewer',
      password: 'long enough password',
    };
    expect((await reviewer.request('POST', '/api/users', body)).status).toBe(403);
    const created = await admin.request('POST', '/api/users', body);
    expect(created.status).toBe(201);
    // Exactly the API's user: no password, hashed or not, under any spelling.
    expect(created.json()).toEqual({
      id: expect.any(Number),
      email: 'new.reviewer@test.invalid',
      name: 'New reviewer',
      role: 'reviewer',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
    });
    expect((await admin.request('POST', '/api/users', body)).status).toBe(409);
    const weak = await admin.request('POST', '/api/users', { ...body, email: 'weak@test.invalid', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.json<ErrorResponse>().error.details[0]?.field).toBe('password');
  });
});
