import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchEngine } from './engines.js';
import { benchImport, type ImportResult } from './import-throughput.js';

/**
 * The import benchmark of one engine in a process of its own, so that its peak memory is its own:
 * in `npm run bench`'s process, the engine measured second inherited the first one's peak.
 */
export async function benchImportInChild(engine: BenchEngine): Promise<ImportResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), engine],
    { maxBuffer: 2 ** 20 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ImportResult;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const engine = process.argv[2];
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`engine "${String(engine)}": pglite or postgres`);
  process.stdout.write(`${JSON.stringify(await benchImport(engine))}\n`);
}
