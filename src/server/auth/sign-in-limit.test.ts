import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { createRoleUsers, TEST_PASSWORD } from '../../../tests/helpers/library.js';
import { buildApp } from '../app.js';
import { authRepository } from './auth.repository.js';
import { ACCOUNT_FAILURES, ACCOUNT_WINDOW_MS, signInAccountKey } from './auth.service.js';

const LIMIT = { max: ACCOUNT_FAILURES, windowMs: ACCOUNT_WINDOW_MS };

/** Each sign-in from an address of its own, so that the limit per address (ten a minute) stays out of the way. */
let nextAddress = 1;
const fromNewAddress = () => ({
  'x-forwarded-for': `198.51.${String(Math.floor(nextAddress / 250))}.${String((nextAddress++ % 250) + 1)}`,
});

describe.each(testEngines())('wrong passwords per account, counted in the database, on %s', (engine) => {
  let testDb: TestDatabase;
  const apps: FastifyInstance[] = [];
  /** Two apps on one database, as two processes on one PostgreSQL server would be. */
  let first: FastifyInstance, second: FastifyInstance;

  const startApp = async () => {
    const app = await buildApp({
      database: testDb.database,
      logLevel: 'silent',
      webDir: '/nonexistent',
      trustProxy: true,
    });
    apps.push(app);
    return app;
  };
  const signIn = (app: FastifyInstance, email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', headers: fromNewAddress(), payload: { email, password } });
  const failuresOf = async (email: string) =>
    testDb.database.db
      .selectFrom('sign_in_failure')
      .select('failures')
      .where('account_key', '=', signInAccountKey(email))
      .executeTakeFirst();
  /** Moves an account's window back in time, as if its first counted attempt had come `seconds` earlier. */
  const setBack = async (accountKey: string, seconds: number) => {
    await testDb.database.db
      .updateTable('sign_in_failure')
      .set({ window_start: sql<Date>`window_start - make_interval(secs => ${seconds})` })
      .where('account_key', '=', accountKey)
      .execute();
  };

  beforeAll(async () => {
    testDb = await createTestDatabase(engine, { empty: true });
    await createRoleUsers(testDb.database, ['contributor', 'reviewer', 'viewer']);
    first = await startApp();
    second = await startApp();
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await testDb.drop();
  });

  it('pauses an account after ten wrong passwords made through two apps, and still after a restart', async () => {
    const email = 'contributor@test.invalid';
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES; i++)
      statuses.push((await signIn(i % 2 === 0 ? first : second, email, 'wrong')).statusCode);
    expect(statuses).toEqual(Array<number>(ACCOUNT_FAILURES).fill(401));

    for (const app of [second, first]) {
      const refused = await signIn(app, email, TEST_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json<ErrorResponse>().error).toMatchObject({
        code: 'too_many_requests',
        message: expect.stringMatching(
          /^Too many wrong passwords for this account: sign-in to it is paused for 1[45] minutes\.$/,
        ),
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(refused.cookies).toEqual([]);
    }

    // A restart: the first app stops, a new one starts on the same database.
    await first.close();
    first = await startApp();
    expect((await signIn(first, email, TEST_PASSWORD)).statusCode).toBe(429);
    // Refused attempts are not counted: the count stays at the limit.
    expect(await failuresOf(email)).toEqual({ failures: ACCOUNT_FAILURES });
  }, 120_000); // each sign-in checked hashes a password (scrypt, N = 2^17): seconds on a busy machine

  it('counts wrong passwords made at once, through both apps, each once: ten are checked, the rest refused', async () => {
    // An address no account has: counted as an account's would be.
    const email = 'nobody@test.invalid';
    const responses = await Promise.all(
      Array.from({ length: ACCOUNT_FAILURES + 5 }, (_, i) => signIn(i % 2 === 0 ? first : second, email, 'wrong')),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array<number>(ACCOUNT_FAILURES).fill(401), ...Array<number>(5).fill(429)]);
    expect(await failuresOf(email)).toEqual({ failures: ACCOUNT_FAILURES });
  }, 120_000);

  it('claims attempts atomically: of forty at once, ten count; returned ones leave nothing behind', async () => {
    const { db } = testDb.database;
    const key = signInAccountKey('concurrent@test.invalid');
    const claims = await Promise.all(
      Array.from({ length: 40 }, () => authRepository.claimSignInAttempt(db, key, LIMIT)),
    );
    const granted = claims.filter((c): c is string => c !== undefined);
    expect(granted).toHaveLength(ACCOUNT_FAILURES);
    expect(new Set(granted).size).toBe(1); // one window
    await Promise.all(granted.map((window) => authRepository.returnSignInAttempt(db, key, window)));
    expect(await db.selectFrom('sign_in_failure').where('account_key', '=', key).selectAll().execute()).toEqual([]);

    // Claims and returns interleaved, as right passwords at once: nothing is left counted.
    const other = signInAccountKey('right-at-once@test.invalid');
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        const window = await authRepository.claimSignInAttempt(db, other, LIMIT);
        if (window !== undefined) await authRepository.returnSignInAttempt(db, other, window);
      }),
    );
    expect(await db.selectFrom('sign_in_failure').where('account_key', '=', other).selectAll().execute()).toEqual([]);
  });

  it('lets the account in again when the window that its first wrong password started ends, and forgets ended windows', async () => {
    const { db } = testDb.database;
    const email = 'reviewer@test.invalid';
    const key = signInAccountKey(email);
    for (let i = 0; i < ACCOUNT_FAILURES; i++)
      expect(await authRepository.claimSignInAttempt(db, key, LIMIT)).toEqual(expect.any(String));

    // Thirty seconds before the window ends.
    await setBack(key, ACCOUNT_WINDOW_MS / 1000 - 30);
    const refused = await signIn(second, email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorResponse>().error.message).toMatch(/paused for 1 minute\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);

    // The window has ended; another key's ended an hour ago.
    await setBack(key, 30);
    const stale = signInAccountKey('long-ago@test.invalid');
    expect(await authRepository.claimSignInAttempt(db, stale, LIMIT)).toEqual(expect.any(String));
    await setBack(stale, 3600);
    expect((await signIn(first, email, TEST_PASSWORD)).statusCode).toBe(200);
    // The right password counted nothing, and the ended windows are gone.
    expect(
      await db.selectFrom('sign_in_failure').where('account_key', 'in', [key, stale]).selectAll().execute(),
    ).toEqual([]);

    // A wrong password now starts a new window.
    expect((await signIn(first, email, 'wrong')).statusCode).toBe(401);
    expect(await failuresOf(email)).toEqual({ failures: 1 });
    expect(await authRepository.findSignInWindowSecondsLeft(db, key, ACCOUNT_WINDOW_MS)).toBeGreaterThan(890);
  }, 60_000);

  it('keeps no e-mail address: an account and an address no account has are counted alike, under a SHA-256', async () => {
    expect((await signIn(first, ' Viewer@Test.invalid ', 'wrong')).statusCode).toBe(401);
    expect((await signIn(second, 'no-account@test.invalid', 'wrong')).statusCode).toBe(401);
    const keys = [signInAccountKey('viewer@test.invalid'), signInAccountKey('no-account@test.invalid')];
    const rows = await testDb.database.db
      .selectFrom('sign_in_failure')
      .select(['account_key', 'failures'])
      .where('account_key', 'in', keys)
      .orderBy('account_key')
      .execute();
    expect(rows).toEqual(keys.sort().map((account_key) => ({ account_key, failures: 1 })));
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
