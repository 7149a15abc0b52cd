import { Type } from 'typebox';
import { PACK_LEVELS } from '../../../core/catalog/sku.rules.js';

/*
 * The catalog's JSON shapes. Bodies check types and sizes only; the domain rules (check
 * digits, pack nesting, shelf life for lot-tracked goods) answer with their own codes (422).
 */

const Level = Type.Union([Type.Literal('inner'), Type.Literal('case'), Type.Literal('pallet')], {
  description: `Pack level: ${PACK_LEVELS.join(', ')}`,
});
/*
 * Nullable fields are one schema with a type list, not a union: with the server's type
 * coercion a union would turn null into "" or 0 (or 0 into null) before the rules see it.
 */
const NullableInt = Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const OptionalInt = () => Type.Optional(NullableInt);
const NullableString = (options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
const GtinIn = NullableString({ maxLength: 20, description: 'GTIN-8, -12, -13 or -14' });

const measuresIn = {
  weightG: OptionalInt(),
  lengthMm: OptionalInt(),
  widthMm: OptionalInt(),
  heightMm: OptionalInt(),
};

const measuresOut = {
  weightG: NullableInt,
  lengthMm: NullableInt,
  widthMm: NullableInt,
  heightMm: NullableInt,
};

export const PackIn = Type.Object(
  {
    level: Level,
    quantity: Type.Integer({ description: 'Eaches in one pack of this level' }),
    gtin: Type.Optional(GtinIn),
    ...measuresIn,
  },
  { additionalProperties: false },
);

const changeable = {
  name: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  ...measuresIn,
  shelfLifeDays: OptionalInt(),
  standardCostMinor: Type.Optional(Type.Integer({ description: 'Integer minor units' })),
  currency: Type.Optional(Type.String({ maxLength: 3, description: 'ISO 4217, e.g. USD' })),
  active: Type.Optional(Type.Boolean()),
  packs: Type.Optional(Type.Array(PackIn, { maxItems: 3 })),
};

export const SkuCreateIn = Type.Object(
  {
    ...changeable,
    code: Type.String({ maxLength: 40 }),
    name: Type.String({ maxLength: 200 }),
    category: Type.String({ maxLength: 100 }),
    gtin: Type.Optional(GtinIn),
    lotTracked: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SkuPatchIn = Type.Object(changeable, { additionalProperties: false });

export const PackOut = Type.Object({
  level: Level,
  quantity: Type.Integer(),
  gtin: NullableString(),
  ...measuresOut,
});

export const SkuOut = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  gtin: NullableString({ description: '14 digits' }),
  baseUnit: Type.String(),
  ...measuresOut,
  lotTracked: Type.Boolean(),
  shelfLifeDays: NullableInt,
  standardCostMinor: Type.Integer(),
  currency: Type.String(),
  active: Type.Boolean(),
  packs: Type.Array(PackOut),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const GtinMatchOut = Type.Object({
  gtin: Type.String(),
  level: Type.Union([Type.Literal('each'), Level]),
  quantity: Type.Integer({ description: 'Eaches one scan of this GTIN counts' }),
  sku: SkuOut,
});
