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

/**
 * SKU-days with nothing on the sellable shelves at the end of the (warehouse-local) day, from the ledger: the
 * running sum of movements into and out of storage and pick faces, per SKU × warehouse, from
 * the first such movement on (before a SKU was ever stocked there is nothing to censor).
 * Allocation is not in the ledger's history, so this is on hand, not available; a day that
 * ended with stock all reserved is caught by the backorder rule instead (see demand-history).
 */
export async function stockedOutDays(trx: Tx, from: string, to: string): Promise<CensoredDays> {
  // A day later than UTC's end of `to`: local days east of UTC end before it, west after it.
  const untilIso = `${addDays(to, 2)}T00:00:00.000Z`;
  const side = (column: 'to_location_id' | 'from_location_id') =>
    trx
      .selectFrom('stock_movements as m')
      .innerJoin('locations as l', 'l.id', `m.${column}`)
      .where('l.type', 'in', [...SELLABLE_TYPES])
      .where('m.created_at', '<', untilIso)
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
  const dayOf = quarterHourDays(await warehouseTimeZones(trx));
  const deltas = new Map<string, Map<string, number>>();
  const add = (sku: number, wh: number, day: string, q: number) => {
    const pair = `${sku}:${wh}`;
    const days = deltas.get(pair) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + q);
    deltas.set(pair, days);
  };
  for (const [rows, sign] of [
    [ins, 1],
    [outs, -1],
  ] as const) {
    for (const r of rows) {
      const wh = Number(r.warehouse_id);
      add(Number(r.sku_id), wh, dayOf(wh, r.hour, r.quarter), sign * Number(r.quantity));
    }
  }

  const censored: CensoredDays = new Set();
  for (const [pair, days] of deltas) {
    const ordered = [...days.keys()].sort();
    let onHand = 0;
    let i = 0;
    for (; i < ordered.length && ordered[i]! < from; i++) onHand += days.get(ordered[i]!)!;
    const firstDay = ordered[0]!;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (i < ordered.length && ordered[i] === day) onHand += days.get(ordered[i++]!)!;
      if (day >= firstDay && onHand <= 0) censored.add(`${pair}:${day}`);
    }
  }
  return censored;
}
