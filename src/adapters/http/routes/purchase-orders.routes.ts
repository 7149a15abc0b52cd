import type { AppContext } from '../../../app/context.js';
import { createPurchaseOrder } from '../../../app/purchasing/create-purchase-order.js';
import { editPurchaseOrder } from '../../../app/purchasing/edit-purchase-order.js';
import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  sendPurchaseOrder,
} from '../../../app/purchasing/po-lifecycle.js';
import { getPurchaseOrder, listPurchaseOrders } from '../../../app/purchasing/po-queries.js';
import { skuAvailability } from '../../../app/purchasing/sku-availability.js';
import { STAFF } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  AvailabilityOut,
  AvailabilityQuery,
  CancelPoIn,
  PoIn,
  PoParams,
  PoPatch,
  PoQuery,
  PoSummaryOut,
} from './purchase-orders.schemas.js';
import { BUYERS } from './suppliers.routes.js';
import { Shape } from '../response-shapes.js';
import { PurchaseOrdersOut, PurchaseOrderOut } from './purchase-orders-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['purchase-orders'];

/** Purchase orders: draft, edit, send, cancel, close, read; and a SKU's available-to-promise. */
export function registerPurchaseOrderRoutes(api: Api, ctx: AppContext) {
  registerPoCommands(api, ctx);
  registerPoLifecycle(api, ctx);
  registerPoReads(api, ctx);
}

function registerPoCommands(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/purchase-orders', {
    roles: BUYERS,
    status: 201,
    schema: {
      tags,
      summary: 'Draft a PO; lines are costed from the supplier’s price list',
      body: PoIn,
      response: { 201: PoSummaryOut },
    },
    run: async (trx, request) => ({
      ...(await createPurchaseOrder(trx, request.body, request.actor.id, ctx.now().toISOString())),
      status: 'draft',
    }),
  });

  write.patch('/purchase-orders/:id', {
    roles: BUYERS,
    schema: {
      tags,
      summary: 'Edit a draft PO: due date, notes, lines (given lines replace all lines)',
      params: PoParams,
      body: PoPatch,
      response: { 200: PoSummaryOut },
    },
    run: (trx, request) =>
      editPurchaseOrder(trx, request.params.id, request.body, ctx.now().toISOString()),
  });
}

function registerPoLifecycle(api: Api, ctx: AppContext) {
  const command = (
    path: string,
    summary: string,
    work: (
      id: number,
      actor: string,
      nowIso: string,
      reason?: string,
    ) => Parameters<typeof idempotentWrite>[4],
  ) =>
    api.post(
      `/purchase-orders/:id/${path}`,
      {
        config: { roles: BUYERS },
        schema: {
          tags,
          summary,
          params: PoParams,
          // Cancel takes a JSON body (`{}` when no reason is given), as every POST with fields does.
          ...(path === 'cancel' ? { body: CancelPoIn } : {}),
          response: { 200: PoSummaryOut },
        },
      },
      (request, reply) =>
        idempotentWrite(
          ctx.database,
          request,
          reply,
          200,
          work(
            request.params.id,
            request.actor.id,
            ctx.now().toISOString(),
            (request.body as { reason?: string } | undefined)?.reason,
          ),
        ),
    );
  command(
    'send',
    'Send a draft PO to the supplier (its open quantity becomes incoming)',
    (id, actor, now) => (trx) => sendPurchaseOrder(trx, id, actor, now),
  );
  command(
    'cancel',
    'Cancel a draft, or a sent PO before anything arrived',
    (id, actor, now, reason) => (trx) => cancelPurchaseOrder(trx, id, reason, actor, now),
  );
  command(
    'close',
    'Close a (partially) received PO: what did not arrive is cancelled',
    (id, actor, now) => (trx) => closePurchaseOrder(trx, id, actor, now),
  );
}

function registerPoReads(api: Api, ctx: AppContext) {
  api.get(
    '/purchase-orders',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'POs newest first, by status, supplier, warehouse or SKU',
        querystring: PoQuery,
        response: { 200: Shape(PurchaseOrdersOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      const rows = await listPurchaseOrders(ctx.database.db, {
        ...filter,
        beforeId: decodeCursor(cursor),
        limit,
      });
      return pageOf(rows, limit);
    },
  );

  api.get(
    '/purchase-orders/:id',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'A PO with its lines and receipts',
        params: PoParams,
        response: { 200: Shape(PurchaseOrderOut) },
      },
    },
    async (request, reply) => {
      const result = await getPurchaseOrder(ctx.database.db, request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/skus/:id/atp',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary:
          'Available to promise in a warehouse: on hand, allocated, available, open POs by date, backorders, cumulative ATP by date',
        params: PoParams,
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityOut },
      },
    },
    async (request, reply) => {
      const result = await skuAvailability(
        ctx.database.db,
        request.params.id,
        request.query.warehouseId,
        request.query.days ?? 60,
        ctx.now(),
      );
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
