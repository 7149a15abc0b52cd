import type { Tx } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { lineView, orderView } from './order-views.js';
import { actorNames } from '../users/actor-names.js';

/** Who is asking: a customer-role key sees only its own customer's orders. */
export interface Viewer {
  customerId: number | null;
}

/** An order with its lines, its reservations by bin and lot, and its timeline. */
export async function getOrder(db: Tx, orderId: number, viewer: Viewer) {
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order || (viewer.customerId !== null && order.customer_id !== viewer.customerId))
    return notFound(orderId);
  const [lines, allocations, events] = await Promise.all([
    db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_number')
      .execute(),
    db
      .selectFrom('allocations as a')
      .innerJoin('locations as l', 'l.id', 'a.location_id')
      .leftJoin('lots', 'lots.id', 'a.lot_id')
      .select([
        'a.id',
        'a.order_line_id as lineId',
        'a.sku_id as skuId',
        'a.warehouse_id as warehouseId',
        'a.location_id as locationId',
        'l.code as locationCode',
        'a.lot_id as lotId',
        'lots.code as lotCode',
        'lots.expiry_date as expiryDate',
        'a.quantity',
        'a.remaining',
        'a.created_at as createdAt',
      ])
      .where('a.order_id', '=', orderId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute(),
  ]);
  const names = await actorNames(
    db,
    events.map((e) => e.actor),
  );
  return ok({
    ...orderView(order),
    lines: lines.map(lineView),
    allocations: allocations.map((a) => ({
      ...a,
      lotCode: a.lotCode ?? null,
      expiryDate: a.expiryDate ?? null,
    })),
    timeline: events.map((e) => ({
      type: e.type,
      actor: e.actor,
      actorName: names.get(e.actor) ?? e.actor,
      at: e.created_at,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
  });
}

function notFound(orderId: number): Result<never> {
  return fail('ORDER.NOT_FOUND', `No order ${orderId}`);
}

export interface OrderFilter {
  customerId?: number | undefined;
  status?: string | undefined;
  customerPo?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Orders newest first; a customer viewer is always limited to its own. */
export async function listOrders(db: Tx, filter: OrderFilter, viewer: Viewer) {
  let query = db
    .selectFrom('orders')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const customerId = viewer.customerId ?? filter.customerId;
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.customerPo !== undefined) query = query.where('customer_po', '=', filter.customerPo);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return (await query.execute()).map(orderView);
}

/** Open backorders, in the order they will be filled: customer priority, then order age. */
export async function listBackorders(
  db: Tx,
  filter: { skuId?: number | undefined; limit: number; offset: number },
  viewer: Viewer,
) {
  let query = db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .innerJoin('skus as s', 's.id', 'ol.sku_id')
    .select([
      'ol.id as lineId',
      'o.id as orderId',
      'o.customer_id as customerId',
      'o.priority',
      'o.created_at as orderedAt',
      'ol.sku_id as skuId',
      's.code as skuCode',
      'ol.quantity_ordered as quantityOrdered',
      'ol.quantity_backordered as quantityBackordered',
    ])
    .where('ol.quantity_backordered', '>', 0)
    .orderBy('o.priority')
    .orderBy('o.id')
    .orderBy('ol.line_number')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.skuId !== undefined) query = query.where('ol.sku_id', '=', filter.skuId);
  if (viewer.customerId !== null) query = query.where('o.customer_id', '=', viewer.customerId);
  return query.execute();
}
