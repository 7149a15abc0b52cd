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
  cartonIds: Type.Array(Type.Number()),
});

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
