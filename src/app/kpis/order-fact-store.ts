import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';

/**
 * Statuses after which an order's lines no longer change: nothing more is picked or shipped.
 * A `shipped` order may still become `delivered` or `closed`, which changes no line.
 */
export const SETTLED_ORDER_STATUSES = ['shipped', 'delivered', 'closed', 'cancelled'] as const;

/**
 * Stores one `kpi_order_facts` row for each order that has settled since the last call: in a
 * settled status, shipped at least once and every shipment delivered. From then on its lines,
 * shipments and deliveries are final, so the order KPIs read this row instead of the order
 * tables. Short picks, returns and backorder events are not stored: they can come later.
 * Returns how many orders settled.
 */
export async function settleOrderFacts(trx: Tx): Promise<number> {
  const statuses = sql.join(SETTLED_ORDER_STATUSES.map((s) => sql`${s}`));
  // Candidates first (settled status, no fact yet), so only their shipments and lines are read.
  const result = await sql`
    insert into kpi_order_facts (order_id, customer_id, warehouse_id, created_at,
      first_shipped_at, last_shipped_at, shipments, promised_delivered, on_time,
      lines, lines_filled, units_ordered, units_shipped, revenue_minor)
    with c as (
      select o.id from orders o
      where o.status in (${statuses})
        and not exists (select 1 from kpi_order_facts f where f.order_id = o.id)
    ), s as (
      select order_id, min(shipped_at) as first_shipped_at, max(shipped_at) as last_shipped_at,
        count(*) as shipments, min(warehouse_id) as warehouse_id,
        sum(case when delivered_at is null then 1 else 0 end) as undelivered,
        sum(case when promised_date is not null then 1 else 0 end) as promised_delivered,
        sum(case when promised_date is not null
          and coalesce(delivered_on, substr(delivered_at, 1, 10)) <= promised_date then 1 else 0 end) as on_time
      from shipments where order_id in (select id from c)
      group by order_id
    ), l as (
      select order_id, count(*) as lines,
        sum(case when quantity_shipped >= quantity_ordered then 1 else 0 end) as lines_filled,
        sum(quantity_ordered) as units_ordered, sum(quantity_shipped) as units_shipped,
        sum(quantity_shipped * unit_price_minor) as revenue_minor
      from order_lines where order_id in (select order_id from s where undelivered = 0)
      group by order_id
    )
    select o.id, o.customer_id, coalesce(o.warehouse_id, s.warehouse_id), o.created_at,
      s.first_shipped_at, s.last_shipped_at, s.shipments, s.promised_delivered, s.on_time,
      l.lines, l.lines_filled, l.units_ordered, l.units_shipped, l.revenue_minor
    from s join orders o on o.id = s.order_id join l on l.order_id = s.order_id
    where s.undelivered = 0
  `.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
