import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/server/paths.js';

/** The machine a benchmark ran on, for docs/BENCHMARKS.md. */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  const pglite = (
    JSON.parse(readFileSync(path.join(ROOT_DIR, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${String(cpus.length)} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()}); Node ${process.version}; PGlite ${pglite}`,
    `- Load average when the run started: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  ];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
