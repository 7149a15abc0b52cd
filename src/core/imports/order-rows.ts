/**
 * An orders file: one row per order line; consecutive rows with the same `order_ref` are one
 * order (the customer's PO number). Orders go through the same placement as the API: server
 * prices, credit check, allocation — an imported order is a live order, not history.
 */
import { RowReader, type RawRow, type RowOutcome } from './cells.js';

export const ORDER_COLUMNS = [
  'order_ref',
  'customer_account',
  'sku_code',
  'pack_level',
  'quantity',
  'requested_ship_date',
  'notes',
] as const;

export interface OrderRowValue {
  orderRef: string;
  customerAccount: string;
  skuCode: string;
  packLevel: 'each' | 'inner' | 'case' | 'pallet';
  quantity: number;
  requestedShipDate: string | undefined;
  notes: string | undefined;
}

const LEVELS = ['each', 'inner', 'case', 'pallet'] as const;

export function orderRow(raw: RawRow, row: number): RowOutcome<OrderRowValue> {
  const r = new RowReader(raw, row);
  const quantity = r.integer('quantity', 1);
  if (quantity === undefined && r.optional('quantity') === undefined)
    r.issue('quantity', 'IMPORT.REQUIRED', 'quantity is required');
  const level = (r.optional('pack_level') ?? 'each').toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level))
    r.issue('pack_level', 'IMPORT.INVALID_PACK_LEVEL', 'pack_level is each, inner, case or pallet');
  const shipDate = r.optional('requested_ship_date');
  if (shipDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(shipDate))
    r.issue('requested_ship_date', 'IMPORT.INVALID_DATE', 'requested_ship_date is YYYY-MM-DD');
  return r.done({
    orderRef: r.required('order_ref'),
    customerAccount: r.required('customer_account').toUpperCase(),
    skuCode: r.required('sku_code'),
    packLevel: level as OrderRowValue['packLevel'],
    quantity: quantity ?? 0,
    requestedShipDate: shipDate,
    notes: r.optional('notes'),
  });
}
