import { Type } from 'typebox';
import { PRICE_LEVELS } from '../../../core/pricing/price-resolver.js';
import { ROUNDINGS } from '../../../core/pricing/order-quantity.js';
import { PageQuery } from '../pagination.js';

/*
 * Pricing's JSON shapes. Bodies check types and sizes; the domain (breaks from 1, prices ≥ 0,
 * real dates, from before to) answers with its own codes (422). Nullable fields are a type
 * list, not a union: with type coercion a union would turn null into "" before the rules see it.
 */

const NullableDate = (description: string) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 10, description });
const Level = Type.Union(
  PRICE_LEVELS.map((l) => Type.Literal(l)),
  { description: `Pack level: ${PRICE_LEVELS.join(', ')}` },
);
const Id = Type.Integer({ minimum: 1 });

/** `:id` of a price list. */
export const IdParams = Type.Object({ id: Id });
/** `:id/prices/:priceId`. */
export const ListPriceParams = Type.Object({ id: Id, priceId: Id });
/** `:customerId`. */
export const CustomerParams = Type.Object({ customerId: Id });
/** `:customerId/prices/:priceId`. */
export const CustomerPriceParams = Type.Object({ customerId: Id, priceId: Id });
/** `:skuId`. */
export const SkuParams = Type.Object({ skuId: Id });

/** GET /price-lists query. */
export const PriceListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
/** Narrows a price listing to one SKU. */
export const PricesQuery = Type.Object(
  { skuId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** POST /price-lists body. */
export const PriceListIn = Type.Object(
  {
    code: Type.String({ maxLength: 40, description: 'Short code, e.g. TRADE-2025 (upper-cased)' }),
    name: Type.String({ maxLength: 200 }),
    currency: Type.String({ maxLength: 3, description: 'ISO 4217, e.g. USD' }),
  },
  { additionalProperties: false },
);

/** A price list in responses. */
export const PriceListOut = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

/** One stored price in responses. */
export const PriceOut = Type.Object({
  id: Type.Integer(),
  skuId: Type.Integer(),
  packLevel: Type.String(),
  minQuantity: Type.Integer(),
  unitPriceMinor: Type.Integer(),
  validFrom: NullableDate('First day the price holds'),
  validTo: NullableDate('First day the price no longer holds'),
});

/** A price list with its prices. */
export const PriceListWithPricesOut = Type.Object({
  ...PriceListOut.properties,
  prices: Type.Array(PriceOut),
});

const PriceRowIn = Type.Object(
  {
    minQuantity: Type.Optional(
      Type.Integer({ description: 'Volume break in packs of the level; default 1' }),
    ),
    unitPriceMinor: Type.Integer({ description: 'Price of one pack, integer minor units' }),
    validFrom: Type.Optional(NullableDate('YYYY-MM-DD, inclusive; null or absent: always')),
    validTo: Type.Optional(NullableDate('YYYY-MM-DD, exclusive; null or absent: open')),
  },
  { additionalProperties: false },
);

/** PUT …/prices body: prices for one SKU and pack level. */
export const PriceSetIn = Type.Object(
  {
    skuId: Id,
    packLevel: Level,
    prices: Type.Array(PriceRowIn, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);

/** The prices a SKU and level have after a PUT. */
export const PriceSetOut = Type.Object({
  skuId: Type.Integer(),
  packLevel: Type.String(),
  prices: Type.Array(PriceOut),
});

/** A customer's own prices. */
export const CustomerPricesOut = Type.Object({
  customerId: Type.Integer(),
  prices: Type.Array(PriceOut),
});

const Rounding = Type.Union(ROUNDINGS.map((r) => Type.Literal(r)));

/** PUT /skus/:skuId/order-rule body (quantities in eaches). */
export const OrderRuleIn = Type.Object(
  {
    minOrderQuantity: Type.Integer({ description: 'Smallest order in eaches' }),
    orderMultiple: Type.Integer({ description: 'Orders come in multiples of this many eaches' }),
    rounding: Rounding,
  },
  { additionalProperties: false },
);

/** A SKU's order rule in responses. */
export const OrderRuleOut = Type.Object({
  skuId: Type.Integer(),
  minOrderQuantity: Type.Integer(),
  orderMultiple: Type.Integer(),
  rounding: Type.String(),
});

/** POST /quotes body. */
export const QuoteIn = Type.Object(
  {
    customerId: Type.Optional(Id),
    priceListId: Type.Optional(
      Type.Integer({ minimum: 1, description: "Default: the customer's" }),
    ),
    onDate: Type.Optional(
      Type.String({
        maxLength: 10,
        description:
          "YYYY-MM-DD; default today at the customer's preferred warehouse (else the company's first)",
      }),
    ),
    lines: Type.Array(
      Type.Object(
        {
          skuId: Id,
          packLevel: Level,
          packQuantity: Type.Integer({ minimum: 1 }),
          unitPriceMinor: Type.Optional(
            Type.Integer({ description: 'Own price per pack; admin, manager and sales only' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

/** A quote in responses. */
export const QuoteOut = Type.Object({
  customerId: Type.Union([Type.Integer(), Type.Null()]),
  priceListId: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  onDate: Type.String(),
  totalMinor: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      lineNumber: Type.Integer(),
      skuId: Type.Integer(),
      packLevel: Type.String(),
      packQuantity: Type.Integer(),
      quantityBase: Type.Integer(),
      unitPriceMinor: Type.Integer(),
      lineTotalMinor: Type.Integer(),
      priceSource: Type.String(),
      minQuantity: Type.Union([Type.Integer(), Type.Null()]),
      adjusted: Type.Boolean(),
    }),
  ),
});
