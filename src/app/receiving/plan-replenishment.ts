import { sql, type SqlBool } from 'kysely';
import { isPostgres, type Tx } from '../../adapters/db/database.js';
import {
  planFaceRefill,
  refillQuantity,
  type FaceLevel,
  type ReserveStock,
} from '../../core/receiving/replenishment-plan.js';
import { expiryDay } from '../../core/inventory/expiry.js';
import { isoNow, type AppContext } from '../context.js';
import { faceLevels } from './face-levels.js';

export interface ReplenishmentPlan {
  warehouseId: number;
  /** Faces below min with room to refill (some may find no reserve stock). */
  facesBelowMin: number;
  taskIds: number[];
}

/**
 * Unreserved stock of these SKUs in the warehouse's active storage bins, in lots not expired
 * by `today` (an expired lot is not sellable: it waits for the expiry sweep, not a pick face),
 * less what open replenish tasks already take from there: what reserve can give to pick faces.
 */
async function reserveStock(trx: Tx, warehouseId: number, skuIds: number[], today: string) {
  if (skuIds.length === 0) return new Map<number, ReserveStock[]>();
  const rows = await trx
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .leftJoin('lots', 'lots.id', 'b.lot_id')
    .leftJoin('pick_faces as pf', 'pf.location_id', 'b.location_id')
    .select(['b.location_id', 'b.sku_id', 'b.lot_id', 'b.on_hand', 'b.allocated'])
    .select(['lots.expiry_date', 'l.pick_sequence'])
    .where('b.warehouse_id', '=', warehouseId)
    .where('b.sku_id', 'in', skuIds)
    .where('l.type', '=', 'storage')
    .where('l.active', '=', 1)
    .where('pf.location_id', 'is', null)
    .where(sql<SqlBool>`b.on_hand > 0`)
    .whereRef('b.on_hand', '>', 'b.allocated')
    .where((eb) => eb.or([eb('lots.expiry_date', 'is', null), eb('lots.expiry_date', '>=', today)]))
    .execute();
  const promised = await trx
    .selectFrom('move_tasks')
    .select(['from_location_id', 'sku_id', 'lot_id', 'quantity'])
    .where('warehouse_id', '=', warehouseId)
    .where('kind', '=', 'replenish')
    .where('status', '=', 'open')
    .execute();
  const bySku = new Map<number, ReserveStock[]>();
  for (const r of rows) {
    const taken = promised
      .filter((t) => t.from_location_id === r.location_id && t.sku_id === r.sku_id)
      .filter((t) => t.lot_id === r.lot_id)
      .reduce((n, t) => n + Number(t.quantity), 0);
    const quantity = Number(r.on_hand) - Number(r.allocated) - taken;
    if (quantity <= 0) continue;
    const list = bySku.get(r.sku_id) ?? [];
    list.push({
      locationId: r.location_id,
      lotId: r.lot_id,
      expiryDate: r.expiry_date,
      quantity,
      pickSequence: r.pick_sequence,
    });
    bySku.set(r.sku_id, list);
  }
  return bySku;
}

async function insertTask(
  trx: Tx,
  warehouseId: number,
  move: ReturnType<typeof planFaceRefill>[number],
  nowIso: string,
) {
  const row = await trx
    .insertInto('move_tasks')
    .values({
      kind: 'replenish',
      warehouse_id: warehouseId,
      sku_id: move.skuId,
      lot_id: move.lotId,
      quantity: move.quantity,
      from_location_id: move.fromLocationId,
      suggested_location_id: move.toLocationId,
      to_location_id: null,
      status: 'open',
      receipt_id: null,
      reason: 'pick face below min',
      created_at: nowIso,
      completed_at: null,
      completed_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The plan inside the caller's transaction (see planPickFaceReplenishment). */
export async function planReplenishmentIn(
  trx: Tx,
  warehouseId: number,
  nowIso: string,
): Promise<ReplenishmentPlan> {
  const faces: FaceLevel[] = await faceLevels(trx, warehouseId, isPostgres(trx));
  const needy = faces.filter((f) => refillQuantity(f) > 0);
  const reserve = await reserveStock(
    trx,
    warehouseId,
    [...new Set(needy.map((f) => f.skuId))],
    expiryDay(nowIso),
  );
  const taskIds: number[] = [];
  for (const face of needy) {
    for (const move of planFaceRefill(face, reserve.get(face.skuId) ?? [])) {
      taskIds.push(await insertTask(trx, warehouseId, move, nowIso));
    }
  }
  return { warehouseId, facesBelowMin: needy.length, taskIds };
}

/**
 * Creates `replenish` tasks from reserve storage (FEFO) to every pick face of the warehouse
 * whose available stock fell below its min, up to its max; a face with an open replenish
 * task gets no second one. Safe to run from several processes: on PostgreSQL the warehouse's
 * pick-face rows are locked first, so a second run waits, then sees the open tasks.
 */
export async function planPickFaceReplenishment(
  ctx: AppContext,
  warehouseId: number,
): Promise<ReplenishmentPlan> {
  return ctx.database.write((trx) => planReplenishmentIn(trx, warehouseId, isoNow(ctx)));
}
