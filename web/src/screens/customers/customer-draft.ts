/**
 * A customer account as the form edits it (text fields, as typed) and the API body made from
 * it. Money is typed in currency units ("2500.00") and sent as integer minor units; an empty
 * credit limit means "no limit" (null), never zero.
 */
export interface CustomerDraft {
  accountNumber: string;
  name: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  currency: string;
  priceListId: string;
  paymentTermsDays: string;
  creditLimit: string;
  priority: string;
  preferredWarehouseId: string;
  shipComplete: boolean;
  allowBackorders: boolean;
  minRemainingShelfLifeDays: string;
}

/** A customer as GET /customers/:id answers it (the fields the form reads). */
export interface CustomerAccount {
  id: number;
  accountNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  billTo: Address;
  priceListId: number | null;
  currency: string;
  paymentTermsDays: number;
  creditLimitMinor: number | null;
  onHold: boolean;
  holdReason: string | null;
  priority: number;
  preferredWarehouseId: number | null;
  shipComplete: boolean;
  allowBackorders: boolean;
  minRemainingShelfLifeDays: number;
  active: boolean;
  shipTos: {
    id: number;
    code: string;
    name: string;
    address: Address;
    isDefault: boolean;
  }[];
}

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

export const emptyDraft: CustomerDraft = {
  accountNumber: '',
  name: '',
  email: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
  currency: 'USD',
  priceListId: '',
  paymentTermsDays: '30',
  creditLimit: '',
  priority: '5',
  preferredWarehouseId: '',
  shipComplete: false,
  allowBackorders: true,
  minRemainingShelfLifeDays: '0',
};

/** The form's starting values for an existing account. */
export function draftOf(c: CustomerAccount): CustomerDraft {
  return {
    accountNumber: c.accountNumber,
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
    line1: c.billTo.line1,
    line2: c.billTo.line2 ?? '',
    city: c.billTo.city,
    region: c.billTo.region ?? '',
    postalCode: c.billTo.postalCode,
    country: c.billTo.country,
    currency: c.currency,
    priceListId: c.priceListId === null ? '' : String(c.priceListId),
    paymentTermsDays: String(c.paymentTermsDays),
    creditLimit: c.creditLimitMinor === null ? '' : (c.creditLimitMinor / 100).toFixed(2),
    priority: String(c.priority),
    preferredWarehouseId: c.preferredWarehouseId === null ? '' : String(c.preferredWarehouseId),
    shipComplete: c.shipComplete,
    allowBackorders: c.allowBackorders,
    minRemainingShelfLifeDays: String(c.minRemainingShelfLifeDays),
  };
}

/**
 * "2500", "2,500.5" or "2500.50" → 250050 minor units; empty → null (no limit); anything else
 * → NaN, which the form refuses before sending (JSON would turn NaN into null: no limit at all).
 */
export function toMinor(text: string): number | null {
  const clean = text.trim().replace(/,/g, '');
  if (clean === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return Number.NaN;
  const [whole, cents = ''] = clean.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const idOrNull = (text: string) => (text === '' ? null : Number(text));

/** The POST /customers (create) or PATCH /customers/:id (edit) body. */
export function customerBody(d: CustomerDraft, mode: 'create' | 'edit'): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: d.name.trim(),
    email: orNull(d.email),
    phone: orNull(d.phone),
    billTo: {
      line1: d.line1.trim(),
      line2: orNull(d.line2),
      city: d.city.trim(),
      region: orNull(d.region),
      postalCode: d.postalCode.trim(),
      country: d.country.trim().toUpperCase(),
    },
    currency: d.currency.trim().toUpperCase(),
    priceListId: idOrNull(d.priceListId),
    paymentTermsDays: Number(d.paymentTermsDays),
    creditLimitMinor: toMinor(d.creditLimit),
    priority: Number(d.priority),
    preferredWarehouseId: idOrNull(d.preferredWarehouseId),
    shipComplete: d.shipComplete,
    allowBackorders: d.allowBackorders,
    minRemainingShelfLifeDays: Number(d.minRemainingShelfLifeDays),
  };
  if (mode === 'create') body.accountNumber = d.accountNumber.trim();
  return body;
}
