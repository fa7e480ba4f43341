import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { undesaTotalsImporters } from '../importers/undesa-totals.js';
import { importDataset } from '../stats/import-dataset.js';

/**
 * An M49 number where an area code is expected (608 for PHL) is a 400 naming the code Bridges
 * uses, on the real reference data and UN DESA's totals by destination (which bring its regions'
 * aggregates, UNDESA_903 for Africa, M49 002).
 */
describe.each(testEngines())('M49 numbers where an area code is expected, on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of undesaTotalsImporters) await importDataset(testDb.database, importer);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function refusal(url: string) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(400);
    const body = res.json<ErrorResponse>();
    expect(body.error.code, url).toBe('invalid_parameter');
    return body.error.details;
  }

  const PHILIPPINES = '608 is the M49 code of the Philippines: Bridges uses PHL';
  const MEXICO = '484 is the M49 code of Mexico: Bridges uses MEX';
  const AFRICA =
    '002 is the code of the M49 region Africa, no country or area: UN DESA’s aggregate of it is UNDESA_903, and /api/countries?region=002 lists its countries and areas';

  it('names the area an M49 number stands for, wherever an area code is a parameter', async () => {
    const ranking = '/api/rankings/migrant_stock_total?counterpart=608';
    const series = '/api/series?indicator=migrant_stock_total&areas=USA,484';
    for (const [url, field, message] of [
      ['/api/countries/608', 'code', PHILIPPINES],
      ['/api/profiles/608', 'code', PHILIPPINES],
      ['/api/corridors/PHL/484', 'to', MEXICO],
      [ranking, 'counterpart', PHILIPPINES],
      [series, 'areas', MEXICO],
      [`${series.replace('USA,484', 'USA')}&counterpart=608`, 'counterpart', PHILIPPINES],
    ] as const)
      expect(await refusal(url), url).toEqual([{ field, message }]);
    // Both ends of a corridor; several numbers of a list, one the reference data does not have.
    expect(await refusal('/api/corridors/608/484')).toEqual([
      { field: 'from', message: PHILIPPINES },
      { field: 'to', message: MEXICO },
    ]);
    expect(await refusal('/api/series?indicator=migrant_stock_total&areas=608,USA,484,999,608')).toEqual([
      {
        field: 'areas',
        message: `${PHILIPPINES}; ${MEXICO}; 999 is no area code, nor an M49 code the reference data has`,
      },
    ]);
  });

  it('names it in an SDMX key that matches nothing, as the UN’s SDMX services key areas', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/sdmx/data/UNDESA_IMS_2020_DESTINATION_MIGRANT_STOCK_TOTAL/A.608._Z._T',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorResponse>().error.message).toContain(
      `No series of this flow has REF_AREA=608 (${PHILIPPINES}).`,
    );
  });

  it('reads a number written without its leading zeros as the M49 code it stands for', async () => {
    expect(await refusal('/api/countries/8')).toEqual([
      { field: 'code', message: '8 (008) is the M49 code of Albania: Bridges uses ALB' },
    ]);
  });

  it('names the publishers’ aggregates for the world’s M49 code', async () => {
    const [detail] = await refusal('/api/series?indicator=migrant_stock_total&areas=001');
    expect(detail?.message).toMatch(/^001 is the M49 code of the world, which is no country or area but an aggregate/);
    expect(detail?.message).toContain('UNDESA_900 (UN DESA)');
  });

  it('names UN DESA’s aggregate of an M49 region where the parameter takes aggregates', async () => {
    expect(await refusal('/api/countries/002')).toEqual([{ field: 'code', message: AFRICA }]);
    expect(await refusal('/api/series?indicator=migrant_stock_total&areas=002')).toEqual([
      { field: 'areas', message: AFRICA },
    ]);
    // A profile is of a country or area, never of an aggregate; an intermediate region is no filter of the list.
    expect(await refusal('/api/profiles/035')).toEqual([
      {
        field: 'code',
        message:
          '035 is the code of the M49 sub-region South-eastern Asia, no country or area: /api/countries?subregion=035 lists its countries and areas',
      },
    ]);
    expect(await refusal('/api/countries/014')).toEqual([
      {
        field: 'code',
        message:
          '014 is the code of the M49 intermediate region Eastern Africa, no country or area: UN DESA’s aggregate of it is UNDESA_910',
      },
    ]);
  });

  it('leaves a number that is no M49 code to the schema, and every other code as it was', async () => {
    expect(await refusal('/api/countries/999')).toEqual([
      { field: 'code', message: 'must be an area code such as PHL, AB9 or WB_LMY' },
    ]);
    const res = await app.inject({ method: 'GET', url: '/api/countries/PHL' });
    expect(res.statusCode).toBe(200);
    // The M49 region filter of the list takes numbers, as it always has.
    expect((await app.inject({ method: 'GET', url: '/api/countries?region=002' })).statusCode).toBe(200);
  });
});
