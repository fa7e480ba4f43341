import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.js';

/** A timestamptz column as an ISO 8601 UTC string, the same on both engines whatever their time zone. */
export function isoTimestamp(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

/**
 * The day after an observation's period ends (exclusive), from the `o.period_start` and `o.period`
 * of an observation aliased `o`: quarters, half-years and years have the length their code says.
 */
export const observationEndSql = sql<string>`(o.period_start + CASE WHEN o.period LIKE '%-Q%' THEN interval '3 months'
                                                   WHEN o.period LIKE '%-S%' THEN interval '6 months'
                                                   ELSE interval '1 year' END)`;

/**
 * Changes whenever a dataset or the reference data is (re)loaded, in whichever process: the key of
 * every cache of answers made from them (the data hub's, the countries list's).
 */
export async function findDataVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM dataset)::text,
      (SELECT max(loaded_at) FROM dataset)::text,
      (SELECT count(*) FROM reference_load)::text,
      (SELECT max(loaded_at) FROM reference_load)::text) AS version`.execute(db);
  return rows[0]?.version ?? '';
}

/**
 * The data version, asked of the database at most every `maxAgeMs` and once for all the requests
 * waiting on it: caches keyed on it then cost no query per request, and notice a load in another
 * process within `maxAgeMs`. `forget()` makes the next call ask (after an import in this process).
 */
export class DataVersionCheck {
  #pending: Promise<string> | null = null;
  #checked: { version: string; at: number } | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxAgeMs = 1000,
  ) {}

  current(): Promise<string> {
    const checked = this.#checked;
    if (checked && performance.now() - checked.at < this.maxAgeMs) return Promise.resolve(checked.version);
    this.#pending ??= findDataVersion(this.db)
      .then((version) => {
        this.#checked = { version, at: performance.now() };
        return version;
      })
      .finally(() => {
        this.#pending = null;
      });
    return this.#pending;
  }

  forget(): void {
    this.#checked = null;
  }
}
