import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/server/paths.js';
import { benchEngines } from './engines.js';
import { benchImport } from './import-throughput.js';
import { describeMachine } from './machine.js';

/** `npm run bench`: runs every benchmark on each engine and writes docs/BENCHMARKS.md. */
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
lines.push('');
writeFileSync(path.join(ROOT_DIR, 'docs', 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
