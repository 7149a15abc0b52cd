import { Type } from 'typebox';

/** A counted line; the figures on the books and the variance only for sighted roles. */
const CountLineOut = Type.Object({
  skuId: Type.Number(),
  skuCode: Type.String(),
  lotCode: Type.Union([Type.Null(), Type.String()]),
  countedQuantity: Type.Number(),
  systemQuantity: Type.Optional(Type.Number()),
  unitCostMinor: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
  movementId: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
  countedAt: Type.Optional(Type.Union([Type.Null(), Type.String()])),
  variance: Type.Optional(Type.Number()),
  varianceValueMinor: Type.Optional(Type.Number()),
});

/** What the counts routes answer on success (documented: see response-shapes.ts). */
export const CountPlansOut = Type.Object({
  id: Type.Number(),
  warehouseId: Type.Number(),
  name: Type.String(),
  basis: Type.String(),
  abcClass: Type.Union([Type.Null(), Type.String()]),
  zone: Type.Union([Type.Null(), Type.String()]),
  frequencyDays: Type.Number(),
  recountThresholdPct: Type.Number(),
  recountThresholdUnits: Type.Number(),
  active: Type.Boolean(),
  lastGeneratedOn: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
});

export const CountPlans2Out = Type.Object({ items: Type.Array(CountPlansOut) });

export const CountPlanOut = CountPlansOut;

export const CountPlanPatchOut = CountPlansOut;

export const CountPlanDeleteOut = CountPlansOut;

export const CountPlanGenerateOut = Type.Object({
  planId: Type.Number(),
  inScope: Type.Number(),
  quota: Type.Number(),
  taskIds: Type.Array(Type.Number()),
  skipped: Type.Optional(
    Type.Union([
      Type.Literal('already_generated'),
      Type.Literal('inactive'),
      Type.Literal('not_found'),
    ]),
  ),
});

export const CountTasksOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Number(),
      status: Type.String(),
      reason: Type.String(),
      reference: Type.Union([Type.Null(), Type.String()]),
      locationId: Type.Number(),
      locationCode: Type.String(),
      warehouseId: Type.Number(),
      skuId: Type.Union([Type.Null(), Type.Number()]),
      planId: Type.Union([Type.Null(), Type.Number()]),
      recountOfId: Type.Union([Type.Null(), Type.Number()]),
      dueDate: Type.Union([Type.Null(), Type.String()]),
      createdAt: Type.String(),
      startedAt: Type.Union([Type.Null(), Type.String()]),
      countedBy: Type.Union([Type.Null(), Type.String()]),
      completedAt: Type.Union([Type.Null(), Type.String()]),
      approvedBy: Type.Union([Type.Null(), Type.String()]),
      approvedAt: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
});

export const CountTasks2Out = Type.Object({
  id: Type.Number(),
  status: Type.Literal('open'),
  locationId: Type.Number(),
});

export const CountTaskOut = Type.Object({
  lines: Type.Array(CountLineOut),
  expectedItems: Type.Optional(
    Type.Array(
      Type.Object({
        lotCode: Type.Union([Type.Null(), Type.String()]),
        gtin: Type.Union([Type.Null(), Type.String()]),
        skuId: Type.Number(),
        skuCode: Type.String(),
        skuName: Type.String(),
      }),
    ),
  ),
  blind: Type.Boolean(),
  id: Type.Number(),
  status: Type.String(),
  reason: Type.String(),
  reference: Type.Union([Type.Null(), Type.String()]),
  locationId: Type.Number(),
  locationCode: Type.String(),
  warehouseId: Type.Number(),
  skuId: Type.Union([Type.Null(), Type.Number()]),
  planId: Type.Union([Type.Null(), Type.Number()]),
  recountOfId: Type.Union([Type.Null(), Type.Number()]),
  dueDate: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.Null(), Type.String()]),
  countedBy: Type.Union([Type.Null(), Type.String()]),
  completedAt: Type.Union([Type.Null(), Type.String()]),
  approvedBy: Type.Union([Type.Null(), Type.String()]),
  approvedAt: Type.Union([Type.Null(), Type.String()]),
  locationBarcode: Type.Union([Type.Null(), Type.String()]),
});

export const CountTaskStartOut = Type.Object({
  id: Type.Number(),
  status: Type.String(),
  startedAt: Type.String(),
});

export const CountTaskSubmitOut = Type.Object({
  id: Type.Number(),
  status: Type.String(),
  linesCounted: Type.Number(),
  recountTaskId: Type.Union([Type.Null(), Type.Number()]),
});

export const CountTaskApproveOut = Type.Object({
  id: Type.Number(),
  status: Type.Literal('approved'),
  adjustments: Type.Array(
    Type.Object({
      skuId: Type.Number(),
      lotId: Type.Number(),
      variance: Type.Number(),
      movementId: Type.Number(),
    }),
  ),
  foundSkuIds: Type.Array(Type.Number()),
});

export const CountTaskRejectOut = Type.Object({
  id: Type.Number(),
  status: Type.Literal('recount'),
  recountTaskId: Type.Number(),
});

export const CountTaskCancelOut = Type.Object({
  id: Type.Number(),
  status: Type.Literal('cancelled'),
});
