import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import { quarterHourDays, quarterHourOf } from '../warehouses/quarter-hour-days.js';
import { warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';
import { addDays } from './planning-calendar.js';

/** The UTC quarter hour of a movement, folded into the warehouse's business day below. */
const { hour: HOUR, quarter: QUARTER } = quarterHourOf('m.created_at');

/** `sku:warehouse:day` of every censored SKU-day in the range. */
export type CensoredDays = Set<string>;

export const dayKey = (skuId: number, warehouseId: number, day: string) =>
  `${skuId}:${warehouseId}:${day}`;

/** Net units into the sellable shelves per `sku:warehouse`, by business day. */
type DayDeltas = Map<string, Map<string, number>>;

/**
 * SKU-days with nothing on the sellable shelves at the end of the (warehouse-local) day, from the
 * ledger: per SKU × warehouse, the on hand at the start of the range and the movements into and
 * out of storage and pick faces day by day, from the first time the SKU was stocked there
 * (before that there is nothing to censor). Allocation is not in the ledger's history, so this
 * is on hand, not available; a day that ended with stock all reserved is caught by the backorder
 * rule instead (see demand-history).
 *
 * Incremental, so the nightly rebuild of a day or two does not read the whole ledger: the on
 * hand when the range opens is today's on hand (balances with stock) less the movements since,
 * and a SKU-warehouse that held nothing then counts as stocked before if it was censored the
 * day before the range, or an earlier movement brought it stock (looked up for those few only).
 */
export async function stockedOutDays(trx: Tx, from: string, to: string): Promise<CensoredDays> {
  // Two UTC days before `from`: every movement of a local day in the range is after this.
  const sinceIso = `${addDays(from, -2)}T00:00:00.000Z`;
  // A day later than UTC's end of `to`: local days east of UTC end before it, west after it.
  const untilIso = `${addDays(to, 2)}T00:00:00.000Z`;
  const dayOf = quarterHourDays(await warehouseTimeZones(trx));
  const { inRange, since } = await movementsSince(trx, sinceIso, untilIso, dayOf);
  const opening = await onHandNow(trx);
  for (const [pair, units] of since) opening.set(pair, (opening.get(pair) ?? 0) - units);
  const pairs = new Set([...opening.keys(), ...inRange.keys()]);
  for (const pair of await censoredOn(trx, addDays(from, -1))) pairs.add(pair);

  const censored: CensoredDays = new Set();
  for (const pair of pairs) {
    const days = inRange.get(pair) ?? new Map<string, number>();
    const ordered = [...days.keys()].sort();
    let onHand = opening.get(pair) ?? 0;
    const stocked =
      onHand !== 0 || (ordered[0] !== undefined && ordered[0] < from)
        ? true
        : await stockedBefore(trx, pair, sinceIso);
    const firstDay = stocked ? '' : ordered[0];
    if (firstDay === undefined) continue;
    let i = 0;
    for (; i < ordered.length && ordered[i]! < from; i++) onHand += days.get(ordered[i]!)!;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (i < ordered.length && ordered[i] === day) onHand += days.get(ordered[i++]!)!;
      if (day >= firstDay && onHand <= 0) censored.add(`${pair}:${day}`);
    }
  }
  return censored;
}

/**
 * Movements into and out of the sellable shelves since `sinceIso`: those before `untilIso` by
 * business day, and every one of them summed per pair (to take today's on hand back to then).
 */
async function movementsSince(
  trx: Tx,
  sinceIso: string,
  untilIso: string,
  dayOf: ReturnType<typeof quarterHourDays>,
) {
  const side = (column: 'to_location_id' | 'from_location_id') =>
    trx
      .selectFrom('stock_movements as m')
      .innerJoin('locations as l', 'l.id', `m.${column}`)
      .where('l.type', 'in', [...SELLABLE_TYPES])
      .where('m.created_at', '>=', sinceIso)
      .select((eb) => [
        'm.sku_id',
        'l.warehouse_id',
        HOUR.as('hour'),
        QUARTER.as('quarter'),
        eb.fn.sum<number>('m.quantity').as('quantity'),
      ])
      .groupBy(['m.sku_id', 'l.warehouse_id', HOUR, QUARTER])
      .execute();
  const [ins, outs] = await Promise.all([side('to_location_id'), side('from_location_id')]);
  const inRange: DayDeltas = new Map();
  const since = new Map<string, number>();
  const untilHour = untilIso.slice(0, 13);
  for (const [rows, sign] of [
    [ins, 1],
    [outs, -1],
  ] as const) {
    for (const r of rows) {
      const wh = Number(r.warehouse_id);
      const pair = `${Number(r.sku_id)}:${wh}`;
      const quantity = sign * Number(r.quantity);
      since.set(pair, (since.get(pair) ?? 0) + quantity);
      if (r.hour >= untilHour) continue;
      const day = dayOf(wh, r.hour, r.quarter);
      const days = inRange.get(pair) ?? new Map<string, number>();
      days.set(day, (days.get(day) ?? 0) + quantity);
      inRange.set(pair, days);
    }
  }
  return { inRange, since };
}

/** On hand on the sellable shelves now per `sku:warehouse`, from the balances holding stock. */
async function onHandNow(trx: Tx): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where(sql<SqlBool>`b.on_hand > 0`)
    .select(['b.sku_id', 'l.warehouse_id', (eb) => eb.fn.sum<number>('b.on_hand').as('n')])
    .groupBy(['b.sku_id', 'l.warehouse_id'])
    .execute();
  return new Map(rows.map((r) => [`${Number(r.sku_id)}:${Number(r.warehouse_id)}`, Number(r.n)]));
}

/** The `sku:warehouse` pairs censored on a day by an earlier rebuild (stocked out or backordered). */
async function censoredOn(trx: Tx, day: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('demand_daily')
    .select(['sku_id', 'warehouse_id'])
    .where('day', '=', day)
    .where('censored', '=', 1)
    .execute();
  return rows.map((r) => `${Number(r.sku_id)}:${Number(r.warehouse_id)}`);
}

/** Whether any movement before `beforeIso` brought the SKU onto the warehouse's sellable shelves. */
async function stockedBefore(trx: Tx, pair: string, beforeIso: string): Promise<boolean> {
  const [skuId, warehouseId] = pair.split(':').map(Number) as [number, number];
  const hit = await trx
    .selectFrom('stock_movements as m')
    .innerJoin('locations as l', 'l.id', 'm.to_location_id')
    .select('m.id')
    .where('m.sku_id', '=', skuId)
    .where('l.warehouse_id', '=', warehouseId)
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where('m.created_at', '<', beforeIso)
    .orderBy('m.id')
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}
