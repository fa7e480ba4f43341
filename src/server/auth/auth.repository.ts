import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AppUserTable, DB } from '../db/schema.js';
import { isoTimestamp } from '../db/sql.js';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: AppUserTable['role'];
  created_at: string;
}

const USER_COLUMNS = ['id', 'email', 'name', 'role'] as const;

/** A window's length as an SQL interval. */
function windowInterval(windowMs: number): RawBuilder<unknown> {
  return sql`make_interval(secs => ${windowMs / 1000})`;
}

/** Accounts, sessions and wrong passwords: the only SQL on app_user, user_session and sign_in_failure. */
export const authRepository = {
  async insertUser(
    db: Kysely<DB>,
    user: { email: string; name: string; role: UserRow['role']; passwordHash: string },
  ): Promise<UserRow> {
    return db
      .insertInto('app_user')
      .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash })
      .returning([...USER_COLUMNS, isoTimestamp('created_at').as('created_at')])
      .executeTakeFirstOrThrow();
  },

  async findUserByEmail(db: Kysely<DB>, email: string): Promise<(UserRow & { password_hash: string }) | undefined> {
    return db
      .selectFrom('app_user')
      .select([...USER_COLUMNS, 'password_hash', isoTimestamp('created_at').as('created_at')])
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  },

  async listUsers(db: Kysely<DB>): Promise<UserRow[]> {
    return db
      .selectFrom('app_user')
      .select([...USER_COLUMNS, isoTimestamp('created_at').as('created_at')])
      .orderBy('id')
      .execute();
  },

  async insertSession(
    db: Kysely<DB>,
    session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
  ) {
    await db
      .insertInto('user_session')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
      })
      .execute();
  },

  /** The live session with this token hash and its user; expired sessions are not returned. */
  async findSession(db: Kysely<DB>, tokenHash: string): Promise<(UserRow & { csrf_token: string }) | undefined> {
    return db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 's.csrf_token', isoTimestamp('u.created_at').as('created_at')])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', new Date())
      .executeTakeFirst();
  },

  async deleteSession(db: Kysely<DB>, tokenHash: string) {
    await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  },

  /** Ends every session of an account; how many there were. */
  async deleteSessionsOf(db: Kysely<DB>, userId: number): Promise<number> {
    const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async updateUser(db: Kysely<DB>, userId: number, set: { role?: UserRow['role']; passwordHash?: string }) {
    await db
      .updateTable('app_user')
      .set({
        ...(set.role === undefined ? {} : { role: set.role }),
        ...(set.passwordHash === undefined ? {} : { password_hash: set.passwordHash }),
      })
      .where('id', '=', userId)
      .execute();
  },

  async deleteExpiredSessions(db: Kysely<DB>) {
    await db.deleteFrom('user_session').where('expires_at', '<=', new Date()).execute();
  },

  /**
   * Counts one sign-in attempt against an account key, in one statement (concurrent attempts, from
   * any process, each count once): in the key's live window while it holds fewer than `max`, or in
   * a window starting now if the key has none. Returns the window's start (ISO, to the
   * microsecond: what returnSignInAttempt needs), or undefined when the window is full: refused.
   */
  async claimSignInAttempt(
    db: Kysely<DB>,
    accountKey: string,
    limit: { max: number; windowMs: number },
  ): Promise<string | undefined> {
    const ended = sql`f.window_start <= now() - ${windowInterval(limit.windowMs)}`;
    const { rows } = await sql<{ window_start: string }>`
      INSERT INTO sign_in_failure AS f (account_key, window_start, failures)
      VALUES (${accountKey}, now(), 1)
      ON CONFLICT (account_key) DO UPDATE
        SET window_start = CASE WHEN ${ended} THEN now() ELSE f.window_start END,
            failures     = CASE WHEN ${ended} THEN 1 ELSE f.failures + 1 END
        WHERE ${ended} OR f.failures < ${limit.max}
      RETURNING to_char(f.window_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS window_start`.execute(
      db,
    );
    return rows[0]?.window_start;
  },

  /**
   * Uncounts an attempt claimSignInAttempt counted (its password was right), if its window is still
   * the key's; a key left with nothing counted is deleted.
   */
  async returnSignInAttempt(db: Kysely<DB>, accountKey: string, windowStart: string) {
    const left = await db
      .updateTable('sign_in_failure')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('account_key', '=', accountKey)
      .where('window_start', '=', sql<Date>`${windowStart}::timestamptz`)
      .where('failures', '>', 0)
      .returning('failures')
      .executeTakeFirst();
    // NOTE: a second statement, which checks `failures` again: an attempt counted in between keeps the row.
    if (left?.failures === 0)
      await db.deleteFrom('sign_in_failure').where('account_key', '=', accountKey).where('failures', '=', 0).execute();
  },

  /** Seconds until the key's live window ends (at least 1), or undefined if it has none. */
  async findSignInWindowSecondsLeft(db: Kysely<DB>, accountKey: string, windowMs: number): Promise<number | undefined> {
    const row = await db
      .selectFrom('sign_in_failure')
      .select(
        sql<number>`greatest(1, ceil(extract(epoch FROM window_start + ${windowInterval(windowMs)} - now())))::int`.as(
          'seconds',
        ),
      )
      .where('account_key', '=', accountKey)
      .where('window_start', '>', sql<Date>`now() - ${windowInterval(windowMs)}`)
      .executeTakeFirst();
    return row?.seconds;
  },

  /** Forgets every window that has ended (whatever its key), so that the table holds live ones only. */
  async deleteEndedSignInWindows(db: Kysely<DB>, windowMs: number) {
    await db
      .deleteFrom('sign_in_failure')
      .where('window_start', '<=', sql<Date>`now() - ${windowInterval(windowMs)}`)
      .execute();
  },
};
