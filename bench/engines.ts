import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { loadReference } from '../src/server/reference/load-reference.js';

export type BenchEngine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server. */
export function benchEngines(): BenchEngine[] {
  return serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

function serverUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
}

/** A fresh, migrated database with the reference data; on a server, a new database dropped by `drop()`. */
export async function freshDatabase(
  engine: BenchEngine,
): Promise<{ database: Database; version: string; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: 'memory://' });
    await migrate(database);
    await loadReference(database);
    const version = await database.withRawSession(
      async (s) => (await s.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v ?? '?',
    );
    return { database, version: `PGlite (PostgreSQL ${version})`, drop: () => database.close() };
  }
  const admin = serverUrl() as string;
  const name = `bridges_bench_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 20 });
  await migrate(database);
  await loadReference(database);
  const version = await database.withRawSession(
    async (s) => (await s.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v ?? '?',
  );
  return {
    database,
    version: `PostgreSQL ${version} server on 127.0.0.1`,
    async drop() {
      await database.close();
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
