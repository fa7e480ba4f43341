import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { createRoleUsers, TEST_PASSWORD } from '../../../tests/helpers/library.js';
import { buildApp } from '../app.js';

/** What a TLS-terminating proxy at bridges.example.org adds to a request it passes on. */
const PROXIED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'bridges.example.org' };

describe.each(testEngines())('behind a reverse proxy on %s', (engine) => {
  let testDb: TestDatabase;
  let direct: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await createRoleUsers(testDb.database, ['contributor']);
    const options = { database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' };
    direct = await buildApp(options);
    proxied = await buildApp({ ...options, trustProxy: true });
  }, 60_000);
  afterAll(async () => {
    await direct.close();
    await proxied.close();
    await testDb.drop();
  });

  const login = (
    app: FastifyInstance,
    headers: Record<string, string>,
    password = TEST_PASSWORD,
    email = 'contributor@test.invalid',
  ) => app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });

  it('sets a Secure session cookie over the HTTPS the proxy terminated, only when told to trust it', async () => {
    const trusted = await login(proxied, PROXIED);
    expect(trusted.statusCode).toBe(200);
    expect(trusted.cookies.find((c) => c.name === 'bridges_session')?.secure).toBe(true);
    // anyone can send the header: not believed by default
    const untrusted = await login(direct, PROXIED);
    expect(untrusted.statusCode).toBe(200);
    expect(untrusted.cookies.find((c) => c.name === 'bridges_session')?.secure).toBeFalsy();
  });

  it('checks a change against the host the proxy was asked for', async () => {
    const change = async (app: FastifyInstance, headers: Record<string, string>) => {
      const signedIn = await login(app, headers);
      const cookie = signedIn.cookies.find((c) => c.name === 'bridges_session')?.value ?? '';
      return app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: {
          ...headers,
          origin: 'https://bridges.example.org',
          cookie: `bridges_session=${cookie}`,
          'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken,
        },
        payload: {},
      });
    };
    expect((await change(proxied, PROXIED)).statusCode).toBe(204); // signed out
    // a proxy that names the default port, or writes the host in capitals, means the same host
    const spelled = { ...PROXIED, 'x-forwarded-host': 'Bridges.Example.org:443' };
    expect((await change(proxied, spelled)).statusCode).toBe(204);
    const refused = await change(direct, PROXIED);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorResponse>().error.message).toMatch(/cross-site/i);
  });

  it('limits sign-in attempts per client address, not per proxy', async () => {
    const from = (address: string) => ({ ...PROXIED, 'x-forwarded-for': address });
    // Ten accounts guessed at (each its own, under the limit per account), from one address.
    for (let i = 0; i < 10; i++)
      expect((await login(proxied, from('203.0.113.7'), 'wrong', `nobody${String(i)}@test.invalid`)).statusCode).toBe(
        401,
      );
    expect((await login(proxied, from('203.0.113.7'), 'wrong')).statusCode).toBe(429);
    expect((await login(proxied, from('203.0.113.8'), 'wrong')).statusCode).toBe(401);
  }, 90_000); // each sign-in hashes a password (scrypt, N = 2^17): seconds on a busy machine

  it('pauses sign-in to an account after ten wrong passwords from any addresses, and only to that account', async () => {
    // One wrong password on this account above; eight more, each from an address of its own.
    const from = (n: number) => ({ ...PROXIED, 'x-forwarded-for': `198.51.100.${String(n)}` });
    const guesses = [] as number[];
    for (let n = 1; n <= 8; n++) guesses.push((await login(proxied, from(n), 'wrong')).statusCode);
    expect(guesses).toEqual(Array<number>(8).fill(401));
    // The same account, its e-mail written otherwise: the tenth wrong password, which pauses it.
    expect((await login(proxied, from(50), 'wrong', ' Contributor@Test.invalid ')).statusCode).toBe(401);
    const refused = await login(proxied, from(51));
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorResponse>().error).toMatchObject({
      code: 'too_many_requests',
      message: expect.stringMatching(
        /^Too many wrong passwords for this account: sign-in to it is paused for 1[45] minutes\.$/,
      ),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    // Even the right password, from a new address; another account signs in.
    expect(refused.cookies).toEqual([]);
    await createRoleUsers(testDb.database, ['reviewer']);
    expect((await login(proxied, from(52), TEST_PASSWORD, 'reviewer@test.invalid')).statusCode).toBe(200);
  }, 90_000); // each sign-in hashes a password (scrypt, N = 2^17): seconds on a busy machine
});
