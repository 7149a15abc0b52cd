import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { adjustStock } from '../../../app/inventory/adjust-stock.js';
import { changeStatus } from '../../../app/inventory/change-status.js';
import { moveStock } from '../../../app/inventory/move-stock.js';
import { receiveUnplanned } from '../../../app/inventory/receive-unplanned.js';
import { dispatchTransfer, receiveTransfer } from '../../../app/inventory/transfers.js';
import { fillBackorders } from '../../../app/orders/fill-backorders.js';
import { STOCK_WRITERS } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import {
  AdjustmentBody,
  MoveBody,
  MovementResult,
  ReceiptBody,
  StatusChangeBody,
  TransferBody,
  TransferReceiveBody,
} from './stock-schemas.js';

const tags = ['stock'];
const created = { 201: MovementResult };

/** Commands on the stock ledger: each posts movements and updates balances in one transaction. */
export function registerStockCommandRoutes(api: Api, ctx: AppContext) {
  const now = () => ctx.now().toISOString();
  /** Stock arrived: waiting backorders of these SKUs get it first, before the reply goes out. */
  const fill = (skuIds: number[]) =>
    fillBackorders(ctx.database, skuIds, ctx.policies.allocation, ctx.now);

  api.post(
    '/stock/receipts',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Receive stock without a purchase order',
        body: ReceiptBody,
        response: created,
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        201,
        (trx) => receiveUnplanned(trx, request.body, request.actor.id, now()),
        (result) => fill([result.skuId]),
      ),
  );

  api.post(
    '/stock/adjustments',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Adjust stock up or down, with a reason',
        body: AdjustmentBody,
        response: created,
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        201,
        (trx) => adjustStock(trx, request.body, request.actor.id, now()),
        (result) => (result.delta > 0 ? fill([result.skuId]) : Promise.resolve()),
      ),
  );

  api.post(
    '/stock/moves',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Move stock between bins of one warehouse',
        body: MoveBody,
        response: created,
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        moveStock(trx, request.body, request.actor.id, now()),
      ),
  );

  api.post(
    '/stock/status-changes',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Quarantine stock, mark it damaged, or release it',
        body: StatusChangeBody,
        response: created,
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        201,
        (trx) => changeStatus(trx, request.body, request.actor.id, now()),
        (result) => (result.status === 'available' ? fill([result.skuId]) : Promise.resolve()),
      ),
  );

  api.post(
    '/transfers',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Dispatch stock to another warehouse (via in transit)',
        body: TransferBody,
        response: created,
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        dispatchTransfer(trx, request.body, request.actor.id, now()),
      ),
  );

  api.post(
    '/transfers/:id/receive',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Receive a transfer at its destination',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: TransferReceiveBody,
        response: { 200: MovementResult },
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        200,
        (trx) =>
          receiveTransfer(
            trx,
            request.params.id,
            request.body.toLocationId,
            request.actor.id,
            now(),
          ),
        (result) => fill([result.skuId]),
      ),
  );
}
