import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyVerifier } from '../../app/auth/api-keys.js';
import { sendProblem } from './problem.js';
import './fastify-types.js';

/**
 * Bearer API keys with roles. A route that declares no roles is closed to everyone: access is
 * never implicit. Routes marked `public` (health, metrics, docs) skip the check.
 */
export function registerAuth(app: FastifyInstance, verifier: KeyVerifier) {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config?.public || request.routeOptions.url === undefined) return;
    const token = bearerToken(request);
    if (!token) {
      return sendProblem(reply, {
        code: 'AUTH.MISSING_KEY',
        message: 'Send an API key as "Authorization: Bearer <key>"',
      });
    }
    const actor = await verifier.verify(token);
    if (!actor)
      return sendProblem(reply, {
        code: 'AUTH.INVALID_KEY',
        message: 'The API key is unknown or revoked',
      });
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
