import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../adapters/db/schema.js';

export interface Difference {
  kind: 'balance_mismatch' | 'sku_not_zero' | 'negative' | 'over_allocated';
  skuId: number;
  locationId?: number;
  lotId?: number;
  expected?: number;
  actual?: number;
  message: string;
}

export interface ReconcileReport {
  ok: boolean;
  movements: number;
  balances: number;
  skus: number;
  differences: Difference[];
}

const key = (l: number, s: number, lot: number) => `${l}/${s}/${lot}`;

/**
 * Recomputes every balance from the movements and compares: on hand per (location, SKU, lot)
 * must equal movements in minus movements out; each SKU's balances must sum to zero over all
 * locations (double entry); no real location may be negative or reserve more than it holds.
 */
export async function reconcile(db: Kysely<Tables>): Promise<ReconcileReport> {
  const flows = await sql<{ location_id: number; sku_id: number; lot_id: number; qty: number }>`
    select location_id, sku_id, lot_id, cast(sum(qty) as bigint) as qty from (
      select to_location_id as location_id, sku_id, lot_id, quantity as qty from stock_movements
      union all
      select from_location_id as location_id, sku_id, lot_id, -quantity as qty from stock_movements
    ) flows group by location_id, sku_id, lot_id`.execute(db);
  const balances = await db
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'lot_id', 'on_hand', 'allocated', 'may_go_negative'])
    .execute();
  const differences: Difference[] = [];
  const expected = new Map(
    flows.rows.map((r) => [key(r.location_id, r.sku_id, r.lot_id), Number(r.qty)]),
  );
  const perSku = new Map<number, number>();
  for (const b of balances) {
    const k = key(b.location_id, b.sku_id, b.lot_id);
    const want = expected.get(k) ?? 0;
    expected.delete(k);
    perSku.set(b.sku_id, (perSku.get(b.sku_id) ?? 0) + b.on_hand);
    const at = { skuId: b.sku_id, locationId: b.location_id, lotId: b.lot_id };
    if (want !== b.on_hand) {
      differences.push({
        kind: 'balance_mismatch',
        ...at,
        expected: want,
        actual: b.on_hand,
        message: `balance ${b.on_hand}, movements say ${want}`,
      });
    }
    if (!b.may_go_negative && b.on_hand < 0) {
      differences.push({
        kind: 'negative',
        ...at,
        actual: b.on_hand,
        message: `negative on hand ${b.on_hand} at a real location`,
      });
    }
    if (!b.may_go_negative && b.allocated > b.on_hand) {
      differences.push({
        kind: 'over_allocated',
        ...at,
        expected: b.on_hand,
        actual: b.allocated,
        message: `allocated ${b.allocated} exceeds on hand ${b.on_hand}`,
      });
    }
  }
  for (const [k, want] of expected) {
    if (want === 0) continue;
    const [locationId, skuId, lotId] = k.split('/').map(Number) as [number, number, number];
    differences.push({
      kind: 'balance_mismatch',
      skuId,
      locationId,
      lotId,
      expected: want,
      actual: 0,
      message: `no balance row; movements say ${want}`,
    });
  }
  for (const [skuId, sum] of perSku) {
    if (sum !== 0)
      differences.push({
        kind: 'sku_not_zero',
        skuId,
        actual: sum,
        message: `SKU balances sum to ${sum}, not 0`,
      });
  }
  const movements = await db
    .selectFrom('stock_movements')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return {
    ok: differences.length === 0,
    movements: Number(movements.n),
    balances: balances.length,
    skus: perSku.size,
    differences,
  };
}
