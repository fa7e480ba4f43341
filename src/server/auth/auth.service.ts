import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/library.js';
import { CreateUserBody } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { authRepository, type UserRow } from './auth.repository.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';

/** How long a session lasts after signing in. */
export const SESSION_DAYS = 14;

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}

/** SHA-256 of a session token: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates an account (CLI and admin API). The e-mail is unique, case-insensitively. */
export async function createUser(
  db: Kysely<DB>,
  input: { email: string; name: string; role: User['role']; password: string },
): Promise<User> {
  const parsed = CreateUserBody.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'user', message: i.message }));
    throw new ApiError(400, 'invalid_parameter', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  }
  if (await authRepository.findUserByEmail(db, parsed.data.email))
    throw ApiError.conflict(`An account with the e-mail ${parsed.data.email} exists already.`, [
      { field: 'email', message: 'is taken' },
    ]);
  const row = await authRepository.insertUser(db, {
    email: parsed.data.email,
    name: parsed.data.name,
    role: parsed.data.role,
    passwordHash: await hashPassword(parsed.data.password),
  });
  return toUser(row);
}

export async function listUsers(db: Kysely<DB>): Promise<User[]> {
  return (await authRepository.listUsers(db)).map(toUser);
}

/**
 * Changes an account (CLI): its password, its role, or neither, and ends every session it has, so
 * that a leaked password or a device left signed in stops working at once (a role change alone
 * would apply to the sessions' next requests; they end too, to be sure who is signed in).
 * The number of sessions ended is returned.
 */
export async function changeUser(
  db: Kysely<DB>,
  email: string,
  change: { password?: string; role?: User['role'] },
): Promise<{ user: User; sessionsEnded: number }> {
  const row = await authRepository.findUserByEmail(db, email.trim());
  if (!row) throw ApiError.notFoundAt('email', `no account has the e-mail ${email.trim()}`);
  const fields = CreateUserBody.pick({ password: true, role: true }).partial().safeParse(change);
  if (!fields.success) {
    const details = fields.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new ApiError(400, 'invalid_parameter', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  }
  return db.transaction().execute(async (trx) => {
    const { role, password } = fields.data;
    if (role !== undefined || password !== undefined)
      await authRepository.updateUser(trx, row.id, {
        role,
        passwordHash: password === undefined ? undefined : await hashPassword(password),
      });
    const sessionsEnded = await authRepository.deleteSessionsOf(trx, row.id);
    return { user: toUser({ ...row, role: role ?? row.role }), sessionsEnded };
  });
}

export interface NewSession {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

/** Wrong passwords one account takes in ACCOUNT_WINDOW_MS, from any addresses, before its sign-in pauses. */
export const ACCOUNT_FAILURES = 10;
/** The window of ACCOUNT_FAILURES: it starts at the first attempt counted and ends this long after. */
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

/**
 * The key an account's wrong passwords are counted under: the SHA-256 of the e-mail address as
 * typed, trimmed and lower-cased, whether an account has it or not (the database keeps neither the
 * addresses tried nor which of them are accounts).
 */
export function signInAccountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Counts a sign-in attempt against its account before its password is checked (so that attempts
 * made at once cannot pass the limit together), or refuses it: guessing one account's password
 * from many addresses, which the limit per address does not slow, pauses after ACCOUNT_FAILURES
 * wrong passwords until the window they started ends. The count is the database's, shared by every
 * process and kept across restarts, and so is the clock. Returns the window the attempt counts in.
 */
async function claimSignInAttempt(db: Kysely<DB>, accountKey: string): Promise<string> {
  await authRepository.deleteEndedSignInWindows(db, ACCOUNT_WINDOW_MS);
  const limit = { max: ACCOUNT_FAILURES, windowMs: ACCOUNT_WINDOW_MS };
  const windowStart = await authRepository.claimSignInAttempt(db, accountKey, limit);
  if (windowStart !== undefined) return windowStart;
  // Undefined if the window ended since the claim was refused, a moment ago: ask again in a second.
  const seconds = (await authRepository.findSignInWindowSecondsLeft(db, accountKey, ACCOUNT_WINDOW_MS)) ?? 1;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  throw new ApiError(
    429,
    'too_many_requests',
    `Too many wrong passwords for this account: sign-in to it is paused for ${String(minutes)} minute${minutes === 1 ? '' : 's'}.`,
    [],
    { 'retry-after': String(seconds) },
  );
}

/**
 * Checks the credentials and opens a session; the same answer and time whether the e-mail or the
 * password is wrong, and a wrong one counts against the account either way (429 once it has
 * ACCOUNT_FAILURES in the window). A right password counts nothing.
 */
export async function login(db: Kysely<DB>, email: string, password: string): Promise<NewSession> {
  const accountKey = signInAccountKey(email);
  const claimed = await claimSignInAttempt(db, accountKey);
  let row: (UserRow & { password_hash: string }) | undefined;
  let ok: boolean;
  try {
    row = await authRepository.findUserByEmail(db, email.trim());
    ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  } catch (error) {
    // Not a wrong password: nothing to count.
    await authRepository.returnSignInAttempt(db, accountKey, claimed);
    throw error;
  }
  if (!row || !ok) throw ApiError.unauthorized('The e-mail or the password is wrong.');
  await authRepository.returnSignInAttempt(db, accountKey, claimed);
  await authRepository.deleteExpiredSessions(db);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await authRepository.insertSession(db, { tokenHash: hashToken(token), userId: row.id, csrfToken, expiresAt });
  return { token, csrfToken, user: toUser(row), expiresAt };
}

export interface SessionUser {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

export async function findSession(db: Kysely<DB>, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const row = await authRepository.findSession(db, tokenHash);
  return row ? { user: toUser(row), csrfToken: row.csrf_token, tokenHash } : null;
}

export async function logout(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await authRepository.deleteSession(db, tokenHash);
}
