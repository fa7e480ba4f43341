import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { OrganisationData, RecordData, SearchQuery, StudyData, type SearchResponse } from '../../core/library.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { findImporters } from '../importers/index.js';
import { importDataset } from '../stats/import-dataset.js';
import { observationOf } from '../../../tests/helpers/stats.js';
import type { DB } from '../db/schema.js';
import { rebuildSearchIndex, reindexItems } from './search.indexer.js';
import { analyseQueryWords } from './search.repository.js';
import { FACET_TYPE, search, type SearchLimits } from './search.service.js';

/** Library items as the content files describe them (abridged from content/library/). */
const SOURCE = [{ document: '004_356cef00a4ef66b7.txt', section: '4. Migrant Communities and Development' }];

const MIDA = RecordData.parse({
  kind: 'programme',
  title: {
    en: 'Migration for Development in Africa (MIDA)',
    fr: 'Migration pour le développement en Afrique (MIDA)',
    es: 'Migración para el Desarrollo en África (MIDA)',
  },
  acronym: 'MIDA',
  summary: {
    en: 'IOM programme that mobilises the knowledge, skills and resources of the African diaspora for the development of their countries of origin, in key sectors such as health, agriculture and education.',
    fr: "Programme de l'OIM qui mobilise les connaissances, les compétences et les ressources de la diaspora africaine au service du développement de leurs pays d'origine en Afrique.",
    es: 'Programa de la OIM que moviliza los conocimientos, las competencias y los recursos de la diáspora africana en favor del desarrollo de sus países de origen en África.',
  },
  countries: [
    { code: 'GHA', role: 'origin' },
    { code: 'BEL', role: 'destination' },
  ],
  organisations: [{ id: 'iom', role: 'implementing' }],
  instruments: ['migration_policy'],
  themes: ['diaspora', 'skilled_migration'],
  stages: ['transnational_engagement', 'return'],
  sectors: ['health', 'agriculture', 'education'],
  interventions: ['diaspora_knowledge_transfer'],
  sources: SOURCE,
});

const CO_DEVELOPMENT = RecordData.parse({
  kind: 'policy',
  title: {
    en: 'French co-development strategy',
    fr: 'Stratégie française de codéveloppement',
    es: 'Estrategia francesa de codesarrollo',
  },
  summary: {
    en: 'Strategy of the French Government that brings migrant communities and the business sector together in joint development activities in countries of origin such as Mali and Morocco; it also supports diaspora investment.',
    fr: "Stratégie du gouvernement français qui associe les communautés de migrants et les entreprises à des actions de développement communes dans des pays d'origine comme le Mali ou le Maroc.",
  },
  countries: [
    { code: 'FRA', role: 'destination' },
    { code: 'MLI', role: 'origin' },
    { code: 'MAR', role: 'origin' },
  ],
  instruments: ['migration_policy', 'non_migration_policy'],
  themes: ['diaspora'],
  stages: ['transnational_engagement'],
  sectors: ['enterprise'],
  interventions: ['co_development', 'diaspora_investment'],
  sources: SOURCE,
});

const TRES_POR_UNO = RecordData.parse({
  kind: 'programme',
  title: { en: '3x1 Programme for Migrants', es: 'Programa 3x1 para Migrantes' },
  summary: {
    en: 'Matches every peso that hometown associations of the Mexican diaspora send for community projects with federal, state and municipal funds.',
    es: 'Cada peso que envían los clubes de migrantes mexicanos para obras comunitarias se complementa con fondos federales, estatales y municipales.',
  },
  countries: [
    { code: 'MEX', role: 'origin' },
    { code: 'USA', role: 'destination' },
  ],
  instruments: ['migration_policy'],
  themes: ['remittances', 'diaspora'],
  stages: ['transnational_engagement'],
  sectors: ['urban'],
  interventions: ['diaspora_investment'],
  sources: SOURCE,
});

const REMITTANCE_PRICES = RecordData.parse({
  kind: 'guideline',
  title: { en: 'General Principles for International Remittance Services' },
  summary: {
    en: 'Five principles for transparent, safe and competitive money transfer markets, so that remittances reach families at lower cost.',
  },
  instruments: ['international_agreement'],
  themes: ['remittances'],
  stages: ['labour_migration'],
  sectors: ['finance'],
  interventions: ['remittance_services'],
  sources: SOURCE,
});

const IOM = OrganisationData.parse({
  name: {
    en: 'International Organization for Migration',
    fr: 'Organisation internationale pour les migrations',
    es: 'Organización Internacional para las Migraciones',
  },
  acronym: 'IOM',
  type: 'international_organisation',
  countries: ['CHE'],
  summary: { en: 'Intergovernmental organisation working on migration; it runs the MIDA programme.' },
});

const EVALUATION = StudyData.parse({
  title: { en: 'Matching funds and community investment: an evaluation of the 3x1 Programme' },
  summary: {
    en: 'Municipalities that joined the programme received more public works, but the poorest localities took part least.',
  },
  year: 2013,
  design: 'quasi_experimental',
  population: 'Mexican municipalities, 2002–2010',
  places: ['MEX'],
  outcomes: [{ outcome: 'investment_enterprise', effect: 'positive' }],
  independence: 'independent',
  appraisal: {
    question: 'yes',
    design: 'yes',
    data: 'yes',
    comparison: 'yes',
    measurement: 'partly',
    bias: 'partly',
    conclusions: 'yes',
    transparency: 'yes',
  },
  citation: { title: 'Aparicio and Meseguer (2012), Supply or demand? Migration and political manipulation in Mexico' },
  records: ['tres-por-uno'],
});

