import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { movementDays } from '../../core/kpis/movement-day.js';
import type { DayDelta } from '../../core/kpis/stock-series.js';
import { SELLABLE_TYPES, type LocationType } from '../../core/inventory/location-types.js';
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

/**
 * Each movement as `sku, quantity, created_at, from, to` (location ids), all in one flat JSON
 * array: handing a million rows to JS one by one costs twice what the database takes to write
 * them into one text that JSON.parse reads at once. The locations are joined in JS (the few
 * the batch names, read once), not per movement in SQL. Summing happens in JS, where a hash map
 * per warehouse × SKU × day needs no sort (an SQL GROUP BY over a million movements spends most
 * of its time sorting them into groups).
 */
const MOVEMENT_LEGS = fixedSql(
  'kpi.movement-legs',
  `select '[' || group_concat(sku_id || ',' || quantity || ',' || json_quote(created_at)
     || ',' || from_location_id || ',' || to_location_id, ',') || ']' as legs
   from stock_movements where id > ? and id <= ?`,
  `select '[' || string_agg(concat_ws(',', sku_id, quantity, to_json(created_at)::text,
     from_location_id, to_location_id), ',') || ']' as legs
   from stock_movements where id > $1 and id <= $2`,
);

/** The locations the legs name (every 4th and 5th value), each as `warehouse_id * 8 + flags`. */
async function locationSides(
  trx: Tx,
  legs: readonly (number | string)[],
): Promise<Map<number, number>> {
  const ids = new Set<number>();
  for (let i = 0; i < legs.length; i += STRIDE) {
    ids.add(legs[i + 3] as number);
    ids.add(legs[i + 4] as number);
  }
  const sides = new Map<number, number>();
  if (ids.size === 0) return sides;
  const rows = await runSql<{ id: number; warehouse_id: number; virtual: number; type: string }>(
    trx,
    LOCATIONS,
    [JSON.stringify([...ids])],
  );
  for (const l of rows) {
    const flags =
      (Number(l.virtual) === 0 ? REAL : 0) +
      (SELLABLE_TYPES.includes(l.type as LocationType) ? SELLABLE : 0) +
      (l.type === 'customer' ? CUSTOMER : 0);
    sides.set(Number(l.id), Number(l.warehouse_id) * 8 + flags);
  }
  return sides;
}

/** Locations by id, the ids one JSON array: only those a batch's movements name. */
const LOCATIONS = fixedSql(
  'kpi.movement-locations',
  `select id, warehouse_id, virtual, type from locations
   where id in (select value from json_each(?))`,
  `select id, warehouse_id, virtual, type from locations
   where id = any(array(select jsonb_array_elements_text($1::jsonb)::bigint))`,
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
  const sides = await locationSides(trx, legs);
  const pairs = new Map<number, PairAcc>();
  const dayOf = movementDays(quarterHourDays(await warehouseTimeZones(trx)));
  /** The delta row of a warehouse × SKU × business day, made on first use. */
  const deltaOf = (warehouseId: number, skuId: number, at: string): DayDelta => {
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
    return delta;
  };
  const add = (delta: DayDelta, flags: number, quantity: number) => {
    if (flags & REAL) delta.onHand += quantity;
    if (flags & SELLABLE) delta.sellable += quantity;
    if (flags & CUSTOMER) delta.issuedUnits += quantity;
  };
  for (let i = 0; i < legs.length; i += STRIDE) {
    const skuId = legs[i] as number;
    const quantity = legs[i + 1] as number;
    const at = legs[i + 2] as string;
    const from = sides.get(legs[i + 3] as number)!;
    const to = sides.get(legs[i + 4] as number)!;
    // Places stay below 2^24: the warehouse is the place shifted past its 3 flag bits.
    const out = deltaOf(from >> 3, skuId, at);
    add(out, from & 7, -quantity);
    out.movements += 1;
    // Most movements stay in one warehouse: both legs land on the same day row.
    add(to >> 3 === from >> 3 ? out : deltaOf(to >> 3, skuId, at), to & 7, quantity);
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
