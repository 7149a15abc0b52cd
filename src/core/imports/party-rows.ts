/**
 * Suppliers and price-list prices, one per row. Price rows name the list, the SKU and pack
 * level, a volume break and a date range; a list named for the first time is opened with the
 * row's list name and currency.
 */
import { RowReader, type RawRow, type RowOutcome } from './cells.js';

export const SUPPLIER_COLUMNS = [
  'code',
  'name',
  'contact_name',
  'email',
  'phone',
  'currency',
  'lead_time_days',
  'min_order_value',
  'min_order_quantity',
  'active',
] as const;

export interface SupplierRowValue {
  code: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  leadTimeDays: number;
  minOrderValueMinor: number;
  minOrderQuantity: number;
  active: boolean;
}

export function supplierRow(raw: RawRow, row: number): RowOutcome<SupplierRowValue> {
  const r = new RowReader(raw, row);
  const leadTimeDays = r.integer('lead_time_days', 0);
  if (leadTimeDays === undefined && r.optional('lead_time_days') === undefined)
    r.issue('lead_time_days', 'IMPORT.REQUIRED', 'lead_time_days is required');
  return r.done({
    code: r.required('code').toUpperCase(),
    name: r.required('name'),
    contactName: r.optional('contact_name') ?? null,
    email: r.optional('email') ?? null,
    phone: r.optional('phone') ?? null,
    currency: (r.optional('currency') ?? 'USD').toUpperCase(),
    leadTimeDays: leadTimeDays ?? 0,
    minOrderValueMinor: r.money('min_order_value') ?? 0,
    minOrderQuantity: r.integer('min_order_quantity', 0) ?? 0,
    active: r.flag('active', true),
  });
}

export const PRICE_LIST_COLUMNS = [
  'price_list_code',
  'price_list_name',
  'currency',
  'sku_code',
  'pack_level',
  'min_quantity',
  'unit_price',
  'valid_from',
  'valid_to',
] as const;

export interface PriceListRowValue {
  listCode: string;
  listName: string | undefined;
  currency: string;
  skuCode: string;
  packLevel: string;
  minQuantity: number;
  unitPriceMinor: number;
  validFrom: string | null;
  validTo: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function priceListRow(raw: RawRow, row: number): RowOutcome<PriceListRowValue> {
  const r = new RowReader(raw, row);
  const price = r.money('unit_price');
  if (price === undefined && r.optional('unit_price') === undefined)
    r.issue('unit_price', 'IMPORT.REQUIRED', 'unit_price is required');
  const date = (column: string) => {
    const value = r.optional(column);
    if (value !== undefined && !ISO_DATE.test(value))
      r.issue(column, 'IMPORT.INVALID_DATE', `${column} is a YYYY-MM-DD date`);
    return value ?? null;
  };
  return r.done({
    listCode: r.required('price_list_code').toUpperCase(),
    listName: r.optional('price_list_name'),
    currency: (r.optional('currency') ?? 'USD').toUpperCase(),
    skuCode: r.required('sku_code'),
    packLevel: r.optional('pack_level') ?? 'each',
    minQuantity: r.integer('min_quantity', 1) ?? 1,
    unitPriceMinor: price ?? 0,
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  });
}
