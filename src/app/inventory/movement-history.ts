import type { Kysely } from 'kysely';
import type { Tables } from '../../adapters/db/schema.js';

export interface MovementFilter {
  skuId?: number | undefined;
  locationId?: number | undefined;
  warehouseId?: number | undefined;
  lotId?: number | undefined;
  type?: string | undefined;
  /** ISO timestamps, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
  /** Only movements with an id below this (cursor pagination, newest first). */
  beforeId?: number | undefined;
  limit: number;
}

export interface MovementRow {
  id: number;
  skuId: number;
  skuCode: string;
  lotId: number;
  lotCode: string | null;
  fromLocationId: number;
  fromLocationCode: string;
  toLocationId: number;
  toLocationCode: string;
  quantity: number;
  type: string;
  reasonCode: string | null;
  reference: string | null;
  actor: string;
  createdAt: string;
}

/** The ledger, newest first, filtered. Reads limit+1 rows so the caller can tell if more remain. */
export async function movementHistory(
  db: Kysely<Tables>,
  f: MovementFilter,
): Promise<MovementRow[]> {
  let query = db
    .selectFrom('stock_movements as m')
    .innerJoin('skus as s', 's.id', 'm.sku_id')
    .innerJoin('locations as lf', 'lf.id', 'm.from_location_id')
    .innerJoin('locations as lt', 'lt.id', 'm.to_location_id')
    .leftJoin('lots as lot', 'lot.id', 'm.lot_id')
    .select([
      'm.id',
      'm.sku_id as skuId',
      's.code as skuCode',
      'm.lot_id as lotId',
      'lot.code as lotCode',
      'm.from_location_id as fromLocationId',
      'lf.code as fromLocationCode',
      'm.to_location_id as toLocationId',
      'lt.code as toLocationCode',
      'm.quantity',
      'm.type',
      'm.reason_code as reasonCode',
      'm.reference',
      'm.actor',
      'm.created_at as createdAt',
    ])
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1);
  if (f.skuId !== undefined) query = query.where('m.sku_id', '=', f.skuId);
  if (f.lotId !== undefined) query = query.where('m.lot_id', '=', f.lotId);
  if (f.type !== undefined) query = query.where('m.type', '=', f.type);
  if (f.from !== undefined) query = query.where('m.created_at', '>=', f.from);
  if (f.to !== undefined) query = query.where('m.created_at', '<', f.to);
  if (f.beforeId !== undefined) query = query.where('m.id', '<', f.beforeId);
  if (f.locationId !== undefined) {
    const id = f.locationId;
    query = query.where((eb) =>
      eb.or([eb('m.from_location_id', '=', id), eb('m.to_location_id', '=', id)]),
    );
  }
  if (f.warehouseId !== undefined) {
    const id = f.warehouseId;
    query = query.where((eb) =>
      eb.or([eb('lf.warehouse_id', '=', id), eb('lt.warehouse_id', '=', id)]),
    );
  }
  return query.execute();
}
