import type { Database } from '../../adapters/db/database.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import { FailureError } from '../../core/shared/result.js';
import { loadCustomerForOrder } from '../customers/customer-for-order.js';
import { allocateOrder } from './allocate-order.js';

export interface BackorderFill {
  ordersTried: number;
  unitsAllocated: number;
  /** Orders that could not be allocated, and why (a refusal is expected; anything else is a bug). */
  failures: { orderId: number; code: string; message: string }[];
}

/**
 * When stock arrives (receipt, adjustment up, transfer in, release from quarantine), gives
 * it to waiting backorders in priority order: customer priority, then the oldest order. Each
 * order is allocated in its own transaction, so one refusal does not undo the others, and
 * the order lock in allocateOrder keeps two processes from filling the same line twice.
 */
export async function fillBackorders(
  database: Database,
  skuIds: readonly number[],
  policy: AllocationPolicy,
  now: () => Date,
  actor = 'system:backorders',
  keepGoing: () => boolean = () => true,
): Promise<BackorderFill> {
  const fill: BackorderFill = { ordersTried: 0, unitsAllocated: 0, failures: [] };
  if (skuIds.length === 0) return fill;
  const waiting = await database.db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .select(['o.id', 'o.customer_id', 'o.priority'])
    .distinct()
    .where('ol.sku_id', 'in', [...new Set(skuIds)])
    .where('ol.quantity_backordered', '>', 0)
    .where('o.status', 'in', ['backordered', 'partially_allocated', 'partially_shipped'])
    .orderBy('o.priority')
    .orderBy('o.id')
    .limit(1000)
    .execute();
  for (const order of waiting) {
    // A stopping server ends the fill between two orders (each its own transaction).
    if (!keepGoing()) break;
    fill.ordersTried++;
    const outcome = await database
      .write(async (trx) => {
        const customer = await loadCustomerForOrder(trx, order.customer_id);
        return customer ? allocateOrder(trx, order.id, customer, policy, actor, now()) : undefined;
      })
      .catch((error: unknown) => {
        const failure =
          error instanceof FailureError
            ? error.failure
            : { code: 'INTERNAL.ERROR', message: String(error) };
        fill.failures.push({ orderId: order.id, code: failure.code, message: failure.message });
        return undefined;
      });
    fill.unitsAllocated += outcome?.allocated ?? 0;
  }
  return fill;
}

/** Every SKU with a backorder waiting: what a periodic sweep tries to fill. */
export async function backorderedSkus(database: Database): Promise<number[]> {
  const rows = await database.db
    .selectFrom('order_lines')
    .select('sku_id')
    .distinct()
    .where('quantity_backordered', '>', 0)
    .execute();
  return rows.map((r) => r.sku_id);
}
