import type { Tx } from '../../adapters/db/database.js';
import {
  MIN_SKU_LEAD_TIME_SAMPLES,
  leadTimeDays,
  leadTimeStats,
  leadTimeStatsFromTotals,
  type LeadTimeStats,
} from '../../core/purchasing/lead-time.js';

/** One sample per PO line: when its PO was sent and when its first goods were received. */
export interface LeadTimeSample {
  supplierId: number;
  purchaseOrderId: number;
  lineId: number;
  skuId: number;
  sentAt: string;
  firstReceiptAt: string;
}

export interface SampleFilter {
  supplierId: number | readonly number[];
  skuId?: number | readonly number[] | undefined;
  /** Only these POs (a performance window's). */
  purchaseOrderIds?: readonly number[] | undefined;
}

/**
 * First receipt of every PO line of a supplier (or of several) that was sent and has received
 * goods; of one SKU or several when asked.
 */
export async function leadTimeSamples(db: Tx, filter: SampleFilter): Promise<LeadTimeSample[]> {
  let query = db
    .selectFrom('receipts as r')
    .innerJoin('purchase_order_lines as pl', 'pl.id', 'r.purchase_order_line_id')
    .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
    .select((eb) => [
      'po.supplier_id as supplierId',
      'po.id as purchaseOrderId',
      'pl.id as lineId',
      'pl.sku_id as skuId',
      eb.fn.max('po.sent_at').as('sentAt'),
      eb.fn.min('r.received_at').as('firstReceiptAt'),
    ])
    .where('po.supplier_id', 'in', [filter.supplierId].flat())
    .where('po.sent_at', 'is not', null)
    .groupBy(['po.supplier_id', 'po.id', 'pl.id', 'pl.sku_id'])
    .orderBy('pl.id');
  if (filter.skuId !== undefined) query = query.where('pl.sku_id', 'in', [filter.skuId].flat());
  if (filter.purchaseOrderIds !== undefined) {
    if (filter.purchaseOrderIds.length === 0) return [];
    query = query.where('po.id', 'in', [...filter.purchaseOrderIds]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    supplierId: Number(r.supplierId),
    purchaseOrderId: Number(r.purchaseOrderId),
    lineId: Number(r.lineId),
    skuId: Number(r.skuId),
    sentAt: String(r.sentAt),
    firstReceiptAt: String(r.firstReceiptAt),
  }));
}

/**
 * Observed lead time in days (first receipt of each PO line − the PO's sent_at): over all the
 * supplier's lines, or one SKU's. A SKU's figure needs MIN_SKU_LEAD_TIME_SAMPLES lines, else
 * null (use the supplier's); a supplier's needs one. Replenishment prefers this to the stated
 * lead time when present.
 */
export async function observedLeadTime(
  db: Tx,
  supplierId: number,
  skuId?: number,
): Promise<LeadTimeStats | null> {
  const samples = await leadTimeSamples(db, { supplierId, skuId });
  if (skuId !== undefined && samples.length < MIN_SKU_LEAD_TIME_SAMPLES) return null;
  return leadTimeStats(samples.map((s) => leadTimeDays(s.sentAt, s.firstReceiptAt)));
}

/**
 * `observedLeadTime` of many supplier × SKU pairs in one read (the replenishment run's), keyed
 * `supplierId/skuId`; null where a pair has too few samples. Read from the running totals
 * receiving keeps (lead-time-totals.ts): one row per pair, whatever the purchasing history.
 */
export async function observedLeadTimes(
  db: Tx,
  pairs: readonly { supplierId: number; skuId: number }[],
): Promise<Map<string, LeadTimeStats | null>> {
  const stats = new Map<string, LeadTimeStats | null>();
  if (pairs.length === 0) return stats;
  const rows = await db
    .selectFrom('lead_time_totals')
    .selectAll()
    .where('supplier_id', 'in', [...new Set(pairs.map((p) => p.supplierId))])
    .where('sku_id', 'in', [...new Set(pairs.map((p) => p.skuId))])
    .execute();
  const totals = new Map(rows.map((r) => [`${r.supplier_id}/${r.sku_id}`, r]));
  for (const { supplierId, skuId } of pairs) {
    const key = `${supplierId}/${skuId}`;
    const t = totals.get(key);
    const samples = Number(t?.samples ?? 0);
    stats.set(
      key,
      samples < MIN_SKU_LEAD_TIME_SAMPLES
        ? null
        : leadTimeStatsFromTotals(samples, Number(t!.sum_days), Number(t!.sum_squared_days)),
    );
  }
  return stats;
}
