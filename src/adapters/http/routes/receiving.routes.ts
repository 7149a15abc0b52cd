import type { AppContext } from '../../../app/context.js';
import { fillBackorders } from '../../../app/orders/fill-backorders.js';
import { confirmMoveTask } from '../../../app/receiving/confirm-move-task.js';
import { listMoveTasks } from '../../../app/receiving/move-task-queries.js';
import { deletePickFace, listPickFaces, putPickFace } from '../../../app/receiving/pick-faces.js';
import { planReplenishmentIn } from '../../../app/receiving/plan-replenishment.js';
import { receiveAgainstPo } from '../../../app/receiving/receive-against-po.js';
import { receiveUnplannedIntoReceiving } from '../../../app/receiving/receive-unplanned-receipt.js';
import { MASTER_DATA_WRITERS, STAFF, STOCK_WRITERS } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import {
  ConfirmIn,
  ConfirmOut,
  IdParams,
  LocationParams,
  MoveTaskQuery,
  PickFaceIn,
  PickFaceQuery,
  PoReceiptIn,
  ReceiptOut,
  UnplannedReceiptIn,
} from './receiving.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  MoveTasksOut,
  WarehousePickFaceReplenishmentOut,
  PickFacesOut,
  PickFacePutOut,
  PickFaceDeleteOut,
} from './receiving-responses.schemas.js';
import { writeRoutes } from '../write-route.js';

const tags = ['receiving'];
/** Receiving against a PO is dock work; receiving without one is a manager's decision. */
const RECEIVERS = STOCK_WRITERS;
const UNPLANNED_RECEIVERS = MASTER_DATA_WRITERS;

/** Receiving against POs (by scan), unplanned receipts, put-away and pick-face replenishment. */
export function registerReceivingRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  write.post('/purchase-orders/:id/receipts', {
    roles: RECEIVERS,
    status: 201,
    schema: {
      tags,
      summary: 'Receive against a sent PO by scan (or SKU + quantity), into RECEIVING or DAMAGED',
      params: IdParams,
      body: PoReceiptIn,
      response: { 201: ReceiptOut },
    },
    run: (trx, request) =>
      receiveAgainstPo(trx, request.params.id, request.body, request.actor.id, ctx.now()),
  });

  write.post('/receipts/unplanned', {
    roles: UNPLANNED_RECEIVERS,
    status: 201,
    schema: {
      tags,
      summary: 'Receive goods that came without a PO into RECEIVING',
      body: UnplannedReceiptIn,
      response: { 201: ReceiptOut },
    },
    run: (trx, request) =>
      receiveUnplannedIntoReceiving(trx, request.body, request.actor.id, ctx.now()),
  });

  api.get(
    '/move-tasks',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Put-away and replenishment tasks of a warehouse, in pick-path order',
        querystring: MoveTaskQuery,
        response: { 200: Shape(MoveTasksOut) },
      },
    },
    async (request) => {
      const { limit = 200, ...filter } = request.query;
      return { items: await listMoveTasks(ctx.database.db, { ...filter, limit }) };
    },
  );

  write.post('/move-tasks/:id/confirm', {
    roles: RECEIVERS,
    schema: {
      tags,
      summary: 'Confirm a put-away or replenishment by scanning the bin the goods went into',
      params: IdParams,
      body: ConfirmIn,
      response: { 200: ConfirmOut },
    },
    run: (trx, request) =>
      confirmMoveTask(
        trx,
        request.params.id,
        request.body.scan,
        request.actor.id,
        ctx.now().toISOString(),
      ),
    afterCommit: (done) =>
      done.madeAvailable
        ? fillBackorders(ctx.database, [done.skuId], ctx.policies.allocation, ctx.now)
        : Promise.resolve(),
  });

  write.post('/warehouses/:id/pick-face-replenishment', {
    roles: RECEIVERS,
    status: 201,
    schema: {
      tags,
      summary: 'Create replenish tasks for pick faces below their min',
      params: IdParams,
      response: { 201: Shape(WarehousePickFaceReplenishmentOut) },
    },
    run: (trx, request) => planReplenishmentIn(trx, request.params.id, ctx.now().toISOString()),
  });

  registerPickFaceRoutes(api, ctx);
}

/** Which SKU each pick face holds and its refill range. */
function registerPickFaceRoutes(api: Api, ctx: AppContext) {
  const write = writeRoutes(api, ctx.database);
  api.get(
    '/pick-faces',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Pick-face assignments of a warehouse',
        querystring: PickFaceQuery,
        response: { 200: Shape(PickFacesOut) },
      },
    },
    async (request) => ({
      items: await listPickFaces(ctx.database.db, request.query.warehouseId),
    }),
  );

  write.put('/pick-faces/:locationId', {
    roles: MASTER_DATA_WRITERS,
    schema: {
      tags,
      summary: 'Assign a pick face to a SKU with its min/max, or change it',
      params: LocationParams,
      body: PickFaceIn,
      response: { 200: Shape(PickFacePutOut) },
    },
    run: (trx, request) => putPickFace(trx, request.params.locationId, request.body),
  });

  write.delete('/pick-faces/:locationId', {
    roles: MASTER_DATA_WRITERS,
    schema: {
      tags,
      summary: 'End a pick-face assignment',
      params: LocationParams,
      response: { 200: Shape(PickFaceDeleteOut) },
    },
    run: (trx, request) => deletePickFace(trx, request.params.locationId),
  });
}
