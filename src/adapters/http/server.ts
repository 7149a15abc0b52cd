import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { openApiWebhooks } from './webhook-events.js';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { KeyVerifier } from '../../app/auth/api-keys.js';
import { demoHistoryStatus } from '../../app/simulation/demo-history.js';
import { FailureError } from '../../core/shared/result.js';
import { registerAuth } from './auth.js';
import { frameworkProblem, registerErrorHandling } from './errors.js';
import { registerNumberGuard } from './number-guard.js';
import { successSerializers } from './answer-serializers.js';
import { addProblemResponses, ProblemOut } from './problem-responses.js';
import { serveShapesAsReturned } from './response-shapes.js';
import { strictBodyValidators } from './strict-validation.js';
import { registerHome } from './home.js';
import { registerMetrics } from './metrics.js';
import { registerRoutes } from './routes/index.js';
import { registerUserRoutes } from './routes/users.routes.js';
import { registerSessionCookies, sessionOf } from './session-auth.js';

export type RouteEntry = FastifyInstance['routeTable'][number];

export interface ServerOptions {
  logLevel?: string;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Mark the session cookie Secure even on plain http (TLS ends at a proxy). */
  secureCookies?: boolean;
  /** Where the built web app is (default dist/web of this checkout). */
  webRoot?: string;
  /** Requests per minute per verified caller (or per IP without one); default 6000. 0 turns it off. */
  rateLimitPerMinute?: number;
  /** Proxies whose X-Forwarded-* headers are believed (Fastify's `trustProxy`); default none. */
  trustProxy?: true | string[] | undefined;
  /** Runs before any route registers (tests add a hook that checks answers against schemas). */
  beforeRoutes?: (app: FastifyInstance) => void;
}

/** Builds the HTTP API: docs, auth, errors, metrics and every area's routes. */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}) {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    frameworkErrors: frameworkProblem,
    // Bodies are validated without type coercion; query and path with (strict-validation.ts).
    // Error answers serialize with JSON.stringify (answer-serializers.ts).
    schemaController: {
      compilersFactory: {
        buildValidator: strictBodyValidators(),
        buildSerializer: successSerializers(),
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The docs pages are public. Marked before the table below records them, so the table shows
  // each route's config as the auth hook sees it (the role matrix test reads it).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  // Every documented route declares its problem+json answers (the web's types come from them).
  app.addSchema(ProblemOut);
  app.addHook('onRoute', addProblemResponses);
  app.addHook('onRoute', serveShapesAsReturned);
  options.beforeRoutes?.(app);
  // Every route, as registered: the auth test walks this table to prove each one is guarded.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routeTable.push({ method, url: route.url, config: route.config ?? {} });
  });
  app.decorate('routeTable', routeTable);
  registerErrorHandling(app);
  registerNumberGuard(app);
  // Before any route, so its onRoute hook guards every one of them.
  await registerRateLimit(app, options.rateLimitPerMinute ?? 6000);
  // Cookies are parsed before the auth hook runs, so a signed-in browser needs no API key.
  await registerSessionCookies(app);
  registerAuth(app, new KeyVerifier(ctx.database), (request) =>
    sessionOf(ctx.database, request, ctx.now()),
  );
  registerMetrics(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stockline API',
        version: '1',
        description: 'Order fulfillment and inventory management for wholesale distributors.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
      // Every event type we POST to subscribers, with its payload (OpenAPI 3.1 webhooks).
      // TypeBox schemas are JSON Schema 2020-12, which OpenAPI 3.1 takes as they are; the
      // openapi-types declarations cannot say so for a generic TSchema.
      webhooks: openApiWebhooks() as never,
    },
    // Shared schemas (app.addSchema) keep their $id as their name: components.schemas.Problem.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  await registerHome(app, options.webRoot);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/health',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => {
      try {
        // Reading the demo history's progress is also the database check.
        const history = await demoHistoryStatus(ctx.database.db);
        return {
          status: 'ok',
          database: ctx.database.dialect,
          ...(history?.building ? { history } : {}),
        };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: ctx.database.dialect });
      }
    },
  );

  await app.register(
    async (api) => {
      registerRoutes(api.withTypeProvider<TypeBoxTypeProvider>(), ctx);
      registerUserRoutes(api.withTypeProvider<TypeBoxTypeProvider>(), ctx, {
        secureCookies: options.secureCookies ?? false,
      });
    },
    {
      prefix: '/api/v1',
    },
  );
  return app;
}

/**
 * Per-process limit (each worker counts on its own), keyed by the verified caller (an API key
 * or a signed-in user) or by IP for public routes. It runs after authentication, so a made-up
 * key never gets a bucket of its own (failed authentications have their own limit, see
 * auth-failures.ts). Routes with their own `rateLimit` (sign-in) are limited even when the
 * request limit is off: 0 turns off only the request limit. 429 with Retry-After.
 */
async function registerRateLimit(app: FastifyInstance, perMinute: number) {
  await app.register(rateLimit, {
    global: perMinute > 0,
    max: perMinute > 0 ? perMinute : Number.MAX_SAFE_INTEGER,
    timeWindow: 60_000,
    hook: 'preHandler',
    allowList: (request) => request.url === '/health',
    keyGenerator: (request) => (request.actor ? `caller:${request.actor.id}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new FailureError({
        code: 'REQUEST.RATE_LIMITED',
        message: `Too many requests: at most ${context.max} a minute; retry in ${context.after}`,
        details: { limitPerMinute: context.max },
      }),
  });
}
