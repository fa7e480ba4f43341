import type { RawSession } from '../db/database.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import { normalisePeriod, type DatasetMeta, type IndicatorDef, type ParsedDataset } from './model.js';

const COPY_CHUNK = 50_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes one dataset edition on a session whose transaction the caller holds, replacing a
 * previous load of the same edition (never another edition, and dropping indicators that only
 * that load used): dataset row, indicators, aggregate areas, then series and observations by
 * COPY, the fastest path on both engines.
 * An abort (shutdown) between chunks throws, and the caller's transaction rolls back.
 */
export async function writeDataset(
  s: RawSession,
  meta: DatasetMeta,
  indicators: IndicatorDef[],
  parsed: ParsedDataset,
  checksum: string,
  progress: ProgressReporter = () => {},
  signal?: AbortSignal,
): Promise<{ series: number; observations: number }> {
  const previous = await s.query<{ id: string }>(
    'SELECT DISTINCT indicator_id AS id FROM series WHERE dataset_id = $1',
    [meta.id],
  );
  await s.query('DELETE FROM dataset WHERE id = $1', [meta.id]);
  await dropOrphanIndicators(
    s,
    previous.map((r) => r.id).filter((id) => !indicators.some((i) => i.id === id)),
  );
  await s.query(
    `INSERT INTO dataset (id, family, title, publisher, edition, release_date, licence, source_url, citation,
                          method_notes, caveats, provenance, checksum, observation_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      meta.id,
      meta.family,
      meta.title,
      meta.publisher,
      meta.edition,
      meta.releaseDate,
      meta.licence,
      meta.sourceUrl,
      meta.citation,
      meta.methodNotes,
      meta.caveats,
      meta.provenance,
      checksum,
      parsed.observations.length,
    ],
  );
  await refuseRedefinitions(s, meta.id, indicators);
  for (const ind of indicators) {
    await s.query(
      `INSERT INTO indicator (id, name, unit, description, measure_type, topic) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, description = excluded.description,
         measure_type = excluded.measure_type, topic = excluded.topic`,
      [ind.id, ind.name, ind.unit, ind.description, ind.measureType, ind.topic],
    );
  }
  for (const agg of parsed.aggregates ?? []) {
    await s.query(
      `INSERT INTO area (code, kind, aggregate_publisher, name_en) VALUES ($1, 'aggregate', $2, $3)
       ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en`,
      [agg.code, agg.publisher, agg.name],
    );
    for (const [lang, name] of [['en', agg.name], ...Object.entries(agg.names ?? {})])
      if (name)
        await s.query(
          `INSERT INTO area_name (area_code, lang, name_type, name) VALUES ($1, $2, 'short', $3) ON CONFLICT DO NOTHING`,
          [agg.code, lang, name],
        );
  }

  // Series: one per distinct dimension key.
  const seriesIds = new Map<string, number>();
  const seriesRows: {
    key: string;
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
    if (!seriesIds.has(key)) {
      seriesIds.set(key, -1);
      seriesRows.push({
        key,
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
  // Series then observations, each its own step, so the count of observations is the file's.
  let done = 0;
  // Ids are allocated from the sequence up front, so series and observations both go by COPY.
  const ids = await s.query<{ id: number }>(
    `SELECT nextval('series_id_seq')::int AS id FROM generate_series(1, $1::int)`,
    [seriesRows.length],
  );
  const seriesLines: string[] = [];
  seriesRows.forEach((r, i) => {
    const id = ids[i]?.id;
    if (id === undefined) throw new Error('series id allocation fell short');
    seriesIds.set(r.key, id);
    seriesLines.push([id, meta.id, r.indicator, r.ref, r.cp, r.sex, r.freq, r.dimsKey, r.dims].map(csvField).join(','));
  });
  for (let i = 0; i < seriesLines.length; i += COPY_CHUNK) {
    // NOTE: PGlite runs in this thread and its promises settle without an event-loop turn, so
    // without this a whole import is one chain of microtasks: no Ctrl+C, no HTTP request answered.
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const chunk = seriesLines.slice(i, i + COPY_CHUNK);
    await s.copyFrom(
      'series',
      ['id', 'dataset_id', 'indicator_id', 'ref_area', 'counterpart_area', 'sex', 'freq', 'dims_key', 'dims'],
      `${chunk.join('\n')}\n`,
    );
    progress(`writing ${meta.id}: series`, (done += chunk.length), seriesRows.length);
  }

  done = 0;
  for (let i = 0; i < parsed.observations.length; i += COPY_CHUNK) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const end = Math.min(i + COPY_CHUNK, parsed.observations.length);
    const lines: string[] = [];
    for (let j = i; j < end; j++) {
      const o = parsed.observations[j];
      if (!o) continue;
      const p = normalisePeriod(o.period);
      if (!p) throw new Error(`${meta.id}: invalid period "${o.period}"`);
      if (!Number.isFinite(o.value)) throw new Error(`${meta.id}: value ${String(o.value)} is not a finite number`);
      lines.push(
        `${String(seriesIds.get(keyOf[j] ?? ''))},${p.period},${p.start},${String(o.value)},${o.status ?? 'A'},${csvField(o.flags)}`,
      );
    }
    await s.copyFrom(
      'observation',
      ['series_id', 'period', 'period_start', 'value', 'status', 'flags'],
      `${lines.join('\n')}\n`,
    );
    progress(`writing ${meta.id}: observations`, (done += end - i), parsed.observations.length);
  }
  return { series: seriesRows.length, observations: parsed.observations.length };
}

/**
 * Deletes those of the replaced edition's indicators that no series uses any more (its mapping
 * renamed or dropped them): indicators exist only through the datasets that load them, and one
 * with no data would stay in the catalogue. One another dataset still uses stays.
 */
async function dropOrphanIndicators(s: RawSession, candidates: string[]): Promise<void> {
  if (candidates.length === 0) return;
  await s.query(
    `DELETE FROM indicator i WHERE i.id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM series se WHERE se.indicator_id = i.id)`,
    [candidates],
  );
}

/**
 * An indicator other datasets use keeps its unit and measure type: a file that declares the same
 * id with another unit would silently change what their figures mean. (Its name and description
 * may be reworded.) Runs after the edition's own previous load was deleted, so re-importing an
 * edition with a corrected unit works when no other dataset uses the indicator.
 */
async function refuseRedefinitions(s: RawSession, datasetId: string, indicators: IndicatorDef[]): Promise<void> {
  if (indicators.length === 0) return;
  const existing = await s.query<{ id: string; unit: string; measure_type: string; datasets: string | null }>(
    `SELECT i.id, i.unit, i.measure_type,
            (SELECT string_agg(DISTINCT se.dataset_id, ', ' ORDER BY se.dataset_id) FROM series se
              WHERE se.indicator_id = i.id AND se.dataset_id <> $2) AS datasets
     FROM indicator i WHERE i.id = ANY($1::text[])`,
    [indicators.map((i) => i.id), datasetId],
  );
  for (const row of existing) {
    const declared = indicators.find((i) => i.id === row.id);
    if (!declared || row.datasets === null) continue;
    const changes = [
      declared.unit !== row.unit ? `unit "${row.unit}" (this file: "${declared.unit}")` : null,
      declared.measureType !== row.measure_type
        ? `measure type "${row.measure_type}" (this file: "${declared.measureType}")`
        : null,
    ].filter(Boolean);
    if (changes.length) {
      throw new Error(
        `${datasetId}: indicator "${row.id}" already has ${changes.join(' and ')}, and datasets ${row.datasets} use it; give this file's indicator another id, or declare the same unit and measure type`,
      );
    }
  }
}

/** A CSV field for COPY: empty (NULL) when absent, quoted when it holds a delimiter or quote. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}
