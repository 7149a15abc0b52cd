import { Type } from 'typebox';

const Id = Type.Integer({ minimum: 1 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const DemandQuery = Type.Object({
  skuId: Id,
  warehouseId: Type.Optional(Id),
  period: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')])),
  from: IsoDate,
  to: IsoDate,
});

export const RunIn = Type.Object(
  {
    warehouseId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Plan one warehouse only (default: all)' }),
    ),
  },
  { additionalProperties: false },
);

export const RunStarted = Type.Object({ id: Type.Integer(), status: Type.String() });

export const RunParams = Type.Object({ id: Id });

export const SuggestionQuery = Type.Object({
  warehouseId: Type.Optional(Id),
  supplierId: Type.Optional(Id),
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('approved'), Type.Literal('dismissed')]),
  ),
});

export const ApproveIn = Type.Object(
  {
    suggestionIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    quantities: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.Integer({ minimum: 1 }), {
        description: 'Planner quantities (base units) by suggestion id, e.g. {"17": 48}',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SuggestionParams = Type.Object({ id: Id });

export const SkuPlanningParams = Type.Object({ skuId: Id });
export const SkuPlanningQuery = Type.Object({ warehouseId: Id });
export const SkuWarehouseParams = Type.Object({ skuId: Id, warehouseId: Id });

export const SkuPlanningIn = Type.Object(
  {
    serviceLevel: Type.Optional(
      Type.Unsafe<number | null>({
        type: ['number', 'null'],
        exclusiveMinimum: 0,
        exclusiveMaximum: 1,
        description: 'Target cycle service level; null: the ABC class default',
      }),
    ),
    pinnedAbcClass: Type.Optional(
      Type.Unsafe<'A' | 'B' | 'C' | null>({
        type: ['string', 'null'],
        enum: ['A', 'B', 'C', null],
        description: 'Pins the ABC class; null lets the run classify again',
      }),
    ),
    preferredSupplierId: Type.Optional(
      Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 }),
    ),
    useEoq: Type.Optional(Type.Boolean()),
    reviewDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);
