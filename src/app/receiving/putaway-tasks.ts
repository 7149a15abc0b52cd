import type { Tx } from '../../adapters/db/database.js';
import { defaultPutawayPolicy } from '../../core/receiving/default-putaway-policy.js';
import type { PutawayPolicy } from '../../core/receiving/putaway-policy.js';
import { putawayBins, type PutawayItem } from './putaway-bins.js';

export interface PutawayOrder extends PutawayItem {
  quantity: number;
  /** Where the goods wait: the warehouse's RECEIVING location. */
  fromLocationId: number;
  receiptId: number;
}

/**
 * Creates the put-away tasks for a good receipt: the policy splits the quantity over bins
 * with room; each part is one open `putaway` task for the floor. Returns the task ids.
 */
export async function createPutawayTasks(
  trx: Tx,
  order: PutawayOrder,
  nowIso: string,
  policy: PutawayPolicy = defaultPutawayPolicy,
): Promise<number[]> {
  const bins = await putawayBins(trx, order);
  const suggestions = policy.suggest({ skuId: order.skuId, quantity: order.quantity, bins });
  const planned = suggestions.reduce((n, s) => n + s.quantity, 0);
  // A policy that loses or invents units is a bug, not a business refusal.
  if (planned !== order.quantity || suggestions.some((s) => !(s.quantity > 0)))
    throw new Error(`Put-away policy planned ${planned} of ${order.quantity} units`);
  const ids: number[] = [];
  for (const suggestion of suggestions) {
    const row = await trx
      .insertInto('move_tasks')
      .values({
        kind: 'putaway',
        warehouse_id: order.warehouseId,
        sku_id: order.skuId,
        lot_id: order.lotId,
        quantity: suggestion.quantity,
        from_location_id: order.fromLocationId,
        suggested_location_id: suggestion.locationId,
        to_location_id: null,
        status: 'open',
        receipt_id: order.receiptId,
        reason: suggestion.locationId === null ? 'no bin with room: choose one' : null,
        created_at: nowIso,
        completed_at: null,
        completed_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}
