import type { Tx } from '../../adapters/db/database.js';
import { defaultPutawayPolicy } from '../../core/receiving/default-putaway-policy.js';
import type {
  PutawayBin,
  PutawayPolicy,
  PutawaySuggestion,
} from '../../core/receiving/putaway-policy.js';
import { binsForItem, emptyReserveBins, type PutawayItem } from './putaway-bins.js';

export interface PutawayOrder extends PutawayItem {
  quantity: number;
  /** Where the goods wait: the warehouse's RECEIVING location. */
  fromLocationId: number;
  receiptId: number;
}

/** Empty bins offered at first; a quantity they cannot hold asks for four times as many. */
const FIRST_EMPTY_BINS = 4;

/**
 * Creates the put-away tasks for a good receipt: the policy splits the quantity over bins
 * with room; each part is one open `putaway` task for the floor, all in one insert. Returns
 * the task ids.
 *
 * The policy sees the bins that can take the item — its pick faces, reserve bins holding it,
 * and the first empty reserve bins in its order — found by index, so the cost of a line does
 * not grow with the stock held. When the empty bins offered are not enough and more exist,
 * it is asked again with more: the same choice as if it had seen every bin.
 */
export async function createPutawayTasks(
  trx: Tx,
  order: PutawayOrder,
  nowIso: string,
  policy: PutawayPolicy = defaultPutawayPolicy,
): Promise<number[]> {
  const suggestions = await suggestPutaway(trx, order, policy);
  const planned = suggestions.reduce((n, s) => n + s.quantity, 0);
  // A policy that loses or invents units is a bug, not a business refusal.
  if (planned !== order.quantity || suggestions.some((s) => !(s.quantity > 0)))
    throw new Error(`Put-away policy planned ${planned} of ${order.quantity} units`);
  if (suggestions.length === 0) return [];
  const rows = await trx
    .insertInto('move_tasks')
    .values(
      suggestions.map((suggestion) => ({
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
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Where the policy would put the order's goods now (what `createPutawayTasks` creates). */
export async function suggestPutaway(
  trx: Tx,
  order: PutawayOrder,
  policy: PutawayPolicy = defaultPutawayPolicy,
): Promise<PutawaySuggestion[]> {
  const held = await binsForItem(trx, order);
  const zone = held.find((b) => b.pickFace?.skuId === order.skuId)?.zone ?? null;
  for (let limit = FIRST_EMPTY_BINS; ; limit *= 4) {
    const empty = await emptyReserveBins(trx, order.warehouseId, zone, limit);
    const bins: PutawayBin[] = [...held, ...empty];
    const suggestions = policy.suggest({ skuId: order.skuId, quantity: order.quantity, bins });
    const unplaced = suggestions.some((s) => s.locationId === null);
    if (!unplaced || empty.length < limit) return suggestions;
  }
}
