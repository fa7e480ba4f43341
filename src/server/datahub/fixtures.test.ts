import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DatasetDetailResponse,
  DatasetListResponse,
  ProfileResponse,
  RankingResponse,
  SeriesResponse,
} from '../../core/statistics.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { INDICATORS } from '../importers/indicators.js';
import { importDataset } from '../stats/import-dataset.js';
import type { DatasetMeta, IndicatorDef, ObservationInput } from '../stats/model.js';
import { getCsv, getJson } from './datahub.test-helpers.js';

/**
 * Logic on small invented figures, written through the real writer. Every dataset here is a test
 * fixture, marked as such: no figure below is a publisher's.
 */
function fixtureMeta(id: string): DatasetMeta {
  return {
    id,
    family: `test-fixture-${id}`,
    title: `TEST FIXTURE ${id}: invented figures, not publisher data`,
    publisher: 'Bridges test suite (fixture)',
    edition: 'fixture',
    releaseDate: null,
    licence: 'CC0 (test fixture)',
    sourceUrl: null,
    citation: `Bridges test fixture ${id}; invented figures.`,
    methodNotes: null,
    caveats: 'Invented for tests.',
    provenance: 'src/server/datahub/fixtures.test.ts',
  };
}

const annual = (
  indicator: string,
  refArea: string,
  period: string,
  value: number,
  extra: Partial<ObservationInput> = {},
) => ({ indicator, refArea, counterpartArea: null, sex: '_T', freq: 'A', period, value, ...extra }) as ObservationInput;

/** Migrants' shares of the population in 2020, invented: a lower-middle, upper-middle and high-income country each. */
const SHARES_2020 = [
  annual('migrant_share_pct', 'PHL', '2020', 1),
  annual('migrant_share_pct', 'IND', '2020', 2),
  annual('migrant_share_pct', 'MEX', '2020', 4),
  annual('migrant_share_pct', 'USA', '2020', 15),
];

