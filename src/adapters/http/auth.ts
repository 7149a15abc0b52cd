import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyVerifier } from '../../app/auth/api-keys.js';
import type { Actor } from '../../core/shared/roles.js';
import { AuthFailures } from './auth-failures.js';
import { sendProblem } from './problem.js';
import type { SessionOutcome } from './session-auth.js';
import './fastify-types.js';

/** Unknown or revoked API keys an address may present per minute before it is refused (429). */
export const AUTH_FAILURES_PER_MINUTE = 20;

/** Resolves a browser's cookie session (see session-auth.ts); absent when sessions are off. */
export type SessionLookup = (request: FastifyRequest) => Promise<SessionOutcome>;

/**
 * Bearer API keys with roles, or (for the web app) a cookie session with a CSRF token. A route that declares no roles is closed to everyone: access is
 * never implicit. Routes marked `public` (health, metrics, docs) skip the check.
 */
export function registerAuth(
  app: FastifyInstance,
  verifier: KeyVerifier,
  sessions?: SessionLookup,
  failures = new AuthFailures(AUTH_FAILURES_PER_MINUTE),
) {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config?.public || request.routeOptions.url === undefined) return;
    const token = bearerToken(request);
    let actor: Actor | null;
    if (token) {
      const wait = failures.retryAfterSeconds(request.ip);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return sendProblem(reply, {
          code: 'REQUEST.RATE_LIMITED',
          message: `Too many failed authentications from this address; retry in ${wait} s`,
          details: { failuresPerMinute: failures.limit },
        });
      }
      actor = await verifier.verify(token);
      if (!actor) {
        failures.record(request.ip);
        return sendProblem(reply, {
          code: 'AUTH.INVALID_KEY',
          message: 'The API key is unknown or revoked',
        });
      }
    } else {
      // No key: a signed-in browser may be calling. Bearer requests never need a CSRF token.
      const outcome = sessions ? await sessions(request) : { kind: 'none' as const };
      if (outcome.kind === 'refused') return sendProblem(reply, outcome.failure);
      if (outcome.kind === 'none') {
        return sendProblem(reply, {
          code: 'AUTH.MISSING_KEY',
          message: 'Send an API key as "Authorization: Bearer <key>" or sign in',
        });
      }
      actor = outcome.session.actor;
    }
    const roles = config?.roles ?? [];
    if (!roles.includes(actor.role)) {
      return sendProblem(reply, {
        code: 'AUTH.FORBIDDEN',
        message: `Role "${actor.role}" may not call this route`,
        details: { allowedRoles: roles },
      });
    }
    request.actor = actor;
  });
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
