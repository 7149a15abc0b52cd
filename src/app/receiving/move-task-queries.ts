import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';

export interface MoveTaskFilter {
  warehouseId: number;
  kind?: 'putaway' | 'replenish' | undefined;
  /** Defaults to open: the floor's work list. */
  status?: 'open' | 'done' | 'cancelled' | undefined;
  limit: number;
}

/** A move task as the floor sees it: what, how many, from where, to which bin. */
export interface MoveTaskView {
  id: number;
  kind: string;
  status: string;
  warehouseId: number;
  skuId: number;
  skuCode: string;
  lotId: number;
  lotCode: string | null;
  quantity: number;
  fromLocationId: number;
  fromLocationCode: string;
  suggestedLocationId: number | null;
  suggestedLocationCode: string | null;
  toLocationId: number | null;
  receiptId: number | null;
  reason: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

/**
 * Move tasks of a warehouse in pick-path order of the bin they go to (tasks with no
 * suggestion last), so a worker walks the aisles once. Not cursor-paged: the order is by
 * path, not id; `limit` caps the list.
 */
export async function listMoveTasks(db: Tx, filter: MoveTaskFilter): Promise<MoveTaskView[]> {
  let query = db
    .selectFrom('move_tasks as t')
    .innerJoin('skus', 'skus.id', 't.sku_id')
    .innerJoin('locations as f', 'f.id', 't.from_location_id')
    .leftJoin('locations as s', 's.id', 't.suggested_location_id')
    .leftJoin('lots', 'lots.id', 't.lot_id')
    .select([
      't.id',
      't.kind',
      't.status',
      't.warehouse_id',
      't.sku_id',
      'skus.code as sku_code',
      't.lot_id',
      'lots.code as lot_code',
      't.quantity',
      't.from_location_id',
      'f.code as from_code',
      't.suggested_location_id',
      's.code as suggested_code',
      't.to_location_id',
      't.receipt_id',
      't.reason',
      't.created_at',
      't.completed_at',
      't.completed_by',
    ])
    .where('t.warehouse_id', '=', filter.warehouseId)
    .where('t.status', '=', filter.status ?? 'open');
  if (filter.kind) query = query.where('t.kind', '=', filter.kind);
  const rows = await query
    .orderBy(sql`case when s.pick_sequence is null then 1 else 0 end`)
    .orderBy('s.pick_sequence')
    .orderBy('t.id')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    warehouseId: r.warehouse_id,
    skuId: r.sku_id,
    skuCode: r.sku_code,
    lotId: r.lot_id,
    lotCode: r.lot_code,
    quantity: Number(r.quantity),
    fromLocationId: r.from_location_id,
    fromLocationCode: r.from_code,
    suggestedLocationId: r.suggested_location_id,
    suggestedLocationCode: r.suggested_code,
    toLocationId: r.to_location_id,
    receiptId: r.receipt_id,
    reason: r.reason,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
  }));
}
