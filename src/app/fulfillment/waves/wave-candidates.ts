import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { ACTIVE_WAVE_STATUSES } from '../../../core/fulfillment/wave-status.js';
import type { WaveCandidate } from '../../../core/fulfillment/wave-policy.js';

/** Order states a wave takes: fully held, partly held (customers who take partial shipments), or already released. */
export const WAVEABLE_STATUSES = ['allocated', 'partially_allocated', 'released'] as const;

const CHUNK = 900;

/**
 * Orders that a wave of the warehouse may take: in a waveable state (a partly allocated order
 * only if its customer accepts partial shipments), in no active wave of this warehouse, with
 * stock still to pick in this warehouse — whichever warehouse the order itself names, since an
 * order split between warehouses (customers who take split shipments) is picked in each.
 * `orderIds` narrows the search to those orders.
 */
export async function loadWaveCandidates(
  trx: Tx,
  warehouseId: number,
  orderIds?: readonly number[],
): Promise<WaveCandidate[]> {
  const chunks = orderIds ? chunked(orderIds) : [undefined];
  const out: WaveCandidate[] = [];
  for (const ids of chunks) {
    let query = trx
      .selectFrom('orders as o')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .select([
        'o.id',
        'o.requested_ship_date',
        'o.priority',
        'o.created_at',
        sql<number>`(select count(distinct a.order_line_id) from allocations a
          where a.order_id = o.id and a.remaining > 0 and a.warehouse_id = ${warehouseId})`.as(
          'lines',
        ),
      ])
      .where('o.status', 'in', [...WAVEABLE_STATUSES])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('allocations as h')
            .select('h.id')
            .whereRef('h.order_id', '=', 'o.id')
            .where('h.warehouse_id', '=', warehouseId)
            .where('h.remaining', '>', 0),
        ),
      )
      .where((eb) =>
        eb.or([eb('o.status', '!=', 'partially_allocated'), eb('c.ship_complete', '=', 0)]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('wave_orders as wo')
              .innerJoin('waves as w', 'w.id', 'wo.wave_id')
              .select('wo.order_id')
              .whereRef('wo.order_id', '=', 'o.id')
              .where('w.warehouse_id', '=', warehouseId)
              .where('w.status', 'in', [...ACTIVE_WAVE_STATUSES]),
          ),
        ),
      );
    if (ids) query = query.where('o.id', 'in', ids);
    for (const r of await query.execute()) {
      if (Number(r.lines) === 0) continue;
      out.push({
        orderId: r.id,
        warehouseId,
        carrierCode: null,
        requestedShipDate: r.requested_ship_date,
        priority: r.priority,
        createdAt: r.created_at,
        lines: Number(r.lines),
      });
    }
  }
  return out;
}

/**
 * Takes the chosen orders for this transaction (a row lock on PostgreSQL; SQLite writers are
 * serial) and returns those still waveable now, with their status: a concurrent wave of the
 * same warehouse or a cancellation that got there first drops an order from this wave instead
 * of failing it.
 */
export async function lockWaveOrders(
  trx: Tx,
  orderIds: readonly number[],
  warehouseId: number,
): Promise<Map<number, string>> {
  const locked = new Map<number, string>();
  for (const ids of chunked([...orderIds].sort((a, b) => a - b))) {
    const rows = await trx
      .updateTable('orders')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', 'in', ids)
      .where('status', 'in', [...WAVEABLE_STATUSES])
      .returning(['id', 'status'])
      .execute();
    for (const r of rows) locked.set(r.id, r.status);
    const taken = await trx
      .selectFrom('wave_orders as wo')
      .innerJoin('waves as w', 'w.id', 'wo.wave_id')
      .select('wo.order_id')
      .where('wo.order_id', 'in', ids)
      .where('w.warehouse_id', '=', warehouseId)
      .where('w.status', 'in', [...ACTIVE_WAVE_STATUSES])
      .execute();
    for (const t of taken) locked.delete(t.order_id);
  }
  return locked;
}

export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
