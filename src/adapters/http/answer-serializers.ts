import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type RouteDefinition = Parameters<ReturnType<ReturnType<typeof SerializerSelector>>>[0];

/**
 * Fastify's serializer factory (fast-json-stringify), except for error answers: every route
 * declares its problem+json answers (problem-responses.ts) for the OpenAPI document, and
 * compiling a serializer for each route's 400…500 — about a thousand at start — only cost
 * memory (≈ 8 MB of an idle server). Problems serialize with JSON.stringify, which keeps every
 * member as the Problem schema allows.
 */
export function successSerializers() {
  const factory = SerializerSelector();
  return (externalSchemas: unknown, options: unknown) => {
    const compile = factory(externalSchemas, options as Parameters<typeof factory>[1]);
    return (route: RouteDefinition) =>
      /^[45]/.test(String(route.httpStatus)) ? JSON.stringify : compile(route);
  };
}
