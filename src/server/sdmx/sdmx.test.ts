import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import type { ErrorResponse } from '../../core/errors.js';
import { repeatedFigureNote } from '../../core/statistics-terms.js';
import { buildApp } from '../app.js';
import { diocLabourForce } from '../importers/dioc.js';
import { INDICATORS } from '../importers/indicators.js';
import { undesaIms2020, undesaIms2024 } from '../importers/undesa-ims.js';
import { importDataset } from '../stats/import-dataset.js';
import type { Importer, ObservationInput } from '../stats/model.js';
import { tinyImporter } from '../../../tests/helpers/stats.js';
import { sql } from 'kysely';

const FLOW_2024 = 'UNDESA_IMS_2024_MIGRANT_STOCK';
const FLOW_2020 = 'UNDESA_IMS_2020_MIGRANT_STOCK';
const FLOW_COST = 'TEST_SDMX_2025_REMITTANCE_COST_PCT';
const FLOW_DISPLACED = 'TEST_SDMX_2025_FORCIBLY_DISPLACED';

/**
 * A small made-up edition with what UN DESA lacks: a source's own dimensions (`amount`, `group`,
 * with a value that is not an SDMX id), quarters, totals by sex and series without counterpart.
 */
const SYNTHETIC_OBSERVATIONS: ObservationInput[] = [
  ...['200', '500'].flatMap((amount) =>
    ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'].map((period, i): ObservationInput => ({
      indicator: INDICATORS.remittanceCost.id,
      refArea: 'PHL',
      counterpartArea: 'USA',
      sex: '_T',
      freq: 'Q',
      dims: { amount },
      period,
      value: (amount === '200' ? 6 : 4) - i / 10,
      status: 'A',
    })),
  ),
  ...[{ group: 'asylum seeker' }, { group: 'refugee' }, undefined].map((dims, i): ObservationInput => ({
    indicator: INDICATORS.forciblyDisplaced.id,
    refArea: 'USA',
    counterpartArea: null,
    sex: '_T',
    freq: 'A',
    dims,
    period: '2024',
    value: 1000 * (i + 1),
    status: 'E',
    flags: 'x, "y"',
  })),
];
const SYNTHETIC: Importer = {
  meta: {
    id: 'test-sdmx-2025',
    family: 'test-sdmx',
    title: 'SDMX test edition',
    publisher: 'Bridges tests',
    edition: '2025',
    releaseDate: '2025-06-30',
    licence: 'CC0',
    sourceUrl: null,
    citation: 'Bridges tests (2025). SDMX test edition.',
    methodNotes: null,
    caveats: null,
    provenance: 'Written by src/server/sdmx/sdmx.test.ts',
  },
  indicators: [INDICATORS.remittanceCost, INDICATORS.forciblyDisplaced],
  files: ['synthetic.csv'],
  version: 1,
  read: () => ({ observations: SYNTHETIC_OBSERVATIONS }),
};

/** One observation read back from an SDMX message: every dimension's code, the value, the attributes. */
interface ReadObservation {
  key: Record<string, string>;
  value: number | null;
  attributes: Record<string, string | null>;
}

interface JsonComponent {
  id: string;
  keyPosition?: number;
  values: { id?: string; name: string }[];
}
interface JsonDataMessage {
  header: { id: string; prepared: string; sender: { id: string } };
  dataSets: {
    action: string;
    attributes?: (number | null)[];
    series?: Record<string, { observations?: Record<string, (number | null)[]> }>;
    observations?: Record<string, (number | null)[]>;
  }[];
  structure: {
    name: string;
    dimensions: { dataSet?: JsonComponent[]; series?: JsonComponent[]; observation?: JsonComponent[] };
    attributes: { dataSet?: JsonComponent[]; series?: JsonComponent[]; observation?: JsonComponent[] };
  };
}

/**
 * A small SDMX-JSON 1.0 data-message reader written from the specification: series keys such as
 * "0:1:0:2" index the value lists of structure.dimensions.series, observation keys those of
 * structure.dimensions.observation; an observation array is [value, attribute indexes…] in the
 * order of structure.attributes.observation; dataSets[].attributes index structure.attributes.dataSet.
 */
function readSdmxJson(message: JsonDataMessage): { observations: ReadObservation[]; dataset: Record<string, string> } {
  const { dimensions, attributes } = message.structure;
  const decode = (components: JsonComponent[], key: string) => {
    const out: Record<string, string> = {};
    if (key === '') return out;
    key.split(':').forEach((index, i) => {
      const component = components[i] as JsonComponent;
      out[component.id] = component.values[Number(index)]?.id ?? '?';
    });
    return out;
  };
  const attrs = (components: JsonComponent[], indexes: (number | null)[]) => {
    const out: Record<string, string | null> = {};
    components.forEach((component, i) => {
      const index = indexes[i];
      const v = index === null || index === undefined ? null : component.values[index];
      out[component.id] = v ? (v.id ?? v.name) : null;
    });
    return out;
  };
  const observations: ReadObservation[] = [];
  const dataset: Record<string, string> = {};
  for (const ds of message.dataSets) {
    Object.assign(dataset, attrs(attributes.dataSet ?? [], ds.attributes ?? []));
    const read = (seriesKey: Record<string, string>, obs: Record<string, (number | null)[]>) => {
      for (const [key, [value, ...indexes]] of Object.entries(obs)) {
        observations.push({
          key: { ...seriesKey, ...decode(dimensions.observation ?? [], key) },
          value: value ?? null,
          attributes: attrs(attributes.observation ?? [], indexes),
        });
      }
    };
    for (const [key, series] of Object.entries(ds.series ?? {}))
      read(decode(dimensions.series ?? [], key), series.observations ?? {});
    read({}, ds.observations ?? {});
  }
  return { observations, dataset };
}

function sum(observations: ReadObservation[], where: (o: ReadObservation) => boolean): number {
  return observations.filter(where).reduce((n, o) => n + (o.value ?? 0), 0);
}

