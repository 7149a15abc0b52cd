import { Type } from 'typebox';

/** What the kpis routes answer on success (documented: see response-shapes.ts). */
export const KpisOut = Type.Object({
  query: Type.Object({
    from: Type.String(),
    to: Type.String(),
    period: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
    groupBy: Type.Union([
      Type.Literal('warehouse'),
      Type.Literal('customer'),
      Type.Literal('none'),
    ]),
    warehouseId: Type.Optional(Type.Number()),
    customerId: Type.Optional(Type.Number()),
  }),
  settings: Type.Object({
    deadStockDays: Type.Number(),
    expiringWithinDays: Type.Number(),
    countTolerancePct: Type.Number(),
    capitalPct: Type.Number(),
    storagePct: Type.Number(),
    insurancePct: Type.Number(),
    obsolescencePct: Type.Number(),
    carryingRatePct: Type.Number(),
  }),
  throughMovementId: Type.Number(),
  kpis: Type.Array(
    Type.Object({
      name: Type.String(),
      columns: Type.Array(Type.String()),
      rows: Type.Array(
        Type.Record(Type.String(), Type.Union([Type.Null(), Type.String(), Type.Number()])),
      ),
    }),
  ),
});

export const KpisSettingsOut = Type.Object({
  deadStockDays: Type.Number(),
  expiringWithinDays: Type.Number(),
  countTolerancePct: Type.Number(),
  capitalPct: Type.Number(),
  storagePct: Type.Number(),
  insurancePct: Type.Number(),
  obsolescencePct: Type.Number(),
});

export const KpisSettingsPutOut = KpisSettingsOut;

export const KpiOut = Type.Object({
  name: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Record(Type.String(), Type.Union([Type.Null(), Type.String(), Type.Number()])),
  ),
  query: Type.Object({
    from: Type.String(),
    to: Type.String(),
    period: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
    groupBy: Type.Union([
      Type.Literal('warehouse'),
      Type.Literal('customer'),
      Type.Literal('none'),
    ]),
    warehouseId: Type.Optional(Type.Number()),
    customerId: Type.Optional(Type.Number()),
  }),
  throughMovementId: Type.Number(),
});
