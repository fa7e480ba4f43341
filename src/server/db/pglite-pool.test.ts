import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';

describe('PGlite behind Kysely', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ engine: 'pglite', dataDir: 'memory://' });
    await sql`CREATE TABLE t (n int)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('never lets a request run inside another request’s transaction', async () => {
    let outsideSawUncommitted = false;
    const inside = database.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO t VALUES (1)`.execute(trx);
      await new Promise((r) => setTimeout(r, 50));
      await sql`INSERT INTO t VALUES (2)`.execute(trx);
      throw new Error('roll back');
    });
    const outside = (async () => {
      await new Promise((r) => setTimeout(r, 10));
      const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM t`.execute(database.db);
      outsideSawUncommitted = (rows.rows[0]?.n ?? 0) > 0;
    })();
    await expect(inside).rejects.toThrow('roll back');
    await outside;
    expect(outsideSawUncommitted).toBe(false);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM t`.execute(database.db);
    expect(after.rows[0]?.n).toBe(0);
  });

  it('reports affected rows as node-postgres does', async () => {
    await sql`INSERT INTO t VALUES (1), (2)`.execute(database.db);
    const update = await sql`UPDATE t SET n = n + 1`.execute(database.db);
    expect(update.numAffectedRows).toBe(2n);
    const removed = await sql`DELETE FROM t WHERE n = 3`.execute(database.db);
    expect(removed.numAffectedRows).toBe(1n);
  });

  it('releases the connection after a failed query', async () => {
    await expect(sql`SELECT * FROM no_such_table`.execute(database.db)).rejects.toThrow(/no_such_table/);
    const rows = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
    expect(rows.rows[0]?.one).toBe(1);
  });
});
