import type { Kysely } from 'kysely';
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

/** Accounts and sessions: the only SQL on app_user and user_session. */
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
};
