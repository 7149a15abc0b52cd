import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';

const COUNT_SHIPPED = fixedSql(
  'ship.count-lines',
  `update order_lines set quantity_shipped = quantity_shipped + j.quantity, updated_at = ?
   from (select value ->> 'id' as id, value ->> 'quantity' as quantity from json_each(?)) as j
   where order_lines.id = j.id`,
  `update order_lines l set quantity_shipped = l.quantity_shipped + j.quantity, updated_at = $1
   from jsonb_to_recordset($2::jsonb) as j(id bigint, quantity bigint)
   where l.id = j.id`,
);

/** The order lines count what leaves now as shipped: one update for every line. */
export async function countShipped(
  trx: Tx,
  shippedNow: ReadonlyMap<number, number>,
  nowIso: string,
): Promise<void> {
  if (shippedNow.size === 0) return;
  const rows = [...shippedNow].map(([id, quantity]) => ({ id, quantity }));
  await runSql(trx, COUNT_SHIPPED, [nowIso, JSON.stringify(rows)]);
}
