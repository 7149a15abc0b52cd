import { Type } from 'typebox';
import { TRACKING_STATUSES } from '../../../core/fulfillment/tracking-status.js';

const Id = Type.Integer({ minimum: 1 });
const Grams = Type.Integer({ minimum: 1, maximum: 10_000_000 });
const Mm = Type.Integer({ minimum: 1, maximum: 100_000 });

export const IdParams = Type.Object({ id: Id });

export const CartonTypeIn = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    lengthMm: Mm,
    widthMm: Mm,
    heightMm: Mm,
    maxWeightG: Grams,
    tareWeightG: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const CartonTypePatch = Type.Partial(CartonTypeIn, { additionalProperties: false });

export const OpenCartonIn = Type.Object(
  { cartonTypeId: Type.Optional(Id), warehouseId: Type.Optional(Id) },
  { additionalProperties: false },
);

/**
 * What went into the carton: a raw `scan` (GTIN, case GTIN, GS1-128 with lot and count)
 * taken `quantity` times, or a `skuId` keyed in with its lot and a `quantity` of eaches.
 */
export const PackItemIn = Type.Object(
  {
    scan: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    skuId: Type.Optional(Id),
    lotId: Type.Optional(Type.Integer({ minimum: 0 })),
    lotCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const ShipIn = Type.Object(
  {
    cartonIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500 })),
    warehouseId: Type.Optional(Id),
    carrierCode: Type.String({ minLength: 1, maxLength: 40 }),
    service: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

/** Pack and ship in one: what was picked goes into one new carton (of `cartonTypeId`, if given). */
export const PackAndShipIn = Type.Object(
  {
    warehouseId: Type.Optional(Id),
    cartonTypeId: Type.Optional(Id),
    carrierCode: Type.String({ minLength: 1, maxLength: 40 }),
    service: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const DeliveryIn = Type.Object(
  {
    deliveredAt: Type.String({ format: 'date-time' }),
    podName: Type.Optional(Type.String({ maxLength: 200 })),
    podNote: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** A carton's parcel number: keyed (`trackingNumber`) or the carrier label scanned (`scan`). */
export const CartonTrackingIn = Type.Object(
  {
    trackingNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    scan: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    carrier: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }),
    ),
    replace: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Carrier scans of one parcel, from a carrier or an integration that follows its tracking. */
export const TrackingEventsIn = Type.Object(
  {
    trackingNumber: Type.String({ minLength: 1, maxLength: 40 }),
    events: Type.Array(
      Type.Object(
        {
          status: Type.Union(TRACKING_STATUSES.map((s) => Type.Literal(s))),
          occurredAt: Type.String({ format: 'date-time' }),
          detail: Type.Optional(Type.String({ maxLength: 500 })),
          location: Type.Optional(Type.String({ maxLength: 200 })),
          signedBy: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
