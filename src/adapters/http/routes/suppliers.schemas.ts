import { Type } from 'typebox';
import { MAX_LEAD_TIME_DAYS } from '../../../core/purchasing/supplier-rules.js';
import { PageQuery } from '../pagination.js';

/*
 * Supplier JSON shapes. Bodies check types and sizes; the purchasing rules answer with their
 * own PURCHASING.* codes (422). Nullable fields are one schema with a type list (a union would
 * let the server's type coercion turn null into "" or 0).
 */

const Id = Type.Integer({ minimum: 1 });
const NullableString = (maxLength: number) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const NullableInt = (description: string) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], description });
const Count = (description: string) => Type.Integer({ description });

export const SupplierParams = Type.Object({ id: Id });
export const SupplierSkuParams = Type.Object({ id: Id, skuId: Id });

const supplierFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contactName: Type.Optional(NullableString(200)),
  email: Type.Optional(NullableString(254)),
  phone: Type.Optional(NullableString(50)),
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, e.g. USD' }),
  leadTimeDays: Count(`Stated lead time, 0–${MAX_LEAD_TIME_DAYS} calendar days`),
  minOrderValueMinor: Type.Optional(Count('Smallest PO value the supplier takes (minor units)')),
  minOrderQuantity: Type.Optional(Count('Smallest PO in base units')),
  active: Type.Optional(Type.Boolean()),
};

export const SupplierIn = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }), ...supplierFields },
  { additionalProperties: false },
);

export const SupplierPatch = Type.Object(
  {
    ...supplierFields,
    name: Type.Optional(supplierFields.name),
    currency: Type.Optional(supplierFields.currency),
    leadTimeDays: Type.Optional(supplierFields.leadTimeDays),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SupplierOut = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  contactName: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  currency: Type.String(),
  leadTimeDays: Type.Integer(),
  minOrderValueMinor: Type.Integer(),
  minOrderQuantity: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const SupplierQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the code or name' })),
    active: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const supplierSkuFields = {
  supplierSku: Type.Optional(NullableString(60)),
  costMinor: Count('Our cost per base unit, minor units'),
  minOrderQuantity: Type.Optional(Count('MOQ in base units')),
  orderMultiple: Type.Optional(Count('Order in multiples of this (e.g. the case pack)')),
  leadTimeDays: Type.Optional(NullableInt('Overrides the supplier’s lead time; null: use it')),
};

export const SupplierSkuIn = Type.Object(
  { skuId: Id, ...supplierSkuFields },
  { additionalProperties: false },
);

export const SupplierSkuPatch = Type.Object(
  { ...supplierSkuFields, costMinor: Type.Optional(supplierSkuFields.costMinor) },
  { additionalProperties: false, minProperties: 1 },
);

export const SupplierSkuOut = Type.Object({
  id: Type.Integer(),
  supplierId: Type.Integer(),
  skuId: Type.Integer(),
  skuCode: Type.Optional(Type.String()),
  supplierSku: Type.Union([Type.String(), Type.Null()]),
  costMinor: Type.Integer(),
  minOrderQuantity: Type.Integer(),
  orderMultiple: Type.Integer(),
  leadTimeDays: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String(),
});

export const PreferredSupplierIn = Type.Object(
  {
    warehouseId: Id,
    supplierId: Type.Unsafe<number | null>({
      type: ['integer', 'null'],
      minimum: 1,
      description: 'null clears the preference',
    }),
  },
  { additionalProperties: false },
);

export const SkuParams = Type.Object({ id: Id });

export const LeadTimeQuery = Type.Object(
  { skuId: Type.Optional(Id) },
  { additionalProperties: false },
);

const Stats = Type.Union([
  Type.Object({ samples: Type.Integer(), meanDays: Type.Number(), sdDays: Type.Number() }),
  Type.Null(),
]);

export const LeadTimeOut = Type.Object({
  supplierId: Type.Integer(),
  skuId: Type.Union([Type.Integer(), Type.Null()]),
  statedDays: Type.Integer(),
  observed: Stats,
});

export const PerformanceQuery = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day (UTC), inclusive' }),
    to: Type.String({ format: 'date', description: 'Last day (UTC), exclusive' }),
  },
  { additionalProperties: false },
);

const Rate = Type.Union([Type.Number(), Type.Null()]);
export const PerformanceOut = Type.Object({
  supplierId: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  purchaseOrders: Type.Integer(),
  onTime: Type.Integer(),
  inFull: Type.Integer(),
  otif: Type.Integer(),
  onTimeRate: Rate,
  inFullRate: Rate,
  otifRate: Rate,
  leadTime: Stats,
});
