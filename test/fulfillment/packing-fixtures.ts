import { postPick } from './pick-posting.js';
import { expect } from 'vitest';
import { call, type OrderWorld } from '../orders/order-fixtures.js';
import { clock, type LineIn } from '../orders/order-fixtures.js';
import { postOrder } from '../orders/order-fixtures.js';
import { moveOrder, type OrderStatus } from '../../src/core/orders/order-status.js';
import { recordOrderEvent } from '../../src/app/orders/order-timeline.js';

// ---- picked orders (packing and shipping) ----

/** An order as pickedOrder leaves it: released, every reservation picked into STAGING. */
export interface PickedOrder {
  orderId: number;
  /** Order lines in line-number order, with what was picked. */
  lines: { id: number; skuId: number; quantityPicked: number }[];
}

/**
 * An order placed through the API (priced, allocated) and released, then picked straight in
 * the tables exactly as docs/FULFILLMENT.md lays picking out: per reservation bin → STAGING
 * (type `pick`, `fromAllocated`), `allocations.remaining` down, an `allocation_resolutions`
 * row `picked`, `quantity_picked` up; then the order moves released → picked. For packing and
 * shipping tests, without the wave machinery.
 */
export async function pickedOrder(
  world: OrderWorld,
  customerId: number,
  lines: LineIn[],
  extra: { requestedShipDate?: string } = {},
): Promise<PickedOrder> {
  const placed = await postOrder(world, world.api.as('sales'), { customerId, lines, ...extra });
  expect(placed.statusCode, placed.body).toBe(201);
  const orderId = placed.json().id as number;
  const released = await call(
    world.api,
    'POST',
    `/orders/${orderId}/release`,
    world.api.as('warehouse'),
  );
  expect(released.statusCode, released.body).toBe(200);
  const nowIso = clock().toISOString();
  await world.api.store.database.write(async (trx) => {
    const allocations = await trx
      .selectFrom('allocations')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('remaining', '>', 0)
      .orderBy('id')
      .execute();
    const reference = `pick:SO-${orderId}`;
    for (const a of allocations) await postPick(trx, a, reference, 'test:picker', nowIso);
    const order = await trx
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const moved = moveOrder(order.status as OrderStatus, 'picked');
    if (!moved.ok) throw new Error(moved.error.message);
    await trx
      .updateTable('orders')
      .set({ status: 'picked', updated_at: nowIso })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(trx, orderId, 'picked', 'test:picker', {}, nowIso);
  });
  const picked = await world.api.store.database.db
    .selectFrom('order_lines')
    .select(['id', 'sku_id', 'quantity_picked'])
    .where('order_id', '=', orderId)
    .orderBy('line_number')
    .execute();
  return {
    orderId,
    lines: picked.map((l) => ({ id: l.id, skuId: l.sku_id, quantityPicked: l.quantity_picked })),
  };
}
