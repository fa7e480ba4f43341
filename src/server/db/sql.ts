import { sql, type RawBuilder } from 'kysely';

/** A timestamptz column as an ISO 8601 UTC string, the same on both engines whatever their time zone. */
export function isoTimestamp(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}
