import type { Tx } from '../../adapters/db/database.js';

/** Which rows a list may show: one customer's (a customer key always), or everyone's. */
export interface DocumentFilter {
  customerId?: number | undefined;
  /** Keyset paging: rows with a smaller id than this (newest first). */
  beforeId?: number | undefined;
  limit: number;
}

/** An invoice as a customer reads it: amount, what is still owed, when it is due. */
export interface InvoiceView {
  id: number;
  customerId: number;
  orderId: number | null;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  openMinor: number;
  status: string;
  issuedAt: string;
  dueDate: string;
}

/** Invoices newest first, `limit + 1` rows so the caller can tell whether a page follows. */
export async function listInvoices(db: Tx, filter: DocumentFilter): Promise<InvoiceView[]> {
  let query = db
    .selectFrom('invoices')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    orderId: r.order_id,
    currency: r.currency,
    totalMinor: r.total_minor,
    paidMinor: r.paid_minor,
    openMinor: r.total_minor - r.paid_minor,
    status: r.status,
    issuedAt: r.issued_at,
    dueDate: r.due_date,
  }));
}

/** A shipment in a customer's list: which order, how it travels, where to track it. */
export interface ShipmentListView {
  id: number;
  orderId: number;
  customerId: number;
  carrierCode: string;
  service: string;
  trackingNumbers: string[];
  status: string;
  shippedAt: string;
  promisedDate: string | null;
  deliveredAt: string | null;
}

/** Shipments newest first across a customer's orders (or all), `limit + 1` rows. */
export async function listShipmentsOf(db: Tx, filter: DocumentFilter): Promise<ShipmentListView[]> {
  let query = db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select([
      's.id',
      's.order_id',
      'o.customer_id',
      's.carrier_code',
      's.service',
      's.tracking_number',
      's.status',
      's.shipped_at',
      's.promised_date',
      's.delivered_at',
    ])
    .orderBy('s.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.customerId !== undefined) query = query.where('o.customer_id', '=', filter.customerId);
  if (filter.beforeId !== undefined) query = query.where('s.id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    customerId: r.customer_id,
    carrierCode: r.carrier_code,
    service: r.service,
    trackingNumbers: r.tracking_number ? r.tracking_number.split(',') : [],
    status: r.status,
    shippedAt: r.shipped_at,
    promisedDate: r.promised_date,
    deliveredAt: r.delivered_at,
  }));
}
