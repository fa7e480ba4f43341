import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestEngine } from './database.js';

/**
 * The whole platform on a random local port: the built web UI (dist/web, from `npm run build`)
 * and the API, on a fresh database with the reference data loaded.
 */
export async function startTestServer(engine: TestEngine = 'pglite'): Promise<{ url: string; close(): Promise<void> }> {
  const testDb = await createTestDatabase(engine);
  const app = await buildApp({ database: testDb.database, logLevel: 'warn' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
