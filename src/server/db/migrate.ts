import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Database } from './database.js';

export interface MigrationStatus {
  name: string;
  appliedAt: string | null;
}

// Any constant shared by every Bridges process: concurrent starts on one server take turns.
const MIGRATION_LOCK_KEY = 7_311_204_611;

/** Lists the migration files, oldest first: their names start with a sortable timestamp. */
export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS bridges_migration (
  name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;

/**
 * Applies the migrations not yet applied, each in its own transaction with its ledger row, so a
 * failing migration leaves nothing half-done. Returns the names it applied.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  await database.withRawSession(async (s) => {
    await s.exec(CREATE_LEDGER);
    for (const name of migrationFiles(dir)) {
      await s.exec('BEGIN');
      try {
        if (database.engine === 'postgres') await s.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        const done = await s.query('SELECT 1 FROM bridges_migration WHERE name = $1', [name]);
        if (done.length === 0) {
          await s.exec(readFileSync(path.join(dir, name), 'utf8'));
          await s.query('INSERT INTO bridges_migration (name) VALUES ($1)', [name]);
          applied.push(name);
        }
        await s.exec('COMMIT');
      } catch (err) {
        await s.exec('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  });
  return applied;
}

/** Every migration file with the time it was applied, or null if pending. */
export async function migrationStatus(database: Database, dir = MIGRATIONS_DIR): Promise<MigrationStatus[]> {
  const rows = await database.withRawSession(async (s) => {
    await s.exec(CREATE_LEDGER);
    return s.query<{ name: string; applied_at: string }>(
      `SELECT name, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at FROM bridges_migration`,
    );
  });
  const appliedAt = new Map(rows.map((r) => [r.name, r.applied_at]));
  const files = migrationFiles(dir);
  const unknown = [...appliedAt.keys()].filter((n) => !files.includes(n));
  return [...files, ...unknown].map((name) => ({ name, appliedAt: appliedAt.get(name) ?? null }));
}
