import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { createSku } from '../../../app/catalog/create-sku.js';
import { findSkuByGtin } from '../../../app/catalog/gtin-lookup.js';
import { getSkuByCode, getSkuById, listSkus } from '../../../app/catalog/sku-queries.js';
import { catalogConflictOf } from '../../../app/catalog/sku-uniqueness.js';
import { updateSku } from '../../../app/catalog/update-sku.js';
import { MASTER_DATA_WRITERS, STAFF } from '../../../core/shared/roles.js';
import { must } from '../../../core/shared/result.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { decodeCursor, encodeCursor, Page, PageQuery } from '../pagination.js';
import { sendProblem } from '../problem.js';
import { GtinMatchOut, SkuCreateIn, SkuOut, SkuPatchIn } from './catalog.schemas.js';

const tags = ['catalog'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The item master: SKUs with their pack levels, and the GTIN lookup barcode scanning uses. */
export function registerCatalogRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/skus',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'List SKUs by category, active flag or text in the code or name',
        querystring: Type.Object({
          ...PageQuery,
          category: Type.Optional(Type.String({ maxLength: 100 })),
          active: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Text in code or name' })),
        }),
        response: { 200: Page(SkuOut) },
      },
    },
    async (request, reply) => {
      const { cursor, limit = 50, category, active, q } = request.query;
      const afterId = decodeCursor(cursor);
      if (cursor !== undefined && afterId === undefined) {
        return sendProblem(reply, { code: 'REQUEST.INVALID', message: 'Unknown cursor' });
      }
      const page = await listSkus(ctx.database, { afterId, limit, category, active, search: q });
      return {
        items: page.items,
        nextCursor: page.nextAfterId === null ? null : encodeCursor(page.nextAfterId),
      };
    },
  );

  api.get(
    '/skus/:id',
    {
      config: { roles: STAFF },
      schema: { tags, summary: 'Get a SKU', params: IdParams, response: { 200: SkuOut } },
    },
    async (request, reply) => {
      const result = await getSkuById(ctx.database, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/skus/by-code/:code',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Get a SKU by its code',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        response: { 200: SkuOut },
      },
    },
    async (request, reply) => {
      const result = await getSkuByCode(ctx.database, request.params.code);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/gtins/:gtin',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Find the SKU and pack level behind a scanned GTIN (each, inner, case or pallet)',
        params: Type.Object({ gtin: Type.String({ maxLength: 20 }) }),
        response: { 200: GtinMatchOut },
      },
    },
    async (request, reply) => {
      const result = await findSkuByGtin(ctx.database, request.params.gtin);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/skus',
    {
      config: { roles: MASTER_DATA_WRITERS },
      schema: {
        tags,
        summary: 'Create a SKU with its pack levels',
        body: SkuCreateIn,
        response: { 201: SkuOut },
      },
    },
    async (request, reply) =>
      orConflict(reply, () =>
        idempotentWrite(ctx.database, request, reply, 201, async (trx) =>
          must(await createSku(trx, request.body, ctx.now())),
        ),
      ),
  );

  api.patch(
    '/skus/:id',
    {
      config: { roles: MASTER_DATA_WRITERS },
      schema: {
        tags,
        summary: 'Change a SKU (fields left out stay; packs, when sent, replace all pack levels)',
        params: IdParams,
        body: SkuPatchIn,
        response: { 200: SkuOut },
      },
    },
    async (request, reply) =>
      orConflict(reply, () =>
        idempotentWrite(ctx.database, request, reply, 200, async (trx) =>
          must(await updateSku(trx, request.params.id, request.body, ctx.now())),
        ),
      ),
  );
}

/**
 * A concurrent write with the same code or GTIN that committed between our check and our
 * insert surfaces as a unique violation; answer it as the check would have (409).
 */
async function orConflict(reply: FastifyReply, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const conflict = catalogConflictOf(error);
    if (!conflict) throw error;
    await sendProblem(reply, conflict);
  }
}
