/**
 * An opening-stock file: what stands on each shelf on the day Stockline takes over, one row
 * per SKU, location and lot. Each row becomes a receipt from the warehouse's SUPPLIER place.
 */
import { RowReader, type RawRow, type RowOutcome } from './cells.js';

export const OPENING_STOCK_COLUMNS = [
  'sku_code',
  'warehouse_code',
  'location_code',
  'quantity',
  'lot_code',
  'expiry_date',
] as const;

/** A row of opening stock with codes still to be resolved against the store. */
export interface OpeningStockRow {
  skuCode: string;
  warehouseCode: string;
  locationCode: string;
  quantity: number;
  lotCode: string | undefined;
  expiryDate: string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function openingStockRow(raw: RawRow, row: number): RowOutcome<OpeningStockRow> {
  const r = new RowReader(raw, row);
  const quantity = r.integer('quantity', 1);
  if (quantity === undefined && r.optional('quantity') === undefined)
    r.issue('quantity', 'IMPORT.REQUIRED', 'quantity is required');
  const expiryDate = r.optional('expiry_date');
  if (expiryDate !== undefined && !ISO_DATE.test(expiryDate))
    r.issue('expiry_date', 'IMPORT.INVALID_DATE', 'expiry_date is a YYYY-MM-DD date');
  return r.done({
    skuCode: r.required('sku_code'),
    warehouseCode: r.required('warehouse_code'),
    locationCode: r.required('location_code'),
    quantity: quantity ?? 0,
    lotCode: r.optional('lot_code'),
    expiryDate,
  });
}