describe.each(testEngines())('analytics logic on fixtures on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  const get = <T>(url: string, status = 200) => getJson<T>(app, url, status);

  /** Writes a fixture through the real import path: one transaction, the real writer. */
  async function write(id: string, indicators: IndicatorDef[], observations: ObservationInput[]) {
    await importDataset(testDb.database, {
      meta: fixtureMeta(id),
      indicators,
      files: [],
      version: 1,
      read: () => ({ observations }),
    });
    // The API checks the data version at most once a second (DatahubCache): wait it out.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  it('answers an empty profile, every block empty with no sources, before anything is loaded', async () => {
    const p = await get<ProfileResponse>('/api/profiles/PHL');
    expect(p).toMatchObject({ edition: null, availableEditions: [], sources: [] });
    for (const block of [p.migration, p.remittances, p.cost, p.refugees, p.emigrantsInOecd])
      expect(block.sources).toEqual([]);
    expect(p.migration.immigrants.series).toEqual([]);
  });

  it('computes period-over-period and from–to growth rates', async () => {
    await write(
      'growth',
      [INDICATORS.remittanceInflowsKnomad],
      [
        annual('remittance_inflows_usd_m', 'PHL', '2018', 100),
        annual('remittance_inflows_usd_m', 'PHL', '2019', 110),
        annual('remittance_inflows_usd_m', 'PHL', '2020', 99),
        annual('remittance_inflows_usd_m', 'PHL', '2022', 121),
        annual('remittance_inflows_usd_m', 'MEX', '2018', 0),
        annual('remittance_inflows_usd_m', 'MEX', '2019', 5),
      ],
    );
    const r = await get<SeriesResponse>('/api/series?indicator=remittance_inflows_usd_m&areas=PHL,MEX');
    const phl = r.series[0];
    expect(phl?.points.map((p) => [p.period, p.previousPeriod, p.changePct])).toEqual([
      ['2018', null, null],
      ['2019', '2018', 10],
      ['2020', '2019', -10],
      ['2022', '2020', 22.2222], // against the previous period with data
    ]);
    expect(phl?.growth).toMatchObject({ from: '2018', to: '2022', fromValue: 100, toValue: 121, changePct: 21 });
    expect(phl?.growth.annualRatePct).toBe(4.8809); // 1.21^(1/4) − 1
    // Growth from zero is not defined.
    expect(r.series[1]?.points[1]?.changePct).toBeNull();
    const between = await get<SeriesResponse>(
      '/api/series?indicator=remittance_inflows_usd_m&areas=PHL&from=2019&to=2020',
    );
    expect(between.series[0]?.growth).toMatchObject({ from: '2019', to: '2020', changePct: -10, annualRatePct: -10 });
    expect(between.series[0]?.points.map((p) => p.period)).toEqual(['2019', '2020']);
  });

  it('gives no % change from a negative value, whose sign would read backwards', async () => {
    // A net flow can be negative (FDI inflows net of disinvestment). The figures are invented.
    await write(
      'negative',
      [INDICATORS.fdiInflows],
      [
        annual('fdi_inflows_usd', 'NGA', '2021', 3_300),
        annual('fdi_inflows_usd', 'NGA', '2022', -186.8),
        annual('fdi_inflows_usd', 'NGA', '2023', 1_872.5),
      ],
    );
    const r = await get<SeriesResponse>('/api/series?indicator=fdi_inflows_usd&areas=NGA');
    expect(r.series[0]?.points.map((p) => [p.period, p.previousPeriod, p.changePct])).toEqual([
      ['2021', null, null],
      ['2022', '2021', -105.6606], // from a positive base it is defined
      ['2023', '2022', null],
    ]);
    const from2022 = await get<SeriesResponse>('/api/series?indicator=fdi_inflows_usd&areas=NGA&from=2022');
    expect(from2022.series[0]?.growth).toMatchObject({
      from: '2022',
      to: '2023',
      changePct: null,
      annualRatePct: null,
    });
  });

  it('notices a new load without being told, and cites the fixture on every CSV row', async () => {
    // An indicator and area no other test here writes: this test stands on its own.
    const url = '/api/series?indicator=fdi_inflows_usd&areas=NPL';
    const edition = (version: number, values: [period: string, value: number][]) => ({
      meta: fixtureMeta('notice'),
      indicators: [INDICATORS.fdiInflows],
      files: [],
      version,
      read: () => ({ observations: values.map(([period, value]) => annual('fdi_inflows_usd', 'NPL', period, value)) }),
    });
    await importDataset(testDb.database, edition(1, [['2021', 7]]));
    const points = async () =>
      (await get<SeriesResponse>(url)).series.flatMap((s) => s.points.map((p) => [p.period, p.value]));
    // Asked for once the load is seen: the answer is now kept.
    await expect.poll(points, { timeout: 10_000 }).toEqual([['2021', 7]]);
    // A new period loaded, as by another process: no one tells the API (no invalidate()).
    const outcome = await importDataset(
      testDb.database,
      edition(2, [
        ['2021', 7],
        ['2022', 9],
      ]),
    );
    expect(outcome.loaded).toBe(true);
    await expect.poll(points, { timeout: 10_000 }).toEqual([
      ['2021', 7],
      ['2022', 9],
    ]);
    const after = await get<SeriesResponse>(url);
    expect(after.sources.map((s) => s.title)).toEqual(['TEST FIXTURE notice: invented figures, not publisher data']);
    const { rows } = await getCsv(app, `${url}&format=csv`);
    expect(rows.map((r) => r.period)).toEqual(['2021', '2022']);
    expect(rows.every((r) => r.citation === 'Bridges test fixture notice; invented figures.')).toBe(true);
  });

  it('flags costly corridors against SDG 10.c and averages them without weights', async () => {
    const cost = (from: string, to: string, period: string, value: number) =>
      ({
        indicator: 'remittance_cost_pct',
        refArea: to,
        counterpartArea: from,
        sex: '_T',
        freq: 'Q',
        dims: { amount: '200' },
        period,
        value,
      }) as ObservationInput;
    await write(
      'cost',
      [INDICATORS.remittanceCost],
      [
        cost('USA', 'PHL', '2024-Q4', 3),
        cost('USA', 'PHL', '2025-Q1', 2.5),
        cost('JPN', 'PHL', '2025-Q1', 6),
        cost('SAU', 'PHL', '2024-Q4', 9), // not priced in the latest quarter: out of the mean
        cost('PHL', 'HKG', '2025-Q1', 4),
      ],
    );
    const p = await get<ProfileResponse>('/api/profiles/PHL');
    const corridors = p.cost.corridors.map((c) => [c.direction, c.from.code, c.to.code, c.latest.value, c.aboveFive]);
    expect(corridors).toEqual([
      ['inbound', 'SAU', 'PHL', 9, true],
      ['inbound', 'JPN', 'PHL', 6, true],
      ['inbound', 'USA', 'PHL', 2.5, false],
      ['outbound', 'PHL', 'HKG', 4, false],
    ]);
    expect(p.cost.corridors.find((c) => c.from.code === 'USA')?.points.map((pt) => pt.period)).toEqual([
      '2024-Q4',
      '2025-Q1',
    ]);
    const inbound = p.cost.means.find((m) => m.direction === 'inbound');
    expect(inbound).toMatchObject({
      computedBy: 'Bridges',
      period: '2025-Q1',
      meanPct: 4.25,
      corridorCount: 2,
      corridorsAboveFive: 1,
      belowThree: false,
    });
    expect(p.cost.sources.map((s) => s.dataset)).toEqual(['cost']);
  });

  it('aggregates a rate by income group of the matching fiscal year: mean, count and coverage', async () => {
    // FY22 classified on GNI of 2020: Philippines LM, India LM, Mexico UM, United States H.
    await write('rate', [INDICATORS.migrantShare], SHARES_2020);
    const r = await get<RankingResponse>('/api/rankings/migrant_share_pct?groupBy=incomeGroup');
    expect(r.period).toBe('2020');
    expect(r.total).toMatchObject({ value: 5.5, count: 4 });
    expect(r.total.method).toMatch(/unweighted mean/);
    expect(r.grouping).toMatchObject({ fiscalYearLabel: 'FY22', gniYear: 2020, matched: true });
    const lm = r.grouping?.groups.find((g) => g.code === 'LM');
    expect(lm).toMatchObject({ value: 1.5, countWithData: 2, computedBy: 'Bridges' });
    expect(lm?.coverage).toBe(`2 / ${String(lm?.countInGroup)}`);
    expect(lm?.missing).not.toContain('PHL');
    expect(r.grouping?.groups.find((g) => g.code === 'L')).toMatchObject({ value: null, countWithData: 0 });
    const sub = await get<RankingResponse>('/api/rankings/migrant_share_pct?groupBy=m49subregion');
    expect(sub.grouping?.groups.find((g) => g.code === '035')).toMatchObject({
      name: 'South-eastern Asia',
      value: 1,
      countWithData: 1,
    });
  });

  it('weights a share by what it is a share of where the edition gives it, and leaves out an area without one', async () => {
    // Shares 1, 2, 4 and 15 % of populations of 100, 300, 100 and (none) thousand: the income groups
    // and the total weigh by population; the United States, without one, cannot take part.
    await write(
      'weighted',
      [INDICATORS.migrantShare, INDICATORS.populationThousands],
      [
        ...SHARES_2020,
        annual('population_thousands', 'PHL', '2020', 100),
        annual('population_thousands', 'IND', '2020', 300),
        annual('population_thousands', 'MEX', '2020', 100),
      ],
    );
    const r = await get<RankingResponse>('/api/rankings/migrant_share_pct?dataset=weighted&groupBy=incomeGroup');
    // (1·100 + 2·300 + 4·100) / 500 = 2.2; unweighted, with the United States, it would be 5.5.
    expect(r.total).toMatchObject({ value: 2.2, count: 3 });
    expect(r.total.weights).toEqual({
      indicator: 'population_thousands',
      name: INDICATORS.populationThousands.name,
      unit: 'thousands of persons',
      dataset: 'weighted',
    });
    expect(r.total.method).toMatch(/^The mean weighted by Total population \(UN DESA\)/);
    expect(r.total.method).toContain('Left out for want of a weight: USA.');
    expect(r.grouping?.weights).toEqual(r.total.weights);
    // Lower middle income: (1·100 + 2·300) / 400 = 1.75, against 1.5 unweighted.
    expect(r.grouping?.groups.find((g) => g.code === 'LM')).toMatchObject({ value: 1.75, countWithData: 2 });
    const high = r.grouping?.groups.find((g) => g.code === 'H');
    expect(high).toMatchObject({ value: null, countWithData: 0 });
    expect(high?.missing).toContain('USA');
    // The ranking itself is of the published shares, the United States first.
    expect(r.items.map((i) => [i.area.code, i.value])).toEqual([
      ['USA', 15],
      ['MEX', 4],
      ['IND', 2],
      ['PHL', 1],
    ]);
    // A dataset without the weight: the unweighted mean, said so (the 'rate' dataset above).
    const unweighted = await get<RankingResponse>('/api/rankings/migrant_share_pct?dataset=rate');
    expect(unweighted.total).toMatchObject({ value: 5.5, weights: null });
    const csv = await getCsv(app, '/api/rankings/migrant_share_pct?dataset=weighted&format=csv');
    expect(csv.rows.find((row) => row.row_type === 'bridges_total')?.method).toMatch(/weighted by Total population/);
  });

  it('orders the editions of a family newest first: by the dates their ids name, else release date, undated last', async () => {
    // Written in an order that is none of the expected ones; ids and release dates invented.
    const editions: [id: string, year: string, releaseDate: string | null][] = [
      ['editions-2023-10', ' 2023', '2023-10-26'],
      ['editions-undated', '', null],
      ['editions-2025', ' 2025', null], // no release date: dated 2025 by its id
      ['editions-2019', ' 2019', '2021-01-15'], // the 2019 edition, released in 2021: still older than 2020q3
      ['editions-2020q3', ' 2020', null], // dated 2020-07, the quarter's first month
    ];
    for (const [id, year, releaseDate] of editions)
      await importDataset(testDb.database, {
        meta: {
          ...fixtureMeta(id),
          family: 'test-fixture-editions',
          title: `TEST FIXTURE Editions${year}: invented figures, not publisher data`,
          releaseDate,
        },
        indicators: [INDICATORS.population],
        files: [],
        version: 1,
        read: () => ({ observations: [annual('population', 'PHL', '2020', 1)] }),
      });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const newestFirst = ['editions-2025', 'editions-2023-10', 'editions-2020q3', 'editions-2019', 'editions-undated'];
    const list = await get<DatasetListResponse>('/api/datasets');
    expect(list.families.find((f) => f.family === 'test-fixture-editions')).toEqual({
      family: 'test-fixture-editions',
      title: 'TEST FIXTURE Editions: invented figures, not publisher data',
      datasets: newestFirst,
    });
    expect(list.items.map((d) => d.id).filter((id) => id.startsWith('editions-'))).toEqual(newestFirst);
    const detail = await get<DatasetDetailResponse>('/api/datasets/editions-2019');
    expect(detail.otherEditions).toEqual(newestFirst.filter((id) => id !== 'editions-2019'));
  });
});
