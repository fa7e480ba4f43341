import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { Importer, ObservationInput } from '../../src/server/stats/model.js';

/**
 * A fingerprint of everything an import writes (datasets, series, observations, areas and the
 * sum of all values), to prove that a failed import left the database exactly as it was.
 */
export async function statsSnapshot(db: Kysely<DB>) {
  const r = await sql<{
    datasets: number;
    series: number;
    observations: number;
    areas: number;
    total: number;
    digest: string;
  }>`
    SELECT (SELECT count(*) FROM dataset)::int AS datasets,
           (SELECT count(*) FROM series)::int AS series,
           (SELECT count(*) FROM observation)::int AS observations,
           (SELECT count(*) FROM area)::int AS areas,
           -- numeric: a sum that does not depend on the rows' physical order
           (SELECT coalesce(sum(value::numeric), 0) FROM observation)::text AS total,
           (SELECT md5(coalesce(string_agg(id || checksum || observation_count, ',' ORDER BY id), '')) FROM dataset) AS digest
  `.execute(db);
  return r.rows[0];
}

/** Rewrites the text inside a gzipped file (a copy a test spoils); an edit that changes nothing is an error. */
export function editGzipText(file: string, edit: (text: string) => string): void {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(file, gzipSync(edited, { level: 1 }));
}

/** One observation of PHL in 2020, of tiny_stock unless `fields` say otherwise: what a test's own importer reads. */
export function observationOf(fields: Partial<ObservationInput> = {}): ObservationInput {
  return {
    indicator: 'tiny_stock',
    refArea: 'PHL',
    counterpartArea: null,
    sex: '_T',
    freq: 'A',
    period: '2020',
    value: 1,
    ...fields,
  };
}

/** A dataset of a few bilateral series, read from no file. */
export function tinyImporter(id: string): Importer {
  const observations: ObservationInput[] = [];
  for (const [ref, cp] of [
    ['PHL', 'USA'],
    ['MEX', 'USA'],
    ['FRA', null],
  ] as const)
    for (const period of ['2019', '2020', '2021'])
      observations.push({
        indicator: 'tiny_stock',
        refArea: ref,
        counterpartArea: cp,
        sex: '_T',
        freq: 'A',
        period,
        value: 1,
      });
  return {
    meta: {
      id,
      family: 'tiny',
      title: 'Tiny',
      publisher: 'Tests',
      edition: '1',
      releaseDate: null,
      licence: 'CC0',
      sourceUrl: null,
      citation: 'Tests',
      methodNotes: null,
      caveats: null,
      provenance: 'tests',
    },
    indicators: [
      {
        id: 'tiny_stock',
        name: 'Tiny stock',
        unit: 'persons',
        description: 'Test',
        measureType: 'stock',
        topic: 'migration',
      },
    ],
    files: [],
    version: 1,
    read: () => ({ observations }),
  };
}