describe.each(testEngines())('SDMX 2.1 REST on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await importDataset(testDb.database, undesaIms2024);
    await importDataset(testDb.database, undesaIms2020);
    await importDataset(testDb.database, diocLabourForce);
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-sdmx-'));
    try {
      writeFileSync(path.join(dir, 'synthetic.csv'), 'made up in the test\n');
      await importDataset(testDb.database, SYNTHETIC, { dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    app = await buildApp({ database: testDb.database, logLevel: 'warn' });
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function get(url: string, headers: Record<string, string> = {}) {
    return app.inject({ method: 'GET', url, headers });
  }
  async function getJson<T>(url: string, status = 200, headers: Record<string, string> = {}): Promise<T> {
    const res = await get(url, headers);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
    return res.json<T>();
  }
  const data = (path: string, query = '') => `/api/sdmx/data/${path}${query}`;
  /**
   * An error's message: the API's JSON error's or, where the client asked for XML, the text of the
   * SDMX-ML Error message (read closely in sdmx-errors.test.ts).
   */
  function errorMessageOf(res: { headers: Record<string, unknown>; body: string; json<T>(): T }): string {
    if (res.headers['content-type'] !== 'application/xml; charset=utf-8')
      return res.json<ErrorResponse>().error.message;
    const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return (/<com:Text xml:lang="en">([^<]*)<\/com:Text>/.exec(res.body)?.[1] ?? '').replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_all, name: string) => entities[name] ?? '',
    );
  }

  describe('structure', () => {
    interface Flow {
      id: string;
      agencyID: string;
      version: string;
      name: string;
      description: string;
      structure: string;
      annotations: { type: string; text?: string; title?: string }[];
    }
    type StructureMessage = {
      meta: { sender: { id: string }; contentLanguages: string[] };
      data: {
        dataflows?: Flow[];
        dataStructures?: {
          id: string;
          dataStructureComponents: {
            dimensionList: { dimensions: { id: string; position: number }[]; timeDimensions: { id: string }[] };
            attributeList: { attributes: { id: string; attributeRelationship: object }[] };
            measureList: { primaryMeasure: { id: string } };
          };
        }[];
        codelists?: { id: string; codes: { id: string; name: string; names: Record<string, string> }[] }[];
        conceptSchemes?: { id: string; concepts: { id: string }[] }[];
      };
    };

    it('lists one dataflow per dataset edition and indicator, with names, descriptions and sources', async () => {
      const res = await get('/api/sdmx/dataflow');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.sdmx.structure+json;version=1.0');
      const message = res.json<StructureMessage>();
      const flows = message.data.dataflows ?? [];
      expect(flows.map((f) => f.id)).toEqual([
        'OECD_DIOC_2015_LABOUR_FORCE_DIOC_EMIGRANTS',
        FLOW_DISPLACED,
        FLOW_COST,
        FLOW_2020,
        FLOW_2024,
      ]);
      const flow = flows.find((f) => f.id === FLOW_2024) as Flow;
      expect(flow).toMatchObject({ agencyID: 'BRIDGES', version: '1.0' });
      expect(flow.name).toContain('International migrant stock');
      expect(flow.description).toContain('CC BY 3.0 IGO');
      expect(flow.description).toContain('computes no total');
      expect(flow.structure).toBe(
        'urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=BRIDGES:UNDESA_IMS_2024_MIGRANT_STOCK(1.0)',
      );
      const citation = flow.annotations.find((a) => a.type === 'CITATION');
      expect(citation?.text).toContain('International Migrant Stock 2024');
      expect(flow.annotations.find((a) => a.type === 'BRIDGES_DATASET')?.title).toBe('undesa-ims-2024');
      expect(message.data.dataStructures).toBeUndefined();
    });

    it.each([
      '/api/sdmx/dataflow/BRIDGES',
      `/api/sdmx/dataflow/BRIDGES/${FLOW_2024}`,
      `/api/sdmx/dataflow/BRIDGES/${FLOW_2024}/1.0`,
      `/api/sdmx/dataflow/all/${FLOW_2024}/latest`,
    ])('answers %s', async (url) => {
      const flows = (await getJson<StructureMessage>(url)).data.dataflows ?? [];
      expect(flows.map((f) => f.id)).toContain(FLOW_2024);
    });

    it('gives the data structure with its codelists and concepts', async () => {
      const message = await getJson<StructureMessage>(`/api/sdmx/datastructure/BRIDGES/${FLOW_2024}/1.0`);
      const [dsd] = message.data.dataStructures ?? [];
      const components = dsd?.dataStructureComponents;
      expect(components?.dimensionList.dimensions.map((d) => d.id)).toEqual([
        'FREQ',
        'REF_AREA',
        'COUNTERPART_AREA',
        'SEX',
      ]);
      expect(components?.dimensionList.timeDimensions.map((d) => d.id)).toEqual(['TIME_PERIOD']);
      expect(components?.measureList.primaryMeasure.id).toBe('OBS_VALUE');
      // COMMENT_OBS: UN DESA's stocks may only repeat the period before's (see the describe below).
      expect(components?.attributeList.attributes.map((a) => a.id)).toEqual([
        'OBS_STATUS',
        'OBS_FLAGS',
        'COMMENT_OBS',
        'UNIT_MEASURE',
        'PUBLISHER',
        'LICENCE',
        'CITATION',
      ]);
      const codelists = new Map((message.data.codelists ?? []).map((c) => [c.id, c]));
      expect([...codelists.keys()].sort()).toEqual(['CL_AREA', 'CL_FREQ', 'CL_OBS_STATUS', 'CL_SEX']);
      const mexico = codelists.get('CL_AREA')?.codes.find((c) => c.id === 'MEX');
      expect(mexico?.name).toBe('Mexico');
      expect(mexico?.names.es).toBe('México');
      // The message names every language a name of it is in: the areas' are in the UN's six.
      expect([...message.meta.contentLanguages].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      expect(codelists.get('CL_SEX')?.codes.map((c) => c.id)).toEqual(['_T', 'F', 'M']);
      expect(message.data.conceptSchemes?.[0]?.concepts.map((c) => c.id)).toContain('COUNTERPART_AREA');
      // references=none: the data structure alone, as SDMX's default; named in the languages
      // Bridges names its indicator in.
      const bare = await getJson<StructureMessage>(`/api/sdmx/datastructure/BRIDGES/${FLOW_2024}?references=none`);
      expect(bare.data.codelists).toBeUndefined();
      expect(bare.meta.contentLanguages).toEqual(['en', 'fr', 'es']);
      // A dataflow with its descendants.
      const all = await getJson<StructureMessage>(`/api/sdmx/dataflow/BRIDGES/${FLOW_2024}?references=descendants`);
      expect(all.data.dataStructures?.map((d) => d.id)).toEqual([FLOW_2024]);
      expect(all.data.codelists?.map((c) => c.id)).toContain('CL_AREA');
    });

    it('gives codelists and concept schemes by id', async () => {
      const sex = await getJson<StructureMessage>('/api/sdmx/codelist/BRIDGES/CL_SEX/1.0');
      expect(sex.data.codelists?.map((c) => c.id)).toEqual(['CL_SEX']);
      expect(sex.data.dataStructures).toBeUndefined();
      // A shared codelist's parents: every data structure that uses it.
      const parents = await getJson<StructureMessage>('/api/sdmx/codelist/BRIDGES/CL_SEX?references=parents');
      expect(parents.data.codelists?.map((c) => c.id)).toEqual(['CL_SEX']);
      const users = parents.data.dataStructures?.map((d) => d.id) ?? [];
      expect(users).toEqual(expect.arrayContaining([FLOW_2024, FLOW_2020]));
      const flows = await getJson<StructureMessage>('/api/sdmx/dataflow');
      expect(users.length).toBe(flows.data.dataflows?.length);
      const cs = await getJson<StructureMessage>(`/api/sdmx/conceptscheme/BRIDGES/CS_${FLOW_2020}`);
      expect(cs.data.conceptSchemes?.map((c) => c.id)).toEqual([`CS_${FLOW_2020}`]);
    });

    it.each([
      ['/api/sdmx/dataflow/BRIDGES/NOPE', 'id', 'no dataflow has the id "NOPE"'],
      ['/api/sdmx/dataflow/ECB', 'agency', 'no dataflow is maintained by "ECB"'],
      [`/api/sdmx/datastructure/ECB/${FLOW_2024}/2.0`, 'agency', 'no datastructure is maintained by "ECB"'],
      [`/api/sdmx/dataflow/BRIDGES/${FLOW_2024}/2.0`, 'version', 'no dataflow has the version "2.0"'],
      ['/api/sdmx/codelist/BRIDGES/CL_NOPE', 'id', 'no codelist has the id "CL_NOPE"'],
      [`/api/sdmx/conceptscheme/all/${FLOW_2024}`, 'id', `no conceptscheme has the id "${FLOW_2024}"`],
    ])('answers %s with 404 naming the path segment %s', async (url, field, message) => {
      const body = await getJson<ErrorResponse>(url, 404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.details).toEqual([{ field, message: expect.stringContaining(message) as unknown }]);
      expect(body.error.message).toContain('Bridges publishes agency BRIDGES, version 1.0');
    });

    it('keeps structures until an import changes the data, then answers with the new flow', async () => {
      const flows = async () =>
        (await getJson<{ data: { dataflows: { id: string }[] } }>('/api/sdmx/dataflow')).data.dataflows.map(
          (f) => f.id,
        );
      const before = await flows();
      expect(before).not.toContain('TINY_SDMX_CACHE_TINY_STOCK');
      await importDataset(testDb.database, tinyImporter('tiny-sdmx-cache'));
      try {
        // The data's version is read again at most a second later.
        await expect.poll(flows, { timeout: 10_000, interval: 200 }).toContain('TINY_SDMX_CACHE_TINY_STOCK');
      } finally {
        await sql`DELETE FROM dataset WHERE id = 'tiny-sdmx-cache'`.execute(testDb.database.db);
      }
      await expect.poll(flows, { timeout: 10_000, interval: 200 }).toEqual(before);
    });

    it('documents the data query with its flow and key in the OpenAPI document', async () => {
      type Operation = { get: { parameters: { name: string; in: string; required?: boolean }[] } };
      const doc = await getJson<{ paths: Record<string, Operation> }>('/api/openapi.json');
      const dataPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/sdmx/data/'));
      expect(dataPaths).toEqual(['/api/sdmx/data/{flow}', '/api/sdmx/data/{flow}/{key}']);
      const inPath = doc.paths['/api/sdmx/data/{flow}/{key}']?.get.parameters.filter((p) => p.in === 'path');
      expect(inPath?.map((p) => [p.name, p.required])).toEqual([
        ['flow', true],
        ['key', true],
      ]);
      // And the key so documented is the key the route reads.
      const byName = await get('/api/sdmx/data/UNDESA_IMS_2024_MIGRANT_STOCK/A.USA.MEX.F?format=csv');
      expect(byName.statusCode, byName.body.slice(0, 300)).toBe(200);
    });

    it('documents each answer under the media types it is sent as', async () => {
      type Responses = Record<string, { content?: Record<string, unknown> }>;
      const doc = await getJson<{ paths: Record<string, { get: { responses: Responses } }> }>('/api/openapi.json');
      const documented = (path: string) => Object.keys(doc.paths[path]?.get.responses['200']?.content ?? {});
      const sent = async (url: string) => {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        return String(res.headers['content-type']);
      };
      const data = `/api/sdmx/data/${FLOW_2024}/A.USA.MEX.F`;
      expect(documented('/api/sdmx/data/{flow}/{key}')).toEqual(
        await Promise.all(['sdmx-json', 'csv', 'xml'].map((f) => sent(`${data}?format=${f}`))),
      );
      expect(documented('/api/sdmx/data/{flow}')).toEqual(documented('/api/sdmx/data/{flow}/{key}'));
      for (const path of ['/api/sdmx/dataflow', '/api/sdmx/datastructure/{agency}/{id}/{version}'])
        expect(documented(path), path).toEqual(
          await Promise.all(['sdmx-json', 'xml'].map((f) => sent(`/api/sdmx/dataflow?format=${f}`))),
        );
      // Errors are JSON, or SDMX-ML for a client asking for XML.
      expect(Object.keys(doc.paths['/api/sdmx/dataflow']?.get.responses['404']?.content ?? {})).toEqual([
        'application/json',
        'application/xml',
      ]);
    });

    it('answers an Accept it cannot serve with 406', async () => {
      const body = await getJson<ErrorResponse>('/api/sdmx/dataflow', 406, {
        accept: 'application/vnd.sdmx.structure+json;version=2.0.0',
      });
      expect(body.error.message).toContain('application/vnd.sdmx.structure+json;version=1.0');
    });

    it('gives SDMX-ML 2.1 structures to clients asking for XML (rsdmx does)', async () => {
      const res = await get(`/api/sdmx/datastructure/BRIDGES/${FLOW_2024}/1.0`, { accept: 'application/xml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.sdmx.structure+xml;version=2.1');
      expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mes:Structure /);
      const dimensions = [...res.body.matchAll(/<str:(?:Time)?Dimension id="([A-Z_]+)" position="(\d)"/g)];
      expect(dimensions.map((m) => `${m[1] ?? ''}@${m[2] ?? ''}`)).toEqual([
        'FREQ@1',
        'REF_AREA@2',
        'COUNTERPART_AREA@3',
        'SEX@4',
        'TIME_PERIOD@5',
      ]);
      expect(res.body).toContain('<str:Code id="MEX" ');
      expect(res.body).toContain('<com:Name xml:lang="es">México</com:Name>');
      const flows = await get('/api/sdmx/dataflow?format=xml');
      expect(flows.body).toContain(`<str:Dataflow id="${FLOW_2020}"`);
      expect(flows.body).toContain('<com:AnnotationType>CITATION</com:AnnotationType>');
    });
  });

  describe('sources’ own dimensions', () => {
    type Dsd = {
      data: {
        dataStructures: { dataStructureComponents: { dimensionList: { dimensions: { id: string }[] } } }[];
        codelists: { id: string; codes: { id: string; name: string }[] }[];
      };
    };

    it('adds them to the key after SEX, upper-cased, with their codelists', async () => {
      const cost = await getJson<Dsd>(`/api/sdmx/datastructure/BRIDGES/${FLOW_COST}`);
      expect(cost.data.dataStructures[0]?.dataStructureComponents.dimensionList.dimensions.map((d) => d.id)).toEqual([
        'FREQ',
        'REF_AREA',
        'COUNTERPART_AREA',
        'SEX',
        'AMOUNT',
      ]);
      const amounts = cost.data.codelists.find((c) => c.id === `CL_${FLOW_COST}_AMOUNT`);
      expect(amounts?.codes.map((c) => c.id)).toEqual(['200', '500']);
      const displaced = await getJson<Dsd>(`/api/sdmx/datastructure/BRIDGES/${FLOW_DISPLACED}`);
      const groups = displaced.data.codelists.find((c) => c.id === `CL_${FLOW_DISPLACED}_GROUP`)?.codes ?? [];
      expect(groups.map((c) => c.name)).toEqual(['Not applicable', 'asylum seeker', 'refugee']);
      expect(groups[1]?.id).toMatch(/^asylum_seeker_[0-9a-f]{6}$/);
      const flows = await getJson<{ data: { dataflows: { id: string; description: string }[] } }>(
        `/api/sdmx/dataflow/BRIDGES/${FLOW_COST}`,
      );
      expect(flows.data.dataflows[0]?.description).not.toContain('computes no total');
    });

    it('selects by them, quarters by period, and series without counterpart by _Z', async () => {
      const quarters = readSdmxJson(
        await getJson<JsonDataMessage>(data(`${FLOW_COST}/Q.PHL.USA._T.500`, '?startPeriod=2023-Q3')),
      ).observations;
      expect(quarters.map((o) => [o.key.TIME_PERIOD, o.key.AMOUNT, o.value])).toEqual([
        ['2023-Q3', '500', 3.8],
        ['2023-Q4', '500', 3.7],
      ]);
      const both = readSdmxJson(await getJson<JsonDataMessage>(data(`${FLOW_COST}/Q.PHL.USA._T.`))).observations;
      expect(both).toHaveLength(8);

      const dsd = await getJson<Dsd>(`/api/sdmx/datastructure/BRIDGES/${FLOW_DISPLACED}`);
      const groups = dsd.data.codelists.find((c) => c.id === `CL_${FLOW_DISPLACED}_GROUP`)?.codes ?? [];
      const asylum = groups.find((c) => c.name === 'asylum seeker')?.id ?? '';
      // The code computed in SQL matches the one the codelist shows.
      const seekers = readSdmxJson(
        await getJson<JsonDataMessage>(data(`${FLOW_DISPLACED}/A.USA._Z._T.${asylum}`)),
      ).observations;
      expect(seekers.map((o) => [o.key.COUNTERPART_AREA, o.key.GROUP, o.value, o.attributes.OBS_STATUS])).toEqual([
        ['_Z', asylum, 1000, 'E'],
      ]);
      const ungrouped = readSdmxJson(await getJson<JsonDataMessage>(data(`${FLOW_DISPLACED}/A.USA._Z._T._Z`)));
      expect(ungrouped.observations.map((o) => o.value)).toEqual([3000]);
      expect(ungrouped.observations[0]?.attributes.OBS_FLAGS).toBe('x, "y"');

      const csv = await get(data(`${FLOW_DISPLACED}/A.USA..._Z+refugee`, '?format=csv'));
      const rows = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [r.GROUP, r.COUNTERPART_AREA, r.OBS_VALUE, r.OBS_FLAGS])).toEqual([
        ['_Z', '_Z', '3000', 'x, "y"'],
        ['refugee', '_Z', '2000', 'x, "y"'],
      ]);
      expect(rows[0]?.LICENCE).toBe('CC0');
      // Labelled, a code of the source's own dimension reads with the source's value.
      const labelled = await get(data(`${FLOW_DISPLACED}/A.USA._Z._T.${asylum}`, '?format=csv&labels=both'));
      const [row] = parseCsv(labelled.body, { columns: true }) as Record<string, string>[];
      expect(Object.entries(row ?? {}).find(([k]) => k.startsWith('GROUP'))?.[1]).toBe(`${asylum}: asylum seeker`);
      const named = await getJson<JsonDataMessage>(data(`${FLOW_DISPLACED}/A.USA._Z._T.${asylum}`));
      const group = named.structure.dimensions.series?.find((d) => d.id === 'GROUP');
      expect(group?.values).toEqual([{ id: asylum, name: 'asylum seeker' }]);
    });
  });

  describe('figures that only repeat the period before’s (COMMENT_OBS)', () => {
    /** Bridges' comment on a figure of `period` that repeats `previous`'s, in `lang`: the data hub's note. */
    const comment = (period: string, previous: string, lang = 'en') =>
      `${lang === 'fr' ? 'Bridges\u00a0: ' : 'Bridges: '}${repeatedFigureNote({ period, previous }, period, lang) ?? ''}`;
    type Dsd = {
      data: {
        dataStructures: {
          id: string;
          dataStructureComponents: {
            attributeList: {
              attributes: {
                id: string;
                assignmentStatus: string;
                attributeRelationship: object;
                localRepresentation: object;
              }[];
            };
          };
        }[];
        conceptSchemes: { concepts: { id: string; name: string }[] }[];
      };
    };
    const SOURCE_ATTRIBUTES = ['OBS_STATUS', 'OBS_FLAGS', 'UNIT_MEASURE', 'PUBLISHER', 'LICENCE', 'CITATION'];

    it('declares the observation comment, optional free text, in the UN DESA stock flows’ structures only', async () => {
      for (const flow of [FLOW_2024, FLOW_2020]) {
        const message = await getJson<Dsd>(`/api/sdmx/datastructure/BRIDGES/${flow}/1.0`);
        const attributes = message.data.dataStructures[0]?.dataStructureComponents.attributeList.attributes ?? [];
        expect(attributes.find((a) => a.id === 'COMMENT_OBS')).toEqual({
          id: 'COMMENT_OBS',
          assignmentStatus: 'Conditional',
          attributeRelationship: { primaryMeasure: 'OBS_VALUE' },
          conceptIdentity: `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=BRIDGES:CS_${flow}(1.0).COMMENT_OBS`,
          localRepresentation: { textFormat: { textType: 'String' } },
        });
        const concept = message.data.conceptSchemes[0]?.concepts.find((c) => c.id === 'COMMENT_OBS');
        expect(concept?.name).toBe('Observation comment');
        const xml = await get(`/api/sdmx/datastructure/BRIDGES/${flow}/1.0`, { accept: 'application/xml' });
        expect(xml.body).toContain('<str:Attribute id="COMMENT_OBS" assignmentStatus="Conditional">');
      }
      // Other publishers' flows as they were.
      for (const flow of [FLOW_COST, FLOW_DISPLACED, 'OECD_DIOC_2015_LABOUR_FORCE_DIOC_EMIGRANTS']) {
        const message = await getJson<Dsd>(`/api/sdmx/datastructure/BRIDGES/${flow}/1.0`);
        const attributes = message.data.dataStructures[0]?.dataStructureComponents.attributeList.attributes ?? [];
        expect(attributes.map((a) => a.id)).toEqual(SOURCE_ATTRIBUTES);
        expect(message.data.conceptSchemes[0]?.concepts.map((c) => c.id)).not.toContain('COMMENT_OBS');
        const xml = await get(`/api/sdmx/datastructure/BRIDGES/${flow}/1.0`, { accept: 'application/xml' });
        expect(xml.body).not.toContain('COMMENT_OBS');
      }
      const csv = await get(data(`${FLOW_DISPLACED}/all`, '?format=csv'));
      expect(csv.body.split('\r\n')[0]).not.toContain('COMMENT_OBS');
    });

    it('marks the Philippines’ 2024 figures, which only repeat 2020’s, and not 2020’s, in SDMX-JSON, SDMX-CSV and SDMX-ML', async () => {
      // Americans in the Philippines (destination PHL, origin USA), by sex.
      const url = data(`${FLOW_2024}/A.PHL.USA.`, '?startPeriod=2015');
      const { observations } = readSdmxJson(await getJson<JsonDataMessage>(url));
      expect(observations).toHaveLength(6);
      for (const o of observations) {
        const before = observations.find((b) => b.key.SEX === o.key.SEX && b.key.TIME_PERIOD === '2020');
        if (o.key.TIME_PERIOD === '2024') {
          expect(o.value).toBe(before?.value);
          expect(o.attributes.COMMENT_OBS).toBe(comment('2024', '2020'));
        } else {
          expect(o.attributes.COMMENT_OBS, o.key.TIME_PERIOD).toBeNull();
        }
        expect(o.attributes.OBS_STATUS).toBe('A');
      }
      const json = await getJson<{
        structure: { attributes: { observation: { id: string; values: { name: string; names?: object }[] }[] } };
      }>(url);
      expect(json.structure.attributes.observation.map((a) => a.id)).toEqual([
        'OBS_STATUS',
        'OBS_FLAGS',
        'COMMENT_OBS',
      ]);
      expect(json.structure.attributes.observation[2]?.values).toEqual([
        {
          name: comment('2024', '2020'),
          names: { en: comment('2024', '2020'), fr: comment('2024', '2020', 'fr'), es: comment('2024', '2020', 'es') },
        },
      ]);

      const rows = parseCsv((await get(data(`${FLOW_2024}/A.PHL.USA.`, '?format=csv'))).body, {
        columns: true,
      }) as Record<string, string>[];
      expect(rows.filter((r) => r.COMMENT_OBS).map((r) => `${r.SEX ?? ''}${r.TIME_PERIOD ?? ''}`)).toEqual([
        'F2024',
        'M2024',
      ]);
      expect(new Set(rows.filter((r) => r.TIME_PERIOD === '2024').map((r) => r.COMMENT_OBS))).toEqual(
        new Set([comment('2024', '2020')]),
      );

      const xml = await get(data(`${FLOW_2024}/A.PHL.USA.`, '?startPeriod=2020'), { accept: 'application/xml' });
      const obs = [...xml.body.matchAll(/<gen:Obs><gen:ObsDimension value="(\d+)"\/>.*?<\/gen:Obs>/g)];
      expect(obs.map((m) => m[1])).toEqual(['2020', '2024', '2020', '2024']);
      for (const [element, period] of obs) {
        if (period === '2024')
          expect(element).toContain(
            `<gen:Value id="COMMENT_OBS" value="${comment('2024', '2020').replace(/'/g, '&apos;')}"/>`,
          );
        else expect(element).not.toContain('COMMENT_OBS');
      }
    });

    it('says it in the language asked, as the names', async () => {
      const french = parseCsv(
        (await get(data(`${FLOW_2024}/A.PHL.USA.F`, '?format=csv&labels=both&lang=fr&startPeriod=2024'))).body,
        { columns: true },
      ) as Record<string, string>[];
      expect(french[0]?.['COMMENT_OBS: Commentaire sur l’observation']).toBe(comment('2024', '2020', 'fr'));
      const xml = await get(data(`${FLOW_2024}/A.PHL.USA.F`, '?startPeriod=2024'), {
        accept: 'application/xml',
        'accept-language': 'es-419, en;q=0.5',
      });
      expect(xml.body).toContain(`<gen:Value id="COMMENT_OBS" value="${comment('2024', '2020', 'es')}"/>`);
      const json = readSdmxJson(
        await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.PHL.USA.F`, '?startPeriod=2024'), 200, {
          'accept-language': 'fr',
        }),
      );
      expect(json.observations[0]?.attributes.COMMENT_OBS).toBe(comment('2024', '2020', 'fr'));
    });

    it('marks only the destinations that repeat (the Philippines, Niue), every figure of theirs that does, and nothing without attributes', async () => {
      const rows = parseCsv((await get(data(`${FLOW_2024}/all`, '?format=csv&startPeriod=2020'))).body, {
        columns: true,
      }) as Record<string, string>[];
      const commented = rows.filter((r) => r.COMMENT_OBS);
      expect(new Set(commented.map((r) => r.REF_AREA))).toEqual(new Set(['NIU', 'PHL']));
      expect(new Set(commented.map((r) => r.TIME_PERIOD))).toEqual(new Set(['2024']));
      // UN DESA 2024 gives both destinations' 2020 figures again: every one of their 2024 figures.
      const repeating = rows.filter((r) => ['NIU', 'PHL'].includes(r.REF_AREA ?? '') && r.TIME_PERIOD === '2024');
      expect(commented).toEqual(repeating);
      const valueOf = (r: Record<string, string>, period: string) =>
        rows.find(
          (b) =>
            b.REF_AREA === r.REF_AREA &&
            b.COUNTERPART_AREA === r.COUNTERPART_AREA &&
            b.SEX === r.SEX &&
            b.TIME_PERIOD === period,
        )?.OBS_VALUE;
      expect(commented.every((r) => valueOf(r, '2020') === r.OBS_VALUE)).toBe(true);
      // No attributes asked for: no comment either.
      const dataOnly = await get(data(`${FLOW_2024}/A.PHL.USA.`, '?format=csv&detail=dataonly'));
      expect(dataOnly.body).not.toContain('Repeats the');
      const keys = await get(data(`${FLOW_2024}/A.PHL..`, '?detail=nodata'));
      expect(keys.body).not.toContain('Repeats the');
    });

    it('says it of a figure only where the figure itself is unchanged: Revision 2020’s Niue, whose women moved between origins', async () => {
      const rows = parseCsv((await get(data(`${FLOW_2020}/A.NIU.NZL.`, '?format=csv&startPeriod=2015'))).body, {
        columns: true,
      }) as Record<string, string>[];
      expect(rows.map((r) => [r.SEX, r.TIME_PERIOD, r.OBS_VALUE, r.COMMENT_OBS])).toEqual([
        ['F', '2015', '157', ''],
        ['F', '2020', '164', ''],
        ['M', '2015', '178', ''],
        ['M', '2020', '178', comment('2020', '2015')],
      ]);
    });
  });

  describe('data', () => {
    it('gives Mexico → USA by sex in SDMX-JSON, male + female = the UN DESA totals', async () => {
      for (const [flow, expected] of [
        [FLOW_2024, 11_177_052],
        [FLOW_2020, 10_853_105],
      ] as const) {
        const res = await get(data(`${flow}/A.USA.MEX.`));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.sdmx.data+json;version=1.0.0');
        const message = res.json<JsonDataMessage>();
        expect(message.header.sender.id).toBe('BRIDGES');
        const { observations, dataset } = readSdmxJson(message);
        const in2020 = observations.filter((o) => o.key.TIME_PERIOD === '2020');
        expect(in2020.map((o) => o.key.SEX).sort()).toEqual(['F', 'M']);
        expect(in2020.every((o) => o.key.REF_AREA === 'USA' && o.key.COUNTERPART_AREA === 'MEX')).toBe(true);
        expect(sum(in2020, () => true)).toBe(expected);
        expect(in2020[0]?.attributes.OBS_STATUS).toBe('A');
        expect(dataset.UNIT_MEASURE).toBe('persons');
        expect(dataset.LICENCE).toBe('CC BY 3.0 IGO');
        expect(dataset.CITATION).toContain(flow === FLOW_2024 ? 'Rev.2024' : 'Rev.2020');
        // Published figures only: no total by sex is made up.
        expect(observations.some((o) => o.key.SEX === '_T')).toBe(false);
      }
    });

    it('gives the same figures in SDMX-CSV', async () => {
      for (const [flow, expected] of [
        [FLOW_2024, 11_177_052],
        [FLOW_2020, 10_853_105],
      ] as const) {
        const res = await get(data(`BRIDGES,${flow},1.0/A.USA.MEX.`, '?format=csv'));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.sdmx.data+csv;version=1.0.0;charset=utf-8');
        expect(res.body).toContain('\r\n');
        const rows = parseCsv(res.body, { columns: true }) as Record<string, string>[];
        expect(Object.keys(rows[0] ?? {})).toEqual([
          'DATAFLOW',
          'FREQ',
          'REF_AREA',
          'COUNTERPART_AREA',
          'SEX',
          'TIME_PERIOD',
          'OBS_VALUE',
          'OBS_STATUS',
          'OBS_FLAGS',
          'COMMENT_OBS',
          'UNIT_MEASURE',
          'PUBLISHER',
          'LICENCE',
          'CITATION',
        ]);
        expect(rows.every((r) => r.DATAFLOW === `BRIDGES:${flow}(1.0)`)).toBe(true);
        const in2020 = rows.filter((r) => r.TIME_PERIOD === '2020');
        expect(in2020.map((r) => r.SEX).sort()).toEqual(['F', 'M']);
        expect(in2020.reduce((n, r) => n + Number(r.OBS_VALUE), 0)).toBe(expected);
        expect(rows[0]?.CITATION).toContain('International Migrant Stock');
        expect(rows[0]?.PUBLISHER).toContain('United Nations');
      }
    });

    it('gives the same figures in SDMX-ML 2.1 generic data to clients asking for XML', async () => {
      const res = await get(data(`${FLOW_2024}/A.USA.MEX.`), { accept: 'application/xml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.sdmx.genericdata+xml;version=2.1');
      const series = [...res.body.matchAll(/<gen:Series>(.*?)<\/gen:Series>/g)].map((m) => m[1] ?? '');
      expect(series).toHaveLength(2);
      let total = 0;
      for (const s of series) {
        expect(s).toContain('<gen:Value id="REF_AREA" value="USA"/><gen:Value id="COUNTERPART_AREA" value="MEX"/>');
        const in2020 = /<gen:ObsDimension value="2020"\/><gen:ObsValue value="(\d+)"\/>/.exec(s);
        total += Number(in2020?.[1]);
      }
      expect(total).toBe(11_177_052);
      expect(res.body).toContain('<gen:Value id="LICENCE" value="CC BY 3.0 IGO"/>');
      expect(res.body.trimEnd().endsWith('</mes:DataSet></mes:GenericData>')).toBe(true);
      const flat = await get(
        data(`${FLOW_2024}/A.USA.MEX.`, '?format=genericdata&dimensionAtObservation=AllDimensions'),
      );
      expect(flat.body).toContain('dimensionAtObservation="AllDimensions"');
      expect(flat.body).toMatch(/<gen:Obs><gen:ObsKey>(<gen:Value id="[A-Z_]+" value="[^"]+"\/>){5}<\/gen:ObsKey>/);
    });

    it('gzips a data answer for clients that accept it, and lets any web page read it', async () => {
      const url = data(`${FLOW_2024}/A.USA..F`, '?format=csv');
      const plain = await app.inject({ method: 'GET', url });
      const zipped = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept, Accept-Encoding, Accept-Language');
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(plain.headers['access-control-allow-origin']).toBe('*');
      // Structures too (each message has its own id and time).
      const structure = '/api/sdmx/codelist/all/all/latest?format=xml';
      const xml = await app.inject({ method: 'GET', url: structure });
      const xmlZipped = await app.inject({ method: 'GET', url: structure, headers: { 'accept-encoding': 'gzip' } });
      expect(xmlZipped.headers['content-encoding']).toBe('gzip');
      const prepared = (text: string) => text.replace(/<mes:ID>.*<\/mes:Prepared>/, '');
      expect(prepared(gunzipSync(xmlZipped.rawPayload).toString('utf8'))).toBe(prepared(xml.body));
      expect(xml.headers['content-type']).toBe('application/vnd.sdmx.structure+xml;version=2.1');
      expect(xmlZipped.rawPayload.length).toBeLessThan(xml.rawPayload.length / 4);
      // Accounts are not open data.
      const me = await app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(me.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('names a bundled source’s own dimensions and codes as its publisher documents them', async () => {
      const flow = 'OECD_DIOC_2015_LABOUR_FORCE_DIOC_EMIGRANTS';
      const lists = (
        await getJson<{ data: { codelists?: { name: string; codes: { id: string; name: string }[] }[] } }>(
          `/api/sdmx/codelist/BRIDGES/CL_${flow}_LFS?format=sdmx-json`,
        )
      ).data.codelists;
      expect(lists?.[0]).toMatchObject({
        name: `Labour-force status (ILO) (${flow})`,
        codes: [
          { id: '1', name: 'Employed' },
          { id: '2', name: 'Unemployed' },
          { id: '3', name: 'Inactive (not in the labour force)' },
          { id: '99', name: 'Unknown' },
        ],
      });
      // Labelled SDMX-CSV: Filipino women abroad, 15–24, tertiary education, foreign-born, employed.
      const res = await get(data(`${flow}/A.PHL..F.1.3.1.1...`, '?format=csv&labels=both'));
      const [header, first] = parseCsv(res.body) as string[][];
      const cell = (column: string) => first?.[header?.indexOf(column) ?? -1];
      expect(
        ['AGE: Age group', 'EDU_LFS: Level of education (ISCED)', 'LFS: Labour-force status (ILO)'].map(cell),
      ).toEqual(['1: 15–24', '3: Tertiary: ISCED 5–8', '1: Employed']);
    });

    it('answers a browser’s CORS preflight on open data, and a wrong method with 405 and the methods allowed', async () => {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: data(`${FLOW_2024}/A.USA..F`),
        headers: {
          origin: 'https://stats.example.org',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'accept, x-requested-with',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': 'accept, x-requested-with',
      });
      const profile = await app.inject({ method: 'OPTIONS', url: '/api/profiles/PHL' });
      expect([profile.statusCode, profile.headers['access-control-allow-origin']]).toEqual([204, '*']);
      // The countries, the search and the library's open data (gap map, exports, source documents) too.
      for (const url of [
        '/api/countries',
        '/api/regions',
        '/api/search?q=mida',
        '/api/library/gap-map',
        '/api/library/export',
        '/api/library/sources',
      ]) {
        const get = await app.inject({ method: 'GET', url, headers: { origin: 'https://stats.example.org' } });
        const asked = await app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin: 'https://stats.example.org', 'access-control-request-method': 'GET' },
        });
        expect([url, get.statusCode, get.headers['access-control-allow-origin']]).toEqual([url, 200, '*']);
        expect([url, asked.statusCode, asked.headers['access-control-allow-origin']]).toEqual([url, 204, '*']);
      }
      // The library's editing and its review queue are not open data.
      for (const [method, url] of [
        ['GET', '/api/library/review-queue'],
        ['POST', '/api/library/items'],
      ] as const) {
        const res = await app.inject({ method, url, headers: { origin: 'https://evil.example' } });
        expect([url, res.headers['access-control-allow-origin']]).toEqual([url, undefined]);
      }
      // Accounts answer OPTIONS with their methods, but no page elsewhere may call them.
      const session = await app.inject({
        method: 'OPTIONS',
        url: '/api/auth/session',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(session.statusCode).toBe(204);
      expect(session.headers['access-control-allow-origin']).toBeUndefined();
      const post = await app.inject({ method: 'POST', url: '/api/sdmx/dataflow' });
      expect(post.statusCode).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(post.json()).toMatchObject({
        error: { code: 'method_not_allowed', message: '/api/sdmx/dataflow answers GET, HEAD, not POST' },
      });
      expect((await app.inject({ method: 'POST', url: '/api/no-such-thing' })).statusCode).toBe(404);
    });

    it('labels codes with their names on request', async () => {
      const res = await get(data(`${FLOW_2024}/A.USA.MEX.F`, '?format=csv&labels=both&lastNObservations=1'));
      const [row] = parseCsv(res.body, { columns: true }) as Record<string, string>[];
      expect(row?.['REF_AREA: Reference area']).toBe('USA: United States of America');
      expect(row?.['COUNTERPART_AREA: Counterpart area']).toBe('MEX: Mexico');
      expect(row?.['OBS_STATUS: Observation status']).toBe('A: Normal value');
    });

    it('takes labels as a parameter or in the SDMX-CSV media type, the parameter winning', async () => {
      // The counterpart of the first row, as written.
      const mexico = (body: string) => {
        const [row] = parseCsv(body, { columns: true }) as Record<string, string>[];
        return Object.entries(row ?? {}).find(([column]) => column.startsWith('COUNTERPART_AREA'))?.[1];
      };
      const url = data(`${FLOW_2024}/A.USA.MEX.F`, '?lastNObservations=1');
      const byParameter = await get(`${url}&labels=both`, { accept: 'text/csv' });
      expect(mexico(byParameter.body)).toBe('MEX: Mexico');
      const byMediaType = await get(url, { accept: 'application/vnd.sdmx.data+csv;version=1.0.0;labels=both' });
      expect(mexico(byMediaType.body)).toBe('MEX: Mexico');
      const overridden = await get(`${url}&labels=id`, {
        accept: 'application/vnd.sdmx.data+csv;version=1.0.0;labels=both',
      });
      expect(mexico(overridden.body)).toBe('MEX');
    });

    it.each([
      ['', undefined, 'with neither format= nor an Accept header the answer is SDMX-JSON'],
      ['&format=jsondata', 'text/csv', 'format=jsondata asks for SDMX-JSON'],
      ['&format=xml', undefined, 'format=xml asks for SDMX-ML'],
      ['', 'application/xml', "the Accept header's application/xml gets SDMX-ML"],
      ['', '*/*', "the Accept header's */* gets SDMX-JSON"],
    ])('refuses labels with 400 where the answer is not SDMX-CSV (%s, Accept %s)', async (query, accept, why) => {
      for (const labels of ['both', 'id']) {
        // (In SDMX-ML where the client asked for XML.)
        const res = await get(data(`${FLOW_2024}/A.USA.MEX.F`, `?labels=${labels}${query}`), accept ? { accept } : {});
        expect(res.statusCode).toBe(400);
        expect(errorMessageOf(res)).toBe(
          `labels: applies only to SDMX-CSV (format=csv, or Accept: application/vnd.sdmx.data+csv or text/csv): it chooses codes alone (id) or codes with their names (both), and ${why}`,
        );
      }
    });

    it('does not take an SDMX-CSV media type asking for options it does not give', async () => {
      for (const accept of [
        'application/vnd.sdmx.data+csv;version=1.0.0;labels=name',
        'application/vnd.sdmx.data+csv;version=1.0.0;timeFormat=normalized',
        'text/csv;labels=name',
      ]) {
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.F`), 406, { accept });
        expect(body.error.message).toContain('application/vnd.sdmx.data+csv;version=1.0.0;labels=both');
      }
      // Another format the client takes is given instead.
      const json = await get(data(`${FLOW_2024}/A.USA.MEX.F`), {
        accept: 'application/vnd.sdmx.data+csv;version=1.0.0;timeFormat=normalized, application/json;q=0.5',
      });
      expect(json.headers['content-type']).toBe('application/vnd.sdmx.data+json;version=1.0.0');
      const original = await get(data(`${FLOW_2024}/A.USA.MEX.F`), {
        accept: 'application/vnd.sdmx.data+csv;version=1.0.0;timeFormat=original;labels=id',
      });
      expect(original.body.startsWith('DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,SEX,TIME_PERIOD')).toBe(true);
    });

    it('reads wildcards and + in the key', async () => {
      const { observations } = readSdmxJson(
        await getJson<JsonDataMessage>(data(`${FLOW_2024}/A..MEX+CAN.F`, '?startPeriod=2020&endPeriod=2020')),
      );
      expect(new Set(observations.map((o) => o.key.COUNTERPART_AREA))).toEqual(new Set(['MEX', 'CAN']));
      expect(new Set(observations.map((o) => o.key.SEX))).toEqual(new Set(['F']));
      expect(new Set(observations.map((o) => o.key.REF_AREA)).size).toBeGreaterThan(20);
      const usa = observations.filter((o) => o.key.REF_AREA === 'USA' && o.key.COUNTERPART_AREA === 'MEX');
      expect(usa.map((o) => o.value)).toEqual([5_415_408]);

      const two = readSdmxJson(await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.USA+CAN.MEX.`)));
      expect(new Set(two.observations.map((o) => o.key.REF_AREA))).toEqual(new Set(['USA', 'CAN']));
      // A long key (more than the router's 100 characters for a parameter) still works.
      const many = [
        'USA',
        'CAN',
        'ESP',
        'FRA',
        'DEU',
        'GBR',
        'ITA',
        'ARG',
        'BRA',
        'CHL',
        'COL',
        'PER',
        'AUS',
        'NZL',
        'JPN',
        'KOR',
        'CHN',
        'IND',
        'PAK',
        'BGD',
        'PHL',
        'VNM',
        'THA',
        'IDN',
        'MYS',
        'SGP',
      ];
      const wide = readSdmxJson(await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.${many.join('+')}.MEX.F`)));
      const wideAreas = new Set(wide.observations.map((o) => o.key.REF_AREA));
      expect(wideAreas.size).toBeGreaterThan(10);
      expect([...wideAreas].every((a) => many.includes(a ?? ''))).toBe(true);
    });

    it('serves a whole dataflow, the same in every layout', async () => {
      const all = await get(data(`${FLOW_2024}/all`, '?detail=dataonly'));
      const series = readSdmxJson(all.json<JsonDataMessage>()).observations;
      expect(series).toHaveLength(153_296);
      const flat = readSdmxJson(
        await getJson<JsonDataMessage>(data(FLOW_2024, '?dimensionAtObservation=AllDimensions&detail=dataonly')),
      ).observations;
      expect(flat).toHaveLength(153_296);
      const csv = await get(data(FLOW_2024, '?format=csv&detail=dataonly'));
      expect(csv.body.trimEnd().split('\r\n')).toHaveLength(153_297);
      const total = (list: ReadObservation[]) => list.reduce((n, o) => n + (o.value ?? 0), 0);
      expect(total(flat)).toBe(total(series));
    }, 120_000);

    it('keeps observations between startPeriod and endPeriod', async () => {
      const periods = async (query: string) =>
        [
          ...new Set(
            readSdmxJson(await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.USA.MEX.F`, query))).observations.map(
              (o) => o.key.TIME_PERIOD,
            ),
          ),
        ].sort();
      expect(await periods('')).toEqual(['1990', '1995', '2000', '2005', '2010', '2015', '2020', '2024']);
      expect(await periods('?startPeriod=2010&endPeriod=2020')).toEqual(['2010', '2015', '2020']);
      expect(await periods('?startPeriod=2020-06-30')).toEqual(['2020', '2024']); // a year overlapping the date counts
      expect(await periods('?endPeriod=1995-Q1')).toEqual(['1990', '1995']);
      // The last year there is: no end (its end, 10000-01-01, is no date to compare or query with).
      expect(await periods('?startPeriod=2015&endPeriod=9999')).toEqual(['2015', '2020', '2024']);
      expect(await periods('?endPeriod=9999-12-31')).toHaveLength(8);
      expect(await periods('?lastNObservations=2')).toEqual(['2020', '2024']);
      expect(await periods('?firstNObservations=1&lastNObservations=1')).toEqual(['1990', '2024']);
    });

    it('gives series keys only, or data only, on request', async () => {
      const keys = await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.USA.MEX.`, '?detail=serieskeysonly'));
      expect(Object.keys(keys.dataSets[0]?.series ?? {})).toHaveLength(2);
      expect(readSdmxJson(keys).observations).toHaveLength(0);
      const dataOnly = await getJson<JsonDataMessage>(data(`${FLOW_2024}/A.USA.MEX.`, '?detail=dataonly'));
      const first = Object.values(dataOnly.dataSets[0]?.series ?? {})[0]?.observations ?? {};
      expect(Object.values(first).every((o) => o.length === 1)).toBe(true);
      const csv = await get(data(`${FLOW_2024}/A.USA.MEX.`, '?detail=serieskeysonly&format=csv'));
      expect(csv.body.split('\r\n')[0]).toBe('DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,SEX');
      // A flat list of series keys has no observation to list: said, not answered as series.
      // (In SDMX-ML: the client asked for XML.)
      const flat = await get(
        data(`${FLOW_2024}/A.USA.MEX.`, '?detail=serieskeysonly&dimensionAtObservation=AllDimensions'),
        { accept: 'application/xml' },
      );
      expect(flat.statusCode).toBe(400);
      expect(errorMessageOf(flat)).toBe(
        'dimensionAtObservation: AllDimensions applies only to an answer with observations (detail=full or dataonly): it lists each observation with its whole key, and detail=serieskeysonly gives series without observations',
      );
    });

    it('chooses the format by Accept, the format parameter winning', async () => {
      const csv = await get(data(`${FLOW_2024}/A.USA.MEX.`), { accept: 'application/vnd.sdmx.data+csv;version=1.0.0' });
      expect(csv.headers['content-type']).toBe('application/vnd.sdmx.data+csv;version=1.0.0;charset=utf-8');
      expect(csv.body.startsWith('DATAFLOW,')).toBe(true);
      const text = await get(data(`${FLOW_2024}/A.USA.MEX.`), { accept: 'application/pdf, text/csv;q=0.5' });
      expect(text.body.startsWith('DATAFLOW,')).toBe(true);
      const labelled = await get(data(`${FLOW_2024}/A.USA.MEX.F`), {
        accept: 'application/vnd.sdmx.data+csv;version=1.0.0;labels=both',
      });
      expect(labelled.body).toContain('MEX: Mexico');
      const json = await get(data(`${FLOW_2024}/A.USA.MEX.`), {
        accept: 'application/vnd.sdmx.data+json;version=1.0.0',
      });
      expect(json.headers['content-type']).toBe('application/vnd.sdmx.data+json;version=1.0.0');
      const browser = await get(data(`${FLOW_2024}/A.USA.MEX.`), { accept: 'text/html,*/*;q=0.8' });
      expect(browser.headers['content-type']).toBe('application/vnd.sdmx.data+json;version=1.0.0');
      const forced = await get(data(`${FLOW_2024}/A.USA.MEX.`, '?format=jsondata'), { accept: 'text/csv' });
      expect(forced.headers['content-type']).toBe('application/vnd.sdmx.data+json;version=1.0.0');
    });

    describe('mistakes', () => {
      it('answers a key of the wrong length with 400 naming it and the dimensions', async () => {
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX`), 400);
        expect(body.error.code).toBe('invalid_parameter');
        expect(body.error.details[0]?.field).toBe('key');
        expect(body.error.message).toContain('"A.USA.MEX"');
        expect(body.error.message).toContain('FREQ.REF_AREA.COUNTERPART_AREA.SEX');
      });

      it.each([
        [`${FLOW_2024}/A.U SA..`, 'key'],
        [`${FLOW_2024}/all?startPeriod=soon`, 'startPeriod'],
        [`${FLOW_2024}/all?startPeriod=0000`, 'startPeriod'],
        [`${FLOW_2024}/all?startPeriod=2020&endPeriod=2010`, 'startPeriod'],
        [`${FLOW_2024}/all?lastNObservations=0`, 'lastNObservations'],
        [`${FLOW_2024}/all?lastNObservations=2000000`, 'lastNObservations'],
        [`${FLOW_2024}/all?firstNObservations=0x10`, 'firstNObservations'],
        [`${FLOW_2024}/A.PHL%2FUSA.USA.F`, 'key'],
        [`${FLOW_2024}/A.PHL.USA.F/BRIDGES%2FX`, 'provider'],
        ['A,B,C,D/all', 'flow'],
        // Parameters that shape observations, where there are none.
        [`${FLOW_2024}/all?detail=serieskeysonly&lastNObservations=1`, 'lastNObservations'],
        [`${FLOW_2024}/all?detail=nodata&firstNObservations=1&format=csv`, 'firstNObservations'],
        [`${FLOW_2024}/all?detail=nodata&dimensionAtObservation=AllDimensions`, 'dimensionAtObservation'],
      ])('answers %s with 400 naming %s', async (path, field) => {
        const body = await getJson<ErrorResponse>(data(path), 400);
        expect(body.error.details.map((d) => d.field)).toContain(field);
      });

      it.each([
        ['NOPE/all', 'flow'],
        [`ECB,${FLOW_2024},1.0/all`, 'flow'],
        [`BRIDGES,${FLOW_2024},2.0/all`, 'flow'],
        [`${FLOW_2024}/all/SOMEONE`, 'provider'],
        [`${FLOW_2024}/all/BRIDGES/more`, 'key'],
      ])('answers the unknown %s with 404 naming %s', async (path, field) => {
        const body = await getJson<ErrorResponse>(data(path), 404);
        expect(body.error.code).toBe('not_found');
        expect(body.error.details.map((d) => d.field)).toEqual([field]);
        expect(body.error.message.startsWith(`${field}: `)).toBe(true);
      });

      it('answers a query matching nothing with 404 (NoResultsFound)', async () => {
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.ZZZ.`), 404);
        expect(body.error.message).toContain('NoResultsFound');
        // The position that matches nothing on its own is named; a key whose codes each exist is not blamed.
        expect(body.error.message).toContain('No series of this flow has COUNTERPART_AREA=ZZZ.');
        expect(body.error.details[0]?.field).toBe('key');
        // A key whose series lie outside the periods: the periods are to blame.
        const later = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?startPeriod=2030'), 404);
        expect(later.error.message).not.toContain('No series of this flow has');
        expect(later.error.details).toEqual([
          {
            field: 'startPeriod',
            message: expect.stringContaining("The key's 2 series have no observation in that span.") as unknown,
          },
        ]);
        const earlier = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?endPeriod=1950'), 404);
        expect(earlier.error.details[0]?.field).toBe('endPeriod');
        // Both ends given around no observation: the span is to blame, both named.
        const between = await getJson<ErrorResponse>(
          data(`${FLOW_2024}/A.USA.MEX.`, '?startPeriod=2021&endPeriod=2023'),
          404,
        );
        expect(between.error.details.map((d) => d.field)).toEqual(['startPeriod', 'endPeriod']);
        expect(between.error.message.startsWith('startPeriod, endPeriod: no data')).toBe(true);
        // UN DESA prints men and women only: no both-sexes series to pull, whatever the periods.
        const total = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX._T`, '?startPeriod=2020'), 404);
        expect(total.error.message).toContain('No series of this flow has SEX=_T.');
        expect(total.error.details[0]?.field).toBe('key');
      });

      it('answers an Accept it cannot serve with 406', async () => {
        // An SDMX-ML client reads it in SDMX-ML, a JSON one in JSON.
        const xml = await get(data(`${FLOW_2024}/A.USA.MEX.`), {
          accept: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
        });
        expect(xml.statusCode).toBe(406);
        expect(errorMessageOf(xml)).toContain('application/vnd.sdmx.genericdata+xml;version=2.1');
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`), 406, {
          accept: 'application/vnd.sdmx.data+json;version=2.0.0',
        });
        expect(body.error.details[0]?.field).toBe('Accept');
        expect(body.error.code).toBe('not_acceptable');
        expect(body.error.message).toContain('application/vnd.sdmx.genericdata+xml;version=2.1');
      });

      it('answers format= naming an SDMX format it does not write with 406 too, and a mistyped one with 400', async () => {
        for (const format of ['structurespecificdata', 'compactdata', 'edidata']) {
          // (In SDMX-ML for the SDMX-ML formats.)
          const res = await get(data(`${FLOW_2024}/A.USA.MEX.`, `?format=${format}`));
          expect(res.statusCode).toBe(406);
          expect(errorMessageOf(res)).toMatch(new RegExp(`^format=${format} is an SDMX format .* genericdata`));
        }
        const edi = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?format=edidata'), 406);
        expect(edi.error).toMatchObject({ code: 'not_acceptable', details: [{ field: 'format' }] });
        const typo = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?format=jsondta'), 400);
        expect(typo.error.details[0]?.field).toBe('format');
      });

      it('tells a dimensionAtObservation the flow has no dimension by from one it does not do, listing the dimensions', async () => {
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?dimensionAtObservation=NOPE'), 400);
        expect(body.error.details[0]?.field).toBe('dimensionAtObservation');
        expect(body.error.message).toContain('has no dimension "NOPE"');
        expect(body.error.message).toContain('FREQ, REF_AREA, COUNTERPART_AREA, SEX, TIME_PERIOD');
        // Case matters in SDMX ids: allDimensions is not AllDimensions.
        await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?dimensionAtObservation=allDimensions'), 400);
      });

      it('reads an ISO 8601 date-time in startPeriod and endPeriod as its day', async () => {
        const byDay = await get(
          data(`${FLOW_2024}/A.USA.MEX.F`, '?format=csv&startPeriod=2020-01-01&endPeriod=2020-12-31'),
        );
        expect(byDay.statusCode, byDay.body.slice(0, 300)).toBe(200);
        for (const query of [
          'startPeriod=2020-01-01T00:00:00&endPeriod=2020-12-31T23:59:59',
          'startPeriod=2020-01-01T00:00:00.000Z&endPeriod=2020-12-31T12:00%2B01:00',
        ]) {
          const byTime = await get(data(`${FLOW_2024}/A.USA.MEX.F`, `?format=csv&${query}`));
          expect(byTime.body).toBe(byDay.body);
        }
        expect(parseCsv(byDay.body).length).toBe(2); // the header and 2020
        // A day that is none, a time of day that is none, a zone that is none: each a 400 naming it.
        for (const [query, field] of [
          ['startPeriod=2020-02-30T00:00:00', 'startPeriod'],
          ['startPeriod=2020-06-30T99:99:99', 'startPeriod'],
          ['startPeriod=2020-06-30T24:00:00', 'startPeriod'],
          ['endPeriod=2020-06-30T12:60', 'endPeriod'],
          ['endPeriod=2020-06-30T00:00:00%2B25:00', 'endPeriod'],
        ] as const) {
          const bad = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.F`, `?${query}`), 400);
          expect(bad.error.details[0]?.field, query).toBe(field);
        }
      });

      it('starts SDMX-CSV with a byte-order mark for spreadsheets when asked, and only SDMX-CSV', async () => {
        const plain = await get(data(`${FLOW_2024}/A.DEU.TUR.F`, '?format=csv&labels=both'));
        const withBom = await get(data(`${FLOW_2024}/A.DEU.TUR.F`, '?format=csv&labels=both&bom=true'));
        expect(plain.body).toContain('TUR: Türkiye');
        expect(withBom.body).toBe(`\uFEFF${plain.body}`);
        expect(withBom.headers['content-type']).toBe('application/vnd.sdmx.data+csv;version=1.0.0;charset=utf-8');
        const json = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.DEU.TUR.F`, '?bom=true'), 400);
        expect(json.error.details[0]?.field).toBe('bom');
        expect(json.error.message).toContain('SDMX-JSON');
      });

      it.each([
        ['updatedAfter=2024-01-01T00:00:00', 'updatedAfter'],
        ['includeHistory=true', 'includeHistory'],
        ['dimensionAtObservation=REF_AREA', 'dimensionAtObservation'],
      ])('answers the standard %s it does not do with 501, naming it', async (query, field) => {
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, `?${query}`), 501);
        expect(body.error.code).toBe('not_implemented');
        expect(body.error.details).toEqual([{ field, message: expect.stringContaining('not implemented') as unknown }]);
      });

      it.each(['garbage', '2024-13-01', '2024-01-01T25:00:00', '2024-01-01T00:00:00 01:00'])(
        'refuses updatedAfter=%s, no date-time, with a 400 naming it',
        async (value) => {
          const url = data(`${FLOW_2024}/A.USA.MEX.`, `?updatedAfter=${encodeURIComponent(value)}`);
          const body = await getJson<ErrorResponse>(url, 400);
          expect(body.error.details[0]?.field).toBe('updatedAfter');
          expect(body.error.message).toContain('date-time');
        },
      );

      it.each(['2024-01-01', '2024-01-01T00:00:00%2B01:00', '2024-01-01T00:00:00Z'])(
        'answers a valid updatedAfter=%s with 501',
        async (value) => {
          await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, `?updatedAfter=${value}`), 501);
        },
      );

      it('takes includeHistory=false, SDMX’s default, as asking for what it answers', async () => {
        const plain = await get(data(`${FLOW_2024}/A.USA.MEX.`, '?format=csv'));
        const noHistory = await get(data(`${FLOW_2024}/A.USA.MEX.`, '?format=csv&includeHistory=false'));
        expect(noHistory.statusCode).toBe(200);
        expect(noHistory.body).toBe(plain.body);
        const body = await getJson<ErrorResponse>(data(`${FLOW_2024}/A.USA.MEX.`, '?includeHistory=yes'), 400);
        expect(body.error.details[0]?.field).toBe('includeHistory');
      });

      it('links to the host the client asked for, or to PUBLIC_URL whatever Host a request sends', async () => {
        const flows = (headers: Record<string, string>, on = app) =>
          on.inject({ method: 'GET', url: '/api/sdmx/dataflow?format=sdmx-json', headers });
        const asked = await flows({ host: 'bridges.example.org' });
        expect(asked.body).toContain('"href":"http://bridges.example.org/api/sdmx/data/');
        const fixed = await buildApp({
          database: testDb.database,
          logLevel: 'warn',
          publicOrigin: 'https://data.example.org',
        });
        try {
          const forged = await flows({ host: 'evil.example' }, fixed);
          expect(forged.body).toContain('"href":"https://data.example.org/api/sdmx/data/');
          expect(forged.body).not.toContain('evil.example');
        } finally {
          await fixed.close();
        }
      });

      it.each([
        ['/api/sdmx/categoryscheme', 'resource', 'categoryscheme queries are not implemented'],
        ['/api/sdmx/contentconstraint/BRIDGES/all/latest', 'resource', 'contentconstraint queries are not implemented'],
        ['/api/sdmx/dataflow?detail=referencepartial', 'detail', 'detail=referencepartial is not implemented'],
      ])('answers the SDMX 2.1 query %s it does not do with 501, naming it', async (url, field, message) => {
        const body = await getJson<ErrorResponse>(url, 501);
        expect(body.error).toMatchObject({ code: 'not_implemented', details: [{ field }] });
        expect(body.error.message).toContain(message);
      });

      it('refuses an answer past the cap with 413 and says how to narrow it', async () => {
        const small = await buildApp({ database: testDb.database, logLevel: 'warn', sdmx: { maxObservations: 1000 } });
        try {
          const res = await small.inject({ method: 'GET', url: data(`${FLOW_2024}/all`) });
          expect(res.statusCode).toBe(413);
          expect(res.json<ErrorResponse>().error.message).toContain('narrow the key');
          const ok = await small.inject({ method: 'GET', url: data(`${FLOW_2024}/A.USA.MEX.`) });
          expect(ok.statusCode).toBe(200);
        } finally {
          await small.close();
        }
      });
    });
  });
});
