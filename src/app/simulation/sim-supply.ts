import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { MAX_LOTS_OF_SKU_PER_BIN } from '../../core/receiving/putaway-policy.js';
import type { AppContext } from '../context.js';
import { fillBackorders } from '../orders/fill-backorders.js';
import { approveSuggestions } from '../planning/approve-suggestions.js';
import { runReplenishment } from '../planning/replenishment-run.js';
import { sendPurchaseOrder } from '../purchasing/po-lifecycle.js';
import { confirmMoveTask } from '../receiving/confirm-move-task.js';
import { receiveAgainstPo } from '../receiving/receive-against-po.js';
import { addDays, draw, drawInt } from './sim-random.js';
import { runUnit, runUnits } from './sim-units.js';
import type { SimWorld } from './sim-world.js';

/** The buyer who approves the replenishment run's suggestions and sends the POs. */
const SIM_BUYER = 'sim:buyer';
const SIM_RECEIVER = 'sim:receiving';
/** A line arrives damaged (booked to DAMAGED) this often. */
const DAMAGED_ON_ARRIVAL = 0.01;

export interface SupplyDay {
  purchaseOrdersSent: number;
  purchaseOrdersReceived: number;
  unitsReceived: number;
}

/**
 * The daily replenishment run over every warehouse, then the approval rule of the simulated
 * buyer — approve every open suggestion as suggested — and each draft PO sent to its
 * supplier. Returns the POs sent.
 */
export async function replenish(ctx: AppContext): Promise<number> {
  await runReplenishment(ctx, { trigger: 'schedule', actor: 'system:replenishment' });
  const open = await ctx.database.db
    .selectFrom('replenishment_suggestions')
    .select('id')
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  if (open.length === 0) return 0;
  const nowIso = ctx.now().toISOString();
  const sent = await runUnit(ctx.database, async (trx) => {
    const approved = await approveSuggestions(
      trx,
      { suggestionIds: open.map((s) => Number(s.id)) },
      SIM_BUYER,
      nowIso,
    );
    for (const po of approved.purchaseOrders)
      await sendPurchaseOrder(trx, po.id, SIM_BUYER, nowIso);
    return approved.purchaseOrders.length;
  });
  return sent.ok ? sent.value : 0;
}

/**
 * Suppliers deliver: a sent PO arrives its supplier's lead time after it was sent, two days
 * early to four days late (drawn per PO). Every open line is scanned in full (new lots with
 * their expiry for lot-tracked SKUs), now and then a line arrives damaged, and the put-away
 * tasks are confirmed at the bins receiving suggested. Received SKUs then fill backorders.
 */
export async function receiveDeliveries(
  ctx: AppContext,
  world: SimWorld,
  date: string,
  seed: number,
): Promise<{ received: number; units: number }> {
  const pos = await ctx.database.db
    .selectFrom('purchase_orders as po')
    .innerJoin('suppliers as s', 's.id', 'po.supplier_id')
    .select(['po.id', 'po.sent_at', 's.lead_time_days'])
    .where('po.status', 'in', ['sent', 'partially_received'])
    .orderBy('po.id')
    .execute();
  const due = pos.filter((po) => {
    const sent = (po.sent_at ?? date).slice(0, 10);
    const late = drawInt(-2, 4, seed, Number(po.id), 23);
    return addDays(sent, Math.max(1, Number(po.lead_time_days) + late)) <= date;
  });
  const now = ctx.now();
  const outcomes = await runUnits(ctx.database, due, (trx, po) =>
    receivePo(trx, world, Number(po.id), date, seed, now),
  );
  const skus = new Set<number>();
  let units = 0;
  for (const o of outcomes) {
    if (!o.ok) continue;
    for (const [skuId, quantity] of o.value) {
      skus.add(skuId);
      units += quantity;
    }
  }
  await fillBackorders(
    ctx.database,
    [...skus].sort((a, b) => a - b),
    ctx.policies.allocation,
    ctx.now,
  );
  return { received: outcomes.filter((o) => o.ok).length, units };
}

async function receivePo(
  trx: Tx,
  world: SimWorld,
  poId: number,
  date: string,
  seed: number,
  now: Date,
): Promise<Map<number, number>> {
  const lines = await trx
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('purchase_order_id', '=', poId)
    .orderBy('line_number')
    .execute();
  const received = new Map<number, number>();
  for (const line of lines) {
    const open = line.quantity_ordered - line.quantity_received - line.quantity_cancelled;
    if (open <= 0) continue;
    const sku = world.skuById.get(line.sku_id);
    const lot = sku?.lotTracked
      ? {
          lotCode: `L${date.replaceAll('-', '').slice(2)}-${poId}`,
          expiryDate: addDays(date, sku.shelfLifeDays ?? 365),
        }
      : {};
    const receipt = await receiveAgainstPo(
      trx,
      poId,
      {
        skuId: line.sku_id,
        quantity: open,
        lineId: line.id,
        damaged: draw(seed, line.id, 29) < DAMAGED_ON_ARRIVAL,
        ...lot,
      },
      SIM_RECEIVER,
      now,
    );
    for (const taskId of receipt.putawayTaskIds) await putAway(trx, taskId, now);
    if (!receipt.damaged) received.set(line.sku_id, (received.get(line.sku_id) ?? 0) + open);
  }
  return received;
}

/**
 * The put-away driver scans the bin receiving suggested. When none fits (the demo's bins
 * record no capacity, so once every bin holds something nothing is "empty", and the bins
 * holding the SKU already mix as many of its lots as allowed), the driver does what one would
 * on the floor: the storage bin holding least that may still take a lot of this SKU.
 */
async function putAway(trx: Tx, taskId: number, now: Date): Promise<void> {
  const task = await trx
    .selectFrom('move_tasks as t')
    .leftJoin('locations as l', 'l.id', 't.suggested_location_id')
    .select(['l.barcode', 'l.code', 't.warehouse_id', 't.sku_id'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
  const scan =
    task.barcode ?? task.code ?? (await overflowBin(trx, task.warehouse_id, task.sku_id));
  if (!scan) return;
  await confirmMoveTask(trx, taskId, scan, SIM_RECEIVER, now.toISOString());
}

/** The storage bin holding least (by units) among those with room for another lot of the SKU. */
async function overflowBin(trx: Tx, warehouseId: number, skuId: number): Promise<string | null> {
  const bin = await trx
    .selectFrom('locations as l')
    .leftJoin('stock_balances as b', (join) =>
      join.onRef('b.location_id', '=', 'l.id').on(sql<SqlBool>`b.on_hand > 0`),
    )
    .select(['l.code', 'l.barcode'])
    .where('l.warehouse_id', '=', warehouseId)
    .where('l.type', '=', 'storage')
    .where('l.active', '=', 1)
    .groupBy(['l.id', 'l.code', 'l.barcode'])
    .having(
      (eb) => eb.fn.sum(eb.case().when('b.sku_id', '=', skuId).then(1).else(0).end()),
      '<',
      MAX_LOTS_OF_SKU_PER_BIN,
    )
    .orderBy((eb) => eb.fn.coalesce(eb.fn.sum('b.on_hand'), eb.lit(0)), 'asc')
    .orderBy('l.id')
    .executeTakeFirst();
  return bin ? (bin.barcode ?? bin.code) : null;
}
