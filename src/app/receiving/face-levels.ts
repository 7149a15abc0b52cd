import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { FaceLevel } from '../../core/receiving/replenishment-plan.js';

/**
 * Every active pick face of the warehouse with what it holds, what is reserved there, its room
 * by capacity and whether a replenish task is already open to it. `lock` takes the pick-face
 * rows FOR UPDATE in location order (PostgreSQL), so concurrent planners take turns.
 */
export async function faceLevels(
  trx: Tx,
  warehouseId: number,
  lock: boolean,
): Promise<FaceLevel[]> {
  let query = trx
    .selectFrom('pick_faces as pf')
    .innerJoin('locations as l', 'l.id', 'pf.location_id')
    .select(['pf.location_id', 'pf.sku_id', 'pf.min_quantity', 'pf.max_quantity'])
    .select('l.capacity_units')
    .where('l.warehouse_id', '=', warehouseId)
    .where('l.active', '=', 1)
    .orderBy('pf.location_id');
  if (lock) query = query.forUpdate('pf');
  const faces = await query.execute();
  if (faces.length === 0) return [];
  const ids = faces.map((f) => f.location_id);
  const balances = await trx
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'on_hand', 'allocated'])
    .where('location_id', 'in', ids)
    .where(sql<SqlBool>`on_hand > 0`)
    .execute();
  const open = await trx
    .selectFrom('move_tasks')
    .select(['suggested_location_id', 'kind', 'sku_id', 'quantity'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .where('suggested_location_id', 'in', ids)
    .execute();
  return faces.map((f) => {
    const own = balances.filter((b) => b.location_id === f.location_id);
    const mine = own.filter((b) => b.sku_id === f.sku_id);
    const onHand = mine.reduce((n, b) => n + Number(b.on_hand), 0);
    const allocated = mine.reduce((n, b) => n + Number(b.allocated), 0);
    const incoming = open.filter((t) => t.suggested_location_id === f.location_id);
    const occupied =
      own.reduce((n, b) => n + Number(b.on_hand), 0) +
      incoming.reduce((n, t) => n + Number(t.quantity), 0);
    return {
      locationId: f.location_id,
      skuId: f.sku_id,
      minQuantity: Number(f.min_quantity),
      maxQuantity: Number(f.max_quantity),
      onHand,
      available: onHand - allocated,
      incomingUnits: incoming
        .filter((t) => t.kind === 'putaway' && t.sku_id === f.sku_id)
        .reduce((n, t) => n + Number(t.quantity), 0),
      roomUnits: f.capacity_units === null ? null : Number(f.capacity_units) - occupied,
      hasOpenTask: incoming.some((t) => t.kind === 'replenish'),
    };
  });
}
