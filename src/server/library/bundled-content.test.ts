import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { INTERVENTIONS, OUTCOMES } from '../../core/library-vocab.js';
import type { GapMap, ItemView, SearchResponse } from '../../core/library.js';
import { testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { startBundledLibrary } from '../../../tests/helpers/library.js';
import { LIBRARY_CONTENT_DIR } from '../paths.js';
import { TYPE_FOLDERS } from './content.js';

const filesOf = (folder: string) =>
  readdirSync(path.join(LIBRARY_CONTENT_DIR, folder)).filter((f) => f.endsWith('.yaml'));

/** The starting content of content/library, as a fresh start loads it. */
describe.each(testEngines())('the bundled library content on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, testDb, close } = await startBundledLibrary(engine));
  }, 60_000);
  afterAll(() => close());

  async function get<T>(url: string): Promise<T> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  }
  const search = (q: string, extra = '') => get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);

  it('loads every content file as a published item, each once', async () => {
    const rows = await testDb.database.db
      .selectFrom('library_item')
      .select(['type', (eb) => eb.fn.countAll<string>().as('n')])
      .where('state', '=', 'published')
      .groupBy('type')
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    for (const [type, folder] of Object.entries(TYPE_FOLDERS))
      expect(counts[type], folder).toBe(filesOf(folder).length);
    expect(filesOf('records').length).toBeGreaterThanOrEqual(40);
    expect(filesOf('studies').length).toBeGreaterThanOrEqual(8);
  });

  it('finds MIDA first for "diaspora health skills Africa", and says what is known of its effects', async () => {
    const found = await search('diaspora health skills Africa');
    expect(found.results[0]).toMatchObject({ type: 'record', id: 'mida', url: '/library/mida' });
    const mida = await get<ItemView>('/api/library/items/mida');
    expect(mida.title).toBe('Migration for Development in Africa (MIDA)');
    expect(mida.links.organisations.map((o) => o.id)).toContain('iom');
    // What is known of its effects: one conference judgement, appraised as weak evidence.
    expect(mida.links.evidence).toContainEqual(
      expect.objectContaining({
        id: 'brussels-2006-diaspora-skills-programmes',
        design: 'expert_opinion',
        quality: 'low',
      }),
    );
    expect(mida.data).toMatchObject({
      sources: expect.arrayContaining([expect.objectContaining({ document: expect.stringMatching(/^00\d_/) })]),
    });
  });

  it('finds the named practices by title, in French and Spanish, with a typo', async () => {
    expect((await search('TOKTEN')).results[0]?.id).toBe('tokten');
    expect((await search('Colombo Process')).results[0]?.id).toMatch(/colombo/);
    expect((await search('codéveloppement', '&lang=fr')).results.map((r) => r.id)).toContain('french-co-development');
    expect((await search('codeveloppement', '&lang=fr')).results.map((r) => r.id)).toContain('french-co-development');
    const es = await search('reconocimiento mutuo', '&lang=es');
    expect(es.results.length).toBeGreaterThan(0);
    const typo = await search('Welcomming Otawa');
    expect(typo.correctedQuery).not.toBeNull();
    expect(typo.results.map((r) => r.id).join(' ')).toMatch(/welcoming-ottawa/);
  });

  it('draws the gap map over every intervention and outcome, gaps included, with studies in cells', async () => {
    const map = await get<GapMap>('/api/library/gap-map');
    expect(map.cells).toHaveLength(INTERVENTIONS.length * OUTCOMES.length);
    const filled = map.cells.filter((c) => c.count > 0);
    expect(filled.length).toBeGreaterThan(0);
    expect(map.cells.some((c) => c.count === 0)).toBe(true);
    for (const cell of filled) {
      expect(cell.quality.high + cell.quality.medium + cell.quality.low).toBe(cell.count);
      expect(cell.studies).toHaveLength(cell.count);
    }
    const csv = await app.inject({ url: '/api/library/gap-map?format=csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(map.cells.length + 1);
    expect(lines[1]).toMatch(/Bridges practice & evidence library/);
    // Every study is on the map or listed as evaluating no practice; none is dropped.
    expect(map.studies + map.unplaced.length).toBe(filesOf('studies').length);
    const older = await get<GapMap>('/api/library/gap-map?to=1990');
    expect(older.studies + older.unplaced.length).toBe(0);
    const qualitative = await get<GapMap>('/api/library/gap-map?design=qualitative');
    expect(qualitative.studies).toBeLessThan(map.studies);
    // Years the wrong way round are a mistake to say, not an empty map; so is a parameter the
    // vocabularies do not take.
    const inverted = await app.inject({ url: '/api/library/gap-map?from=2020&to=2000' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ error: { message: 'from: 2020 comes after to 2000' } });
    const unknownRegion = await app.inject({ url: '/api/library/gap-map?region=002,999' });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json()).toMatchObject({
      error: {
        details: [
          { field: 'region', message: expect.stringMatching(/^unknown M49 .* code "999"; known: 002 Africa, /) },
        ],
      },
    });
    // Africa, its sub-region Sub-Saharan Africa and its intermediate region Eastern Africa are all codes it takes.
    for (const region of ['002', '202', '014'])
      expect((await app.inject({ url: `/api/library/gap-map?region=${region}` })).statusCode).toBe(200);
    const vocabularies = await app.inject({ url: '/api/library/vocabularies?x=1' });
    expect(vocabularies.statusCode).toBe(400);
    expect(vocabularies.json()).toMatchObject({ error: { code: 'unknown_parameter' } });
  });

  it('exports the library as JSON and CSV, and the studies as RIS and CSL-JSON', async () => {
    const json = await get<{ records: { id: string }[]; studies: unknown[] }>('/api/library/export');
    expect(json.records.length).toBe(filesOf('records').length);
    const csv = await app.inject({ url: '/api/library/export?format=csv&type=record' });
    expect(csv.body.split('\r\n')[0]).toMatch(/^id,kind,agreement_scope,title_en/);
    const ris = await app.inject({ url: '/api/library/studies/export?format=ris' });
    expect(ris.body.match(/^TY {2}- /gm)).toHaveLength(filesOf('studies').length);
    expect(ris.body.match(/^ER {2}- /gm)).toHaveLength(filesOf('studies').length);
    const csl = JSON.parse((await app.inject({ url: '/api/library/studies/export?format=csl-json' })).body) as {
      issued: unknown;
    }[];
    expect(csl).toHaveLength(filesOf('studies').length);
    expect(csl[0]?.issued).toMatchObject({ 'date-parts': [[expect.any(Number)]] });
  });

  it('gives acronyms in French and Spanish where they differ, in the item and in the CSV', async () => {
    const iom = await get<ItemView>('/api/library/items/iom?lang=fr');
    expect(iom.data).toMatchObject({ acronym: 'IOM', acronyms: { fr: 'OIM', es: 'OIM' } });
    const csvOf = async (type: string) => {
      const res = await app.inject({ url: `/api/library/export?format=csv&type=${type}` });
      expect(res.statusCode).toBe(200);
      return parseCsv(res.body, { columns: true }) as Record<string, string>[];
    };
    const organisations = await csvOf('organisation');
    const acronyms = (id: string) => {
      const row = organisations.find((r) => r.id === id);
      return [row?.acronym, row?.acronym_fr, row?.acronym_es];
    };
    expect(acronyms('iom')).toEqual(['IOM', 'OIM', 'OIM']);
    expect(acronyms('undp')).toEqual(['UNDP', 'PNUD', 'PNUD']);
    expect(acronyms('oecd')).toEqual(['OECD', 'OCDE', 'OCDE']);
    expect(acronyms('imf')).toEqual(['IMF', 'FMI', 'FMI']);
    // One acronym in every language: none of its own in French or Spanish.
    expect(acronyms('european-training-foundation')).toEqual(['ETF', '', '']);
    const gfmd = (await csvOf('record')).find((r) => r.id === 'gfmd');
    expect([gfmd?.acronym, gfmd?.acronym_fr, gfmd?.acronym_es]).toEqual(['GFMD', 'FMMD', 'FMMD']);
  });

  it('serves the source documents the content cites, and nothing else', async () => {
    const doc = await app.inject({ url: '/api/library/sources/004_356cef00a4ef66b7.txt' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain("Palais d'Egmont");
    // Documented as what it is sent as: plain text.
    const api = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    }>();
    const documented = api.paths['/api/library/sources/{file}']?.get.responses['200']?.content;
    expect(Object.keys(documented ?? {})).toEqual([doc.headers['content-type']]);
    expect((await app.inject({ url: '/api/library/sources/..%2Fpackage.json' })).statusCode).toBe(400);
    const missing = await app.inject({ url: '/api/library/sources/999_none.txt' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorResponse>().error.details).toEqual([
      { field: 'file', message: 'no source document is called "999_none.txt"' },
    ]);
  });
});
