#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ENVIRONMENT_HELP, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate, migrationStatus } from '../db/migrate.js';
import { VERSION } from '../paths.js';
import { BUNDLED_IMPORTERS, findImporters } from '../importers/index.js';
import { loadReference } from '../reference/load-reference.js';
import { StatisticsRefresh } from '../stats/bundled-load.js';
import { importDataset } from '../stats/import-dataset.js';
import { describeDatabase, startServer } from '../server.js';
import { createProgress } from './progress.js';
import type { Role } from '../../core/library-vocab.js';
import { changeUser, createUser } from '../auth/auth.service.js';
import { ApiError } from '../http/api-error.js';
import { loadLibraryContent } from '../library/load-content.js';
import { LIBRARY_CONTENT_DIR } from '../paths.js';
import { indexDatasets, rebuildSearchIndex, refreshSearchWords, searchIndexIsBuilt } from '../search/search.indexer.js';

/** The `bridges` command line: serve the platform, manage the database, load data. */
const program = new Command('bridges')
  .description('Bridges: evidence on migration and development, with every figure cited')
  .version(VERSION)
  .showHelpAfterError()
  .addHelpText(
    'after',
    [
      '\nConfiguration comes from the environment (README.md says more):',
      ...Object.entries(ENVIRONMENT_HELP).map(([name, meaning]) => `  ${name.padEnd(20)} ${meaning}`),
    ].join('\n'),
  );

program
  .command('serve')
  .description('Migrate the database, load the bundled reference data if needed, and serve the API and web UI')
  .addOption(new Option('-p, --port <port>', 'port to listen on (overrides PORT)'))
  .addOption(new Option('--host <host>', 'address to listen on (overrides HOST)'))
  .action(async (opts: { port?: string; host?: string }) => {
    const config = configWith({ PORT: opts.port, HOST: opts.host });
    process.stderr.write(`Bridges ${VERSION}: opening the ${describeDatabase(config)}\n`);
    const progress = createProgress();
    const server = await startServer(config, {
      onProgress: progress.report,
      // Lines for the person at the terminal, like the banner and the last line below; requests
      // are logged as JSON.
      datasetLog: {
        info: (msg) => process.stdout.write(`${msg}\n`),
        error: (msg) => process.stderr.write(`${msg}\n`),
      },
    }).finally(() => progress.stop());
    process.stdout.write(
      `\nBridges is running at ${server.url}\n  API docs: ${server.url}/api/docs\n  Data load: ${server.url}/api/status\n  Press Ctrl+C to stop.\n\n`,
    );
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write('Stopping already; forcing exit.\n');
        process.exit(1);
      }
      stopping = true;
      process.stderr.write(`\n${signal} received: closing the server and the database…\n`);
      server.close().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`Error while closing: ${(err as Error).message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // The bundled datasets go on loading in the background: say when they are done.
    const loadStarted = performance.now();
    void server.datasetsLoaded.then(() => {
      if (!stopping)
        process.stdout.write(
          `Bundled datasets: load finished in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (each one's state: ${server.url}/api/status).\n`,
        );
    });
  });

const db = program.command('db').description('Manage the database schema');
db.command('migrate')
  .description('Apply the migrations not yet applied')
  .action(async () => {
    await withDatabase(async (database) => {
      const applied = await migrate(database);
      process.stdout.write(
        applied.length
          ? `Applied ${String(applied.length)} migration(s):\n${applied.map((n) => `  ${n}`).join('\n')}\n`
          : 'Database is up to date; nothing to apply.\n',
      );
    });
  });
db.command('status')
  .description('List the migrations and whether each is applied')
  .action(async () => {
    await withDatabase(async (database) => {
      const status = await migrationStatus(database);
      for (const m of status)
        process.stdout.write(`${m.appliedAt ? `applied ${m.appliedAt}` : 'pending             '}  ${m.name}\n`);
      const pending = status.filter((m) => !m.appliedAt).length;
      process.stdout.write(`${String(status.length - pending)} applied, ${String(pending)} pending\n`);
    });
  });

const load = program.command('load').description('Load bundled data into the database');
load
  .command('reference')
  .description('Load countries, regions and income groups from the bundled reference files')
  .option('-f, --force', 'reload even if the bundled files have not changed')
  .action(async (opts: { force?: boolean }) => {
    await withDatabase(async (database) => {
      await migrate(database);
      const progress = createProgress();
      const result = await loadReference(database, { force: opts.force, onProgress: progress.report }).finally(() =>
        progress.stop(),
      );
      process.stdout.write(
        result.loaded
          ? `Loaded ${String(result.areas)} countries and areas, ${String(result.names)} names, ${String(result.incomeRows)} income classifications.\n`
          : 'Reference data is already loaded and unchanged (use --force to reload).\n',
      );
    });
  });

