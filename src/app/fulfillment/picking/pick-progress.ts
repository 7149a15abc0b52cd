import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { moveWave, type WaveStatus } from '../../../core/fulfillment/wave-status.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import { recordEventsOfOrders } from '../../orders/order-timeline.js';

/** One reservation's share of a pick or a short. */
export interface Share {
  allocationId: number;
  orderId: number;
  orderLineId: number;
  quantity: number;
}

/**
 * Takes `quantity` off a reservation, once: a conditional update that fails if another request
 * already resolved those units. `PICK.CONFLICT` (the whole pick rolls back) when it does.
 */
export async function takeOffAllocation(trx: Tx, share: Share): Promise<void> {
  const done = await trx
    .updateTable('allocations')
    .set({ remaining: sql`remaining - ${share.quantity}` })
    .where('id', '=', share.allocationId)
    .where('remaining', '>=', share.quantity)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new FailureError({
      code: 'PICK.CONFLICT',
      message: 'This reservation changed while picking; scan again',
      details: { allocationId: share.allocationId },
    });
  }
}

const TAKE_PICKED = fixedSql(
  'pick.take-allocations',
  `update allocations set remaining = remaining - j.q
   from (select value ->> 'id' as id, value ->> 'q' as q from json_each(?)) as j
   where allocations.id = j.id and allocations.remaining >= j.q
   returning allocations.id`,
  `update allocations a set remaining = a.remaining - j.q
   from jsonb_to_recordset($1::jsonb) as j(id bigint, q bigint)
   where a.id = j.id and a.remaining >= j.q
   returning a.id`,
);

const INSERT_PICKED = fixedSql(
  'pick.insert-resolutions',
  `insert into allocation_resolutions (allocation_id, kind, quantity, reference, created_at)
   select value ->> 'id', 'picked', value ->> 'q', ?, ? from json_each(?) order by key`,
  `insert into allocation_resolutions (allocation_id, kind, quantity, reference, created_at)
   select j.id, 'picked', j.q, $1, $2 from jsonb_to_recordset($3::jsonb) as j(id bigint, q bigint)`,
);

const COUNT_PICKED_ON_LINES = fixedSql(
  'pick.count-lines',
  `update order_lines set quantity_picked = quantity_picked + j.q, updated_at = ?
   from (select value ->> 'id' as id, value ->> 'q' as q from json_each(?)) as j
   where order_lines.id = j.id`,
  `update order_lines l set quantity_picked = l.quantity_picked + j.q, updated_at = $1
   from jsonb_to_recordset($2::jsonb) as j(id bigint, q bigint)
   where l.id = j.id`,
);

const COUNT_PICKED_ON_TASK = fixedSql(
  'pick.count-task-shares',
  `update pick_task_allocations set picked_quantity = picked_quantity + j.q
   from (select value ->> 'id' as id, value ->> 'q' as q from json_each(?)) as j
   where pick_task_allocations.pick_task_id = ? and pick_task_allocations.allocation_id = j.id`,
  `update pick_task_allocations p set picked_quantity = p.picked_quantity + j.q
   from jsonb_to_recordset($1::jsonb) as j(id bigint, q bigint)
   where p.pick_task_id = $2 and p.allocation_id = j.id`,
);

/**
 * Resolves the picked units of a task, four statements whatever the number of orders it
 * serves: the reservations give them up (`PICK.CONFLICT`, the whole pick rolls back, when one
 * no longer holds its share), one `picked` resolution row each, the order lines and the task's
 * shares count them.
 */
export async function resolvePicked(
  trx: Tx,
  taskId: number,
  shares: readonly Share[],
  reference: string,
  nowIso: string,
): Promise<void> {
  const byAllocation = JSON.stringify(sumBy(shares, (s) => s.allocationId));
  const taken = await runSql<{ id: number }>(trx, TAKE_PICKED, [byAllocation]);
  if (taken.length !== new Set(shares.map((s) => s.allocationId)).size) {
    throw new FailureError({
      code: 'PICK.CONFLICT',
      message: 'A reservation of this task changed while picking; scan again',
      details: { taskId },
    });
  }
  await runSql(trx, INSERT_PICKED, [reference, nowIso, byAllocation]);
  const byLine = JSON.stringify(sumBy(shares, (s) => s.orderLineId));
  await runSql(trx, COUNT_PICKED_ON_LINES, [nowIso, byLine]);
  await runSql(trx, COUNT_PICKED_ON_TASK, [byAllocation, taskId]);
}

