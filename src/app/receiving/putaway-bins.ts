import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { PutawayBin } from '../../core/receiving/putaway-policy.js';

/** The item being put away: lot-tracked SKUs only top up bins holding the same lot. */
export interface PutawayItem {
  warehouseId: number;
  skuId: number;
  lotId: number;
  lotTracked: boolean;
}

interface Holding {
  locationId: number;
  skuId: number;
  lotId: number;
  quantity: number;
}

/** What is in each bin now, plus what open tasks are already bringing to it. */
async function holdings(trx: Tx, warehouseId: number): Promise<Holding[]> {
  const onHand = await trx
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'lot_id', 'on_hand'])
    .where('warehouse_id', '=', warehouseId)
    // A literal, so the partial index stock_balances_held_by_warehouse applies.
    .where(sql<SqlBool>`on_hand > 0`)
    .execute();
  const incoming = await trx
    .selectFrom('move_tasks')
    .select(['suggested_location_id', 'sku_id', 'lot_id', 'quantity'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .where('suggested_location_id', 'is not', null)
    .execute();
  return [
    ...onHand.map((r) => ({
      locationId: r.location_id,
      skuId: r.sku_id,
      lotId: r.lot_id,
      quantity: Number(r.on_hand),
    })),
    ...incoming.map((t) => ({
      locationId: t.suggested_location_id!,
      skuId: t.sku_id,
      lotId: t.lot_id,
      quantity: Number(t.quantity),
    })),
  ];
}

/**
 * Every active storage bin and pick face of the warehouse as the put-away policy sees it:
 * capacity, what it holds (all SKUs and this item), and its pick-face assignment.
 */
export async function putawayBins(trx: Tx, item: PutawayItem): Promise<PutawayBin[]> {
  const locations = await trx
    .selectFrom('locations')
    .leftJoin('pick_faces', 'pick_faces.location_id', 'locations.id')
    .select([
      'locations.id',
      'locations.type',
      'locations.zone',
      'locations.pick_sequence',
      'locations.capacity_units',
      'pick_faces.sku_id as face_sku_id',
      'pick_faces.max_quantity as face_max',
    ])
    .where('locations.warehouse_id', '=', item.warehouseId)
    .where('locations.active', '=', 1)
    .where('locations.type', 'in', ['storage', 'pick_face'])
    .execute();
  const heldAt = new Map<number, Holding[]>();
  for (const h of await holdings(trx, item.warehouseId))
    heldAt.set(h.locationId, [...(heldAt.get(h.locationId) ?? []), h]);
  const sumAt = (locationId: number, match: (h: Holding) => boolean) =>
    (heldAt.get(locationId) ?? []).reduce((n, h) => (match(h) ? n + h.quantity : n), 0);
  const sameItem = (h: Holding) =>
    h.skuId === item.skuId && (!item.lotTracked || h.lotId === item.lotId);

  return locations
    .filter((l) => l.type === 'storage' || l.face_sku_id !== null)
    .map((l) => ({
      locationId: l.id,
      type: l.type as 'storage' | 'pick_face',
      zone: l.zone,
      pickSequence: l.pick_sequence,
      capacityUnits: l.capacity_units === null ? null : Number(l.capacity_units),
      occupiedUnits: sumAt(l.id, () => true),
      sameItemUnits: sumAt(l.id, sameItem),
      pickFace:
        l.face_sku_id === null
          ? null
          : {
              skuId: l.face_sku_id,
              maxQuantity: Number(l.face_max),
              skuUnits: sumAt(l.id, (h) => h.skuId === l.face_sku_id),
            },
    }));
}
