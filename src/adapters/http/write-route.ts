import type {
  FastifyRequest,
  FastifySchema,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database, Tx } from '../db/database.js';
import type { Role } from '../../core/shared/roles.js';
import type { Api } from './api.js';
import { idempotentWrite } from './idempotency.js';

/** The request as a route's TypeBox schema types it (body, params, querystring). */
export type TypedRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  TypeBoxTypeProvider
>;

/** A write route, as it reads: who may call it, its schemas, the use case it runs. */
export interface WriteRoute<S extends FastifySchema, T> {
  roles: readonly Role[];
  schema: S;
  /** 201 for what creates something, 202 for what starts background work, 200 (the default) otherwise. */
  status?: 200 | 201 | 202;
  /** The use case, in the write's one transaction. */
  run: (trx: Tx, request: TypedRequest<S>) => Promise<T>;
  /** After the commit, before the answer (not on replays): follow-up work. */
  afterCommit?: (value: T) => Promise<unknown>;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Registers write routes with the part every one of them repeated: `config.roles`, and the
 * use case wrapped in `idempotentWrite`, so `Idempotency-Key` works on each.
 * `const write = writeRoutes(api, ctx.database); write.post('/orders', { roles, schema, run })`.
 */
export function writeRoutes(api: Api, database: Database) {
  const route =
    (method: Method) =>
    <const S extends FastifySchema, T>(url: string, def: WriteRoute<S, T>) =>
      api.route({
        method,
        url,
        config: { roles: def.roles },
        // The schema documents and validates; the handler's types come from TypedRequest.
        schema: def.schema as FastifySchema,
        handler: (request, reply) =>
          idempotentWrite(
            database,
            request,
            reply,
            def.status ?? 200,
            (trx) => def.run(trx, request as unknown as TypedRequest<S>),
            def.afterCommit,
          ),
      });
  return { post: route('POST'), put: route('PUT'), patch: route('PATCH'), delete: route('DELETE') };
}
