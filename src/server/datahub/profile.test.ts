import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdmxOwnDimensions } from '../../core/sdmx-ids.js';
import type { CorridorResponse, ProfileResponse } from '../../core/statistics.js';
import { testEngines } from '../../../tests/helpers/database.js';
import { diocImporters } from '../importers/dioc.js';
import { knomadBilateral2021, knomadInflows2023 } from '../importers/knomad.js';
import { odaDac2a } from '../importers/oda.js';
import { rpwDatabankCorridors } from '../importers/rpw.js';
import { undesaIms2020, undesaIms2024 } from '../importers/undesa-ims.js';
import { unhcrDisplacement } from '../importers/unhcr.js';
import { wdiGdidata2025, wdiGdpDatahub, wdiPopulationDatahub } from '../importers/wdi.js';
import { getCsv, getJson, startDatahub, type DatahubTestApp } from './datahub.test-helpers.js';
import { countryProfile } from './profile.service.js';

/** Country profiles on the publishers' real files; expected figures are the publishers' own. */
describe.each(testEngines())('country profile on %s', (engine) => {
  let hub: DatahubTestApp;
  const profile = (url: string) => getJson<ProfileResponse>(hub.app, url);
  const sdmxCsv = async (url: string) => {
    const res = await hub.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return parse(res.body, { columns: true }) as Record<string, string>[];
  };

  beforeAll(async () => {
    hub = await startDatahub(engine, [
      undesaIms2024,
      undesaIms2020,
      wdiGdidata2025,
      wdiPopulationDatahub,
      wdiGdpDatahub,
      knomadInflows2023,
      knomadBilateral2021,
      odaDac2a,
      rpwDatabankCorridors,
      unhcrDisplacement,
      ...diocImporters,
    ]);
  }, 400_000);
  afterAll(async () => {
    await hub.close();
  });

  describe('migration', () => {
    it('says why there is no immigrants’ share where the edition has no immigrants, not that the population is missing', async () => {
      // Kosovo: UN DESA gives no figure for it; the World Bank's population has it.
      const p = await profile('/api/profiles/XKX');
      expect(p.migration.immigrants.series).toEqual([]);
      expect(p.migration.immigrants.share.method).toBe('Not computed: the edition gives no immigrants for this area.');
      const population = await getJson<{ series: { points: { value: number }[] }[] }>(
        hub.app,
        '/api/series?indicator=population&areas=XKX&from=2024',
      );
      expect(population.series[0]?.points[0]?.value).toBe(1_594_353);
      expect((await profile('/api/profiles/XKX?lang=fr')).migration.immigrants.share.method).toBe(
        'Non calculé\u00a0: l’édition ne donne aucun immigré pour cette zone.',
      );
    });

    it('gives the emigrants as a share of the population living in the country, as the World Bank Factbook does', async () => {
      const p = await profile('/api/profiles/PHL');
      const latest = p.migration.emigrants.series.at(-1);
      // UN DESA 2024: 6,988,383 Filipinos abroad in 2024; wdi/population.csv.gz, row Philippines, PHL,
      // 2024: 115,843,670 living in the Philippines. 6,988,383 / 115,843,670 × 100 = 6.03265.
      expect(latest).toMatchObject({ period: '2024', total: 6_988_383, population: 115_843_670 });
      expect(latest?.sharePct).toBeCloseTo(6.0326, 4);
      // The same population as the immigrants' share, said so.
      expect(p.migration.immigrants.series.at(-1)?.population).toBe(115_843_670);
      expect(p.migration.emigrants.share).toEqual({
        computedBy: 'Bridges',
        method: expect.stringMatching(
          /^Emigrants \(sum over all destinations.*÷ total population of the country × 100, same year: emigrants per 100 people living in it .*Population: population from wdi-population-datahub-2024/,
        ),
      });
      const { rows } = await getCsv(hub.app, '/api/profiles/PHL?format=csv');
      const share = rows.find((r) => r.measure === 'emigrants_share_of_population' && r.period === '2024');
      expect(share).toMatchObject({ value: '6.0326', unit: 'percent', computed_by: 'Bridges' });
      // It cites the population it divides by as well as UN DESA.
      expect(share?.dataset).toBe('undesa-ims-2024 | wdi-population-datahub-2024');
      // Kosovo: UN DESA gives no emigrants from it either, and says so rather than blaming the population.
      expect((await profile('/api/profiles/XKX')).migration.emigrants.share.method).toBe(
        'Not computed: the edition gives no emigrants from this area.',
      );
    });

    it('counts Filipinos abroad in the latest UN DESA revision, with their top destinations', async () => {
      const p = await profile('/api/profiles/PHL');
      expect(p.area).toEqual({ code: 'PHL', name: 'Philippines', kind: 'country' });
      expect(p.edition).toBe('undesa-ims-2024');
      expect(p.availableEditions.map((e) => e.id)).toEqual(['undesa-ims-2024', 'undesa-ims-2020']);
      const emigrants = p.migration.emigrants;
      expect(emigrants.series.map((s) => s.period)).toEqual([
        '1990',
        '1995',
        '2000',
        '2005',
        '2010',
        '2015',
        '2020',
        '2024',
      ]);
      expect(emigrants.latest).toMatchObject({ period: '2024', total: 6_988_383 });
      expect(emigrants.series.find((s) => s.period === '2020')?.total).toBe(6_461_086);
      expect((emigrants.latest?.male ?? 0) + (emigrants.latest?.female ?? 0)).toBe(6_988_383);
      expect(p.migration.topDestinations.period).toBe('2024');
      // undesa_ims2024_bilateral_by_sex.csv.gz, rows origin_iso3 = PHL, year = 2024: male + female
      // summed by dest_iso3, the ten largest (11th: TWN 151,810).
      expect(p.migration.topDestinations.items.map((d) => [d.area.code, d.total])).toEqual([
        ['USA', 2_263_697],
        ['CAN', 835_779],
        ['SAU', 755_432],
        ['ARE', 528_527],
        ['AUS', 356_833],
        ['JPN', 319_772],
        ['MYS', 255_520],
        ['KWT', 210_397],
        ['QAT', 178_516],
        ['GBR', 176_515],
      ]);
      expect(p.migration.sources.map((s) => s.dataset)).toContain('undesa-ims-2024');
    });

    it('says where the latest totals repeat the period before exactly, in the edition that does', async () => {
      // UN DESA 2024 repeats 2020 for the Philippines as a destination (the dataset's caveats).
      const p = await profile('/api/profiles/PHL');
      const at = (period: string) => p.migration.immigrants.series.find((s) => s.period === period);
      expect(at('2024')).toMatchObject({
        total: at('2020')?.total,
        male: at('2020')?.male,
        female: at('2020')?.female,
      });
      expect(p.migration.immigrants.latestRepeats).toEqual({ period: '2024', previous: '2020' });
      // Its emigrants do not repeat, nor do its immigrants in the 2020 revision.
      expect(p.migration.emigrants.latestRepeats).toBeNull();
      const rev2020 = await profile('/api/profiles/PHL?edition=undesa-ims-2020');
      expect(rev2020.migration.immigrants.latestRepeats).toBeNull();
      expect((await profile('/api/profiles/MEX')).migration.immigrants.latestRepeats).toBeNull();
    });

    it('says on each CSV row of a repeated figure that it repeats, in the language asked', async () => {
      const repeats = {
        en: "Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)",
        fr: 'Reprend exactement le chiffre de 2020\u00a0: lire l’évolution de 2020 à 2024 comme non estimée, non comme nulle (voir les mises en garde du jeu de données)',
      };
      const derived = {
        en: "Computed from a figure that repeats the 2020 figure exactly: read that figure's change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)",
        fr: 'Calculé à partir d’un chiffre qui reprend exactement celui de 2020\u00a0: lire l’évolution de ce chiffre de 2020 à 2024 comme non estimée, non comme nulle (voir les mises en garde du jeu de données)',
      };
      const json = await profile('/api/profiles/PHL');
      for (const lang of ['en', 'fr'] as const) {
        const { rows } = await getCsv(hub.app, `/api/profiles/PHL?format=csv&lang=${lang}`);
        const noted = rows.filter((r) => r.note !== '');
        // The Philippines' immigrants of 2024, by sex, and the top origins of 2024 (the
        // Philippines their destination), each on its own row; their shares computed from them.
        const immigrants2024 = rows.filter((r) => r.measure === 'immigrants' && r.period === '2024');
        expect(immigrants2024.map((r) => [r.sex, r.note])).toEqual([
          ['_T', repeats[lang]],
          ['M', repeats[lang]],
          ['F', repeats[lang]],
        ]);
        const origins = rows.filter((r) => r.measure === 'top_origin');
        expect(origins).toHaveLength(json.migration.topOrigins.items.length * 3);
        expect(origins.every((r) => r.period === '2024' && r.note === repeats[lang])).toBe(true);
        const originShares = rows.filter((r) => r.measure === 'top_origin_share');
        expect(originShares.length).toBeGreaterThan(0);
        expect(originShares.every((r) => r.note === derived[lang])).toBe(true);
        expect(
          rows.filter((r) => r.measure === 'immigrants_share_of_population' && r.note !== '').map((r) => r.period),
        ).toEqual(['2024']);
        const figures = ['immigrants', 'top_origin', 'unknown_origin'];
        const computed = ['immigrants_share_of_population', 'top_origin_share'];
        for (const r of noted) {
          expect(r.period, r.measure).toBe('2024');
          // The share's row cites the population it divides by too.
          expect(r.dataset?.split(' | ')[0], r.measure).toBe('undesa-ims-2024');
          expect([...figures, ...computed], r.measure).toContain(r.measure);
          expect(r.note, r.measure).toBe(computed.includes(r.measure ?? '') ? derived[lang] : repeats[lang]);
        }
        // 2020's own rows, the emigrants (which do not repeat) and Revision 2020's say nothing.
        for (const r of rows.filter(
          (r) =>
            (r.measure === 'immigrants' && r.period === '2020') ||
            r.measure?.startsWith('emigrants') ||
            r.measure?.startsWith('top_destination') ||
            r.measure?.endsWith('_other_edition'),
        ))
          expect(r.note, `${r.measure ?? ''} ${r.period ?? ''}`).toBe('');
      }
      // Viewed in Revision 2020, its own rows say nothing; Revision 2024's beside them still do.
      const { rows: rev2020 } = await getCsv(hub.app, '/api/profiles/PHL?edition=undesa-ims-2020&format=csv&lang=fr');
      expect(rev2020.filter((r) => r.note !== '').map((r) => [r.measure, r.period, r.sex, r.dataset, r.note])).toEqual(
        ['_T', 'M', 'F'].map((sex) => ['immigrants_other_edition', '2024', sex, 'undesa-ims-2024', repeats.fr]),
      );
      // Nothing repeats in Mexico's profile.
      const { rows: mexico } = await getCsv(hub.app, '/api/profiles/MEX?format=csv');
      expect(mexico.length).toBeGreaterThan(0);
      expect(mexico.filter((r) => r.note !== '')).toEqual([]);
    });

    it('marks a top destination whose figures only repeat the period before, in the JSON and its CSV rows', async () => {
      const repeats =
        'Repite exactamente la cifra de 2020: la variación de 2020 a 2024 debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)';
      const derived =
        'Calculado a partir de una cifra que repite exactamente la de 2020: la variación de esa cifra de 2020 a 2024 debe leerse como no estimada, no como nula (véanse las advertencias del conjunto de datos)';
      // Tuvaluans abroad: 35 live in Niue in 2024 (23 men, 12 women), its 7th destination, as in
      // 2020: UN DESA 2024 repeats Niue's 2020 figures (the dataset's caveats). No other repeats.
      const tuvalu = await profile('/api/profiles/TUV');
      const destinations = tuvalu.migration.topDestinations;
      expect(destinations.period).toBe('2024');
      expect(
        destinations.items.filter((i) => i.repeats !== null).map((i) => [i.rank, i.area.code, i.total, i.repeats]),
      ).toEqual([[7, 'NIU', 35, { period: '2024', previous: '2020' }]]);
      // Its emigrants as a whole moved (only a part of them repeats): their total does not repeat.
      expect(tuvalu.migration.emigrants.latestRepeats).toBeNull();
      const { rows } = await getCsv(hub.app, '/api/profiles/TUV?format=csv&lang=es');
      expect(rows.filter((r) => r.note !== '').map((r) => [r.measure, r.partner, r.sex, r.note])).toEqual([
        ['top_destination', 'NIU', '_T', repeats],
        ['top_destination', 'NIU', 'M', repeats],
        ['top_destination', 'NIU', 'F', repeats],
        ['top_destination_share', 'NIU', '_T', derived],
      ]);
      // In Revision 2020 Niue keeps its totals of 2015 but not its women by origin: Tuvaluans there
      // were 36 (13 women), then 35 (12), its 10th destination. A figure that moved is no repeat.
      const rev2020 = await profile('/api/profiles/TUV?edition=undesa-ims-2020');
      const niue = rev2020.migration.topDestinations.items.find((i) => i.area.code === 'NIU');
      expect(niue).toMatchObject({ rank: 10, total: 35, female: 12, repeats: null });
      expect(rev2020.migration.topDestinations.items.filter((i) => i.repeats !== null)).toEqual([]);
      const { rows: rev2020Rows } = await getCsv(hub.app, '/api/profiles/TUV?edition=undesa-ims-2020&format=csv');
      expect(rev2020Rows.filter((r) => r.measure?.startsWith('top_destination') && r.note !== '')).toEqual([]);
    });

    it('marks a top origin only where its own figures repeat with its destination’s', async () => {
      // Niue as a destination: Revision 2024 repeats all of 2020, every origin's figures with them.
      const rev2024 = await profile('/api/profiles/NIU');
      const origins = rev2024.migration.topOrigins;
      expect(origins.items.length).toBeGreaterThan(0);
      expect(origins.items.every((i) => i.repeats?.period === '2024' && i.repeats.previous === '2020')).toBe(true);
      expect(origins.unknownOrigin?.repeats).toEqual({ period: '2024', previous: '2020' });
      // Revision 2020 keeps its totals of 2015 in 2020 (588: 319 men, 269 women), but its women by
      // origin moved (New Zealand's 157 became 164): the totals repeat, no origin's figures do.
      const rev2020 = await profile('/api/profiles/NIU?edition=undesa-ims-2020');
      expect(rev2020.migration.immigrants.latestRepeats).toEqual({ period: '2020', previous: '2015' });
      expect(rev2020.migration.topOrigins.items.find((i) => i.area.code === 'NZL')).toMatchObject({
        total: 342,
        male: 178,
        female: 164,
        repeats: null,
      });
      expect(rev2020.migration.topOrigins.items.filter((i) => i.repeats !== null)).toEqual([]);
      expect(rev2020.migration.topOrigins.unknownOrigin?.repeats).toBeNull();
      // Each edition beside says its own repeat.
      expect(rev2020.migration.otherEditions.map((o) => [o.dataset, o.latestRepeats])).toEqual([
        ['undesa-ims-2024', { immigrants: { period: '2024', previous: '2020' }, emigrants: null }],
      ]);
      const { rows } = await getCsv(hub.app, '/api/profiles/NIU?edition=undesa-ims-2020&format=csv');
      expect(
        rows
          .filter((r) => r.note !== '' && !r.measure?.endsWith('_other_edition'))
          .map((r) => [r.measure, r.period, r.sex]),
      ).toEqual(['_T', 'M', 'F'].map((sex) => ['immigrants', '2020', sex]));
    });

    it('switches to the 2020 revision on request', async () => {
      const p = await profile('/api/profiles/PHL?edition=undesa-ims-2020');
      expect(p.edition).toBe('undesa-ims-2020');
      expect(p.migration.emigrants.latest).toMatchObject({ period: '2020', total: 6_094_307 });
      expect(p.migration.sources.map((s) => s.dataset)).toContain('undesa-ims-2020');
      // The 2024 revision only as the other edition beside it.
      expect(p.migration.otherEditions.map((o) => o.dataset)).toEqual(['undesa-ims-2024']);
      expect(p.migration.otherEditions[0]?.emigrants.at(-1)).toMatchObject({ period: '2024', total: 6_988_383 });
    });

    it('sets the other edition’s totals beside, summed the same way, where the editions disagree', async () => {
      const p = await profile('/api/profiles/PHL');
      const [other, ...more] = p.migration.otherEditions;
      expect(more).toEqual([]);
      expect(other).toMatchObject({ dataset: 'undesa-ims-2020', edition: 'Revision 2020', totalPublished: false });
      // The sums of undesa_ims2020_bilateral_by_sex.csv (dest_iso3 = PHL), equal to the UN's own
      // workbook of totals by destination (undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx):
      // Revision 2020 has three times the immigrants Revision 2024 gives for 2020 (87,212).
      expect(other?.immigrants.map((q) => [q.period, q.total])).toEqual([
        ['1990', 154_071],
        ['1995', 207_345],
        ['2000', 318_095],
        ['2005', 257_468],
        ['2010', 208_599],
        ['2015', 211_862],
        ['2020', 225_525],
      ]);
      expect(p.migration.immigrants.series.find((q) => q.period === '2020')?.total).toBe(87_212);
      expect(other?.emigrants.at(-1)).toMatchObject({ period: '2020', total: 6_094_307 });
      const male = other?.immigrants.at(-1)?.male ?? 0;
      const female = other?.immigrants.at(-1)?.female ?? 0;
      expect(male + female).toBe(225_525);
      // Cited, and in the CSV under its own edition.
      expect(p.migration.sources.map((s) => s.dataset)).toContain('undesa-ims-2020');
      const { rows } = await getCsv(hub.app, '/api/profiles/PHL?format=csv');
      const immigrants2020 = rows.filter(
        (r) =>
          ['immigrants', 'immigrants_other_edition'].includes(r.measure ?? '') && r.period === '2020' && r.sex === '_T',
      );
      expect(immigrants2020.map((r) => [r.measure, r.dataset, r.value])).toEqual([
        ['immigrants', 'undesa-ims-2024', '87212'],
        ['immigrants_other_edition', 'undesa-ims-2020', '225525'],
      ]);
    });

    it('reports unknown origins apart from the top origins, and the share of the population', async () => {
      const p = await profile('/api/profiles/USA?lang=fr');
      const origins = p.migration.topOrigins;
      expect(origins.items[0]).toMatchObject({ rank: 1, area: { code: 'MEX', name: 'Mexique' }, total: 11_279_561 });
      expect(origins.items.some((o) => o.area.code === 'OOO')).toBe(false);
      expect(origins.unknownOrigin?.total).toBe(3_519_423);
      const latest = p.migration.immigrants.latest;
      expect(latest).toMatchObject({ period: '2024', total: 52_375_047 });
      expect(p.migration.immigrants.population).toMatchObject({ indicator: 'population', multiplier: 1 });
      // wdi/population.csv.gz, row United States, USA, 2024: 340,110,988.
      expect(latest?.population).toBe(340_110_988);
      expect(latest?.sharePct).toBeCloseTo(15.3994, 4); // 52,375,047 / 340,110,988 × 100 = 15.39940

      expect(p.migration.immigrants.share.computedBy).toBe('Bridges');
      expect(p.migration.sources.map((s) => s.dataset).sort()).toEqual([
        'undesa-ims-2020',
        'undesa-ims-2024',
        'wdi-population-datahub-2024',
      ]);
    });
  });

  it('ranks no partner whose figure is 0 among the top ten', async () => {
    // UN DESA 2024 prints Tuvalu's emigrants in Bulgaria, Finland, Guinea, Norway and Slovakia as 0.
    const p = await profile('/api/profiles/TUV');
    const destinations = p.migration.topDestinations.items;
    expect(destinations.map((d) => d.area.code)).toEqual([
      'FJI',
      'KIR',
      'AUS',
      'WSM',
      'TKL',
      'NRU',
      'NIU',
      'GRC',
      'DNK',
    ]);
    expect(destinations.at(-1)?.total).toBe(2);
  });

  describe('remittances', () => {
    it('labels every series with its source, converts US$ millions explicitly, and sets it against GDP', async () => {
      const p = await profile('/api/profiles/PHL');
      const r = p.remittances;
      const knomad = r.flows.find((f) => f.indicator === 'remittance_inflows_usd_m');
      expect(knomad).toMatchObject({
        flow: 'remittances_received',
        dataset: 'knomad-inflows-2023-12',
        unit: 'US$ millions',
        toUsd: 1e6,
      });
      expect(knomad?.conversion).toMatch(/× 1e6/);
      const y2023 = knomad?.points.find((pt) => pt.period === '2023');
      expect(y2023).toMatchObject({ value: 40_000, valueUsd: 40_000_000_000, status: 'E' });
      // wdi/gdp.csv.gz, row Philippines, PHL, 2023: 437146372729.94244 current US$.
      expect(r.gdp?.points.find((pt) => pt.period === '2023')?.valueUsd).toBeCloseTo(437_146_372_729.94, 2);
      expect(y2023?.pctOfGdp).toBeCloseTo(9.1503, 4); // 40e9 / 437,146,372,729.94 × 100 = 9.15025
      expect(r.pctOfGdp.computedBy).toBe('Bridges');
      // Beside it, the share KNOMAD printed with the IMF's GDP (workbook cell Z154).
      expect(r.publishedPctOfGdp).toEqual([
        {
          indicator: 'remittance_inflows_pct_gdp',
          dataset: 'knomad-inflows-2023-12',
          unit: 'percent of GDP',
          points: [{ period: '2023', value: 9.1743119266055047, status: 'E' }],
        },
      ]);
      expect(p.dataflows.map((f) => f.flow)).toContain('KNOMAD_INFLOWS_2023_12_REMITTANCE_INFLOWS_PCT_GDP');

      const wdi = r.flows.find((f) => f.indicator === 'remittances_received_usd');
      expect(wdi).toMatchObject({ dataset: 'wdi-gdidata-2025', toUsd: 1 });
      expect(r.flows.map((f) => f.flow)).toEqual(
        expect.arrayContaining(['remittances_received', 'remittances_sent', 'oda_received', 'fdi_inflows']),
      );
      const oda = r.flows.find((f) => f.flow === 'oda_received');
      expect(oda).toMatchObject({ dataset: 'oecd-dac2a-2025', unit: 'US$ millions', toUsd: 1e6 });
      expect(r.sources.map((s) => s.dataset)).toEqual(
        expect.arrayContaining([
          'knomad-inflows-2023-12',
          'wdi-gdidata-2025',
          'oecd-dac2a-2025',
          'knomad-bilateral-2021',
        ]),
      );
    });

    it('gives Afghanistan’s ODA of 2021 and Mexico’s top sending country', async () => {
      const afg = await profile('/api/profiles/AFG');
      const oda = afg.remittances.flows.find((f) => f.flow === 'oda_received');
      expect(oda?.points.find((pt) => pt.period === '2021')?.value).toBeCloseTo(4_691.7, 1);
      const mex = await profile('/api/profiles/MEX');
      const top = mex.remittances.topSendingCorridors;
      expect(top).toMatchObject({ dataset: 'knomad-bilateral-2021', period: '2021', unit: 'US$ millions' });
      expect(top.items[0]?.area.code).toBe('USA');
      expect(Math.round((top.items[0]?.valueUsdMillions ?? 0) / 100) / 10).toBe(52.6);
      expect(top.items.some((i) => i.area.kind === 'aggregate')).toBe(false);
    });
  });

  describe('cost of sending money', () => {
    it('flags corridors above 5 % and gives the unweighted mean as computed by Bridges', async () => {
      const p = await profile('/api/profiles/MEX');
      const usa = p.cost.corridors.find((c) => c.from.code === 'USA' && c.to.code === 'MEX');
      expect(usa).toMatchObject({
        direction: 'inbound',
        amountUsd: '200',
        aboveFive: false,
        latest: { period: '2020-Q3' },
      });
      expect(usa?.latest.value).toBeCloseTo(4.18, 2);
      expect(p.cost.sdg).toMatchObject({ averageBelowPct: 3, corridorCeilingPct: 5 });
      for (const c of p.cost.corridors) expect(c.aboveFive).toBe(c.latest.value > 5);
      // rpw_databank_corridors_2011Q1_2020Q3_wide.csv.gz, receiving MEX: of the 48 sending
      // countries only USA (line 5281) is priced in 2020Q3, the latest round: 4.18037033081055.
      const mean = p.cost.means.find((m) => m.direction === 'inbound');
      expect(mean).toMatchObject({
        computedBy: 'Bridges',
        period: '2020-Q3',
        corridorCount: 1,
        corridorsAboveFive: 0,
        belowThree: false,
      });
      // A mean of one corridor is that corridor's value, not a rounding of it that a page could show
      // one hundredth apart from the corridor's own bar (Palestine: 6.2249999 became 6.225).
      expect(mean?.meanPct).toBe(usa?.latest.value);
      expect(p.cost.sources.map((s) => s.dataset)).toEqual(['rpw-corridors-2020q3']);
      // The Philippines, receiving from 14 countries priced in 2020Q3 (same file, lines 191–5297,
      // column "2020Q3 [YR2020Q3]"): AUS 4.198, CAN 4.847, ITA 5.570, JPN 9.189, KWT 4.143, MYS 3.726,
      // NZL 6.193, QAT 4.402, SAU 3.590, SGP 2.316, ESP 4.056, ARE 3.075, GBR 3.893, USA 3.638.
      // Unweighted mean 62.835753 / 14 = 4.488268; above 5 %: ITA, JPN, NZL.
      const phl = await profile('/api/profiles/PHL');
      expect(phl.cost.means.find((m) => m.direction === 'inbound')).toMatchObject({
        computedBy: 'Bridges',
        dataset: 'rpw-corridors-2020q3',
        period: '2020-Q3',
        corridorCount: 14,
        corridorsAboveFive: 3,
        belowThree: false,
      });
      expect(phl.cost.means.find((m) => m.direction === 'inbound')?.meanPct).toBeCloseTo(4.488268, 6);
    });
  });

  describe('refugees and emigrants in OECD countries', () => {
    it('gives Afghans abroad by group and country of asylum', async () => {
      const p = await profile('/api/profiles/AFG');
      const from = p.refugees.fromCountry;
      expect(p.refugees.dataset).toBe('unhcr-displacement-2024');
      expect(from.latestPeriod).toBe('2024');
      // UNHCR's mid-year release, provisional; the end-year figures before it are not.
      expect(from.latestStatus).toBe('P');
      expect(from.trend.filter((t) => t.status !== 'A').map((t) => t.period)).toEqual(['2024']);
      const y2023 = from.trend.find((t) => t.period === '2023');
      expect(Math.round((y2023?.byGroup.refugee ?? 0) / 1e4) / 100).toBe(6.4); // millions
      expect(from.top.slice(0, 2).map((t) => t.area.code)).toEqual(['IRN', 'PAK']);
      expect(p.refugees.withinCountry.byGroup.idp).toBeGreaterThan(0);
      // Returns are flows during the year (UNHCR's caveat): beside the total, never in it.
      for (const side of [p.refugees.withinCountry, p.refugees.fromCountry, p.refugees.hosted]) {
        const stocks = Object.entries(side.byGroup).filter(([g]) => !g.includes('return'));
        expect(side.total).toBe(stocks.reduce((sum, [, v]) => sum + v, 0));
      }
      expect(Object.keys(p.refugees.withinCountry.byGroup).some((g) => g.includes('return'))).toBe(true);
      // The answer says so, and labels each group once, by the code the data use.
      expect(p.refugees.totals.method).toMatch(/Returned refugees and Returned IDPs .* never added to a total/);
      expect(Object.keys(p.refugees.groups).sort()).toEqual(
        ['asylum', 'idp', 'idp return', 'other', 'refugee', 'refugee return', 'stateless'].sort(),
      );
      expect(p.refugees.sources.map((s) => s.dataset)).toEqual(['unhcr-displacement-2024']);
    });

    it('counts no one as displaced within "unknown": UNHCR’s unknown asylum and origin are hosted there', async () => {
      // unhcr_forcibly_displaced_by_origin_asylum_1990_2024.csv.gz, 1999: OOO,OOO,asylum,1027400,
      // and returns from an unknown country by origin (BIH 558, ERI 289, KAZ 9,732 …): 10,683.
      const r = (await profile('/api/profiles/OOO')).refugees;
      expect(r.withinCountry.trend).toEqual([]);
      expect(r.withinCountry.total).toBeNull();
      expect(r.hosted.trend.find((t) => t.period === '1999')?.byGroup).toEqual({
        asylum: 1_027_400,
        'refugee return': 10_683,
      });
      // A country's own, by contrast, are within it (Afghanistan's IDPs, above).
      expect((await profile('/api/profiles/COL')).refugees.withinCountry.byGroup.idp).toBeGreaterThan(0);
    });

    it('gives a corridor’s displaced people by group, returns apart, as UNHCR prints them', async () => {
      const c = await getJson<CorridorResponse>(hub.app, '/api/corridors/SYR/TUR');
      const d = c.displaced;
      expect(d.dataset).toBe('unhcr-displacement-2024');
      // The file's rows 2011 and 2023, TUR (asylum) × SYR (origin).
      expect(d.trend.find((p) => p.period === '2011')).toEqual({
        period: '2011',
        total: 205 + 9270 + 19,
        byGroup: { asylum: 205, other: 9270, refugee: 19 },
        status: 'A',
      });
      expect(d.trend.find((p) => p.period === '2023')).toEqual({
        period: '2023',
        total: 3214780,
        byGroup: { refugee: 3214780, 'refugee return': 19865 },
        status: 'A',
      });
      // Mid-2024: UNHCR's mid-year release, provisional.
      expect(d.trend.at(-1)).toMatchObject({ period: '2024', status: 'P' });
      expect(d.totals.method).toContain('never added to a total');
      expect(d.sources.map((s) => s.dataset)).toEqual(['unhcr-displacement-2024']);
      expect(c.sources.map((s) => s.dataset)).toContain('unhcr-displacement-2024');
      expect(c.dataflows.map((f) => f.indicator)).toContain('forcibly_displaced');
      // In the CSV, the groups as published (the total is Bridges' sum, in the JSON only).
      const { rows } = await getCsv(hub.app, '/api/corridors/SYR/TUR?format=csv');
      const returns = rows.filter((r) => r.measure === 'forcibly_displaced' && r.group === 'refugee return');
      expect(returns.find((r) => r.period === '2023')).toMatchObject({
        from: 'SYR',
        from_name: 'Syrian Arab Republic',
        to: 'TUR',
        to_name: 'Türkiye',
        value: '19865',
        status: 'A',
      });
      expect(returns.find((r) => r.period === '2024')?.status).toBe('P');
      expect(returns.every((r) => r.dataset === 'unhcr-displacement-2024')).toBe(true);
      // UN DESA prints men and women only: the both-sexes stock is Bridges' sum, and says so.
      const stocks = rows.filter((r) => r.measure === 'migrant_stock');
      expect(stocks.length).toBeGreaterThan(0);
      expect(new Set(stocks.map((r) => `${r.sex}:${r.computed_by ?? ''}`))).toEqual(
        new Set(['_T:Bridges (male + female)', 'M:', 'F:']),
      );
      const [m, f, t] = ['M', 'F', '_T'].map(
        (sex) => stocks.find((r) => r.sex === sex && r.period === '2020' && r.dataset === 'undesa-ims-2024')?.value,
      );
      expect(Number(t)).toBe(Number(m) + Number(f));
      expect(c.migrantStock.editions.map((e) => e.totalPublished)).toEqual([false, false]);
      // The other way round, people from Türkiye in Syria: UNHCR's smallest printed figures.
      const back = await getJson<CorridorResponse>(hub.app, '/api/corridors/TUR/SYR');
      expect(back.displaced.trend.find((p) => p.period === '2023')).toEqual({
        period: '2023',
        total: 10,
        byGroup: { asylum: 5, refugee: 5 },
        status: 'A',
      });
      // No displacement between two countries: an empty block that cites nothing.
      const none = await getJson<CorridorResponse>(hub.app, '/api/corridors/CAN/NZL');
      expect(none.displaced).toMatchObject({ dataset: null, trend: [], sources: [] });
    });

    it('never adds returns to stocks in a ranking or a series: the group must be chosen', async () => {
      for (const url of [
        '/api/rankings/forcibly_displaced?period=2023',
        '/api/series?indicator=forcibly_displaced&areas=AFG',
      ]) {
        const res = await hub.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        const body = res.json<{ error: { message: string; details: { field: string }[] } }>();
        expect(body.error.details.map((d) => d.field)).toEqual(['dims']);
        expect(body.error.message).toContain('dims=group:');
      }
      // Afghan refugees by country of asylum in 2023: the ranking's total is the profile's figure.
      const ranked = await getJson<{ items: { area: { code: string } }[]; total: { value: number } }>(
        hub.app,
        '/api/rankings/forcibly_displaced?period=2023&dims=group:refugee&counterpart=AFG',
      );
      const afghans = await profile('/api/profiles/AFG');
      const y2023 = afghans.refugees.fromCountry.trend.find((t) => t.period === '2023');
      expect(ranked.items.slice(0, 2).map((i) => i.area.code)).toEqual(['IRN', 'PAK']);
      expect(ranked.total.value).toBe(y2023?.byGroup.refugee);
    });

    it('gives the education and labour-force status of Mexicans in OECD countries, codes documented', async () => {
      const p = await profile('/api/profiles/MEX');
      const { education, labourForce } = p.emigrantsInOecd;
      expect(education).toMatchObject({
        dataset: 'oecd-dioc-2015-age-education',
        dimension: 'edu_lfs',
        total: 11_707_668,
      });
      expect(education.items.map((i) => [i.key, i.value])).toEqual([
        ['low', 6_284_405],
        ['medium', 4_281_265],
        ['tertiary', 1_135_877],
        ['unknown', 6_121],
      ]);
      expect(labourForce).toMatchObject({
        dataset: 'oecd-dioc-2015-labour-force',
        dimension: 'lfs',
        total: 11_706_711,
      });
      expect(labourForce.items.map((i) => [i.key, i.value])).toEqual([
        ['employed', 7_597_410],
        ['unemployed', 409_835],
        ['inactive', 3_627_127],
        ['unknown', 72_339],
      ]);
      expect(p.emigrantsInOecd.codes).toMatch(/3 = tertiary/);
      expect(p.emigrantsInOecd.sources).toHaveLength(2);
      // Under-15s are left out of education, and the answer says which ages stay; labour force keeps all.
      expect(education.kept).toEqual({ age_lfs: ['1', '2', '3'] }); // no Mexican of unknown age (99) in File A
      expect(labourForce.kept).toEqual({});
      // The OECD prints cells, not these totals: each value is Bridges' sum, over what varies between the cells.
      expect(education).toMatchObject({
        computedBy: 'Bridges',
        over: ['sex', 'age_lfs', 'national'], // men and women, the three ages kept, citizens or not
      });
      expect(labourForce.computedBy).toBe('Bridges');
      expect(labourForce.over).toContain('sex');
      // An SDMX client asking for those ages gets the same numbers, category by category.
      const flow = p.dataflows.find((f) => f.dataset === 'oecd-dioc-2015-age-education');
      const own = sdmxOwnDimensions(flow?.dims ?? []);
      const key = ['A', 'MEX', '', '', ...own.map((d) => education.kept[d.key]?.join('+') ?? '')].join('.');
      const rows = await sdmxCsv(`/api/sdmx/data/${flow?.flow ?? ''}/${key}?format=csv`);
      const edu = own.find((d) => d.key === 'edu_lfs')?.id ?? '';
      const sums = new Map<string, number>();
      for (const row of rows) sums.set(row[edu] ?? '', (sums.get(row[edu] ?? '') ?? 0) + Number(row.OBS_VALUE));
      expect(education.items.map((i) => [i.code, sums.get(i.code)])).toEqual(
        education.items.map((i) => [i.code, i.value]),
      );
    });
  });

  it('leaves a block empty, with no sources, where nothing is loaded', async () => {
    // Antarctica: no migrants, money or refugees in any loaded file.
    const p = await profile('/api/profiles/ATA');
    expect(p.migration).toMatchObject({ dataset: null, sources: [], topOrigins: { items: [] } });
    expect(p.remittances).toMatchObject({ flows: [], gdp: null, sources: [] });
    expect(p.cost).toMatchObject({ corridors: [], means: [], sources: [] });
    expect(p.refugees).toMatchObject({ dataset: null, sources: [] });
    expect(p.emigrantsInOecd.education.items).toEqual([]);
    expect(p.sources).toEqual([]);
  });

  it('cites in the whole profile exactly the datasets its blocks cite', async () => {
    const p = await profile('/api/profiles/PHL');
    const blocks = [p.migration, p.remittances, p.cost, p.refugees, p.emigrantsInOecd];
    const cited = new Set(blocks.flatMap((b) => b.sources.map((s) => s.dataset)));
    expect(p.sources.map((s) => s.dataset)).toEqual([...cited].sort());
  });

  it('names the SDMX dataflow behind every block, whose series for the country are the profile’s', async () => {
    const p = await profile('/api/profiles/PHL');
    expect(p.dataflows.map((f) => f.flow)).toEqual([
      'KNOMAD_BILATERAL_2021_REMITTANCE_BILATERAL_USD_M',
      'KNOMAD_INFLOWS_2023_12_REMITTANCE_INFLOWS_PCT_GDP',
      'KNOMAD_INFLOWS_2023_12_REMITTANCE_INFLOWS_USD_M',
      'OECD_DAC2A_2025_ODA_RECEIVED_USD_M',
      'OECD_DIOC_2015_AGE_EDUCATION_DIOC_EMIGRANTS',
      'OECD_DIOC_2015_LABOUR_FORCE_DIOC_EMIGRANTS',
      'RPW_CORRIDORS_2020Q3_REMITTANCE_COST_PCT',
      'UNDESA_IMS_2020_MIGRANT_STOCK',
      'UNDESA_IMS_2024_MIGRANT_STOCK',
      'UNHCR_DISPLACEMENT_2024_FORCIBLY_DISPLACED',
      'WDI_GDIDATA_2025_FDI_INFLOWS_USD',
      'WDI_GDIDATA_2025_REMITTANCES_PAID_USD',
      'WDI_GDIDATA_2025_REMITTANCES_RECEIVED_USD',
      'WDI_GDP_DATAHUB_2023_GDP_USD',
      'WDI_POPULATION_DATAHUB_2024_POPULATION',
    ]);
    expect(new Set(p.dataflows.map((f) => f.dataset))).toEqual(new Set(p.sources.map((s) => s.dataset)));
    expect(p.dataflows.find((f) => f.dataset === 'rpw-corridors-2020q3')?.dims).toEqual(['amount']);
    // Only flows the blocks drew on: each has series of the country, as reference or counterpart
    // area, under the key a client writes from `dims` (every own dimension open).
    for (const code of ['PHL', 'VGB', 'BTN']) {
      const flows = code === 'PHL' ? p.dataflows : (await profile(`/api/profiles/${code}`)).dataflows;
      for (const flow of flows) {
        const open = sdmxOwnDimensions(flow.dims).map(() => '');
        const answers = await Promise.all(
          [
            ['', code, '', '', ...open],
            ['', '', code, '', ...open],
          ].map((key) => hub.app.inject({ method: 'GET', url: `/api/sdmx/data/${flow.flow}/${key.join('.')}` })),
        );
        expect(
          answers.map((a) => a.statusCode),
          `${code} ${flow.flow}`,
        ).toContain(200);
      }
    }
    // The same numbers: remittances received by the Philippines in 2022, WDI through SDMX and in the profile.
    const rows = await sdmxCsv(
      '/api/sdmx/data/WDI_GDIDATA_2025_REMITTANCES_RECEIVED_USD/A.PHL..?startPeriod=2022&endPeriod=2022&format=csv',
    );
    const wdi = p.remittances.flows.find((f) => f.dataset === 'wdi-gdidata-2025' && f.flow === 'remittances_received');
    expect(Number(rows[0]?.OBS_VALUE)).toBe(wdi?.points.find((x) => x.period === '2022')?.value);
  });

  it('carries each dataset’s caveats with its citation', async () => {
    const p = await profile('/api/profiles/PHL');
    const wdi = p.sources.find((s) => s.dataset === 'wdi-gdidata-2025');
    expect(wdi?.caveats).toContain('Philippines 2022: US$ 38.0 bn here');
    expect(p.sources.length).toBeGreaterThan(0);
    expect(p.sources.every((s) => s.caveats === null || s.caveats.length > 20)).toBe(true);
  });

  it('gives the profile as CSV equal to the JSON, every row cited', async () => {
    const json = await profile('/api/profiles/PHL');
    const { rows, disposition } = await getCsv(hub.app, '/api/profiles/PHL?format=csv');
    expect(disposition).toBe('attachment; filename="bridges-profile-PHL.csv"');
    const emigrants = rows.filter((r) => r.measure === 'emigrants' && r.sex === '_T');
    expect(emigrants.map((r) => [r.period, Number(r.value)])).toEqual(
      json.migration.emigrants.series.map((s) => [s.period, s.total]),
    );
    expect(emigrants).toHaveLength(8); // 1990, 1995, …, 2020, 2024
    // Remittances keep the publisher's status on each row (KNOMAD's "2023e": estimated).
    for (const flow of json.remittances.flows)
      expect(
        rows
          .filter(
            (r) =>
              r.block === 'remittances' && r.measure === `${flow.flow}:${flow.indicator}` && r.dataset === flow.dataset,
          )
          .map((r) => [r.period, r.status]),
        flow.dataset,
      ).toEqual(flow.points.map((point) => [point.period, point.status]));
    expect(
      rows.find((r) => r.dataset === 'knomad-inflows-2023-12' && r.period === '2023' && r.block === 'remittances')
        ?.status,
    ).toBe('E');
    expect(emigrants.every((r) => r.dataset === 'undesa-ims-2024' && r.licence === 'CC BY 3.0 IGO')).toBe(true);
    // UN DESA prints no total: every stock of the block is a sum Bridges computed, and says so.
    expect(json.migration.stocks).toMatchObject({ computedBy: 'Bridges', totalPublished: false });
    expect(emigrants.every((r) => r.computed_by === 'Bridges (sum over all destinations and both sexes)')).toBe(true);
    const women = rows.filter((r) => r.measure === 'immigrants' && r.sex === 'F');
    expect(women.length).toBeGreaterThan(0);
    expect(women.every((r) => r.computed_by === 'Bridges (sum over all origins)')).toBe(true);
    const top = rows.filter((r) => r.measure === 'top_destination' && r.sex === '_T');
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((r) => r.computed_by === 'Bridges (male + female)')).toBe(true);
    // Each destination by sex and its share, as the JSON gives them.
    const destinations = json.migration.topDestinations.items;
    for (const [sex, key] of [
      ['M', 'male'],
      ['F', 'female'],
    ] as const)
      expect(
        rows
          .filter((r) => r.measure === 'top_destination' && r.sex === sex)
          .map((r) => [r.partner, Number(r.value), r.computed_by]),
      ).toEqual(destinations.map((d) => [d.area.code, d[key], '']));
    expect(
      rows.filter((r) => r.measure === 'top_destination_share').map((r) => [r.partner, Number(r.value), r.unit]),
    ).toEqual(destinations.map((d) => [d.area.code, d.sharePct, 'percent of all emigrants']));
    const senders = rows.filter((r) => r.measure === 'top_sending_country_share');
    expect(senders.map((r) => [r.partner, Number(r.value), r.computed_by])).toEqual(
      json.remittances.topSendingCorridors.items.map((c) => [c.area.code, c.sharePct, 'Bridges']),
    );
    // Refugees abroad by group sum the countries of asylum; a country's figure sums the stock groups.
    const abroad = rows.filter((r) => r.block === 'refugees' && r.measure === 'from_country');
    expect(abroad.length).toBeGreaterThan(0);
    // Each value carries its status: UNHCR's mid-2024 figures provisional, the years before normal.
    expect(new Set(abroad.map((r) => `${r.period === '2024' ? '2024' : 'before'} ${r.status}`))).toEqual(
      new Set(['before A', '2024 P']),
    );
    expect(abroad.every((r) => r.computed_by === 'Bridges (sum over countries of asylum)')).toBe(true);
    const asylum = rows.filter((r) => r.measure === 'from_country_top');
    expect(asylum.length).toBeGreaterThan(0);
    // A country of asylum's figure is Bridges' where it adds up several stock groups, UNHCR's own
    // where there is one (refugees alone, say).
    const groupsOf = new Map(json.refugees.fromCountry.top.map((x) => [x.area.code, Object.keys(x.byGroup)]));
    expect(asylum.map((r) => r.partner)).toEqual([...groupsOf.keys()]);
    for (const r of asylum)
      expect(r.computed_by, r.partner).toBe(
        (groupsOf.get(r.partner ?? '') ?? []).filter((g) => !g.includes('return')).length > 1
          ? 'Bridges (sum of the stock groups)'
          : '',
      );
    expect(asylum.some((r) => r.computed_by === '')).toBe(true);
    expect(asylum.some((r) => r.computed_by !== '')).toBe(true);
    const shares = rows.filter((r) => r.measure === 'immigrants_share_of_population');
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((r) => r.computed_by === 'Bridges' && r.dataset?.includes(' | '))).toBe(true);
    const printedShare = rows.filter((r) => r.measure === 'remittances_received:remittance_inflows_pct_gdp');
    expect(printedShare.map((r) => [r.period, r.value, r.unit, r.status, r.dataset, r.computed_by])).toEqual([
      ['2023', '9.174311926605505', 'percent of GDP', 'E', 'knomad-inflows-2023-12', ''],
    ]);
    const knomad = rows.filter((r) => r.measure === 'remittances_received:remittance_inflows_usd_m');
    expect(knomad.map((r) => Number(r.value))).toEqual(
      json.remittances.flows.find((f) => f.indicator === 'remittance_inflows_usd_m')?.points.map((pt) => pt.value),
    );
    expect(new Set(rows.map((r) => r.block))).toEqual(
      new Set(['migration', 'remittances', 'cost', 'refugees', 'emigrants_in_oecd']),
    );
    const oecd = rows.filter((r) => r.block === 'emigrants_in_oecd');
    expect(oecd.length).toBeGreaterThan(0);
    expect(oecd.every((r) => r.computed_by?.startsWith("Bridges (sum of the file's cells over sex, "))).toBe(true);
  });

  it('says in the CSV what Bridges computed in the language asked, row for row', async () => {
    const english = (await getCsv(hub.app, '/api/profiles/PHL?format=csv')).rows;
    const french = (await getCsv(hub.app, '/api/profiles/PHL?format=csv&lang=fr')).rows;
    expect(french.map((r) => [r.measure, r.period, r.value])).toEqual(
      english.map((r) => [r.measure, r.period, r.value]),
    );
    const said = new Map(english.map((r, i) => [r.computed_by ?? '', french[i]?.computed_by ?? '']));
    const words: Record<string, string> = {
      '': '',
      Bridges: 'Bridges',
      'Bridges (sum over all destinations and both sexes)':
        'Bridges (somme sur toutes les destinations et les deux sexes)',
      'Bridges (sum over all origins and both sexes)': 'Bridges (somme sur toutes les origines et les deux sexes)',
      'Bridges (sum over all destinations)': 'Bridges (somme sur toutes les destinations)',
      'Bridges (sum over all origins)': 'Bridges (somme sur toutes les origines)',
      'Bridges (male + female)': 'Bridges (hommes + femmes)',
      'Bridges (sum over countries of asylum)': 'Bridges (somme sur les pays d’asile)',
      'Bridges (sum over countries of origin)': 'Bridges (somme sur les pays d’origine)',
      'Bridges (sum of the stock groups)': 'Bridges (somme des groupes de stock)',
    };
    // OECD DIOC's sums, over the dimensions each table has.
    const dioc = "Bridges (sum of the file's cells over ";
    for (const [en, fr] of said)
      expect(fr, en).toBe(
        en.startsWith(dioc) ? en.replace(dioc, 'Bridges (somme des cellules du fichier sur ') : words[en],
      );
    expect([...said.keys()].filter((en) => en.startsWith(dioc)).length).toBeGreaterThan(0);
    expect(said.size).toBeGreaterThan(8);
    // The units too, every one the profile prints in French.
    const units = new Map(english.map((r, i) => [r.unit ?? '', french[i]?.unit ?? '']));
    expect(units).toEqual(
      new Map([
        ['persons', 'personnes'],
        ['percent', 'pourcentage'],
        ['current US$', 'dollars US courants'],
        ['US$ millions', 'millions de dollars US'],
        ['percent of GDP', 'pourcentage du PIB'],
        ['percent of amount sent', 'pourcentage du montant envoyé'],
        ['percent of all immigrants', 'pourcentage de l’ensemble des immigrés'],
        ['percent of all emigrants', 'pourcentage de l’ensemble des émigrés'],
        [
          'percent of the sum over all sending countries in the matrix',
          'pourcentage de la somme sur tous les pays d’envoi de la matrice',
        ],
      ]),
    );
  });

  it('says how it computed its figures in the language asked, profiles and corridors alike, English as before', async () => {
    const english = await profile('/api/profiles/PHL');
    const arabic = await profile('/api/profiles/PHL?lang=ar');
    const french = await profile('/api/profiles/PHL?lang=fr');
    const spanish = await profile('/api/profiles/PHL?lang=es');
    const methods = (p: ProfileResponse) => [
      p.migration.stocks.method,
      p.migration.immigrants.share.method,
      p.remittances.pctOfGdp.method,
      ...p.cost.means.map((m) => m.method),
      p.refugees.totals.method,
    ];
    // Another name language than the UI's says them in English, as before.
    expect(methods(arabic)).toEqual(methods(english));
    expect(english.refugees.totals.method).toBe(
      "total = the sum of the stock groups at the end of the period (Refugees under UNHCR’s mandate, Asylum seekers, Internally displaced persons, Stateless persons, Others of concern). Returned refugees and Returned IDPs are people who returned during the year, a flow: given in byGroup, never added to a total (UNHCR's caveat).",
    );
    expect(french.refugees.totals.method).toBe(
      'total = somme des groupes de stock en fin de période (Réfugiés relevant du mandat du HCR, Demandeurs d’asile, Personnes déplacées internes, Personnes apatrides, Autres personnes relevant de la compétence du HCR). Réfugiés rapatriés et Déplacés internes rentrés sont des personnes rentrées pendant l’année, un flux\u00a0: donnés dans byGroup, jamais ajoutés à un total (mise en garde du HCR).',
    );
    expect(spanish.migration.stocks.method).toBe(
      'Sumas de los stocks bilaterales de la edición: inmigrantes de todos los orígenes (incluido el origen desconocido, excluidos los agregados de los editores), emigrantes de todos los destinos, cada país socio sobre sus series; ambos sexos = hombres + mujeres (la edición no publica un total).',
    );
    expect(french.migration.immigrants.share.method).toMatch(
      /^Immigrés \(somme sur toutes les origines, les deux sexes = hommes \+ femmes\) ÷ population totale × 100, même année\. Population\u00a0: /,
    );
    expect(spanish.remittances.pctOfGdp.method).toMatch(
      /^Flujo en US\$ \(millones de US\$ × 1e6 donde se publica en millones\) ÷ PIB en US\$ corrientes del mismo año \(gdp_usd, /,
    );
    // The Philippines' 14 corridors priced in 2020-Q3 (see the cost block's test); Mexico's one.
    expect(french.cost.means.find((m) => m.direction === 'inbound')?.method).toBe(
      'Moyenne non pondérée du coût total moyen d’un envoi de 200\u00a0dollars US dans les 14 corridors entrants relevés en 2020-Q3 (rpw-corridors-2020q3)\u00a0; ce n’est pas la moyenne publiée par la Banque mondiale, qui pondère les corridors.',
    );
    const mexico = await profile('/api/profiles/MEX?lang=es');
    expect(mexico.cost.means.find((m) => m.direction === 'inbound')?.method).toBe(
      'Media no ponderada del costo total promedio de enviar 200 US$ en el único corredor de entrada relevado en 2020-Q3 (rpw-corridors-2020q3); no es el promedio publicado por el Banco Mundial, que pondera los corredores.',
    );
    // A corridor's displaced people: the same words as the profile's.
    const corridor = await getJson<CorridorResponse>(hub.app, '/api/corridors/SYR/TUR?lang=es');
    expect(corridor.displaced.totals.method).toBe(
      'total = suma de los grupos de stock al final del período (Refugiados bajo el mandato del ACNUR, Solicitantes de asilo, Desplazados internos, Personas apátridas, Otras personas de interés para el ACNUR). Refugiados retornados y Desplazados internos retornados son personas que retornaron durante el año, un flujo: figuran en byGroup, nunca se suman a un total (advertencia del ACNUR).',
    );
    expect((await getJson<CorridorResponse>(hub.app, '/api/corridors/SYR/TUR')).displaced.totals.method).toBe(
      english.refugees.totals.method,
    );
  });

  it('sends the same answer gzipped to clients that accept gzip, as browsers do', async () => {
    const plain = await hub.app.inject({ url: '/api/profiles/PHL' });
    const zipped = await hub.app.inject({
      url: '/api/profiles/PHL',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept, Accept-Encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const csv = await hub.app.inject({ url: '/api/profiles/PHL?format=csv', headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(csv.rawPayload).toString('utf8')).toMatch(/^area,block,measure,/);
    // A client that refuses gzip (q=0) gets the plain bytes.
    const refused = await hub.app.inject({
      url: '/api/profiles/PHL',
      headers: { 'accept-encoding': 'gzip;q=0, identity' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('answers from the cache the second time, and computes the same after invalidate()', async () => {
    const db = hub.testDb.database.db;
    const first = await countryProfile(db, hub.cache, 'NPL', {});
    expect(await countryProfile(db, hub.cache, 'npl', {})).toBe(first); // the very same object
    hub.cache.invalidate();
    const again = await countryProfile(db, hub.cache, 'NPL', {});
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(await profile('/api/profiles/NPL')).toEqual(JSON.parse(JSON.stringify(first)));
  });
});
