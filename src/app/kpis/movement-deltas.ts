import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { DayDelta } from '../../core/kpis/stock-series.js';
import { quarterHourDays, quarterHourOf } from '../warehouses/quarter-hour-days.js';
import { warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';

/** A SKU × warehouse and its day deltas from a range of movements. */
export interface PairDeltas {
  warehouseId: number;
  skuId: number;
  deltas: DayDelta[];
}

interface LegRow {
  warehouse_id: number | string;
  sku_id: number | string;
  hour: string;
  quarter: number | string;
  on_hand: number | string;
  sellable: number | string;
  issued: number | string;
  movements: number | string;
}

/**
 * The movements with ids in (afterId, upToId], summed per warehouse × SKU × business day (the
 * warehouse's local day): each movement counts against its source and for its destination. On
 * hand is what sits in real locations; issued is what went to CUSTOMER less what came back
 * from it. The database sums per UTC quarter hour; the quarters fold into local days here.
 */
export async function movementDeltas(
  trx: Tx,
  afterId: number,
  upToId: number,
  costOf: (skuId: number) => number,
): Promise<PairDeltas[]> {
  const legs = await sql<LegRow>`
    select warehouse_id, sku_id, hour, quarter, sum(on_hand) as on_hand, sum(sellable) as sellable,
      sum(issued) as issued, sum(movements) as movements
    from (
      select l.warehouse_id, m.sku_id, ${HOUR} as hour, ${QUARTER} as quarter,
        case when l.virtual = 0 then -m.quantity else 0 end as on_hand,
        case when l.type in ('storage', 'pick_face') then -m.quantity else 0 end as sellable,
        case when l.type = 'customer' then -m.quantity else 0 end as issued,
        1 as movements
      from stock_movements m join locations l on l.id = m.from_location_id
      where m.id > ${afterId} and m.id <= ${upToId}
      union all
      select l.warehouse_id, m.sku_id, ${HOUR}, ${QUARTER},
        case when l.virtual = 0 then m.quantity else 0 end,
        case when l.type in ('storage', 'pick_face') then m.quantity else 0 end,
        case when l.type = 'customer' then m.quantity else 0 end,
        0
      from stock_movements m join locations l on l.id = m.to_location_id
      where m.id > ${afterId} and m.id <= ${upToId}
    ) legs
    group by warehouse_id, sku_id, hour, quarter
  `.execute(trx);
  const zones = await warehouseTimeZones(trx);
  const dayOf = quarterHourDays(zones);
  const pairs = new Map<string, PairDeltas>();
  const days = new Map<string, DayDelta>();
  for (const r of legs.rows) {
    const warehouseId = Number(r.warehouse_id);
    const skuId = Number(r.sku_id);
    const key = `${warehouseId}:${skuId}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { warehouseId, skuId, deltas: [] }));
    const day = dayOf(warehouseId, r.hour, r.quarter);
    let delta = days.get(`${key}:${day}`);
    if (!delta) {
      delta = { day, onHand: 0, sellable: 0, issuedUnits: 0, cogsMinor: 0, movements: 0 };
      days.set(`${key}:${day}`, delta);
      pair.deltas.push(delta);
    }
    const issuedUnits = Number(r.issued);
    delta.onHand += Number(r.on_hand);
    delta.sellable += Number(r.sellable);
    delta.issuedUnits += issuedUnits;
    delta.cogsMinor += issuedUnits * costOf(skuId);
    delta.movements += Number(r.movements);
  }
  return [...pairs.values()];
}

const { hour: HOUR, quarter: QUARTER } = quarterHourOf('m.created_at');

/** Standard cost per SKU id, for every SKU (the catalogue is small next to the ledger). */
export async function standardCosts(trx: Tx): Promise<Map<number, number>> {
  const rows = await trx.selectFrom('skus').select(['id', 'standard_cost_minor']).execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.standard_cost_minor)]));
}
