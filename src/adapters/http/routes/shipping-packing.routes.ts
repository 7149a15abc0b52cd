import type { AppContext } from '../../../app/context.js';
import {
  createCartonType,
  deleteCartonType,
  getCartonType,
  listCartonTypes,
  updateCartonType,
} from '../../../app/fulfillment/packing/carton-types.js';
import { getCarton, listCartons } from '../../../app/fulfillment/packing/carton-views.js';
import { closeCarton } from '../../../app/fulfillment/packing/close-carton.js';
import { openCarton } from '../../../app/fulfillment/packing/open-carton.js';
import { packItem } from '../../../app/fulfillment/packing/pack-item.js';
import { enterCartonTracking } from '../../../app/fulfillment/shipping/enter-tracking.js';
import { MASTER_DATA_WRITERS, STAFF, STOCK_WRITERS } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import {
  CartonTrackingIn,
  CartonTypeIn,
  CartonTypePatch,
  IdParams,
  OpenCartonIn,
  PackItemIn,
} from './shipping.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  CartonTypesOut,
  CartonTypeOut,
  CartonTypes2Out,
  CartonTypePatchOut,
  CartonTypeDeleteOut,
  OrderCartonsOut,
  OrderCartons2Out,
  CartonOut,
  CartonItemsOut,
  CartonTrackingPutOut,
  CartonCloseOut,
} from './shipping-packing-responses.schemas.js';

const tags = ['packing'];
const read = { roles: [...STAFF] };
/** Packing is warehouse work: the warehouse role, and managers and admins who stand in. */
const pack = { roles: [...STOCK_WRITERS] };
const masterData = { roles: [...MASTER_DATA_WRITERS] };

/** Carton types, cartons with SSCCs, and pack verification at the packing bench. */
export function registerPackingRoutes(api: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const write = ctx.database;

  api.get(
    '/carton-types',
    {
      config: read,
      schema: { tags, summary: 'Carton types by code', response: { 200: Shape(CartonTypesOut) } },
    },
    () => listCartonTypes(db),
  );
  api.get(
    '/carton-types/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A carton type',
        params: IdParams,
        response: { 200: Shape(CartonTypeOut) },
      },
    },
    (request) => getCartonType(db, request.params.id),
  );
  api.post(
    '/carton-types',
    {
      config: masterData,
      schema: {
        tags,
        summary: 'Add a carton type',
        body: CartonTypeIn,
        response: { 201: Shape(CartonTypes2Out) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 201, (trx) => createCartonType(trx, request.body)),
  );
  api.patch(
    '/carton-types/:id',
    {
      config: masterData,
      schema: {
        tags,
        summary: 'Change a carton type',
        params: IdParams,
        body: CartonTypePatch,
        response: { 200: Shape(CartonTypePatchOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 200, (trx) =>
        updateCartonType(trx, request.params.id, request.body),
      ),
  );
  api.delete(
    '/carton-types/:id',
    {
      config: masterData,
      schema: {
        tags,
        summary: 'Remove an unused carton type',
        params: IdParams,
        response: { 200: Shape(CartonTypeDeleteOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 200, (trx) =>
        deleteCartonType(trx, request.params.id),
      ),
  );

  api.post(
    '/orders/:id/cartons',
    {
      config: pack,
      schema: {
        tags,
        summary: 'Open a carton for an order (gets its SSCC)',
        params: IdParams,
        body: OpenCartonIn,
        response: { 201: Shape(OrderCartonsOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 201, (trx) =>
        openCarton(trx, request.params.id, request.body ?? {}, request.actor, ctx.now()),
      ),
  );
  api.get(
    '/orders/:id/cartons',
    {
      config: read,
      schema: {
        tags,
        summary: "An order's cartons with contents",
        params: IdParams,
        response: { 200: Shape(OrderCartons2Out) },
      },
    },
    (request) => listCartons(db, request.params.id),
  );
  api.get(
    '/cartons/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A carton with its contents',
        params: IdParams,
        response: { 200: Shape(CartonOut) },
      },
    },
    (request) => getCarton(db, request.params.id),
  );
  api.post(
    '/cartons/:id/items',
    {
      config: pack,
      schema: {
        tags,
        summary: 'Pack a scanned or keyed item, verified against what was picked',
        params: IdParams,
        body: PackItemIn,
        response: { 200: Shape(CartonItemsOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 200, (trx) =>
        packItem(trx, request.params.id, request.body, request.actor, ctx.now()),
      ),
  );
  api.put(
    '/cartons/:id/tracking',
    {
      config: pack,
      schema: {
        tags,
        summary: "Record a carton's real parcel number (keyed, or its carrier label scanned)",
        params: IdParams,
        body: CartonTrackingIn,
        response: { 200: Shape(CartonTrackingPutOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 200, (trx) =>
        enterCartonTracking(trx, request.params.id, request.body),
      ),
  );
  api.post(
    '/cartons/:id/close',
    {
      config: pack,
      schema: {
        tags,
        summary: 'Close (seal) a carton',
        params: IdParams,
        response: { 200: Shape(CartonCloseOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(write, request, reply, 200, (trx) =>
        closeCarton(trx, request.params.id, request.actor, ctx.now()),
      ),
  );
}
