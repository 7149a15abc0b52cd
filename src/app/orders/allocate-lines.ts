import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type {
  AllocationLine,
  AllocationPiece,
  AllocationPolicy,
} from '../../core/orders/allocation-policy.js';
import { reserve } from '../inventory/ledger.js';
import { stockCandidates } from './stock-candidates.js';

export interface AllocationPreferences {
  preferredWarehouseId: number | null;
  shipComplete: boolean;
}

/**
 * Holds stock for lines as the policy plans it. Each reservation is a conditional update that
 * succeeds only if the stock is still unreserved, taken in (location, SKU, lot) order so that
 * concurrent orders cannot deadlock. If another order got there first, the plan is remade from
 * fresh figures for what is still missing. Returns the pieces actually held.
 */
export async function allocateLines(
  trx: Tx,
  orderId: number,
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
    );
    const plan = policy.plan({ lines: wanted, ...preferences }, candidates).sort(byStockKey);
    if (plan.length === 0) break;
    let missed = false;
    for (const piece of plan) {
      if (
        await reserve(
          trx,
          {
            locationId: piece.locationId,
            skuId: piece.skuId,
            lotId: piece.lotId,
            quantity: piece.quantity,
          },
          nowIso,
        )
      ) {
        held.push(piece);
      } else {
        missed = true;
      }
    }
    if (!missed) break;
    wanted = stillWanted(lines, held);
  }
  await recordAllocations(trx, orderId, held, nowIso);
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

async function recordAllocations(
  trx: Tx,
  orderId: number,
  held: readonly AllocationPiece[],
  nowIso: string,
) {
  if (held.length === 0) return;
  await trx
    .insertInto('allocations')
    .values(
      held.map((p) => ({
        order_id: orderId,
        order_line_id: p.lineId,
        sku_id: p.skuId,
        lot_id: p.lotId,
        location_id: p.locationId,
        warehouse_id: p.warehouseId,
        quantity: p.quantity,
        remaining: p.quantity,
        created_at: nowIso,
      })),
    )
    .execute();
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
