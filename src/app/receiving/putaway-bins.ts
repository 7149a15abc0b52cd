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

/** Lots of the SKU held in bin `l` or promised to it by open tasks (lot-tracked SKUs). */
function skuLotsIn(skuId: number) {
  return sql<number>`(select count(distinct b.lot_id) from stock_balances b
      where b.location_id = l.id and b.sku_id = ${skuId} and b.on_hand > 0)
    + (select count(distinct t.lot_id) from move_tasks t
      where t.suggested_location_id = l.id and t.status = 'open' and t.sku_id = ${skuId}
        and not exists (select 1 from stock_balances h where h.location_id = l.id
          and h.sku_id = t.sku_id and h.lot_id = t.lot_id and h.on_hand > 0))`;
}

/**
 * The bins the put-away policy may fill for this item, found by index rather than by reading
 * the warehouse: the SKU's pick faces and the reserve bins holding the SKU (or promised it
 * by an open task), each with what it holds — all SKUs, this item, the face's SKU, and for a
 * lot-tracked SKU how many of its lots — counting what open tasks are already bringing.
 * Empty reserve bins come apart (`emptyReserveBins`).
 */
export async function binsForItem(trx: Tx, item: PutawayItem): Promise<PutawayBin[]> {
  const sameItem = (alias: 'b' | 't') =>
    item.lotTracked
      ? sql<SqlBool>`${sql.ref(`${alias}.sku_id`)} = ${item.skuId} and ${sql.ref(`${alias}.lot_id`)} = ${item.lotId}`
      : sql<SqlBool>`${sql.ref(`${alias}.sku_id`)} = ${item.skuId}`;
  const rows = await trx
    .selectFrom('locations as l')
    .leftJoin('pick_faces as f', 'f.location_id', 'l.id')
    .select(['l.id', 'l.type', 'l.zone', 'l.pick_sequence', 'l.capacity_units'])
    .select(['f.sku_id as face_sku_id', 'f.max_quantity as face_max'])
    .select((item.lotTracked ? skuLotsIn(item.skuId) : sql<number>`0`).as('sku_lots'))
    .select(
      sql<number>`(select coalesce(sum(b.on_hand), 0) from stock_balances b
           where b.location_id = l.id and b.on_hand > 0)
        + (select coalesce(sum(t.quantity), 0) from move_tasks t
           where t.suggested_location_id = l.id and t.status = 'open')`.as('occupied'),
    )
    .select(
      sql<number>`(select coalesce(sum(b.on_hand), 0) from stock_balances b
           where b.location_id = l.id and b.on_hand > 0 and ${sameItem('b')})
        + (select coalesce(sum(t.quantity), 0) from move_tasks t
           where t.suggested_location_id = l.id and t.status = 'open' and ${sameItem('t')})`.as(
        'same_item',
      ),
    )
    .select(
      sql<number>`(select coalesce(sum(b.on_hand), 0) from stock_balances b
           where b.location_id = l.id and b.on_hand > 0 and b.sku_id = f.sku_id)
        + (select coalesce(sum(t.quantity), 0) from move_tasks t
           where t.suggested_location_id = l.id and t.status = 'open' and t.sku_id = f.sku_id)`.as(
        'face_units',
      ),
    )
    .where('l.warehouse_id', '=', item.warehouseId)
    .where('l.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('f.sku_id', '=', item.skuId),
        eb.and([
          eb('l.type', '=', 'storage'),
          eb('f.location_id', 'is', null),
          eb.or([
            eb(
              'l.id',
              'in',
              eb
                .selectFrom('stock_balances as b')
                .select('b.location_id')
                .where('b.sku_id', '=', item.skuId)
                .where('b.warehouse_id', '=', item.warehouseId)
                .where(sql<SqlBool>`b.on_hand > 0`),
            ),
            eb(
              'l.id',
              'in',
              eb
                .selectFrom('move_tasks as t')
                .select('t.suggested_location_id')
                .where('t.warehouse_id', '=', item.warehouseId)
                .where('t.status', '=', 'open')
                .where('t.suggested_location_id', 'is not', null)
                .where('t.sku_id', '=', item.skuId),
            ),
          ]),
        ]),
      ]),
    )
    .where('l.type', 'in', ['storage', 'pick_face'])
    .orderBy('l.id')
    .execute();
  return rows.map((l) => ({
    locationId: l.id,
    type: l.type as 'storage' | 'pick_face',
    zone: l.zone,
    pickSequence: l.pick_sequence,
    capacityUnits: l.capacity_units === null ? null : Number(l.capacity_units),
    occupiedUnits: Number(l.occupied),
    sameItemUnits: Number(l.same_item),
    ...(item.lotTracked ? { skuLots: Number(l.sku_lots) } : {}),
    pickFace:
      l.face_sku_id === null
        ? null
        : { skuId: l.face_sku_id, maxQuantity: Number(l.face_max), skuUnits: Number(l.face_units) },
  }));
}

/**
 * The first `limit` empty reserve bins (active storage, no pick face, nothing on hand and no
 * open task bringing anything) in the policy's order: the preferred zone first, then along the
 * pick path. Each query walks the bins in path order by index and stops at `limit`.
 */
export async function emptyReserveBins(
  trx: Tx,
  warehouseId: number,
  preferredZone: string | null,
  limit: number,
): Promise<PutawayBin[]> {
  const inZone =
    preferredZone === null ? [] : await emptyBins(trx, warehouseId, limit, preferredZone);
  const rest =
    inZone.length >= limit
      ? []
      : await emptyBins(trx, warehouseId, limit - inZone.length, preferredZone, true);
  return [...inZone, ...rest];
}

async function emptyBins(
  trx: Tx,
  warehouseId: number,
  limit: number,
  zone: string | null,
  outside = false,
): Promise<PutawayBin[]> {
  let query = trx
    .selectFrom('locations as l')
    .select(['l.id', 'l.zone', 'l.pick_sequence', 'l.capacity_units'])
    .where('l.warehouse_id', '=', warehouseId)
    .where('l.type', '=', 'storage')
    .where('l.active', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pick_faces as f')
            .select('f.location_id')
            .whereRef('f.location_id', '=', 'l.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('stock_balances as b')
            .select('b.location_id')
            .whereRef('b.location_id', '=', 'l.id')
            .where(sql<SqlBool>`b.on_hand > 0`),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('move_tasks as t')
            .select('t.id')
            .whereRef('t.suggested_location_id', '=', 'l.id')
            .where('t.status', '=', 'open'),
        ),
      ),
    );
  if (zone !== null)
    query = outside
      ? query.where((eb) => eb.or([eb('l.zone', 'is', null), eb('l.zone', '<>', zone)]))
      : query.where('l.zone', '=', zone);
  const rows = await query.orderBy('l.pick_sequence').orderBy('l.id').limit(limit).execute();
  return rows.map((l) => ({
    locationId: l.id,
    type: 'storage' as const,
    zone: l.zone,
    pickSequence: l.pick_sequence,
    capacityUnits: l.capacity_units === null ? null : Number(l.capacity_units),
    occupiedUnits: 0,
    sameItemUnits: 0,
    pickFace: null,
  }));
}
