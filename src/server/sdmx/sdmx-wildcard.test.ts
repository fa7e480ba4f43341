import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { sdmxFlowId } from '../../core/sdmx.js';
import type { RankingResponse } from '../../core/statistics.js';
import { buildApp } from '../app.js';
import { INDICATOR_IDS } from '../../core/statistics-terms.js';
import { knomadBilateral2021 } from '../importers/knomad.js';
import { rpwCorridorMeans } from '../importers/rpw.js';
import { importDataset } from '../stats/import-dataset.js';

/**
 * The explorer's SDMX link for all partners (src/web/sdmx.ts, rankingSdmxKey) leaves the
 * COUNTERPART_AREA position empty, SDMX's wildcard, rather than list every partner the ranking
 * names: the same observations, on the publishers' files, unless publishers' aggregates are among
 * the partners (KNOMAD's 2021 matrix has a World column), which the link then lists without them.
 */
describe.each(testEngines())('an SDMX key for every partner on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    for (const importer of [rpwCorridorMeans, knomadBilateral2021]) await importDataset(testDb.database, importer);
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  async function get(url: string): Promise<string> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url.slice(0, 200)}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.body;
  }

  /**
   * The ranking (`dims`: the source's own dimensions it is filtered by), and an SDMX-CSV query of
   * its period: its areas, `partners`, its sexes, the source's dimensions as `dims` gives them.
   */
  async function rankingAndQuery(dataset: string, indicator: string, dims: Record<string, string> = {}) {
    const filter = Object.entries(dims).map(([k, v]) => `${k}:${v}`);
    const ranking = JSON.parse(
      await get(`/api/rankings/${indicator}?dataset=${dataset}${filter.length ? `&dims=${filter.join(',')}` : ''}`),
    ) as RankingResponse;
    const flow = sdmxFlowId(dataset, indicator);
    const structure = JSON.parse(await get(`/api/sdmx/datastructure/BRIDGES/${flow}/1.0?references=none`)) as {
      data: { dataStructures: { dataStructureComponents: { dimensionList: { dimensions: { id: string }[] } } }[] };
    };
    const own = (structure.data.dataStructures[0]?.dataStructureComponents.dimensionList.dimensions ?? []).slice(4);
    const query = (partners: string) => {
      const key = [
        '',
        ranking.items.map((i) => i.area.code).join('+'),
        partners,
        ranking.filters.sexes.join('+'),
        ...own.map((d) => dims[d.id.toLowerCase()] ?? ''),
      ];
      return get(
        `/api/sdmx/data/${flow}/${key.join('.')}?format=csv&startPeriod=${ranking.period}&endPeriod=${ranking.period}`,
      );
    };
    return { ranking, query };
  }

  it('gives the same observations as the list of every partner when none is an aggregate', async () => {
    const { ranking, query } = await rankingAndQuery('rpw-corridor-means-2025q1', INDICATOR_IDS.remittanceCost, {
      amount: '200',
    });
    expect(ranking.counterparts.length).toBeGreaterThan(20);
    expect(ranking.counterparts.some((a) => a.kind === 'aggregate')).toBe(false);
    const listed = await query(ranking.counterparts.map((a) => a.code).join('+'));
    expect(listed.split('\r\n').length).toBeGreaterThan(100);
    expect(await query('')).toBe(listed);
  });

  it('would add the aggregates’ rows where they are partners: there the partners are listed', async () => {
    const { ranking, query } = await rankingAndQuery('knomad-bilateral-2021', INDICATOR_IDS.remittanceBilateral);
    const partners = ranking.counterparts.filter((a) => a.kind !== 'aggregate').map((a) => a.code);
    expect(partners.length).toBeLessThan(ranking.counterparts.length);
    const listed = await query(partners.join('+'));
    const everything = await query('');
    expect(everything.length).toBeGreaterThan(listed.length);
    expect(everything).toContain(',KNOMAD_WORLD,');
    expect(listed).not.toContain(',KNOMAD_WORLD,');
  });
});
