import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { addDays } from '../../core/kpis/periods.js';
import { OPEN_ORDER_STATUSES, type OrderStatus } from '../../core/orders/order-status.js';

/** Orders placed on one day (UTC, as the KPIs count days), not counting cancelled ones. */
export interface DashboardDay {
  day: string;
  orders: number;
  /** Order value by currency, integer minor units. */
  valueMinor: Record<string, number>;
}

/** A SKU with nothing left to promise, for the dashboard's stock-out list. */
export interface StockOutSku {
  skuId: number;
  skuCode: string;
  skuName: string;
  available: number;
  allocated: number;
}

/**
 * The dashboard's figures, each counted in the database over all rows (never a page of a
 * list): every definition is what the tile's hint says.
 */
export interface DashboardSummary {
  today: string;
  /** Orders confirmed and not yet shipped in full (on hold included; drafts not). */
  openOrders: number;
  /** Orders the warehouse has: released to a wave or picked, not yet packed. */
  ordersInWaves: number;
  /** Order lines with a backordered quantity, and the units waiting. */
  backorderedLines: number;
  backorderedUnits: number;
  /** Lots with stock on hand in a real bin that expire within `expiryDays` (or already have). */
  expiringLots: number;
  expiryDays: number;
  /** Active SKUs that have been stocked and have nothing available now. */
  stockOuts: number;
  /** The stock-outs with the most held for orders first, at most ten. */
  stockOutSkus: StockOutSku[];
  /** The last `days.length` days, oldest first, today included. */
  days: DashboardDay[];
}

const BACKLOG: readonly OrderStatus[] = OPEN_ORDER_STATUSES.filter((s) => s !== 'draft');
const IN_WAVES: readonly OrderStatus[] = ['released', 'picked'];
const count = sql<number>`cast(count(*) as bigint)`;

async function orderCounts(db: Tx) {
  const row = await db
    .selectFrom('orders')
    .select([
      sql<number>`cast(sum(case when status in (${sql.join(BACKLOG)}) then 1 else 0 end) as bigint)`.as(
        'open',
      ),
      sql<number>`cast(sum(case when status in (${sql.join(IN_WAVES)}) then 1 else 0 end) as bigint)`.as(
        'inWaves',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open ?? 0), inWaves: Number(row.inWaves ?? 0) };
}

async function backorders(db: Tx) {
  const row = await db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .where('ol.quantity_backordered', '>', 0)
    .where('o.status', 'in', BACKLOG)
    .select([
      count.as('lines'),
      sql<number>`cast(sum(ol.quantity_backordered) as bigint)`.as('units'),
    ])
    .executeTakeFirstOrThrow();
  return { lines: Number(row.lines), units: Number(row.units ?? 0) };
}

async function expiringLots(db: Tx, horizon: string): Promise<number> {
  const row = await db
    .selectFrom('lots')
    .where('lots.expiry_date', 'is not', null)
    .where('lots.expiry_date', '<=', horizon)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('stock_balances as b')
          .innerJoin('locations as l', 'l.id', 'b.location_id')
          .whereRef('b.lot_id', '=', 'lots.id')
          .where('l.virtual', '=', 0)
          .where('b.on_hand', '>', 0)
          .select('b.lot_id'),
      ),
    )
    .select(count.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Available as the stock report counts it: unreserved stock in storage and pick faces. */
async function stockOuts(db: Tx) {
  const rows = await db
    .selectFrom('skus as s')
    .innerJoin('stock_balances as b', 'b.sku_id', 's.id')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .where('s.active', '=', 1)
    .select([
      's.id as skuId',
      sql<string>`max(s.code)`.as('skuCode'),
      sql<string>`max(s.name)`.as('skuName'),
      sql<number>`cast(sum(case when l.type in ('storage', 'pick_face') then b.on_hand - b.allocated else 0 end) as bigint)`.as(
        'available',
      ),
      sql<number>`cast(sum(b.allocated) as bigint)`.as('allocated'),
    ])
    .groupBy('s.id')
    .having(
      sql`sum(case when l.type in ('storage', 'pick_face') then b.on_hand - b.allocated else 0 end)`,
      '<=',
      0,
    )
    .orderBy(sql`sum(b.allocated)`, 'desc')
    .orderBy('s.id')
    .execute();
  const skus = rows.map((r) => ({
    skuId: r.skuId,
    skuCode: r.skuCode,
    skuName: r.skuName,
    available: Number(r.available),
    allocated: Number(r.allocated),
  }));
  return { count: skus.length, top: skus.slice(0, 10) };
}

async function ordersPerDay(db: Tx, first: string, dayCount: number): Promise<DashboardDay[]> {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await db
    .selectFrom('orders')
    .where('created_at', '>=', `${first}T00:00:00.000Z`)
    .where('status', '<>', 'cancelled')
    .select([
      day.as('day'),
      'currency',
      count.as('orders'),
      sql<number>`cast(sum(total_minor) as bigint)`.as('value'),
    ])
    .groupBy([day, 'currency'])
    .execute();
  const days = Array.from({ length: dayCount }, (_, i) => addDays(first, i));
  const byDay = new Map<string, DashboardDay>(
    days.map((d) => [d, { day: d, orders: 0, valueMinor: {} }]),
  );
  for (const r of rows) {
    const point = byDay.get(r.day);
    if (!point) continue;
    point.orders += Number(r.orders);
    point.valueMinor[r.currency] = (point.valueMinor[r.currency] ?? 0) + Number(r.value);
  }
  return [...byDay.values()];
}

/** Every dashboard figure for `today` (a UTC day), over the whole database. */
export async function dashboardSummary(
  db: Tx,
  today: string,
  options: { dayCount?: number; expiryDays?: number } = {},
): Promise<DashboardSummary> {
  const dayCount = options.dayCount ?? 14;
  const expiryDays = options.expiryDays ?? 30;
  const [orders, backordered, expiring, outs, days] = await Promise.all([
    orderCounts(db),
    backorders(db),
    expiringLots(db, addDays(today, expiryDays)),
    stockOuts(db),
    ordersPerDay(db, addDays(today, 1 - dayCount), dayCount),
  ]);
  return {
    today,
    openOrders: orders.open,
    ordersInWaves: orders.inWaves,
    backorderedLines: backordered.lines,
    backorderedUnits: backordered.units,
    expiringLots: expiring,
    expiryDays,
    stockOuts: outs.count,
    stockOutSkus: outs.top,
    days,
  };
}
