import { Type } from 'typebox';
import { PRICE_LEVELS } from '../../../core/pricing/price-resolver.js';

const Id = Type.Integer({ minimum: 1 });
const PackLevel = Type.Union(PRICE_LEVELS.map((l) => Type.Literal(l)));
const Money = Type.Integer({ minimum: 0, description: 'Minor units (cents)' });

export const OrderLineIn = Type.Object(
  {
    skuId: Id,
    packLevel: PackLevel,
    packQuantity: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: 'Number of packs of that level',
    }),
    unitPriceMinor: Type.Optional({
      ...Money,
      description: 'Hand-set price per pack; only admin, manager and sales may send one',
    }),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const OrderIn = Type.Object(
  {
    customerId: Type.Optional(Id),
    customerPo: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    shipToId: Type.Optional(Id),
    requestedShipDate: Type.Optional(Type.String({ format: 'date' })),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
    draft: Type.Optional(Type.Boolean()),
    lines: Type.Array(OrderLineIn, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);

export const OrderEditIn = Type.Object(
  {
    add: Type.Optional(Type.Array(OrderLineIn, { maxItems: 500 })),
    change: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineId: Id,
            packLevel: PackLevel,
            packQuantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
            unitPriceMinor: Type.Optional(Money),
            notes: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    remove: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const ReasonIn = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const AllocationOutcomeOut = Type.Object({
  status: Type.String(),
  allocated: Type.Integer(),
  backordered: Type.Integer(),
  cancelled: Type.Integer(),
});

export const OrderSummaryOut = Type.Object({
  id: Type.Integer(),
  orderNumber: Type.Optional(Type.String()),
  status: Type.String(),
  holdReason: Type.Optional({ type: ['string', 'null'] }),
  totalMinor: Type.Optional(Type.Integer()),
  currency: Type.Optional(Type.String()),
  allocation: Type.Optional(Type.Union([AllocationOutcomeOut, Type.Null()])),
  released: Type.Optional(Type.Integer()),
});
