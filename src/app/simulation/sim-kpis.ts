import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { VIRTUAL_LOCATION_TYPES } from '../../core/inventory/location-types.js';

/** The KPI summary printed at the end of a simulation: counts, rates (0–1) and money in minor units. */
export interface SimKpis {
  orders: number;
  lines: number;
  unitsOrdered: number;
  unitsShipped: number;
  /** Units shipped ÷ units ordered, over the simulated orders. */
  fillRate: number;
  /** Orders shipped complete ÷ orders. */
  orderFillRate: number;
  shipments: number;
  /** Shipments that left on or before the order's requested ship date. */
  onTimeShipmentRate: number;
  /** Delivered shipments that arrived on or before the carrier's promised date. */
  onTimeDeliveryRate: number;
  returns: number;
  purchaseOrders: number;
  cycleCounts: number;
  /** On hand in real (not virtual) locations at standard cost. */
  inventoryValueMinor: number;
  /** Lines still waiting for stock at the end. */
  backorderedLines: number;
  /** SKU × warehouse pairs with nothing available to promise at the end. */
  stockOuts: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);
const num = (v: unknown) => Number(v ?? 0);

/** The KPIs of everything that happened since `sinceIso`, read from the tables. */
export async function simulationKpis(db: Tx, sinceIso: string): Promise<SimKpis> {
  const lines = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select((eb) => [
      eb.fn.count<number>('l.id').as('lines'),
      eb.fn.count<number>('l.order_id').distinct().as('orders'),
      eb.fn.sum<number>('l.quantity_ordered').as('ordered'),
      eb.fn.sum<number>('l.quantity_shipped').as('shipped'),
    ])
    .where('o.created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  const complete = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.count<number>('id').as('n'))
    .where('created_at', '>=', sinceIso)
    .where('status', 'in', ['shipped', 'delivered'])
    .executeTakeFirstOrThrow();
  const shipments = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select((eb) => [
      eb.fn.count<number>('s.id').as('n'),
      eb.fn
        .sum<number>(
          sql`case when substr(s.shipped_at, 1, 10) <= coalesce(o.requested_ship_date, substr(s.shipped_at, 1, 10)) then 1 else 0 end`,
        )
        .as('on_time'),
      eb.fn
        .sum<number>(sql`case when s.delivered_at is not null then 1 else 0 end`)
        .as('delivered'),
      eb.fn
        .sum<number>(
          sql`case when s.delivered_at is not null and substr(s.delivered_at, 1, 10) <= coalesce(s.promised_date, substr(s.delivered_at, 1, 10)) then 1 else 0 end`,
        )
        .as('delivered_on_time'),
    ])
    .where('s.shipped_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  const counted = async (table: 'returns' | 'purchase_orders' | 'count_tasks') =>
    num(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('created_at', '>=', sinceIso)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stock = await stockFigures(db);
  return {
    orders: num(lines.orders),
    lines: num(lines.lines),
    unitsOrdered: num(lines.ordered),
    unitsShipped: num(lines.shipped),
    fillRate: ratio(num(lines.shipped), num(lines.ordered)),
    orderFillRate: ratio(num(complete.n), num(lines.orders)),
    shipments: num(shipments.n),
    onTimeShipmentRate: ratio(num(shipments.on_time), num(shipments.n)),
    onTimeDeliveryRate: ratio(num(shipments.delivered_on_time), num(shipments.delivered)),
    returns: await counted('returns'),
    purchaseOrders: await counted('purchase_orders'),
    cycleCounts: await counted('count_tasks'),
    ...stock,
  };
}

async function stockFigures(db: Tx) {
  const value = await db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .innerJoin('skus as s', 's.id', 'b.sku_id')
    .select((eb) => eb.fn.sum<number>(sql`b.on_hand * s.standard_cost_minor`).as('v'))
    .where('l.type', 'not in', [...VIRTUAL_LOCATION_TYPES])
    .executeTakeFirstOrThrow();
  const backordered = await db
    .selectFrom('order_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('quantity_backordered', '>', 0)
    .executeTakeFirstOrThrow();
  const available = await db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .select(['b.sku_id', 'b.warehouse_id'])
    .where('l.type', 'in', ['storage', 'pick_face'])
    .where(sql<boolean>`b.on_hand > b.allocated`)
    .groupBy(['b.sku_id', 'b.warehouse_id'])
    .execute();
  const skus = await db
    .selectFrom('skus')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  const warehouses = await db
    .selectFrom('warehouses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    inventoryValueMinor: num(value.v),
    backorderedLines: num(backordered.n),
    stockOuts: num(skus.n) * num(warehouses.n) - available.length,
  };
}
