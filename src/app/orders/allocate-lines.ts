import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type {
  AllocationLine,
  AllocationPiece,
  AllocationPolicy,
} from '../../core/orders/allocation-policy.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { expiryDay } from '../../core/inventory/expiry.js';
import { stockCandidates } from './stock-candidates.js';

export interface AllocationPreferences {
  preferredWarehouseId: number | null;
  shipComplete: boolean;
}

/**
 * Holds stock for lines as the policy plans it and records the allocations of the order's
 * (existing) lines: see `holdStock` and `recordAllocations`. Returns the pieces actually held.
 */
export async function allocateLines(
  trx: Tx,
  orderId: number,
  lines: readonly AllocationLine[],
  preferences: AllocationPreferences,
  policy: AllocationPolicy,
  nowIso: string,
): Promise<AllocationPiece[]> {
  const held = await holdStock(trx, lines, preferences, policy, nowIso);
  await recordAllocations(trx, orderId, held, nowIso);
  await addToLines(trx, held, nowIso);
  return held;
}

/**
 * Reserves stock for lines as the policy plans it, without writing allocations: a plan's pieces
 * are reserved in one conditional update (each bin + lot only if that much is still unreserved
 * there). If another order got there first, the plan is remade from fresh figures for what is
 * still missing. Returns the pieces held; `lineId` is whatever the caller put in the lines.
 */
export async function holdStock(
  trx: Tx,
  lines: readonly AllocationLine[],
  preferences: AllocationPreferences,
  policy: AllocationPolicy,
  nowIso: string,
): Promise<AllocationPiece[]> {
  const held: AllocationPiece[] = [];
  let wanted = lines.filter((l) => l.quantity > 0);
  for (let round = 0; round < 3 && wanted.length > 0; round++) {
    const candidates = await stockCandidates(
      trx,
      wanted.map((l) => l.skuId),
      expiryDay(nowIso),
    );
    const plan = policy.plan({ lines: wanted, ...preferences }, candidates).sort(byStockKey);
    if (plan.length === 0) break;
    const reserved = await reserveAll(trx, plan, nowIso);
    for (const piece of plan) if (reserved.has(stockKey(piece))) held.push(piece);
    if (reserved.size === new Set(plan.map(stockKey)).size) break;
    wanted = stillWanted(lines, held);
  }
  return held;
}

const byStockKey = (a: AllocationPiece, b: AllocationPiece) =>
  a.locationId - b.locationId || a.skuId - b.skuId || a.lotId - b.lotId;

function stillWanted(
  lines: readonly AllocationLine[],
  held: readonly AllocationPiece[],
): AllocationLine[] {
  return lines
    .map((l) => ({
      ...l,
      quantity:
        l.quantity - held.filter((p) => p.lineId === l.lineId).reduce((n, p) => n + p.quantity, 0),
    }))
    .filter((l) => l.quantity > 0);
}

const RESERVE = fixedSql(
  'stock.reserve',
  `update stock_balances set allocated = allocated + r.q, updated_at = ?
   from (select value ->> 'l' as l, value ->> 's' as s, value ->> 't' as t, value ->> 'q' as q
         from json_each(?)) as r
   where stock_balances.location_id = r.l and stock_balances.sku_id = r.s
     and stock_balances.lot_id = r.t and stock_balances.on_hand - stock_balances.allocated >= r.q
   returning stock_balances.location_id as l, stock_balances.sku_id as s, stock_balances.lot_id as t`,
  `update stock_balances b set allocated = b.allocated + r.q, updated_at = $1
   from jsonb_to_recordset($2::jsonb) as r(l bigint, s bigint, t bigint, q bigint)
   where b.location_id = r.l and b.sku_id = r.s and b.lot_id = r.t
     and b.on_hand - b.allocated >= r.q
   returning b.location_id as l, b.sku_id as s, b.lot_id as t`,
);

const stockKey = (p: { locationId: number; skuId: number; lotId: number }) =>
  `${p.locationId}:${p.skuId}:${p.lotId}`;

/**
 * The policy's plan for lines from the stock unreserved right now (locked on PostgreSQL, and
 * SQLite has one writer): in this transaction every piece of it can be reserved.
 */
