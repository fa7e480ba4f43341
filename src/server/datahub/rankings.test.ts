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

  it('says how it computed its totals in the language asked, in the JSON and the CSV, English as before', async () => {
    const url = (indicator: string, groupBy: string, lang: string) =>
      `/api/rankings/${indicator}?dataset=${dataset}&period=2020&groupBy=${groupBy}${lang ? `&lang=${lang}` : ''}`;
    const methods = async (indicator: string, groupBy: string, lang: string) => {
      const r = await get<RankingResponse>(url(indicator, groupBy, lang));
      const groups = new Map(r.grouping?.groups.map((g) => [g.code, g.method]));
      return { total: r.total.method, grouping: r.grouping?.method, groups };
    };
    // Said of every grouping (the bundled reference has uninhabited members) and, for income
    // groups, of the World Bank's own aggregates.
    const notCounted = {
      en: 'Not counted: members with no population of their own in the data (no population above zero in any population table loaded, UN DESA’s total population or the World Bank’s SP.POP.TOTL, and no figure in any other dataset): uninhabited territories, or areas the publishers count with another (listed in each group’s notCounted).',
      fr: 'Non comptés\u00a0: les membres sans population propre dans les données (aucune population supérieure à zéro dans les tableaux de population chargés, population totale du DAES de l’ONU ou SP.POP.TOTL de la Banque mondiale, et aucun chiffre dans un autre jeu de données)\u00a0: territoires inhabités, ou zones que les éditeurs comptent avec une autre (énumérés dans le notCounted de chaque groupe).',
      es: 'No contados: los miembros sin población propia en los datos (ninguna población mayor que cero en las tablas de población cargadas, la población total del DAES de la ONU o el SP.POP.TOTL del Banco Mundial, y ninguna cifra en otro conjunto de datos): territorios deshabitados, o zonas que los editores cuentan con otra (enumerados en el notCounted de cada grupo).',
    };
    const published = {
      en: 'A publisher’s own income-group aggregates (publishedAggregates) may group otherwise: the World Bank’s use, for every year, the classification current at their release; set incomeFiscalYear to that fiscal year to compare like with like.',
      fr: 'Les agrégats par groupe de revenu d’un éditeur (publishedAggregates) peuvent regrouper autrement\u00a0: ceux de la Banque mondiale appliquent à chaque année la classification en vigueur à leur publication\u00a0; fixez incomeFiscalYear à cet exercice pour comparer ce qui est comparable.',
      es: 'Los agregados por grupo de ingreso de un editor (publishedAggregates) pueden agrupar de otro modo: los del Banco Mundial aplican a cada año la clasificación vigente en el momento de su publicación; indique ese ejercicio en incomeFiscalYear para comparar en igualdad de condiciones.',
    };

    // Sums by income group: 2020 data, FY22's groups (classified on GNI of 2020).
    const fy22 = {
      en: 'World Bank income groups of FY22 (classified on GNI per capita of 2020), the fiscal year that classified on 2020 data',
      fr: 'groupes de revenu de la Banque mondiale de l’exercice 2022 (classés selon le RNB par habitant de 2020), l’exercice qui a classé les pays sur les données de 2020',
      es: 'grupos de ingreso del Banco Mundial del ejercicio 2022 (clasificados según el INB per cápita de 2020), el ejercicio que clasificó los países con los datos de 2020',
    };
    const income = {
      en: {
        total: 'The sum over the 232 countries and other areas (publishers’ aggregates excluded) with a value in 2020.',
        grouping: `${fy22.en}; sum over the members with a value in 2020; coverage = members with data / members counted. ${notCounted.en} ${published.en}`,
        high: `The sum of the values of the members with data (${fy22.en}).`,
        notGrouped: `The sum of the values of the areas with data that no group holds (${fy22.en}).`,
      },
      fr: {
        total: 'La somme sur les 232 pays et autres zones (agrégats des éditeurs exclus) ayant une valeur en 2020.',
        grouping: `Groupes de revenu de la Banque mondiale de l’exercice 2022 (classés selon le RNB par habitant de 2020), l’exercice qui a classé les pays sur les données de 2020\u00a0; somme sur les membres ayant une valeur en 2020\u00a0; couverture = membres avec données / membres comptés. ${notCounted.fr} ${published.fr}`,
        high: `La somme des valeurs des membres ayant des données (${fy22.fr}).`,
        notGrouped: `La somme des valeurs des zones ayant des données qui n’appartiennent à aucun groupe (${fy22.fr}).`,
      },
      es: {
        total:
          'La suma sobre los 232 países y otras zonas (excluidos los agregados de los editores) con un valor en 2020.',
        grouping: `Grupos de ingreso del Banco Mundial del ejercicio 2022 (clasificados según el INB per cápita de 2020), el ejercicio que clasificó los países con los datos de 2020; suma sobre los miembros con un valor en 2020; cobertura = miembros con datos / miembros contados. ${notCounted.es} ${published.es}`,
        high: `La suma de los valores de los miembros con datos (${fy22.es}).`,
        notGrouped: `La suma de los valores de las zonas con datos que no pertenecen a ningún grupo (${fy22.es}).`,
      },
    };
    for (const lang of ['', 'en', 'ar', 'fr', 'es'] as const) {
      const said = income[lang === 'fr' || lang === 'es' ? lang : 'en'];
      const m = await methods('migrant_stock_total', 'incomeGroup', lang);
      expect(m.total, lang).toBe(said.total);
      expect(m.grouping, lang).toBe(said.grouping);
      expect(m.groups.get('H'), lang).toBe(said.high);
      expect(m.groups.get('_Z'), lang).toBe(said.notGrouped);
      // The CSV, as the reviewer downloads it: the same words on Bridges' rows.
      const { rows } = await getCsv(hub.app, `${url('migrant_stock_total', 'incomeGroup', lang)}&format=csv`);
      expect(rows.find((row) => row.row_type === 'bridges_total')?.method, lang).toBe(said.total);
      const groupRows = rows.filter((row) => row.row_type === 'bridges_incomeGroup');
      expect(groupRows.map((row) => row.area)).toEqual(['L', 'LM', 'UM', 'H', '_Z']);
      // Each group's own sentence, then the grouping's.
      for (const row of groupRows)
        expect(row, lang).toMatchObject({
          computed_by: 'Bridges',
          method: `${m.groups.get(row.area ?? '') ?? ''} ${said.grouping}`,
        });
      expect(groupRows.find((row) => row.area === 'H')?.method, lang).toBe(`${said.high} ${said.grouping}`);
    }

    // Means weighted by population, by M49 region: Europe counts the Channel Islands, which M49
    // does not list, named as the answer names areas.
    const weighted = {
      en: 'mean weighted by Total population (UN DESA) (population_thousands, undesa-ims-2020-destination, same period and sex)',
      fr: 'moyenne pondérée par «\u00a0Population totale (DAES de l’ONU)\u00a0» (population_thousands, undesa-ims-2020-destination, même période et même sexe)',
      es: 'media ponderada por «Población total (DAES de la ONU)» (population_thousands, undesa-ims-2020-destination, mismo período y mismo sexo)',
    };
    const regions = {
      en: {
        total: `The ${weighted.en} over the 232 countries and other areas (publishers’ aggregates excluded) with a value in 2020.`,
        grouping: `UN M49 regions; ${weighted.en} over the members with a value in 2020; coverage = members with data / members counted. ${notCounted.en}`,
        europe: `The ${weighted.en} of the values of the members with data (UN M49 regions). With Channel Islands (XCX): not in UN M49's list of countries, placed in this region by Bridges' reference data (IOM's country dictionary).`,
        africa: `The ${weighted.en} of the values of the members with data (UN M49 regions).`,
      },
      fr: {
        total: `La ${weighted.fr} sur les 232 pays et autres zones (agrégats des éditeurs exclus) ayant une valeur en 2020.`,
        grouping: `Régions M49 de l’ONU\u00a0; ${weighted.fr} sur les membres ayant une valeur en 2020\u00a0; couverture = membres avec données / membres comptés. ${notCounted.fr}`,
        europe: `La ${weighted.fr} des valeurs des membres ayant des données (régions M49 de l’ONU). Membres hors de la liste des pays de la norme M49 de l’ONU, rattachés à cette région par les données de référence de Bridges (dictionnaire des pays de l’OIM)\u00a0: Îles Anglo-Normandes (XCX).`,
        africa: `La ${weighted.fr} des valeurs des membres ayant des données (régions M49 de l’ONU).`,
      },
      es: {
        total: `La ${weighted.es} sobre los 232 países y otras zonas (excluidos los agregados de los editores) con un valor en 2020.`,
        grouping: `Regiones M49 de la ONU; ${weighted.es} sobre los miembros con un valor en 2020; cobertura = miembros con datos / miembros contados. ${notCounted.es}`,
        europe: `La ${weighted.es} de los valores de los miembros con datos (regiones M49 de la ONU). Miembros fuera de la lista de países de la norma M49 de la ONU, situados en esta región por los datos de referencia de Bridges (diccionario de países de la OIM): Islas del Canal (XCX).`,
        africa: `La ${weighted.es} de los valores de los miembros con datos (regiones M49 de la ONU).`,
      },
    };
    for (const lang of ['', 'en', 'ar', 'fr', 'es'] as const) {
      const said = regions[lang === 'fr' || lang === 'es' ? lang : 'en'];
      const m = await methods('migrant_share_pct', 'm49region', lang);
      expect(m.total, lang).toBe(said.total);
      expect(m.grouping, lang).toBe(said.grouping);
      expect(m.groups.get('150'), lang).toBe(said.europe);
      expect(m.groups.get('002'), lang).toBe(said.africa);
      const { rows } = await getCsv(hub.app, `${url('migrant_share_pct', 'm49region', lang)}&format=csv`);
      expect(rows.find((row) => row.row_type === 'bridges_total')?.method, lang).toBe(said.total);
      // Europe's row names the member Bridges placed there, as the JSON's group does.
      expect(rows.find((row) => row.row_type === 'bridges_m49region' && row.area === '150')?.method, lang).toBe(
        `${said.europe} ${said.grouping}`,
      );
    }
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
