import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { KeyVerifier } from '../../app/auth/api-keys.js';
import { registerAuth } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { registerHome } from './home.js';
import { registerMetrics } from './metrics.js';
import { registerRoutes } from './routes/index.js';

export type RouteEntry = FastifyInstance['routeTable'][number];

export interface ServerOptions {
  logLevel?: string;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
}

/** Builds the HTTP API: docs, auth, errors, metrics and every area's routes. */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}) {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route, as registered: the auth test walks this table to prove each one is guarded.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routeTable.push({ method, url: route.url, config: route.config ?? {} });
  });
  app.decorate('routeTable', routeTable);
  registerErrorHandling(app);
  registerAuth(app, new KeyVerifier(ctx.database));
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
    },
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerHome(app);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/health',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => {
      try {
        await ctx.database.db.selectFrom('settings').select('key').limit(1).execute();
        return { status: 'ok', database: ctx.database.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: ctx.database.dialect });
      }
    },
  );

  await app.register(
    async (api) => registerRoutes(api.withTypeProvider<TypeBoxTypeProvider>(), ctx),
    {
      prefix: '/api/v1',
    },
  );
  return app;
}
