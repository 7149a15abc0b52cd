import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { authorizeReturn } from '../../../app/fulfillment/returns/authorize-return.js';
import { cancelReturn, closeReturn } from '../../../app/fulfillment/returns/close-return.js';
import { disposeReturn } from '../../../app/fulfillment/returns/dispose-return.js';
import { receiveReturn } from '../../../app/fulfillment/returns/receive-return.js';
import {
  getReturn,
  listReturns,
  ordersWithAccuracyReturns,
} from '../../../app/fulfillment/returns/return-queries.js';
import { fillBackorders } from '../../../app/orders/fill-backorders.js';
import type { Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  AccuracyQuery,
  CancelIn,
  DisposeIn,
  ReceiveIn,
  ReturnIn,
  ReturnParams,
  ReturnQuery,
  ReturnSummaryOut,
} from './returns.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  ReturnsOut,
  ReturnsAccuracyOut,
  ReturnOut,
  ReturnReceiveOut,
  ReturnDisposeOut,
} from './returns-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['returns'];
/** Staff who handle returns; a customer key may ask for and read its own. */
const HANDLERS: readonly Role[] = ['admin', 'manager', 'sales', 'warehouse'];
const REQUESTERS: readonly Role[] = [...HANDLERS, 'customer'];

/** Returns (RMAs): authorize against shipped lines, receive, dispose per line, close. */
export function registerReturnRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/returns', {
    roles: REQUESTERS,
    status: 201,
    schema: {
      tags,
      summary: 'Authorize a return (RMA) against shipped order lines, with a reason',
      body: ReturnIn,
      response: { 201: ReturnSummaryOut },
    },
    run: (trx, request) => authorizeReturn(trx, request.body, request.actor, ctx.now()),
  });

  api.get(
    '/returns',
    {
      config: { roles: REQUESTERS },
      schema: {
        tags,
        summary: 'Returns, newest first (a customer key sees only its own)',
        querystring: ReturnQuery,
        response: { 200: Shape(ReturnsOut) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      const rows = await listReturns(
        ctx.database.db,
        { ...filter, beforeId: decodeCursor(cursor), limit },
        request.actor,
      );
      return pageOf(rows, limit);
    },
  );

  api.get(
    '/returns/accuracy',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Orders with a wrong-item or wrong-quantity return authorized in [from, to)',
        querystring: AccuracyQuery,
        response: { 200: Shape(ReturnsAccuracyOut) },
      },
    },
    async (request) => ({
      items: await ordersWithAccuracyReturns(ctx.database.db, request.query.from, request.query.to),
    }),
  );

  api.get(
    '/returns/:id',
    {
      config: { roles: REQUESTERS },
      schema: {
        tags,
        summary: 'A return with its lines, lots, dispositions and credit',
        params: ReturnParams,
        response: { 200: Shape(ReturnOut) },
      },
    },
    async (request, reply) => {
      const result = await getReturn(ctx.database.db, request.params.id, request.actor);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  write.post('/returns/:id/receive', {
    roles: HANDLERS,
    schema: {
      tags,
      summary: 'Book what arrived (CUSTOMER → RECEIVING) and fix the credit',
      params: ReturnParams,
      body: ReceiveIn,
      response: { 200: Shape(ReturnReceiveOut) },
    },
    run: (trx, request) =>
      receiveReturn(trx, request.params.id, request.body, request.actor, ctx.now()),
  });

  write.post('/returns/:id/dispose', {
    roles: HANDLERS,
    schema: {
      tags,
      summary: 'Restock, quarantine, write off or send back to the vendor, per line',
      params: ReturnParams,
      body: DisposeIn,
      response: { 200: Shape(ReturnDisposeOut) },
    },
    run: (trx, request) =>
      disposeReturn(trx, request.params.id, request.body, request.actor, ctx.now()),
    afterCommit: (result) =>
      fillBackorders(ctx.database, result.restockedSkuIds, ctx.policies.allocation, ctx.now),
  });

  write.post('/returns/:id/close', {
    roles: HANDLERS,
    schema: {
      tags,
      summary: 'Close a return whose received lines are all disposed; publishes the credit memo',
      params: ReturnParams,
      response: { 200: ReturnSummaryOut },
    },
    run: (trx, request) => closeReturn(trx, request.params.id, request.actor, ctx.now()),
  });

  write.post('/returns/:id/cancel', {
    roles: HANDLERS,
    schema: {
      tags,
      summary: 'Cancel a return before anything arrived',
      params: ReturnParams,
      body: Type.Optional(CancelIn),
      response: { 200: ReturnSummaryOut },
    },
    run: (trx, request) =>
      cancelReturn(trx, request.params.id, request.body?.reason, request.actor, ctx.now()),
  });
}
