import { Type } from 'typebox';
import { MAX_MOVEMENT_QUANTITY } from '../../../core/inventory/movement.js';

const Id = Type.Integer({ minimum: 1 });
const Units = Type.Integer({
  minimum: 1,
  maximum: MAX_MOVEMENT_QUANTITY,
  description: 'Base units (eaches)',
});
const LotCode = Type.String({ minLength: 1, maxLength: 60 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** What a receiver scans or keys: a scan, or skuId + quantity; lot and expiry fill gaps. */
const itemFields = {
  scan: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'As the scanner typed it: GTIN-8/12/13/14, or GS1-128 with (01) (10) (17) (37)',
    }),
  ),
  packs: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'How many of the scanned pack; default the (37) count, else 1',
    }),
  ),
  skuId: Type.Optional(Id),
  quantity: Type.Optional(Units),
  lotCode: Type.Optional(LotCode),
  expiryDate: Type.Optional(IsoDate),
  damaged: Type.Optional(
    Type.Boolean({ description: 'Damaged on arrival: booked to DAMAGED, no put-away' }),
  ),
};

export const IdParams = Type.Object({ id: Id });
export const LocationParams = Type.Object({ locationId: Id });

export const PoReceiptIn = Type.Object(
  { ...itemFields, lineId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const UnplannedReceiptIn = Type.Object(
  { ...itemFields, warehouseId: Id },
  { additionalProperties: false },
);

export const ReceiptOut = Type.Object(
  {
    receiptId: Type.Integer(),
    movementIds: Type.Array(Type.Integer()),
    skuId: Type.Integer(),
    lotId: Type.Integer(),
    quantity: Type.Integer(),
    damaged: Type.Boolean(),
    locationId: Type.Integer(),
    putawayTaskIds: Type.Array(Type.Integer()),
  },
  { additionalProperties: true },
);

export const MoveTaskQuery = Type.Object(
  {
    warehouseId: Id,
    kind: Type.Optional(Type.Union([Type.Literal('putaway'), Type.Literal('replenish')])),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);

export const ConfirmIn = Type.Object(
  {
    scan: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The barcode of the bin the goods were put in',
    }),
  },
  { additionalProperties: false },
);

export const ConfirmOut = Type.Object(
  {
    taskId: Type.Integer(),
    kind: Type.String(),
    toLocationId: Type.Integer(),
    movementIds: Type.Array(Type.Integer()),
  },
  { additionalProperties: true },
);

export const PickFaceIn = Type.Object(
  {
    skuId: Id,
    minQuantity: Type.Integer({ minimum: 0, maximum: MAX_MOVEMENT_QUANTITY }),
    maxQuantity: Units,
  },
  { additionalProperties: false },
);

export const PickFaceQuery = Type.Object({ warehouseId: Id }, { additionalProperties: false });
