import { Type } from 'typebox';

/** What the orders routes answer on success (documented: see response-shapes.ts). */
export const OrdersOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      orderNumber: Type.String(),
      customerId: Type.Number(),
      customerPo: Type.Union([Type.Null(), Type.String()]),
      shipToId: Type.Union([Type.Null(), Type.Number()]),
      requestedShipDate: Type.Union([Type.Null(), Type.String()]),
      status: Type.String(),
      holdReason: Type.Union([Type.Null(), Type.String()]),
      warehouseId: Type.Union([Type.Null(), Type.Number()]),
      priority: Type.Number(),
      currency: Type.String(),
      totalMinor: Type.Number(),
      source: Type.String(),
      notes: Type.Union([Type.Null(), Type.String()]),
      createdBy: Type.String(),
      createdAt: Type.String(),
      updatedAt: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const OrderOut = Type.Object({
  lines: Type.Array(
    Type.Object({
      id: Type.Number(),
      lineNumber: Type.Number(),
      skuId: Type.Number(),
      packLevel: Type.String(),
      packQuantity: Type.Number(),
      quantityOrdered: Type.Number(),
      quantityAllocated: Type.Number(),
      quantityPicked: Type.Number(),
      quantityShipped: Type.Number(),
      quantityBackordered: Type.Number(),
      quantityCancelled: Type.Number(),
      unitPriceMinor: Type.Number(),
      lineTotalMinor: Type.Number(),
      priceSource: Type.String(),
      notes: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  allocations: Type.Array(
    Type.Object({
      lotCode: Type.Union([Type.Null(), Type.String()]),
      expiryDate: Type.Union([Type.Null(), Type.String()]),
      locationCode: Type.String(),
      id: Type.Number(),
      quantity: Type.Number(),
      remaining: Type.Number(),
      lineId: Type.Number(),
      skuId: Type.Number(),
      warehouseId: Type.Number(),
      locationId: Type.Number(),
      lotId: Type.Number(),
      createdAt: Type.String(),
    }),
  ),
  timeline: Type.Array(
    Type.Object({
      type: Type.String(),
      actor: Type.String(),
      actorName: Type.String({ description: "A user's name and email, an API key's name" }),
      at: Type.String(),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  id: Type.Number(),
  orderNumber: Type.String(),
  customerId: Type.Number(),
  customerPo: Type.Union([Type.Null(), Type.String()]),
  shipToId: Type.Union([Type.Null(), Type.Number()]),
  requestedShipDate: Type.Union([Type.Null(), Type.String()]),
  status: Type.String(),
  holdReason: Type.Union([Type.Null(), Type.String()]),
  warehouseId: Type.Union([Type.Null(), Type.Number()]),
  priority: Type.Number(),
  currency: Type.String(),
  totalMinor: Type.Number(),
  source: Type.String(),
  notes: Type.Union([Type.Null(), Type.String()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const BackordersOut = Type.Object({
  items: Type.Array(
    Type.Object({
      skuCode: Type.String(),
      priority: Type.Number(),
      lineId: Type.Number(),
      orderId: Type.Number(),
      customerId: Type.Number(),
      orderedAt: Type.String(),
      skuId: Type.Number(),
      quantityOrdered: Type.Number(),
      quantityBackordered: Type.Number(),
    }),
  ),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const BackordersFillOut = Type.Object({
  ordersTried: Type.Number(),
  unitsAllocated: Type.Number(),
  failures: Type.Array(
    Type.Object({ orderId: Type.Number(), code: Type.String(), message: Type.String() }),
  ),
});
