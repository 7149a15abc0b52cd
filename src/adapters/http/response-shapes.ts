import type { RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';

const AS_RETURNED = Symbol('served as returned');

/**
 * A success body as documented, not as serialized: Fastify serializes with a declared response
 * schema, and a schema that misses a field drops it, one that misses a `null` turns it into
 * `""` or `0`. Routes documented after the fact mark their schema with `Shape`, and are served
 * as the use case returns them (JSON.stringify), as they were before they had a schema; tests
 * check every answer against it instead (test/support/response-check.ts).
 */
export function Shape<T extends TSchema>(schema: T): T {
  return Object.assign(Object.create(null) as object, schema, { [AS_RETURNED]: true }) as T;
}

function servedAsReturned(route: RouteOptions): boolean {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
  return Object.values(response ?? {}).some(
    (schema) => typeof schema === 'object' && schema !== null && AS_RETURNED in schema,
  );
}

/** onRoute hook: a route whose success schema is a `Shape` serializes with JSON.stringify. */
export function serveShapesAsReturned(route: RouteOptions): void {
  if (servedAsReturned(route)) route.serializerCompiler = () => (data) => JSON.stringify(data);
}
