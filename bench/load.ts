import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What every browser sends; the server answers cached data-hub answers gzipped. */
const ACCEPT_ENCODING = 'Accept-Encoding: gzip, deflate, br';

export interface LoadSample {
  tool: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
}

/**
 * Puts one URL under `connections` concurrent connections for `seconds`, from a separate process so
 * that the load generator never shares the server's event loop: wrk (Debian's package, one thread, to
 * leave the server a core of its own on small machines) when it is
 * installed, otherwise autocannon's command line in a child Node process.
 */
export async function generateLoad(url: string, connections: number, seconds: number): Promise<LoadSample> {
  if (await hasWrk()) return wrk(url, connections, seconds);
  return autocannon(url, connections, seconds);
}

async function hasWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is "not installed".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

async function wrk(url: string, connections: number, seconds: number): Promise<LoadSample> {
  const { stdout } = await run('wrk', [
    '-t1',
    `-c${String(connections)}`,
    `-d${String(seconds)}s`,
    '--latency',
    '-H',
    ACCEPT_ENCODING,
    url,
  ]);
  const percentile = (p: string): number => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(stdout);
    if (!m?.[1] || !m[2]) throw new Error(`wrk printed no ${p}% latency:\n${stdout}`);
    const scale = { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
    return Number(m[1]) * scale;
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1];
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    tool: 'wrk',
    p50: percentile('50'),
    p99: percentile('99'),
    rps: Number(rps ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

async function autocannon(url: string, connections: number, seconds: number): Promise<LoadSample> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const { stdout } = await run(
    process.execPath,
    [bin, '--json', '-c', String(connections), '-d', String(seconds), '-H', ACCEPT_ENCODING.replace(': ', '='), url],
    { maxBuffer: 64 * 2 ** 20 },
  );
  const result = JSON.parse(stdout) as {
    latency: { p50: number; p99: number };
    requests: { average: number };
    errors: number;
    non2xx: number;
  };
  return {
    tool: 'autocannon',
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
