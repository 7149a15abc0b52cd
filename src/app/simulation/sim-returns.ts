import type { Tx } from '../../adapters/db/database.js';
import type { ReturnReason } from '../../core/fulfillment/return-rules.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { authorizeReturn } from '../fulfillment/returns/authorize-return.js';
import { closeReturn } from '../fulfillment/returns/close-return.js';
import { disposeReturn } from '../fulfillment/returns/dispose-return.js';
import { receiveReturn } from '../fulfillment/returns/receive-return.js';
import { returnWarehouse } from '../fulfillment/returns/return-store.js';
import { fillBackorders } from '../orders/fill-backorders.js';
import { SIM_WAREHOUSE } from './sim-picking.js';
import { addDays, draw, drawInt } from './sim-random.js';
import { runUnits } from './sim-units.js';

/** Customer service authorizes returns; the warehouse receives and inspects them. */
const SIM_SERVICE: Actor = { id: 'sim:service', role: 'sales', customerId: null, apiKeyId: 0 };
/** Share of delivered shipments that come back in part. */
const RETURN_RATE = 0.03;
/** Days from authorization until the goods are back at the dock. */
const RETURN_TRANSIT_DAYS = 3;

export interface ReturnDay {
  authorized: number;
  restocked: number;
  damaged: number;
}

/**
 * Returns: a few of the shipments delivered today are partly sent back (reason drawn per
 * shipment); the goods of RMAs authorized three days ago arrive, are inspected (damaged in
 * transit → written off as damaged; anything else → back on the bin it was picked from) and
 * the RMA is closed with its credit. Restocked SKUs then go to waiting backorders.
 */
export async function handleReturns(
  ctx: AppContext,
  date: string,
  seed: number,
): Promise<ReturnDay> {
  const authorized = await authorizeToday(ctx, date, seed);
  const due = await ctx.database.db
    .selectFrom('returns')
    .select(['id', 'reason', 'order_id'])
    .where('status', '=', 'authorized')
    .where('created_at', '<', `${addDays(date, 1 - RETURN_TRANSIT_DAYS)}T00:00:00.000Z`)
    .orderBy('id')
    .execute();
  const now = ctx.now();
  const outcomes = await runUnits(ctx.database, due, (trx, rma) =>
    receiveAndDispose(trx, rma, now),
  );
  const restockedSkus = new Set<number>();
  const day: ReturnDay = { authorized, restocked: 0, damaged: 0 };
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    if (due[i]!.reason === 'damaged_in_transit') day.damaged++;
    else day.restocked++;
    for (const skuId of o.value) restockedSkus.add(skuId);
  });
  await fillBackorders(
    ctx.database,
    [...restockedSkus].sort((a, b) => a - b),
    ctx.policies.allocation,
    ctx.now,
  );
  return day;
}

async function authorizeToday(ctx: AppContext, date: string, seed: number): Promise<number> {
  const delivered = await ctx.database.db
    .selectFrom('shipments as s')
    .innerJoin('order_lines as l', 'l.order_id', 's.order_id')
    .select(['s.id', 's.order_id', 'l.id as line_id', 'l.quantity_shipped'])
    .where('s.delivered_at', '>=', `${date}T00:00:00.000Z`)
    .where('s.delivered_at', '<', `${addDays(date, 1)}T00:00:00.000Z`)
    .where('l.quantity_shipped', '>', 0)
    .orderBy('s.id')
    .orderBy('l.line_number')
    .execute();
  const firstLine = new Map<number, (typeof delivered)[number]>();
  for (const row of delivered) if (!firstLine.has(row.id)) firstLine.set(row.id, row);
  const returning = [...firstLine.values()].filter((s) => draw(seed, s.id, 13) < RETURN_RATE);
  const now = ctx.now();
  const outcomes = await runUnits(ctx.database, returning, (trx, s) =>
    authorizeReturn(
      trx,
      {
        orderId: s.order_id,
        reason: reasonFor(draw(seed, s.id, 17)),
        lines: [
          {
            orderLineId: s.line_id,
            quantity: Math.min(s.quantity_shipped, drawInt(1, 3, seed, s.id, 19)),
          },
        ],
      },
      SIM_SERVICE,
      now,
    ),
  );
  return outcomes.filter((o) => o.ok).length;
}

function reasonFor(roll: number): ReturnReason {
  if (roll < 0.35) return 'damaged_in_transit';
  if (roll < 0.75) return 'not_wanted';
  if (roll < 0.85) return 'wrong_item';
  return 'quality';
}

/**
 * Receives every line in full with the lot that was shipped, disposes it, closes the RMA. The
 * goods go back to the bin they were picked from in the warehouse that takes the return (an
 * order split between warehouses was picked in both); with no such bin, to quarantine.
 */
async function receiveAndDispose(
  trx: Tx,
  rma: { id: number; reason: string; order_id: number },
  now: Date,
) {
  const lines = await trx
    .selectFrom('return_lines as r')
    .innerJoin('allocations as a', 'a.order_line_id', 'r.order_line_id')
    .leftJoin('lots', 'lots.id', 'a.lot_id')
    .select(['r.id', 'r.quantity_authorized', 'lots.code as lot_code', 'a.location_id'])
    .select('a.warehouse_id')
    .where('r.return_id', '=', rma.id)
    .orderBy('r.id')
    .orderBy('a.id')
    .execute();
  const warehouseId = await returnWarehouse(trx, rma.order_id);
  const byLine = new Map<number, (typeof lines)[number]>();
  for (const l of lines) {
    const seen = byLine.get(l.id);
    if (!seen || (seen.warehouse_id !== warehouseId && l.warehouse_id === warehouseId))
      byLine.set(l.id, l);
  }
  const picked = [...byLine.values()];
  await receiveReturn(
    trx,
    rma.id,
    {
      lines: picked.map((l) => ({
        returnLineId: l.id,
        quantity: l.quantity_authorized,
        lotCode: l.lot_code ?? undefined,
      })),
    },
    SIM_WAREHOUSE,
    now,
  );
  const damaged = rma.reason === 'damaged_in_transit';
  const disposed = await disposeReturn(
    trx,
    rma.id,
    {
      lines: picked.map((l) =>
        damaged
          ? { returnLineId: l.id, disposition: 'damaged' as const }
          : l.warehouse_id === warehouseId
            ? { returnLineId: l.id, disposition: 'restock' as const, locationId: l.location_id }
            : { returnLineId: l.id, disposition: 'quarantine' as const },
      ),
    },
    SIM_WAREHOUSE,
    now,
  );
  await closeReturn(trx, rma.id, SIM_WAREHOUSE, now);
  return disposed.restockedSkuIds;
}
