import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database, Engine, RawSession } from '../db/database.js';
import { readSourceFile, type SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { ROOT_DIR } from '../paths.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import { AreaResolver } from './area-resolver.js';
import type { Importer } from './model.js';
import { writeDataset } from './write-dataset.js';

export const STATS_DATA_DIR = path.join(ROOT_DIR, 'data', 'stats');

/**
 * Refreshes the planner's statistics of series and observation after imports. On PGlite, which has
 * no autovacuum, it vacuums them too: the rows of a replaced (or rolled-back) load are otherwise never
 * reclaimed, and each forced re-import of UN DESA 2024 grew the tables by 17 MB and the next
 * import's write by a third. VACUUM (ANALYZE) takes about as long there as ANALYZE alone. A server's
 * autovacuum does this in its own time.
 */
export function refreshStatistics(session: RawSession, engine: Engine): Promise<void> {
  return session.exec(`${engine === 'pglite' ? 'VACUUM (ANALYZE)' : 'ANALYZE'} series, observation`);
}

/** The advisory-lock namespace of edition imports ("BRDG"); the second key is the edition's id, hashed. */
const EDITION_LOCK = 0x42524447;

export type ImportOutcome =
  | { dataset: string; loaded: false }
  | {
      dataset: string;
      loaded: true;
      series: number;
      observations: number;
      seconds: number;
      /** The observations of the load of this edition it replaced; null when there was none. */
      replaced: number | null;
    };

/**
 * Imports one dataset edition in one transaction: a malformed file fails with its file, line
 * and column before anything is written, and a failure while writing rolls everything back.
 * Re-importing unchanged files does nothing; `force` reloads the edition in place.
 */
export async function importDataset(
  database: Database,
  importer: Importer,
  options: {
    dir?: string;
    force?: boolean;
    /**
     * An edition loaded before from elsewhere (another file or folder: `meta.loadedFrom`) is
     * replaced only with `force` when this is false (users' files); a changed file from the same
     * place is.
     */
    replaceOtherSource?: boolean;
    onProgress?: ProgressReporter;
    signal?: AbortSignal;
    /** Called once the edition is committed: from then on an interruption leaves it loaded. */
    onCommitted?: () => void;
    /**
     * Whether to refresh the planner's statistics after the commit (default true). A caller that
     * loads many editions in a row passes false and refreshes them itself, less often.
     */
    analyze?: boolean;
  } = {},
): Promise<ImportOutcome> {
  const started = performance.now();
  const dir = options.dir ?? STATS_DATA_DIR;
  const files = new Map<string, SourceFile>();
  for (const name of importer.files) files.set(name, readSourceFile(path.join(dir, name)));
  const checksum = editionChecksum(
    importer,
    [...files.values()].map((f) => f.sha256),
  );
  const existing = await database.db
    .selectFrom('dataset')
    .select(['checksum', 'loaded_from', 'edition'])
    .where('id', '=', importer.meta.id)
    .executeTakeFirst();
  if (existing?.checksum === checksum && !options.force) return { dataset: importer.meta.id, loaded: false };

  options.signal?.throwIfAborted();
  const areas = await AreaResolver.load(database.db);
  const parsed = await importer.read({
    file(name) {
      const file = files.get(name);
      if (!file) throw new SourceFormatError(name, `is not one of the files of ${importer.meta.id}`);
      return file;
    },
    areas,
  });
  // The files' bytes are not needed once read: a user's file of tens of megabytes is not kept
  // through the write.
  files.clear();
  parsed.aggregates = [
    ...(parsed.aggregates ?? []),
    ...areas.aggregates.filter((a) => !parsed.aggregates?.some((b) => b.code === a.code)),
  ];
  const known = new Set(importer.indicators.map((i) => i.id));
  const stray = parsed.observations.find((o) => !known.has(o.indicator));
  if (stray) throw new Error(`${importer.meta.id}: observation of undeclared indicator "${stray.indicator}"`);
  // An edition loaded from other data, or as another edition, is replaced only with --force
  // (users' files): a mapping whose "edition" was changed for next year's figures must not replace
  // this year's, editions live side by side.
  const refuseOtherSource = (loaded: { loaded_from: string | null; edition: string } | undefined) => {
    if (!loaded || options.force || options.replaceOtherSource !== false) return;
    if (loaded.loaded_from !== (importer.meta.loadedFrom ?? null)) {
      throw new Error(
        `${importer.meta.id} is already loaded, from other data (${loaded.loaded_from ?? 'a bundled dataset'}): give --force to replace it, or another "dataset.id" in the mapping to keep both`,
      );
    }
    if (loaded.edition !== importer.meta.edition) {
      throw new Error(
        `${importer.meta.id} is loaded as edition "${loaded.edition}", and this mapping says "${importer.meta.edition}": give the new edition another "dataset.id" in the mapping to keep both side by side, or --force to replace edition "${loaded.edition}" with it`,
      );
    }
  };
  // After reading, so that a faulty file is told its fault first.
  refuseOtherSource(existing);

  const written = await database.withRawSession(async (session) => {
    await session.exec('BEGIN');
    try {
      // One writer per edition at a time: a second import of it (another `bridges import`, a
      // server's first start) waits here for the first to commit, then replaces what it wrote,
      // rather than failing on the dataset's key half-way.
      await session.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [EDITION_LOCK, importer.meta.id]);
      // Again under the lock: another import of this id may have committed other data meanwhile
      // (two `bridges import`s at once), which the check before reading could not see.
      const [current] = await session.query<{ loaded_from: string | null; edition: string; observations: number }>(
        'SELECT loaded_from, edition, observation_count::int AS observations FROM dataset WHERE id = $1',
        [importer.meta.id],
      );
      refuseOtherSource(current);
      const result = await writeDataset(
        session,
        importer.meta,
        importer.indicators,
        parsed,
        checksum,
        options.onProgress,
        options.signal,
      );
      await session.exec('COMMIT');
      options.onCommitted?.();
      // Fresh statistics, so the planner does not plan big-table scans for five-row lookups
      // until autovacuum gets there (PGlite has no autovacuum).
      if (options.analyze !== false) await refreshStatistics(session, database.engine);
      return { ...result, replaced: current?.observations ?? null };
    } catch (err) {
      await session.exec('ROLLBACK');
      throw err;
    }
  });
  return { dataset: importer.meta.id, loaded: true, ...written, seconds: (performance.now() - started) / 1000 };
}

/**
 * What an edition's load is known by: the importer and its version, and the SHA-256 of each of its
 * files as on disk (in the importer's order). The same files through the same importer give the same
 * checksum, so an unchanged edition is not loaded again, and its files can be told to be the ones loaded.
 */
export function editionChecksum(importer: Importer, fileSha256s: readonly string[]): string {
  const hash = createHash('sha256').update(`${importer.meta.id}:v${String(importer.version)}`);
  for (const sha of fileSha256s) hash.update(sha);
  return hash.digest('hex');
}

/** Parses a number as a publisher printed it; anything else is an error naming the cell. */
export function parseNumber(text: string, file: string, line: number, column: string): number {
  const t = text.trim();
  const value = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(value)) {
    throw new SourceFormatError(file, `"${text}" is not a number`, { line, column });
  }
  return value;
}
