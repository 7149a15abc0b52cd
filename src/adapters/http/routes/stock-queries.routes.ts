import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { lotsOfSku } from '../../../app/inventory/lots.js';
import { movementHistory } from '../../../app/inventory/movement-history.js';
import { reconcile } from '../../../app/inventory/reconcile.js';
import {
  queryStock,
  stockKeyLength,
  stockRowKey,
  type StockGrouping,
} from '../../../app/inventory/stock-query.js';
import { expiryDay } from '../../../core/inventory/expiry.js';
import { STAFF } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import {
  Page,
  PageQuery,
  decodeCursor,
  decodeKeyCursor,
  encodeKeyCursor,
  pageOf,
} from '../pagination.js';
import { LotOut, MovementOut, StockRowOut } from './stock-schemas.js';
import { Shape } from '../response-shapes.js';
import { StockReconciliationOut } from './stock-queries-responses.schemas.js';

const tags = ['stock'];
const OptionalId = Type.Optional(Type.Integer({ minimum: 1 }));

/** Reads of the ledger: stock positions, availability, movement history, reconciliation. */
export function registerStockQueryRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/stock',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Stock on hand, allocated, available, quarantined, damaged and in transit',
        querystring: Type.Object(
          {
            groupBy: Type.Optional(
              Type.Union(
                ['sku', 'warehouse', 'location', 'lot'].map((g) => Type.Literal(g)),
                { default: 'warehouse' },
              ),
            ),
            skuId: OptionalId,
            warehouseId: OptionalId,
            locationId: OptionalId,
            lotId: OptionalId,
            category: Type.Optional(Type.String({ maxLength: 100 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(StockRowOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, groupBy = 'warehouse', ...filters } = request.query;
      const grouping = groupBy as StockGrouping;
      const rows = await queryStock(ctx.database.db, {
        ...filters,
        groupBy: grouping,
        today: expiryDay(ctx.now().toISOString()),
        limit: limit + 1,
        after: decodeKeyCursor(cursor, stockKeyLength(grouping)),
      });
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeKeyCursor(stockRowKey(last, grouping)) : null,
      };
    },
  );

  api.get(
    '/skus/:id/availability',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Availability of one SKU per warehouse',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({ skuId: Type.Integer(), warehouses: Type.Array(StockRowOut) }),
        },
      },
    },
    async (request) => {
      const rows = await queryStock(ctx.database.db, {
        skuId: request.params.id,
        groupBy: 'warehouse',
        today: expiryDay(ctx.now().toISOString()),
        limit: 1000,
      });
      return { skuId: request.params.id, warehouses: rows };
    },
  );

  api.get(
    '/skus/:id/lots',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Lots of a SKU with expiry dates, earliest expiry first',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ items: Type.Array(LotOut) }) },
      },
    },
    async (request) => ({ items: await lotsOfSku(ctx.database.db, request.params.id) }),
  );

  api.get(
    '/stock/movements',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Movement history, newest first',
        querystring: Type.Object(
          {
            skuId: OptionalId,
            locationId: OptionalId,
            warehouseId: OptionalId,
            lotId: OptionalId,
            type: Type.Optional(Type.String({ maxLength: 40 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(MovementOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filters } = request.query;
      const rows = await movementHistory(ctx.database.db, {
        ...filters,
        beforeId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  api.get(
    '/stock/reconciliation',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Recompute balances from movements and report every difference',
        response: { 200: Shape(StockReconciliationOut) },
      },
    },
    async () => reconcile(ctx.database.db),
  );
}
