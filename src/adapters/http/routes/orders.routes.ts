import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { cancelLine, cancelOrder } from '../../../app/orders/cancel-order.js';
import { editOrder } from '../../../app/orders/edit-order.js';
import { backorderedSkus, fillBackorders } from '../../../app/orders/fill-backorders.js';
import { confirmOrder, releaseOrder } from '../../../app/orders/order-lifecycle.js';
import { getOrder, listBackorders, listOrders } from '../../../app/orders/order-queries.js';
import { placeOrder } from '../../../app/orders/place-order.js';
import { STAFF, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { PageQuery, decodeCursor, encodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import { OrderEditIn, OrderIn, OrderSummaryOut, ReasonIn } from './orders.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  OrdersOut,
  OrderOut,
  BackordersOut,
  BackordersFillOut,
} from './orders-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['orders'];
const READERS: readonly Role[] = [...STAFF, 'customer'];
const ORDER_WRITERS: readonly Role[] = ['admin', 'manager', 'sales', 'customer'];
const OrderParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Sales orders: taking, confirming, editing, cancelling and releasing them; backorders. */
export function registerOrderRoutes(api: Api, ctx: AppContext) {
  const policy = () => ctx.policies.allocation;
  const write = writeRoutes(api, ctx.database);

  write.post('/orders', {
    roles: ORDER_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Place an order: priced by the server, credit-checked, allocated',
      body: OrderIn,
      response: { 201: OrderSummaryOut },
    },
    run: (trx, request) => placeOrder(trx, request.body, request.actor, policy(), ctx.now()),
  });

  api.get(
    '/orders',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'Orders, newest first (a customer key sees only its own)',
        querystring: Type.Object(
          {
            customerId: Type.Optional(Type.Integer({ minimum: 1 })),
            status: Type.Optional(Type.String({ maxLength: 40 })),
            customerPo: Type.Optional(Type.String({ maxLength: 60 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Shape(OrdersOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return pageOf(
        await listOrders(
          ctx.database.db,
          { ...filter, beforeId: decodeCursor(cursor), limit },
          request.actor,
        ),
        limit,
      );
    },
  );

  api.get(
    '/orders/:id',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'An order with lines, allocations by bin and lot, backorders and timeline',
        params: OrderParams,
        response: { 200: Shape(OrderOut) },
      },
    },
    async (request, reply) => {
      const result = await getOrder(ctx.database.db, request.params.id, request.actor);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.post('/orders/:id/edit', {
    roles: ORDER_WRITERS,
    schema: {
      tags,
      summary: 'Add, change or remove lines before release; re-allocates atomically',
      params: OrderParams,
      body: OrderEditIn,
      response: { 200: OrderSummaryOut },
    },
    run: (trx, request) =>
      editOrder(trx, request.params.id, request.body, request.actor, policy(), ctx.now()),
  });

  write.post('/orders/:id/confirm', {
    roles: ORDER_WRITERS,
    schema: {
      tags,
      summary: 'Confirm a draft, or approve a held order (admin, manager)',
      params: OrderParams,
      response: { 200: OrderSummaryOut },
    },
    run: (trx, request) => confirmOrder(trx, request.params.id, request.actor, policy(), ctx.now()),
  });

  write.post('/orders/:id/cancel', {
    roles: ORDER_WRITERS,
    schema: {
      tags,
      summary: 'Cancel an order before picking; its stock is released',
      params: OrderParams,
      body: Type.Optional(ReasonIn),
      response: { 200: OrderSummaryOut },
    },
    run: (trx, request) =>
      cancelOrder(trx, request.params.id, request.body?.reason, request.actor, ctx.now()),
  });

  write.post('/orders/:id/lines/:lineId/cancel', {
    roles: ORDER_WRITERS,
    schema: {
      tags,
      summary: 'Cancel one line before picking',
      params: Type.Object({
        id: Type.Integer({ minimum: 1 }),
        lineId: Type.Integer({ minimum: 1 }),
      }),
      response: { 200: OrderSummaryOut },
    },
    run: (trx, request) =>
      cancelLine(trx, request.params.id, request.params.lineId, request.actor, ctx.now()),
  });

  write.post('/orders/:id/release', {
    roles: ['admin', 'manager', 'warehouse'],
    schema: {
      tags,
      summary: 'Release an allocated order to the warehouse',
      params: OrderParams,
      response: { 200: OrderSummaryOut },
    },
    run: (trx, request) => releaseOrder(trx, request.params.id, request.actor, ctx.now()),
  });

  api.get(
    '/backorders',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'Open backorders in fill order (priority, then order age)',
        querystring: Type.Object(
          { skuId: Type.Optional(Type.Integer({ minimum: 1 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Shape(BackordersOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, skuId } = request.query;
      const offset = decodeCursor(cursor) ?? 0;
      const rows = await listBackorders(
        ctx.database.db,
        { skuId, limit: limit + 1, offset },
        request.actor,
      );
      return {
        items: rows.slice(0, limit),
        nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
      };
    },
  );

  api.post(
    '/backorders/fill',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Try to fill every open backorder from stock on hand now',
        response: { 200: Shape(BackordersFillOut) },
      },
    },
    async () =>
      fillBackorders(ctx.database, await backorderedSkus(ctx.database), policy(), ctx.now),
  );
}
