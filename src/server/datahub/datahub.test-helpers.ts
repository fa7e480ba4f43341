import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestEngine } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { importDataset } from '../stats/import-dataset.js';
import type { Importer } from '../stats/model.js';
import { DatahubCache } from './datahub.context.js';
import { SOURCE_COLUMNS } from '../../core/csv.js';

export interface DatahubTestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  cache: DatahubCache;
  close(): Promise<void>;
}

/**
 * A fresh database with the given publishers' files imported for real, and the app. `cache` is
 * a cache of its own on the same database, for service-level tests.
 */
export async function startDatahub(engine: TestEngine, importers: Importer[]): Promise<DatahubTestApp> {
  const testDb = await createTestDatabase(engine);
  for (const importer of importers) await importDataset(testDb.database, importer);
  const app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  const cache = new DatahubCache(testDb.database.db);
  await app.ready();
  return {
    app,
    testDb,
    cache,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/** GET expecting JSON with the given status. */
export async function getJson<T>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 400)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  return res.json<T>();
}

/** GET expecting CSV; parses it back and checks every row carries its source. */
export async function getCsv(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rows: Record<string, string>[]; disposition: string }> {
  const res = await app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 400)}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  const rows = parse(res.body, { columns: true }) as Record<string, string>[];
  const header = res.body.slice(0, res.body.indexOf('\r\n')).split(',');
  expect(header.slice(-SOURCE_COLUMNS.length)).toEqual([...SOURCE_COLUMNS]);
  for (const row of rows) {
    expect(row.citation, `a row of ${url} without its citation`).not.toBe('');
    expect(row.licence, `a row of ${url} without its licence`).not.toBe('');
    expect(row.dataset).not.toBe('');
  }
  return { rows, disposition: String(res.headers['content-disposition']) };
}
