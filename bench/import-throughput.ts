import path from 'node:path';
import { undesaIms2024 } from '../src/server/importers/undesa-ims.js';
import { readSourceFile } from '../src/server/ingest/read-source.js';
import { AreaResolver } from '../src/server/stats/area-resolver.js';
import { importDataset, STATS_DATA_DIR } from '../src/server/stats/import-dataset.js';
import { freshDatabase, type BenchEngine } from './engines.js';
import { median } from './machine.js';

const RUNS = 5;
const FILE = 'undesa_ims/undesa_ims2024_bilateral_by_sex.csv.gz';

export interface ImportResult {
  engine: string;
  rows: number;
  importSeconds: number;
  /** Reading, parsing and validating the file alone (gunzip, CSV, numbers, area codes): no database write. */
  parseSeconds: number;
  copySeconds: number;
  /** The fastest and slowest of the runs: how far a median on this machine can be trusted. */
  importRange: [number, number];
  copyRange: [number, number];
  /**
   * The observation rows as the import writes them, COPYed into a table of observation's shape:
   * bare, then with its checks and primary key, then with its foreign key to series too. What a
   * constrained table costs whatever the importer does.
   */
  constrained: { bare: number; keyed: number; referenced: number };
  /**
   * The process's peak resident memory when its first import ended: the database, the bench's
   * COPY text and one import. Whole only in a process of its own (import-child.ts).
   */
  peakRssMiB: number;
}

const OBSERVATION_COLUMNS = ['series_id', 'period', 'period_start', 'value', 'status', 'flags'];

/**
 * Import throughput of the UN DESA 2024 bilateral file (read, validate, resolve codes, write
 * series and observations in one transaction) against a plain COPY of the same CSV rows into a
 * bare table with no index or constraint, on the same engine. Median of five runs each, with their range.
 */
export async function benchImport(engine: BenchEngine): Promise<ImportResult> {
  const { database, version, drop } = await freshDatabase(engine);
  try {
    const csv = readSourceFile(path.join(STATS_DATA_DIR, FILE)).bytes.toString('utf8');
    const rows = csv.trimEnd().split('\n').length - 1;
    const header = csv.slice(0, csv.indexOf('\n')).split(',');
    const body = csv.slice(csv.indexOf('\n') + 1);
    await database.withRawSession((s) =>
      s.exec(`CREATE TABLE bench_bare (year int, dest_iso3 text, origin_iso3 text, sex text, migrant_stock float8,
              type_b int, type_c int, type_r int, type_i int)`),
    );
    const copyTimes: number[] = [];
    const importTimes: number[] = [];
    const parseTimes: number[] = [];
    let peakRssMiB = 0;
    for (let run = 0; run < RUNS; run++) {
      await database.withRawSession((s) => s.exec('TRUNCATE bench_bare'));
      let t = performance.now();
      await database.withRawSession((s) => s.copyFrom('bench_bare', header, body));
      copyTimes.push((performance.now() - t) / 1000);

      // A first import: the previous run's edition is removed outside the timing, and its rows
      // reclaimed, so that no run writes beside (or vacuums) the dead rows of the one before.
      await database.withRawSession(async (s) => {
        await s.query('DELETE FROM dataset WHERE id = $1', [undesaIms2024.meta.id]);
        await s.exec('VACUUM series, observation');
      });
      t = performance.now();
      const outcome = await importDataset(database, undesaIms2024, { force: true });
      importTimes.push((performance.now() - t) / 1000);
      if (run === 0) peakRssMiB = process.resourceUsage().maxRSS / 2 ** 10;
      if (!outcome.loaded || outcome.observations !== rows)
        throw new Error(`import loaded ${JSON.stringify(outcome)}, expected ${String(rows)} rows`);

      t = performance.now();
      const file = readSourceFile(path.join(STATS_DATA_DIR, FILE));
      const areas = await AreaResolver.load(database.db);
      const parsed = await undesaIms2024.read({ file: () => file, areas });
      parseTimes.push((performance.now() - t) / 1000);
      if (parsed.observations.length !== rows) throw new Error('parse-only run read a different number of rows');
    }

    // The rows the last import wrote, as CSV, then COPYed into three tables of observation's shape.
    const written = await database.withRawSession((s) =>
      s.query<{ line: string }>(
        `SELECT concat_ws(',', o.series_id, o.period, o.period_start, o.value, o.status, o.flags) AS line
         FROM observation o JOIN series s ON s.id = o.series_id WHERE s.dataset_id = $1`,
        [undesaIms2024.meta.id],
      ),
    );
    const observationCsv = `${written.map((r) => r.line).join('\n')}\n`;
    await database.withRawSession((s) =>
      s.exec(`CREATE TABLE bench_bare_observation (LIKE observation);
              CREATE TABLE bench_keyed_observation (LIKE observation INCLUDING CONSTRAINTS INCLUDING INDEXES);
              CREATE TABLE bench_referenced_observation (LIKE observation INCLUDING CONSTRAINTS INCLUDING INDEXES,
                FOREIGN KEY (series_id) REFERENCES series (id));`),
    );
    const constrained = { bare: [] as number[], keyed: [] as number[], referenced: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['bare', 'keyed', 'referenced'] as const) {
        const table = `bench_${kind}_observation`;
        await database.withRawSession(async (s) => {
          await s.exec(`TRUNCATE ${table}`);
          const t = performance.now();
          await s.exec('BEGIN');
          await s.copyFrom(table, OBSERVATION_COLUMNS, observationCsv);
          await s.exec('COMMIT');
          constrained[kind].push((performance.now() - t) / 1000);
        });
      }
    }
    return {
      constrained: {
        bare: median(constrained.bare),
        keyed: median(constrained.keyed),
        referenced: median(constrained.referenced),
      },
      engine: version,
      rows,
      importSeconds: median(importTimes),
      parseSeconds: median(parseTimes),
      copySeconds: median(copyTimes),
      importRange: [Math.min(...importTimes), Math.max(...importTimes)],
      copyRange: [Math.min(...copyTimes), Math.max(...copyTimes)],
      peakRssMiB,
    };
  } finally {
    await drop();
  }
}
