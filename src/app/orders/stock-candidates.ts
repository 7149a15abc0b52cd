import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import type { StockCandidate } from '../../core/orders/allocation-policy.js';

/**
 * Unreserved, sellable stock of these SKUs in every warehouse, with lot expiry: what allocation
 * may take. On PostgreSQL the balance rows are locked here, in (location, SKU, lot) order, so
 * the plan is made on figures no one else can change before it is reserved, and every order
 * takes its locks in the same order: no deadlocks, no misses to re-plan. (SQLite has one
 * writer at a time, so its figures cannot change under the plan anyway.)
 */
export async function stockCandidates(
  trx: Tx,
  skuIds: readonly number[],
): Promise<StockCandidate[]> {
  if (skuIds.length === 0) return [];
  let query = trx
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .leftJoin('lots', 'lots.id', 'b.lot_id')
    .select([
      'b.warehouse_id as warehouseId',
      'b.location_id as locationId',
      'l.type as locationType',
      'l.pick_sequence as pickSequence',
      'b.sku_id as skuId',
      'b.lot_id as lotId',
      'lots.expiry_date as expiryDate',
      'b.on_hand',
      'b.allocated',
    ])
    .where('b.sku_id', 'in', [...new Set(skuIds)])
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where('l.active', '=', 1)
    .whereRef('b.on_hand', '>', 'b.allocated')
    .orderBy('b.location_id')
    .orderBy('b.sku_id')
    .orderBy('b.lot_id');
  if (isPostgres(trx)) query = query.forUpdate('b');
  const rows = await query.execute();
  return rows.map(({ on_hand, allocated, ...c }) => ({
    ...c,
    expiryDate: c.expiryDate ?? null,
    available: on_hand - allocated,
  }));
}
