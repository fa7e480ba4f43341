import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/server/paths.js';

/** The built CLI, exactly as `npm start` and the package's `bridges` bin run it. */
const CLI = path.join(ROOT_DIR, 'dist/server/cli/main.js');

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
    input,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `bridges serve` and resolves with its URL once it says it is running. */
function serve(
  dataDir: string,
  logLevel = 'warn',
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, BRIDGES_DATA_DIR: dataDir, LOG_LEVEL: logLevel },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Bridges is running at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) resolve({ child, url: m[1], output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${String(code)}:\n${output}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('bridges CLI', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('Run `npm run build` first: the CLI test runs the built dist/');
    dir = mkdtempSync(path.join(tmpdir(), 'bridges-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('explains every command with --help', { timeout: 60_000 }, () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['serve', 'db', 'load']) expect(help.stdout).toContain(command);
    // Every setting the configuration reads, each on its own line.
    for (const variable of [
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'BRIDGES_DATA_DIR',
      'HOST',
      'PORT',
      'LOG_LEVEL',
      'TRUST_PROXY',
      'PUBLIC_URL',
    ])
      expect(help.stdout).toMatch(new RegExp(`^  ${variable} +\\S`, 'm'));
    expect(run(['db', '--help']).stdout).toMatch(/migrate[\s\S]*status/);
    expect(run(['load', 'reference', '--help']).stdout).toContain('--force');
    expect(run(['serve', '--help']).stdout).toContain('--port');
  });

  it('fails clearly on an unknown command or a bad setting', { timeout: 60_000 }, () => {
    const unknown = run(['nonsense']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'nonsense'/);
    const badPort = run(['db', 'status'], { PORT: 'eighty', BRIDGES_DATA_DIR: path.join(dir, 'x') });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toMatch(/PORT/);
    const badUrl = run(['db', 'status'], { DATABASE_URL: 'mysql://localhost/db' });
    expect(badUrl.status).toBe(1);
    expect(badUrl.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\//);
    const noServer = run(['db', 'status'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(noServer.status).toBe(1);
    expect(noServer.stderr).toMatch(/Could not connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/none/);
  });

  it('migrates, reports status and loads reference data', { timeout: 120_000 }, () => {
    const dataDir = path.join(dir, 'migrate');
    expect(run(['db', 'status'], { BRIDGES_DATA_DIR: dataDir }).stdout).toMatch(/0 applied, \d+ pending/);
    expect(run(['db', 'migrate'], { BRIDGES_DATA_DIR: dataDir }).stdout).toMatch(/Applied \d+ migration/);
    expect(run(['db', 'migrate'], { BRIDGES_DATA_DIR: dataDir }).stdout).toMatch(/up to date/);
    expect(run(['db', 'status'], { BRIDGES_DATA_DIR: dataDir }).stdout).toMatch(
      /applied 20\d\d-.*reference_areas[\s\S]*0 pending/,
    );
    const load = run(['load', 'reference'], { BRIDGES_DATA_DIR: dataDir });
    expect(load.status).toBe(0);
    expect(load.stdout).toMatch(/Loaded 261 countries and areas/);
    expect(run(['load', 'reference'], { BRIDGES_DATA_DIR: dataDir }).stdout).toMatch(/already loaded/);
  });

  it(
    'creates accounts with the password from standard input, and refuses weak or repeated ones',
    { timeout: 120_000 },
    () => {
      const env = { BRIDGES_DATA_DIR: path.join(dir, 'users') };
      const args = ['user', 'create', '--email', 'Admin@Example.org', '--name', 'First Admin', '--admin'];
      const created = run(args, env, 'a long enough passphrase\n');
      expect(created.stderr).toBe(`Using the embedded PostgreSQL (PGlite) in ${env.BRIDGES_DATA_DIR}\n`);
      expect(created.stdout).toMatch(/^Created admin First Admin <admin@example\.org> \(id \d+\)\.\n$/);
      const again = run(args, env, 'a long enough passphrase\n');
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/admin@example\.org exists already/);
      const weak = run(
        ['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'reviewer'],
        env,
        'short\n',
      );
      expect(weak.status).toBe(1);
      expect(weak.stderr).toMatch(/password: must be at least 12 characters/);
      const badRole = run(['user', 'create', '--email', 'y@example.org', '--name', 'Y', '--role', 'boss'], env, 'x\n');
      expect(badRole.stderr).toMatch(/Allowed choices are viewer, contributor, reviewer, admin/);
    },
  );

  it('checks and loads the library content, naming the file, line and field of a problem', { timeout: 120_000 }, () => {
    const env = { BRIDGES_DATA_DIR: path.join(dir, 'content') };
    const loaded = run(['content'], env);
    expect(loaded.stdout).toMatch(/^Library content: \d+ new, 0 updated, 0 unchanged\.\n$/);
    expect(run(['content'], env).stdout).toMatch(/^Library content: 0 new, 0 updated, \d+ unchanged\.\n$/);
    const bad = path.join(dir, 'bad-content');
    mkdirSync(path.join(bad, 'organisations'), { recursive: true });
    writeFileSync(path.join(bad, 'organisations', 'test-body.yaml'), 'name: { en: Test body }\ntype: ministry\n');
    const failed = run(['content', '--dir', bad], env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/test-body\.yaml:2 field type: Invalid option/);
  });

  it('refuses a second process on the same data directory, and the data stays intact', async () => {
    const dataDir = path.join(dir, 'serve');
    const first = await serve(dataDir);
    try {
      const health = (await (await fetch(`${first.url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('pglite');
      expect(first.output()).toContain(`Data load: ${first.url}/api/status`);
      // The bundled datasets' load is told in lines for the person at the terminal, not as JSON.
      await expect
        .poll(() => first.output(), { timeout: 60_000 })
        .toMatch(/^Loaded [a-z0-9-]+: \d+ observations in \d+\.\d s$/m);

      const second = run(['serve', '--port', '0'], { BRIDGES_DATA_DIR: dataDir });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(
        `The data directory ${dataDir} is already in use by another Bridges process (pid ${String(first.child.pid)})`,
      );
      const status = run(['db', 'status'], { BRIDGES_DATA_DIR: dataDir });
      expect(status.status).toBe(1);

      const list = (await (await fetch(`${first.url}/api/countries`)).json()) as { total: number };
      expect(list.total).toBe(261);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await exitOf(first.child)).toBe(0);
    expect(first.output()).toMatch(/SIGTERM received: closing/);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    // A clean close leaves a database that opens again with everything in it, loaded only once.
    const again = await serve(dataDir, 'info');
    try {
      expect(again.output()).not.toMatch(/loading countries/);
      const phl = (await (await fetch(`${again.url}/api/countries/PHL`)).json()) as { incomeHistory: unknown[] };
      expect(phl.incomeHistory).toHaveLength(37);
      // Requests are logged, but not the polls of the load banner and of monitors.
      for (const poll of ['/api/status', '/api/health', '/api/status'])
        await (await fetch(`${again.url}${poll}`)).text();
      await expect.poll(() => again.output()).toContain('"url":"/api/countries/PHL"');
      expect(again.output()).not.toMatch(/"url":"\/api\/(status|health)"/);
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await exitOf(again.child)).toBe(0);
    // Two starts of the server, the first loading every bundled dataset: minutes on a busy machine.
  }, 180_000);

  /**
   * Writes a user's file of invented values (like the fixtures): five countries, `channels`
   * channels each, every year from `years[0]` to `years[1]`; imports it, and sends Ctrl+C once the
   * import's output matches `when`: its exit code and output, and how to run the same import again.
   */
  async function interruptImport(name: string, channels: number, years: [number, number], when: RegExp) {
    const fixtures = path.join(ROOT_DIR, 'tests', 'fixtures', 'user-files');
    const mapping = JSON.parse(readFileSync(path.join(fixtures, 'remittance-share.mapping.json'), 'utf8')) as {
      columns: Record<string, unknown>;
    };
    mapping.columns.areaBy = 'iso3';
    const mappingFile = path.join(dir, `${name}.mapping.json`);
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const rows = ['country,year,sex,share_pct,quality,channel,comment'];
    for (const country of ['PHL', 'MEX', 'TUR', 'VNM', 'IND'])
      for (let channel = 0; channel < channels; channel++)
        for (let year = years[0]; year <= years[1]; year++)
          rows.push(`${country},${String(year)},Total,1.5,,c${String(channel)},`);
    const file = path.join(dir, `${name}.csv`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const dataDir = path.join(dir, name);
    const child = spawn(process.execPath, [CLI, 'import', file, '--mapping', mappingFile], {
      env: { ...process.env, BRIDGES_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    child.stdout.resume();
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (when.test(stderr)) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await exitOf(child);
    return {
      code,
      stderr,
      again: () => run(['import', file, '--mapping', mappingFile], { BRIDGES_DATA_DIR: dataDir }),
    };
  }

  it('stops an import on Ctrl+C while it writes, saying so, and writes nothing of it', async () => {
    // 120,000 rows: writing them takes several chunks.
    const { code, stderr, again } = await interruptImport(
      'interrupt',
      800,
      [1990, 2019],
      /writing test-remittance-share-2024: observations/,
    );
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted: test-remittance-share-2024 was not written.');
    // Nothing of it was written: the same import runs in full, it is not "already loaded".
    expect(again().stdout).toMatch(/^test-remittance-share-2024: 120000 observations in 4000 series/);
  }, 180_000);

  it('stops an import on Ctrl+C while it reads a large file, without reading it to the end', async () => {
    // 600,000 rows: seconds of reading.
    const { code, stderr } = await interruptImport(
      'interrupt-read',
      2000,
      [1961, 2020],
      /reading interrupt-read\.csv: \d+\//,
    );
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted: test-remittance-share-2024 was not written.');
    // Heard while reading: the file was not read to its end first.
    expect(stderr).not.toMatch(/reading interrupt-read\.csv: 600000\/600000/);
    expect(stderr).not.toMatch(/writing test-remittance-share-2024/);
  }, 180_000);

  it('takes over the lock of a process that died without releasing it', async () => {
    const dataDir = path.join(dir, 'crash');
    const first = await serve(dataDir);
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const next = await serve(dataDir);
    try {
      const list = (await (await fetch(`${next.url}/api/countries?kind=country`)).json()) as { total: number };
      expect(list.total).toBe(249);
    } finally {
      next.child.kill('SIGTERM');
    }
    expect(await exitOf(next.child)).toBe(0);
  }, 90_000);
});
