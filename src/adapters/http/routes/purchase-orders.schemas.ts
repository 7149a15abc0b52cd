import { Type } from 'typebox';
import { MAX_PO_LINES } from '../../../core/purchasing/po-lines.js';
import { PO_STATUSES } from '../../../core/purchasing/po-status.js';
import { PageQuery } from '../pagination.js';

/* Purchase order JSON shapes; quantities in base units, costs in minor units. */

const Id = Type.Integer({ minimum: 1 });
const Day = (description: string) => Type.String({ format: 'date', description });

export const PoParams = Type.Object({ id: Id });

const LineIn = Type.Object(
  {
    skuId: Id,
    quantity: Type.Integer({ minimum: 1, description: 'Base units' }),
    unitCostMinor: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Defaults to the supplier’s cost for the SKU' }),
    ),
    expectedDate: Type.Optional(Day('When this line is due, if not with the PO')),
  },
  { additionalProperties: false },
);
const Lines = Type.Array(LineIn, { minItems: 1, maxItems: MAX_PO_LINES });

export const PoIn = Type.Object(
  {
    supplierId: Id,
    warehouseId: Id,
    expectedDate: Type.Optional(Day('Defaults to today + the supplier’s lead time')),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
    lines: Lines,
  },
  { additionalProperties: false },
);

export const PoPatch = Type.Object(
  {
    expectedDate: Type.Optional(
      Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date' }),
    ),
    notes: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 2000 })),
    lines: Type.Optional(Lines),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CancelPoIn = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const PoSummaryOut = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  status: Type.String(),
});

export const PoQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(PO_STATUSES.map((s) => Type.Literal(s)))),
    supplierId: Type.Optional(Id),
    warehouseId: Type.Optional(Id),
    skuId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AvailabilityQuery = Type.Object(
  {
    warehouseId: Id,
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 60 })),
  },
  { additionalProperties: false },
);

const Point = Type.Object({ date: Type.String(), incoming: Type.Integer(), atp: Type.Integer() });
export const AvailabilityOut = Type.Object({
  skuId: Type.Integer(),
  warehouseId: Type.Integer(),
  today: Type.String(),
  days: Type.Integer(),
  onHand: Type.Integer(),
  allocated: Type.Integer(),
  available: Type.Integer(),
  incoming: Type.Array(
    Type.Object({
      date: Type.Union([Type.String(), Type.Null()]),
      quantity: Type.Integer(),
      purchaseOrders: Type.Array(Type.String()),
    }),
  ),
  backordered: Type.Integer(),
  atp: Type.Array(Point),
});
