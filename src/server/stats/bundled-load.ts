import type { Database } from '../db/database.js';
import type { ProgressReporter } from '../reference/load-reference.js';
import type { Importer } from './model.js';
import { importDataset, refreshStatistics } from './import-dataset.js';

export type DatasetLoadState = 'pending' | 'loading' | 'loaded' | 'unchanged' | 'failed';

/** A bundled dataset the first start has not loaded yet, and the indicators it will bring. */
export interface StillLoading {
  dataset: string;
  indicators: readonly string[];
}

/** What a 503 says of something (an indicator, a dataset, an SDMX flow) bundled datasets still loading will bring. */
export function stillLoadingMessage(what: string, datasets: readonly string[]): string {
  const list = datasets.join(', ');
  return `${what} comes with ${datasets.length > 1 ? 'the bundled datasets' : 'the bundled dataset'} ${list}, which the first start is still loading (see /api/status); ask again in a few seconds`;
}

/** What the background load of the bundled datasets has done so far; /api/status shows it. */
export class BundledLoadStatus {
  readonly datasets = new Map<string, { state: DatasetLoadState; seconds?: number; error?: string }>();
  startedAt: Date | null = null;
  finishedAt: Date | null = null;

  readonly #indicators = new Map<string, string[]>();

  constructor(importers: Importer[]) {
    for (const i of importers) {
      this.datasets.set(i.meta.id, { state: 'pending' });
      this.#indicators.set(
        i.meta.id,
        i.indicators.map((indicator) => indicator.id),
      );
    }
  }

  get done(): boolean {
    return [...this.datasets.values()].every((d) => d.state !== 'pending' && d.state !== 'loading');
  }

  /** The datasets not loaded yet (waiting or loading), with the indicators each will bring. */
  stillLoading(): StillLoading[] {
    return [...this.datasets]
      .filter(([, d]) => d.state === 'pending' || d.state === 'loading')
      .map(([dataset]) => ({ dataset, indicators: this.#indicators.get(dataset) ?? [] }));
  }
}

/**
 * Refreshes the planner's statistics for a run of imports (each passing `analyze: false`) each time
 * the observations written have doubled since the last refresh, and at the end: a handful of
 * ANALYZEs for the sixteen bundled datasets rather than one each (each reads a sample of the whole
 * tables), while the first ones keep the UI's queries planned as the tables grow.
 */
export class StatisticsRefresh {
  private written = 0;
  private analyzedAt = 0;

  constructor(
    private readonly database: Database,
    /** Told when a refresh fails; without it, the failure is thrown. */
    private readonly onError?: (err: Error) => void,
  ) {}

  /** After an edition of `observations` was committed. */
  async wrote(observations: number): Promise<void> {
    this.written += observations;
    if (this.written >= 2 * this.analyzedAt) await this.refresh();
  }

  /** At the end of the run: refreshes once more if anything was written since the last refresh. */
  async finish(): Promise<void> {
    if (this.written > this.analyzedAt) await this.refresh();
  }

  private async refresh(): Promise<void> {
    this.analyzedAt = this.written;
    try {
      await this.database.withRawSession((s) => refreshStatistics(s, this.database.engine));
    } catch (err) {
      if (!this.onError) throw err;
      this.onError(err as Error);
    }
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
  const statistics = new StatisticsRefresh(database, (err) =>
    // The data are committed; only the planner's statistics are older (an import refreshes them).
    log.error(`Could not refresh the planner's statistics: ${err.message}`),
  );
  for (const importer of importers) {
    if (options.signal?.aborted) break;
    const entry = status.datasets.get(importer.meta.id) ?? { state: 'pending' };
    entry.state = 'loading';
    status.datasets.set(importer.meta.id, entry);
    try {
      const outcome = await importDataset(database, importer, { ...options, analyze: false });
      if (outcome.loaded) {
        entry.state = 'loaded';
        entry.seconds = outcome.seconds;
        log.info(
          `Loaded ${importer.meta.id}: ${String(outcome.observations)} observations in ${outcome.seconds.toFixed(1)} s`,
        );
        await statistics.wrote(outcome.observations);
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
  if (!options.signal?.aborted) await statistics.finish();
  status.finishedAt = new Date();
}
