import type { Database } from '../db/database.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import type { Importer } from './model.js';
import { importDataset } from './import-dataset.js';

export type DatasetLoadState = 'pending' | 'loading' | 'loaded' | 'unchanged' | 'failed';

/** What the background load of the bundled datasets has done so far; /api/status shows it. */
export class BundledLoadStatus {
  readonly datasets = new Map<string, { state: DatasetLoadState; seconds?: number; error?: string }>();
  startedAt: Date | null = null;
  finishedAt: Date | null = null;

  constructor(importers: Importer[]) {
    for (const i of importers) this.datasets.set(i.meta.id, { state: 'pending' });
  }

  get done(): boolean {
    return [...this.datasets.values()].every((d) => d.state !== 'pending' && d.state !== 'loading');
  }
}

/**
 * Loads every bundled dataset not yet loaded (or changed), one transaction each, in order. A
 * dataset that fails is reported and skipped; the others still load, and nothing half-loaded stays.
 */
export async function loadBundledDatasets(
  database: Database,
  importers: Importer[],
  status: BundledLoadStatus,
  log: { info(msg: string): void; error(msg: string): void },
  options: {
    onProgress?: ProgressReporter;
    signal?: AbortSignal;
    /** Called after each dataset that loaded (the search index lists it then). */
    onLoaded?: (datasetId: string) => Promise<void>;
  } = {},
): Promise<void> {
  status.startedAt = new Date();
  for (const importer of importers) {
    if (options.signal?.aborted) break;
    const entry = status.datasets.get(importer.meta.id) ?? { state: 'pending' };
    entry.state = 'loading';
    status.datasets.set(importer.meta.id, entry);
    try {
      const outcome = await importDataset(database, importer, options);
      if (outcome.loaded) {
        entry.state = 'loaded';
        entry.seconds = outcome.seconds;
        log.info(
          `Loaded ${importer.meta.id}: ${String(outcome.observations)} observations in ${outcome.seconds.toFixed(1)} s`,
        );
        await options.onLoaded?.(importer.meta.id);
      } else entry.state = 'unchanged';
    } catch (err) {
      if (options.signal?.aborted) {
        entry.state = 'pending';
        break;
      }
      entry.state = 'failed';
      entry.error = (err as Error).message;
      log.error(`Could not load ${importer.meta.id}: ${(err as Error).message}`);
    }
  }
  status.finishedAt = new Date();
}
