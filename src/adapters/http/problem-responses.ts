import type { RouteOptions } from 'fastify';
import { Type } from 'typebox';

/**
 * RFC 9457 problem details, as `problem.ts` sends them; extensions (`errors`, `field`…) vary by
 * code. A shared schema (`app.addSchema`): OpenAPI lists it once, as components.schemas.Problem.
 */
export const ProblemOut = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable failure code, AREA.REASON' }),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
  },
  { additionalProperties: true, $id: 'Problem' },
);

const WHY: Record<number, string> = {
  400: 'Invalid request (REQUEST.INVALID, with the fields at fault)',
  401: 'No valid API key or session',
  403: "The caller's role may not call this route",
  404: 'No such resource (AREA.NOT_FOUND)',
  409: 'Conflicts with the current state (illegal transition, duplicate, insufficient stock)',
  422: 'Understood but refused by a business rule',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
};

/**
 * The error answers a route can give, each problem+json: every route may be refused as input,
 * by auth and by the rate limit; one with a path id may find nothing; a write may conflict or
 * be refused. Declared under the problem media type only, so Fastify's serializer (which keeps
 * every member: `additionalProperties`) never touches a success body.
 */
export function problemStatuses(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): number[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
  const open = (route.config as { public?: boolean } | undefined)?.public === true;
  return [
    400,
    401,
    ...(open ? [] : [403]),
    ...(route.url.includes(':') || writes ? [404] : []),
    ...(writes ? [409, 422] : []),
    429,
    500,
  ];
}

/** Adds the problem responses to a route's schema (onRoute hook), keeping any it declares. */
export function addProblemResponses(route: RouteOptions): void {
  const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
  if (!schema || schema.hide) return;
  const response = { ...(schema.response ?? {}) };
  for (const status of problemStatuses(route)) {
    response[status] ??= {
      description: WHY[status],
      content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
    };
  }
  route.schema = { ...schema, response };
}
