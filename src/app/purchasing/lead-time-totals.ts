import type { Tx } from '../../adapters/db/database.js';
import { leadTimeDays } from '../../core/purchasing/lead-time.js';

/**
 * Adds a PO line's lead-time sample to its supplier × SKU totals when these are the line's first
 * goods (no receipt of it yet): days from the PO's sending to now. Called in the receipt's
 * transaction, before its row is written; the PO row is locked by then on PostgreSQL.
 */
export async function recordFirstReceipt(trx: Tx, lineId: number, nowIso: string): Promise<void> {
  const earlier = await trx
    .selectFrom('receipts')
    .select('id')
    .where('purchase_order_line_id', '=', lineId)
    .limit(1)
    .executeTakeFirst();
  if (earlier) return;
  const line = await trx
    .selectFrom('purchase_order_lines as pl')
    .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
    .select(['po.supplier_id', 'pl.sku_id', 'po.sent_at'])
    .where('pl.id', '=', lineId)
    .executeTakeFirstOrThrow();
  if (line.sent_at === null) return;
  const days = leadTimeDays(line.sent_at, nowIso);
  await trx
    .insertInto('lead_time_totals')
    .values({
      supplier_id: line.supplier_id,
      sku_id: line.sku_id,
      samples: 1,
      sum_days: days,
      sum_squared_days: days * days,
    })
    .onConflict((oc) =>
      oc.columns(['supplier_id', 'sku_id']).doUpdateSet((eb) => ({
        samples: eb('lead_time_totals.samples', '+', 1),
        sum_days: eb('lead_time_totals.sum_days', '+', days),
        sum_squared_days: eb('lead_time_totals.sum_squared_days', '+', days * days),
      })),
    )
    .execute();
}
