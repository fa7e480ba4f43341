import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import { normalisePeriod, type DatasetMeta, type IndicatorDef, type ParsedDataset } from './model.js';

const CHUNK = 5000;

/**
 * Writes one dataset edition inside the caller's transaction, replacing a previous load of the
 * same edition (never another edition): dataset row, indicators, aggregate areas, series, then
 * observations in chunks of unnest() arrays (one statement per chunk on either engine). An abort
 * (shutdown) between chunks throws, and the caller's transaction rolls back.
 */
export async function writeDataset(
  trx: Transaction<DB>,
  meta: DatasetMeta,
  indicators: IndicatorDef[],
  parsed: ParsedDataset,
  checksum: string,
  progress: ProgressReporter = () => {},
  signal?: AbortSignal,
): Promise<{ series: number; observations: number }> {
  await trx.deleteFrom('dataset').where('id', '=', meta.id).execute();
  await trx
    .insertInto('dataset')
    .values({
      id: meta.id,
      family: meta.family,
      title: meta.title,
      publisher: meta.publisher,
      edition: meta.edition,
      release_date: meta.releaseDate,
      licence: meta.licence,
      source_url: meta.sourceUrl,
      citation: meta.citation,
      method_notes: meta.methodNotes,
      caveats: meta.caveats,
      provenance: meta.provenance,
      checksum,
      observation_count: parsed.observations.length,
    })
    .execute();
  for (const ind of indicators) {
    await trx
      .insertInto('indicator')
      .values({
        id: ind.id,
        name: ind.name,
        unit: ind.unit,
        description: ind.description,
        measure_type: ind.measureType,
        topic: ind.topic,
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            name: ind.name,
            unit: ind.unit,
            description: ind.description,
            measure_type: ind.measureType,
            topic: ind.topic,
          }),
      )
      .execute();
  }
  for (const agg of parsed.aggregates ?? []) {
    await trx
      .insertInto('area')
      .values({ code: agg.code, kind: 'aggregate', aggregate_publisher: agg.publisher, name_en: agg.name } as never)
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: agg.name }))
      .execute();
    await trx
      .insertInto('area_name')
      .values({ area_code: agg.code, lang: 'en', name_type: 'short', name: agg.name })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // Series: one per distinct dimension key.
  const seriesKeys = new Map<string, number>();
  const seriesRows: {
    indicator: string;
    ref: string;
    cp: string | null;
    sex: string;
    freq: string;
    dimsKey: string;
    dims: string;
  }[] = [];
  const keyOf = new Array<string>(parsed.observations.length);
  parsed.observations.forEach((o, i) => {
    const dimsKey = o.dims
      ? Object.keys(o.dims)
          .sort()
          .map((k) => `${k}=${o.dims?.[k] ?? ''}`)
          .join(';')
      : '';
    const key = `${o.indicator}|${o.refArea}|${o.counterpartArea ?? ''}|${o.sex}|${o.freq}|${dimsKey}`;
    keyOf[i] = key;
    if (!seriesKeys.has(key)) {
      seriesKeys.set(key, -1);
      seriesRows.push({
        indicator: o.indicator,
        ref: o.refArea,
        cp: o.counterpartArea,
        sex: o.sex,
        freq: o.freq,
        dimsKey,
        dims: JSON.stringify(o.dims ?? {}),
      });
    }
  });
  const total = seriesRows.length + parsed.observations.length;
  let done = 0;
  for (let i = 0; i < seriesRows.length; i += CHUNK) {
    signal?.throwIfAborted();
    const chunk = seriesRows.slice(i, i + CHUNK);
    const inserted = await sql<{ id: number; key: string }>`
      INSERT INTO series (dataset_id, indicator_id, ref_area, counterpart_area, sex, freq, dims_key, dims)
      SELECT ${meta.id}, t.indicator, t.ref, t.cp, t.sex, t.freq, t.dims_key, t.dims::jsonb
      FROM unnest(${chunk.map((r) => r.indicator)}::text[], ${chunk.map((r) => r.ref)}::text[], ${chunk.map((r) => r.cp)}::text[],
                  ${chunk.map((r) => r.sex)}::text[], ${chunk.map((r) => r.freq)}::text[], ${chunk.map((r) => r.dimsKey)}::text[],
                  ${chunk.map((r) => r.dims)}::text[])
           AS t(indicator, ref, cp, sex, freq, dims_key, dims)
      RETURNING id, indicator_id || '|' || ref_area || '|' || coalesce(counterpart_area, '') || '|' || sex || '|' || freq || '|' || dims_key AS key
    `.execute(trx);
    for (const row of inserted.rows) seriesKeys.set(row.key, row.id);
    progress(`writing ${meta.id}`, (done += chunk.length), total);
  }

  for (let i = 0; i < parsed.observations.length; i += CHUNK) {
    signal?.throwIfAborted();
    const chunk = parsed.observations.slice(i, i + CHUNK);
    const ids: number[] = [];
    const periods: string[] = [];
    const starts: string[] = [];
    const values: number[] = [];
    const statuses: string[] = [];
    const flags: (string | null)[] = [];
    chunk.forEach((o, j) => {
      const p = normalisePeriod(o.period);
      if (!p) throw new Error(`${meta.id}: invalid period "${o.period}"`);
      ids.push(seriesKeys.get(keyOf[i + j] ?? '') ?? -1);
      periods.push(p.period);
      starts.push(p.start);
      values.push(o.value);
      statuses.push(o.status ?? 'A');
      flags.push(o.flags ?? null);
    });
    await sql`
      INSERT INTO observation (series_id, period, period_start, value, status, flags)
      SELECT * FROM unnest(${ids}::int[], ${periods}::text[], ${starts}::date[], ${values}::float8[], ${statuses}::text[], ${flags}::text[])
    `.execute(trx);
    progress(`writing ${meta.id}`, (done += chunk.length), total);
  }
  return { series: seriesRows.length, observations: parsed.observations.length };
}
