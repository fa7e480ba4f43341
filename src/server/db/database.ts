import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Config } from '../config.js';
import { lockDataDirectory } from './lock.js';
import { PGlitePool } from './pglite-pool.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgres';

/** A raw session for work Kysely cannot express, such as a multi-statement migration script. */
export interface RawSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements (simple query protocol). */
  exec(script: string): Promise<void>;
  /** Bulk-loads CSV text with `COPY <table> (<columns>) FROM STDIN WITH (FORMAT csv)`. */
  copyFrom(table: string, columns: string[], csv: string): Promise<void>;
}

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  /** Runs `fn` on one dedicated connection; used by migrations, which manage their own transactions. */
  withRawSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions = Config['database'] | { engine: 'pglite'; dataDir: 'memory://' };

/**
 * Opens the database the configuration names: PGlite in a locked data directory (or in memory,
 * for tests), or a node-postgres pool on a PostgreSQL server. Both speak the same SQL.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'pglite' ? openPglite(options.dataDir) : openPostgres(options.url, options.poolSize);
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  let release = () => {};
  if (!inMemory) {
    release = lockDataDirectory(dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm, unaccent } });
  } catch (err) {
    release();
    throw new Error(`Could not open the embedded database in ${dataDir}: ${(err as Error).message}`, { cause: err });
  }
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'pglite',
    db,
    withRawSession: (fn) =>
      pool.withConnection(() =>
        fn({
          query: async <R>(sql: string, params?: unknown[]) => (await pglite.query<R>(sql, params)).rows,
          exec: async (script) => {
            await pglite.exec(script);
          },
          copyFrom: async (table, columns, csv) => {
            // PGlite reads COPY input from a virtual file.
            await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob([csv]),
            });
          },
        }),
      ),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT off for every session (unless the address sets its own options): Bridges' queries are short,
  // and a planner's overestimate (4 million rows for a 7-row SDMX lookup) made PostgreSQL spend
  // 0.2–0.3 s compiling a query that runs in 20 ms. PGlite has no JIT.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(/[?&]options=/.test(url) ? {} : { options: '-c jit=off' }),
  });
  // An idle connection dropped by the server (a restart, a forced drop) must not crash the process:
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01') process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
  });
  // Fail at start, with the server's own words, rather than on the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Could not connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    db,
    async withRawSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
          exec: async (script) => {
            await client.query(script);
          },
          copyFrom: async (table, columns, csv) => {
            const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
            await pipeline(Readable.from([csv]), stream);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
    },
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
