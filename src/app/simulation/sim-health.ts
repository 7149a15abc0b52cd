import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { reconcile } from '../inventory/reconcile.js';

/** How long an order may wait in released or picked before the check calls it stuck. */
export const STUCK_AFTER_DAYS = 2;
/** A return is back at the dock three days after authorization and closed the same day. */
const RETURN_STUCK_AFTER_DAYS = 3 + STUCK_AFTER_DAYS;
/** More lots than this with stock in one bin of one SKU is fragmentation, not FEFO at work. */
export const MAX_LOTS_PER_BIN = 12;

/** Whether the simulated business ended healthy, as `simulate` checks at its end. */
export interface SimHealth {
  /**
   * Orders in released or picked for longer than STUCK_AFTER_DAYS holding stock not picked, or
   * with nothing backordered to wait for.
   */
  stuckOrders: number;
  /** The oldest of them, for the message. */
  oldestStuck: { orderId: number; status: string; since: string } | undefined;
  /** Orders waiting that long only for backordered stock (the summary says so). */
  waitingForStock: number;
  /** Units in STAGING or PACKING beyond what open orders picked and have not shipped yet. */
  strandedUnits: number;
  /** Units in STAGING or PACKING held for the stuck orders. */
  stuckStagedUnits: number;
  /** Returns authorized more than RETURN_STUCK_AFTER_DAYS ago and still not closed. */
  stuckReturns: number;
  /** Bin × SKU pairs holding stock in more than MAX_LOTS_PER_BIN lots. */
  fragmentedBins: number;
  reconcileDifferences: number;
  /** Units shipped ÷ units ordered over the run. */
  fillRate: number;
  /** Cost of goods shipped ÷ inventory at standard cost now, annualised over the run's days. */
  turnover: number;
  /** Each problem in a sentence; empty when healthy. */
  problems: string[];
}

/**
 * The end-of-run check of a simulation: no order left behind in released or picked, no stock
 * stranded in staging, no lot scattered over dozens of rows in one bin, and a ledger that
 * reconciles — plus the two figures a wholesaler watches, fill rate and stock turnover.
 */
export async function simulationHealth(
  db: Tx,
  sinceIso: string,
  nowIso: string,
  days: number,
): Promise<SimHealth> {
  const cutoff = new Date(Date.parse(nowIso) - STUCK_AFTER_DAYS * 86_400_000).toISOString();
  const waiting = await db
    .selectFrom('orders as o')
    .select(['o.id', 'o.status', 'o.updated_at'])
    .select(
      sql<number>`(select count(*) from order_lines l
        where l.order_id = o.id and l.quantity_backordered > 0)`.as('backordered'),
    )
    .select(
      sql<number>`(select count(*) from allocations a
        where a.order_id = o.id and a.remaining > 0)`.as('held'),
    )
    .select(
      sql<number>`(select coalesce(sum(l.quantity_picked - l.quantity_shipped), 0)
        from order_lines l where l.order_id = o.id)`.as('staged'),
    )
    .where('o.status', 'in', ['released', 'picked'])
    .where('o.updated_at', '<', cutoff)
    .orderBy('o.updated_at')
    .execute();
  // Stock held but never picked is stuck whatever else the order waits for.
  const stuck = waiting.filter((o) => Number(o.held) > 0 || Number(o.backordered) === 0);
  const staged = await stagedUnits(db);
  const owed = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select(sql<number>`coalesce(sum(l.quantity_picked - l.quantity_shipped), 0)`.as('n'))
    .where('o.status', 'in', ['released', 'picked', 'packed', 'partially_shipped'])
    .executeTakeFirstOrThrow();
  const fragmented = await db
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id'])
    .where('on_hand', '>', 0)
    .groupBy(['location_id', 'sku_id'])
    .having(sql<number>`count(*)`, '>', MAX_LOTS_PER_BIN)
    .execute();
  const returns = await db
    .selectFrom('returns')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', 'not in', ['closed', 'cancelled'])
    .where(
      'created_at',
      '<',
      new Date(Date.parse(nowIso) - RETURN_STUCK_AFTER_DAYS * 86_400_000).toISOString(),
    )
    .executeTakeFirstOrThrow();
  const report = await reconcile(db);
  const health: SimHealth = {
    stuckOrders: stuck.length,
    oldestStuck: stuck[0]
      ? { orderId: stuck[0].id, status: stuck[0].status, since: stuck[0].updated_at }
      : undefined,
    waitingForStock: waiting.length - stuck.length,
    strandedUnits: Math.max(0, staged - Number(owed.n)),
    stuckStagedUnits: stuck.reduce((n, o) => n + Number(o.staged), 0),
    stuckReturns: Number(returns.n),
    fragmentedBins: fragmented.length,
    reconcileDifferences: report.differences.length,
    ...(await fillAndTurnover(db, sinceIso, days)),
    problems: [],
  };
  health.problems = problemsOf(health);
  return health;
}

function problemsOf(h: SimHealth): string[] {
  const problems: string[] = [];
  if (h.stuckOrders > 0)
    problems.push(
      `${h.stuckOrders} orders waited in released/picked over ${STUCK_AFTER_DAYS} days holding unpicked stock or with nothing backordered (oldest: order ${h.oldestStuck?.orderId}, ${h.oldestStuck?.status} since ${h.oldestStuck?.since.slice(0, 10)}), holding ${h.stuckStagedUnits} units in staging`,
    );
  if (h.strandedUnits > 0)
    problems.push(`${h.strandedUnits} units in STAGING/PACKING belong to no open order`);
  if (h.stuckReturns > 0)
    problems.push(
      `${h.stuckReturns} returns are still open ${RETURN_STUCK_AFTER_DAYS} days after authorization`,
    );
  if (h.fragmentedBins > 0)
    problems.push(`${h.fragmentedBins} bins hold one SKU in more than ${MAX_LOTS_PER_BIN} lots`);
  if (h.reconcileDifferences > 0)
    problems.push(`the ledger has ${h.reconcileDifferences} differences`);
  return problems;
}

async function stagedUnits(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .select(sql<number>`coalesce(sum(b.on_hand), 0)`.as('n'))
    .where('l.code', 'in', ['STAGING', 'PACKING'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function fillAndTurnover(db: Tx, sinceIso: string, days: number) {
  const lines = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      sql<number>`coalesce(sum(l.quantity_ordered), 0)`.as('ordered'),
      sql<number>`coalesce(sum(l.quantity_shipped), 0)`.as('shipped'),
    ])
    .where('o.created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  const cogs = await db
    .selectFrom('stock_movements as m')
    .innerJoin('skus as s', 's.id', 'm.sku_id')
    .select(sql<number>`coalesce(sum(m.quantity * s.standard_cost_minor), 0)`.as('v'))
    .where('m.type', '=', 'ship')
    .where('m.created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  const held = await db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .innerJoin('skus as s', 's.id', 'b.sku_id')
    .select(sql<number>`coalesce(sum(b.on_hand * s.standard_cost_minor), 0)`.as('v'))
    .where('l.virtual', '=', 0)
    .executeTakeFirstOrThrow();
  const ordered = Number(lines.ordered);
  const value = Number(held.v);
  return {
    fillRate: ordered === 0 ? 0 : Math.round((Number(lines.shipped) / ordered) * 1000) / 1000,
    turnover:
      value === 0 || days <= 0
        ? 0
        : Math.round(((Number(cogs.v) * (365 / days)) / value) * 10) / 10,
  };
}
