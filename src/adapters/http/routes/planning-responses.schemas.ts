import { Type } from 'typebox';

/** What the planning routes answer on success (documented: see response-shapes.ts). */
export const PlanningDemandOut = Type.Object({
  skuId: Type.Number(),
  warehouseId: Type.Union([Type.Null(), Type.Number()]),
  period: Type.Union([Type.Literal('day'), Type.Literal('week')]),
  from: Type.String(),
  to: Type.String(),
  points: Type.Array(
    Type.Object({
      start: Type.String(),
      label: Type.String(),
      orderedQuantity: Type.Number(),
      shippedQuantity: Type.Number(),
      orderLines: Type.Number(),
      censoredDays: Type.Number(),
      censored: Type.Boolean(),
    }),
  ),
});

export const PlanningRunOut = Type.Object({
  id: Type.Number(),
  status: Type.String(),
  trigger: Type.String(),
  warehouseId: Type.Union([Type.Null(), Type.Number()]),
  progressDone: Type.Number(),
  progressTotal: Type.Number(),
  suggestions: Type.Number(),
  error: Type.Union([Type.Null(), Type.String()]),
  startedBy: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.Null(), Type.String()]),
});

export const PlanningSuggestionsOut = Type.Object({
  groups: Type.Array(
    Type.Object({
      supplierId: Type.Number(),
      supplierCode: Type.String(),
      supplierName: Type.String(),
      warehouseId: Type.Number(),
      currency: Type.String(),
      minOrderValueMinor: Type.Number(),
      minOrderQuantity: Type.Number(),
      totalQuantity: Type.Number(),
      totalValueMinor: Type.Number(),
      meetsMinimums: Type.Boolean(),
      items: Type.Array(
        Type.Object({
          id: Type.Number(),
          runId: Type.Number(),
          skuId: Type.Number(),
          skuCode: Type.String(),
          skuName: Type.String(),
          quantity: Type.Number(),
          neededQuantity: Type.Number(),
          available: Type.Number(),
          onOrder: Type.Number(),
          backordered: Type.Number(),
          safetyStock: Type.Number(),
          reorderPoint: Type.Number(),
          orderUpTo: Type.Number(),
          unitCostMinor: Type.Number(),
          daysOfSupply: Type.Union([Type.Null(), Type.Number()]),
          stockoutDate: Type.Union([Type.Null(), Type.String()]),
          reason: Type.String(),
          status: Type.String(),
          purchaseOrderId: Type.Union([Type.Null(), Type.Number()]),
          createdAt: Type.String(),
        }),
      ),
    }),
  ),
});

export const PlanningSuggestionsApproveOut = Type.Object({
  purchaseOrders: Type.Array(
    Type.Object({
      id: Type.Number(),
      number: Type.String(),
      supplierId: Type.Number(),
      warehouseId: Type.Number(),
      suggestionIds: Type.Array(Type.Number()),
    }),
  ),
});

export const PlanningSuggestionDismissOut = Type.Object({
  id: Type.Number(),
  status: Type.String(),
});

export const PlanningSkuWarehousePutOut = Type.Object({
  preferredSupplierId: Type.Union([Type.Null(), Type.Number()]),
  abcClass: Type.Union([Type.Null(), Type.String()]),
  abcPinned: Type.Boolean(),
  serviceLevel: Type.Union([Type.Null(), Type.Number()]),
  reviewDays: Type.Number(),
  useEoq: Type.Boolean(),
});

/** A run started in the background: poll GET /planning/runs/{id}. */
export const PlanningRunStartedOut = Type.Object({
  id: Type.Number(),
  status: Type.Literal('running'),
});

/** A SKU's planning view: weekly history, forecast with interval, policy levels. */
export const PlanningSkuOut = Type.Object({}, { additionalProperties: true });
