import type { Tx } from '../../adapters/db/database.js';
import { leadTimeDays } from '../../core/purchasing/lead-time.js';
import {
  supplierPerformance,
  type DeliveredPo,
  type SupplierPerformance,
} from '../../core/purchasing/supplier-performance.js';
import { ok, type Result } from '../../core/shared/result.js';
import { leadTimeSamples } from './observed-lead-time.js';
import { supplierNotFound } from './suppliers.js';

export interface PerformanceWindow {
  /** First day (UTC), inclusive. */
  from: string;
  /** Last day (UTC), exclusive. */
  to: string;
}

/**
 * How a supplier delivered over a window: the POs whose receiving finished (received, or
 * closed after a partial receipt) with their last receipt in [from, to), scored on time, in
 * full and both, with the lead time observed on their lines.
 */
export async function supplierPerformanceReport(
  db: Tx,
  supplierId: number,
  window: PerformanceWindow,
): Promise<Result<SupplierPerformance & { supplierId: number } & PerformanceWindow>> {
  const supplier = await db
    .selectFrom('suppliers')
    .select('id')
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!supplier) return supplierNotFound(supplierId);
  const pos = await deliveredPos(db, supplierId, window);
  return ok({ supplierId, ...window, ...supplierPerformance(pos) });
}

async function deliveredPos(db: Tx, supplierId: number, window: PerformanceWindow) {
  const inWindow = await db
    .selectFrom('purchase_orders as po')
    .innerJoin('receipts as r', 'r.purchase_order_id', 'po.id')
    .select((eb) => [
      'po.id',
      'po.status',
      'po.received_at',
      'po.expected_date',
      eb.fn.max('r.received_at').as('lastReceiptAt'),
    ])
    .where('po.supplier_id', '=', supplierId)
    .where('po.status', 'in', ['received', 'closed'])
    .groupBy(['po.id', 'po.status', 'po.received_at', 'po.expected_date'])
    // ISO timestamps compare as text: on or after the first day, before the day after the last.
    .having((eb) => eb.fn.max('r.received_at'), '>=', window.from)
    .having((eb) => eb.fn.max('r.received_at'), '<', window.to)
    .orderBy('po.id')
    .execute();
  if (inWindow.length === 0) return [];
  const ids = inWindow.map((h) => Number(h.id));
  const lines = await db
    .selectFrom('purchase_order_lines')
    .select(['purchase_order_id', 'quantity_ordered', 'quantity_received', 'quantity_cancelled'])
    .where('purchase_order_id', 'in', ids)
    .execute();
  const samples = await leadTimeSamples(db, { supplierId, purchaseOrderIds: ids });
  return inWindow.map((h): DeliveredPo => {
    // A PO closed short had its shortfall written off at close: the supplier's miss, not a
    // cancellation of ours. Once a PO reached `received`, its cancelled quantities were ours.
    const reachedReceived = h.status === 'received' || h.received_at !== null;
    return {
      expectedDate: h.expected_date,
      lastReceiptDate: String(h.lastReceiptAt).slice(0, 10),
      lines: lines
        .filter((l) => Number(l.purchase_order_id) === Number(h.id))
        .map((l) => ({
          quantityOrdered: Number(l.quantity_ordered),
          quantityReceived: Number(l.quantity_received),
          quantityCancelledByUs: reachedReceived ? Number(l.quantity_cancelled) : 0,
        })),
      leadTimeSamplesDays: samples
        .filter((s) => s.purchaseOrderId === Number(h.id))
        .map((s) => leadTimeDays(s.sentAt, s.firstReceiptAt)),
    };
  });
}
