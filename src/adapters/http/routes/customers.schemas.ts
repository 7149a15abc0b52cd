import { Type } from 'typebox';
import { PageQuery } from '../pagination.js';

/**
 * Nullable values as JSON Schema type lists, not unions: with Ajv's type coercion a union
 * would quietly turn `null` into `0` or `""` (a zero credit limit instead of none).
 */
const NullableInteger = (description: string, minimum = 0) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum, description });
const NullableText = (maxLength: number, description?: string) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, description });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });
const NullableId = Type.Unsafe<number | null>({ type: ['integer', 'null'] });

/** `:id` path parameter. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** `:id/ship-tos/:shipToId` path parameters. */
export const ShipToParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  shipToId: Type.Integer({ minimum: 1 }),
});
/** `:id/sku-rules/:skuId` path parameters. */
export const SkuRuleParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  skuId: Type.Integer({ minimum: 1 }),
});

const AddressIn = Type.Object(
  {
    line1: Text(200),
    line2: Type.Optional(NullableText(200)),
    city: Text(100),
    region: Type.Optional(NullableText(100)),
    postalCode: Text(20),
    country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. US' }),
  },
  { additionalProperties: false },
);

const AddressOut = Type.Object({
  line1: Type.String(),
  line2: NullableString,
  city: Type.String(),
  region: NullableString,
  postalCode: Type.String(),
  country: Type.String(),
});

/** A ship-to in responses. */
export const ShipToOut = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  address: AddressOut,
  isDefault: Type.Boolean(),
});

/** POST /customers/:id/ship-tos body, and each of POST /customers' `shipTos`. */
export const ShipToIn = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20, description: 'Short code, e.g. STORE-12' }),
    name: Text(200),
    address: AddressIn,
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** PATCH /customers/:id/ship-tos/:shipToId body. */
export const ShipToPatch = Type.Object(
  {
    name: Type.Optional(Text(200)),
    address: Type.Optional(AddressIn),
    isDefault: Type.Optional(
      Type.Boolean({ description: 'true makes this the default; the default cannot be unset' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** The account fields that POST sets and PATCH may change. */
const CustomerFields = {
  name: Text(200),
  email: Type.Optional(NullableText(254)),
  phone: Type.Optional(NullableText(30)),
  billTo: AddressIn,
  priceListId: Type.Optional(NullableInteger('Price list; null for list prices', 1)),
  currency: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217, e.g. USD' }),
  paymentTermsDays: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 365, description: 'Default 30 (net 30)' }),
  ),
  creditLimitMinor: Type.Optional(NullableInteger('Credit limit in minor units; null for none')),
  priority: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 9, description: '1 is served first; default 5' }),
  ),
  preferredWarehouseId: Type.Optional(NullableInteger('Warehouse that ships first', 1)),
  shipComplete: Type.Optional(Type.Boolean({ description: 'Ship only complete orders' })),
  allowBackorders: Type.Optional(
    Type.Boolean({ description: 'false: shortfalls are cancelled, not backordered' }),
  ),
  minRemainingShelfLifeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  active: Type.Optional(Type.Boolean()),
};

/** POST /customers body. */
export const CustomerIn = Type.Object(
  {
    accountNumber: Type.String({ minLength: 3, maxLength: 20, description: 'e.g. C-10042' }),
    ...CustomerFields,
    shipTos: Type.Optional(
      Type.Array(ShipToIn, {
        maxItems: 200,
        description: 'Default: one ship-to MAIN at the bill-to address',
      }),
    ),
  },
  { additionalProperties: false },
);

/** PATCH /customers/:id body. */
export const CustomerPatch = Type.Object(
  {
    ...CustomerFields,
    name: Type.Optional(CustomerFields.name),
    billTo: Type.Optional(CustomerFields.billTo),
    currency: Type.Optional(CustomerFields.currency),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A customer in responses. */
export const CustomerOut = Type.Object({
  id: Type.Integer(),
  accountNumber: Type.String(),
  name: Type.String(),
  email: NullableString,
  phone: NullableString,
  billTo: AddressOut,
  priceListId: NullableId,
  currency: Type.String(),
  paymentTermsDays: Type.Integer(),
  creditLimitMinor: NullableId,
  onHold: Type.Boolean(),
  holdReason: NullableString,
  priority: Type.Integer(),
  preferredWarehouseId: NullableId,
  shipComplete: Type.Boolean(),
  allowBackorders: Type.Boolean(),
  minRemainingShelfLifeDays: Type.Integer(),
  active: Type.Boolean(),
  shipTos: Type.Array(ShipToOut),
  skuRules: Type.Array(
    Type.Object({ skuId: Type.Integer(), minRemainingShelfLifeDays: Type.Integer() }),
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** POST /customers/:id/hold body. */
export const HoldIn = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'e.g. 60 days overdue' }) },
  { additionalProperties: false },
);

/** GET /customers/:id/credit response. */
export const CreditOut = Type.Object({
  customerId: Type.Integer(),
  currency: Type.String(),
  openOrdersMinor: Type.Integer(),
  unpaidInvoicesMinor: Type.Integer(),
  exposureMinor: Type.Integer(),
  creditLimitMinor: NullableId,
  availableCreditMinor: NullableId,
});

/** PUT /customers/:id/sku-rules/:skuId body. */
export const SkuRuleIn = Type.Object(
  { minRemainingShelfLifeDays: Type.Integer({ minimum: 0, maximum: 3650 }) },
  { additionalProperties: false },
);

/** A per-SKU shelf-life rule in responses. */
export const SkuRuleOut = Type.Object({
  customerId: Type.Integer(),
  skuId: Type.Integer(),
  minRemainingShelfLifeDays: Type.Integer(),
});

/** GET /customers query. */
export const CustomerQuery = Type.Object(
  {
    ...PageQuery,
    search: Type.Optional(
      Type.String({ maxLength: 100, description: 'Part of the account number or name' }),
    ),
    onHold: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
