import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import type { StockCandidate } from '../../core/orders/allocation-policy.js';

const SELLABLE = SELLABLE_TYPES.map((t) => `'${t}'`).join(', ');
const COLUMNS = `b.warehouse_id as "warehouseId", b.location_id as "locationId", l.type as "locationType",
  l.pick_sequence as "pickSequence", b.sku_id as "skuId", b.lot_id as "lotId",
  lots.expiry_date as "expiryDate", b.on_hand - b.allocated as available
  from stock_balances b
  join locations l on l.id = b.location_id
  left join lots on lots.id = b.lot_id`;
// `b.on_hand > 0` lets the read use the index of live balances (migration 0026), not every
// row a SKU ever had.
const WHERE = `l.type in (${SELLABLE}) and l.active = 1 and b.on_hand > 0 and b.on_hand > b.allocated`;
/** Sellable through the expiry date (see core/inventory/expiry.ts); the day is a parameter. */
const UNEXPIRED = (day: string) => `(lots.expiry_date is null or lots.expiry_date >= ${day})`;
const ORDER = 'order by b.location_id, b.sku_id, b.lot_id';

/**
 * Unreserved, sellable stock of these SKUs (a JSON array of ids) in every warehouse, with lot
 * expiry, leaving out lots expired by the given day — whatever the policy, an expired lot is
 * never a candidate. PostgreSQL locks the balance rows in (location, SKU, lot) order, so the plan is made on
 * figures no one else can change before it is reserved, and every order takes its locks in the
 * same order: no deadlocks, no misses to re-plan. (SQLite has one writer at a time.)
 */
export const CANDIDATES = fixedSql(
  'stock.candidates',
  `select ${COLUMNS} where b.sku_id in (select value from json_each(?)) and ${WHERE} and ${UNEXPIRED('?')} ${ORDER}`,
  `select ${COLUMNS} where b.sku_id = any(array(select jsonb_array_elements_text($1::jsonb)::bigint)) and ${WHERE} and ${UNEXPIRED('$2')} ${ORDER} for update of b`,
);

/** What allocation may take for these SKUs on `today` (see `expiryDay`): see CANDIDATES. */
export async function stockCandidates(
  trx: Tx,
  skuIds: readonly number[],
  today: string,
): Promise<StockCandidate[]> {
  if (skuIds.length === 0) return [];
  return runSql<StockCandidate>(trx, CANDIDATES, [JSON.stringify([...new Set(skuIds)]), today]);
}
