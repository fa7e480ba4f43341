import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { loadReference } from '../../src/server/reference/load-reference.js';

export type TestEngine = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL names one (CI sets it). */
export function testEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  database: Database;
  /** Closes the database and, on the server, drops the fresh database made for this test file. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL, dropped afterwards. Migrated; reference data
 * loaded unless `empty` is asked for.
 */
export async function createTestDatabase(engine: TestEngine, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: 'memory://' });
    await prepare(database, options);
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `bridges_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 5 });
  await prepare(database, options);
  return {
    database,
    async drop() {
      await database.close();
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function prepare(database: Database, options: { empty?: boolean }) {
  await migrate(database);
  if (!options.empty) await loadReference(database);
}

async function withAdmin(url: string, fn: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