program
  .command('import')
  .description('Import a bundled dataset (by id or family, or "all"), showing progress; one transaction per dataset')
  .argument(
    '<source>',
    'dataset id such as undesa-ims-2024, a family such as undesa-ims, or "all"; or a file of your own: a tidy CSV, SDMX-CSV or SDMX-JSON',
  )
  .option('-f, --force', 're-import even if the files have not changed')
  .option(
    '-m, --mapping <file>',
    "your file's mapping (JSON): dataset metadata, indicator and, for a tidy CSV, its columns",
  )
  .addHelpText(
    'after',
    () =>
      `\nBundled datasets:\n${BUNDLED_IMPORTERS.map((i) => `  ${i.meta.id.padEnd(24)} ${i.meta.title}`).join('\n')}\n`,
  )
  .action(async (source: string, opts: { force?: boolean; mapping?: string }) => {
    // Each dataset is one transaction: an interrupted one was never committed; one committed
    // (even if its statistics or search index were still being updated) stays loaded.
    let current: string | null = null;
    const committed: string[] = [];
    const importing = (id: string) => {
      current = id;
      return () => {
        committed.push(id);
        current = null;
      };
    };
    process.once('SIGINT', () => {
      const kept = committed.length ? ` Written, and kept: ${committed.join(', ')}.` : '';
      process.stderr.write(
        current
          ? `\nInterrupted: ${current} was not written.${kept}\n`
          : `\nInterrupted.${kept || ' Nothing was being written.'}\n`,
      );
      process.exit(130);
    });
    // NOTE: loaded lazily, so the readers of users' files load only when a file is imported.
    const userFiles = await import('../importers/user-files.js');
    if (userFiles.isUserFile(source)) {
      const progress = createProgress();
      const importer = userFiles.userFileImporter(source, { mapping: opts.mapping, onProgress: progress.report });
      await withDatabase(async (database) => {
        await migrate(database);
        await loadReference(database);
        const outcome = await userFiles
          .importUserFile(database, importer, {
            force: opts.force,
            onProgress: progress.report,
            onCommitted: importing(importer.meta.id),
          })
          .finally(() => progress.stop());
        current = null;
        if (outcome.loaded) await indexImportedDatasets(database);
        process.stdout.write(
          outcome.loaded
            ? `${outcome.dataset}: ${String(outcome.observations)} observations in ${String(outcome.series)} series, ${outcome.seconds.toFixed(1)} s\n${importer.report.notes.map((n) => `  ${n}\n`).join('')}`
            : `${outcome.dataset}: already loaded and unchanged (use --force to re-import)\n`,
        );
      });
      return;
    }
    if (userFiles.isDirectory(source)) throw new Error(`${source} is a directory, not a file: name the file to import`);
    if (opts.mapping) throw new Error(`--mapping is for a file of your own, and there is no file ${source}`);
    const importers = findImporters(source);
    if (importers.length === 0 && /[/\\]|\.(csv|json|txt)(\.gz)?$/i.test(source)) {
      throw new Error(`No file ${source}, and no bundled dataset of that name`);
    }
    if (importers.length === 0) {
      throw new Error(
        `No bundled dataset "${source}". Known: ${BUNDLED_IMPORTERS.map((i) => i.meta.id).join(', ')}, or "all"`,
      );
    }
    await withDatabase(async (database) => {
      await migrate(database);
      await loadReference(database);
      // A family or "all": the planner's statistics refreshed as the tables grow, not after each edition.
      const statistics =
        importers.length > 1
          ? new StatisticsRefresh(database, (err) =>
              process.stderr.write(`Could not refresh the planner's statistics: ${err.message}\n`),
            )
          : null;
      try {
        for (const importer of importers) {
          const progress = createProgress();
          const outcome = await importDataset(database, importer, {
            force: opts.force,
            onProgress: progress.report,
            onCommitted: importing(importer.meta.id),
            analyze: !statistics,
          }).finally(() => progress.stop());
          current = null;
          if (outcome.loaded) {
            await statistics?.wrote(outcome.observations);
            await indexImportedDatasets(database);
          }
          process.stdout.write(
            outcome.loaded
              ? `${outcome.dataset}: ${String(outcome.observations)} observations in ${String(outcome.series)} series, ${outcome.seconds.toFixed(1)} s\n`
              : `${outcome.dataset}: already loaded and unchanged (use --force to re-import)\n`,
          );
        }
      } finally {
        // Also after a failure: the editions committed before it keep their statistics fresh.
        await statistics?.finish();
      }
    });
  });

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account; the password is asked for (hidden), or read from standard input when piped')
  .requiredOption('-e, --email <email>', 'e-mail address, used to sign in')
  .requiredOption('-n, --name <name>', 'name shown with the changes the user makes')
  .addOption(
    new Option('-r, --role <role>', 'what the user may do')
      .choices(['viewer', 'contributor', 'reviewer', 'admin'])
      .default('viewer'),
  )
  .option('--admin', 'make the account an administrator (same as --role admin)')
  .action(async (opts: { email: string; name: string; role: Role; admin?: boolean }) => {
    const password = await readPassword();
    await withDatabase(async (database) => {
      await migrate(database);
      const created = await createUser(database.db, {
        email: opts.email,
        name: opts.name,
        role: opts.admin ? 'admin' : opts.role,
        password,
      }).catch((err: unknown) => {
        throw err instanceof ApiError ? new Error(err.message) : err;
      });
      process.stdout.write(`Created ${created.role} ${created.name} <${created.email}> (id ${String(created.id)}).\n`);
    });
  });