export async function planStock(
  trx: Tx,
  lines: readonly AllocationLine[],
  preferences: AllocationPreferences,
  policy: AllocationPolicy,
  today: string,
): Promise<AllocationPiece[]> {
  const wanted = lines.filter((l) => l.quantity > 0);
  if (wanted.length === 0) return [];
  const candidates = await stockCandidates(
    trx,
    wanted.map((l) => l.skuId),
    today,
  );
  return policy.plan({ lines: wanted, ...preferences }, candidates).sort(byStockKey);
}

/** A plan's pieces summed per bin + lot (two lines of one SKU may take the same bin). */
export function reservations(plan: readonly AllocationPiece[]) {
  const merged = new Map<string, { l: number; s: number; t: number; q: number }>();
  for (const p of plan) {
    const key = stockKey(p);
    const at = merged.get(key);
    if (at) at.q += p.quantity;
    else merged.set(key, { l: p.locationId, s: p.skuId, t: p.lotId, q: p.quantity });
  }
  return [...merged.values()];
}

/**
 * Reserves every piece of a plan in one statement, each bin + lot only if that much is
 * unreserved there (pieces of one bin + lot for several lines are reserved together). Returns
 * the stock keys that were reserved; a missing key reserved nothing.
 */
export async function reserveAll(
  trx: Tx,
  plan: readonly AllocationPiece[],
  nowIso: string,
): Promise<Set<string>> {
  const rows = await runSql<{ l: number; s: number; t: number }>(trx, RESERVE, [
    nowIso,
    JSON.stringify(reservations(plan)),
  ]);
  return new Set(rows.map((r) => stockKey({ locationId: r.l, skuId: r.s, lotId: r.t })));
}

const INSERT_ALLOCATIONS = fixedSql(
  'allocations.insert',
  `insert into allocations
     (order_id, order_line_id, sku_id, lot_id, location_id, warehouse_id, quantity, remaining, created_at)
   select ?, value ->> 'line', value ->> 's', value ->> 't', value ->> 'l', value ->> 'w',
          value ->> 'q', value ->> 'q', ?
   from json_each(?)`,
  `insert into allocations
     (order_id, order_line_id, sku_id, lot_id, location_id, warehouse_id, quantity, remaining, created_at)
   select $1::bigint, r.line, r.s, r.t, r.l, r.w, r.q, r.q, $2
   from jsonb_to_recordset($3::jsonb) as r(line bigint, s bigint, t bigint, l bigint, w bigint, q bigint)`,
);

/** Writes the allocations of held pieces, whose `lineId`s are the order's line ids. */
export async function recordAllocations(
  trx: Tx,
  orderId: number,
  held: readonly AllocationPiece[],
  nowIso: string,
): Promise<void> {
  if (held.length === 0) return;
  const rows = held.map((p) => ({
    line: p.lineId,
    s: p.skuId,
    t: p.lotId,
    l: p.locationId,
    w: p.warehouseId,
    q: p.quantity,
  }));
  await runSql(trx, INSERT_ALLOCATIONS, [orderId, nowIso, JSON.stringify(rows)]);
}

/** Adds what was held to existing lines' allocated quantities (and out of their backorders). */
async function addToLines(trx: Tx, held: readonly AllocationPiece[], nowIso: string) {
  if (held.length === 0) return;
  const perLine = new Map<number, number>();
  for (const p of held) perLine.set(p.lineId, (perLine.get(p.lineId) ?? 0) + p.quantity);
  // One statement for every line: `case id when … then …` gives each line its own quantity
  // (cast to the column type, so PostgreSQL does not take the parameters for text).
  const added = sql<number>`case id ${sql.join(
    [...perLine].map(([lineId, quantity]) => sql`when ${lineId} then cast(${quantity} as bigint)`),
    sql` `,
  )} end`;
  await trx
    .updateTable('order_lines')
    // What is now held stops being backordered in the same statement: the row's check
    // (backordered + allocated + cancelled <= ordered) would refuse it otherwise.
    .set({
      quantity_allocated: sql`quantity_allocated + ${added}`,
      quantity_backordered: sql`case when quantity_backordered > ${added} then quantity_backordered - ${added} else 0 end`,
      updated_at: nowIso,
    })
    .where('id', 'in', [...perLine.keys()])
    .execute();
}
