import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryDetail, CountryListResponse } from '../../core/countries.js';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { knomadBilateral2021 } from '../importers/knomad.js';
import { undesaTotalsImporters } from '../importers/undesa-totals.js';
import { wdiRemittances2023 } from '../importers/wdi.js';
import { importDataset } from '../stats/import-dataset.js';
import { WORLD_AGGREGATES } from './unknown-codes.js';

/**
 * The publishers' aggregates as the countries API shows them, on the publishers' real files (the
 * three smallest that bring a world aggregate: WDI's remittances, KNOMAD's 2021 matrix and UN
 * DESA's totals by destination).
 */
describe.each(testEngines())('publishers’ aggregates in the countries API on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of [wdiRemittances2023, knomadBilateral2021, ...undesaTotalsImporters])
      await importDataset(testDb.database, importer);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function get<T>(url: string, status = 200): Promise<T> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
    return res.json<T>();
  }

  it('opens every aggregate the list gives', async () => {
    const list = await get<CountryListResponse>('/api/countries?kind=aggregate');
    expect(list.items.map((a) => a.code)).toEqual(expect.arrayContaining(['WB_WLD', 'KNOMAD_WORLD', 'UNDESA_903']));
    const opened = await Promise.all(list.items.map((a) => get<CountryDetail>(`/api/countries/${a.code}`)));
    expect(opened.map((a) => a.code)).toEqual(list.items.map((a) => a.code));
    expect(opened.every((a) => a.kind === 'aggregate')).toBe(true);
  });

  it('shows an aggregate with its names and its publisher', async () => {
    const world = await get<CountryDetail>('/api/countries/WB_WLD?lang=fr');
    expect(world).toMatchObject({
      code: 'WB_WLD',
      kind: 'aggregate',
      name: 'Monde',
      names: { en: 'World', fr: 'Monde', es: 'Mundo' },
      iso2: null,
      region: null,
      incomeGroup: null,
      incomeHistory: [],
      hasData: true,
    });
    expect(world.note).toContain('World Bank (WDI)');
    expect((await get<CountryDetail>('/api/countries/UNDESA_903')).note).toMatch(/^An aggregate published by UN DESA/);
    // A code is read in any case, as a country's is.
    expect((await get<CountryDetail>('/api/countries/knomad_world')).code).toBe('KNOMAD_WORLD');
  });

  it('cites, for an aggregate, the datasets that publish it: in JSON and on its CSV rows', async () => {
    const list = await get<CountryListResponse>('/api/countries?kind=aggregate');
    expect(list.datasets.map((d) => d.dataset).sort()).toEqual(
      expect.arrayContaining(['knomad-bilateral-2021', 'wdi-remittances-2023-10']),
    );
    for (const d of list.datasets) {
      expect(d.citation, d.dataset).toMatch(/\S/);
      expect(d.licence, d.dataset).toMatch(/\S/);
    }
    const res = await app.inject({ url: '/api/countries?kind=aggregate&format=csv' });
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(list.items.length);
    const world = rows.find((r) => r.code === 'WB_WLD');
    expect(world?.dataset).toBe('wdi-remittances-2023-10');
    expect(world?.dataset).not.toContain('unsd-m49');
    expect(world?.licence).toBe('CC BY 4.0');
    for (const row of rows) expect(row.citation, row.code).toMatch(/\S/);
    const detail = await get<CountryDetail>('/api/countries/KNOMAD_WORLD');
    expect(detail.datasets.map((d) => d.dataset)).toEqual(['knomad-bilateral-2021']);
    const detailCsv = await app.inject({ url: '/api/countries/KNOMAD_WORLD?format=csv' });
    const [only, ...more] = parse(detailCsv.body, { columns: true }) as Record<string, string>[];
    expect(more).toEqual([]);
    expect(only).toMatchObject({ code: 'KNOMAD_WORLD', kind: 'aggregate', dataset: 'knomad-bilateral-2021' });
  });

  it('answers WLD, in any case, naming the aggregates that are the world', async () => {
    for (const code of ['WLD', 'wld', 'World']) {
      const body = await get<ErrorResponse>(`/api/countries/${code}`, 404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.details).toHaveLength(1);
      const message = body.error.details[0]?.message ?? '';
      expect(message).toMatch(new RegExp(`^no country or area has the code "${code}": `));
      for (const aggregate of ['WB_WLD', 'KNOMAD_WORLD', 'UNDESA_900']) expect(message).toContain(aggregate);
    }
    // Every code that hint names is a world aggregate the bundled files load.
    for (const { code } of WORLD_AGGREGATES) {
      expect((await get<CountryDetail>(`/api/countries/${code}`)).names.en, code).toMatch(/^World\b/);
    }
  });

  it('gives the same hint where the data hub and the search take a code', async () => {
    const profile = await get<ErrorResponse>('/api/profiles/WLD', 404);
    expect(profile.error.details[0]?.message).toContain('KNOMAD_WORLD');
    const search = await get<ErrorResponse>('/api/search?country=WLD', 400);
    expect(search.error.details).toEqual([{ field: 'country', message: expect.stringContaining('WB_WLD') as string }]);
    // An unknown code that is not the world keeps the plain wording.
    const plain = await get<ErrorResponse>('/api/countries/XYZ', 404);
    expect(plain.error.details).toEqual([{ field: 'code', message: 'no country or area has the code "XYZ"' }]);
  });

  it('names the ISO alpha-3 code of a country asked for by its alpha-2 code, wherever an area is a parameter', async () => {
    const hint = '"SN" is the ISO 3166-1 alpha-2 code of Senegal, whose code here is SEN';
    for (const [url, status, field] of [
      ['/api/countries/SN', 404, 'code'],
      ['/api/profiles/SN', 404, 'code'],
      ['/api/corridors/SN/FRA', 404, 'from'],
      ['/api/series?indicator=remittances_received_usd&areas=SN', 400, 'areas'],
    ] as const) {
      const body = await get<ErrorResponse>(url, status);
      expect(body.error.details, url).toEqual([{ field, message: expect.stringContaining(hint) as string }]);
    }
  });
});
