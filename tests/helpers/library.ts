import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/library-vocab.js';
import { createUser } from '../../src/server/auth/auth.service.js';
import type { Database } from '../../src/server/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadLibraryContent } from '../../src/server/library/load-content.js';
import { rebuildSearchIndex } from '../../src/server/search/search.indexer.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from './database.js';

/** The test accounts' password (test data; never used outside tests). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** One account per role, named after it: viewer@test.invalid, contributor@…, reviewer@…, admin@…. */
export async function createRoleUsers(
  database: Database,
  roles: Role[] = ['viewer', 'contributor', 'reviewer', 'admin'],
) {
  for (const role of roles)
    await createUser(database.db, {
      email: `${role}@test.invalid`,
      name: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
}

export interface Client {
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: <T>() => T; body: string; headers: Record<string, unknown> }>;
  csrfToken: string | null;
}

/** A client of an app under test, signed in as `email` (or anonymous), sending the CSRF token like the UI does. */
export async function clientFor(app: FastifyInstance, email?: string): Promise<Client> {
  let cookie: string | undefined;
  let csrfToken: string | null = null;
  if (email) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login as ${email}: ${String(res.statusCode)} ${res.body}`);
    const set = res.cookies.find((c) => c.name === 'bridges_session');
    cookie = set ? `bridges_session=${set.value}` : undefined;
    csrfToken = res.json<{ csrfToken: string }>().csrfToken;
  }
  return {
    csrfToken,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
          ...headers,
        },
      });
      return { status: res.statusCode, json: <T>() => res.json<T>(), body: res.body, headers: res.headers };
    },
  };
}

/**
 * The app over a fresh database holding the library's real content (content/library) and its
 * search index, as a fresh start loads them; `close` stops the app and drops the database.
 */
export async function startBundledLibrary(
  engine: TestEngine,
): Promise<{ app: FastifyInstance; testDb: TestDatabase; close: () => Promise<void> }> {
  const testDb = await createTestDatabase(engine);
  await loadLibraryContent(testDb.database);
  await rebuildSearchIndex(testDb.database.db);
  const app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  return {
    app,
    testDb,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}
