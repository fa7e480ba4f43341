import type { RawSession } from '../db/database.js';
import { yieldToEventLoop } from '../ingest/read-source.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import { dimsKeyOf, normalisePeriod, type DatasetMeta, type IndicatorDef, type ParsedDataset } from './model.js';

const COPY_CHUNK = 50_000;

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
  // The publishers' aggregates the replaced load used: those this one no longer does go with it.
  // (One pass over the edition's series, not one per aggregate.)
  const previousAggregates = await s.query<{ code: string }>(
    `SELECT a.code FROM area a WHERE a.kind = 'aggregate' AND a.code IN (
       SELECT ref_area FROM series WHERE dataset_id = $1
       UNION SELECT counterpart_area FROM series WHERE dataset_id = $1)`,
    [meta.id],
  );
  await s.query('DELETE FROM dataset WHERE id = $1', [meta.id]);
  await dropOrphanIndicators(
    s,
    previous.map((r) => r.id).filter((id) => !indicators.some((i) => i.id === id)),
  );
  await s.query(
    `INSERT INTO dataset (id, family, title, publisher, edition, release_date, licence, source_url, citation,
                          method_notes, caveats, provenance, checksum, observation_count, loaded_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
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
      meta.loadedFrom ?? null,
    ],
  );
  await refuseRedefinitions(s, meta.id, indicators, meta.loadedFrom !== undefined);
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
    // The names this import gives replace the aggregate's names in those languages, so that its
    // French and Spanish names are those of the English name it now has (a region renamed).
    const names = [['en', agg.name], ...Object.entries(agg.names ?? {})].filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    );
    await s.query(`DELETE FROM area_name WHERE area_code = $1 AND name_type = 'short' AND lang = ANY($2::text[])`, [
      agg.code,
      names.map(([lang]) => lang),
    ]);
    for (const [lang, name] of names)
      await s.query(
        `INSERT INTO area_name (area_code, lang, name_type, name) VALUES ($1, $2, 'short', $3) ON CONFLICT DO NOTHING`,
        [agg.code, lang, name],
      );
  }

  // Series: one per distinct dimension key; each observation's series by its position.
  const seriesIndex = new Map<string, number>();
  const seriesRows: {
    indicator: string;
    ref: string;
    cp: string | null;
    sex: string;
    freq: string;
    dimsKey: string;
    dims: string;
  }[] = [];
  const seriesOf = new Int32Array(parsed.observations.length);
  for (let i = 0; i < parsed.observations.length; i++) {
    const o = parsed.observations[i];
    if (!o) continue;
    const dimsKey = dimsKeyOf(o.dims);
    const key = `${o.indicator}|${o.refArea}|${o.counterpartArea ?? ''}|${o.sex}|${o.freq}|${dimsKey}`;
    let index = seriesIndex.get(key);
    if (index === undefined) {
      index = seriesRows.length;
      seriesIndex.set(key, index);
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
    seriesOf[i] = index;
  }
  // Series then observations, each its own step, so the count of observations is the file's.
  let done = 0;
  // Ids are allocated from the sequence up front, so series and observations both go by COPY.
  const ids = (
    await s.query<{ id: number }>(`SELECT nextval('series_id_seq')::int AS id FROM generate_series(1, $1::int)`, [
      seriesRows.length,
    ])
  ).map((r) => r.id);
  if (ids.length !== seriesRows.length) throw new Error('series id allocation fell short');
  const seriesLines = seriesRows.map((r, i) =>
    [ids[i], meta.id, r.indicator, r.ref, r.cp, r.sex, r.freq, r.dimsKey, r.dims].map(csvField).join(','),
  );
  // The foreign keys of these rows are checked once for the whole edition, not row by row, when
  // the session may (see skipRowForeignKeyChecks); PostgreSQL's per-row checks are otherwise most
  // of the time a write takes.
  const atOnce = await skipRowForeignKeyChecks(s);
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

  // Observations are written series by series (in file order within a series): the primary key
  // (series_id, period) then grows at its right edge, as an index does fastest and packs tightest,
  // and a series' observations share table pages, which is how the API reads them. Files list
  // them otherwise (UN DESA year by year): a counting sort on the series' position puts them so.
  const order = seriesOrder(seriesOf, seriesRows.length);
  // Periods and flags repeat: each distinct one is checked and formatted once.
  const periods = new Map<string, string>();
  const flagFields = new Map<string, string>();
  let written = 0;
  done = 0;
  for (let i = 0; i < order.length; i += COPY_CHUNK) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const end = Math.min(i + COPY_CHUNK, order.length);
    // Lines are joined a thousand at a time: one join of 50,000 short strings takes three times longer.
    const parts: string[] = [];
    let lines: string[] = [];
    for (let k = i; k < end; k++) {
      const j = order[k] as number;
      const o = parsed.observations[j];
      if (!o) continue;
      let period = periods.get(o.period);
      if (period === undefined) {
        const p = normalisePeriod(o.period);
        if (!p) throw new Error(`${meta.id}: invalid period "${o.period}"`);
        periods.set(o.period, (period = `${p.period},${p.start}`));
      }
      if (!Number.isFinite(o.value)) throw new Error(`${meta.id}: value ${String(o.value)} is not a finite number`);
      let flags = '';
      if (o.flags !== null && o.flags !== undefined) {
        flags = flagFields.get(o.flags) ?? csvField(o.flags);
        flagFields.set(o.flags, flags);
      }
      lines.push(`${String(ids[seriesOf[j] as number])},${period},${String(o.value)},${o.status ?? 'A'},${flags}\n`);
      written++;
      if (lines.length === 1000) {
        parts.push(lines.join(''));
        lines = [];
      }
    }
    parts.push(lines.join(''));
    await s.copyFrom(
      'observation',
      ['series_id', 'period', 'period_start', 'value', 'status', 'flags'],
      parts.join(''),
    );
    progress(`writing ${meta.id}: observations`, (done += end - i), parsed.observations.length);
  }
  if (atOnce) {
    await checkForeignKeys(s, meta.id, seriesRows, written);
  }
  // Those this load names stay: only the others need looking for in other datasets' series.
  const named = new Set(seriesRows.flatMap((r) => (r.cp === null ? [r.ref] : [r.ref, r.cp])));
  await dropUnusedAggregates(
    s,
    [...previousAggregates.map((r) => r.code), ...(parsed.aggregates ?? []).map((a) => a.code)].filter(
      (code) => !named.has(code),
    ),
  );
  return { series: seriesRows.length, observations: parsed.observations.length };
}

/**
 * The positions of the observations grouped by their series' position, in file order within each
 * series: a stable counting sort, one pass over the observations to count and one to place.
 */
export function seriesOrder(seriesOf: Int32Array, seriesCount: number): Int32Array {
  const next = new Int32Array(seriesCount + 1);
  for (const series of seriesOf) next[series + 1] = (next[series + 1] ?? 0) + 1;
  for (let i = 0; i < seriesCount; i++) next[i + 1] = (next[i + 1] ?? 0) + (next[i] ?? 0);
  const order = new Int32Array(seriesOf.length);
  seriesOf.forEach((series, j) => {
    order[next[series] ?? 0] = j;
    next[series] = (next[series] ?? 0) + 1;
  });
  return order;
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
 * Deletes those of `candidates`, publishers' aggregates, that no series names any more (a user's
 * mapping that declared one and no longer does, an aggregate declared but given no figure): an
 * aggregate is an area only through the data that names it, and one with none would stay listed
 * (/api/countries?kind=aggregate) with nothing behind it. Its names go with it (ON DELETE CASCADE).
 */
async function dropUnusedAggregates(s: RawSession, candidates: string[]): Promise<void> {
  if (candidates.length === 0) return;
  await s.query(
    `DELETE FROM area a WHERE a.code = ANY($1::text[]) AND a.kind = 'aggregate'
       AND NOT EXISTS (SELECT 1 FROM series se WHERE se.ref_area = a.code)
       AND NOT EXISTS (SELECT 1 FROM series se WHERE se.counterpart_area = a.code)`,
    [[...new Set(candidates)]],
  );
}

/**
 * An indicator other datasets use keeps its unit and measure type: a file that declares the same
 * id with another unit would silently change what their figures mean. A user's file (`userFile`)
 * keeps its name, description and topic too: another user's dataset, or a bundled one, would be
 * described in words not its own. (A bundled importer may reword its indicators: a change to the
 * code rewords them for every edition that shares them.) Runs after the edition's own previous
 * load was deleted, so re-importing an edition with a corrected unit or wording works when no
 * other dataset uses the indicator.
 */
async function refuseRedefinitions(
  s: RawSession,
  datasetId: string,
  indicators: IndicatorDef[],
  userFile: boolean,
): Promise<void> {
  if (indicators.length === 0) return;
  const existing = await s.query<{
    id: string;
    name: string;
    unit: string;
    description: string;
    measure_type: string;
    topic: string;
    datasets: string | null;
  }>(
    `SELECT i.id, i.name, i.unit, i.description, i.measure_type, i.topic,
            (SELECT string_agg(DISTINCT se.dataset_id, ', ' ORDER BY se.dataset_id) FROM series se
              WHERE se.indicator_id = i.id AND se.dataset_id <> $2) AS datasets
     FROM indicator i WHERE i.id = ANY($1::text[])`,
    [indicators.map((i) => i.id), datasetId],
  );
  for (const row of existing) {
    const declared = indicators.find((i) => i.id === row.id);
    if (!declared || row.datasets === null) continue;
    const fields: [string, string, string][] = [
      ['unit', row.unit, declared.unit],
      ['measure type', row.measure_type, declared.measureType],
      ...(userFile
        ? ([
            ['name', row.name, declared.name],
            ['description', row.description, declared.description],
            ['topic', row.topic, declared.topic],
          ] as [string, string, string][])
        : []),
    ];
    const changed = fields.filter(([, stored, declaredValue]) => stored !== declaredValue);
    if (changed.length) {
      const what = changed.map(
        ([field, stored, declaredValue]) => `${field} "${stored}" (this file: "${declaredValue}")`,
      );
      throw new Error(
        `${datasetId}: indicator "${row.id}" already has ${what.join(' and ')}, and datasets ${row.datasets} use it; give this file's indicator another id, or declare the same ${changed.map(([field]) => field).join(' and ')}`,
      );
    }
  }
}

