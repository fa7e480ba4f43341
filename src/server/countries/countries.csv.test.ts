import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryDetail, CountryListResponse, RegionsResponse } from '../../core/countries.js';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';

type Row = Record<string, string>;

/**
 * The countries API in CSV as well as JSON, on the bundled reference data: every row names its
 * source (citation and licence), and the JSON cites every source it uses.
 */
describe.each(testEngines())('countries API as CSV on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function fetchCsv(url: string, headers: Record<string, string> = {}): Promise<Row[]> {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bridges-[A-Za-z0-9_.-]+\.csv"$/);
    expect(String(res.headers.vary)).toMatch(/Accept\b/);
    const rows = parse(res.body, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
    for (const row of rows) {
      expect(row.citation, JSON.stringify(row)).toMatch(/\S/);
      expect(row.licence, JSON.stringify(row)).toMatch(/\S/);
      expect(row.publisher, JSON.stringify(row)).toMatch(/\S/);
    }
    return rows;
  }
  async function fetchJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return res.json<T>();
  }
  const regionRows = (r: RegionsResponse) =>
    r.regions.length +
    r.regions.reduce((n, region) => n + region.subregions.length, 0) +
    r.incomeGroups.length +
    r.fiscalYears.length;

  it('gives the country list as CSV, a row per country with its codes, names and classifications', async () => {
    const json = await fetchJson<CountryListResponse>('/api/countries?fiscalYear=FY10');
    const rows = await fetchCsv('/api/countries?fiscalYear=FY10&format=csv');
    expect(rows).toHaveLength(json.items.length);
    expect(rows.map((r) => r.code)).toEqual(json.items.map((c) => c.code));
    const phl = rows.find((r) => r.code === 'PHL');
    expect(phl).toMatchObject({
      kind: 'country',
      iso2: 'PH',
      m49: '608',
      name: 'Philippines',
      name_es: 'Filipinas',
      region_code: '142',
      region: 'Asia',
      subregion_code: '035',
      subregion: 'South-eastern Asia',
      fiscal_year: '2010',
      fiscal_year_label: 'FY10',
      income_group: 'LM',
      ldc: 'false',
      sids: 'false',
    });
    // Each row cites what it draws on: the M49 overview and the World Bank's income history among them.
    expect(phl?.citation).toContain('United Nations Statistics Division');
    expect(phl?.citation).toContain('OGHIST');
    expect(phl?.licence).toContain('CC BY 4.0');
    // A non-ISO area cites Bridges' own list of them.
    expect(rows.find((r) => r.code === 'XKX')?.dataset).toContain('bridges-non-iso-areas');
    // Filters and language apply as in JSON.
    const fr = await fetchCsv('/api/countries?region=019&lang=fr&kind=country&format=csv');
    const frJson = await fetchJson<CountryListResponse>('/api/countries?region=019&lang=fr&kind=country');
    expect(fr.map((r) => r.name)).toEqual(frJson.items.map((c) => c.name));
  });

  it('gives one country as CSV, a row per fiscal year of its income history', async () => {
    const json = await fetchJson<CountryDetail>('/api/countries/PHL');
    const rows = await fetchCsv('/api/countries/PHL?format=csv');
    expect(rows).toHaveLength(json.incomeHistory.length);
    expect(rows[0]).toMatchObject({ code: 'PHL', fiscal_year_label: 'FY89', gni_year: '1987', income_group: 'LM' });
    expect(rows.at(-1)).toMatchObject({ fiscal_year: '2025', income_group: 'LM' });
  });

  it('gives the classification as CSV: M49 regions and sub-regions, income groups, fiscal years', async () => {
    const json = await fetchJson<RegionsResponse>('/api/regions');
    const rows = await fetchCsv('/api/regions?format=csv');
    expect(rows).toHaveLength(regionRows(json));
    expect(rows).toContainEqual(
      expect.objectContaining({ classification: 'm49', level: 'subregion', code: '035', parent_code: '142' }),
    );
    const incomeRow = rows.find((r) => r.classification === 'wb_income' && r.code === 'LM');
    expect(incomeRow?.citation).toContain('OGHIST');
    expect(incomeRow?.licence).toBe('CC BY 4.0');
    expect(rows.find((r) => r.level === 'region')?.dataset).toBe('unsd-m49');
  });

  it('cites every source in JSON with its citation and licence, /api/regions too', async () => {
    const regions = await fetchJson<RegionsResponse>('/api/regions');
    expect(regions.sources.map((s) => s.id).sort()).toEqual(['unsd-m49', 'wb-oghist-fy25']);
    const list = await fetchJson<CountryListResponse>('/api/countries');
    const detail = await fetchJson<CountryDetail>('/api/countries/XKX');
    for (const source of [...regions.sources, ...list.sources, ...detail.sources]) {
      expect(source.citation, source.id).toMatch(/\S/);
      expect(source.licence, source.id).toMatch(/\S/);
    }
  });

  it('answers Accept: text/csv with CSV, and an Accept taking neither with 406', async () => {
    for (const url of ['/api/countries', '/api/countries/PHL', '/api/regions']) {
      const json = await fetchJson<CountryListResponse | CountryDetail | RegionsResponse>(url);
      const rows = await fetchCsv(url, { accept: 'text/csv' });
      const count =
        'items' in json ? json.items.length : 'incomeHistory' in json ? json.incomeHistory.length : regionRows(json);
      expect(rows, url).toHaveLength(count);
      // A browser's Accept, and application/json, still get JSON.
      await fetchJson(url, { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
      await fetchJson(url, { accept: 'application/json' });
      const refused = await app.inject({ url, headers: { accept: 'application/xml' } });
      expect(refused.statusCode, url).toBe(406);
      expect(refused.json<ErrorResponse>().error.code).toBe('not_acceptable');
      // format= wins over Accept.
      await fetchCsv(`${url}?format=csv`, { accept: 'application/json' });
    }
  });

  it('starts the file with a byte-order mark when asked (bom=true, for Excel)', async () => {
    const res = await app.inject({ url: '/api/countries?format=csv&bom=true' });
    expect(res.body.startsWith('\uFEFFcode,')).toBe(true);
    expect((await app.inject({ url: '/api/countries?format=csv' })).body.startsWith('code,')).toBe(true);
  });

  it('tags the CSV as it tags the JSON: gzipped, 304 to a client that has it, a tag of its own', async () => {
    const url = '/api/countries?kind=all&format=csv';
    const plain = await app.inject({ url });
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const again = await app.inject({
      url,
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const json = await app.inject({ url: '/api/countries?kind=all', headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers.etag).toBeDefined();
    expect(json.headers.etag).not.toBe(zipped.headers.etag);
  });

  it('lets no spreadsheet formula through', async () => {
    const db = testDb.database.db;
    const formula = '=HYPERLINK("http://example.org","Click")';
    await db
      .insertInto('area')
      .values({
        code: 'XZZ',
        kind: 'residual',
        name_en: formula,
        region_code: '142',
        is_ldc: false,
        is_lldc: false,
        is_sids: false,
      })
      .execute();
    await db
      .insertInto('area_name')
      .values({ area_code: 'XZZ', lang: 'en', name_type: 'short', name: formula })
      .execute();
    try {
      // A query no earlier test asked, so no answer is kept for it.
      const res = await app.inject({ url: '/api/countries?kind=residual&region=142&format=csv' });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/(^|,)"?=/m);
      const rows = parse(res.body, { columns: true }) as Row[];
      const row = rows.find((r) => r.code === 'XZZ');
      expect(row?.name).toBe(`'${formula}`);
      expect(row?.name_en).toBe(`'${formula}`);
      const detail = await fetchCsv('/api/countries/XZZ?format=csv');
      expect(detail[0]?.name).toBe(`'${formula}`);
    } finally {
      await db.deleteFrom('area_name').where('area_code', '=', 'XZZ').execute();
      await db.deleteFrom('area').where('code', '=', 'XZZ').execute();
    }
  });

  it('refuses a format it does not have', async () => {
    for (const url of ['/api/countries?format=xml', '/api/countries/PHL?format=xlsx', '/api/regions?format=tsv']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<ErrorResponse>().error.details.map((d) => d.field)).toContain('format');
    }
  });

  it('documents CSV beside JSON in the OpenAPI document', async () => {
    const doc = await fetchJson<{
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    }>('/api/openapi.json');
    for (const path of ['/api/countries', '/api/countries/{code}', '/api/regions']) {
      const responses = doc.paths[path]?.get.responses;
      expect(Object.keys(responses?.['200']?.content ?? {}), path).toEqual(
        expect.arrayContaining(['application/json', 'text/csv']),
      );
      expect(responses?.['406'], path).toBeDefined();
    }
  });
});
