import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/database.js';

describe('sessions on a PostgreSQL server', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'run without JIT: compiling a short query took longer than running it (an SDMX lookup: 0.3 s against 20 ms)',
    async () => {
      const testDb = await createTestDatabase('postgres', { empty: true });
      try {
        // Every connection of the pool, not just the first.
        const settings = await Promise.all(
          Array.from({ length: 3 }, () => sql<{ jit: string }>`SHOW jit`.execute(testDb.database.db)),
        );
        expect(settings.map((r) => r.rows[0]?.jit)).toEqual(['off', 'off', 'off']);
      } finally {
        await testDb.drop();
      }
    },
  );
});