/**
 * The foreign keys of series and observation, as `pg_get_constraintdef` prints them: the rows an
 * import writes are checked against exactly these by checkForeignKeys.
 */
const FOREIGN_KEYS = [
  'observation: FOREIGN KEY (series_id) REFERENCES series(id) ON DELETE CASCADE',
  'series: FOREIGN KEY (counterpart_area) REFERENCES area(code)',
  'series: FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE',
  'series: FOREIGN KEY (indicator_id) REFERENCES indicator(id)',
  'series: FOREIGN KEY (ref_area) REFERENCES area(code)',
].join('\n');

/**
 * Turns off, for the rest of the caller's transaction, the per-row foreign-key triggers of the
 * series and observation rows it is about to COPY (`session_replication_role = replica`, as
 * pg_restore --disable-triggers does), when the session may and the two tables have no other
 * trigger or rule and exactly the foreign keys checkForeignKeys checks; false, changing nothing,
 * otherwise (a server user who is not superuser and was not granted SET on the parameter). The
 * constraints stay declared and enforced for every other writer; the caller must call
 * checkForeignKeys after its COPY and before COMMIT.
 */
export async function skipRowForeignKeyChecks(s: RawSession): Promise<boolean> {
  const [state] = await s.query<{ role: string; triggers: number; rules: number; keys: string }>(
    `SELECT current_setting('session_replication_role') AS role,
       (SELECT count(*)::int FROM pg_trigger
         WHERE tgrelid IN ('series'::regclass, 'observation'::regclass) AND NOT tgisinternal) AS triggers,
       (SELECT count(*)::int FROM pg_rewrite
         WHERE ev_class IN ('series'::regclass, 'observation'::regclass)) AS rules,
       (SELECT string_agg(conrelid::regclass::text || ': ' || pg_get_constraintdef(oid), E'\\n'
                          ORDER BY conrelid::regclass::text, pg_get_constraintdef(oid))
          FROM pg_constraint WHERE contype = 'f'
           AND conrelid IN ('series'::regclass, 'observation'::regclass)) AS keys`,
  );
  if (state?.role !== 'origin' || state.triggers !== 0 || state.rules !== 0 || state.keys !== FOREIGN_KEYS)
    return false;
  await s.exec('SAVEPOINT replica_role');
  try {
    await s.exec('SET LOCAL session_replication_role = replica');
    await s.exec('RELEASE SAVEPOINT replica_role');
    return true;
  } catch {
    await s.exec('ROLLBACK TO SAVEPOINT replica_role; RELEASE SAVEPOINT replica_role');
    return false;
  }
}

