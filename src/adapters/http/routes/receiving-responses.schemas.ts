import { Type } from 'typebox';

/** What the receiving routes answer on success (documented: see response-shapes.ts). */
export const MoveTasksOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      kind: Type.String(),
      status: Type.String(),
      warehouseId: Type.Number(),
      skuId: Type.Number(),
      skuCode: Type.String(),
      lotId: Type.Number(),
      lotCode: Type.Union([Type.Null(), Type.String()]),
      quantity: Type.Number(),
      fromLocationId: Type.Number(),
      fromLocationCode: Type.String(),
      suggestedLocationId: Type.Union([Type.Null(), Type.Number()]),
      suggestedLocationCode: Type.Union([Type.Null(), Type.String()]),
      toLocationId: Type.Union([Type.Null(), Type.Number()]),
      receiptId: Type.Union([Type.Null(), Type.Number()]),
      reason: Type.Union([Type.Null(), Type.String()]),
      createdAt: Type.String(),
      completedAt: Type.Union([Type.Null(), Type.String()]),
      completedBy: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
});

export const WarehousePickFaceReplenishmentOut = Type.Object({
  warehouseId: Type.Number(),
  facesBelowMin: Type.Number(),
  taskIds: Type.Array(Type.Number()),
});

export const PickFacesOut = Type.Object({
  items: Type.Array(
    Type.Object({
      locationId: Type.Number(),
      skuId: Type.Number(),
      minQuantity: Type.Number(),
      maxQuantity: Type.Number(),
    }),
  ),
});

export const PickFacePutOut = Type.Object({
  skuId: Type.Number(),
  minQuantity: Type.Number(),
  maxQuantity: Type.Number(),
  locationId: Type.Number(),
});

export const PickFaceDeleteOut = Type.Object({
  locationId: Type.Number(),
  deleted: Type.Boolean(),
});
