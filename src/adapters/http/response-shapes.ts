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
export function Shape(schema: TSchema): TSchema {
  return { ...schema, [AS_RETURNED]: true } as TSchema;
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

/** A success body that is a file or text (PDF, ZPL, X12, CSV), not JSON. */
export function FileOut(description: string, ...mediaTypes: string[]) {
  const body = { type: 'string', format: 'binary' };
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: body }])),
  };
}

/** A success body as JSON or, on request, as CSV (`?format=csv`). */
export function ShapeOrCsv(schema: TSchema) {
  return {
    description: 'JSON, or CSV with `format=csv`',
    content: {
      'application/json': { schema: Shape(schema) },
      'text/csv': { schema: { type: 'string' } },
    },
    [AS_RETURNED]: true,
  };
}

/** 204: done, nothing to say. */
export const NoContent = { description: 'Done', type: 'null' } as unknown as TSchema;
