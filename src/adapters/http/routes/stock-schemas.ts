import { Type } from 'typebox';
import { ADJUSTMENT_REASONS, STOCK_STATUSES } from '../../../core/inventory/movement.js';

const Id = Type.Integer({ minimum: 1 });
const Quantity = Type.Integer({ minimum: 1, description: 'Base units (each)' });
const LotCode = Type.String({ minLength: 1, maxLength: 60 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ReceiptBody = Type.Object(
  {
    skuId: Id,
    toLocationId: Id,
    quantity: Quantity,
    lotCode: Type.Optional(LotCode),
    expiryDate: Type.Optional(IsoDate),
    reference: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const AdjustmentBody = Type.Object(
  {
    skuId: Id,
    locationId: Id,
    delta: Type.Integer({ description: 'Signed change in base units; not 0' }),
    reasonCode: Literals(ADJUSTMENT_REASONS),
    lotCode: Type.Optional(LotCode),
    expiryDate: Type.Optional(IsoDate),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const MoveBody = Type.Object(
  {
    skuId: Id,
    fromLocationId: Id,
    toLocationId: Id,
    quantity: Quantity,
    lotCode: Type.Optional(LotCode),
    reference: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const StatusChangeBody = Type.Object(
  {
    skuId: Id,
    fromLocationId: Id,
    quantity: Quantity,
    status: Literals(STOCK_STATUSES),
    toLocationId: Type.Optional(Id),
    lotCode: Type.Optional(LotCode),
    reasonCode: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    skuId: Id,
    fromLocationId: Id,
    toWarehouseId: Id,
    quantity: Quantity,
    lotCode: Type.Optional(LotCode),
  },
  { additionalProperties: false },
);

export const TransferReceiveBody = Type.Object(
  { toLocationId: Id },
  { additionalProperties: false },
);

export const MovementResult = Type.Object(
  { movementIds: Type.Array(Type.Integer()) },
  { additionalProperties: true },
);

const Nullable = <T extends ReturnType<typeof Type.Integer> | ReturnType<typeof Type.String>>(
  t: T,
) => Type.Union([t, Type.Null()]);

export const StockRowOut = Type.Object({
  skuId: Type.Integer(),
  skuCode: Type.String(),
  warehouseId: Nullable(Type.Integer()),
  locationId: Nullable(Type.Integer()),
  locationCode: Nullable(Type.String()),
  lotId: Nullable(Type.Integer()),
  lotCode: Nullable(Type.String()),
  expiryDate: Nullable(Type.String()),
  onHand: Type.Integer(),
  allocated: Type.Integer(),
  available: Type.Integer(),
  expired: Type.Integer({
    description: 'On hand in sellable bins, in lots past expiry (not yet moved to quarantine)',
  }),
  quarantined: Type.Integer(),
  damaged: Type.Integer(),
  inTransit: Type.Integer(),
});

export const MovementOut = Type.Object({
  id: Type.Integer(),
  skuId: Type.Integer(),
  skuCode: Type.String(),
  lotId: Type.Integer(),
  lotCode: Nullable(Type.String()),
  fromLocationId: Type.Integer(),
  fromLocationCode: Type.String(),
  toLocationId: Type.Integer(),
  toLocationCode: Type.String(),
  quantity: Type.Integer(),
  type: Type.String(),
  reasonCode: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  actor: Type.String(),
  createdAt: Type.String(),
});

export const LotOut = Type.Object({
  id: Type.Integer(),
  skuId: Type.Integer(),
  code: Type.String(),
  expiryDate: Nullable(Type.String()),
});
