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
import {
  AdjustmentBody,
  MoveBody,
  MovementResult,
  ReceiptBody,
  StatusChangeBody,
  TransferBody,
  TransferReceiveBody,
} from './stock-schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['stock'];
const created = { 201: MovementResult };

/** Commands on the stock ledger: each posts movements and updates balances in one transaction. */
export function registerStockCommandRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  const now = () => ctx.now().toISOString();
  /** Stock arrived: waiting backorders of these SKUs get it first, before the reply goes out. */
  const fill = (skuIds: number[]) =>
    fillBackorders(ctx.database, skuIds, ctx.policies.allocation, ctx.now);

  write.post('/stock/receipts', {
    roles: STOCK_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Receive stock without a purchase order',
      body: ReceiptBody,
      response: created,
    },
    run: (trx, request) => receiveUnplanned(trx, request.body, request.actor.id, now()),
    afterCommit: (result) => fill([result.skuId]),
  });

  write.post('/stock/adjustments', {
    roles: STOCK_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Adjust stock up or down, with a reason',
      body: AdjustmentBody,
      response: created,
    },
    run: (trx, request) => adjustStock(trx, request.body, request.actor.id, now()),
    afterCommit: (result) => (result.delta > 0 ? fill([result.skuId]) : Promise.resolve()),
  });

  write.post('/stock/moves', {
    roles: STOCK_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Move stock between bins of one warehouse',
      body: MoveBody,
      response: created,
    },
    run: (trx, request) => moveStock(trx, request.body, request.actor.id, now()),
  });

  write.post('/stock/status-changes', {
    roles: STOCK_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Quarantine stock, mark it damaged, or release it',
      body: StatusChangeBody,
      response: created,
    },
    run: (trx, request) => changeStatus(trx, request.body, request.actor.id, now()),
    afterCommit: (result) =>
      result.status === 'available' ? fill([result.skuId]) : Promise.resolve(),
  });

  write.post('/transfers', {
    roles: STOCK_WRITERS,
    status: 201,
    schema: {
      tags,
      summary: 'Dispatch stock to another warehouse (via in transit)',
      body: TransferBody,
      response: created,
    },
    run: (trx, request) => dispatchTransfer(trx, request.body, request.actor.id, now()),
  });

  write.post('/transfers/:id/receive', {
    roles: STOCK_WRITERS,
    schema: {
      tags,
      summary: 'Receive a transfer at its destination',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: TransferReceiveBody,
      response: { 200: MovementResult },
    },
    run: (trx, request) =>
      receiveTransfer(trx, request.params.id, request.body.toLocationId, request.actor.id, now()),
    afterCommit: (result) => fill([result.skuId]),
  });
}
