import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import type {
  CorridorResponse,
  DatasetDetailResponse,
  DatasetListResponse,
  IndicatorListResponse,
  RankingResponse,
  SeriesResponse,
} from '../../core/statistics.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { testEngines } from '../../../tests/helpers/database.js';
import { knomadBilateral2018, knomadBilateral2021, knomadInflows2023 } from '../importers/knomad.js';
import { rpwCorridorMeans, rpwDatabankCorridors } from '../importers/rpw.js';
import { loadReference } from '../reference/load-reference.js';
import { undesaIms2020, undesaIms2024 } from '../importers/undesa-ims.js';
import { wdiGdidata2025, wdiGdpDatahub, wdiPopulationDatahub, wdiRemittances2023 } from '../importers/wdi.js';
import { STATS_DATA_DIR } from '../stats/import-dataset.js';
import type { Importer } from '../stats/model.js';
import { getCsv, getJson, startDatahub, type DatahubTestApp } from './datahub.test-helpers.js';

/**
 * The analytics API on the publishers' real files. The expected figures are the publishers' own
 * (UN DESA, KNOMAD, WDI, RPW), checked independently against their files.
 */
/**
 * A WDI importer as installations held it before the WDI datasets had families of their own: all
 * four in family "wdi", at the versions of that time. Importing the current importer over it must
 * re-import it (its version is part of the checksum) and so store the new family.
 */
function asInstalledBefore(importer: Importer, version: number): Importer {
  return { ...importer, version, meta: { ...importer.meta, family: 'wdi' } };
}

const WDI_BEFORE: [Importer, number][] = [
  [wdiRemittances2023, 2],
  [wdiGdidata2025, 1],
  [wdiPopulationDatahub, 1],
  [wdiGdpDatahub, 1],
];

