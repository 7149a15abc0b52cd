import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { ACCURACY_REASONS } from '../../core/fulfillment/return-rules.js';

type N = number | string;

/** Ids of the orders that were short-picked, returned as wrong item/quantity, or backordered. */
export interface OrderFlags {
  shortPicked: ReadonlySet<number>;
  accuracyReturn: ReadonlySet<number>;
  backordered: ReadonlySet<number>;
}

/**
 * The flagged orders among ids in [fromId, toId]. Flags can come after an order settled, so
 * they are never stored on its fact row. They are the exceptions, so reading each kind once
 * for the id range of a report (by index) beats four lookups per order; the caller keeps the
 * ids of its own orders.
 */
export async function orderFlags(db: Tx, fromId: number, toId: number): Promise<OrderFlags> {
  const reasons = sql.join(ACCURACY_REASONS.map((r) => sql`${r}`));
  const [picked, returned, backordered] = await Promise.all([
    // A pick task names its order, or (a multi-order pick) its allocations do.
    ids(
      db,
      sql`select order_id from pick_tasks
        where short_quantity > 0 and order_id between ${fromId} and ${toId}
      union
      select pa.order_id from pick_tasks pt join pick_task_allocations pa on pa.pick_task_id = pt.id
        where pt.short_quantity > 0 and pa.order_id between ${fromId} and ${toId}`,
    ),
    ids(
      db,
      sql`select order_id from returns
        where order_id between ${fromId} and ${toId} and status <> 'cancelled'
          and reason in (${reasons})`,
    ),
    ids(
      db,
      sql`select distinct order_id from order_events
        where type = 'backordered' and order_id between ${fromId} and ${toId}`,
    ),
  ]);
  return { shortPicked: picked, accuracyReturn: returned, backordered };
}

async function ids(db: Tx, query: ReturnType<typeof sql>): Promise<Set<number>> {
  const result = await sql<{ order_id: N | null }>`${query}`.execute(db);
  const out = new Set<number>();
  for (const r of result.rows) if (r.order_id !== null) out.add(Number(r.order_id));
  return out;
}
