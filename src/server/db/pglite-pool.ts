import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one PGlite instance to Kysely's PostgresDialect as a pool of exactly one connection.
 *
 * NOTE: PGlite is a single session. Two interleaved requests must never share it while one of
 * them is inside a transaction, so `connect()` waits until the previous holder has released it.
 * The flip side (see STYLE.md, habit 7): code inside a transaction that calls the outer handle
 * waits forever. Always use the transaction object.
 */
export class PGlitePool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {}

  /** Runs `fn` while holding the only connection; used for raw work such as migrations. */
  async withConnection<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.#acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  async connect(): Promise<PostgresPoolClient> {
    const release = await this.#acquire();
    const pglite = this.pglite;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pglite.query<R>(sql, parameters as unknown[]);
        return {
          command: commandOf(sql),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    // The PGlite instance is closed by its owner (openDatabase), after the pool is drained.
    await this.#tail;
  }

  async #acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    await previous;
    return release;
  }
}

/** Kysely reads the command name to report affected rows; PGlite does not return it. */
function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  switch (word) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
      return word;
    default:
      return 'SELECT';
  }
}
