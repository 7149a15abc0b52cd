import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { DayDelta } from '../../core/kpis/stock-series.js';

/** A SKU × warehouse and its day deltas from a range of movements. */
export interface PairDeltas {
  warehouseId: number;
  skuId: number;
  deltas: DayDelta[];
}

interface LegRow {
  warehouse_id: number | string;
  sku_id: number | string;
  day: string;
  on_hand: number | string;
  sellable: number | string;
  issued: number | string;
  movements: number | string;
}

/**
 * The movements with ids in (afterId, upToId], summed per warehouse × SKU × day (UTC) in the
 * database: each movement counts against its source and for its destination. On hand is what
 * sits in real locations; issued is what went to CUSTOMER less what came back from it.
 */
export async function movementDeltas(
  trx: Tx,
  afterId: number,
  upToId: number,
  costOf: (skuId: number) => number,
): Promise<PairDeltas[]> {
  const legs = await sql<LegRow>`
    select warehouse_id, sku_id, day, sum(on_hand) as on_hand, sum(sellable) as sellable,
      sum(issued) as issued, sum(movements) as movements
    from (
      select l.warehouse_id, m.sku_id, substr(m.created_at, 1, 10) as day,
        case when l.virtual = 0 then -m.quantity else 0 end as on_hand,
        case when l.type in ('storage', 'pick_face') then -m.quantity else 0 end as sellable,
        case when l.type = 'customer' then -m.quantity else 0 end as issued,
        1 as movements
      from stock_movements m join locations l on l.id = m.from_location_id
      where m.id > ${afterId} and m.id <= ${upToId}
      union all
      select l.warehouse_id, m.sku_id, substr(m.created_at, 1, 10) as day,
        case when l.virtual = 0 then m.quantity else 0 end,
        case when l.type in ('storage', 'pick_face') then m.quantity else 0 end,
        case when l.type = 'customer' then m.quantity else 0 end,
        0
      from stock_movements m join locations l on l.id = m.to_location_id
      where m.id > ${afterId} and m.id <= ${upToId}
    ) legs
    group by warehouse_id, sku_id, day
  `.execute(trx);
  const pairs = new Map<string, PairDeltas>();
  for (const r of legs.rows) {
    const warehouseId = Number(r.warehouse_id);
    const skuId = Number(r.sku_id);
    const key = `${warehouseId}:${skuId}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { warehouseId, skuId, deltas: [] }));
    const issuedUnits = Number(r.issued);
    pair.deltas.push({
      day: r.day,
      onHand: Number(r.on_hand),
      sellable: Number(r.sellable),
      issuedUnits,
      cogsMinor: issuedUnits * costOf(skuId),
      movements: Number(r.movements),
    });
  }
  return [...pairs.values()];
}

/** Standard cost per SKU id, for every SKU (the catalogue is small next to the ledger). */
export async function standardCosts(trx: Tx): Promise<Map<number, number>> {
  const rows = await trx.selectFrom('skus').select(['id', 'standard_cost_minor']).execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.standard_cost_minor)]));
}
