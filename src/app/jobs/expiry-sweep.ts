import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { EXPIRED_REASON, expiryDay } from '../../core/inventory/expiry.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import type { AppContext } from '../context.js';
import { changeStatus } from '../inventory/change-status.js';
import { withLease } from './lease.js';

/** The actor of the movements the sweep posts. */
export const EXPIRY_ACTOR = 'system:expiry';

/** One balance of an expired lot still on a sellable shelf. */
interface ExpiredStock {
  locationId: number;
  skuId: number;
  lotId: number;
  lotCode: string;
}

/**
 * Moves the unreserved stock of every lot expired by today (see `expiryDay`) from storage and
 * pick faces to its warehouse's QUARANTINE location: a `status_change` movement with reason
 * `expired`, one transaction per bin and lot. Stock already reserved for an order stays where
 * it is (the order's allocation owns it). Safe with several processes: it holds the
 * `expiry-sweep` lease, and each balance is locked and re-read before it moves, so a second
 * run (or process) finds nothing left to do. `keepGoing` is asked before each unit: a stopping
 * server ends the sweep between two units. Returns the units moved.
 */
export async function quarantineExpiredLots(
  ctx: AppContext,
  keepGoing: () => boolean = () => true,
): Promise<number> {
  const moved = await withLease(ctx.database, 'expiry-sweep', { now: ctx.now }, async () => {
    const today = expiryDay(ctx.now().toISOString());
    let units = 0;
    for (const stock of await expiredOnShelves(ctx.database.db, today)) {
      if (!keepGoing()) break;
      units += await ctx.database.write((trx) =>
        quarantineOne(trx, stock, ctx.now().toISOString()),
      );
    }
    return units;
  });
  return moved ?? 0;
}

/** Balances with unreserved stock of expired lots in sellable bins, in key order. */
function expiredOnShelves(db: Tx, today: string): Promise<ExpiredStock[]> {
  return db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .innerJoin('lots', 'lots.id', 'b.lot_id')
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where('lots.expiry_date', '<', today)
    .where(sql<boolean>`b.on_hand > b.allocated`)
    .select([
      'b.location_id as locationId',
      'b.sku_id as skuId',
      'b.lot_id as lotId',
      'lots.code as lotCode',
    ])
    .orderBy('b.location_id')
    .orderBy('b.sku_id')
    .orderBy('b.lot_id')
    .execute();
}

/** Locks one balance, re-reads what is unreserved and moves that to quarantine. */
async function quarantineOne(trx: Tx, stock: ExpiredStock, nowIso: string): Promise<number> {
  let query = trx
    .selectFrom('stock_balances')
    .select(['on_hand', 'allocated'])
    .where('location_id', '=', stock.locationId)
    .where('sku_id', '=', stock.skuId)
    .where('lot_id', '=', stock.lotId);
  if (isPostgres(trx)) query = query.forUpdate();
  const balance = await query.executeTakeFirst();
  const free = balance ? Number(balance.on_hand) - Number(balance.allocated) : 0;
  if (free <= 0) return 0;
  await changeStatus(
    trx,
    {
      skuId: stock.skuId,
      fromLocationId: stock.locationId,
      quantity: free,
      status: 'quarantine',
      lotCode: stock.lotCode,
      reasonCode: EXPIRED_REASON,
    },
    EXPIRY_ACTOR,
    nowIso,
  );
  return free;
}
