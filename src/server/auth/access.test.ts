import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { clientFor, createRoleUsers, type Client } from '../../../tests/helpers/library.js';
import { buildApp } from '../app.js';
import { authPlugin } from './auth.plugin.js';

/** Writes whose bodies are wrong in every way: only the right to make them should be judged first. */
const BAD_WRITES: { method: 'POST' | 'PUT'; url: string; role: string }[] = [
  { method: 'POST', url: '/api/library/items', role: 'contributor' },
  { method: 'PUT', url: '/api/library/items/mida', role: 'contributor' },
  { method: 'POST', url: '/api/library/items/mida/transitions', role: 'contributor' },
  { method: 'POST', url: '/api/library/items/mida/revisions/1/restore', role: 'contributor' },
  { method: 'POST', url: '/api/users', role: 'admin' },
];

describe.each(testEngines())('who may write, judged before what is written, on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let anonymous: Client, viewer: Client, contributor: Client, admin: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await createRoleUsers(testDb.database);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
    [anonymous, viewer, contributor, admin] = await Promise.all([
      clientFor(app),
      clientFor(app, 'viewer@test.invalid'),
      clientFor(app, 'contributor@test.invalid'),
      clientFor(app, 'admin@test.invalid'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  it('answers an anonymous write 401, whatever its body, without a word about the body or the roles', async () => {
    for (const { method, url } of BAD_WRITES) {
      const res = await anonymous.request(method, url, {});
      expect(res.status, `${method} ${url}: ${res.body}`).toBe(401);
      const error = res.json<ErrorResponse>().error;
      expect(error.code).toBe('unauthorized');
      expect(JSON.stringify(error)).not.toMatch(/required|viewer|reviewer|admin/);
      // Not even a body that is not JSON is read.
      const garbled = await app.inject({
        method,
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"version":',
      });
      expect(garbled.statusCode, `${method} ${url}: ${garbled.body}`).toBe(401);
    }
  });

  it('answers a signed-in user without the role 403 before looking at the body', async () => {
    for (const { method, url, role } of BAD_WRITES) {
      const res = await viewer.request(method, url, {});
      expect(res.status, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json<ErrorResponse>().error.message).toContain(`needs the ${role} role`);
    }
    expect((await contributor.request('POST', '/api/users', {})).status).toBe(403);
  });

  it('validates the body of whoever may write', async () => {
    const save = await contributor.request('PUT', '/api/library/items/mida', {});
    expect(save.status).toBe(400);
    expect(save.json<ErrorResponse>().error.details.map((d) => d.field)).toEqual(['version', 'data']);
    expect((await admin.request('POST', '/api/users', {})).status).toBe(400);
  });

  it('asks for a sign-in before judging the parameters of an editor’s read', async () => {
    expect((await anonymous.request('GET', '/api/library/items/mida/revisions/not-a-number')).status).toBe(401);
    expect((await app.inject({ method: 'HEAD', url: '/api/library/review-queue?lang=xx' })).statusCode).toBe(401);
  });
});

describe('routes that change state', () => {
  it('refuse to start unless they say who may call them', async () => {
    const app = Fastify({ logger: false });
    // The plugin's hooks only: no request is made, so the database is never reached.
    await app.register(authPlugin, { db: undefined as never });
    const start = async () => {
      await app.register(async (scope) => {
        scope.post('/api/widgets', () => ({}));
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/POST \/api\/widgets changes state: say who may call it/);
    await app.close();
  });
});
