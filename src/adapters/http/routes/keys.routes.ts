import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { createApiKey, revokeApiKey } from '../../../app/auth/api-keys.js';
import { ROLES } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { sendProblem } from '../problem.js';
import { NoContent, Shape } from '../response-shapes.js';

/** A new key: the secret is shown this once. */
const ApiKeyCreatedOut = Type.Object({
  id: Type.Integer(),
  key: Type.String({ description: 'The secret; shown only here' }),
  role: Type.String(),
  name: Type.String(),
});

const ApiKeyOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  role: Type.String(),
  customerId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/** API keys for machines: admins create and revoke them; the key is shown once. */
export function registerKeyRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api-keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: 'List API keys (never the keys themselves)',
        response: { 200: Type.Object({ items: Type.Array(ApiKeyOut) }) },
      },
    },
    async () => {
      const rows = await ctx.database.db.selectFrom('api_keys').selectAll().orderBy('id').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          prefix: r.prefix,
          role: r.role,
          customerId: r.customer_id,
          createdAt: r.created_at,
          revokedAt: r.revoked_at,
        })),
      };
    },
  );

  api.post(
    '/api-keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: 'Create an API key; the response is the only time the key is shown',
        body: Type.Object(
          {
            role: Type.Union(ROLES.map((r) => Type.Literal(r))),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            customerId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Shape(ApiKeyCreatedOut) },
      },
    },
    async (request, reply) => {
      const result = await createApiKey(ctx.database, request.body, ctx.now());
      if (!result.ok) return sendProblem(reply, result.error);
      return reply.code(201).send(result.value);
    },
  );

  api.delete(
    '/api-keys/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API key',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const result = await revokeApiKey(ctx.database, request.params.id, ctx.now());
      if (!result.ok) return sendProblem(reply, result.error);
      return reply.code(204).send();
    },
  );
}
