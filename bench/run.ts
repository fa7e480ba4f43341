import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/server/paths.js';
import { benchEngines } from './engines.js';
import { benchApi } from './api-latency.js';
import { benchImport } from './import-throughput.js';
import { describeMachine } from './machine.js';

/** `npm run bench`: runs every benchmark on each engine and writes docs/BENCHMARKS.md. */
const API_PATHS = ['/api/profiles/PHL', '/api/corridors/PHL/USA', '/api/countries?q=phil'];
const lines: string[] = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Targets are from the issues; numbers are medians.`,
  '',
  '## Machine',
  '',
  ...describeMachine(),
  '',
  '## Import throughput: UN DESA 2024 bilateral file vs a plain COPY',
  '',
  'Import = read the gzipped CSV, validate every cell, resolve area codes, write series and observations',
  'in one transaction (by COPY into the indexed, constrained tables). COPY = the same CSV rows into a bare',
  'table with no index or constraint. Target: import ≥ 50 % of COPY.',
  '',
  '| engine | rows | import (s) | import rows/s | COPY (s) | COPY rows/s | import / COPY | peak RSS (MiB) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];
for (const engine of benchEngines()) {
  process.stderr.write(`import throughput on ${engine}…\n`);
  const r = await benchImport(engine);
  const importRate = r.rows / r.importSeconds;
  const copyRate = r.rows / r.copySeconds;
  lines.push(
    `| ${r.engine} | ${r.rows.toLocaleString('en')} | ${r.importSeconds.toFixed(2)} | ${Math.round(importRate).toLocaleString('en')} | ${r.copySeconds.toFixed(2)} | ${Math.round(copyRate).toLocaleString('en')} | ${((importRate / copyRate) * 100).toFixed(0)} % | ${r.peakRssMiB.toFixed(0)} |`,
  );
}
lines.push(
  '',
  '## First start and API latency under load',
  '',
  'Load = every bundled dataset imported into a fresh database, one transaction each, as the first',
  '`npm start` does in the background (the UI answers meanwhile). Then each endpoint under',
  '50 concurrent connections for 10 s, from a separate process on the same machine (wrk when installed,',
  'otherwise autocannon in a child process; the tool column says which). Target: p99 < 50 ms on PostgreSQL.',
  '',
  '| engine | load all (s) | observations | endpoint | tool | p50 (ms) | p99 (ms) | requests/s | errors | non-2xx |',
  '|---|---:|---:|---|---|---:|---:|---:|---:|---:|',
);
for (const engine of benchEngines()) {
  process.stderr.write(`API latency on ${engine}…\n`);
  const r = await benchApi(engine, API_PATHS);
  for (const e of r.endpoints) {
    lines.push(
      `| ${r.engine} | ${r.loadAllSeconds.toFixed(1)} | ${r.observations.toLocaleString('en')} | \`${e.path}\` | ${e.tool} | ${e.p50.toFixed(1)} | ${e.p99.toFixed(1)} | ${e.rps.toFixed(0)} | ${String(e.errors)} | ${String(e.non2xx)} |`,
    );
  }
}
lines.push('');
writeFileSync(path.join(ROOT_DIR, 'docs', 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
