import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankingResponse, SeriesResponse } from '../../core/statistics.js';
import { testEngines } from '../../../tests/helpers/database.js';
import { undesaImsDestination2020 } from '../importers/undesa-totals.js';
import { getCsv, getJson, startDatahub, type DatahubTestApp } from './datahub.test-helpers.js';

/**
 * Bridges' regional means of a share, on UN DESA's "International Migrant Stock 2020: Destination"
 * workbook, against the regional shares the UN published in the same workbook (Table 3).
 */
describe.each(testEngines())('a share’s means over regions on %s', (engine) => {
  let hub: DatahubTestApp;
  const get = <T>(url: string) => getJson<T>(hub.app, url);
  const dataset = undesaImsDestination2020.meta.id;

  beforeAll(async () => {
    hub = await startDatahub(engine, [undesaImsDestination2020]);
  }, 300_000);
  afterAll(async () => {
    await hub.close();
  });

  const published = (r: RankingResponse, name: string) =>
    r.publishedAggregates.find((a) => a.area.name === name)?.value;

  it('weights each country by its population, so a region’s share is the UN’s own where the members agree', async () => {
    const r = await get<RankingResponse>(`/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=m49region`);
    expect(r.period).toBe('2020');
    expect(r.total.weights).toMatchObject({ indicator: 'population_thousands', dataset });
    const group = (name: string) => r.grouping?.groups.find((g) => g.name === name);
    // Africa 1.89 %, Europe 11.60 %, Oceania 21.98 %: the UN's figures, to twelve digits. Unweighted,
    // they read 4.43, 19.60 and 20.25 %.
    for (const name of ['Africa', 'Europe', 'Oceania']) {
      expect(group(name)?.value, name).toBeCloseTo(published(r, name) as number, 12);
      expect(group(name)?.method, name).toMatch(/mean weighted by Total population \(UN DESA\)/);
    }
    expect(group('Africa')?.value).toBeCloseTo(1.8938907756, 9);
    // Asia: the UN's 85,618,502 migrants over 4,641,054,786 people (1.845 %) count Taiwan's
    // population, for which the workbook gives no migrants (".."); Bridges' mean is over the
    // members with both (1.854 %), and lists Taiwan as missing.
    expect(published(r, 'Asia')).toBeCloseTo(1.8448069662584672, 12);
    expect(group('Asia')).toMatchObject({ countWithData: 50, countInGroup: 51, missing: ['TWN'] });
    expect(group('Asia')?.value).toBeCloseTo(1.854322905, 9);
    // The world: 3.61 % over the 232 areas with both, against the UN's 3.60 %; the unweighted mean
    // of the countries' shares would be 14.75 %.
    expect(r.total.count).toBe(232);
    expect(r.total.value).toBeCloseTo(3.61086744919, 9);
    expect(published(r, 'World')).toBeCloseTo(3.5998120638581024, 12);
  });

  it('names the sexes its values are made of: the total the workbook publishes, or the one asked', async () => {
    const both = await get<RankingResponse>(`/api/rankings/migrant_stock_total?dataset=${dataset}&period=2020`);
    expect(both.filters).toMatchObject({ sex: '_T', sexes: ['_T'] });
    const women = await get<RankingResponse>(`/api/rankings/migrant_stock_total?dataset=${dataset}&sex=F`);
    expect(women.filters).toMatchObject({ sex: 'F', sexes: ['F'] });
  });

  it('weights the women’s share by the female population', async () => {
    const r = await get<RankingResponse>(
      `/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=m49region&sex=F&period=2020`,
    );
    const europe = r.grouping?.groups.find((g) => g.name === 'Europe');
    // The UN's Europe, females: 11.570 %. Bridges' members with both: 40 of 52 (the workbook
    // gives no female shares for Andorra, Monaco, San Marino and others).
    expect(published(r, 'Europe')).toBeCloseTo(11.57004350244291, 12);
    expect(europe?.countWithData).toBe(40);
    expect(europe?.value).toBeCloseTo(11.5538724786019, 9);
  });

  it('names the groups and its own rows in the language asked, as it names the countries', async () => {
    const r = await get<RankingResponse>(
      `/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=m49region&lang=es`,
    );
    expect(r.grouping?.groups.map((g) => g.name)).toEqual(['África', 'Américas', 'Asia', 'Europa', 'Oceanía']);
    const income = await get<RankingResponse>(
      `/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=incomeGroup&lang=fr`,
    );
    expect(income.grouping?.groups.find((g) => g.code === 'H')?.name).toBe('Revenu élevé');
    const { rows } = await getCsv(
      hub.app,
      `/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=m49region&format=csv&lang=fr`,
    );
    expect(rows.find((row) => row.row_type === 'bridges_total')?.area_name).toBe('Toutes les zones ayant des données');
    expect(rows.find((row) => row.row_type === 'bridges_m49region' && row.area === '150')?.area_name).toBe('Europe');
    expect(rows.find((row) => row.area === 'FRA')?.area_name).toBe('France');
  });

  it('says how the mean was weighted in the CSV', async () => {
    const { rows } = await getCsv(
      hub.app,
      `/api/rankings/migrant_share_pct?dataset=${dataset}&groupBy=m49region&format=csv`,
    );
    const africa = rows.find((row) => row.row_type === 'bridges_m49region' && row.area_name === 'Africa');
    expect(Number(africa?.value)).toBeCloseTo(1.8938907756, 9);
    expect(africa?.method).toContain(`mean weighted by Total population (UN DESA) (population_thousands, ${dataset}`);
    expect(africa?.computed_by).toBe('Bridges');
    expect(africa?.dataset).toBe(`${dataset} | unsd-m49`);
    expect(africa?.publisher).toMatch(/ \| United Nations Statistics Division$/);
  });

  it('counts apart the members no figure could be missing for, having no population of their own, and names them', async () => {
    const url = `/api/rankings/migrant_stock_total?dataset=${dataset}&period=2020&groupBy=m49region`;
    const r = await get<RankingResponse>(url);
    const groups = new Map(r.grouping?.groups.map((g) => [g.name, g]));
    // UN M49 places the British Indian Ocean Territory and the French Southern Territories in
    // Africa; the workbook's Table 2 (total population) has no row for either, nor has any other
    // table of it: they are not counted, where they read as 2 of Africa's missing members before.
    const africa = groups.get('Africa');
    expect(africa?.notCounted).toEqual(['ATF', 'IOT']);
    expect(africa?.notCountedNote).toBe(
      '2 areas not counted, with no population of their own in the data (uninhabited, or counted with another area): French Southern Territories (ATF), British Indian Ocean Territory (IOT)',
    );
    // Europe: the Åland Islands and Svalbard, which the UN counts with Finland and Norway, and
    // Guernsey and Jersey, which it counts together as the Channel Islands (830), a member here.
    expect(groups.get('Europe')?.notCounted).toEqual(['ALA', 'GGY', 'JEY', 'SJM']);
    expect(groups.get('Europe')?.members).toContain('XCX');
    // Asia: every member has a population; Taiwan, which has one but no migrant stock, stays missing.
    expect(groups.get('Asia')).toMatchObject({ notCounted: [], notCountedNote: null });
    for (const g of r.grouping?.groups ?? []) {
      expect(g.members.filter((c) => g.notCounted.includes(c))).toEqual([]);
      expect(g.countInGroup).toBe(g.members.length);
      expect(g.coverage).toBe(`${String(g.countWithData)} / ${String(g.countInGroup)}`);
      expect(g.missing.every((c) => g.members.includes(c))).toBe(true);
    }
    // What the rule rests on: the population table has none of them, and has every missing member.
    const notCounted = (r.grouping?.groups ?? []).flatMap((g) => g.notCounted);
    const missing = (r.grouping?.groups ?? []).flatMap((g) => g.missing);
    const population = await get<SeriesResponse>(
      `/api/series?indicator=population_thousands&dataset=${dataset}&areas=${[...notCounted, ...missing].join(',')}`,
    );
    expect(population.withoutData.map((a) => a.code).sort()).toEqual([...notCounted].sort());
    expect(r.grouping?.method).toContain('members with no population of their own in the data');

    // In the CSV too, and said in the language asked.
    const { rows } = await getCsv(hub.app, `${url}&format=csv&lang=fr`);
    const row = rows.find((x) => x.row_type === 'bridges_m49region' && x.area === '002');
    expect(row?.not_counted).toBe('ATF IOT');
    expect(row?.coverage).toBe(africa?.coverage);
    expect(row?.not_counted_note).toMatch(
      /^2 zones non comptées, sans population propre dans les données \(inhabitées, ou comptées avec une autre zone\)\u00a0: .+ \(ATF\), .+ \(IOT\)$/,
    );
  });
});
