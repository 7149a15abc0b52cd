import { Type } from 'typebox';
import { PICK_MODES } from '../../../core/fulfillment/wave-policy.js';

const Id = Type.Integer({ minimum: 1 });

export const IdParams = Type.Object({ id: Id });

export const WaveIn = Type.Object(
  {
    warehouseId: Id,
    pickMode: Type.Union(PICK_MODES.map((m) => Type.Literal(m))),
    maxOrders: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    maxLines: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    orderIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100_000 })),
  },
  { additionalProperties: false },
);

const Scan = Type.String({ minLength: 1, maxLength: 200 });

export const PickConfirmIn = Type.Object(
  {
    locationScan: Scan,
    itemScan: Scan,
    quantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description:
          'How many of what was scanned (cases for a case barcode); default the (37) count, else 1',
      }),
    ),
    tote: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const ShortPickIn = Type.Object(
  {
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Eaches not found' }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
