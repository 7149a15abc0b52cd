import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type RouteDefinition = Parameters<ReturnType<ReturnType<typeof SerializerSelector>>>[0];
type Serialize = (data: unknown) => string;

/**
 * Fastify's serializer factory (fast-json-stringify), except for error answers: every route
 * declares its problem+json answers (problem-responses.ts) for the OpenAPI document, and
 * compiling a serializer for each route's 400…500 — about a thousand at start — only cost
 * memory (≈ 8 MB of an idle server). Problems serialize with JSON.stringify, which keeps every
 * member as the Problem schema allows. Success answers are compiled on their route's first
 * answer with that status, not at start (see `onFirstUse`).
 */
export function successSerializers() {
  const factory = SerializerSelector();
  return (externalSchemas: unknown, options: unknown) => {
    const compile = factory(externalSchemas, options as Parameters<typeof factory>[1]);
    return (route: RouteDefinition): Serialize =>
      /^[45]/.test(String(route.httpStatus))
        ? JSON.stringify
        : onFirstUse(() => compile(route) as Serialize);
  };
}

/**
 * A serializer compiled when it first serializes: ~100 routes' fast-json-stringify functions
 * (their generated source, code and schema copies, ≈ 3 MB) that an idle server need not hold,
 * and most processes only ever answer a fraction of the routes with. A schema that cannot
 * compile shows on the route's first answer (the API tests answer every route).
 */
export function onFirstUse(compile: () => Serialize): Serialize {
  let compiled: Serialize | undefined;
  return (data) => (compiled ??= compile())(data);
}
