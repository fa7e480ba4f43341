import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import type { ErrorResponse } from '../../core/errors.js';
import { buildApp } from '../app.js';
import { undesaIms2024 } from '../importers/undesa-ims.js';
import { importDataset } from '../stats/import-dataset.js';
import { BundledLoadStatus } from '../stats/bundled-load.js';

describe.each(testEngines())('while the first start loads the bundled datasets, on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let status: BundledLoadStatus;
  const tiny = tinyImporter('tiny-loaded');

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, tiny);
    // UN DESA 2024 is waiting its turn; nothing of it is in the database.
    status = new BundledLoadStatus([tiny, undesaIms2024]);
    status.datasets.set(tiny.meta.id, { state: 'loaded' });
    app = await buildApp({ database: testDb.database, logLevel: 'silent', loadStatus: status });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  it.each([
    ['/api/series?indicator=migrant_stock&areas=PHL', 'indicator'],
    ['/api/rankings/migrant_stock', 'indicator'],
    ['/api/datasets/undesa-ims-2024', 'id'],
    ['/api/datasets/undesa-ims-2024/files/undesa_ims2024_bilateral_by_sex.csv.gz', 'id'],
    [`/api/series?indicator=${tiny.indicators[0]?.id ?? ''}&areas=PHL&dataset=undesa-ims-2024`, 'dataset'],
    ['/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK/all', 'flow'],
  ])('%s is a 503 to ask again, naming %s and the dataset on its way, not an unknown', async (url, field) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    const { error } = res.json<ErrorResponse>();
    expect(error).toMatchObject({ code: 'data_loading', details: [{ field }] });
    expect(error.message).toMatch(/undesa-ims-2024, which the first start is still loading \(see \/api\/status\)/);
  });

  it('still calls unknown what no bundled dataset brings, and a dataset that failed to load', async () => {
    const unknown = await app.inject({ url: '/api/series?indicator=no_such_thing&areas=PHL' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorResponse>().error.code).toBe('invalid_parameter');
    status.datasets.set(undesaIms2024.meta.id, { state: 'failed', error: 'a test' });
    const failed = await app.inject({ url: '/api/series?indicator=migrant_stock&areas=PHL' });
    expect(failed.statusCode).toBe(400);
    expect(failed.json<ErrorResponse>().error.message).toMatch(/unknown indicator "migrant_stock"/);
    expect((await app.inject({ url: '/api/datasets/undesa-ims-2024' })).statusCode).toBe(404);
  });
});
