import { Type } from 'typebox';

/** What the shipping-packing routes answer on success (documented: see response-shapes.ts). */
export const CartonTypeOut = Type.Object({
  id: Type.Number(),
  code: Type.String(),
  name: Type.String(),
  lengthMm: Type.Number(),
  widthMm: Type.Number(),
  heightMm: Type.Number(),
  maxWeightG: Type.Number(),
  tareWeightG: Type.Number(),
});

export const CartonTypesOut = Type.Array(CartonTypeOut);

export const CartonTypes2Out = CartonTypeOut;

export const CartonTypePatchOut = CartonTypeOut;

export const CartonTypeDeleteOut = Type.Object({ id: Type.Number(), deleted: Type.Boolean() });

export const OrderCartonsOut = Type.Object({
  id: Type.Number(),
  orderId: Type.Number(),
  sscc: Type.String(),
  status: Type.String(),
  cartonTypeId: Type.Union([Type.Null(), Type.Number()]),
  weightG: Type.Number(),
  shipmentId: Type.Union([Type.Null(), Type.Number()]),
  trackingNumber: Type.Union([Type.Null(), Type.String()]),
  trackingCarrier: Type.Union([Type.Null(), Type.String()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  closedAt: Type.Union([Type.Null(), Type.String()]),
  contents: Type.Array(
    Type.Object({
      orderLineId: Type.Number(),
      skuId: Type.Number(),
      skuCode: Type.String(),
      lotId: Type.Number(),
      lotCode: Type.Union([Type.Null(), Type.String()]),
      quantity: Type.Number(),
    }),
  ),
});

export const OrderCartons2Out = Type.Array(OrderCartonsOut);

export const CartonOut = OrderCartonsOut;

export const CartonItemsOut = OrderCartonsOut;

export const CartonTrackingPutOut = Type.Object({
  cartonId: Type.Number(),
  shipmentId: Type.Union([Type.Null(), Type.Number()]),
  trackingNumber: Type.String(),
  carrier: Type.Union([Type.Null(), Type.String()]),
});

export const CartonCloseOut = Type.Object({
  id: Type.Number(),
  orderId: Type.Number(),
  sscc: Type.String(),
  status: Type.String(),
  cartonTypeId: Type.Union([Type.Null(), Type.Number()]),
  weightG: Type.Number(),
  shipmentId: Type.Union([Type.Null(), Type.Number()]),
  trackingNumber: Type.Union([Type.Null(), Type.String()]),
  trackingCarrier: Type.Union([Type.Null(), Type.String()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  closedAt: Type.Union([Type.Null(), Type.String()]),
  contents: Type.Array(
    Type.Object({
      orderLineId: Type.Number(),
      skuId: Type.Number(),
      skuCode: Type.String(),
      lotId: Type.Number(),
      lotCode: Type.Union([Type.Null(), Type.String()]),
      quantity: Type.Number(),
    }),
  ),
  orderStatus: Type.String(),
});
