import { Type } from 'typebox';

/** What the shipping routes answer on success (documented: see response-shapes.ts). */
export const CarriersOut = Type.Array(
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    services: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        mode: Type.Union([Type.Literal('parcel'), Type.Literal('ltl'), Type.Literal('pickup')]),
        transitDays: Type.Number(),
      }),
    ),
  }),
);

export const OrderShipOut = Type.Object({
  shipmentId: Type.Number(),
  shipmentStatus: Type.String({
    description: 'shipped once the carrier booked it; booking_failed with bookingError otherwise',
  }),
  bookingError: Type.Optional(
    Type.Union([Type.Null(), Type.Object({ code: Type.String(), message: Type.String() })]),
  ),
  orderId: Type.Number(),
  orderStatus: Type.Union([Type.Literal('shipped'), Type.Literal('partially_shipped')]),
  carrierCode: Type.String(),
  service: Type.String(),
  trackingNumbers: Type.Array(Type.String()),
  costMinor: Type.Number(),
  currency: Type.String(),
  promisedDate: Type.String(),
  cartonIds: Type.Array(Type.Number()),
  invoice: Type.Object({
    id: Type.Number(),
    totalMinor: Type.Number(),
    currency: Type.String(),
    dueDate: Type.String(),
  }),
});

export const OrderPackShipOut = Type.Object({
  ...OrderShipOut.properties,
  packedCartonId: Type.Number({ description: 'The carton this command packed' }),
  sscc: Type.String(),
  weightG: Type.Number(),
});

export const ShipmentOut = Type.Object({
  id: Type.Number(),
  orderId: Type.Number(),
  warehouseId: Type.Number(),
  carrierCode: Type.String(),
  service: Type.String(),
  trackingNumbers: Type.Array(Type.String()),
  costMinor: Type.Number(),
  status: Type.String(),
  shippedAt: Type.String(),
  promisedDate: Type.Union([Type.Null(), Type.String()]),
  deliveredAt: Type.Union([Type.Null(), Type.String()]),
  onTime: Type.Union([Type.Null(), Type.Boolean()]),
  podName: Type.Union([Type.Null(), Type.String()]),
  podNote: Type.Union([Type.Null(), Type.String()]),
  bookingError: Type.Union([
    Type.Null(),
    Type.Object({ code: Type.String(), message: Type.String() }),
  ]),
  bookingAttempts: Type.Number(),
  trackingStatus: Type.Union([
    Type.Null(),
    Type.String({ description: 'in_transit, out_for_delivery, delivered, exception' }),
  ]),
  trackingUpdatedAt: Type.Union([Type.Null(), Type.String()]),
  cartonIds: Type.Array(Type.Number()),
});

/** A booking retried: the shipment, and whether this call took the retry (false: not failed). */
export const RetryBookingOut = Type.Intersect([
  ShipmentOut,
  Type.Object({ claimed: Type.Boolean() }),
]);

/** Tracking events recorded (a repeated event is not stored twice). */
export const TrackingOut = Type.Object({
  shipmentId: Type.Number(),
  orderId: Type.Number(),
  recorded: Type.Number(),
  trackingStatus: Type.Union([Type.Null(), Type.String()]),
  shipmentStatus: Type.String(),
});

/** The carrier webhook's answer: the events recorded, or `{ recorded: 0 }` for none. */
export const CarrierWebhookOut = Type.Union([
  TrackingOut,
  Type.Object({ recorded: Type.Number() }),
]);

export const OrderShipmentsOut = Type.Array(ShipmentOut);

export const ShipmentDeliveryOut = Type.Object({
  id: Type.Number(),
  orderId: Type.Number(),
  warehouseId: Type.Number(),
  carrierCode: Type.String(),
  service: Type.String(),
  trackingNumbers: Type.Array(Type.String()),
  costMinor: Type.Number(),
  status: Type.String(),
  shippedAt: Type.String(),
  promisedDate: Type.Union([Type.Null(), Type.String()]),
  deliveredAt: Type.Union([Type.Null(), Type.String()]),
  onTime: Type.Union([Type.Null(), Type.Boolean()]),
  podName: Type.Union([Type.Null(), Type.String()]),
  podNote: Type.Union([Type.Null(), Type.String()]),
  cartonIds: Type.Array(Type.Number()),
  orderStatus: Type.String(),
});