/** Runs an account change, its faults as plain errors, and says what it did. */
async function changeAccount(email: string, change: { password?: string; role?: Role }, did: string): Promise<void> {
  await withDatabase(async (database) => {
    await migrate(database);
    const { user: changed, sessionsEnded } = await changeUser(database.db, email, change).catch((err: unknown) => {
      throw err instanceof ApiError ? new Error(err.message) : err;
    });
    process.stdout.write(
      `${did} ${changed.name} <${changed.email}> (${changed.role}); ${String(sessionsEnded)} session${sessionsEnded === 1 ? '' : 's'} ended.\n`,
    );
  });
}
user
  .command('password')
  .description(
    "Set an account's password (asked for, hidden, or read from standard input when piped) and end its sessions",
  )
  .requiredOption('-e, --email <email>', "the account's e-mail address")
  .action(async (opts: { email: string }) => {
    const password = await readPassword();
    await changeAccount(opts.email, { password }, 'New password for');
  });
user
  .command('role')
  .description('Change what an account may do (viewer to take away every right to write) and end its sessions')
  .requiredOption('-e, --email <email>', "the account's e-mail address")
  .addOption(
    new Option('-r, --role <role>', 'what the user may do')
      .choices(['viewer', 'contributor', 'reviewer', 'admin'])
      .makeOptionMandatory(),
  )
  .action(async (opts: { email: string; role: Role }) => {
    await changeAccount(opts.email, { role: opts.role }, 'Changed the role of');
  });
user
  .command('sign-out')
  .description('End every session of an account (signed in elsewhere, a device lost)')
  .requiredOption('-e, --email <email>', "the account's e-mail address")
  .action(async (opts: { email: string }) => {
    await changeAccount(opts.email, {}, 'Signed out');
  });

program
  .command('content')
  .description('Check the library content files (content/library) and load them, as a start does')
  .option('-d, --dir <dir>', 'content directory', LIBRARY_CONTENT_DIR)
  .action(async (opts: { dir: string }) => {
    await withDatabase(async (database) => {
      await migrate(database);
      await loadReference(database);
      const result = await loadLibraryContent(database, { dir: opts.dir });
      // The loader reindexes what it changed; a database never indexed gets the whole index.
      if (!(await searchIndexIsBuilt(database.db))) await rebuildSearchIndex(database.db);
      process.stdout.write(
        `Library content: ${String(result.inserted.length)} new, ${String(result.updated.length)} updated, ${String(result.unchanged)} unchanged` +
          (result.kept.length ? `; kept the UI edits of ${result.kept.join(', ')} (their files changed too)` : '') +
          '.\n',
      );
      for (const clash of result.clashes) process.stderr.write(`${clash}.\n`);
      if (result.clashes.length) process.exitCode = 1;
    });
  });

/** The new account's password: hidden prompt twice on a terminal, else the first line of standard input. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(question);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let answer = '';
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(answer);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          answer = ch === '\u007f' ? answer.slice(0, -1) : answer + ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask('Password (at least 12 characters): ');
  const second = await ask('Same password again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

/** Lists newly imported datasets in the platform search (when the index exists; a start builds it). */
async function indexImportedDatasets(database: Awaited<ReturnType<typeof openDatabase>>) {
  if (!(await searchIndexIsBuilt(database.db))) return;
  await indexDatasets(database.db);
  await refreshSearchWords(database.db);
}

function configWith(overrides: Record<string, string | undefined>): Config {
  const env = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) env[k] = v;
  return loadConfig(env);
}

async function withDatabase(fn: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const config = loadConfig();
  process.stderr.write(`Using the ${describeDatabase(config)}\n`);
  const database = await openDatabase(config.database);
  try {
    await fn(database);
  } finally {
    await database.close();
  }
}

program.parseAsync(process.argv).catch((err: unknown) => {
  // NOTE: exitCode, not exit(): a long message written to a pipe is flushed before the process ends.
  process.stderr.write(`bridges: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
