import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/adapters/db/database.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { placeFacts } from '../../src/app/inventory/stock-facts.js';
import { stockedOutDays } from '../../src/app/planning/demand-censoring.js';
import { rebuildDemandHistory } from '../../src/app/planning/demand-history.js';
import { addDays } from '../../src/app/planning/planning-calendar.js';
import { quarterHourDays, quarterHourOf } from '../../src/app/warehouses/quarter-hour-days.js';
import { warehouseTimeZones } from '../../src/app/warehouses/warehouse-time-zones.js';
import { SELLABLE_TYPES } from '../../src/core/inventory/location-types.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const FIRST_DAY = '2026-03-02';
const DAYS = 24;

/**
 * The nightly rebuild censors stocked-out days from today's balances and the last days'
 * movements, and finds the same days as the full read of the ledger it replaced (kept here as
 * the oracle): SKUs stocked out for days with no movement, restocked, stocked first mid-way,
 * never stocked. And it reads no more rows on the last day than mid-way.
 */
describe.each(dialects)('stocked-out days from the ledger on %s', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  const skus: number[] = [];
  let seed = 11;
  const draw = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await insertWarehouse(store.database, 'CENS', 3);
    for (let i = 0; i < 5; i++) skus.push(await insertSku(store.database, `CENS-${i}`, false));
  });
  afterAll(async () => store?.drop());

  /** One day of stock moving: receipts, sales that may empty a bin, moves to staging. */
  async function trade(day: string, dayIndex: number) {
    await store.database.write(async (trx) => {
      for (const [i, skuId] of skus.entries()) {
        // SKU 3 is first stocked on day 6; SKU 4 never is.
        if (i === 4 || (i === 3 && dayIndex < 6)) continue;
        for (let event = 0; event < 3; event++) {
          const at = `${day}T${String(6 + draw(15)).padStart(2, '0')}:${String(draw(60)).padStart(2, '0')}:00.000Z`;
          const bin = wh.bins[draw(wh.bins.length)]!;
          const onHand = await heldAt(trx, bin, skuId);
          // SKU 2 runs dry from day 3 to day 9: no receipts, everything sold.
          const dry = i === 2 && dayIndex >= 3 && dayIndex < 10;
          const kind = dry ? 'sell' : ['receive', 'sell', 'stage'][draw(3)];
          if (kind === 'receive')
            await move(trx, skuId, wh.place.supplier!, bin, 5 + draw(20), 'receipt', at);
          else if (onHand > 0 && kind === 'sell')
            await move(
              trx,
              skuId,
              bin,
              wh.place.customer!,
              dry ? onHand : 1 + draw(onHand),
              'ship',
              at,
            );
          else if (onHand > 0)
            await move(trx, skuId, bin, wh.place.staging!, 1 + draw(onHand), 'pick', at);
        }
      }
    });
  }

  it('censors what the full read of the ledger censors, day after day, reading no more rows as history grows', async () => {
    const rowsPerDay: number[] = [];
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FIRST_DAY, d);
      await trade(day, d);
      const from = addDays(day, -1);
      await store.database.write(async (trx) => {
        let rows = 0;
        const counted = trx.withPlugin(rowCounter(() => rows++)) as unknown as Tx;
        const found = await stockedOutDays(counted, from, day);
        rowsPerDay.push(rows);
        expect([...found].sort(), `${from}..${day}`).toEqual(
          [...(await stockedOutDaysFromAllHistory(trx, from, day))].sort(),
        );
        // What the nightly run keeps for tomorrow's rebuild (the censored days of its range).
        await rebuildDemandHistory(trx, from, day);
      });
    }
    const censored = await store.database.db
      .selectFrom('demand_daily')
      .select(['sku_id', 'day'])
      .where('censored', '=', 1)
      .execute();
    // SKU 2 ran dry for days with nothing moving; SKU 4, never stocked, is never censored.
    expect(censored.filter((r) => r.sku_id === skus[2]).length).toBeGreaterThanOrEqual(3);
    expect(censored.some((r) => r.sku_id === skus[4])).toBe(false);
    // Three days of movements, whatever the history behind them (the full read doubled).
    expect(rowsPerDay.at(-1)!).toBeLessThanOrEqual(rowsPerDay[13]! * 1.3);
  });

  async function heldAt(trx: Tx, locationId: number, skuId: number): Promise<number> {
    const row = await trx
      .selectFrom('stock_balances')
      .select('on_hand')
      .where('location_id', '=', locationId)
      .where('sku_id', '=', skuId)
      .where('lot_id', '=', 0)
      .executeTakeFirst();
    return Number(row?.on_hand ?? 0);
  }

  async function move(
    trx: Tx,
    skuId: number,
    from: number,
    to: number,
    quantity: number,
    type: 'receipt' | 'ship' | 'pick',
    at: string,
  ) {
    await postMovement(
      trx,
      {
        skuId,
        lotId: 0,
        from: await placeFacts(trx, from),
        to: await placeFacts(trx, to),
        quantity,
        type,
        actor: 'test',
      },
      at,
    );
  }
});

/** Counts the rows every statement returns. */
function rowCounter(onRow: () => void): KyselyPlugin {
  return {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      for (let i = 0; i < args.result.rows.length; i++) onRow();
      return args.result;
    },
  };
}

/** The censoring before issue 15: every movement of the ledger up to the range, summed by day. */
async function stockedOutDaysFromAllHistory(trx: Tx, from: string, to: string) {
  const { hour, quarter } = quarterHourOf('m.created_at');
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
        hour.as('hour'),
        quarter.as('quarter'),
        eb.fn.sum<number>('m.quantity').as('quantity'),
      ])
      .groupBy(['m.sku_id', 'l.warehouse_id', hour, quarter])
      .execute();
  const dayOf = quarterHourDays(await warehouseTimeZones(trx));
  const deltas = new Map<string, Map<string, number>>();
  for (const [rows, sign] of [
    [await side('to_location_id'), 1],
    [await side('from_location_id'), -1],
  ] as const) {
    for (const r of rows) {
      const pair = `${Number(r.sku_id)}:${Number(r.warehouse_id)}`;
      const day = dayOf(Number(r.warehouse_id), r.hour, r.quarter);
      const days = deltas.get(pair) ?? new Map<string, number>();
      days.set(day, (days.get(day) ?? 0) + sign * Number(r.quantity));
      deltas.set(pair, days);
    }
  }
  const censored = new Set<string>();
  for (const [pair, days] of deltas) {
    const ordered = [...days.keys()].sort();
    let onHand = 0;
    let i = 0;
    for (; i < ordered.length && ordered[i]! < from; i++) onHand += days.get(ordered[i]!)!;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (i < ordered.length && ordered[i] === day) onHand += days.get(ordered[i++]!)!;
      if (day >= ordered[0]! && onHand <= 0) censored.add(`${pair}:${day}`);
    }
  }
  return censored;
}
