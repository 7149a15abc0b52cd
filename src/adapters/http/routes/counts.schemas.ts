import { Type } from 'typebox';
import { ABC_CLASSES, PLAN_BASES } from '../../../core/counts/count-plan.rules.js';
import { COUNT_REASONS, COUNT_STATUSES } from '../../../core/counts/count-status.js';
import { MAX_MOVEMENT_QUANTITY } from '../../../core/inventory/movement.js';
import { PageQuery } from '../pagination.js';

const Id = Type.Integer({ minimum: 1 });
const Day = (description: string) => Type.String({ format: 'date', description });
const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
const NullableText = (maxLength: number) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], minLength: 1, maxLength });

export const IdParams = Type.Object({ id: Id });

const planFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  basis: literals(PLAN_BASES),
  abcClass: Type.Optional(
    Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...ABC_CLASSES, null] }),
  ),
  zone: Type.Optional(NullableText(40)),
  frequencyDays: Type.Integer({
    minimum: 1,
    maximum: 3660,
    description: 'Count each location once per this many days',
  }),
  recountThresholdPct: Type.Optional(
    Type.Number({ minimum: 0, maximum: 100, description: 'Percent of the system quantity' }),
  ),
  recountThresholdUnits: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_MOVEMENT_QUANTITY }),
  ),
  active: Type.Optional(Type.Boolean()),
};

export const CountPlanIn = Type.Object(
  { warehouseId: Id, ...planFields },
  { additionalProperties: false },
);

export const CountPlanPatch = Type.Object(
  {
    name: Type.Optional(planFields.name),
    basis: Type.Optional(planFields.basis),
    abcClass: planFields.abcClass,
    zone: planFields.zone,
    frequencyDays: Type.Optional(planFields.frequencyDays),
    recountThresholdPct: planFields.recountThresholdPct,
    recountThresholdUnits: planFields.recountThresholdUnits,
    active: planFields.active,
  },
  { additionalProperties: false },
);

export const CountPlanQuery = Type.Object(
  { warehouseId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const CountTaskQuery = Type.Object(
  {
    warehouseId: Type.Optional(Id),
    status: Type.Optional(literals(COUNT_STATUSES)),
    reason: Type.Optional(literals(COUNT_REASONS)),
    dueBy: Type.Optional(Day('Tasks due on or before this day')),
    locationId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CountTaskDetailQuery = Type.Object(
  {
    expected: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'List the SKUs and lots the bin should hold (never quantities)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AdhocCountIn = Type.Object(
  {
    locationId: Id,
    skuId: Type.Optional(Id),
    dueDate: Type.Optional(Day('When it should be counted (today when left out)')),
  },
  { additionalProperties: false },
);

export const CountSubmissionIn = Type.Object(
  {
    locationScan: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    lines: Type.Array(
      Type.Object(
        {
          scan: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 200,
              description: 'GTIN or GS1-128 / DataMatrix as scanned',
            }),
          ),
          skuId: Type.Optional(Id),
          lotCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          expiryDate: Type.Optional(Day('Expiry of a lot the system does not know yet')),
          quantity: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: MAX_MOVEMENT_QUANTITY,
              description:
                'Keyed lines: eaches. Scanned lines: packs of the scanned level (default 1).',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
