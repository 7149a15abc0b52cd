import { Type } from 'typebox';

/** What the suppliers routes answer on success (documented: see response-shapes.ts). */
export const SupplierSkusOut = Type.Object({
  items: Type.Array(
    Type.Object({
      supplierSku: Type.Union([Type.Null(), Type.String()]),
      costMinor: Type.Number(),
      minOrderQuantity: Type.Number(),
      orderMultiple: Type.Number(),
      leadTimeDays: Type.Union([Type.Null(), Type.Number()]),
      updatedAt: Type.String(),
      skuCode: Type.Optional(Type.String()),
      id: Type.Number(),
      supplierId: Type.Number(),
      skuId: Type.Number(),
    }),
  ),
});

export const SupplierSkuDeleteOut = Type.Object({
  supplierId: Type.Number(),
  skuId: Type.Number(),
  removed: Type.Boolean(),
});

export const SkuPreferredSupplierPutOut = Type.Object({
  skuId: Type.Number(),
  warehouseId: Type.Number(),
  supplierId: Type.Union([Type.Null(), Type.Number()]),
});
