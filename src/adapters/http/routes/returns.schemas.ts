import { Type } from 'typebox';
import {
  DISPOSITIONS,
  RETURN_REASONS,
  RETURN_STATUSES,
} from '../../../core/fulfillment/return-rules.js';
import { MAX_MOVEMENT_QUANTITY } from '../../../core/inventory/movement.js';
import { PageQuery } from '../pagination.js';

const Id = Type.Integer({ minimum: 1 });
const Units = (minimum: number) =>
  Type.Integer({ minimum, maximum: MAX_MOVEMENT_QUANTITY, description: 'Base units (eaches)' });

export const ReturnParams = Type.Object({ id: Id });

export const ReturnIn = Type.Object(
  {
    orderId: Id,
    reason: Type.Union(RETURN_REASONS.map((r) => Type.Literal(r))),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
    lines: Type.Array(
      Type.Object({ orderLineId: Id, quantity: Units(1) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const ReceiveIn = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          returnLineId: Id,
          quantity: Units(0),
          lotCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const DisposeIn = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          returnLineId: Id,
          disposition: Type.Union(DISPOSITIONS.map((d) => Type.Literal(d))),
          locationId: Type.Optional({
            ...Id,
            description:
              'Restock: the storage or pick-face bin (required). Quarantine/damaged: a location of that type (optional).',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const CancelIn = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const ReturnQuery = Type.Object(
  {
    orderId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    status: Type.Optional(Type.Union(RETURN_STATUSES.map((s) => Type.Literal(s)))),
    reason: Type.Optional(Type.Union(RETURN_REASONS.map((r) => Type.Literal(r)))),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AccuracyQuery = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day (UTC), inclusive' }),
    to: Type.String({ format: 'date', description: 'Last day (UTC), exclusive' }),
  },
  { additionalProperties: false },
);

export const ReturnSummaryOut = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  rmaNumber: Type.Optional(Type.String()),
  orderId: Type.Optional(Type.Integer()),
  creditMinor: Type.Optional(Type.Integer()),
});
