import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import type { PricedLine } from '../../core/pricing/line-pricing.js';
import type { CustomerForOrder } from '../customers/customer-for-order.js';
import type { AllocationPiece } from '../../core/orders/allocation-policy.js';
import { recordAllocations, reservations, reserveAll } from './allocate-lines.js';
import type { SettledLine } from './allocate-order.js';
import { writeNewOrderPg } from './new-order-pg.js';
import { recordOrderEvents, type OrderEvent } from './order-timeline.js';
import type { PlaceOrderInput } from './place-order.js';

const INSERT_ORDER = fixedSql(
  'orders.insert',
  `insert into orders (customer_id, customer_po, ship_to_id, requested_ship_date, status,
     hold_reason, warehouse_id, priority, currency, total_minor, source, notes, created_by,
     created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
);

/** A new order's row, written once with its final status, warehouse and total. */
export interface NewOrderRow {
  customer: CustomerForOrder;
  input: PlaceOrderInput;
  shipToId: number | null;
  status: string;
  holdReason: string | null;
  warehouseId: number | null;
  totalMinor: number;
  actor: string;
  nowIso: string;
}

/** Inserts a new order's row; returns its id. */
async function insertOrder(trx: Tx, row: NewOrderRow): Promise<number> {
  const [inserted] = await runSql<{ id: number }>(trx, INSERT_ORDER, [
    ...orderValues(row),
    row.nowIso,
    row.nowIso,
  ]);
  return inserted!.id;
}

/** The order's columns from customer_id to created_by, in INSERT_ORDER's order. */
export function orderValues(row: NewOrderRow): unknown[] {
  return [
    row.customer.id,
    row.input.customerPo ?? null,
    row.shipToId,
    row.input.requestedShipDate ?? null,
    row.status,
    row.holdReason,
    row.warehouseId,
    row.customer.priority,
    row.customer.currency,
    row.totalMinor,
    row.input.source ?? 'api',
    row.input.notes ?? null,
    row.actor,
  ];
}

const LINE_COLUMNS = `order_id, line_number, sku_id, pack_level, pack_quantity, quantity_ordered,
  quantity_allocated, quantity_backordered, quantity_cancelled, unit_price_minor,
  line_total_minor, price_source, notes, created_at, updated_at`;

const INSERT_LINES = fixedSql(
  'order-lines.insert',
  `insert into order_lines (${LINE_COLUMNS})
   select ?, value ->> 'n', value ->> 's', value ->> 'level', value ->> 'packs', value ->> 'q',
          value ->> 'a', value ->> 'b', value ->> 'c', value ->> 'price', value ->> 'total',
          value ->> 'source', value ->> 'notes', ?, ?
   from json_each(?) order by key
   returning id, line_number`,
  `insert into order_lines (${LINE_COLUMNS})
   select $1::bigint, r.n, r.s, r.level, r.packs, r.q, r.a, r.b, r.c, r.price, r.total, r.source,
          r.notes, $2, $3
   from jsonb_to_recordset($4::jsonb) as r(n int, s bigint, level text, packs bigint, q bigint,
        a bigint, b bigint, c bigint, price bigint, total bigint, source text, notes text)
   returning id, line_number`,
);

/** A new order as placement decided it, before anything of it is written. */
export interface NewOrder {
  row: NewOrderRow;
  priced: readonly PricedLine[];
  inputs: readonly { notes?: string | undefined }[];
  /** Each line's final quantities, in line order; undefined when the order was not allocated. */
  settled: readonly SettledLine[] | undefined;
  /** The stock to reserve; each piece's `lineId` is its line's index (0, 1, …). */
  plan: readonly AllocationPiece[];
  events: readonly OrderEvent[];
}

/**
 * Writes a new order in its final state: the plan's reservations, the order, its lines, their
 * allocations, the timeline and the outbox. SQLite: one statement per table (statements cost
 * no round trip there); PostgreSQL: one statement in all (see new-order-pg). Returns the id.
 */
export async function writeNewOrder(trx: Tx, order: NewOrder): Promise<number> {
  if (isPostgres(trx)) return writeNewOrderPg(trx, order);
  const { row } = order;
  if (order.plan.length > 0) {
    const reserved = await reserveAll(trx, order.plan, row.nowIso);
    if (reserved.size !== reservations(order.plan).length)
      throw new Error('order plan could not be reserved: stock changed under the sole writer');
  }
  const orderId = await insertOrder(trx, row);
  const lineIds = await insertNewLines(trx, orderId, order);
  const pieces = order.plan.map((p) => ({ ...p, lineId: lineIds[p.lineId]! }));
  await recordAllocations(trx, orderId, pieces, row.nowIso);
  // The whole timeline of the placement (created, held or allocated) in one insert per table.
  await recordOrderEvents(trx, orderId, row.actor, order.events, row.nowIso);
  return orderId;
}

/** A new order's lines as the insert statements take them (JSON rows). */
export function lineRows({ priced, inputs, settled }: NewOrder) {
  return priced.map((p, i) => ({
    n: i + 1,
    s: p.skuId,
    level: p.packLevel,
    packs: p.packQuantity,
    q: p.quantityBase,
    a: settled?.[i]?.allocated ?? 0,
    b: settled?.[i]?.backordered ?? 0,
    c: settled?.[i]?.cancelled ?? 0,
    price: p.unitPriceMinor,
    total: p.lineTotalMinor,
    source: p.priceSource,
    notes: inputs[i]?.notes ?? null,
  }));
}

/** Inserts a new order's lines in one statement (see lineRows); returns the ids in line order. */
async function insertNewLines(trx: Tx, orderId: number, order: NewOrder): Promise<number[]> {
  const inserted = await runSql<{ id: number; line_number: number }>(trx, INSERT_LINES, [
    orderId,
    order.row.nowIso,
    order.row.nowIso,
    JSON.stringify(lineRows(order)),
  ]);
  // In line order, whatever order the database returned the rows in.
  const ids: number[] = [];
  for (const r of inserted) ids[r.line_number - 1] = r.id;
  return ids;
}
