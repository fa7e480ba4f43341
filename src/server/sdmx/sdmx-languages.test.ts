import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { sdmxFlowId } from '../../core/sdmx.js';
import { INDICATOR_NAMES, SDMX_NAMES, SEX_NAMES, UNIT_NAMES } from '../../core/statistics-names.js';
import { M49_NAMES } from '../../core/un-region-names.js';
import { buildApp } from '../app.js';
import { INDICATORS } from '../importers/indicators.js';
import { undesaImsDestination2020 } from '../importers/undesa-totals.js';
import { importDataset } from '../stats/import-dataset.js';

/**
 * The SDMX interface names what Bridges has names for in French and Spanish (the areas and the UN's
 * regions from the reference data and the publisher's file, its indicators, units and sexes) in
 * those languages too, `name` in the one Accept-Language asks for; on UN DESA's workbook
 * "International Migrant Stock 2020: Destination", as published.
 */
const meta = undesaImsDestination2020.meta;
const indicator = INDICATORS.migrantStockTotal;
const FLOW = sdmxFlowId(meta.id, indicator.id);
/** UN DESA's location code of Africa in its workbooks (903), as Bridges stores it: UNDESA_903, M49 002. */
const AFRICA = 'UNDESA_903';

type Names = Record<string, string>;
interface Named {
  id: string;
  name: string;
  names: Names;
}
interface StructureMessage {
  meta: { contentLanguages: string[] };
  data: {
    dataflows?: (Named & { annotations: { type: string; text?: string; texts?: Names }[] })[];
    dataStructures?: Named[];
    codelists?: (Named & { codes: Named[] })[];
    conceptSchemes?: { concepts: Named[] }[];
  };
}
interface DataMessage {
  structure: {
    name: string;
    names?: Names;
    dimensions: {
      series: { id: string; name: string; names?: Names; values: { id: string; name: string; names?: Names }[] }[];
    };
    attributes: { dataSet: { id: string; values: { name: string; names?: Names }[] }[] };
  };
}

