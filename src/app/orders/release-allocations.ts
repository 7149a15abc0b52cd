import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { unreserve } from '../inventory/ledger.js';

/**
 * Gives back every open reservation of an order (or of some of its lines): each is resolved
 * once, as `released` (or `expired`), by a new resolution row; the stock becomes available
 * and the lines' allocated quantity goes down by what was still held. Returns units released.
 */
export async function releaseAllocations(
  trx: Tx,
  orderId: number,
  lineIds: readonly number[] | 'all',
  kind: 'released' | 'expired',
  nowIso: string,
): Promise<number> {
  let query = trx
    .selectFrom('allocations')
    .select(['id', 'order_line_id', 'sku_id', 'lot_id', 'location_id', 'remaining'])
    .where('order_id', '=', orderId)
    .where('remaining', '>', 0);
  if (lineIds !== 'all') {
    if (lineIds.length === 0) return 0;
    query = query.where('order_line_id', 'in', [...lineIds]);
  }
  const open = (await query.execute()).sort(
    (a, b) => a.location_id - b.location_id || a.sku_id - b.sku_id || a.lot_id - b.lot_id,
  );
  let released = 0;
  const perLine = new Map<number, number>();
  for (const a of open) {
    // Conditional: a reservation can only be resolved once, even if two requests race.
    const done = await trx
      .updateTable('allocations')
      .set({ remaining: 0 })
      .where('id', '=', a.id)
      .where('remaining', '=', a.remaining)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) continue;
    await unreserve(
      trx,
      { locationId: a.location_id, skuId: a.sku_id, lotId: a.lot_id, quantity: a.remaining },
      nowIso,
    );
    await trx
      .insertInto('allocation_resolutions')
      .values({
        allocation_id: a.id,
        kind,
        quantity: a.remaining,
        reference: null,
        created_at: nowIso,
      })
      .execute();
    perLine.set(a.order_line_id, (perLine.get(a.order_line_id) ?? 0) + a.remaining);
    released += a.remaining;
  }
  for (const [lineId, quantity] of perLine) {
    await trx
      .updateTable('order_lines')
      .set({ quantity_allocated: sql`quantity_allocated - ${quantity}`, updated_at: nowIso })
      .where('id', '=', lineId)
      .execute();
  }
  return released;
}
