import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import { addDays } from './planning-calendar.js';

/** The UTC date of a movement; literal arguments so PostgreSQL sees the same GROUP BY text. */
const DAY_OF_MOVEMENT = sql<string>`substr(m.created_at, 1, 10)`;

/** `sku:warehouse:day` of every censored SKU-day in the range. */
export type CensoredDays = Set<string>;

export const dayKey = (skuId: number, warehouseId: number, day: string) =>
  `${skuId}:${warehouseId}:${day}`;

/**
 * SKU-days with nothing on the sellable shelves at the end of the day, from the ledger: the
 * running sum of movements into and out of storage and pick faces, per SKU × warehouse, from
 * the first such movement on (before a SKU was ever stocked there is nothing to censor).
 * Allocation is not in the ledger's history, so this is on hand, not available; a day that
 * ended with stock all reserved is caught by the backorder rule instead (see demand-history).
 */
export async function stockedOutDays(trx: Tx, from: string, to: string): Promise<CensoredDays> {
  const untilIso = `${addDays(to, 1)}T00:00:00.000Z`;
  const side = (column: 'to_location_id' | 'from_location_id') =>
    trx
      .selectFrom('stock_movements as m')
      .innerJoin('locations as l', 'l.id', `m.${column}`)
      .where('l.type', 'in', [...SELLABLE_TYPES])
      .where('m.created_at', '<', untilIso)
      .select((eb) => [
        'm.sku_id',
        'l.warehouse_id',
        DAY_OF_MOVEMENT.as('day'),
        eb.fn.sum<number>('m.quantity').as('quantity'),
      ])
      .groupBy(['m.sku_id', 'l.warehouse_id', DAY_OF_MOVEMENT])
      .execute();
  const [ins, outs] = await Promise.all([side('to_location_id'), side('from_location_id')]);
  const deltas = new Map<string, Map<string, number>>();
  const add = (sku: number, wh: number, day: string, q: number) => {
    const pair = `${sku}:${wh}`;
    const days = deltas.get(pair) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + q);
    deltas.set(pair, days);
  };
  for (const r of ins) add(Number(r.sku_id), Number(r.warehouse_id), r.day, Number(r.quantity));
  for (const r of outs) add(Number(r.sku_id), Number(r.warehouse_id), r.day, -Number(r.quantity));

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