describe.each(testEngines())('analytics API on %s', (engine) => {
  let hub: DatahubTestApp;
  const get = <T>(url: string, status = 200) => getJson<T>(hub.app, url, status);
  const csv = (url: string, headers?: Record<string, string>) => getCsv(hub.app, url, headers);

  beforeAll(async () => {
    hub = await startDatahub(engine, [
      undesaIms2024,
      undesaIms2020,
      knomadInflows2023,
      knomadBilateral2021,
      knomadBilateral2018,
      ...WDI_BEFORE.map(([importer, version]) => asInstalledBefore(importer, version)),
      rpwDatabankCorridors,
      rpwCorridorMeans,
      // The next start: the bundled load imports the current WDI importers over the old ones.
      ...WDI_BEFORE.map(([importer]) => importer),
    ]);
  }, 300_000);
  afterAll(async () => {
    await hub.close();
  });

  describe('catalogue', () => {
    it('tells the places some dataset has from those none has, which the pickers leave out', async () => {
      const list = await get<{ items: { code: string; hasData: boolean }[] }>('/api/countries?kind=country');
      const has = new Map(list.items.map((c) => [c.code, c.hasData]));
      // UN DESA has Filipinos abroad and migrants in Mexico; nobody lives in Antarctica or on Bouvet Island.
      expect([has.get('PHL'), has.get('MEX'), has.get('ATA'), has.get('BVT')]).toEqual([true, true, false, false]);
    });

    it('lists every edition with its citation, coverage and family, editions side by side', async () => {
      const list = await get<DatasetListResponse>('/api/datasets');
      expect(list.items).toHaveLength(11);
      expect(list.families.find((f) => f.family === 'undesa-ims')?.datasets).toEqual([
        'undesa-ims-2024',
        'undesa-ims-2020',
      ]);
      const un = list.items.find((d) => d.id === 'undesa-ims-2024');
      expect(un).toMatchObject({
        family: 'undesa-ims',
        edition: 'Revision 2024',
        licence: 'CC BY 3.0 IGO',
        observationCount: 153_296,
        periods: { first: '1990', last: '2024' },
        areas: { aggregates: 0 },
      });
      expect(un?.citation).toContain('International Migrant Stock 2024');
      expect(un?.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(un?.indicators[0]).toMatchObject({
        id: 'migrant_stock',
        unit: 'persons',
        sexes: ['F', 'M'],
        periods: ['1990', '1995', '2000', '2005', '2010', '2015', '2020', '2024'],
      });
      const rpw = list.items.find((d) => d.id === 'rpw-corridor-means-2025q1');
      expect(rpw?.indicators.find((i) => i.id === 'remittance_cost_pct')?.dimensions).toEqual({
        amount: ['200', '500'],
      });
      expect(list.items.find((d) => d.id === 'knomad-inflows-2023-12')?.areas.aggregates).toBe(2);
      expect(list.sources).toHaveLength(11);
    });

    it('groups the editions of one publication or series, newest first, named for what they hold', async () => {
      const list = await get<DatasetListResponse>('/api/datasets');
      expect(list.families.map((f) => [f.family, f.datasets])).toEqual([
        ['knomad-bilateral', ['knomad-bilateral-2021', 'knomad-bilateral-2018']],
        ['knomad-inflows', ['knomad-inflows-2023-12']],
        ['rpw-corridor-means', ['rpw-corridor-means-2025q1']],
        ['rpw-corridors', ['rpw-corridors-2020q3']],
        ['undesa-ims', ['undesa-ims-2024', 'undesa-ims-2020']],
        // Each WDI dataset its own publication: remittances, population and GDP are not editions
        // of one another, and the IOM extraction (five series, countries only) is none of them.
        ['wdi-gdidata', ['wdi-gdidata-2025']],
        ['wdi-gdp', ['wdi-gdp-datahub-2023']],
        ['wdi-population', ['wdi-population-datahub-2024']],
        ['wdi-remittances', ['wdi-remittances-2023-10']],
      ]);
      expect(list.items.map((d) => d.id)).toEqual(list.families.flatMap((f) => f.datasets));
      const titles = Object.fromEntries(list.families.map((f) => [f.family, f.title]));
      expect(titles).toMatchObject({
        'undesa-ims': 'International Migrant Stock: destination and origin, by sex',
        'knomad-bilateral': 'Bilateral Remittance Matrix: estimated remittances by sending and receiving country',
        'wdi-remittances': 'Personal remittances, received (current US$), World Development Indicators',
        'wdi-population': 'Population, total (WDI SP.POP.TOTL), 1960–2024',
      });
      // Editions of one family hold the same indicators: they are there to be compared.
      for (const f of list.families) {
        const held = f.datasets.map((id) =>
          (list.items.find((d) => d.id === id)?.indicators ?? []).map((i) => i.id).join(','),
        );
        expect(new Set(held).size, f.family).toBe(1);
      }
    });

    it('gives the installed WDI datasets their new family on the next load, without a manual step', async () => {
      const list = await get<DatasetListResponse>('/api/datasets');
      expect(list.items.filter((d) => d.family === 'wdi')).toEqual([]);
      const gdp = list.items.find((d) => d.id === 'wdi-gdp-datahub-2023');
      expect(gdp).toMatchObject({ family: 'wdi-gdp', observationCount: 13_979 });
      for (const [importer, version] of WDI_BEFORE) expect(importer.version, importer.meta.id).toBeGreaterThan(version);
    });

    it('shows one edition in detail, with the other editions of its family', async () => {
      const d = await get<DatasetDetailResponse>('/api/datasets/undesa-ims-2020');
      expect(d.otherEditions).toEqual(['undesa-ims-2024']);
      expect(d.caveats).toMatch(/do not splice/);
      expect(d.sources.map((s) => s.dataset)).toEqual(['undesa-ims-2020']);
      const k = await get<DatasetDetailResponse>('/api/datasets/knomad-bilateral-2018');
      expect(k.otherEditions).toEqual(['knomad-bilateral-2021']);
      const wdi = await get<DatasetDetailResponse>('/api/datasets/wdi-remittances-2023-10');
      expect(wdi).toMatchObject({ family: 'wdi-remittances', otherEditions: [] });
      await get<ErrorResponse>('/api/datasets/no-such-dataset', 404);
    });

    it('offers the file an edition was loaded from, as bundled, byte for byte', async () => {
      const d = await get<DatasetDetailResponse>('/api/datasets/undesa-ims-2024');
      const onDisk = readFileSync(path.join(STATS_DATA_DIR, 'undesa_ims/undesa_ims2024_bilateral_by_sex.csv.gz'));
      expect(d.files).toEqual([
        {
          name: 'undesa_ims2024_bilateral_by_sex.csv.gz',
          bytes: onDisk.length,
          sha256: createHash('sha256').update(onDisk).digest('hex'),
          url: '/api/datasets/undesa-ims-2024/files/undesa_ims2024_bilateral_by_sex.csv.gz',
        },
      ]);
      const file = await hub.app.inject({ url: d.files[0]?.url ?? '' });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/gzip');
      expect(file.headers['content-disposition']).toBe('attachment; filename="undesa_ims2024_bilateral_by_sex.csv.gz"');
      expect(file.rawPayload.equals(onDisk)).toBe(true);
      // Only the edition's own files: another edition's, or a path out of the folder, is refused.
      const other = await get<ErrorResponse>(
        '/api/datasets/undesa-ims-2024/files/undesa_ims2020_bilateral_by_sex.csv.gz',
        404,
      );
      expect(other.error.message).toContain('its files are undesa_ims2024_bilateral_by_sex.csv.gz');
      const escape = await hub.app.inject({ url: '/api/datasets/undesa-ims-2024/files/..%2F..%2Fpackage.json' });
      expect(escape.statusCode).toBe(400);
      const unknown = await get<ErrorResponse>(`${d.files[0]?.url ?? ''}?foo=1`, 400);
      expect(unknown.error.details.map((x) => x.field)).toEqual(['foo']);
    });

    it('lists indicators with the editions that carry them, latest data first', async () => {
      const list = await get<IndicatorListResponse>('/api/indicators');
      const stock = list.items.find((i) => i.id === 'migrant_stock');
      expect(stock?.datasets.map((d) => d.id)).toEqual(['undesa-ims-2024', 'undesa-ims-2020']);
      const cost = list.items.find((i) => i.id === 'remittance_cost_pct');
      expect(cost?.datasets.map((d) => [d.id, d.lastPeriod])).toEqual([
        ['rpw-corridor-means-2025q1', '2025-Q1'],
        ['rpw-corridors-2020q3', '2020-Q3'],
      ]);
    });

    it('gives the catalogue as CSV, each row with its source', async () => {
      const { rows, disposition } = await csv('/api/datasets?format=csv');
      expect(disposition).toBe('attachment; filename="bridges-datasets.csv"');
      const un = rows.find((r) => r.dataset === 'undesa-ims-2024');
      expect(un).toMatchObject({ indicator: 'migrant_stock', licence: 'CC BY 3.0 IGO', last_period: '2024' });
      // The record in full, as its page shows it.
      expect(un?.method_notes).toMatch(/^Estimates at mid-year for 1990, 1995, …, 2020 and 2024/);
      expect(un?.caveats).toMatch(/a missing pair is unknown, not zero/);
      expect(un?.provenance).toMatch(/^IOM Global Data Institute, repository iom\/gdidata/);
    });

    it('is searched and filtered by topic and publisher, as CKAN’s is, with the facets’ counts', async () => {
      const all = await get<DatasetListResponse>('/api/datasets');
      const ids = (list: DatasetListResponse) => list.items.map((d) => d.id);
      expect(all.catalogueSize).toBe(all.items.length);
      // A word in French or Spanish finds the indicators' names in that language; accents and case are ignored.
      const remesas = await get<DatasetListResponse>('/api/datasets?q=REMESAS');
      expect(ids(remesas)).toEqual(expect.arrayContaining(['knomad-bilateral-2021', 'rpw-corridors-2020q3']));
      expect(ids(await get<DatasetListResponse>('/api/datasets?q=envois%20de%20fonds'))).toContain(
        'knomad-inflows-2023-12',
      );
      expect(ids(remesas)).not.toContain('undesa-ims-2024');
      // Every word must be there; the start of a word will do.
      expect(ids(await get<DatasetListResponse>('/api/datasets?q=bilateral%20remit%202018'))).toEqual([
        'knomad-bilateral-2018',
      ]);
      // Families keep only the editions found, and the sources only theirs.
      const un = await get<DatasetListResponse>('/api/datasets?q=migrant%20stock%202024');
      expect(ids(un)).toEqual(['undesa-ims-2024']);
      expect(un.families).toEqual([expect.objectContaining({ family: 'undesa-ims', datasets: ['undesa-ims-2024'] })]);
      expect(un.sources.map((c) => c.dataset)).toEqual(['undesa-ims-2024']);
      expect(un.catalogueSize).toBe(all.items.length);

      const cost = await get<DatasetListResponse>(
        '/api/datasets?topic=remittances&publisher=World%20Bank%2C%20Remittance%20Prices%20Worldwide',
      );
      expect(ids(cost)).toEqual(['rpw-corridors-2020q3']);
      // Each facet counts what the words and the other facet keep: every publisher of remittance
      // editions, every topic of that publisher's.
      const byValue = (facet: { value: string; count: number }[]) =>
        Object.fromEntries(facet.map((f) => [f.value, f.count]));
      const remittancePublishers = all.items.filter((d) => d.indicators.some((i) => i.topic === 'remittances'));
      expect(byValue(cost.facets.publisher)['World Bank/KNOMAD']).toBe(
        remittancePublishers.filter((d) => d.publisher === 'World Bank/KNOMAD').length,
      );
      expect(byValue(cost.facets.topic)).toMatchObject({ remittances: 1, migration: 0 });
      expect(byValue(all.facets.topic).remittances).toBe(remittancePublishers.length);

      // The CSV is the list found.
      const { rows } = await csv('/api/datasets?format=csv&q=bilateral%202018');
      expect(new Set(rows.map((r) => r.dataset))).toEqual(new Set(['knomad-bilateral-2018']));

      const topic = await get<ErrorResponse>('/api/datasets?topic=migration,weather', 400);
      expect(topic.error.details).toEqual([
        {
          field: 'topic',
          message: expect.stringMatching(/^has no edition of "weather": the catalogue's topics are .*remittances/),
        },
      ]);
      const publisher = await get<ErrorResponse>('/api/datasets?publisher=WB', 400);
      expect(publisher.error.details[0]?.message).toMatch(/^"WB" publishes no edition here: .*"World Bank\/KNOMAD"/);
    });
  });

  describe('rankings', () => {
    it('flags the areas whose value at the period only repeats the period before, in the JSON and the CSV', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock');
      expect(r.period).toBe('2024');
      // UN DESA 2024 repeats 2020 for the Philippines and Niue as destinations; no other area.
      expect(r.items.filter((i) => i.repeats !== null).map((i) => [i.area.code, i.repeats])).toEqual([
        ['PHL', { period: '2024', previous: '2020' }],
        ['NIU', { period: '2024', previous: '2020' }],
      ]);
      // In Revision 2024's 2020 nothing repeats. Revision 2020 repeats Niue's 2015 in 2020 (588
      // migrants, 319 men and 269 women, as its profile says), found the same way.
      const in2020 = await get<RankingResponse>('/api/rankings/migrant_stock?period=2020');
      expect(in2020.items.filter((i) => i.repeats !== null)).toEqual([]);
      const rev2020 = await get<RankingResponse>('/api/rankings/migrant_stock?dataset=undesa-ims-2020');
      expect(rev2020.items.filter((i) => i.repeats !== null).map((i) => [i.area.code, i.value, i.repeats])).toEqual([
        ['NIU', 588, { period: '2020', previous: '2015' }],
      ]);
      for (const query of ['sex=F', 'counterpart=USA']) {
        const one = await get<RankingResponse>(`/api/rankings/migrant_stock?${query}`);
        expect(one.items.find((i) => i.area.code === 'PHL')?.repeats, query).toEqual({
          period: '2024',
          previous: '2020',
        });
      }
      // Mexico's migrants in Saint Lucia are as many in 2024 as in 2020, but Saint Lucia's figures
      // as a whole moved: a corridor's own equal years are no repeat of the edition.
      const fromMexico = await get<RankingResponse>('/api/rankings/migrant_stock?counterpart=MEX');
      expect(fromMexico.items.filter((i) => i.repeats !== null)).toEqual([]);
      // Nor another publisher's equal years (the World Bank's remittances to Yemen, 2022 and 2023).
      const wdi = await get<RankingResponse>(
        '/api/rankings/remittances_received_usd?dataset=wdi-gdidata-2025&period=2023',
      );
      expect(wdi.items.filter((i) => i.repeats !== null)).toEqual([]);

      const es =
        'Repite exactamente la cifra de 2020: la variación de 2020 a 2024 debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)';
      const { rows } = await csv('/api/rankings/migrant_stock?format=csv&lang=es');
      expect(
        rows.filter((row) => row.note !== '').map((row) => [row.row_type, row.area, row.period, row.note]),
      ).toEqual([
        ['area', 'PHL', '2024', es],
        ['area', 'NIU', '2024', es],
        // Bridges' total over every area includes them, and says so.
        [
          'bridges_total',
          '',
          '2024',
          'Incluye 2 de sus 233 miembros con un valor cuya cifra de 2024 solo repite exactamente la de 2020 (Niue (NIU), Filipinas (PHL)): la variación de este total de 2020 a 2024 debe leerse como en parte no estimada (véanse las advertencias del conjunto de datos)',
        ],
      ]);
    });

    it('says which members of a total of Bridges only repeat the period before, in the JSON and the CSV', async () => {
      const repeating = (g: { code: string; repeats: { period: string; previous: string; members: string[] }[] }) =>
        g.repeats.length > 0;
      // Revision 2024 repeats 2020 for the Philippines (Asia, lower-middle income) and Niue
      // (Oceania; no World Bank income group): each total holding one says which, and how many.
      const regions = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=m49region');
      expect(regions.total.repeats).toEqual([{ period: '2024', previous: '2020', members: ['NIU', 'PHL'] }]);
      expect(regions.total.repeatsNote).toBe(
        "Includes 2 of its 233 members with a value whose 2024 figure only repeats that of 2020 exactly (Niue (NIU), Philippines (PHL)): read this total's change from 2020 to 2024 as partly not estimated (see the dataset's caveats)",
      );
      const groups = regions.grouping?.groups ?? [];
      expect(groups.filter(repeating).map((g) => [g.code, g.countWithData, g.repeats])).toEqual([
        ['142', 51, [{ period: '2024', previous: '2020', members: ['PHL'] }]],
        ['009', 23, [{ period: '2024', previous: '2020', members: ['NIU'] }]],
      ]);
      expect(groups.find((g) => g.code === '142')?.repeatsNote).toBe(
        "Includes 1 of its 51 members with a value whose 2024 figure only repeats that of 2020 exactly (Philippines (PHL)): read this total's change from 2020 to 2024 as partly not estimated (see the dataset's caveats)",
      );
      expect(groups.filter((g) => !repeating(g)).every((g) => g.repeatsNote === null)).toBe(true);
      const income = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=incomeGroup');
      expect(income.grouping?.groups.filter(repeating).map((g) => [g.code, g.repeats[0]?.members])).toEqual([
        ['LM', ['PHL']],
        ['_Z', ['NIU']],
      ]);
      // Tongans abroad: Niue's, as Polynesia's (whose 3 members with a value it is one of).
      const tongans = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=m49subregion&counterpart=TON');
      expect(tongans.grouping?.groups.filter(repeating).map((g) => [g.code, g.countWithData, g.repeatsNote])).toEqual([
        [
          '061',
          3,
          "Includes 1 of its 3 members with a value whose 2024 figure only repeats that of 2020 exactly (Niue (NIU)): read this total's change from 2020 to 2024 as partly not estimated (see the dataset's caveats)",
        ],
      ]);
      // Revision 2020 keeps Niue's totals of 2015 in 2020, but not its women by origin: New
      // Zealanders there are a repeat for men alone (178), not for both sexes (335, then 342).
      const newZealanders = '/api/rankings/migrant_stock?groupBy=m49region&dataset=undesa-ims-2020&counterpart=NZL';
      const both = await get<RankingResponse>(newZealanders);
      expect([both.total.repeats, both.grouping?.groups.filter(repeating)]).toEqual([[], []]);
      const men = await get<RankingResponse>(`${newZealanders}&sex=M`);
      expect(men.grouping?.groups.filter(repeating).map((g) => [g.code, g.repeats])).toEqual([
        ['009', [{ period: '2020', previous: '2015', members: ['NIU'] }]],
      ]);
      // In 2020, nothing of Revision 2024 repeats; nor does anything of another publisher.
      const in2020 = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=m49region&period=2020');
      expect([in2020.total.repeats, in2020.grouping?.groups.filter(repeating)]).toEqual([[], []]);
      const wdi = await get<RankingResponse>(
        '/api/rankings/remittances_received_usd?dataset=wdi-gdidata-2025&period=2023&groupBy=m49region',
      );
      expect([wdi.total.repeats, wdi.grouping?.groups.filter(repeating)]).toEqual([[], []]);

      // The CSV's rows of those totals say it, in the language asked; no other total's does.
      const { rows } = await csv('/api/rankings/migrant_stock?groupBy=incomeGroup&format=csv&lang=fr');
      expect(
        rows
          .filter((row) => row.row_type !== 'area' && row.note !== '')
          .map((row) => [row.row_type, row.area, row.note]),
      ).toEqual([
        [
          'bridges_total',
          '',
          'Comprend 2 de ses 233 membres ayant une valeur dont le chiffre de 2024 ne fait que reprendre exactement celui de 2020 (Nioué (NIU), Philippines (PHL))\u00a0: lire l’évolution de ce total de 2020 à 2024 comme en partie non estimée (voir les mises en garde du jeu de données)',
        ],
        [
          'bridges_incomeGroup',
          'LM',
          'Comprend 1 de ses 51 membres ayant une valeur dont le chiffre de 2024 ne fait que reprendre exactement celui de 2020 (Philippines (PHL))\u00a0: lire l’évolution de ce total de 2020 à 2024 comme en partie non estimée (voir les mises en garde du jeu de données)',
        ],
        [
          'bridges_incomeGroup',
          '_Z',
          `Comprend 1 de ses ${String(income.grouping?.groups.find((g) => g.code === '_Z')?.countWithData)} membres ayant une valeur dont le chiffre de 2024 ne fait que reprendre exactement celui de 2020 (Nioué (NIU))\u00a0: lire l’évolution de ce total de 2020 à 2024 comme en partie non estimée (voir les mises en garde du jeu de données)`,
        ],
      ]);
    });

    it('sums the world: 304,021,813 international migrants in 2024 (rev. 2024)', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock');
      expect(r).toMatchObject({ dataset: 'undesa-ims-2024', period: '2024' });
      expect(r.total).toMatchObject({ computedBy: 'Bridges', value: 304_021_813, count: 233 });
      expect(r.items[0]).toMatchObject({ rank: 1, area: { code: 'USA' }, value: 52_375_047 });
      expect(r.publishedAggregates).toEqual([]);
      expect(r.sources.map((s) => s.dataset)).toEqual(['undesa-ims-2024']);
    });

    it('ranks the USA first in 2020 with 50.6 M migrants in rev. 2020; world 280,598,105', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock?dataset=undesa-ims-2020&period=2020&limit=3');
      expect(r.items).toHaveLength(3);
      expect(r.items[0]?.area.code).toBe('USA');
      expect(Math.round((r.items[0]?.value ?? 0) / 1e5) / 10).toBe(50.6);
      expect(r.total.value).toBe(280_598_105);
      // The revision prints men and women only: both sexes are their sum, and the answer says so.
      expect(r.filters).toMatchObject({ sex: '_T', sexes: ['M', 'F'] });
      const women = await get<RankingResponse>('/api/rankings/migrant_stock?dataset=undesa-ims-2020&period=2020&sex=F');
      const men = await get<RankingResponse>('/api/rankings/migrant_stock?dataset=undesa-ims-2020&period=2020&sex=M');
      expect(women.total.value).toBe(134_942_261);
      expect(men.total.value).toBe(145_655_844);
    });

    it('ranks destinations of one origin with counterpart', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock?counterpart=PHL&period=2024&limit=5');
      expect(r.items.map((i) => [i.area.code, i.value])).toEqual([
        ['USA', 2_263_697],
        ['CAN', 835_779],
        ['SAU', 755_432],
        ['ARE', 528_527],
        ['AUS', 356_833],
      ]);
      expect(r.total.value).toBe(6_988_383);
    });

    it('groups by the income classification of the matching fiscal year, with coverage', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock?period=2020&groupBy=incomeGroup');
      // 2020 data ↔ FY22, which classified on GNI of 2020.
      expect(r.grouping).toMatchObject({ fiscalYear: 2022, fiscalYearLabel: 'FY22', gniYear: 2020, matched: true });
      expect(r.grouping?.reference[0]?.id).toBe('wb-oghist-fy25');
      const groups = r.grouping?.groups ?? [];
      // The four groups, then the areas with data that FY22 did not classify (Venezuela among them).
      expect(groups.map((g) => g.code)).toEqual(['L', 'LM', 'UM', 'H', '_Z']);
      expect(groups.at(-1)).toMatchObject({ name: 'Not classified', missing: [] });
      // Which areas those are: Venezuela among them.
      expect(groups.at(-1)?.members).toContain('VEN');
      for (const g of groups) {
        expect(g.computedBy).toBe('Bridges');
        expect(g.coverage).toBe(`${String(g.countWithData)} / ${String(g.countInGroup)}`);
        expect(g.countInGroup - g.countWithData).toBe(g.missing.length);
        expect(g.members).toHaveLength(g.countInGroup);
        expect(g.missing.every((code) => g.members.includes(code))).toBe(true);
      }
      // Nothing dropped: the groups add up to the total.
      const sum = groups.reduce((s, g) => s + (g.value ?? 0), 0);
      expect(sum).toBe(r.total.value);
      expect(groups.reduce((n, g) => n + g.countWithData, 0)).toBe(r.total.count);

      // 1990 data ↔ FY92: the Soviet successor states were not classified yet, a fifth of the total.
      const early = await get<RankingResponse>('/api/rankings/migrant_stock?period=1990&groupBy=incomeGroup');
      const unclassified = early.grouping?.groups.find((g) => g.code === '_Z');
      expect(unclassified?.value).toBeGreaterThan((early.total.value ?? 0) * 0.15);
      expect(early.grouping?.groups.reduce((s, g) => s + (g.value ?? 0), 0)).toBe(early.total.value);

      // 2024 data: FY26 (GNI 2024) is not loaded, so the latest, FY25, stands in and says so.
      const latest = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=incomeGroup');
      expect(latest.grouping).toMatchObject({ fiscalYear: 2025, gniYear: 2023, matched: false });
      expect(latest.grouping?.method).toMatch(/no classification on GNI of 2024/);
      // A fiscal year asked for explicitly is used as it is.
      const asked = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=incomeGroup&incomeFiscalYear=FY20');
      expect(asked.grouping).toMatchObject({ fiscalYear: 2020, gniYear: 2018, matched: false });
    });

    it('reproduces the World Bank’s income aggregates with the fiscal year of their release, and says so', async () => {
      // WDI (October 2023) sums every year over FY24's groups: for 2009, lower middle income
      // US$ 167.8 bn (WB_LMC), where FY11's groups (classified on 2009 data) give 180.6 bn.
      const url =
        '/api/rankings/remittances_received_usd?period=2009&dataset=wdi-remittances-2023-10&groupBy=incomeGroup';
      const byYear = await get<RankingResponse>(url);
      expect(byYear.grouping?.fiscalYearLabel).toBe('FY11');
      expect(byYear.grouping?.method).toMatch(
        /the World Bank’s use, for every year, the classification current at their release/,
      );
      const asRelease = await get<RankingResponse>(`${url}&incomeFiscalYear=FY24`);
      const published = new Map(byYear.publishedAggregates.map((a) => [a.area.code, a.value]));
      const ours = new Map(asRelease.grouping?.groups.map((g) => [g.code, g.value]));
      for (const [group, code] of [
        ['L', 'WB_LIC'],
        ['LM', 'WB_LMC'],
        ['UM', 'WB_UMC'],
        ['H', 'WB_HIC'],
      ] as const) {
        expect(ours.get(group), group).toBeCloseTo(published.get(code) ?? Number.NaN, -3);
      }
      const lmc = byYear.grouping?.groups.find((g) => g.code === 'LM')?.value ?? 0;
      expect(Math.abs(lmc - (published.get('WB_LMC') ?? 0))).toBeGreaterThan(10e9);
      const caveats = (await get<DatasetDetailResponse>('/api/datasets/wdi-remittances-2023-10')).caveats;
      expect(caveats).toMatch(/every year’s income aggregates are fiscal year 2024’s groups/);
    });

    it('groups by M49 region, the regions adding up to the world', async () => {
      const r = await get<RankingResponse>('/api/rankings/migrant_stock?groupBy=m49region');
      const groups = r.grouping?.groups ?? [];
      expect(groups.map((g) => g.name)).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
      const sum = groups.reduce((s, g) => s + (g.value ?? 0), 0);
      expect(sum).toBeGreaterThan(300_000_000);
      expect(sum).toBeLessThanOrEqual(304_021_813);
      // Members are countries: former states, areas outside M49's list and residuals with no value
      // are not counted as missing members (coverage would read 43 / 56 for Europe).
      const missing = groups.flatMap((g) => g.missing);
      for (const code of ['CSK', 'YUG', 'SCG', 'ANT', 'OOS', 'AB9', 'TIB', 'XCX']) expect(missing).not.toContain(code);
      // Where one has a value, it is summed, and the group's method names it: Kosovo's remittances
      // in Southern Europe (UN M49 has no Kosovo; IOM's dictionary places it there).
      const wdi = await get<RankingResponse>(
        '/api/rankings/remittances_received_usd?period=2022&dataset=wdi-gdidata-2025&groupBy=m49subregion',
      );
      const southern = wdi.grouping?.groups.find((g) => g.name === 'Southern Europe');
      expect(southern?.method).toContain('Kosovo (XKX): not in UN M49');
      expect(southern?.countWithData).toBe((southern?.countInGroup ?? 0) - (southern?.missing.length ?? 0));
    });

    it("lists the publisher's aggregates apart from the countries", async () => {
      const k = await get<RankingResponse>('/api/rankings/remittance_inflows_usd_m?period=2013');
      expect(k.items.some((i) => i.area.kind === 'aggregate')).toBe(false);
      const lmic = k.publishedAggregates.find((a) => a.area.code === 'KNOMAD_LMIC');
      expect(lmic?.publisher).toBe('World Bank/KNOMAD');
      expect(Math.round((lmic?.value ?? 0) / 100) / 10).toBe(420.9); // US$ bn
      expect(
        Math.round((k.publishedAggregates.find((a) => a.area.code === 'KNOMAD_WORLD')?.value ?? 0) / 100) / 10,
      ).toBe(580.6);
      const w = await get<RankingResponse>(
        '/api/rankings/remittances_received_usd?period=2013&dataset=wdi-remittances-2023-10',
      );
      expect(Math.round((w.publishedAggregates.find((a) => a.area.code === 'WB_LMY')?.value ?? 0) / 1e8) / 10).toBe(
        379.2,
      );
    });

    it('names the publishers’ aggregates in French and Spanish, and a reference reload keeps them', async () => {
      const fr = await get<RankingResponse>('/api/rankings/remittance_inflows_usd_m?period=2013&lang=fr');
      expect(fr.publishedAggregates.find((a) => a.area.code === 'KNOMAD_LMIC')?.area.name).toBe(
        'Pays à revenu faible et intermédiaire (KNOMAD)',
      );
      // The World Bank's aggregates, in Bridges' translation of the English names the WDI file prints.
      const wdi = async (lang: string) =>
        (
          await get<RankingResponse>(
            `/api/rankings/remittances_received_usd?period=2013&dataset=wdi-remittances-2023-10&lang=${lang}`,
          )
        ).publishedAggregates;
      const es = await wdi('es');
      expect(es.find((a) => a.area.code === 'WB_LMY')?.area.name).toBe('Ingreso bajo y mediano');
      expect(es.find((a) => a.area.code === 'WB_SSF')?.area.name).toBe('África al sur del Sahara');
      const en = new Map((await wdi('en')).map((a) => [a.area.code, a.area.name]));
      expect(en.get('WB_LMY')).toBe('Low & middle income');
      // Every aggregate of the file has its translation: none is left in English.
      expect(es.length).toBeGreaterThan(40);
      expect(es.filter((a) => a.area.name === en.get(a.area.code)).map((a) => a.area.name)).toEqual([]);
      const names = async () =>
        (
          await sql<{ lang: string; name: string }>`
            SELECT lang, name FROM area_name WHERE area_code = 'KNOMAD_WORLD' ORDER BY lang`.execute(
            hub.testDb.database.db,
          )
        ).rows;
      const before = await names();
      expect(before.map((r) => r.lang)).toEqual(['en', 'es', 'fr']);
      expect((await loadReference(hub.testDb.database, { force: true })).loaded).toBe(true);
      expect(await names()).toEqual(before);
    });

    it('averages a rate, never sums it, and makes the caller choose its dimensions', async () => {
      const body = await get<ErrorResponse>('/api/rankings/remittance_cost_pct', 400);
      expect(body.error.details[0]?.field).toBe('dims');
      expect(body.error.message).toMatch(/amount/);
      const r = await get<RankingResponse>(
        '/api/rankings/remittance_cost_pct?dims=amount:200&dataset=rpw-corridors-2020q3&period=2020-Q3',
      );
      expect(r.indicator.measureType).toBe('rate');
      expect(r.total.method).toMatch(/unweighted mean/);
      // RPW's DataBank export, 2020Q3: 105 receiving countries priced; the mean of their corridor
      // means is 7.463664282209473 %. The Philippines: 14 corridors, from 2.32 % (Singapore) to
      // 9.19 % (Japan), mean 4.488268085888453 %.
      expect(r.total).toMatchObject({ count: 105 });
      expect(r.total.value).toBeCloseTo(7.463664282209473, 9);
      const phl = r.items.find((i) => i.area.code === 'PHL');
      expect(phl).toMatchObject({ parts: 14, partsMin: 2.31578946113586, partsMax: 9.18866634368896 });
      expect(phl?.value).toBeCloseTo(4.488268085888453, 9);
      // The lowest and highest corridor behind each mean: Togo's 2017Q1 mean hides Nigeria → Togo at 31.90 %.
      const early = await get<RankingResponse>(
        `/api/rankings/remittance_cost_pct?dataset=${rpwDatabankCorridors.meta.id}&period=2017-Q1&dims=amount:200`,
      );
      const togo = early.items.find((i) => i.area.code === 'TGO');
      expect(togo).toMatchObject({ parts: 3, partsMax: 31.8999996185303 });
      expect(togo?.partsMin).toBeLessThan(togo?.value ?? 0);
      expect(early.items.every((i) => i.partsMin <= i.value && i.value <= i.partsMax)).toBe(true);
      // A mean Bridges computed is given to 15 significant digits: Sudan's corridors (0.490000009536743,
      // 6.59999990463257, 2.91000008583069) add up to 10.000000000000004 in binary, whose third is
      // 3.3333333333333344; a publisher's own figure stays as printed (Togo's 31.8999996185303).
      expect(early.items.find((i) => i.area.code === 'SDN')).toMatchObject({ parts: 3, value: 3.33333333333333 });
      expect(early.total.value).toBe(Number(early.total.value?.toPrecision(15)));
    });

    it('tags each answer, and answers 304 with no body to a client that has it already', async () => {
      const url = '/api/profiles/PHL';
      const first = await hub.app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const again = await hub.app.inject({ method: 'GET', url, headers: { 'if-none-match': `"other", W/${etag}` } });
      expect([again.statusCode, again.body, again.headers.etag]).toEqual([304, '', etag]);
      // Each representation its own tag: gzipped, CSV, another profile.
      const zipped = await hub.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      const csv = await hub.app.inject({ method: 'GET', url: `${url}?format=csv` });
      const other = await hub.app.inject({ method: 'GET', url: '/api/profiles/MEX' });
      const tags = [etag, zipped.headers.etag, csv.headers.etag, other.headers.etag];
      expect(new Set(tags).size).toBe(4);
      const stale = await hub.app.inject({
        method: 'GET',
        url: `${url}?format=csv`,
        headers: { 'if-none-match': etag },
      });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toBe(csv.body);
    });

    it('gives the ranking as CSV equal to the JSON', async () => {
      const url = '/api/rankings/migrant_stock?period=2020&groupBy=incomeGroup&dataset=undesa-ims-2020';
      const json = await get<RankingResponse>(url);
      const { rows, disposition } = await csv(`${url}&format=csv`);
      expect(disposition).toBe('attachment; filename="bridges-ranking-migrant_stock-2020.csv"');
      const areas = rows.filter((r) => r.row_type === 'area');
      expect(areas.map((r) => [r.area, Number(r.value), Number(r.series_combined)])).toEqual(
        json.items.map((i) => [i.area.code, i.value, i.parts]),
      );
      // Every area's stock sums its origins and sexes: Bridges' figure, said on the row.
      expect(areas.every((r) => r.computed_by === `Bridges (value = sum of ${r.series_combined ?? '?'} series)`)).toBe(
        true,
      );
      const groups = rows.filter((r) => r.row_type === 'bridges_incomeGroup');
      expect(groups.map((r) => [r.area, Number(r.value), r.coverage, r.computed_by])).toEqual(
        json.grouping?.groups.map((g) => [g.code, g.value, g.coverage, 'Bridges']),
      );
      // Its members and those without a value, as the JSON lists them.
      expect(groups.map((r) => [r.members?.split(' '), r.missing ? r.missing.split(' ') : []])).toEqual(
        json.grouping?.groups.map((g) => [g.members, g.missing]),
      );
      expect(rows.find((r) => r.row_type === 'bridges_total')?.value).toBe(String(json.total.value));
      // A group's row cites the income classification beside the dataset; the others, the dataset.
      expect(new Set(groups.map((r) => r.dataset))).toEqual(new Set(['undesa-ims-2020 | wb-oghist-fy25']));
      expect(groups[0]?.licence).toBe(`${json.sources[0]?.licence ?? ''} | CC BY 4.0`);
      expect(json.grouping?.citation).toMatchObject({ dataset: 'wb-oghist-fy25', publisher: 'World Bank' });
      expect(new Set(rows.filter((r) => r.row_type !== 'bridges_incomeGroup').map((r) => r.dataset))).toEqual(
        new Set(['undesa-ims-2020']),
      );
    });

    it('says what Bridges computed in the language asked, in every CSV, as it names the areas', async () => {
      const url = '/api/rankings/migrant_stock?period=2020&groupBy=m49region&dataset=undesa-ims-2020&format=csv';
      const areaRows = async (lang: string) => (await csv(`${url}${lang}`)).rows.filter((r) => r.row_type === 'area');
      const english = await areaRows('');
      // Every area's stock sums its origins and sexes (rev. 2020 prints men and women only).
      expect(english.every((r) => Number(r.series_combined) > 1)).toBe(true);
      expect((await areaRows('&lang=fr')).map((r) => r.computed_by)).toEqual(
        english.map((r) => `Bridges (valeur = somme de ${r.series_combined ?? '?'} séries)`),
      );
      expect((await areaRows('&lang=es')).map((r) => r.computed_by)).toEqual(
        english.map((r) => `Bridges (valor = suma de ${r.series_combined ?? '?'} series)`),
      );
      // A name language Bridges writes no notes in gets them in English, as it gets the groups' names.
      expect((await areaRows('&lang=ar')).map((r) => r.computed_by)).toEqual(english.map((r) => r.computed_by));

      // The series: Mexicans in the United States in 2024, men + women (UN DESA prints no total).
      const series = await csv(
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&dataset=undesa-ims-2024&from=2024&format=csv&lang=fr',
      );
      expect(series.rows[0]?.computed_by).toBe(
        'Bridges (valeur = somme de 2 séries sur sex (F, M); colonnes de variation et de croissance)',
      );
      // The corridor: each edition's both-sexes stock is Bridges' sum of the two it prints.
      const corridor = await csv('/api/corridors/MEX/USA?format=csv&lang=es');
      const totals = corridor.rows.filter((r) => r.measure === 'migrant_stock' && r.sex === '_T');
      expect(totals.length).toBeGreaterThan(0);
      expect(new Set(totals.map((r) => r.computed_by))).toEqual(new Set(['Bridges (hombres + mujeres)']));
      // What each block of the corridor holds, in French, around the areas' French names.
      const fr = await get<CorridorResponse>('/api/corridors/MEX/USA?lang=fr');
      expect(fr.migrantStock.description).toBe(
        'Personnes nées dans le pays d’origine (Mexique) et vivant dans le pays de destination (États-Unis d’Amérique), au milieu de l’année.',
      );
      for (const text of [fr.remittances.description, fr.cost.description, fr.displaced.description])
        expect(text).not.toMatch(/\b(People|between the two|sending money|forcibly)\b/);
    });

    it('lists the partner countries the edition has data for, by name in the language asked', async () => {
      const fr = await get<RankingResponse>('/api/rankings/migrant_stock?lang=fr');
      const detail = await get<DatasetDetailResponse>('/api/datasets/undesa-ims-2024');
      // Every origin of UN DESA's 2024 revision, and no more: the reference's areas without data
      // (Antarctica, Bouvet Island) are not offered as partners.
      expect(fr.counterparts).toHaveLength(detail.areas.counterpart);
      const codes = fr.counterparts.map((c) => c.code);
      expect(codes).toEqual(expect.arrayContaining(['PHL', 'MEX', 'OOO']));
      expect(codes).not.toContain('ATA');
      expect(codes).not.toContain('BVT');
      expect(fr.counterparts.find((c) => c.code === 'DEU')).toEqual({
        code: 'DEU',
        name: 'Allemagne',
        kind: 'country',
      });
      const names = fr.counterparts.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
      // The same list whatever the period, sex or partner chosen; none for an indicator without partners.
      const one = await get<RankingResponse>('/api/rankings/migrant_stock?lang=fr&counterpart=PHL&period=1990&sex=F');
      expect(one.counterparts).toEqual(fr.counterparts);
      expect((await get<RankingResponse>('/api/rankings/remittances_received_usd')).counterparts).toEqual([]);
      // KNOMAD's matrix: the sending countries, and its world total as the publisher's aggregate.
      const knomad = await get<RankingResponse>(
        '/api/rankings/remittance_bilateral_usd_m?dataset=knomad-bilateral-2021',
      );
      expect(knomad.counterparts.find((c) => c.code === 'KNOMAD_WORLD')?.kind).toBe('aggregate');
      expect(knomad.counterparts.find((c) => c.code === 'USA')?.kind).toBe('country');
    });
  });

  describe('corridors', () => {
    it('describes the stock by the two countries’ roles, whatever their names (UN DESA’s unknown origin)', async () => {
      const c = await get<CorridorResponse>('/api/corridors/OOO/USA');
      expect(c.migrantStock.description).toBe(
        'People born in the country of origin (Unknown origin) living in the country of destination (United States of America), at mid-year.',
      );
    });

    it('says where the destination’s latest figures repeat the period before, in that edition only', async () => {
      // UN DESA 2024 repeats 2020 for the Philippines as a destination (REPEATS_2020, checked on the file).
      const into = await get<CorridorResponse>('/api/corridors/USA/PHL');
      expect(into.migrantStock.editions.map((e) => [e.dataset, e.destinationRepeats])).toEqual([
        ['undesa-ims-2024', { period: '2024', previous: '2020' }],
        ['undesa-ims-2020', null],
      ]);
      // The corridor's own figures do repeat there…
      const [rev2024] = into.migrantStock.editions;
      const at = (period: string) => rev2024?.points.find((p) => p.period === period);
      expect(at('2024')).toEqual({ ...at('2020'), period: '2024' });
      // …but the other way, into the United States, nothing repeats.
      const out = await get<CorridorResponse>('/api/corridors/PHL/USA');
      expect(out.migrantStock.editions.map((e) => e.destinationRepeats)).toEqual([null, null]);
    });

    it('says a destination repeats only where the corridor’s own figures repeat with it', async () => {
      // Revision 2020 keeps Niue's totals of 2015 in 2020 (588: 319 men, 269 women), but not its
      // women by origin: New Zealand's 157 become 164. Revision 2024 repeats all of 2020.
      const intoNiue = await get<CorridorResponse>('/api/corridors/NZL/NIU');
      const [rev2024, rev2020] = intoNiue.migrantStock.editions;
      const at = (points: readonly { period: string }[] | undefined, period: string) =>
        points?.find((p) => p.period === period);
      expect([at(rev2020?.points, '2015'), at(rev2020?.points, '2020')]).toEqual([
        { period: '2015', total: 335, male: 178, female: 157 },
        { period: '2020', total: 342, male: 178, female: 164 },
      ]);
      expect(at(rev2024?.points, '2024')).toEqual({ ...at(rev2024?.points, '2020'), period: '2024' });
      expect(intoNiue.migrantStock.editions.map((e) => [e.dataset, e.destinationRepeats])).toEqual([
        ['undesa-ims-2024', { period: '2024', previous: '2020' }],
        ['undesa-ims-2020', null],
      ]);
      const { rows } = await csv('/api/corridors/NZL/NIU?format=csv');
      expect(rows.filter((r) => r.note !== '').map((r) => [r.dataset, r.period, r.sex])).toEqual(
        ['_T', 'M', 'F'].map((sex) => ['undesa-ims-2024', '2024', sex]),
      );
      // Canadians in the Philippines: none in Revision 2024 (its ten origins), so nothing of theirs repeats.
      const canadians = await get<CorridorResponse>('/api/corridors/CAN/PHL');
      expect(
        canadians.migrantStock.editions.map((e) => [e.dataset, e.points.length > 0, e.destinationRepeats]),
      ).toEqual([
        ['undesa-ims-2024', false, null],
        ['undesa-ims-2020', true, null],
      ]);
    });

    it('says so on each CSV row of the repeated period, in the language asked', async () => {
      const repeats = {
        en: "Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)",
        es: 'Repite exactamente la cifra de 2020: la variación de 2020 a 2024 debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)',
      };
      for (const lang of ['en', 'es'] as const) {
        const { rows } = await csv(`/api/corridors/USA/PHL?format=csv&lang=${lang}`);
        const stock = rows.filter((r) => r.measure === 'migrant_stock');
        // Revision 2024's rows of 2024, each sex; its 2020 rows and all of Revision 2020's say nothing.
        expect(stock.filter((r) => r.note !== '').map((r) => [r.dataset, r.period, r.sex, r.note])).toEqual(
          ['_T', 'M', 'F'].map((sex) => ['undesa-ims-2024', '2024', sex, repeats[lang]]),
        );
        expect(stock.some((r) => r.dataset === 'undesa-ims-2024' && r.period === '2020' && r.note === '')).toBe(true);
        expect(stock.some((r) => r.dataset === 'undesa-ims-2020' && r.period === '2020' && r.note === '')).toBe(true);
        expect(rows.filter((r) => r.measure !== 'migrant_stock' && r.note !== '')).toEqual([]);
      }
      // Into the United States, nothing repeats.
      const { rows: out } = await csv('/api/corridors/PHL/USA?format=csv');
      expect(out.some((r) => r.measure === 'migrant_stock' && r.period === '2024')).toBe(true);
      expect(out.filter((r) => r.note !== '')).toEqual([]);
    });

    it('sets Mexico → USA side by side in both UN DESA editions', async () => {
      const c = await get<CorridorResponse>('/api/corridors/MEX/USA');
      expect(c.from.code).toBe('MEX');
      expect(c.to.code).toBe('USA');
      const [rev2024, rev2020] = c.migrantStock.editions;
      expect(rev2024?.dataset).toBe('undesa-ims-2024');
      expect(rev2020?.dataset).toBe('undesa-ims-2020');
      expect(rev2020?.points.find((p) => p.period === '2020')?.total).toBe(10_853_105);
      expect(rev2024?.points.find((p) => p.period === '2020')?.total).toBe(11_177_052);
      for (const p of [...(rev2024?.points ?? []), ...(rev2020?.points ?? [])])
        expect((p.male ?? 0) + (p.female ?? 0)).toBe(p.total);
      expect(c.migrantStock.sources.map((s) => s.dataset)).toEqual(['undesa-ims-2020', 'undesa-ims-2024']);
      // The United States count the foreign-born (UN DESA's type B) …
      expect(rev2024?.typesOfData).toEqual(['B']);
      // … the United Arab Emirates foreign citizens (type C, as the file flags every Indian there).
      const [uae] = (await get<CorridorResponse>('/api/corridors/IND/ARE')).migrantStock.editions;
      expect(uae?.typesOfData).toContain('C');
      expect(uae?.typesOfData).not.toContain('B');
    });

    it('gives the money both ways, each KNOMAD edition apart, with the US$ conversion', async () => {
      const c = await get<CorridorResponse>('/api/corridors/MEX/USA');
      expect(c.remittances).toMatchObject({ unit: 'US$ millions', toUsd: 1e6 });
      const home = c.remittances.series.filter((s) => s.sender.code === 'USA' && s.receiver.code === 'MEX');
      expect(home.map((s) => [s.dataset, s.points[0]?.period])).toEqual([
        ['knomad-bilateral-2021', '2021'],
        ['knomad-bilateral-2018', '2018'],
      ]);
      expect(Math.round((home[0]?.points[0]?.value ?? 0) / 100) / 10).toBe(52.6); // US$ bn
      expect(home[0]?.points[0]?.valueUsd).toBe((home[0]?.points[0]?.value ?? 0) * 1e6);
      expect(home[1]?.points[0]?.value).toBe(34_704);
      expect(c.remittances.series[0]).toMatchObject({ sender: { code: 'MEX' }, receiver: { code: 'USA' } });
    });

    it('says which edition has no value for a direction, rather than leaving its bar out unexplained', async () => {
      // bilateral_remittance_matrix_2021_0.xlsx: the cell India → United Arab Emirates is blank (the
      // UAE → India one is US$ 19,821 million); the 2018 matrix prints 0 for it, a value of its own.
      const c = await get<CorridorResponse>('/api/corridors/IND/ARE');
      expect(c.remittances.absent.map((a) => [a.dataset, a.sender.code, a.receiver.code])).toEqual([
        ['knomad-bilateral-2021', 'IND', 'ARE'],
      ]);
      expect(c.remittances.series.map((s) => [s.dataset, s.sender.code, s.points[0]?.value])).toEqual([
        ['knomad-bilateral-2018', 'IND', 0],
        ['knomad-bilateral-2021', 'ARE', expect.closeTo(19_821.05, 2)],
        ['knomad-bilateral-2018', 'ARE', 18_529],
      ]);
      // The edition the note names is cited with the others.
      expect(c.remittances.sources.map((s) => s.dataset)).toEqual(['knomad-bilateral-2018', 'knomad-bilateral-2021']);
      expect((await get<CorridorResponse>('/api/corridors/MEX/USA')).remittances.absent).toEqual([]);
    });

    it('gives the cost of sending money from each RPW file as its own series', async () => {
      const c = await get<CorridorResponse>('/api/corridors/MEX/USA');
      const usaToMex = c.cost.series.filter((s) => s.sender.code === 'USA' && s.receiver.code === 'MEX');
      const databank = usaToMex.find((s) => s.dataset === 'rpw-corridors-2020q3');
      expect(databank?.latest?.period).toBe('2020-Q3');
      expect(databank?.latest?.value).toBeCloseTo(4.18, 2);
      expect(databank?.aboveFive).toBe(false);
      const means = usaToMex.find((s) => s.dataset === 'rpw-corridor-means-2025q1' && s.amountUsd === '200');
      expect(means?.latest?.period).toBe('2025-Q1');
      expect(means?.latest?.value).toBeCloseTo(4.98, 2);
      expect(means?.aboveFive).toBe(false);
      // SDG 10.c is of sending US$ 200: the US$ 500 series has a latest cost but no flag either way.
      const of500 = usaToMex.find((s) => s.dataset === 'rpw-corridor-means-2025q1' && s.amountUsd === '500');
      expect(of500?.latest?.period).toBe('2025-Q1');
      expect(of500?.aboveFive).toBeNull();
      expect(c.sources.map((s) => s.dataset)).toEqual(
        expect.arrayContaining(['knomad-bilateral-2018', 'rpw-corridor-means-2025q1', 'undesa-ims-2020']),
      );
    });

    it('gives the corridor as CSV equal to the JSON, every row cited', async () => {
      const json = await get<CorridorResponse>('/api/corridors/MEX/USA');
      const { rows, disposition } = await csv('/api/corridors/MEX/USA', { accept: 'text/csv' });
      expect(disposition).toBe('attachment; filename="bridges-corridor-MEX-USA.csv"');
      for (const edition of json.migrantStock.editions)
        for (const p of edition.points) {
          const row = rows.find(
            (r) =>
              r.measure === 'migrant_stock' && r.dataset === edition.dataset && r.period === p.period && r.sex === '_T',
          );
          expect(Number(row?.value)).toBe(p.total);
          expect(row?.licence).toBe('CC BY 3.0 IGO');
        }
      const money = rows.filter((r) => r.measure === 'remittances');
      expect(money.map((r) => [r.from, r.to, r.dataset, Number(r.value)])).toEqual(
        json.remittances.series.flatMap((s) =>
          s.points.map((p) => [s.sender.code, s.receiver.code, s.dataset, p.value]),
        ),
      );
      expect(rows.filter((r) => r.measure === 'remittance_cost')).toHaveLength(
        json.cost.series.reduce((n, s) => n + s.points.length, 0),
      );
    });
  });

  describe('series', () => {
    const repeatsNote = {
      en: "Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)",
      es: 'Repite exactamente la cifra de 2020: la variación de 2020 a 2024 debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)',
    };

    it('says where a point only repeats the period before (UN DESA 2024, the Philippines), its change not estimated', async () => {
      // UN DESA 2024 repeats 2020 for the Philippines as a destination (REPEATS_2020): its 2024
      // immigrants are its 2020's (87,212), which is no change of 0 % but none estimated.
      const r = await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=PHL,MEX');
      const of = (area: string, dataset: string) => r.series.find((s) => s.area.code === area && s.dataset === dataset);
      const phl = of('PHL', 'undesa-ims-2024');
      expect(phl?.repeats).toEqual({ period: '2024', previous: '2020' });
      expect(phl?.points.at(-1)).toMatchObject({
        period: '2024',
        value: 87_212,
        previousPeriod: '2020',
        changePct: null,
      });
      expect(phl?.points.at(-2)).toMatchObject({ period: '2020', value: 87_212, changePct: -33.8787 });
      // The growth to 2024 is not estimated either; its ends are still given.
      expect(phl?.growth).toMatchObject({
        from: '1990',
        to: '2024',
        fromValue: 134_600,
        toValue: 87_212,
        changePct: null,
        annualRatePct: null,
      });
      expect(phl?.growth.method).toMatch(/The 2024 figures only repeat those of 2020 \(repeats\)/);
      // Up to 2020 it is estimated, and nothing repeats in the window.
      const to2020 = await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=PHL&to=2020');
      expect(to2020.series.map((s) => s.repeats)).toEqual([null, null]);
      expect(to2020.series[0]?.growth.changePct).toBe(-35.2065);
      // Revision 2020 and Mexico (both editions) repeat nothing.
      expect(
        [of('PHL', 'undesa-ims-2020'), of('MEX', 'undesa-ims-2024'), of('MEX', 'undesa-ims-2020')].map(
          (s) => s?.repeats,
        ),
      ).toEqual([null, null, null]);
      expect(of('MEX', 'undesa-ims-2024')?.points.at(-1)?.changePct).toBe(29.2801);
      // Women alone, and one origin (the destination repeats every origin's figure), say it too.
      for (const query of ['sex=F', 'counterpart=USA', 'sex=M&counterpart=CHN&from=2024']) {
        const one = await get<SeriesResponse>(
          `/api/series?indicator=migrant_stock&areas=PHL&dataset=undesa-ims-2024&${query}`,
        );
        expect(one.series[0]?.repeats, query).toEqual({ period: '2024', previous: '2020' });
        expect(one.series[0]?.points.at(-1)?.changePct, query).toBeNull();
      }
      // Niue, the other destination UN DESA repeats.
      const niue = await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=NIU&dataset=undesa-ims-2024');
      expect(niue.series[0]?.repeats).toEqual({ period: '2024', previous: '2020' });
    });

    it('says it on the CSV row of the repeated point, in the language asked, and on no other', async () => {
      for (const lang of ['en', 'es'] as const) {
        const { rows } = await csv(`/api/series?indicator=migrant_stock&areas=PHL,MEX&format=csv&lang=${lang}`);
        const noted = rows.filter((row) => row.note !== '');
        expect(noted.map((row) => [row.area, row.dataset, row.period, row.note])).toEqual([
          ['PHL', 'undesa-ims-2024', '2024', repeatsNote[lang]],
        ]);
        expect(noted[0]).toMatchObject({ value: '87212', previous_period: '2020', change_pct_from_previous: '' });
        expect(rows.some((row) => row.area === 'MEX' && row.period === '2024' && row.note === '')).toBe(true);
        expect(rows.some((row) => row.area === 'PHL' && row.period === '2020' && row.note === '')).toBe(true);
      }
    });

    it('does not take two equal years of another publisher for a repeat: only UN DESA’s stocks are checked', async () => {
      // The World Bank's remittances to Yemen: US$ 3,770,584,000 in 2022 and in 2023, its
      // estimate of each year (a flow, of WDI): a change of 0 %, as published.
      const r = await get<SeriesResponse>(
        '/api/series?indicator=remittances_received_usd&areas=YEM&dataset=wdi-gdidata-2025&from=2021',
      );
      const yemen = r.series[0];
      expect(yemen?.points.slice(-2).map((p) => [p.period, p.value])).toEqual([
        ['2022', 3_770_584_000],
        ['2023', 3_770_584_000],
      ]);
      expect(yemen?.repeats).toBeNull();
      expect(yemen?.points.at(-1)?.changePct).toBe(0);
      const { rows } = await csv(
        '/api/series?indicator=remittances_received_usd&areas=YEM&dataset=wdi-gdidata-2025&from=2021&format=csv',
      );
      expect(rows.filter((row) => row.note !== '')).toEqual([]);
    });

    it('gives the 2008 → 2009 fall of remittances to low- and middle-income countries in each source', async () => {
      const knomad = await get<SeriesResponse>(
        '/api/series?indicator=remittance_inflows_usd_m&areas=KNOMAD_LMIC&from=2008&to=2009',
      );
      const k = knomad.series[0];
      expect(k).toMatchObject({ area: { code: 'KNOMAD_LMIC', kind: 'aggregate' }, dataset: 'knomad-inflows-2023-12' });
      expect(k?.points.map((p) => p.period)).toEqual(['2008', '2009']);
      expect(k?.growth).toMatchObject({ computedBy: 'Bridges', from: '2008', to: '2009', changePct: -5.0478 });
      expect(k?.points[1]).toMatchObject({ previousPeriod: '2008', changePct: -5.0478 });
      expect(k?.growth.changePct).toBeCloseTo(((k?.growth.toValue ?? 0) / (k?.growth.fromValue ?? 1) - 1) * 100, 3);
      // Asked from 2009, its first point is still compared with 2008's.
      const from2009 = await get<SeriesResponse>(
        '/api/series?indicator=remittance_inflows_usd_m&areas=KNOMAD_LMIC&from=2009',
      );
      expect(from2009.series[0]?.points[0]).toMatchObject({
        period: '2009',
        previousPeriod: '2008',
        changePct: -5.0478,
      });

      const wdi = await get<SeriesResponse>(
        '/api/series?indicator=remittances_received_usd&areas=WB_LMY&from=2008&to=2009&dataset=wdi-remittances-2023-10',
      );
      expect(wdi.series[0]?.growth.changePct).toBe(-3.5283);
      expect(wdi.sources.map((s) => s.dataset)).toEqual(['wdi-remittances-2023-10']);
    });

    it('keeps one series per area and edition, in the order asked, with compound annual rates', async () => {
      const r = await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=usa,PHL&from=1990&to=2020');
      expect(r.series.map((s) => [s.area.code, s.dataset])).toEqual([
        ['USA', 'undesa-ims-2024'],
        ['USA', 'undesa-ims-2020'],
        ['PHL', 'undesa-ims-2024'],
        ['PHL', 'undesa-ims-2020'],
      ]);
      // UN DESA 2024, all migrants in the United States (men + women, every origin): 23,266,147 in
      // 1990, 50,471,028 in 2020: (50,471,028 / 23,266,147)^(1/30) − 1 = 2.6149 % a year.
      expect(r.series[0]?.growth).toMatchObject({
        from: '1990',
        to: '2020',
        fromValue: 23_266_147,
        toValue: 50_471_028,
        annualRatePct: 2.6149,
      });
      expect(r.filters).toMatchObject({ sex: '_T', from: '1990', to: '2020' });
    });

    it('keeps every period that overlaps from and to, as SDMX does: the quarters of a year asked as a year', async () => {
      // RPW's DataBank export, United States → Mexico, US$ 200: 2020Q1 4.0353569984436,
      // 2020Q2 4.21964263916016, 2020Q3 4.18037033081055 (its last quarter).
      const url = `/api/series?indicator=remittance_cost_pct&areas=MEX&counterpart=USA&dims=amount:200&dataset=${rpwDatabankCorridors.meta.id}`;
      const year = await get<SeriesResponse>(`${url}&from=2020&to=2020`);
      expect(year.series[0]?.points.map((p) => [p.period, p.value])).toEqual([
        ['2020-Q1', 4.0353569984436],
        ['2020-Q2', 4.21964263916016],
        ['2020-Q3', 4.18037033081055],
      ]);
      // The growth's ends are the quarters that hold the start of `from` and the end of `to`.
      const span = await get<SeriesResponse>(`${url}&from=2019&to=2020-Q3`);
      expect(span.series[0]?.growth).toMatchObject({ from: '2019-Q1', to: '2020-Q3', toValue: 4.18037033081055 });
      expect(span.series[0]?.points[0]?.period).toBe('2019-Q1');
      // A quarter to a year is July to December 2019 (2019Q3 4.6103572845459, 2019Q4 4.38857126235962),
      // and the first quarter in it is compared with the one before it (2019Q2 4.64107131958008).
      const half = await get<SeriesResponse>(`${url}&from=2019-Q3&to=2019`);
      expect(half.series[0]?.points.map((p) => [p.period, p.value, p.previousPeriod, p.changePoints])).toEqual([
        ['2019-Q3', 4.6103572845459, '2019-Q2', -0.0307],
        ['2019-Q4', 4.38857126235962, '2019-Q3', -0.2218],
      ]);
      // A quarter asked of yearly data keeps the year that holds it.
      const stock = await get<SeriesResponse>(
        '/api/series?indicator=migrant_stock&areas=PHL&dataset=undesa-ims-2024&from=2020-Q3&to=2024-Q1',
      );
      expect(stock.series[0]?.points.map((p) => p.period)).toEqual(['2020', '2024']);
      expect(stock.series[0]?.growth).toMatchObject({ from: '2020', to: '2024' });
    });

    it('marks the sums Bridges made as its own, and tells a rate’s change in points', async () => {
      // UN DESA 2024 prints Mexicans in the United States by sex only: men 5,782,684, women 5,496,877.
      const stock = await get<SeriesResponse>(
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&dataset=undesa-ims-2024&from=2024',
      );
      expect(stock.series[0]?.points).toMatchObject([{ period: '2024', value: 11_279_561, parts: 2 }]);
      expect(stock.series[0]?.combined).toMatchObject({
        computedBy: 'Bridges',
        over: [{ dimension: 'sex', values: ['F', 'M'] }],
      });
      expect(stock.series[0]?.combined?.method).toMatch(/sum of the series matching the query, over sex \(F, M\)/);
      const { rows } = await csv(
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&dataset=undesa-ims-2024&from=2024&format=csv',
      );
      expect(rows[0]).toMatchObject({
        value: '11279561',
        series_combined: '2',
        computed_by: 'Bridges (value = sum of 2 series over sex (F, M); change and growth columns)',
      });
      // Women in the United States from every origin: the file gives 60 origins for them.
      const women = await get<SeriesResponse>(
        '/api/series?indicator=migrant_stock&areas=USA&sex=F&dataset=undesa-ims-2024&from=2024',
      );
      expect(women.series[0]?.combined?.over.map((d) => [d.dimension, d.values.length])).toEqual([
        ['counterpart_area', 60],
      ]);
      expect(women.series[0]?.combined?.over[0]?.values.slice(0, 3)).toEqual(['AFG', 'ARG', 'BGD']);
      const womenCsv = await csv(
        '/api/series?indicator=migrant_stock&areas=USA&sex=F&dataset=undesa-ims-2024&from=2024&format=csv',
      );
      expect(womenCsv.rows[0]?.computed_by).toBe(
        'Bridges (value = sum of 60 series over counterpart_area (60 areas); change and growth columns)',
      );
      const men = await csv(
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&sex=M&dataset=undesa-ims-2024&from=2024&format=csv',
      );
      expect(men.rows[0]).toMatchObject({ value: '5782684', computed_by: 'Bridges (change and growth columns)' });
      const menJson = await get<SeriesResponse>(
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&sex=M&dataset=undesa-ims-2024&from=2024',
      );
      expect(menJson.series[0]?.combined).toBeNull();

      // RPW, United States → Mexico: 4.0353569984436 % in 2020Q1, 4.21964263916016 % in 2020Q2, 4.18037033081055 % in 2020Q3.
      const cost = await get<SeriesResponse>(
        `/api/series?indicator=remittance_cost_pct&areas=MEX&counterpart=USA&dims=amount:200&dataset=${rpwDatabankCorridors.meta.id}&from=2020-Q1&to=2020-Q3`,
      );
      const [q1, q2] = cost.series[0]?.points ?? [];
      // 2020Q1 against 2019Q4 (4.38857126235962), the quarter before the window.
      expect(q1).toMatchObject({ previousPeriod: '2019-Q4', changePct: null, changePoints: -0.3532 });
      expect(q2).toMatchObject({ changePct: null, changePoints: 0.1843 });
      expect(cost.series[0]?.growth).toMatchObject({ changePct: null, annualRatePct: null, differencePoints: 0.145 });
      // A mean count (providers per corridor) is not a percentage: its change stays a % change.
      const providers = await get<SeriesResponse>(
        '/api/series?indicator=remittance_providers&areas=PHL&from=2019&to=2020',
      );
      const changes = providers.series[0]?.points.slice(1) ?? [];
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((p) => p.changePoints === null && p.changePct !== null)).toBe(true);
      expect(providers.series[0]?.growth.differencePoints).toBeNull();
      // Several corridors into the Philippines: their mean, and the method says so (not "sum").
      expect(providers.series[0]?.points.some((p) => p.parts > 1)).toBe(true);
      expect(providers.series[0]?.combined?.method).toMatch(/is the unweighted mean of the series/);
    });

    it('says how it combined and compared a series’ points in the language asked, English as before', async () => {
      // Mexicans in the United States, 2024: men + women (UN DESA 2024 prints no total).
      const mexicans =
        '/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX&dataset=undesa-ims-2024&from=2024';
      const said = {
        en: {
          combined:
            'Each point whose parts are above 1 is the sum of the series matching the query, over sex (F, M); the others are published values.',
          growth:
            /^changePct = \(value at `to` ÷ value at `from` − 1\) × 100, between the periods that hold the start of `from` and the end of `to`; annualRatePct = /,
          providers:
            /^Each point whose parts are above 1 is the unweighted mean of the series matching the query, over counterpart_area \(\d+ areas\); the others are published values\.$/,
        },
        fr: {
          combined:
            'Chaque point dont le nombre de séries (parts) dépasse 1 est la somme des séries répondant à la requête, sur sex (F, M)\u00a0; les autres sont des valeurs publiées.',
          growth:
            /^changePct = \(valeur à `to` ÷ valeur à `from` − 1\) × 100, entre les périodes qui contiennent le début de `from` et la fin de `to`\u00a0; annualRatePct = \(\(to ÷ from\)\^\(1 ÷ années\) − 1\) × 100 pour des périodes annuelles/,
          providers:
            /^Chaque point dont le nombre de séries \(parts\) dépasse 1 est la moyenne non pondérée des séries répondant à la requête, sur counterpart_area \(\d+ zones\)\u00a0; les autres sont des valeurs publiées\.$/,
        },
        es: {
          combined:
            'Cada punto cuyo número de series (parts) es mayor que 1 es la suma de las series que responden a la consulta, sobre sex (F, M); los demás son valores publicados.',
          growth:
            /^changePct = \(valor en `to` ÷ valor en `from` − 1\) × 100, entre los períodos que contienen el inicio de `from` y el final de `to`; annualRatePct = \(\(to ÷ from\)\^\(1 ÷ años\) − 1\) × 100 para períodos anuales/,
          providers:
            /^Cada punto cuyo número de series \(parts\) es mayor que 1 es la media no ponderada de las series que responden a la consulta, sobre counterpart_area \(\d+ zonas\); los demás son valores publicados\.$/,
        },
      };
      for (const lang of ['', 'en', 'ar', 'fr', 'es'] as const) {
        const words = said[lang === 'fr' || lang === 'es' ? lang : 'en'];
        const suffix = lang ? `&lang=${lang}` : '';
        const stock = await get<SeriesResponse>(`${mexicans}${suffix}`);
        expect(stock.series[0]?.combined?.method, lang).toBe(words.combined);
        expect(stock.series[0]?.growth.method, lang).toMatch(words.growth);
        // Several corridors into the Philippines: their mean.
        const providers = await get<SeriesResponse>(
          `/api/series?indicator=remittance_providers&areas=PHL&from=2019&to=2020${suffix}`,
        );
        expect(providers.series[0]?.combined?.method, lang).toMatch(words.providers);
      }
      // A rate in percent changes in points, said in the language asked too.
      const cost = await get<SeriesResponse>(
        `/api/series?indicator=remittance_cost_pct&areas=MEX&counterpart=USA&dims=amount:200&dataset=${rpwDatabankCorridors.meta.id}&from=2020-Q1&to=2020-Q3&lang=es`,
      );
      expect(cost.series[0]?.growth.method).toMatch(
        /^Un porcentaje: differencePoints = valor en `to` − valor en `from`, en puntos porcentuales/,
      );
    });

    it('says which areas asked have no data, and where the data run when a span has none', async () => {
      // KNOMAD's inflows have its own aggregates (KNOMAD_LMIC), not the World Bank's WB_LMY.
      const r = await get<SeriesResponse>(
        '/api/series?indicator=remittance_inflows_usd_m&areas=KNOMAD_LMIC,PHL,WB_LMY&from=2019',
      );
      expect(r.series.map((s) => s.area.code)).toEqual(['KNOMAD_LMIC', 'PHL']);
      expect(r.withoutData.map((a) => a.code)).toEqual(['WB_LMY']);
      expect((await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=PHL')).withoutData).toEqual([]);
      const late = await get<ErrorResponse>('/api/series?indicator=remittance_inflows_usd_m&areas=PHL&from=9999', 400);
      expect(late.error.message).toMatch(
        /no data from 9999 on; its periods run knomad-inflows-2023-12 from 2000 to 2023/,
      );
    });

    it('gives the series as CSV equal to the JSON', async () => {
      const url = '/api/series?indicator=remittance_inflows_usd_m&areas=KNOMAD_LMIC,PHL&from=2019';
      const json = await get<SeriesResponse>(url);
      const { rows } = await csv(`${url}&format=csv`);
      expect(rows.map((r) => [r.area, r.period, Number(r.value), r.change_pct_from_previous])).toEqual(
        json.series.flatMap((s) =>
          s.points.map((p) => [s.area.code, p.period, p.value, p.changePct === null ? '' : String(p.changePct)]),
        ),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.publisher === 'World Bank/KNOMAD' && r.licence === 'CC BY 4.0')).toBe(true);
    });
  });

  describe('a CSV for Excel', () => {
    it('starts with a byte-order mark when bom=true (the UI’s download links), and not otherwise', async () => {
      for (const url of ['/api/profiles/PHL?lang=fr', '/api/corridors/PHL/USA?lang=es', '/api/datasets']) {
        const sep = url.includes('?') ? '&' : '?';
        const plain = await hub.app.inject({ url: `${url}${sep}format=csv` });
        const marked = await hub.app.inject({ url: `${url}${sep}format=csv&bom=true` });
        expect(plain.body.startsWith('\uFEFF'), url).toBe(false);
        expect(marked.body, url).toBe(`\uFEFF${plain.body}`);
        expect(marked.headers['content-type']).toBe('text/csv; charset=utf-8');
      }
      // JSON is JSON, mark or not; a value other than true or false is refused by name.
      expect((await hub.app.inject({ url: '/api/datasets?bom=true' })).json()).toHaveProperty('items');
      const wrong = await get<ErrorResponse>('/api/datasets?format=csv&bom=yes', 400);
      expect(wrong.error.details.map((d) => d.field)).toEqual(['bom']);
    });
  });

  describe('JSON or CSV by Accept', () => {
    const ANSWERS = [
      '/api/datasets',
      '/api/datasets/undesa-ims-2024',
      '/api/indicators',
      '/api/profiles/PHL',
      '/api/corridors/MEX/USA',
      '/api/rankings/migrant_stock',
      '/api/series?indicator=migrant_stock&areas=PHL',
    ];
    const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const withAccept = (url: string, accept?: string) =>
      hub.app.inject({ method: 'GET', url, headers: accept === undefined ? {} : { accept } });
    const formatCsv = (url: string) => `${url}${url.includes('?') ? '&' : '?'}format=csv`;

    it('answers a malformed quality in Accept with 400 naming the header', async () => {
      const res = await withAccept('/api/profiles/PHL', 'text/csv;q=abc');
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorResponse>().error.details[0]?.field).toBe('Accept');
      expect(res.json<ErrorResponse>().error.message).toContain('q=abc');
    });

    it.each(ANSWERS)('%s answers an Accept that takes neither JSON nor CSV with 406 listing both', async (url) => {
      for (const accept of ['application/xml', 'image/png', 'text/html', 'text/csv;q=0, application/json;q=0']) {
        const res = await withAccept(url, accept);
        expect(res.statusCode, `${url} with Accept ${accept}: ${res.body.slice(0, 200)}`).toBe(406);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers.vary).toBe('Accept, Accept-Encoding');
        const body = res.json<ErrorResponse>();
        expect(body.error).toEqual({
          code: 'not_acceptable',
          message: `Accept: none of "${accept}" can be served here; ask for application/json, text/csv (or use the format parameter)`,
          details: [{ field: 'Accept', message: 'supported: application/json, text/csv' }],
        });
      }
    });

    it.each(ANSWERS)(
      '%s answers as before to */*, text/*, application/*, no Accept, a browser and format=csv',
      async (url) => {
        const json = await withAccept(url);
        expect(json.statusCode).toBe(200);
        expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
        for (const accept of ['*/*', 'application/*', 'application/json', BROWSER, '']) {
          const res = await withAccept(url, accept);
          expect([res.statusCode, res.headers['content-type']], `Accept ${accept}`).toEqual([
            200,
            'application/json; charset=utf-8',
          ]);
          expect(res.body).toBe(json.body);
        }
        const csv = await withAccept(formatCsv(url));
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        for (const accept of ['text/*', 'text/csv', 'text/csv;charset=utf-8', 'application/json;q=0.5, text/csv']) {
          const res = await withAccept(url, accept);
          expect([res.statusCode, res.headers['content-type']], `Accept ${accept}`).toEqual([
            200,
            'text/csv; charset=utf-8',
          ]);
          expect(res.body).toBe(csv.body);
        }
        // The format parameter wins over any Accept, even one that takes neither.
        const asked = await withAccept(formatCsv(url), 'image/png');
        expect([asked.statusCode, asked.body]).toEqual([200, csv.body]);
        const jsonAsked = await withAccept(`${url}${url.includes('?') ? '&' : '?'}format=json`, 'application/xml');
        expect([jsonAsked.statusCode, jsonAsked.body]).toEqual([200, json.body]);
      },
    );

    it('leaves a bundled file as it is: its route answers no JSON nor CSV', async () => {
      const res = await withAccept(
        '/api/datasets/undesa-ims-2024/files/undesa_ims2024_bilateral_by_sex.csv.gz',
        'application/xml',
      );
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/gzip']);
    });
  });

  describe('bad input', () => {
    it.each([
      ['/api/datasets?foo=1', 'unknown_parameter', 'foo'],
      ['/api/datasets?format=xml', 'invalid_parameter', 'format'],
      ['/api/profiles/PHL?edition=undesa-ims-1999', 'invalid_parameter', 'edition'],
      ['/api/profiles/PHL?lang=de', 'invalid_parameter', 'lang'],
      ['/api/profiles/PHL?verbose=true', 'unknown_parameter', 'verbose'],
      ['/api/corridors/MEX/USA?year=2020', 'unknown_parameter', 'year'],
      ['/api/rankings/migrant_stock?period=20x', 'invalid_parameter', 'period'],
      ['/api/rankings/migrant_stock?period=1985', 'invalid_parameter', 'period'],
      ['/api/rankings/migrant_stock?sex=X', 'invalid_parameter', 'sex'],
      ['/api/rankings/migrant_stock?groupBy=continent', 'invalid_parameter', 'groupBy'],
      ['/api/rankings/migrant_stock?incomeFiscalYear=FY70', 'invalid_parameter', 'incomeFiscalYear'],
      // Parameters that do not apply: said, not ignored.
      ['/api/rankings/migrant_stock?incomeFiscalYear=FY25', 'invalid_parameter', 'incomeFiscalYear'],
      ['/api/rankings/migrant_stock?groupBy=m49region&incomeFiscalYear=FY25', 'invalid_parameter', 'incomeFiscalYear'],
      ['/api/rankings/gdp_usd?counterpart=USA', 'invalid_parameter', 'counterpart'],
      ['/api/rankings/gdp_usd?counterpart=USA&period=2020', 'invalid_parameter', 'counterpart'],
      ['/api/series?indicator=gdp_usd&areas=PHL&counterpart=USA', 'invalid_parameter', 'counterpart'],
      ['/api/rankings/migrant_stock?dataset=knomad-inflows-2023-12', 'invalid_parameter', 'dataset'],
      ['/api/rankings/migrant_stock?dims=group:refugee', 'invalid_parameter', 'dims'],
      ['/api/rankings/migrant_stock?dims=nonsense', 'invalid_parameter', 'dims'],
      ['/api/rankings/migrant_stock?limit=0', 'invalid_parameter', 'limit'],
      // A known area, but no series has it as counterpart: said, not an empty ranking in no period.
      ['/api/rankings/migrant_stock?counterpart=WB_LMY', 'invalid_parameter', 'counterpart'],
      ['/api/rankings/forcibly_displaced?dims=group:refugee,group:asylum', 'invalid_parameter', 'dims'],
      ['/api/series?indicator=migrant_stock&areas=PHL&dims=__proto__:x', 'invalid_parameter', 'dims'],
      ['/api/rankings/remittance_cost_pct?dims=amount:300', 'invalid_parameter', 'dims'],
      ['/api/series?areas=PHL', 'invalid_parameter', 'indicator'],
      ['/api/series?indicator=no_such_thing&areas=PHL', 'invalid_parameter', 'indicator'],
      ['/api/series?indicator=migrant_stock', 'invalid_parameter', 'areas'],
      ['/api/series?indicator=migrant_stock&areas=PHL&from=2020&to=2010', 'invalid_parameter', 'from'],
      ['/api/series?indicator=migrant_stock&areas=PHL&from=2020-Q1&to=2019', 'invalid_parameter', 'from'],
      ['/api/series?indicator=migrant_stock&areas=PHL&from=0000', 'invalid_parameter', 'from'],
      ['/api/series?indicator=remittance_inflows_usd_m&areas=PHL&from=9999', 'invalid_parameter', 'from'],
      ['/api/series?indicator=remittance_inflows_usd_m&areas=PHL&to=1950', 'invalid_parameter', 'to'],
      ['/api/series?indicator=migrant_stock&areas=PHL&dataset=nope-1', 'invalid_parameter', 'dataset'],
      ['/api/corridors/PHL/phl', 'invalid_parameter', 'to'],
      ['/api/corridors/KNOMAD_WORLD/PHL', 'invalid_parameter', 'from'],
      // A publisher's aggregate has no profile (an empty one would read as a place without data).
      ['/api/profiles/KNOMAD_WORLD', 'invalid_parameter', 'code'],
      ['/api/profiles/KNOMAD_WORLD?format=csv', 'invalid_parameter', 'code'],
    ])('%s → 400 %s naming %s', async (url, code, field) => {
      const body = await get<ErrorResponse>(url, 400);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toContain(field);
      expect(body.error.details.map((d) => d.field)).toContain(field);
    });

    it.each([
      ['/api/profiles/XYZ', 'code'],
      ['/api/corridors/MEX/XYZ', 'to'],
      ['/api/corridors/QQQ/USA', 'from'],
      ['/api/rankings/no_such_indicator', 'indicator'],
      ['/api/datasets/no-such-dataset', 'id'],
      ['/api/datasets/no-such-dataset/files/data.csv.gz', 'id'],
      ['/api/datasets/undesa-ims-2024/files/data.csv.gz', 'name'],
    ])('%s → 404 naming %s', async (url, field) => {
      const body = await get<ErrorResponse>(url, 404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.details.map((d) => d.field)).toEqual([field]);
      expect(body.error.message).toBe(`${field}: ${body.error.details[0]?.message ?? ''}`);
    });

    // A path names the resource, so an unknown code there is a 404; in a query it is a bad value: 400.
    it.each([
      ['/api/rankings/migrant_stock?counterpart=XYZ', 'counterpart', 'no country or area has the code "XYZ"'],
      [
        '/api/series?indicator=migrant_stock&areas=PHL&counterpart=XYZ',
        'counterpart',
        'no country or area has the code "XYZ"',
      ],
      ['/api/series?indicator=migrant_stock&areas=PHL,XYZ', 'areas', 'no country or area has the code "XYZ"'],
      // Every unknown code, once each; PHL and the alias chi are known.
      [
        '/api/series?indicator=migrant_stock&areas=XYZ,PHL,qqq,XYZ,chi',
        'areas',
        'no country or area has the codes "XYZ", "qqq"',
      ],
    ])('%s → 400 naming %s and the unknown codes', async (url, field, message) => {
      const body = await get<ErrorResponse>(url, 400);
      expect(body.error).toEqual({
        code: 'invalid_parameter',
        message: `${field}: ${message}`,
        details: [{ field, message }],
      });
    });

    it('says when a parameter applies, rather than ignoring it', async () => {
      const fiscal = await get<ErrorResponse>('/api/rankings/migrant_stock?incomeFiscalYear=FY25', 400);
      expect(fiscal.error.details).toEqual([
        {
          field: 'incomeFiscalYear',
          message:
            'applies only with groupBy=incomeGroup: it chooses the fiscal year of the income groups the totals are by, and no groupBy was given',
        },
      ]);
      const byRegion = await get<ErrorResponse>(
        '/api/rankings/migrant_stock?groupBy=m49region&incomeFiscalYear=FY25',
        400,
      );
      expect(byRegion.error.details[0]?.message).toMatch(/groupBy=m49region groups by M49 instead$/);
      // A counterpart of GDP named the period (with one) or nothing was found at all (series).
      for (const url of [
        '/api/rankings/gdp_usd?counterpart=USA&period=2020',
        '/api/series?indicator=gdp_usd&areas=PHL&counterpart=USA',
      ]) {
        const body = await get<ErrorResponse>(url, 400);
        expect(body.error.details).toEqual([
          {
            field: 'counterpart',
            message: expect.stringMatching(
              /^applies only to an indicator with counterpart areas \(origins, senders\), and gdp_usd has none in wdi-gdp-datahub-2023(, wdi-gdidata-2025)?; indicators with counterparts: .*migrant_stock.*remittance_cost_pct/,
            ) as string,
          },
        ]);
      }
      // Where they apply, they work as before.
      const grouped = await get<RankingResponse>(
        '/api/rankings/migrant_stock?groupBy=incomeGroup&incomeFiscalYear=FY25',
      );
      expect(grouped.grouping?.fiscalYearLabel).toBe('FY25');
      const fromMexico = await get<SeriesResponse>('/api/series?indicator=migrant_stock&areas=USA&counterpart=MEX');
      expect(fromMexico.series.length).toBeGreaterThan(0);
    });

    it('tells a huge number once, by the parameter’s own range', async () => {
      const body = await get<ErrorResponse>('/api/rankings/migrant_stock?limit=99999999999999999999999', 400);
      expect(body.error.details).toEqual([
        { field: 'limit', message: 'must be at most 1000 (a whole number from 1 to 1000)' },
      ]);
      expect(body.error.message).toBe('limit: must be at most 1000 (a whole number from 1 to 1000)');
    });

    it('answers an over-long path parameter with 414 in the API’s error shape, not echoing it', async () => {
      const long = 'A'.repeat(150);
      const body = await get<ErrorResponse>(`/api/profiles/${long}`, 414);
      expect(body.error).toMatchObject({ code: 'invalid_parameter', details: [{ field: 'path' }] });
      expect(JSON.stringify(body)).not.toContain(long);
    });

    it('finds an area by lower-case code and by a publisher alias', async () => {
      const c = await get<CorridorResponse>('/api/corridors/mex/usa');
      expect([c.from.code, c.to.code]).toEqual(['MEX', 'USA']);
      // The World Bank's CHI is the Channel Islands, XCX here (data/reference/non-iso-areas.csv).
      const islands = await get<CorridorResponse>('/api/corridors/chi/GBR');
      expect(islands.from).toMatchObject({ code: 'XCX', name: 'Channel Islands' });
    });
  });

  it('documents the endpoints in the OpenAPI document, with the 406 of an Accept they cannot serve', async () => {
    interface Operation {
      parameters?: { name: string; in: string; description?: string }[];
      responses: Record<string, { description: string; content?: Record<string, unknown> }>;
    }
    const doc = await get<{ paths: Record<string, { get: Operation }> }>('/api/openapi.json');
    const answers = [
      '/api/datasets',
      '/api/datasets/{id}',
      '/api/indicators',
      '/api/profiles/{code}',
      '/api/corridors/{from}/{to}',
      '/api/rankings/{indicator}',
      '/api/series',
    ];
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(answers));
    for (const path of answers) {
      const get = doc.paths[path]?.get;
      expect(Object.keys(get?.responses ?? {}), path).toContain('406');
      expect(get?.responses['406']?.description).toMatch(/neither application\/json nor text\/csv/);
      const format = get?.parameters?.find((p) => p.in === 'query' && p.name === 'format');
      expect(format?.description, path).toMatch(/Accept header chooses.*406/);
    }
    // A bundled file is sent as it is, whatever the Accept.
    expect(Object.keys(doc.paths['/api/datasets/{id}/files/{name}']?.get.responses ?? {})).not.toContain('406');
    // Answers with no path parameter have nothing to be not found: no 404 is listed (the series'
    // unknown areas are a 400).
    for (const path of ['/api/datasets', '/api/indicators'])
      expect(Object.keys(doc.paths[path]?.get.responses ?? {}).sort(), path).toEqual(['200', '304', '400', '406']);
    // What may be on its way while the first start loads is a 503 there.
    expect(Object.keys(doc.paths['/api/series']?.get.responses ?? {}).sort()).toEqual([
      '200',
      '304',
      '400',
      '406',
      '503',
    ]);
    // Each answer in JSON or CSV says both, so that generated clients can ask for either; a
    // bundled file is its own type.
    for (const path of answers)
      expect(Object.keys(doc.paths[path]?.get.responses['200']?.content ?? {}), path).toEqual([
        'application/json',
        'text/csv',
      ]);
    expect(Object.keys(doc.paths['/api/datasets/{id}/files/{name}']?.get.responses['200']?.content ?? {})).toContain(
      'application/gzip',
    );
    const series = doc.paths['/api/series']?.get;
    for (const name of ['areas', 'counterpart'])
      expect(series?.parameters?.find((p) => p.name === name)?.description, name).toMatch(
        /no country or area has .* 400/,
      );
  });
});
