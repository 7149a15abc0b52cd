import crypto from 'node:crypto';
import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { reservations } from './allocate-lines.js';
import { lineRows, orderValues, type NewOrder } from './new-order-rows.js';

/**
 * A new order in one PostgreSQL statement (one round trip): the plan's reservations (each only
 * if that much is still unreserved — the rows are locked already), the order, its lines, their
 * allocations, the timeline and the outbox, as data-modifying CTEs. Allocations find their line
 * by line number through the lines' RETURNING; foreign keys are checked at the statement's end.
 */
const PLACE_ORDER = fixedSql(
  'orders.place',
  '-- PostgreSQL only',
  `with reserved as (
     update stock_balances b set allocated = b.allocated + r.q, updated_at = $1
     from jsonb_to_recordset($2::jsonb) as r(l bigint, s bigint, t bigint, q bigint)
     where b.location_id = r.l and b.sku_id = r.s and b.lot_id = r.t
       and b.on_hand - b.allocated >= r.q
     returning 1
   ), o as (
     insert into orders (customer_id, customer_po, ship_to_id, requested_ship_date, status,
       hold_reason, warehouse_id, priority, currency, total_minor, source, notes, created_by,
       created_at, updated_at)
     values ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $1, $1)
     returning id
   ), l as (
     insert into order_lines (order_id, line_number, sku_id, pack_level, pack_quantity,
       quantity_ordered, quantity_allocated, quantity_backordered, quantity_cancelled,
       unit_price_minor, line_total_minor, price_source, notes, created_at, updated_at)
     select o.id, r.n, r.s, r.level, r.packs, r.q, r.a, r.b, r.c, r.price, r.total, r.source,
            r.notes, $1, $1
     from o, jsonb_to_recordset($16::jsonb) as r(n int, s bigint, level text, packs bigint,
          q bigint, a bigint, b bigint, c bigint, price bigint, total bigint, source text,
          notes text)
     returning id, line_number
   ), a as (
     insert into allocations (order_id, order_line_id, sku_id, lot_id, location_id,
       warehouse_id, quantity, remaining, created_at)
     select o.id, l.id, r.s, r.t, r.l, r.w, r.q, r.q, $1
     from o, jsonb_to_recordset($17::jsonb) as r(n int, s bigint, t bigint, l bigint, w bigint,
          q bigint)
     join l on l.line_number = r.n
     returning 1
   ), e as (
     insert into order_events (order_id, type, actor, data, created_at)
     select o.id, x.e ->> 'type', $18, x.e ->> 'data', $1
     from o, jsonb_array_elements($19::jsonb) with ordinality as x(e, n)
     order by x.n
     returning 1
   ), ob as (
     insert into outbox_events (event_id, type, aggregate_type, aggregate_id, payload,
       created_at)
     select x.e ->> 'event_id', 'order.' || (x.e ->> 'type'), 'order', o.id::text,
            (jsonb_build_object('orderId', o.id, 'actor', $18::text) || (x.e -> 'data'))::text,
            $1
     from o, jsonb_array_elements($19::jsonb) with ordinality as x(e, n)
     order by x.n
     returning 1
   )
   select o.id, (select count(*) from reserved) as reserved,
          (select count(*) from a) as allocations, (select count(*) from e) as events,
          (select count(*) from ob) as published
   from o`,
);

/** Writes a new order in one round trip; returns its id. Throws if the plan could not be held. */
export async function writeNewOrderPg(trx: Tx, order: NewOrder): Promise<number> {
  const { row } = order;
  const held = reservations(order.plan);
  const [result] = await runSql<{ id: number; reserved: number }>(trx, PLACE_ORDER, [
    row.nowIso,
    JSON.stringify(held),
    ...orderValues(row),
    JSON.stringify(lineRows(order)),
    JSON.stringify(
      order.plan.map((p) => ({
        n: p.lineId + 1,
        s: p.skuId,
        t: p.lotId,
        l: p.locationId,
        w: p.warehouseId,
        q: p.quantity,
      })),
    ),
    row.actor,
    JSON.stringify(
      order.events.map((e) => ({ event_id: crypto.randomUUID(), type: e.type, data: e.data })),
    ),
  ]);
  if (Number(result!.reserved) !== held.length)
    throw new Error(`order plan could not be reserved: stock changed under a locked plan`);
  return result!.id;
}
