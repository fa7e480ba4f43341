import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryDetail, CountryListResponse } from '../../core/countries.js';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { listCountries } from './countries.service.js';

describe.each(testEngines())('countries API on %s', (engine) => {
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

  async function get<T>(url: string, status = 200): Promise<T> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return res.json<T>();
  }
  const list = (query: string) => get<CountryListResponse>(`/api/countries${query}`);

  it('reports health with the engine in use', async () => {
    const health = await get<{ status: string; database: string; version: string }>('/api/health');
    expect(health).toMatchObject({ status: 'ok', database: engine });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists every ISO country and the non-ISO areas, marked as such', async () => {
    const all = await list('');
    // 249 ISO countries (data/reference/UNSD-M49-en.csv.gz, one row each) and the 12 rows of
    // data/reference/non-iso-areas.csv: 4 non-ISO areas, 5 former and 3 residual; no aggregate.
    expect(all.total).toBe(261);
    expect(all.items).toHaveLength(261);
    const kinds = new Map<string, number>();
    for (const c of all.items) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ country: 249, non_iso: 4, former: 5, residual: 3 });
    const countries = await list('?kind=country');
    expect(countries.total).toBe(249); // ISO 3166-1 as in UNSD's M49 file
    const kosovo = all.items.find((c) => c.code === 'XKX');
    expect(kosovo).toMatchObject({ kind: 'non_iso', name: 'Kosovo', wbRegion: 'Europe & Central Asia' });
    expect(all.items.find((c) => c.code === 'STL')?.kind).toBe('residual');
    expect(all.items.find((c) => c.code === 'OOO')?.kind).toBe('residual');
    expect(all.items.find((c) => c.code === 'XCX')?.kind).toBe('non_iso');
    // The UN's name, not the M49 mirror's "Ivory Coast".
    expect(all.items.find((c) => c.code === 'CIV')?.name).toBe('Côte d’Ivoire');
    expect(all.sources.map((s) => s.publisher).join(' ')).toMatch(/World Bank/);
  });

  it.each([
    ['philip', 'PHL'],
    ['Filipinas', 'PHL'],
    ['FILIPINAS', 'PHL'],
    ["cote d'ivoire", 'CIV'],
    ['Ivory Coast', 'CIV'], // the mirror's name for it, still found
    ['Côte d’Ivoire', 'CIV'],
    ['Philipines', 'PHL'], // a typo still finds it
    ['Etats-Unis', 'USA'],
    ['Mexique', 'MEX'],
    ['Филиппины', 'PHL'],
    ['united king', 'GBR'],
  ])('finds %s → %s first', async (q, code) => {
    const res = await list(`?q=${encodeURIComponent(q)}`);
    expect(res.items[0]?.code).toBe(code);
  });

  it('keeps a list until the reference data or a dataset is loaded again', async () => {
    const db = testDb.database.db;
    const query = { kind: 'aggregate' as const };
    const first = await listCountries(db, query);
    expect(await listCountries(db, { ...query })).toBe(first); // kept
    // a dataset brings its aggregate areas: the next list has them
    await db
      .insertInto('area')
      .values({
        code: 'TEST_AGG',
        kind: 'aggregate',
        aggregate_publisher: 'Test',
        name_en: 'Test aggregate',
        is_ldc: false,
        is_lldc: false,
        is_sids: false,
      })
      .execute();
    await db
      .insertInto('dataset')
      .values({
        id: 'test-aggregates',
        family: 'test',
        title: 'Test',
        publisher: 'Test',
        edition: '1',
        licence: 'none',
        citation: 'Test',
        provenance: 'A test row',
        checksum: 'x',
        observation_count: 0,
      })
      .execute();
    let restore = async () => {};
    try {
      const after = await listCountries(db, query, { fresh: true });
      expect(after.items.map((a) => a.code)).toContain('TEST_AGG');
      expect(first.items.map((a) => a.code)).not.toContain('TEST_AGG');
      // and a reload of the reference data, by any process, is noticed too
      const [loaded] = await db.selectFrom('reference_load').select('loaded_at').execute();
      restore = async () => {
        if (loaded) await db.updateTable('reference_load').set({ loaded_at: loaded.loaded_at }).execute();
      };
      await db
        .updateTable('reference_load')
        .set({ loaded_at: new Date(Date.now() + 60_000) })
        .execute();
      // (noticed within a second by itself; `fresh` asks at once)
      expect(await listCountries(db, query, { fresh: true })).not.toBe(after);
      expect(await listCountries(db, query)).toEqual(after);
    } finally {
      await restore();
      await db.deleteFrom('dataset').where('id', '=', 'test-aggregates').execute();
      await db.deleteFrom('area').where('code', '=', 'TEST_AGG').execute();
    }
  });

  it('finds a country by the name people use in French and Spanish (CLDR), not only the UN’s', async () => {
    // The UN's names are Türkiye, République de Corée, République de Moldova…
    for (const [q, lang, code] of [
      ['Turquie', 'fr', 'TUR'],
      ['Turquía', 'es', 'TUR'],
      ['Corée du Sud', 'fr', 'KOR'],
      ['Corea del Sur', 'es', 'KOR'],
      ['Moldavie', 'fr', 'MDA'],
      ['Турция', 'ru', 'TUR'],
    ] as const) {
      const found = await list(`?q=${encodeURIComponent(q)}&lang=${lang}`);
      expect(found.items[0]?.code, q).toBe(code);
    }
    // The names shown stay the UN's.
    expect((await list('?q=Turquie&lang=fr')).items[0]?.name).toBe('Türkiye');
  });

  it('finds a country by the name the World Bank gives it in its downloads', async () => {
    for (const [q, code] of [
      ['Korea, Rep.', 'KOR'],
      ['Congo, Dem. Rep.', 'COD'],
      ['Lao PDR', 'LAO'],
      ['Egypt, Arab Rep.', 'EGY'],
      ['Kosovo', 'XKX'],
    ] as const) {
      const found = await list(`?q=${encodeURIComponent(q)}`);
      expect(found.items[0]?.code, q).toBe(code);
    }
  });

  it('returns no rows, not an error, when nothing matches', async () => {
    expect((await list('?q=zzqqxx')).total).toBe(0);
  });

  it('filters by M49 region and sub-region', async () => {
    const asia = await list('?region=142&kind=country');
    expect(asia.total).toBeGreaterThan(40);
    expect(asia.items.every((c) => c.region?.name === 'Asia')).toBe(true);
    const southEast = await list('?subregion=035');
    expect(southEast.items.map((c) => c.code)).toContain('PHL');
    expect(southEast.items.every((c) => c.subregion?.code === '035')).toBe(true);
    // "2" and "002" name the same region
    expect((await list('?region=2')).total).toBe((await list('?region=002')).total);
  });

  it('filters by income group in a fiscal year, as the World Bank classified them', async () => {
    const counts = async (fy: string) =>
      Object.fromEntries(
        await Promise.all(
          (['L', 'LM', 'UM', 'H'] as const).map(async (g) => [
            g,
            (await list(`?incomeGroup=${g}&fiscalYear=${fy}`)).total,
          ]),
        ),
      );
    // FY25: the World Bank's list of 217 economies.
    expect(await counts('FY25')).toEqual({ L: 26, LM: 51, UM: 54, H: 86 });
    expect(await counts('1989')).toEqual({ L: 49, LM: 46, UM: 30, H: 41 });
    const low = await list('?incomeGroup=L&fiscalYear=FY25');
    expect(low.fiscalYear).toBe(2025);
    expect(low.items.every((c) => c.incomeGroup?.group === 'L' && c.incomeGroup.fiscalYear === 2025)).toBe(true);
  });

  it('gives names in the requested language and sorts by them', async () => {
    const es = await list('?region=019&lang=es&kind=country');
    const names = es.items.map((c) => c.name);
    expect(names).toContain('México');
    expect(names).toEqual([...names].sort(new Intl.Collator('es', { sensitivity: 'base' }).compare));
  });

  it('shows one country with its names, codes, classifications and income history', async () => {
    const phl = await get<CountryDetail>('/api/countries/PHL?lang=fr');
    expect(phl).toMatchObject({
      code: 'PHL',
      iso2: 'PH',
      isoNumeric: '608',
      m49: '608',
      name: 'Philippines',
      kind: 'country',
      region: { code: '142', name: 'Asia' },
      subregion: { code: '035', name: 'South-eastern Asia' },
      wbRegion: 'East Asia & Pacific',
      ldc: false,
    });
    expect(phl.names.es).toBe('Filipinas');
    expect(phl.formalNames.fr).toBe('la République des Philippines');
    expect(phl.formalNames.es).toBe('la República de Filipinas');
    expect(phl.incomeHistory).toHaveLength(37); // FY89–FY25
    expect(phl.incomeHistory[0]).toMatchObject({ fiscalYearLabel: 'FY89', gniYear: 1987, group: 'LM' });
    expect(phl.incomeHistory.at(-1)).toMatchObject({ fiscalYearLabel: 'FY25', gniYear: 2023, group: 'LM' });
    expect(phl.incomeHistoryCitation).toMatchObject({
      dataset: 'wb-oghist-fy25',
      publisher: 'World Bank',
      licence: 'CC BY 4.0',
    });
    expect(phl.sources.length).toBeGreaterThan(0);
  });

  it('finds an area by lower-case code and by a publisher alias', async () => {
    expect((await get<CountryDetail>('/api/countries/phl')).code).toBe('PHL');
    const channel = await get<CountryDetail>('/api/countries/CHI');
    expect(channel.code).toBe('XCX');
    expect(channel.aliases).toContainEqual({ code: 'CHI', source: 'world-bank' });
    expect(channel.incomeHistory.at(-1)?.group).toBe('H');
    const kosovo = await get<CountryDetail>('/api/countries/XKX');
    expect(kosovo.incomeHistory.find((h) => h.fiscalYear === 1989)?.group).toBeNull();
    expect(kosovo.incomeHistory.find((h) => h.fiscalYear === 2025)?.group).toBe('UM');
  });

  it('opens every area the list gives, whatever its code (AB9, the Abyei Area, has a digit)', async () => {
    const all = await list('');
    const opened = await Promise.all(all.items.map((c) => get<CountryDetail>(`/api/countries/${c.code}`)));
    expect(opened.map((c) => c.code)).toEqual(all.items.map((c) => c.code));
    expect(opened.find((c) => c.code === 'AB9')?.kind).toBe('non_iso');
  });

  it('lists the filter vocabularies', async () => {
    const r = await get<{ regions: { code: string; subregions: { code: string }[] }[]; fiscalYears: number[] }>(
      '/api/regions',
    );
    expect(r.regions.map((x) => x.code).sort()).toEqual(['002', '009', '019', '142', '150']);
    expect(r.regions.find((x) => x.code === '142')?.subregions.map((s) => s.code)).toContain('035');
    expect(r.fiscalYears[0]).toBe(1989);
    expect(r.fiscalYears.at(-1)).toBe(2025);
  });

  it('sends the country list gzipped to clients that take it, tagged, and 304 to one that has it', async () => {
    const plain = await app.inject({ url: '/api/countries?kind=all' });
    const zipped = await app.inject({ url: '/api/countries?kind=all', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const again = await app.inject({
      url: '/api/countries?kind=all',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  describe('bad input', () => {
    it.each([
      ['/api/countries?foo=1', 'unknown_parameter', 'foo'],
      ['/api/countries?region=abc', 'invalid_parameter', 'region'],
      ['/api/countries?region=999', 'invalid_parameter', 'region'],
      ['/api/countries?subregion=142', 'invalid_parameter', 'subregion'],
      ['/api/countries?incomeGroup=X', 'invalid_parameter', 'incomeGroup'],
      ['/api/countries?fiscalYear=FY70', 'invalid_parameter', 'fiscalYear'],
      ['/api/countries?lang=de', 'invalid_parameter', 'lang'],
      ['/api/countries?kind=planet', 'invalid_parameter', 'kind'],
      ['/api/countries/PH-L', 'invalid_parameter', 'code'],
      ['/api/countries/1PH', 'invalid_parameter', 'code'],
      [`/api/countries/${'P'.repeat(41)}`, 'invalid_parameter', 'code'],
      ['/api/countries/PHL?verbose=1', 'unknown_parameter', 'verbose'],
    ])('%s → 400 %s naming %s', async (url, code, field) => {
      const body = await get<ErrorResponse>(url, 400);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toContain(field);
      expect(body.error.details.map((d) => d.field)).toContain(field);
    });

    it('says a parameter given twice was given twice, once', async () => {
      for (const [url, field] of [
        ['/api/countries?fiscalYear=FY24&fiscalYear=FY25', 'fiscalYear'],
        ['/api/countries?lang=fr&lang=es&lang=en', 'lang'],
      ] as const) {
        const body = await get<ErrorResponse>(url, 400);
        const times = url.split('&').length;
        expect(body.error.details, url).toEqual([{ field, message: `given ${String(times)} times; give it once` }]);
      }
    });

    it('answers an unknown country with a 404 naming the path parameter', async () => {
      const body = await get<ErrorResponse>('/api/countries/XYZ', 404);
      expect(body.error).toEqual({
        code: 'not_found',
        message: 'code: no country or area has the code "XYZ"',
        details: [{ field: 'code', message: 'no country or area has the code "XYZ"' }],
      });
    });

    it('answers an unknown API route with a JSON 404', async () => {
      expect((await get<ErrorResponse>('/api/nothing-here', 404)).error.code).toBe('not_found');
    });

    it('treats a hostile search as text', async () => {
      expect((await list(`?q=${encodeURIComponent("'; DROP TABLE area; --")}`)).total).toBe(0);
      expect((await list('?q=%25')).total).toBe(0);
      expect((await list('?kind=country')).total).toBe(249);
    });
  });

  it('publishes an OpenAPI 3 document and browsable docs', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/countries', '/api/countries/{code}', '/api/health']),
    );
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});
