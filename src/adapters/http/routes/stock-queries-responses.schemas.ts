import { Type } from 'typebox';

/** What the stock-queries routes answer on success (documented: see response-shapes.ts). */
export const StockReconciliationOut = Type.Object({
  ok: Type.Boolean(),
  movements: Type.Number(),
  balances: Type.Number(),
  skus: Type.Number(),
  differences: Type.Array(
    Type.Object({
      kind: Type.String(),
      skuId: Type.Number(),
      locationId: Type.Optional(Type.Number()),
      lotId: Type.Optional(Type.Number()),
      expected: Type.Optional(Type.Number()),
      actual: Type.Optional(Type.Number()),
      message: Type.String(),
    }),
  ),
});
