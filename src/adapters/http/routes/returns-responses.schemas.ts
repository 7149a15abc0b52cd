import { Type } from 'typebox';

/** What the returns routes answer on success (documented: see response-shapes.ts). */
export const ReturnsOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      rmaNumber: Type.String(),
      orderId: Type.Number(),
      customerId: Type.Number(),
      status: Type.String(),
      reason: Type.String(),
      notes: Type.Union([Type.Null(), Type.String()]),
      creditMinor: Type.Number(),
      createdBy: Type.String(),
      createdAt: Type.String(),
      closedAt: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const ReturnsAccuracyOut = Type.Object({
  items: Type.Array(
    Type.Object({
      orderId: Type.Number(),
      customerId: Type.Number(),
      returns: Type.Number(),
      units: Type.Number(),
      firstReturnAt: Type.String(),
    }),
  ),
});

export const ReturnOut = Type.Object({
  lines: Type.Array(
    Type.Object({
      lotCode: Type.Union([Type.Null(), Type.String()]),
      locationCode: Type.Union([Type.Null(), Type.String()]),
      skuCode: Type.String(),
      id: Type.Number(),
      disposition: Type.Union([Type.Null(), Type.String()]),
      orderLineId: Type.Number(),
      skuId: Type.Number(),
      quantityAuthorized: Type.Number(),
      quantityReceived: Type.Number(),
      locationId: Type.Union([Type.Null(), Type.Number()]),
      creditMinor: Type.Number(),
    }),
  ),
  id: Type.Number(),
  rmaNumber: Type.String(),
  orderId: Type.Number(),
  customerId: Type.Number(),
  status: Type.String(),
  reason: Type.String(),
  notes: Type.Union([Type.Null(), Type.String()]),
  creditMinor: Type.Number(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  closedAt: Type.Union([Type.Null(), Type.String()]),
});

export const ReturnReceiveOut = Type.Object({
  id: Type.Number(),
  status: Type.Literal('received'),
  warehouseId: Type.Number(),
  creditMinor: Type.Number(),
  lines: Type.Array(
    Type.Object({
      returnLineId: Type.Number(),
      skuId: Type.Number(),
      quantity: Type.Number(),
      lotId: Type.Number(),
    }),
  ),
});

export const ReturnDisposeOut = Type.Object({
  id: Type.Number(),
  status: Type.String(),
  lines: Type.Array(
    Type.Object({
      returnLineId: Type.Number(),
      skuId: Type.Number(),
      lotId: Type.Number(),
      quantity: Type.Number(),
      disposition: Type.String(),
      locationId: Type.Number(),
      writeOffMinor: Type.Number(),
    }),
  ),
  restockedSkuIds: Type.Array(Type.Number()),
});
