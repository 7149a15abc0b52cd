import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { movementDays } from '../../core/kpis/movement-day.js';
import type { DayDelta } from '../../core/kpis/stock-series.js';
import { quarterHourDays } from '../warehouses/quarter-hour-days.js';
import { warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';

/** A SKU × warehouse and its day deltas from a range of movements. */
export interface PairDeltas {
  warehouseId: number;
  skuId: number;
  deltas: DayDelta[];
}

/** What a location counts for: bit 1 real (on hand), 2 sellable, 4 the CUSTOMER. */
const REAL = 1;
const SELLABLE = 2;
const CUSTOMER = 4;

/** A leg's location as one number, `warehouse_id * 8 + flags`: fewer values to hand to JS. */
const side = (l: string) =>
  `${l}.warehouse_id * 8 + (case when ${l}.virtual = 0 then ${REAL} else 0 end)
   + (case when ${l}.type in ('storage', 'pick_face') then ${SELLABLE} else 0 end)
   + (case when ${l}.type = 'customer' then ${CUSTOMER} else 0 end)`;

const LEGS_FROM = `from stock_movements m
   join locations f on f.id = m.from_location_id
   join locations t on t.id = m.to_location_id
   where m.id > ? and m.id <= ?`;

/**
 * Each movement as `sku, quantity, created_at, source, destination`, its two locations joined,
 * all in one flat JSON array: handing a million rows to JS one by one costs twice what
 * the database takes to write them into one text that JSON.parse reads at once. Summing
 * happens in JS, where a hash map per warehouse × SKU × day needs no sort (an SQL GROUP BY
 * over a million movements spends most of its time sorting them into groups).
 */
const MOVEMENT_LEGS = fixedSql(
  'kpi.movement-legs',
  `select '[' || group_concat(m.sku_id || ',' || m.quantity || ',' || json_quote(m.created_at)
     || ',' || (${side('f')}) || ',' || (${side('t')}), ',') || ']' as legs ${LEGS_FROM}`,
  `select '[' || string_agg(concat_ws(',', m.sku_id, m.quantity, to_json(m.created_at)::text,
     ${side('f')}, ${side('t')}), ',') || ']' as legs
   ${LEGS_FROM.replace('?', '$1').replace('?', '$2')}`,
);

/** Values per movement in the flat array: sku, quantity, created_at, source, destination. */
const STRIDE = 5;

type PairAcc = PairDeltas & { byDay: Map<string, DayDelta> };

/**
 * The movements with ids in (afterId, upToId], summed per warehouse × SKU × business day (see
 * `movementDays`): each movement counts against its source and for its destination. On hand is
 * what sits in real locations; issued is what went to CUSTOMER less what came back from it.
 */
export async function movementDeltas(
  trx: Tx,
  afterId: number,
  upToId: number,
  costOf: (skuId: number) => number,
): Promise<PairDeltas[]> {
  const [row] = await runSql<{ legs: string | null }>(trx, MOVEMENT_LEGS, [afterId, upToId]);
  // One flat array (null when no movement): no array per movement for the collector to sweep.
  const legs = JSON.parse(row?.legs ?? '[]') as (number | string)[];
  const pairs = new Map<number, PairAcc>();
  const dayOf = movementDays(quarterHourDays(await warehouseTimeZones(trx)));
  const leg = (place: number, skuId: number, at: string, quantity: number, counted: number) => {
    const flags = place % 8;
    const warehouseId = (place - flags) / 8;
    const day = dayOf(at, warehouseId);
    // Warehouse and SKU ids stay far below 2^21 and 2^32: one exact number keys the pair.
    const key = warehouseId * 4_294_967_296 + skuId;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { warehouseId, skuId, deltas: [], byDay: new Map() }));
    let delta = pair.byDay.get(day);
    if (!delta) {
      delta = { day, onHand: 0, sellable: 0, issuedUnits: 0, cogsMinor: 0, movements: 0 };
      pair.byDay.set(day, delta);
      pair.deltas.push(delta);
    }
    if (flags & REAL) delta.onHand += quantity;
    if (flags & SELLABLE) delta.sellable += quantity;
    if (flags & CUSTOMER) delta.issuedUnits += quantity;
    delta.movements += counted;
  };
  for (let i = 0; i < legs.length; i += STRIDE) {
    const skuId = legs[i] as number;
    const quantity = legs[i + 1] as number;
    const at = legs[i + 2] as string;
    leg(legs[i + 3] as number, skuId, at, -quantity, 1);
    leg(legs[i + 4] as number, skuId, at, quantity, 0);
  }
  const out: PairDeltas[] = [];
  for (const { warehouseId, skuId, deltas } of pairs.values()) {
    const cost = costOf(skuId);
    for (const d of deltas) d.cogsMinor = d.issuedUnits * cost;
    out.push({ warehouseId, skuId, deltas });
  }
  return out;
}

/** Standard cost per SKU id, for every SKU (the catalogue is small next to the ledger). */
export async function standardCosts(trx: Tx): Promise<Map<number, number>> {
  const rows = await trx.selectFrom('skus').select(['id', 'standard_cost_minor']).execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.standard_cost_minor)]));
}
