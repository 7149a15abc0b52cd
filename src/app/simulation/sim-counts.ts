import type { Tx } from '../../adapters/db/database.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { approveCount } from '../counts/approve-count.js';
import { generateCountTasks } from '../counts/generate-count-tasks.js';
import { startCount } from '../counts/start-count.js';
import { submitCount } from '../counts/submit-count.js';
import { SIM_WAREHOUSE } from './sim-picking.js';
import { draw } from './sim-random.js';
import { runUnits } from './sim-units.js';

/** The inventory manager approves counted bins, which posts the variances. */
const SIM_MANAGER: Actor = { id: 'sim:manager', role: 'manager', customerId: null, apiKeyId: 0 };
/** A counter miscounts one item of a bin this often. */
const MISCOUNT_RATE = 0.05;

export interface CountDay {
  counted: number;
  approved: number;
  /** Counts whose figures differed from the books. */
  variances: number;
}

/**
 * Cycle counting: today's tasks are generated from the count plans; every open task (plan,
 * short pick or recount) is started and counted — the true quantities, except that now and
 * then a counter is one off on an item — and every counted task is approved, posting its
 * variance as a count adjustment. A count far enough off goes to recount and is counted again
 * the next day.
 */
export async function countDay(ctx: AppContext, date: string, seed: number): Promise<CountDay> {
  await generateCountTasks(ctx, date);
  const open = await tasksIn(ctx, 'open');
  const now = ctx.now();
  const counted = await runUnits(ctx.database, open, async (trx, taskId) => {
    await startCount(trx, taskId, SIM_WAREHOUSE, now);
    const { lines, miscounted } = await countBin(trx, taskId, seed);
    await submitCount(trx, taskId, lines, SIM_WAREHOUSE, now);
    return miscounted;
  });
  const toApprove = await tasksIn(ctx, 'counted');
  const approved = await runUnits(ctx.database, toApprove, (trx, taskId) =>
    approveCount(trx, taskId, SIM_MANAGER, now),
  );
  return {
    counted: counted.filter((c) => c.ok).length,
    approved: approved.filter((a) => a.ok).length,
    variances: counted.filter((c) => c.ok && c.value).length,
  };
}

async function tasksIn(ctx: AppContext, status: string): Promise<number[]> {
  const rows = await ctx.database.db
    .selectFrom('count_tasks')
    .select('id')
    .where('status', '=', status)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** What the counter finds at the task's bin: the books, with one item one off now and then. */
async function countBin(trx: Tx, taskId: number, seed: number) {
  const task = await trx
    .selectFrom('count_tasks as t')
    .innerJoin('locations as l', 'l.id', 't.location_id')
    .select(['t.location_id', 'l.barcode', 'l.code'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
  const stock = await trx
    .selectFrom('stock_balances as b')
    .leftJoin('lots', 'lots.id', 'b.lot_id')
    .select(['b.sku_id', 'b.on_hand', 'b.allocated', 'lots.code as lot_code', 'lots.expiry_date'])
    .where('b.location_id', '=', task.location_id)
    .where('b.on_hand', '>', 0)
    .orderBy('b.sku_id')
    .orderBy('b.lot_id')
    .execute();
  const miscount = draw(seed, taskId, 31) < MISCOUNT_RATE && stock.length > 0;
  const lines = stock.map((s, i) => {
    // Counting one short only where nothing is held for orders: the adjustment must be postable.
    const off = miscount && i === 0 ? (s.on_hand > s.allocated ? -1 : 1) : 0;
    return {
      skuId: s.sku_id,
      lotCode: s.lot_code ?? undefined,
      expiryDate: s.expiry_date ?? undefined,
      quantity: s.on_hand + off,
    };
  });
  return { lines: { locationScan: task.barcode ?? task.code, lines }, miscounted: miscount };
}