/** A draft nobody has published, and a published record whose newer working copy is a draft. */
const DRAFT = { ...REMITTANCE_PRICES, title: { en: 'Zanzibar clove growers remittance scheme' } };

describe.each(testEngines())('search on %s', (engine) => {
  let testDb: TestDatabase;
  let db: Kysely<DB>;
  let app: FastifyInstance;

  async function putItem(id: string, type: 'record' | 'organisation' | 'study', data: unknown, working = data) {
    await db
      .insertInto('library_item')
      .values({
        id,
        type,
        state: 'published',
        version: working === data ? 1 : 2,
        data: JSON.stringify(working),
        published_data: JSON.stringify(data),
        published_version: 1,
      })
      .execute();
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    db = testDb.database.db;
    await putItem('mida', 'record', MIDA);
    await putItem('french-co-development', 'record', CO_DEVELOPMENT);
    await putItem('tres-por-uno', 'record', TRES_POR_UNO);
    await putItem('remittance-principles', 'record', REMITTANCE_PRICES, DRAFT);
    await putItem('iom', 'organisation', IOM);
    await putItem('tres-por-uno-evaluation', 'study', EVALUATION);
    await db
      .insertInto('library_item')
      .values({ id: 'zanzibar', type: 'record', state: 'draft', version: 1, data: JSON.stringify(DRAFT) })
      .execute();
    // Bundled editions as they describe themselves (title, publisher, citation, indicators), each
    // with one figure of each of its indicators: what a dataset is found by is its description.
    for (const id of [
      'knomad-bilateral-2018',
      'knomad-bilateral-2021',
      'unhcr-displacement-2024',
      'wdi-gdidata-2025',
    ]) {
      const [bundled] = findImporters(id);
      if (!bundled) throw new Error(`no bundled importer ${id}`);
      await importDataset(testDb.database, {
        ...bundled,
        files: [],
        read: () => ({
          observations: bundled.indicators.map(({ id: indicator }) => observationOf({ indicator })),
        }),
      });
    }
    await rebuildSearchIndex(db);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function get<T>(url: string, status = 200): Promise<T> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
    return res.json<T>();
  }
  const find = (query: string) => get<SearchResponse>(`/api/search?${query}`);
  const ids = (r: SearchResponse) => r.results.map((h) => h.id);
  const q = (text: string, rest = '') => find(`q=${encodeURIComponent(text)}${rest}`);

  it('finds a record by its title, with its page and subtitle', async () => {
    const r = await q('Migration for Development in Africa');
    expect(r.results[0]).toMatchObject({
      type: 'record',
      id: 'mida',
      title: 'Migration for Development in Africa (MIDA)',
      subtitle: 'Programme or initiative',
      url: '/library/mida',
    });
    expect(r.correctedQuery).toBeNull();
    expect((await q('mida')).results[0]?.id).toBe('mida');
  });

  it('finds a word that is only in the summary, and marks it in the snippet', async () => {
    const r = await q('hometown');
    expect(ids(r)).toEqual(['tres-por-uno']);
    const hits = r.results[0]?.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    expect(hits).toContain('hometown');
    expect(r.results[0]?.snippet.map((s) => s.text).join('')).toContain('associations of the Mexican diaspora');
  });

  it('finds by stem and by prefix of the last word', async () => {
    // (The datasets of remittances are found too; of the library's items, this one.)
    const items = async (text: string) => (await q(text)).results.filter((r) => r.type !== 'dataset').map((r) => r.id);
    expect(await items('remittance')).toEqual(['remittance-principles']);
    expect(await items('remit')).toEqual(['remittance-principles']);
    expect(ids(await q('remittance'))).toEqual(expect.arrayContaining(['knomad-bilateral-2018', 'wdi-gdidata-2025']));
    expect(ids(await q('agricul'))).toEqual(['mida']);
    expect(ids(await q('hometown associations'))).toEqual(['tres-por-uno']);
  });

  it('searches French with the French configuration, accents or not, and answers in French', async () => {
    for (const word of ['développement', 'developpement', 'DÉVELOPPEMENT']) {
      const r = await q(word, '&lang=fr');
      expect(ids(r), word).toEqual(expect.arrayContaining(['mida', 'french-co-development']));
    }
    const r = await q('codéveloppement', '&lang=fr');
    expect(r.results[0]).toMatchObject({
      id: 'french-co-development',
      title: 'Stratégie française de codéveloppement',
    });
    expect(r.results[0]?.subtitle).toBe('Politique');
    const snippet = (await q('entreprises', '&lang=fr')).results[0]?.snippet;
    expect(snippet?.find((s) => s.hit)?.text).toBe('entreprises');
  });

  it('searches Spanish, accent-insensitive', async () => {
    const r = await q('diaspora africana', '&lang=es');
    expect(r.results[0]).toMatchObject({ id: 'mida', title: 'Migración para el Desarrollo en África (MIDA)' });
    expect(r.results[0]?.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('diáspora africana');
    expect(ids(await q('obras comunitarias', '&lang=es'))).toEqual(['tres-por-uno']);
    expect(r.results[0]).toMatchObject({ titleLang: 'es', snippetLang: 'es' });
    // An organisation summarised in English only: its summary is English, and says so.
    const iom = (await q('Organización Internacional para las Migraciones', '&lang=es&type=organisation')).results[0];
    expect(iom).toMatchObject({ id: 'iom', titleLang: 'es', snippetLang: 'en' });
    expect(iom?.snippet.map((s) => s.text).join('')).toContain('Intergovernmental organisation');
  });

  it('corrects a typo to the closest word of the index and says so', async () => {
    const r = await q('diaspra');
    expect(r.correctedQuery).toBe('diaspora');
    expect(ids(r)).toEqual(expect.arrayContaining(['mida', 'french-co-development', 'tres-por-uno']));
    const two = await q('remitance principles');
    expect(two.correctedQuery).toBe('remittance principles');
    expect(two.results[0]?.id).toBe('remittance-principles');
  });

  it('falls back to any word when no document has them all', async () => {
    const r = await q('hometown xylophone agriculture');
    expect(r.correctedQuery).toBeNull();
    expect(ids(r)).toEqual(expect.arrayContaining(['tres-por-uno', 'mida']));
    expect(r.total).toBe(2);
  });

  it('ranks a title match above documents that only mention the words', async () => {
    const r = await q('programme');
    expect(ids(r).slice(0, 2).sort()).toEqual(['tres-por-uno', 'tres-por-uno-evaluation']);
    expect(ids(r).slice(2).sort()).toEqual(['iom', 'mida']); // "programme" in their summaries only
    // pages that only title matches can fill, and those that reach past them, rank the same way
    expect(ids(await q('programme', '&limit=2'))).toEqual(ids(r).slice(0, 2));
    expect(ids(await q('programme', '&limit=2&offset=2'))).toEqual(ids(r).slice(2, 4));
    expect((await q('programme', '&limit=1&offset=1')).total).toBe(4);
    const byTitle = await q('3x1 programme');
    expect(byTitle.results[0]?.id).toBe('tres-por-uno');
    expect(byTitle.results[1]?.id).toBe('tres-por-uno-evaluation');
    const exact = await q('Ghana');
    expect(exact.results[0]).toMatchObject({ type: 'country', id: 'GHA', url: '/countries/GHA' });
    expect(ids(exact)).toContain('mida'); // found by its country's name, ranked below
    expect(exact.results[0]?.score).toBeGreaterThan(exact.results.find((h) => h.id === 'mida')?.score ?? 0);
  });

  it('never finds drafts, nor the working copy of a published item', async () => {
    expect((await q('zanzibar')).total).toBe(0);
    expect((await q('clove growers')).total).toBe(0);
    expect(ids(await q('competitive money transfer'))).toEqual(['remittance-principles']);
  });

  it('finds countries by their French and Spanish names, and datasets', async () => {
    expect((await q('Allemagne')).results[0]).toMatchObject({ type: 'country', id: 'DEU' });
    // By the names people type (CLDR's), not only the UN's (Türkiye, République de Corée).
    expect((await q('Turquie', '&lang=fr')).results[0]).toMatchObject({ type: 'country', id: 'TUR' });
    expect((await q('Corée du Sud', '&lang=fr')).results[0]).toMatchObject({ type: 'country', id: 'KOR' });
    expect((await q('Corea del Sur', '&lang=es')).results[0]).toMatchObject({ type: 'country', id: 'KOR' });
    expect((await q('Côte d’Ivoire', '&lang=fr')).results[0]).toMatchObject({
      id: 'CIV',
      title: 'Côte d’Ivoire',
    });
    // Its region in the reader's language too, as the UN writes it; and found by it.
    expect((await q('Filipinas', '&lang=es')).results[0]).toMatchObject({
      id: 'PHL',
      title: 'Filipinas',
      subtitle: 'Asia sudoriental',
    });
    expect((await q('Allemagne', '&lang=fr')).results[0]?.subtitle).toBe('Europe occidentale');
    expect((await q('Germany')).results[0]?.subtitle).toBe('Western Europe');
    expect((await q('Estados Unidos', '&lang=es&type=country')).results[0]?.id).toBe('USA');
  });

  it('finds datasets by the names of their indicators in French and Spanish, and by their publisher', async () => {
    const datasets = async (text: string, lang: string) =>
      (await q(text, `&lang=${lang}&type=dataset`)).results.map((r) => r.id).sort();
    expect(await datasets('remesas', 'es')).toEqual([
      'knomad-bilateral-2018',
      'knomad-bilateral-2021',
      'wdi-gdidata-2025',
    ]);
    expect(await datasets('envois de fonds', 'fr')).toEqual([
      'knomad-bilateral-2018',
      'knomad-bilateral-2021',
      'wdi-gdidata-2025',
    ]);
    expect(await datasets('ACNUR', 'es')).toEqual(['unhcr-displacement-2024']);
    expect(await datasets('HCR', 'fr')).toEqual(['unhcr-displacement-2024']);
    expect(await datasets('investissements directs', 'fr')).toEqual(['wdi-gdidata-2025']);
    // "World Bank/KNOMAD" is two words, not a path.
    expect(await datasets('KNOMAD', 'en')).toEqual(['knomad-bilateral-2018', 'knomad-bilateral-2021']);
  });

  it('ranks a country whose name in any language starts with the query above those that only share a word with it', async () => {
    // Spanish stems "sudán" to "sud", as a prefix also in "Sudáfrica" and in French "… du Sud":
    // South Sudan ("Sudán del Sur") must come before South Africa and South Georgia.
    const ids = (await q('Sudán', '&lang=es&type=country')).results.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['SDN', 'SSD']);
    expect(ids).toContain('ZAF');
    expect((await q('Soudan', '&lang=fr&type=country')).results.map((r) => r.id).slice(0, 2)).toEqual(['SDN', 'SSD']);
  });

  it('finds countries by their Arabic, Chinese and Russian names too, as /api/countries does', async () => {
    for (const [text, code] of [
      ['菲律宾', 'PHL'],
      ['菲律', 'PHL'], // Chinese has no spaces: the start of a name
      ['菲律宾共和国', 'PHL'], // its formal name
      ['中国', 'CHN'],
      ['Филиппины', 'PHL'],
      ['ФИЛИППИНЫ', 'PHL'],
      ['Республика Филиппины', 'PHL'],
      ['Китай', 'CHN'],
      ['الفلبين', 'PHL'],
      ['الصين', 'CHN'],
    ] as const) {
      for (const lang of ['en', 'fr']) {
        const r = await q(text, `&type=country&lang=${lang}`);
        expect(r.results[0]?.id, `${text} (${lang})`).toBe(code);
        expect(r.correctedQuery, text).toBeNull();
      }
    }
    // Shown in the reader's language, found by any of the six.
    expect((await q('菲律宾', '&lang=es')).results[0]).toMatchObject({ id: 'PHL', title: 'Filipinas' });
  });

  it('counts facets over the whole match, each filtered by the others', async () => {
    const r = await q('diaspora', '&type=record');
    expect(r.facets.type).toEqual([{ value: 'record', label: 'Practice', count: 3 }]);
    expect(r.facets.kind).toEqual([
      { value: 'programme', label: 'Programme or initiative', count: 2 },
      { value: 'policy', label: 'Policy', count: 1 },
    ]);
    expect(r.facets.theme?.find((f) => f.value === 'diaspora')?.count).toBe(3);
    expect(r.facets.region?.find((f) => f.value === '002')).toEqual({ value: '002', label: 'Africa', count: 2 });
    expect(r.facets.country?.find((f) => f.value === 'MEX')).toEqual({ value: 'MEX', label: 'Mexico', count: 1 });
    expect(Object.keys(r.facets).sort()).toEqual(
      ['country', 'design', 'instrument', 'kind', 'region', 'sector', 'stage', 'theme', 'type'].sort(),
    );

    const fr = await q('diaspora', '&type=record&lang=fr');
    expect(fr.facets.country?.find((f) => f.value === 'MEX')?.label).toBe('Mexique');
    expect(fr.facets.theme?.find((f) => f.value === 'diaspora')?.label).toBe('Ressources de la diaspora');
  });

  it('filters: OR within a facet, AND across facets', async () => {
    const programmes = await find('kind=programme');
    expect(ids(programmes).sort()).toEqual(['mida', 'tres-por-uno']);
    // the kind facet still counts the other kinds (filtered by the other facets only)
    expect(programmes.facets.kind?.find((f) => f.value === 'policy')?.count).toBe(1);
    expect(programmes.facets.kind?.find((f) => f.value === 'guideline')?.count).toBe(1);
    const either = await find('kind=programme,policy');
    expect(either.total).toBe(3);
    const both = await find('kind=programme,policy&region=002');
    expect(ids(both).sort()).toEqual(['french-co-development', 'mida']);
    expect(both.facets.kind?.find((f) => f.value === 'programme')?.count).toBe(1);
    expect(both.facets.region?.find((f) => f.value === '019')?.count).toBe(1); // the Americas: 3x1
    const repeated = await find('kind=programme&kind=policy&country=MEX');
    expect(ids(repeated)).toEqual(['tres-por-uno']);
    const studies = await find('design=quasi_experimental');
    expect(studies.results).toEqual([
      expect.objectContaining({
        id: 'tres-por-uno-evaluation',
        type: 'study',
        subtitle: 'Study · 2013 · Quasi-experimental',
        url: '/library/tres-por-uno-evaluation',
      }),
    ]);
    expect((await find('design=quasi_experimental&lang=fr')).results[0]?.subtitle).toBe(
      'Étude · 2013 · Quasi expérimental',
    );
    const noMatch = await find('theme=environment');
    expect(noMatch).toMatchObject({ total: 0, results: [] });
    expect(noMatch.facets.theme).toContainEqual({
      value: 'environment',
      label: 'Environmental change and migration',
      count: 0,
    });
  });

  it('browses everything by title when the query is empty, with pages', async () => {
    const all = await find('type=record,organisation,study');
    expect(all.total).toBe(6);
    expect(all.results.map((h) => h.title)).toEqual([
      '3x1 Programme for Migrants',
      'French co-development strategy',
      'General Principles for International Remittance Services',
      'International Organization for Migration',
      'Matching funds and community investment: an evaluation of the 3x1 Programme',
      'Migration for Development in Africa (MIDA)',
    ]);
    expect(all.results[0]?.snippet).toHaveLength(1);
    expect(all.results[0]?.snippet[0]).toMatchObject({ hit: false });
    expect(all.results[0]?.snippet[0]?.text).toMatch(/^Matches every peso/);
    const page2 = await find('type=record,organisation,study&limit=2&offset=2');
    expect(page2.results.map((h) => h.id)).toEqual(['remittance-principles', 'iom']);
    expect(page2.total).toBe(6);
    const everything = await find('');
    expect(everything.total).toBeGreaterThan(240); // countries too
    expect(everything.facets.type?.find((f) => f.value === 'country')?.count).toBeGreaterThan(240);
  });

  it('reindexes an item when it is published, changed or withdrawn', async () => {
    const changed = { ...IOM, summary: { en: 'Runs the Mobility Partnership Facility with quinoa farmers.' } };
    await db
      .updateTable('library_item')
      .set({ published_data: JSON.stringify(changed) })
      .where('id', '=', 'iom')
      .execute();
    expect((await q('quinoa')).total).toBe(0); // not yet reindexed
    await db.transaction().execute((trx) => reindexItems(trx, ['iom']));
    expect(ids(await q('quinoa'))).toEqual(['iom']);
    expect((await q('quinoq')).correctedQuery).toBe('quinoa'); // the lexicon followed
    // records naming the organisation are found by its (new) name
    const renamed = { ...changed, name: { en: 'United Nations Migration Agency' } };
    await db
      .updateTable('library_item')
      .set({ published_data: JSON.stringify(renamed) })
      .where('id', '=', 'iom')
      .execute();
    await reindexItems(db, ['iom']);
    expect(ids(await q('migration agency'))).toEqual(expect.arrayContaining(['iom', 'mida']));
    // and by its acronyms in French and Spanish, the organisation first
    const abbreviated = { ...renamed, acronyms: { fr: 'AMNUQ', es: 'AMNUZ' } };
    await db
      .updateTable('library_item')
      .set({ published_data: JSON.stringify(abbreviated) })
      .where('id', '=', 'iom')
      .execute();
    expect((await q('AMNUZ')).total).toBe(0); // not yet reindexed
    await reindexItems(db, ['iom']);
    for (const acronym of ['AMNUQ', 'amnuz']) {
      const found = await q(acronym, '&lang=fr');
      expect(found.results[0]?.id, acronym).toBe('iom');
      expect(ids(found), acronym).toContain('mida');
    }
    await db
      .updateTable('library_item')
      .set({ published_data: null, published_version: null, state: 'draft' })
      .where('id', '=', 'iom')
      .execute();
    await reindexItems(db, ['iom']);
    expect(ids(await q('quinoa'))).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_word WHERE word = 'quinoa'`.execute(
      db,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it.runIf(engine === 'postgres')(
    'queues writers of the index from their first statement, so two publications cannot deadlock',
    async () => {
      // Each publication deletes its item's document (taking its lexemes' counts in order) and
      // inserts the new one. Were the second to go ahead while the first is open, it would take
      // 'aaardvark', wait for a lexeme the first holds, and the first might then need 'aaardvark'.
      const pilot = (word: string) =>
        RecordData.parse({ ...TRES_POR_UNO, title: { en: `${word} pilot` }, summary: { en: 'A pilot.' } });
      await putItem('pilot-one', 'record', pilot('wombat'));
      await putItem('pilot-two', 'record', pilot('aaardvark'));
      await reindexItems(db, ['pilot-one', 'pilot-two']);
      const { rows: first } = await sql<{ lexeme: string }>`
        SELECT min(l) AS lexeme FROM search_document, unnest(tsvector_to_array(tsv)) l
        WHERE type = 'record' AND id = 'pilot-two'`.execute(db);
      expect(first[0]?.lexeme).toBe('aaardvark'); // the first lexeme the second publication would lock
      const publish = (id: string, word: string) =>
        db
          .updateTable('library_item')
          .set({ published_data: JSON.stringify(pilot(word)) })
          .where('id', '=', id)
          .execute();
      await publish('pilot-one', 'bilby');
      await publish('pilot-two', 'quoll');

      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reindexed = () => {};
      const firstReindexed = new Promise<void>((resolve) => (reindexed = resolve));
      const one = db.transaction().execute(async (trx) => {
        await reindexItems(trx, ['pilot-one']);
        reindexed();
        await gate; // the first publication's transaction stays open
      });
      await firstReindexed;
      const two = db.transaction().execute((trx) => reindexItems(trx, ['pilot-two']));
      const waiting = async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db);
        return (rows[0]?.n ?? 0) > 0;
      };
      for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await waiting()).toBe(true);
      // the second waits before it has taken anything: 'aaardvark' is free
      const { rows: free } = await sql<{ lexeme: string }>`
        SELECT lexeme FROM search_lexeme WHERE lexeme = 'aaardvark' FOR UPDATE SKIP LOCKED`.execute(db);
      expect(free).toHaveLength(1);
      release();
      await Promise.all([one, two]);
      expect(ids(await q('bilby'))).toEqual(['pilot-one']);
      expect(ids(await q('quoll'))).toEqual(['pilot-two']);
      await db.deleteFrom('library_item').where('id', 'in', ['pilot-one', 'pilot-two']).execute();
      await reindexItems(db, ['pilot-one', 'pilot-two']);
    },
  );

  it('writes the facets that imply a type on documents of that type only', async () => {
    for (const [facet, type] of Object.entries(FACET_TYPE)) {
      const { rows } = await sql<{ type: string }>`
        SELECT DISTINCT d.type FROM search_document d, unnest(d.facets) f WHERE f LIKE ${`${facet}:%`}`.execute(db);
      expect(
        rows.map((r) => r.type),
        facet,
      ).toEqual([type]);
    }
    // so type=record with a kind is the kind's match, and the type facet counts that match
    const r = await q('diaspora', '&type=record&kind=programme');
    const alone = await q('diaspora', '&kind=programme');
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBe(alone.total);
    expect(r.facets.type).toEqual([{ value: 'record', label: 'Practice', count: r.total }]);
  });

  it('completes a last word to the lexemes of the index, which follow every change to it', async () => {
    /** search_lexeme against the index's own count of its lexemes. */
    const lexemesMatchTheIndex = async (trx: Kysely<DB> = db) => {
      const kept = await sql<{ lexeme: string; ndoc: number }>`
        SELECT lexeme, ndoc FROM search_lexeme ORDER BY lexeme`.execute(trx);
      const counted = await sql<{ lexeme: string; ndoc: number }>`
        SELECT word COLLATE "C" AS lexeme, ndoc FROM ts_stat('SELECT tsv FROM search_document') ORDER BY 1`.execute(
        trx,
      );
      expect(kept.rows.length).toBeGreaterThan(100);
      expect(kept.rows).toEqual(counted.rows);
    };
    await lexemesMatchTheIndex();
    const pilot = RecordData.parse({
      ...TRES_POR_UNO,
      title: { en: 'Xylophone Remittance Pilot' },
      summary: { en: 'Hometown associations fund xylophones and xylophonists.' },
    });
    expect((await q('xyloph')).total).toBe(0);
    await putItem('xylophone-pilot', 'record', pilot);
    await reindexItems(db, ['xylophone-pilot']);
    await lexemesMatchTheIndex();
    // 'xyloph' completes to the new lexemes and is searched as them: same documents as a prefix
    const { rows } = await sql<{ lexeme: string }>`
      SELECT lexeme FROM search_lexeme WHERE lexeme LIKE 'xyloph%' ORDER BY lexeme`.execute(db);
    expect(rows.map((r) => r.lexeme)).toEqual(['xylophon', 'xylophone', 'xylophonist']);
    const analysed = await analyseQueryWords(db, ['remittance', 'xyloph'], 'remittance xyloph', 'en');
    expect(analysed.words[0]?.completions).toBeUndefined(); // only the last word is a prefix
    expect(analysed.words[1]?.completions).toEqual({ xyloph: ['xylophon', 'xylophone', 'xylophonist'] });
    expect(ids(await q('xyloph'))).toEqual(['xylophone-pilot']);
    expect(ids(await q('remittance xylophon'))).toEqual(['xylophone-pilot']);

    // an UPDATE and a TRUNCATE of the index move the counts too (the TRUNCATE rolled back)
    await sql`UPDATE search_document SET tsv = tsv || 'zzyzx'::tsvector WHERE id = 'xylophone-pilot'`.execute(db);
    await lexemesMatchTheIndex();
    expect(ids(await q('zzyz'))).toEqual(['xylophone-pilot']);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`TRUNCATE search_document`.execute(trx);
        const { rows: left } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_lexeme`.execute(trx);
        expect(left[0]?.n).toBe(0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    await db.deleteFrom('library_item').where('id', '=', 'xylophone-pilot').execute();
    await reindexItems(db, ['xylophone-pilot']);
    await lexemesMatchTheIndex();
    expect((await q('xyloph')).total).toBe(0);
  });

  describe('odd and bad input', () => {
    it.each(["'; DROP TABLE search_document; --", 'the', 'a b c', 'in'])(
      'answers %j without an error',
      async (text) => {
        const r = await q(text);
        expect(r.query).toBe(text);
        expect(Array.isArray(r.results)).toBe(true);
      },
    );

    it.each(['%', '_', '\\', '.*', '([', '😀', '!!!', '"', '&|!:*()', ' % _ '])(
      'refuses %j, which has no letters or digits, naming q, rather than listing everything',
      async (text) => {
        const body = await get<ErrorResponse>(`/api/search?q=${encodeURIComponent(text)}`, 400);
        expect(body.error.code).toBe('invalid_parameter');
        expect(body.error.details).toEqual([
          { field: 'q', message: expect.stringContaining('has no letters or digits to search for') as string },
        ]);
      },
    );

    it('searches a query of common words only ("the", "in") as written, in titles and names, not as a browse', async () => {
      const everything = (await find('')).total;
      // "in" and "it" are English stop words, and the ISO codes of India and Italy.
      expect((await q('IN', '&type=country')).results[0]?.id).toBe('IND');
      expect((await q('it', '&type=country')).results[0]?.id).toBe('ITA');
      for (const [text, lang] of [
        ['the', 'en'],
        ['in', 'en'],
        ['de la', 'fr'],
      ] as const) {
        const r = await q(text, `&lang=${lang}`);
        expect(r.total, text).toBeGreaterThan(0);
        expect(r.total, text).toBeLessThan(everything);
        expect(
          r.results.every((h) => h.snippet.some((s) => s.hit) || h.score > 0),
          text,
        ).toBe(true);
      }
    });

    it('refuses a bad percent-encoding in q, as in a path', async () => {
      for (const url of ['/api/search?q=%ED%A0%80', '/api/search?q=%E0%A4%A', '/api/search?q=%']) {
        const body = await get<ErrorResponse>(url, 400);
        expect(
          body.error.details.map((d) => d.field),
          url,
        ).toEqual(['q']);
      }
    });

    it('gives no results, not an error, for words found nowhere', async () => {
      const r = await q('xqzvvk');
      expect(r).toMatchObject({ total: 0, results: [], correctedQuery: null });
    });

    it.each([
      ['kind=planet', 'invalid_parameter', 'kind'],
      ['region=africa', 'invalid_parameter', 'region'],
      ['lang=de', 'invalid_parameter', 'lang'],
      ['limit=500', 'invalid_parameter', 'limit'],
      ['foo=1', 'unknown_parameter', 'foo'],
    ])('%s → 400 %s naming %s', async (query, code, field) => {
      const body = await get<ErrorResponse>(`/api/search?${query}`, 400);
      expect(body.error.code).toBe(code);
      expect(body.error.details.map((d) => d.field.split('.')[0])).toContain(field);
    });

    it('filters by the country and region codes of the reference data', async () => {
      expect(ids(await find('country=PHL'))).toEqual(['PHL']);
      const southEastAsia = await find('region=035&limit=100');
      expect(southEastAsia.total).toBe(11);
      expect(ids(southEastAsia)).toEqual(expect.arrayContaining(['PHL', 'IDN', 'VNM', 'TLS']));
      expect(southEastAsia.facets.region?.find((f) => f.value === '035')?.label).toBe('South-eastern Asia');
      expect(ids(await find('region=002&type=record')).sort()).toEqual(['french-co-development', 'mida']);
      // A sub-region and a region together: either one (OR within the facet).
      expect(ids(await find('region=002,035&type=record,organisation')).sort()).toEqual([
        'french-co-development',
        'mida',
      ]);
      expect(ids(await find('country=PHL,MEX&type=country'))).toEqual(['MEX', 'PHL']);
    });

    it.each([
      ['country=XXX', 'country', 'no country or area has the code "XXX"'],
      ['country=PHL,XXX,QQQ,XXX', 'country', 'no country or area has the codes "XXX", "QQQ"'],
      ['region=999', 'region', 'unknown M49 region or sub-region code "999"; known: 002 Africa, 009 Oceania, 015'],
      ['region=002,999,998', 'region', 'unknown M49 region or sub-region codes "999", "998"; known: 002 Africa'],
      [
        'region=014',
        'region',
        '"014" is Eastern Africa, an M49 intermediate region, which the search does not filter by: ask for its sub-region, 202 Sub-Saharan Africa',
      ],
    ])('%s → 400 naming %s and the unknown codes', async (query, field, message) => {
      const body = await get<ErrorResponse>(`/api/search?${query}`, 400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.details).toEqual([{ field, message: expect.stringContaining(message) as string }]);
      expect(body.error.message).toContain(`${field}: ${message}`);
      // Known codes given beside an unknown one are not blamed.
      expect(body.error.details[0]?.message).not.toMatch(/"(PHL|002)"/);
    });

    it('names both filters when both hold unknown codes, and the known ones as known', async () => {
      const body = await get<ErrorResponse>('/api/search?q=diaspora&country=GHA,XKX,ZZZ&region=035,999', 400);
      expect(body.error.details).toEqual([
        { field: 'country', message: 'no country or area has the code "ZZZ"' },
        { field: 'region', message: expect.stringMatching(/^unknown M49 region or sub-region code "999"; known: /) },
      ]);
      // Every region and sub-region a document can be filed under is listed, with its name.
      const known = body.error.details[1]?.message.split('known: ')[1]?.split(', ') ?? [];
      expect(known).toHaveLength(22);
      expect(known).toEqual(expect.arrayContaining(['035 South-eastern Asia', '419 Latin America and the Caribbean']));
    });
  });
});

/**
 * The large-match path, reached with a few hundred documents by lowering the limits: 300 records
 * all saying "remittance" in their summaries, a tenth of them in their titles, one titled just
 * "Remittance"; "quokka" in ten of them. Answers of both engines are kept to compare at the end.
 */
const LARGE_LIMITS = { exactLimit: 50, sampleSize: 120, sampleHits: 80, candidates: 20 };
const LARGE_RECORDS = 300;
const answersByEngine = new Map<string, unknown[]>();

function largeRecord(i: number) {
  const places = ['GHA', 'MEX', 'PHL', 'IND', 'SEN'];
  const kinds = ['programme', 'policy', 'guideline'] as const;
  const title =
    i === 0
      ? 'Remittance'
      : i % 10 === 0
        ? `Remittance corridor number ${String(i)}`
        : `Savings scheme number ${String(i)}`;
  return {
    ...REMITTANCE_PRICES,
    kind: kinds[i % kinds.length],
    title: { en: title },
    summary: {
      en: `Support for remittance transfers to families, scheme ${String(i)}${i % 30 === 5 ? ', with quokka accounts' : ''}.`,
    },
    countries: [{ code: places[i % places.length], role: 'origin' }],
    themes: i % 3 === 0 ? ['diaspora'] : ['remittances'],
  };
}

describe.each(testEngines())('search of large matches on %s', (engine) => {
  let testDb: TestDatabase;
  let db: Kysely<DB>;
  const answers: unknown[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    db = testDb.database.db;
    await db
      .insertInto('library_item')
      .values(
        Array.from({ length: LARGE_RECORDS }, (_, i) => {
          const data = JSON.stringify(largeRecord(i));
          const id = `large-${String(i)}`;
          return {
            id,
            type: 'record',
            state: 'published',
            version: 1,
            data,
            published_data: data,
            published_version: 1,
          };
        }),
      )
      .execute();
    await rebuildSearchIndex(db);
  });
  afterAll(async () => {
    answersByEngine.set(engine, answers);
    await testDb.drop();
  });

  const find = async (query: Record<string, string>, limits: Partial<SearchLimits> = LARGE_LIMITS) => {
    const answer = await search(db, SearchQuery.parse(query), { limits });
    answers.push(answer);
    return answer;
  };

  it('estimates the counts of a match beyond the limit, and says so', async () => {
    const r = await find({ q: 'remittance' });
    expect(r.approximate).toBe(true);
    expect(r.total).toBeGreaterThan(LARGE_LIMITS.exactLimit);
    expect(r.total).toBeGreaterThanOrEqual(LARGE_RECORDS / 2);
    expect(r.total).toBeLessThanOrEqual(LARGE_RECORDS * 2);
    expect(r.total).toBe(Number(r.total.toPrecision(2))); // two significant figures
    expect(r.facets.type?.find((f) => f.value === 'record')).toMatchObject({ approximate: true });
    expect(r.facets.kind?.every((f) => f.approximate === true && f.count > 0)).toBe(true);
    // the same answer again: the sample is fixed
    expect(await find({ q: 'remittance' })).toEqual(r);
  });

  it('still ranks title matches first, the exact title at the top', async () => {
    const r = await find({ q: 'remittance', limit: '40' });
    expect(r.results[0]?.title).toBe('Remittance');
    const titled = r.results.map((h) => h.title.startsWith('Remittance'));
    expect(titled.slice(0, LARGE_RECORDS / 10)).toEqual(Array(LARGE_RECORDS / 10).fill(true));
    expect(titled.slice(LARGE_RECORDS / 10)).toEqual(Array(40 - LARGE_RECORDS / 10).fill(false));
  });

  it('pages through a large match in one order, every document once, title matches first', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < LARGE_RECORDS + 20; offset += 45) {
      const r = await find({ q: 'remittance', limit: '45', offset: String(offset) });
      seen.push(...r.results.map((h) => h.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(Array.from({ length: LARGE_RECORDS }, (_, i) => `large-${String(i)}`).sort());
    const titledFirst = await find({ q: 'remittance', limit: '100' });
    const ids = titledFirst.results.map((h) => h.id);
    const titled = Array.from({ length: LARGE_RECORDS / 10 }, (_, i) => `large-${String(i * 10)}`);
    expect(ids.slice(0, titled.length).sort()).toEqual(titled.sort());
  });

  it('lists a chosen facet value, counted as the match, and keeps the others estimated', async () => {
    const r = await find({ q: 'remittance', theme: 'diaspora' });
    expect(r.approximate).toBe(true);
    expect(r.facets.theme?.find((f) => f.value === 'diaspora')).toMatchObject({ count: r.total, approximate: true });
    expect(r.total).toBeLessThanOrEqual(LARGE_RECORDS);
    expect(r.results.length).toBeGreaterThan(0);
    const none = await find({ q: 'remittance', theme: 'environment' });
    expect(none).toMatchObject({ total: 0, approximate: false, results: [] });
    expect(none.facets.theme).toContainEqual({
      value: 'environment',
      label: 'Environmental change and migration',
      count: 0,
    });
  });

  it('counts exactly up to the limit', async () => {
    const r = await find({ q: 'quokka' });
    expect(r).toMatchObject({ total: 10, approximate: false });
    expect(r.facets.type).toEqual([{ value: 'record', label: 'Practice', count: 10 }]);
    // a filtered facet's other values: exact when the set without that filter is small…
    const kinds = await find({ q: 'quokka', kind: 'programme' });
    expect(kinds.approximate).toBe(false);
    expect(kinds.facets.kind?.every((f) => f.approximate === undefined)).toBe(true);
    expect(kinds.facets.kind?.reduce((n, f) => n + f.count, 0)).toBe(10);
    // …and estimated, though the match is exact, when that set is large
    const themed = await find({ q: 'remittance', kind: 'programme', country: 'GHA' });
    expect(themed).toMatchObject({ total: 20, approximate: false });
    expect(themed.facets.country?.find((f) => f.value === 'GHA')).toEqual({
      value: 'GHA',
      label: 'Ghana',
      count: 20,
    });
    expect(themed.facets.country?.find((f) => f.value === 'MEX')).toMatchObject({ approximate: true });
  });

  it('browses a large set by title, with estimated counts', async () => {
    const r = await find({ type: 'record', limit: '5' });
    expect(r.approximate).toBe(true);
    expect(r.results.map((h) => h.title)).toEqual([
      'Remittance',
      'Remittance corridor number 10',
      'Remittance corridor number 100',
      'Remittance corridor number 110',
      'Remittance corridor number 120',
    ]);
    const exact = await find({ type: 'record', limit: '5' }, { exactLimit: 1000 });
    expect(exact).toMatchObject({ total: LARGE_RECORDS, approximate: false });
    expect(exact.results).toEqual(r.results);
  });
});

describe('large matches on both engines', () => {
  it.runIf(testEngines().length > 1)('get the same answers', () => {
    const [first, second] = testEngines().map((engine) => answersByEngine.get(engine));
    expect(first?.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
