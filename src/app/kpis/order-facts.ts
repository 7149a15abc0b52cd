import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { DeliveryFact, OrderFact } from '../../core/kpis/order-kpis.js';
import { FALLBACK_TIME_ZONE, warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';
import { bucketOfTime, groupOf, inRange, widened, type KpiQuery } from './kpi-query.js';
import { orderFlags, type OrderFlags } from './order-flags.js';

type N = number | string;
interface FactRow {
  order_id: N;
  customer_id: N;
  warehouse_id: N | null;
  created_at: string;
  first_shipped_at: string;
  shipments: N;
  promised_delivered: N;
  on_time: N;
  lines: N;
  lines_filled: N;
  units_ordered: N;
  units_shipped: N;
  revenue_minor: N;
}

const filters = (q: KpiQuery, warehouse: RawBuilder<unknown>, customer: RawBuilder<unknown>) =>
  sql`
  ${q.warehouseId === undefined ? sql`` : sql`and ${warehouse} = ${q.warehouseId}`}
  ${q.customerId === undefined ? sql`` : sql`and ${customer} = ${q.customerId}`}`;

/**
 * One fact per order whose first shipment falls in [from, to): lines and units ordered and
 * shipped, shipments delivered by their promised date, and whether it was short-picked, sent
 * back as wrong item/quantity, or ever backordered. Settled orders whose shipments all left
 * before `to` come from `kpi_order_facts` (one indexed range read); the others — still open,
 * or with a shipment at or after `to` that the range must not count — are aggregated from the
 * order tables, which touches only the shipments in the range.
 */
export async function orderFacts(db: Tx, q: KpiQuery): Promise<OrderFact[]> {
  const wide = widened(q);
  const [stored, live, zones] = await Promise.all([
    storedFacts(db, wide),
    liveFacts(db, wide),
    warehouseTimeZones(db),
  ]);
  const zoneOf = (r: FactRow) => zones.get(Number(r.warehouse_id)) ?? FALLBACK_TIME_ZONE;
  const rows = [...stored, ...live]
    .filter((r) => inRange(q, r.first_shipped_at, zoneOf(r)))
    .sort((a, b) => Number(a.order_id) - Number(b.order_id));
  if (rows.length === 0) return [];
  const flags = await orderFlags(db, Number(rows[0]!.order_id), Number(rows.at(-1)!.order_id));
  return rows.map((r) => toFact(q, r, flags, zoneOf(r)));
}

async function storedFacts(db: Tx, q: KpiQuery): Promise<FactRow[]> {
  const result = await sql<FactRow>`
    select f.order_id, f.customer_id, f.warehouse_id, f.created_at, f.first_shipped_at,
      f.shipments, f.promised_delivered, f.on_time, f.lines, f.lines_filled, f.units_ordered,
      f.units_shipped, f.revenue_minor
    from kpi_order_facts f
    where f.first_shipped_at >= ${q.from} and f.first_shipped_at < ${q.to}
      and f.last_shipped_at < ${q.to}
      ${filters(q, sql.ref('f.warehouse_id'), sql.ref('f.customer_id'))}
  `.execute(db);
  return result.rows;
}

/** The direct computation, for the orders of the range that the stored facts do not cover. */
async function liveFacts(db: Tx, q: KpiQuery): Promise<FactRow[]> {
  const result = await sql<FactRow>`
    with c as (
      select distinct sh.order_id from shipments sh
      where sh.shipped_at >= ${q.from} and sh.shipped_at < ${q.to}
        and not exists (select 1 from kpi_order_facts f
          where f.order_id = sh.order_id and f.last_shipped_at < ${q.to})
    ), s as (
      select order_id, min(shipped_at) as first_shipped_at, count(*) as shipments,
        min(warehouse_id) as warehouse_id,
        sum(case when promised_date is not null and delivered_at is not null then 1 else 0 end)
          as promised_delivered,
        sum(case when promised_date is not null and delivered_at is not null
          and coalesce(delivered_on, substr(delivered_at, 1, 10)) <= promised_date then 1 else 0 end) as on_time
      from shipments where shipped_at < ${q.to} and order_id in (select order_id from c)
      group by order_id having min(shipped_at) >= ${q.from}
    ), l as (
      select ol.order_id, count(*) as lines,
        sum(case when ol.quantity_shipped >= ol.quantity_ordered then 1 else 0 end) as lines_filled,
        sum(ol.quantity_ordered) as units_ordered, sum(ol.quantity_shipped) as units_shipped,
        sum(ol.quantity_shipped * ol.unit_price_minor) as revenue_minor
      from order_lines ol where ol.order_id in (select order_id from s)
      group by ol.order_id
    )
    select o.id as order_id, o.customer_id, coalesce(o.warehouse_id, s.warehouse_id) as warehouse_id,
      o.created_at, s.first_shipped_at, s.shipments, s.promised_delivered, s.on_time,
      l.lines, l.lines_filled, l.units_ordered, l.units_shipped, l.revenue_minor
    from s join orders o on o.id = s.order_id join l on l.order_id = o.id
    where 1 = 1 ${filters(q, sql`coalesce(o.warehouse_id, s.warehouse_id)`, sql.ref('o.customer_id'))}
  `.execute(db);
  return result.rows;
}

function toFact(q: KpiQuery, r: FactRow, flags: OrderFlags, timeZone: string): OrderFact {
  const id = Number(r.order_id);
  const warehouseId = r.warehouse_id === null ? null : Number(r.warehouse_id);
  return {
    orderId: id,
    group: groupOf(q, { warehouseId, customerId: Number(r.customer_id) }),
    bucket: bucketOfTime(q, r.first_shipped_at, timeZone),
    placedAt: r.created_at,
    firstShippedAt: r.first_shipped_at,
    shipments: Number(r.shipments),
    promisedDelivered: Number(r.promised_delivered),
    deliveredOnTime: Number(r.on_time),
    lines: Number(r.lines),
    linesFilled: Number(r.lines_filled),
    unitsOrdered: Number(r.units_ordered),
    unitsShipped: Number(r.units_shipped),
    revenueMinor: Number(r.revenue_minor),
    shortPicked: flags.shortPicked.has(id),
    accuracyReturn: flags.accuracyReturn.has(id),
    backordered: flags.backordered.has(id),
  };
}

/** Shipments delivered, shipped in [from, to): hours in transit, bucketed by (local) ship day. */
export async function deliveryFacts(db: Tx, q: KpiQuery): Promise<DeliveryFact[]> {
  const zones = await warehouseTimeZones(db);
  const zoneOf = (warehouseId: number) => zones.get(warehouseId) ?? FALLBACK_TIME_ZONE;
  const rows = await deliveryRows(db, widened(q));
  return rows
    .filter((r) => inRange(q, r.shippedAt, zoneOf(r.warehouseId)))
    .map((r) => ({
      group: r.group,
      bucket: bucketOfTime(q, r.shippedAt, zoneOf(r.warehouseId)),
      hours: r.hours,
    }));
}

async function deliveryRows(db: Tx, q: KpiQuery) {
  // The order is read only for its customer: by warehouse or overall, the shipments suffice.
  const byCustomer = q.groupBy === 'customer' || q.customerId !== undefined;
  const rows = await sql<{
    warehouse_id: N;
    customer_id: N | null;
    shipped_at: string;
    delivered_at: string;
  }>`
    select s.warehouse_id, ${byCustomer ? sql`o.customer_id` : sql`null`} as customer_id,
      s.shipped_at, s.delivered_at
    from shipments s ${byCustomer ? sql`join orders o on o.id = s.order_id` : sql``}
    where s.shipped_at >= ${q.from} and s.shipped_at < ${q.to} and s.delivered_at is not null
    ${q.warehouseId === undefined ? sql`` : sql`and s.warehouse_id = ${q.warehouseId}`}
    ${q.customerId === undefined ? sql`` : sql`and o.customer_id = ${q.customerId}`}
  `.execute(db);
  return rows.rows.map((r) => ({
    group: groupOf(q, {
      warehouseId: Number(r.warehouse_id),
      customerId: r.customer_id === null ? null : Number(r.customer_id),
    }),
    warehouseId: Number(r.warehouse_id),
    shippedAt: r.shipped_at,
    hours: (Date.parse(r.delivered_at) - Date.parse(r.shipped_at)) / 3.6e6,
  }));
}