/** Shares' quantities summed per key, as `{ id, q }` rows for a JSON parameter. */
function sumBy(shares: readonly Share[], key: (s: Share) => number) {
  const sums = new Map<number, number>();
  for (const s of shares) sums.set(key(s), (sums.get(key(s)) ?? 0) + s.quantity);
  return [...sums].map(([id, q]) => ({ id, q }));
}

/** Where an order stands after a pick. */
export interface OrderPickState {
  orderId: number;
  status: OrderStatus;
  allocated: number;
  picked: number;
}

/** The orders locked (in id order on PostgreSQL) with their allocated and picked sums. */
const LOCK_WITH_SUMS = fixedSql(
  'pick.lock-orders-with-sums',
  `update orders set version = version + 1
   where id in (select value from json_each(?))
   returning id, status,
     (select coalesce(sum(quantity_allocated), 0) from order_lines where order_id = orders.id)
       as allocated,
     (select coalesce(sum(quantity_picked), 0) from order_lines where order_id = orders.id)
       as picked`,
  `update orders o set version = o.version + 1
   from (select id from orders
         where id in (select jsonb_array_elements_text($1::jsonb)::bigint)
         order by id for update) as l
   where o.id = l.id
   returning o.id, o.status,
     (select coalesce(sum(quantity_allocated), 0)::bigint from order_lines where order_id = o.id)
       as allocated,
     (select coalesce(sum(quantity_picked), 0)::bigint from order_lines where order_id = o.id)
       as picked`,
);

const MARK_PICKED = fixedSql(
  'pick.mark-orders-picked',
  `update orders set status = 'picked', updated_at = ?
   where id in (select value from json_each(?))`,
  `update orders set status = 'picked', updated_at = $1
   where id in (select jsonb_array_elements_text($2::jsonb)::bigint)`,
);

/**
 * Moves each order whose allocated quantity is now all picked to `picked` (with its timeline
 * event); the others stay released. The orders are locked together (in id order) with their
 * sums in one statement, and the ones now picked moved and recorded together: four statements
 * at most, whatever the number of orders.
 */
export async function settleOrders(
  trx: Tx,
  orderIds: readonly number[],
  actor: string,
  data: Record<string, unknown>,
  nowIso: string,
): Promise<OrderPickState[]> {
  const ids = [...new Set(orderIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const orders = (
    await runSql<{ id: number; status: string; allocated: number; picked: number }>(
      trx,
      LOCK_WITH_SUMS,
      [JSON.stringify(ids)],
    )
  ).sort((a, b) => a.id - b.id);
  const states = orders.map((order): OrderPickState => {
    const allocated = Number(order.allocated);
    const picked = Number(order.picked);
    let status = order.status as OrderStatus;
    if (status === 'released' && allocated > 0 && picked >= allocated) {
      status = must(moveOrder(status, 'picked'));
    }
    return { orderId: order.id, status, allocated, picked };
  });
  const nowPicked = states.filter((s, i) => s.status !== orders[i]!.status);
  if (nowPicked.length > 0) {
    await runSql(trx, MARK_PICKED, [nowIso, JSON.stringify(nowPicked.map((s) => s.orderId))]);
    await recordEventsOfOrders(
      trx,
      actor,
      nowPicked.map((s) => ({
        orderId: s.orderId,
        type: 'picked',
        data: { ...data, picked: s.picked },
      })),
      nowIso,
    );
  }
  return states;
}

/**
 * Moves the wave on after work on its tasks: released → picking at the first pick, and
 * → completed once no task is open (looked for unless the caller knows, `tasksOpen`).
 * Returns the wave's status now.
 */
export async function advanceWave(
  trx: Tx,
  waveId: number,
  current: WaveStatus,
  picked: boolean,
  nowIso: string,
  tasksOpen?: boolean,
): Promise<WaveStatus> {
  let status = current;
  if (picked && status === 'released') status = must(moveWave(status, 'picking'));
  const open =
    tasksOpen ??
    (await trx
      .selectFrom('pick_tasks')
      .select('id')
      .where('wave_id', '=', waveId)
      .where('status', '=', 'open')
      .limit(1)
      .executeTakeFirst());
  if (!open && (status === 'released' || status === 'picking')) {
    status = must(moveWave(status, 'completed'));
  }
  if (status !== current) {
    await trx
      .updateTable('waves')
      .set({ status, ...(status === 'completed' ? { completed_at: nowIso } : {}) })
      .where('id', '=', waveId)
      .execute();
  }
  return status;
}