/**
 * Turns the per-row foreign-key triggers back on and checks, for the whole edition at once, what
 * they would have checked row by row: that every area and indicator its series name exists,
 * locked FOR KEY SHARE as the triggers lock it (a concurrent deletion waits for this transaction,
 * or, done first, fails this one), that every series names the dataset, and that every observation
 * written has one of these series (the edition's series are new, so the observations joined to
 * them are exactly the ones written). The dataset row and the series were inserted by this
 * transaction, which no other one sees, so they need no lock. Throws on any missing row: the
 * caller rolls back.
 */
export async function checkForeignKeys(
  s: RawSession,
  datasetId: string,
  seriesRows: { indicator: string; ref: string; cp: string | null }[],
  observations: number,
): Promise<void> {
  // jit off: compiling these scans would take longer than running them (0.25 s on PostgreSQL 15).
  await s.exec('SET LOCAL session_replication_role = origin; SET LOCAL jit = off');
  const lockAll = async (table: 'area' | 'indicator', column: 'code' | 'id', keys: Set<string>) => {
    const found = await s.query<{ key: string }>(
      `SELECT ${column} AS key FROM ${table} WHERE ${column} = ANY($1::text[]) FOR KEY SHARE`,
      [[...keys]],
    );
    if (found.length !== keys.size) {
      const present = new Set(found.map((r) => r.key));
      const missing = [...keys].filter((k) => !present.has(k));
      throw new Error(`${datasetId}: no ${table} ${missing.map((k) => `"${k}"`).join(', ')}; nothing was written`);
    }
  };
  await lockAll('area', 'code', new Set(seriesRows.flatMap((r) => (r.cp === null ? [r.ref] : [r.ref, r.cp]))));
  await lockAll('indicator', 'id', new Set(seriesRows.map((r) => r.indicator)));
  const [found] = await s.query<{ series: number; broken: number; observations: number }>(
    `SELECT
       (SELECT count(*)::int FROM series se WHERE se.dataset_id = $1) AS series,
       (SELECT count(*)::int FROM series se WHERE se.dataset_id = $1 AND (
          NOT EXISTS (SELECT 1 FROM dataset d WHERE d.id = se.dataset_id)
          OR NOT EXISTS (SELECT 1 FROM indicator i WHERE i.id = se.indicator_id)
          OR NOT EXISTS (SELECT 1 FROM area a WHERE a.code = se.ref_area)
          OR (se.counterpart_area IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM area a WHERE a.code = se.counterpart_area)))) AS broken,
       (SELECT count(*)::int FROM series se JOIN observation o ON o.series_id = se.id
         WHERE se.dataset_id = $1) AS observations`,
    [datasetId],
  );
  if (!found || found.series !== seriesRows.length || found.broken > 0 || found.observations !== observations) {
    throw new Error(
      `${datasetId}: of ${String(seriesRows.length)} series written, ${String(found?.series ?? 0)} name the dataset and ${String(found?.broken ?? 0)} a missing area or indicator; of ${String(observations)} observations, ${String(found?.observations ?? 0)} have one of them; nothing was written`,
    );
  }
}

/** A CSV field for COPY: empty (NULL) when absent, quoted when it holds a delimiter or quote. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}
