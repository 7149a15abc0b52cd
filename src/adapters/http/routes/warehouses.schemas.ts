import { Type } from 'typebox';
import { LOCATION_TYPES } from '../../../core/inventory/location-types.js';
import { PageQuery } from '../pagination.js';

/**
 * Nullable integer as a JSON Schema type list, not a union: with Ajv's type coercion a
 * union would quietly turn `0` into `null` (an unlimited bin) before the domain could refuse it.
 */
const NullableInteger = (description: string) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], description });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const LocationTypeSchema = Type.Union(LOCATION_TYPES.map((t) => Type.Literal(t)));

/** `:id` path parameter. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Address = {
  line1: Text(200),
  city: Text(100),
  postalCode: Text(20),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. US' }),
};

/** A warehouse in responses. */
export const WarehouseOut = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  address: Type.Object({ ...Address, line2: NullableString, region: NullableString }),
  createdAt: Type.String(),
});

/** POST /warehouses body. */
export const WarehouseIn = Type.Object(
  {
    code: Type.String({
      minLength: 2,
      maxLength: 12,
      description: 'Short code printed on labels, e.g. CHI1',
    }),
    name: Text(200),
    timeZone: Type.String({ maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' }),
    address: Type.Object(
      {
        ...Address,
        line2: Type.Optional(Type.String({ maxLength: 200 })),
        region: Type.Optional(Type.String({ maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A location in responses. */
export const LocationOut = Type.Object({
  id: Type.Integer(),
  warehouseId: Type.Integer(),
  code: Type.String(),
  barcode: NullableString,
  type: Type.String(),
  virtual: Type.Boolean(),
  zone: NullableString,
  aisle: NullableString,
  bay: NullableString,
  level: NullableString,
  bin: NullableString,
  pickSequence: Type.Integer(),
  capacityUnits: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

const Part = Type.Optional(Type.String({ maxLength: 8 }));

/** POST /warehouses/:id/locations body: one real location. */
export const LocationIn = Type.Object(
  {
    code: Type.Optional(
      Type.String({ maxLength: 40, description: 'Default: the hierarchy joined by dashes' }),
    ),
    barcode: Type.Optional(
      Type.String({ maxLength: 64, description: 'Default: <warehouse code>-<code>' }),
    ),
    type: LocationTypeSchema,
    zone: Part,
    aisle: Part,
    bay: Part,
    level: Part,
    bin: Part,
    pickSequence: Type.Optional(
      Type.Integer({ description: 'Default: the end of the current pick walk' }),
    ),
    capacityUnits: Type.Optional(
      NullableInteger('Capacity in base units; null or absent for not limited'),
    ),
  },
  { additionalProperties: false },
);

/** POST /warehouses/:id/layout body: a grid of bins. */
export const LayoutIn = Type.Object(
  {
    zone: Type.String({ maxLength: 8 }),
    aisles: Type.Integer({ minimum: 1, maximum: 99 }),
    bays: Type.Integer({ minimum: 1, maximum: 99 }),
    levels: Type.Integer({ minimum: 1, maximum: 26 }),
    binsPerLevel: Type.Integer({ minimum: 1, maximum: 99 }),
    type: Type.Union([Type.Literal('storage'), Type.Literal('pick_face')]),
    capacityUnits: Type.Optional(NullableInteger('Capacity of each bin in base units')),
    firstAisle: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'Default 1' })),
    pickSequenceStart: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Default: the end of the current pick walk' }),
    ),
  },
  { additionalProperties: false },
);

const Stop = Type.Object({ code: Type.String(), pickSequence: Type.Integer() });

/** What a layout made. */
export const LayoutOut = Type.Object({
  warehouseId: Type.Integer(),
  created: Type.Integer(),
  first: Stop,
  last: Stop,
});

/** PATCH /locations/:id body. */
export const LocationPatch = Type.Object(
  {
    pickSequence: Type.Optional(Type.Integer({ minimum: 0 })),
    capacityUnits: Type.Optional(
      NullableInteger('New capacity in base units; null for not limited'),
    ),
    active: Type.Optional(Type.Boolean()),
    type: Type.Optional(LocationTypeSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** GET /warehouses/:id/locations query. */
export const LocationQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(LocationTypeSchema),
    zone: Part,
    aisle: Part,
    active: Type.Optional(Type.Boolean()),
    code: Type.Optional(Type.String({ maxLength: 40, description: 'Part of the code, e.g. A-03' })),
  },
  { additionalProperties: false },
);

/** GET /warehouses query. */
export const WarehouseQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
