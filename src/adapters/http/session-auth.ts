import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { endSession, findSession, type ActiveSession } from '../../app/users/sessions.js';
import type { Database } from '../db/database.js';
import type { Failure } from '../../core/shared/result.js';

/** The cookie that carries a browser's session token. */
export const SESSION_COOKIE = 'sl_session';
/** The header a cookie-authenticated unsafe request must carry (the session's CSRF token). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type SessionOutcome =
  | { kind: 'none' }
  | { kind: 'signed-in'; session: ActiveSession }
  | { kind: 'refused'; failure: Failure };

export interface SessionAuthOptions {
  /** Always mark the cookie Secure (behind a TLS-terminating proxy that does not say so). */
  secureCookies?: boolean;
}

/**
 * Cookie sessions for the web app, beside API keys for machines. Must be registered (awaited)
 * before the auth hook, so cookies are parsed when that hook runs.
 */
export async function registerSessionCookies(app: FastifyInstance) {
  await app.register(cookie);
}

/**
 * The session a request's cookie names. Unsafe methods must echo the session's CSRF token in
 * `X-CSRF-Token`: a cross-site form can send the cookie but cannot read the token.
 */
export async function sessionOf(
  database: Database,
  request: FastifyRequest,
  now: Date,
): Promise<SessionOutcome> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return { kind: 'none' };
  const session = await findSession(database, token, now);
  if (!session) {
    return {
      kind: 'refused',
      failure: { code: 'AUTH.SESSION_EXPIRED', message: 'Your session has ended; sign in again' },
    };
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
      return {
        kind: 'refused',
        failure: { code: 'AUTH.CSRF_FAILED', message: 'Missing or wrong X-CSRF-Token header' },
      };
    }
  }
  return { kind: 'signed-in', session };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Sets the session cookie: httpOnly, SameSite Lax, Secure on https (or when configured). */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  options: SessionAuthOptions,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies === true || reply.request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

/** Ends the request's session, if any, and clears the cookie. */
export async function signOut(database: Database, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies?.[SESSION_COOKIE];
  if (token) await endSession(database, token);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
