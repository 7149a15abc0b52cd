import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import {
  earliestAcceptableExpiry,
  effectiveShelfLifeDays,
} from '../../../core/customers/shelf-life.js';
import type { AllocationPolicy } from '../../../core/orders/allocation-policy.js';
import { loadCustomerForOrder } from '../../customers/customer-for-order.js';
import { skuShelfLifeRules } from '../../customers/sku-rules.js';
import { allocateLines } from '../../orders/allocate-lines.js';
import { lockOrder } from '../../orders/lock-order.js';
import { businessToday } from '../../warehouses/warehouse-time-zones.js';

/** The bin, SKU and lot that came up short: re-allocation must not send the picker back there. */
export interface ShortBin {
  warehouseId: number;
  locationId: number;
  skuId: number;
  lotId: number;
}

export interface Reallocation {
  reallocated: number;
  backordered: number;
  /** New reservations: they become pick tasks in the same wave. */
  allocationIds: number[];
}

/**
 * After a short pick: holds what the order's lines now miss from other bins of the same
 * warehouse (the customer's allocation policy and shelf-life rules apply, the short bin is
 * excluded until it is counted); whatever cannot be held is backordered, to be filled when
 * stock arrives. The order stays released.
 */
export async function reallocateShort(
  trx: Tx,
  orderId: number,
  lineIds: readonly number[],
  bin: ShortBin,
  policy: AllocationPolicy,
  nowIso: string,
): Promise<Reallocation> {
  const order = await lockOrder(trx, orderId, { customerId: null });
  const customer = await loadCustomerForOrder(trx, order.customer_id);
  const lines = await trx
    .selectFrom('order_lines')
    .select(['id', 'sku_id', 'quantity_ordered', 'quantity_allocated', 'quantity_cancelled'])
    .where('id', 'in', [...lineIds])
    .execute();
  const rules = customer
    ? await skuShelfLifeRules(
        trx,
        customer.id,
        lines.map((l) => l.sku_id),
      )
    : new Map<number, number>();
  const today = await businessToday(trx, bin.warehouseId, new Date(nowIso));
  const wanted = lines.map((l) => ({
    lineId: l.id,
    skuId: l.sku_id,
    quantity: l.quantity_ordered - l.quantity_allocated - l.quantity_cancelled,
    minExpiryDate: earliestAcceptableExpiry(
      today,
      effectiveShelfLifeDays(customer?.minRemainingShelfLifeDays ?? 0, rules.get(l.sku_id)),
    ),
  }));
  const here: AllocationPolicy = {
    plan: (request, candidates) =>
      policy.plan(
        { ...request, preferredWarehouseId: bin.warehouseId },
        candidates.filter(
          (c) =>
            c.warehouseId === bin.warehouseId &&
            !(c.locationId === bin.locationId && c.skuId === bin.skuId && c.lotId === bin.lotId),
        ),
      ),
  };
  const before = await lastAllocationId(trx, orderId);
  const held = await allocateLines(
    trx,
    orderId,
    wanted,
    { preferredWarehouseId: bin.warehouseId, shipComplete: customer?.shipComplete ?? false },
    here,
    nowIso,
  );
  // What is still not held waits for stock, as a backorder on its line.
  await trx
    .updateTable('order_lines')
    .set({
      quantity_backordered: sql`quantity_ordered - quantity_allocated - quantity_cancelled`,
      updated_at: nowIso,
    })
    .where('id', 'in', [...lineIds])
    .execute();
  const created = await trx
    .selectFrom('allocations')
    .select('id')
    .where('order_id', '=', orderId)
    .where('id', '>', before)
    .execute();
  const reallocated = held.reduce((n, p) => n + p.quantity, 0);
  return {
    reallocated,
    backordered: wanted.reduce((n, w) => n + w.quantity, 0) - reallocated,
    allocationIds: created.map((r) => r.id),
  };
}

async function lastAllocationId(trx: Tx, orderId: number): Promise<number> {
  const row = await trx
    .selectFrom('allocations')
    .select((eb) => eb.fn.max('id').as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
