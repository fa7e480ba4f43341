import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { clientFor, createRoleUsers, TEST_PASSWORD } from '../../../tests/helpers/library.js';
import { buildApp } from '../app.js';
import { changeUser } from './auth.service.js';

describe.each(testEngines())('changing an account (bridges user password, role, sign-out) on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await createRoleUsers(testDb.database, ['contributor', 'reviewer']);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  const signIn = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const whoIs = async (client: Awaited<ReturnType<typeof clientFor>>) =>
    (await client.request('GET', '/api/auth/session')).json<{ user: { role: string } | null }>().user;

  it('sets a new password and ends every session, so that a leaked one stops working at once', async () => {
    const [laptop, phone] = [
      await clientFor(app, 'contributor@test.invalid'),
      await clientFor(app, 'contributor@test.invalid'),
    ];
    const changed = await changeUser(testDb.database.db, ' Contributor@Test.invalid ', {
      password: 'a new and long password',
    });
    expect(changed).toMatchObject({ user: { email: 'contributor@test.invalid' }, sessionsEnded: 2 });
    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();
    expect((await signIn('contributor@test.invalid', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('contributor@test.invalid', 'a new and long password')).statusCode).toBe(200);
  });

  it('changes a role and ends the sessions; signs an account out everywhere', async () => {
    const reviewer = await clientFor(app, 'reviewer@test.invalid');
    expect(await whoIs(reviewer)).toMatchObject({ role: 'reviewer' });
    const demoted = await changeUser(testDb.database.db, 'reviewer@test.invalid', { role: 'viewer' });
    expect(demoted).toMatchObject({ user: { role: 'viewer' }, sessionsEnded: 1 });
    expect(await whoIs(reviewer)).toBeNull();
    const again = await clientFor(app, 'reviewer@test.invalid');
    expect(await whoIs(again)).toMatchObject({ role: 'viewer' });
    expect((await changeUser(testDb.database.db, 'reviewer@test.invalid', {})).sessionsEnded).toBe(1);
    expect(await whoIs(again)).toBeNull();
  });

  it('names what is wrong: an unknown e-mail, a short password, no such role', async () => {
    await expect(changeUser(testDb.database.db, 'nobody@test.invalid', {})).rejects.toThrow(
      'no account has the e-mail nobody@test.invalid',
    );
    await expect(changeUser(testDb.database.db, 'reviewer@test.invalid', { password: 'short' })).rejects.toThrow(
      'password: must be at least 12 characters',
    );
    await expect(changeUser(testDb.database.db, 'reviewer@test.invalid', { role: 'owner' as 'admin' })).rejects.toThrow(
      /^role: /,
    );
  });
});
