import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database.js';
import { buildApp } from './app.js';

describe('serving the web UI beside the API', () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'bridges-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Bridges</title><div id="root"></div>');
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    testDb = await createTestDatabase('pglite', { empty: true });
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the index at / and for client-side routes', async () => {
    for (const url of ['/', '/countries', '/countries/PHL?lang=fr']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves built assets, and a missing one is a 404 rather than the index', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const missing = await app.inject({ method: 'GET', url: '/assets/old-build.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('does not serve files outside the web folder', async () => {
    const res = await app.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('"dependencies"');
  });

  it('answers unknown API routes and methods in JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/countries' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
