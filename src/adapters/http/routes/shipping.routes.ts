import { defaultCarriers } from '../../carriers/carrier-registry.js';
import type { AppContext } from '../../../app/context.js';
import { bookShipment } from '../../../app/fulfillment/shipping/book-shipment.js';
import { recordDelivery } from '../../../app/fulfillment/shipping/record-delivery.js';
import { claimBookingRetry } from '../../../app/fulfillment/shipping/retry-booking.js';
import { packAndShipOrder } from '../../../app/fulfillment/shipping/pack-and-ship.js';
import { shipOrder, type ShipOutcome } from '../../../app/fulfillment/shipping/ship-order.js';
import { listShipments, getShipment } from '../../../app/fulfillment/shipping/shipment-views.js';
import type { CarrierRegistry } from '../../../core/fulfillment/carrier.js';
import { STAFF, STOCK_WRITERS, type Actor, type Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { registerLabelRoutes } from './shipping-labels.routes.js';
import { registerPackingRoutes } from './shipping-packing.routes.js';
import { registerTrackingRoutes } from './shipping-tracking.routes.js';
import { DeliveryIn, IdParams, PackAndShipIn, ShipIn } from './shipping.schemas.js';
import { Shape } from '../response-shapes.js';
import {
  CarriersOut,
  OrderPackShipOut,
  OrderShipOut,
  OrderShipmentsOut,
  ShipmentOut,
  ShipmentDeliveryOut,
  RetryBookingOut,
} from './shipping-responses.schemas.js';

const tags = ['shipping'];
const READERS: readonly Role[] = [...STAFF, 'customer'];
/** Ship confirmation and delivery reports: the dock, and managers and admins who stand in.
 * A carrier's delivery callback authenticates with an API key of one of these roles. */
const SHIPPERS = { roles: [...STOCK_WRITERS] };

/**
 * Packing (carton types, cartons, labels) and shipping (carriers, ship confirmation,
 * shipments, delivery). `carriers` defaults to the built-in table-rate and pickup carriers.
 */
export function registerShippingRoutes(
  api: Api,
  ctx: AppContext,
  carriers: CarrierRegistry = defaultCarriers(),
) {
  registerPackingRoutes(api, ctx);
  registerLabelRoutes(api, ctx, carriers);
  registerTrackingRoutes(api, ctx);
  const db = ctx.database.db;

  api.get(
    '/carriers',
    {
      config: { roles: [...STAFF] },
      schema: {
        tags,
        summary: 'Carriers and their services',
        response: { 200: Shape(CarriersOut) },
      },
    },
    () => carriers.list().map((c) => ({ code: c.code, name: c.name, services: c.services })),
  );

  /** The carrier is called after the commit; the answer carries its labels (or the refusal). */
  const bookAfterCommit =
    (actor: Actor) =>
    async <T extends ShipOutcome>(reserved: T) => {
      const booked = await bookShipment(
        ctx.database,
        reserved.shipmentId,
        carriers,
        actor,
        ctx.now,
      );
      return {
        ...reserved,
        shipmentStatus: booked.status,
        trackingNumbers: booked.trackingNumbers,
        costMinor: booked.costMinor,
        bookingError: booked.bookingError,
      };
    };

  api.post(
    '/orders/:id/ship',
    {
      config: SHIPPERS,
      schema: {
        tags,
        summary: 'Confirm shipment of closed cartons: stock out, shipment, invoice',
        params: IdParams,
        body: ShipIn,
        response: { 201: Shape(OrderShipOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        201,
        (trx) =>
          shipOrder(trx, request.params.id, request.body, carriers, request.actor, ctx.now()),
        bookAfterCommit(request.actor),
        { answer: 'afterCommit' },
      ),
  );

  api.post(
    '/orders/:id/pack-and-ship',
    {
      config: SHIPPERS,
      schema: {
        tags,
        summary: 'Pack everything picked into one carton and ship it (the pack-and-ship station)',
        description:
          'One transaction: what was picked for the order in the warehouse goes into one new ' +
          'closed carton, which ships with any other closed carton waiting there — as ' +
          '`/orders/{id}/ship` would — and the order moves from picked to shipped. Any ' +
          'refusal of either half (PACK.*, SHIP.*) leaves nothing packed.',
        params: IdParams,
        body: PackAndShipIn,
        response: { 201: Shape(OrderPackShipOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        201,
        (trx) =>
          packAndShipOrder(
            trx,
            request.params.id,
            request.body,
            carriers,
            request.actor,
            ctx.now(),
          ),
        bookAfterCommit(request.actor),
        { answer: 'afterCommit' },
      ),
  );

  api.post(
    '/shipments/:id/retry-booking',
    {
      config: SHIPPERS,
      schema: {
        tags,
        summary: 'Book a shipment whose carrier booking failed again (idempotent)',
        params: IdParams,
        response: { 200: Shape(RetryBookingOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(
        ctx.database,
        request,
        reply,
        200,
        async (trx) => {
          const { claimed } = await claimBookingRetry(
            trx,
            request.params.id,
            request.actor,
            ctx.now(),
          );
          return { ...(await getShipment(trx, request.params.id)), claimed };
        },
        async (view) =>
          view.claimed
            ? {
                ...(await bookShipment(ctx.database, view.id, carriers, request.actor, ctx.now)),
                claimed: true,
              }
            : view,
        { answer: 'afterCommit' },
      ),
  );

  api.get(
    '/orders/:id/shipments',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: "An order's shipments with tracking and delivery",
        params: IdParams,
        response: { 200: Shape(OrderShipmentsOut) },
      },
    },
    (request) => listShipments(db, request.params.id, request.actor),
  );

  api.get(
    '/shipments/:id',
    {
      config: { roles: [...STAFF] },
      schema: {
        tags,
        summary: 'A shipment',
        params: IdParams,
        response: { 200: Shape(ShipmentOut) },
      },
    },
    (request) => getShipment(db, request.params.id),
  );

  api.post(
    '/shipments/:id/delivery',
    {
      config: SHIPPERS,
      schema: {
        tags,
        summary: 'Record delivery with proof of delivery (carrier callback)',
        params: IdParams,
        body: DeliveryIn,
        response: { 200: Shape(ShipmentDeliveryOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        recordDelivery(trx, request.params.id, request.body, request.actor, ctx.now()),
      ),
  );
}