describe.each(testEngines())('SDMX names in French and Spanish on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, undesaImsDestination2020);
    app = await buildApp({ database: testDb.database, logLevel: 'warn', webDir: '/nonexistent' });
    await app.ready();
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
    const res = await get(url, headers);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    return res.json<T>();
  }
  const flowName = (name: string) => `${name} — ${meta.title} (${meta.edition})`;

  it('names a dataflow by its indicator in each language Bridges has, `name` in the one asked', async () => {
    const res = await get(`/api/sdmx/dataflow/BRIDGES/${FLOW}`, { 'accept-language': 'fr-CA, es;q=0.5' });
    expect(res.statusCode).toBe(200);
    const message = res.json<StructureMessage>();
    const flow = message.data.dataflows?.[0];
    expect(flow?.names).toEqual({
      en: flowName(indicator.name),
      fr: flowName(INDICATOR_NAMES.fr[indicator.id] ?? ''),
      es: flowName(INDICATOR_NAMES.es[indicator.id] ?? ''),
    });
    expect(flow?.name).toBe(flow?.names.fr);
    // The unit and the indicator in its annotations too.
    const unit = flow?.annotations.find((a) => a.type === 'UNIT_MEASURE');
    expect(unit).toMatchObject({ text: UNIT_NAMES.fr[indicator.unit], texts: { en: indicator.unit } });
    expect(message.meta.contentLanguages[0]).toBe('fr');
    expect(res.headers['content-language']).toMatch(/^fr, en/);
    expect(res.headers.vary).toContain('Accept-Language');

    // Without Accept-Language, or asking for a language Bridges has no names in: English, as before.
    for (const headers of [{}, { 'accept-language': 'de-DE' }] as Record<string, string>[]) {
      const plain = await getJson<StructureMessage>(`/api/sdmx/dataflow/BRIDGES/${FLOW}`, headers);
      expect(plain.data.dataflows?.[0]?.name).toBe(flowName(indicator.name));
      expect(plain.meta.contentLanguages[0]).toBe('en');
    }
  });

  it('names the sexes, the SEX concept and the areas, the UN’s regions too, in the language asked', async () => {
    const message = await getJson<StructureMessage>(`/api/sdmx/datastructure/BRIDGES/${FLOW}`, {
      'accept-language': 'es',
    });
    expect(message.data.dataStructures?.[0]?.name).toBe(flowName(INDICATOR_NAMES.es[indicator.id] ?? ''));
    const codelists = new Map((message.data.codelists ?? []).map((c) => [c.id, c]));
    const female = codelists.get('CL_SEX')?.codes.find((c) => c.id === 'F');
    expect(female).toEqual({
      id: 'F',
      name: SEX_NAMES.es.F,
      names: { en: 'Female', fr: SEX_NAMES.fr.F, es: SEX_NAMES.es.F },
    });
    expect(codelists.get('CL_SEX')?.name).toBe(SEX_NAMES.es.SEX);
    const sexConcept = message.data.conceptSchemes?.[0]?.concepts.find((c) => c.id === 'SEX');
    expect(sexConcept?.name).toBe(SEX_NAMES.es.SEX);
    const areas = codelists.get('CL_AREA')?.codes ?? [];
    expect(areas.find((c) => c.id === 'MEX')?.name).toBe('México');
    // The UN's Africa (its workbook's 903, M49 002), named as the UN's M49 standard names it.
    expect(areas.find((c) => c.id === AFRICA)?.names).toMatchObject({
      en: 'Africa',
      fr: M49_NAMES.fr['002'],
      es: M49_NAMES.es['002'],
    });
    expect(areas.find((c) => c.id === AFRICA)?.name).toBe(M49_NAMES.es['002']);
    // The concepts every flow has, and the codes of their fixed lists, as SDMX's code lists name them.
    const concepts = new Map((message.data.conceptSchemes?.[0]?.concepts ?? []).map((c) => [c.id, c]));
    expect(concepts.get('REF_AREA')?.names).toEqual({
      en: 'Reference area',
      fr: SDMX_NAMES.fr.REF_AREA,
      es: SDMX_NAMES.es.REF_AREA,
    });
    expect(concepts.get('TIME_PERIOD')?.name).toBe('Período');
    expect(codelists.get('CL_FREQ')?.codes.find((c) => c.id === 'A')?.name).toBe('Anual');
    expect(codelists.get('CL_OBS_STATUS')?.codes.find((c) => c.id === 'E')?.name).toBe('Valor estimado');
  });

  it('gives SDMX-ML every name, the language asked first', async () => {
    const french = await get(`/api/sdmx/dataflow/BRIDGES/${FLOW}`, {
      accept: 'application/xml',
      'accept-language': 'fr',
    });
    expect(french.statusCode).toBe(200);
    const firstName = (body: string) =>
      /<str:Dataflow [^>]*>(?:<com:Annotations>.*?<\/com:Annotations>)?<com:Name xml:lang="([a-z]+)">([^<]*)</.exec(
        body,
      );
    expect(firstName(french.body)?.slice(1)).toEqual(['fr', flowName(INDICATOR_NAMES.fr[indicator.id] ?? '')]);
    expect(french.body).toContain(
      `<com:Name xml:lang="es">${flowName(INDICATOR_NAMES.es[indicator.id] ?? '')}</com:Name>`,
    );
    const plain = await get(`/api/sdmx/dataflow/BRIDGES/${FLOW}`, { accept: 'application/xml' });
    expect(firstName(plain.body)?.slice(1)).toEqual(['en', flowName(indicator.name)]);
    const sexes = await get('/api/sdmx/codelist/BRIDGES/CL_SEX', {
      accept: 'application/xml',
      'accept-language': 'es',
    });
    expect(sexes.body).toContain(
      `<str:Code id="M" urn="urn:sdmx:org.sdmx.infomodel.codelist.Code=BRIDGES:CL_SEX(1.0).M"><com:Name xml:lang="es">${SEX_NAMES.es.M}</com:Name><com:Name xml:lang="en">Male</com:Name><com:Name xml:lang="fr">${SEX_NAMES.fr.M}</com:Name></str:Code>`,
    );
  });

  it('names the codes, the unit and the flow of a data message in the language asked', async () => {
    const url = `/api/sdmx/data/${FLOW}/A.${AFRICA}+MEX._Z.F?startPeriod=2020`;
    const res = await get(url, { 'accept-language': 'fr' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-language']).toBe('fr, en');
    const { structure } = res.json<DataMessage>();
    expect(structure.name).toBe(flowName(INDICATOR_NAMES.fr[indicator.id] ?? ''));
    const dimension = (id: string) => structure.dimensions.series.find((d) => d.id === id);
    // (In key order: MEX before UNDESA_903.)
    expect(dimension('REF_AREA')?.values.map((v) => [v.id, v.name])).toEqual([
      ['MEX', 'Mexique'],
      [AFRICA, M49_NAMES.fr['002']],
    ]);
    expect(dimension('SEX')).toMatchObject({ name: SEX_NAMES.fr.SEX, values: [{ id: 'F', name: SEX_NAMES.fr.F }] });
    expect(dimension('SEX')?.values[0]?.names).toEqual({ en: 'Female', fr: SEX_NAMES.fr.F, es: SEX_NAMES.es.F });
    const unit = structure.attributes.dataSet.find((a) => a.id === 'UNIT_MEASURE');
    expect(unit?.values).toEqual([
      {
        name: UNIT_NAMES.fr[indicator.unit],
        names: { en: indicator.unit, fr: UNIT_NAMES.fr[indicator.unit], es: UNIT_NAMES.es[indicator.unit] },
      },
    ]);
    // Without Accept-Language: English, as before.
    const plain = (await getJson<DataMessage>(url)).structure;
    expect(plain.dimensions.series.find((d) => d.id === 'REF_AREA')?.values.map((v) => v.name)).toEqual([
      'Mexico',
      'Africa',
    ]);
  });

  it('labels SDMX-CSV codes in the language asked', async () => {
    const url = `/api/sdmx/data/${FLOW}/A.MEX._Z.F?startPeriod=2020&format=csv&labels=both`;
    const [row] = parseCsv((await get(url, { 'accept-language': 'es' })).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(row?.['REF_AREA: Área de referencia']).toBe('MEX: México');
    expect(row?.[`SEX: ${SEX_NAMES.es.SEX}`]).toBe(`F: ${SEX_NAMES.es.F}`);
    // Every header and coded value in Spanish, none left in English.
    expect(row?.['FREQ: Frecuencia']).toBe('A: Anual');
    expect(row?.['OBS_STATUS: Estado de la observación']).toBe('A: Valor normal');
    expect(Object.keys(row ?? {})).toEqual(expect.arrayContaining(['TIME_PERIOD: Período', 'LICENCE: Licencia']));
    // The unit, which SDMX-JSON names in the language asked, too.
    expect(row?.['UNIT_MEASURE: Unidad de medida']).toBe(`persons: ${UNIT_NAMES.es.persons ?? ''}`);
    const [english] = parseCsv((await get(url)).body, { columns: true }) as Record<string, string>[];
    expect(english?.['SEX: Sex']).toBe('F: Female');
    expect(english?.['OBS_STATUS: Observation status']).toBe('A: Normal value');
    expect(english?.['UNIT_MEASURE: Unit of measure']).toBe('persons: persons');
    // Without labels, the value as stored.
    const [ids] = parseCsv((await get(url.replace('&labels=both', ''), { 'accept-language': 'es' })).body, {
      columns: true,
    }) as Record<string, string>[];
    expect(ids?.UNIT_MEASURE).toBe('persons');
  });

  it('takes the language from `lang` too, which a link can carry, over Accept-Language', async () => {
    const csv = `/api/sdmx/data/${FLOW}/A.MEX._Z.F?startPeriod=2020&format=csv&labels=both`;
    const rows = async (url: string, headers: Record<string, string> = {}) => {
      const res = await get(url, headers);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return [res, parseCsv(res.body, { columns: true }) as Record<string, string>[]] as const;
    };
    const [spanish, [es]] = await rows(`${csv}&lang=es`);
    expect(es?.['REF_AREA: Área de referencia']).toBe('MEX: México');
    expect(es?.[`SEX: ${SEX_NAMES.es.SEX}`]).toBe(`F: ${SEX_NAMES.es.F}`);
    expect(spanish.headers['content-language']).toBe('es, en');
    // The same answer as Accept-Language: es gives.
    expect(spanish.body).toBe((await get(csv, { 'accept-language': 'es' })).body);
    // `lang` wins over the header, English included.
    const [, [en]] = await rows(`${csv}&lang=en`, { 'accept-language': 'es' });
    expect(en?.['REF_AREA: Reference area']).toBe('MEX: Mexico');
    const [, [fr]] = await rows(`${csv}&lang=fr`, { 'accept-language': 'es' });
    expect(fr?.['REF_AREA: Zone de référence']).toBe('MEX: Mexique');

    // SDMX-JSON data and structure messages, and SDMX-ML structures.
    const data = await getJson<DataMessage>(`/api/sdmx/data/${FLOW}/A.MEX._Z.F?startPeriod=2020&lang=fr`);
    expect(data.structure.name).toBe(flowName(INDICATOR_NAMES.fr[indicator.id] ?? ''));
    const structure = await getJson<StructureMessage>(`/api/sdmx/dataflow/BRIDGES/${FLOW}?lang=es`, {
      'accept-language': 'fr',
    });
    expect(structure.data.dataflows?.[0]?.name).toBe(flowName(INDICATOR_NAMES.es[indicator.id] ?? ''));
    expect(structure.meta.contentLanguages[0]).toBe('es');
    const xml = await get(`/api/sdmx/dataflow/BRIDGES/${FLOW}?format=xml&lang=fr`);
    expect(xml.body).toMatch(
      /<str:Dataflow [^>]*>(?:<com:Annotations>.*?<\/com:Annotations>)?<com:Name xml:lang="fr">/,
    );
    // A language Bridges has no names in is no `lang`.
    const german = await get(`${csv}&lang=de`);
    expect(german.statusCode).toBe(400);
    expect(german.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe('lang');
  });
});
