import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../adapters/db/schema.js';

export interface Difference {
  kind:
    'balance_mismatch' | 'sku_not_zero' | 'negative' | 'over_allocated' | 'reservation_mismatch';
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
 * must equal movements in minus movements out; each SKU must sum to zero over all locations
 * (balances of real locations plus the positions of the external mirrors — supplier,
 * customer, adjustment — which keep no balance row and are derived from the movements);
 * no real location may be negative or reserve more than it holds.
 */
export async function reconcile(db: Kysely<Tables>): Promise<ReconcileReport> {
  const flows = await sql<{
    location_id: number;
    sku_id: number;
    lot_id: number;
    qty: number;
    external: number;
  }>`
    select f.location_id, f.sku_id, f.lot_id, cast(sum(f.qty) as bigint) as qty,
           max(case when l.type in ('supplier', 'customer', 'adjustment') then 1 else 0 end) as external
    from (
      select to_location_id as location_id, sku_id, lot_id, quantity as qty from stock_movements
      union all
      select from_location_id as location_id, sku_id, lot_id, -quantity as qty from stock_movements
    ) f join locations l on l.id = f.location_id
    group by f.location_id, f.sku_id, f.lot_id`.execute(db);
  const balances = await db
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'lot_id', 'on_hand', 'allocated'])
    .execute();
  const differences: Difference[] = [];
  const perSku = new Map<number, number>();
  const addToSku = (skuId: number, qty: number) =>
    perSku.set(skuId, (perSku.get(skuId) ?? 0) + qty);
  const expected = new Map<string, number>();
  for (const f of flows.rows) {
    if (Number(f.external) === 1) addToSku(f.sku_id, Number(f.qty));
    else expected.set(key(f.location_id, f.sku_id, f.lot_id), Number(f.qty));
  }
  for (const b of balances) {
    const k = key(b.location_id, b.sku_id, b.lot_id);
    const want = expected.get(k) ?? 0;
    expected.delete(k);
    addToSku(b.sku_id, b.on_hand);
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
    if (b.on_hand < 0)
      differences.push({
        kind: 'negative',
        ...at,
        actual: b.on_hand,
        message: `negative on hand ${b.on_hand}`,
      });
    if (b.allocated > b.on_hand) {
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
    addToSku(skuId, 0);
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
        message: `SKU positions sum to ${sum}, not 0`,
      });
  }
  differences.push(...(await reservationDifferences(db, balances)));
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

/** Reserved quantity on each balance must equal what open allocations still hold there. */
async function reservationDifferences(
  db: Kysely<Tables>,
  balances: readonly { location_id: number; sku_id: number; lot_id: number; allocated: number }[],
): Promise<Difference[]> {
  const held = await db
    .selectFrom('allocations')
    .select([
      'location_id',
      'sku_id',
      'lot_id',
      sql<number>`cast(sum(remaining) as bigint)`.as('held'),
    ])
    .where('remaining', '>', 0)
    .groupBy(['location_id', 'sku_id', 'lot_id'])
    .execute();
  const expected = new Map(
    held.map((h) => [key(h.location_id, h.sku_id, h.lot_id), Number(h.held)]),
  );
  const differences: Difference[] = [];
  for (const b of balances) {
    const k = key(b.location_id, b.sku_id, b.lot_id);
    const want = expected.get(k) ?? 0;
    expected.delete(k);
    if (want !== b.allocated) {
      differences.push({
        kind: 'reservation_mismatch',
        skuId: b.sku_id,
        locationId: b.location_id,
        lotId: b.lot_id,
        expected: want,
        actual: b.allocated,
        message: `allocated ${b.allocated}, open allocations hold ${want}`,
      });
    }
  }
  for (const [k, want] of expected) {
    const [locationId, skuId, lotId] = k.split('/').map(Number) as [number, number, number];
    differences.push({
      kind: 'reservation_mismatch',
      skuId,
      locationId,
      lotId,
      expected: want,
      actual: 0,
      message: `no balance row; open allocations hold ${want}`,
    });
  }
  return differences;
}
