import crypto from 'node:crypto';
import type { Database } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { isRole, type Actor } from '../../core/shared/roles.js';
import { burnDecoyVerify, passwordMatches } from './passwords.js';
import { normalEmail, userView, type UserView } from './users.js';

/** How long a sign-in lasts: one working shift plus overtime. */
export const SESSION_HOURS = 12;

/** What a browser holds after signing in: the cookie token and the CSRF token. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export interface ActiveSession {
  actor: Actor;
  csrfToken: string;
  user: UserView;
}

/** Only the SHA-256 of a session token is stored, so a copy of the table signs no one in. */
export const sessionId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * A signed-in user acts with the same roles as an API key. Idempotency keys are scoped by
 * `apiKeyId`, so users get the negative of their id: a scope no API key can share.
 */
export function userActor(user: UserView): Actor {
  return {
    id: `user:${user.id}`,
    role: user.role,
    customerId: user.customerId,
    apiKeyId: -user.id,
  };
}

/** Checks e-mail and password and opens a session. One failure code for both, on purpose. */
export async function signIn(
  database: Database,
  email: string,
  password: string,
  now: Date,
): Promise<Result<SignedIn>> {
  const row = await database.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
  const refused = fail<SignedIn>('AUTH.SIGN_IN_REFUSED', 'E-mail or password is not right');
  if (!row) {
    await burnDecoyVerify(password);
    return refused;
  }
  if (!(await passwordMatches(row.password_hash, password)) || row.active !== 1) return refused;
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await database.write(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId(token),
        user_id: row.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        created_at: now.toISOString(),
      })
      .execute();
    // Expired sessions of this user go now, so the table does not grow without a sweeper.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', row.id)
      .where('expires_at', '<', now.toISOString())
      .execute();
    await trx
      .updateTable('users')
      .set({ last_sign_in_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  });
  return ok({ token, csrfToken, expiresAt, user: userView(row) });
}

/** The session behind a cookie token, or null when unknown, expired or the user is inactive. */
export async function findSession(
  database: Database,
  token: string,
  now: Date,
): Promise<ActiveSession | null> {
  const row = await database.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.expires_at'])
    .where('s.id', '=', sessionId(token))
    .executeTakeFirst();
  if (!row || row.active !== 1 || !isRole(row.role)) return null;
  if (row.expires_at <= now.toISOString()) return null;
  const user = userView(row);
  return { actor: userActor(user), csrfToken: row.csrf_token, user };
}

/** Ends a session (sign out). */
export async function endSession(database: Database, token: string): Promise<void> {
  await database.write((trx) =>
    trx.deleteFrom('sessions').where('id', '=', sessionId(token)).execute(),
  );
}
