import type { Tx } from '../../adapters/db/database.js';

/**
 * The order's value from its lines: each line's total for the part still open, so a cancelled
 * line counts nothing and a partly cancelled one (a shortfall the customer takes no backorder
 * for) counts only what stays on the order. Stored on the order and returned.
 */
export async function recomputeTotal(trx: Tx, orderId: number, nowIso: string): Promise<number> {
  const lines = await trx
    .selectFrom('order_lines')
    .select(['line_total_minor', 'quantity_ordered', 'quantity_cancelled'])
    .where('order_id', '=', orderId)
    .execute();
  const totalMinor = lines.reduce(
    (n, l) => n + openValue(l.line_total_minor, l.quantity_ordered, l.quantity_cancelled),
    0,
  );
  await trx
    .updateTable('orders')
    .set({ total_minor: totalMinor, updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  return totalMinor;
}

/** A line's total scaled to its open quantity, rounded half up to the minor unit. */
export function openValue(lineTotalMinor: number, ordered: number, cancelled: number): number {
  if (cancelled <= 0) return lineTotalMinor;
  if (cancelled >= ordered) return 0;
  return Math.round((lineTotalMinor * (ordered - cancelled)) / ordered);
}
