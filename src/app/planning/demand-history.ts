import type { Database, Tx } from '../../adapters/db/database.js';
import type { DemandDailyTable } from '../../adapters/db/schema-purchasing.js';
import { businessDay } from '../../core/shared/business-day.js';
import { FALLBACK_TIME_ZONE, warehouseTimeZones } from '../warehouses/warehouse-time-zones.js';
import { dayKey, stockedOutDays } from './demand-censoring.js';
import { addDays } from './planning-calendar.js';
import { readSetting, SETTING, writeSetting } from './planning-settings.js';

/** How far back a first rebuild reaches: the 156 weeks (three years) the forecast reads. */
export const HISTORY_DAYS = 7 * 156;

type DemandRow = DemandDailyTable;

const startOf = (day: string) => `${day}T00:00:00.000Z`;

/**
 * Rebuilds demand_daily for the days `from`..`to` (both included) from the sales and the
 * ledger, replacing whatever the range held:
 *  - ordered: each order line's quantity less what was cancelled, on the business day (the
 *    warehouse's local day, see core/shared/business-day) the order was created, at the warehouse the line was allocated from (most units, if several), else the
 *    order's warehouse, else the customer's preferred one (a line with none is not counted);
 *  - shipped: carton contents of shipments, on the local day and at the warehouse they shipped from;
 *  - censored: the SKU-day had a line still backordered (demand we could not serve), or ended
 *    with nothing on the sellable shelves (see stockedOutDays). Censored days are a lower bound
 *    on demand; the forecast treats them so.
 */
export async function rebuildDemandHistory(trx: Tx, from: string, to: string): Promise<number> {
  const rows = new Map<string, DemandRow>();
  const row = (skuId: number, warehouseId: number, day: string) => {
    const key = dayKey(skuId, warehouseId, day);
    let r = rows.get(key);
    if (!r) {
      r = {
        sku_id: skuId,
        warehouse_id: warehouseId,
        day,
        ordered_quantity: 0,
        shipped_quantity: 0,
        order_lines: 0,
        censored: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  const dayAt = zonedDays(await warehouseTimeZones(trx), from, to);
  for (const line of await orderedLines(trx, from, to, dayAt)) {
    const r = row(line.skuId, line.warehouseId, line.day);
    r.ordered_quantity += line.quantity;
    r.order_lines += 1;
    if (line.backordered) r.censored = 1;
  }
  for (const s of await shippedQuantities(trx, from, to, dayAt))
    row(s.skuId, s.warehouseId, s.day).shipped_quantity += s.quantity;
  for (const key of await stockedOutDays(trx, from, to)) {
    const [sku, wh, day] = key.split(':') as [string, string, string];
    row(Number(sku), Number(wh), day).censored = 1;
  }

  await trx.deleteFrom('demand_daily').where('day', '>=', from).where('day', '<=', to).execute();
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 500)
    await trx
      .insertInto('demand_daily')
      .values(all.slice(i, i + 500))
      .execute();
  return all.length;
}

interface OrderedLine {
  skuId: number;
  warehouseId: number;
  day: string;
  quantity: number;
  backordered: boolean;
}

/**
 * The business day of an instant at a warehouse, or null outside from..to. Queries read a UTC
 * day more on each side (every zone is within a day of UTC) and leave the rest to this.
 */
type DayAt = (warehouseId: number, instant: string) => string | null;

function zonedDays(zones: ReadonlyMap<number, string>, from: string, to: string): DayAt {
  return (warehouseId, instant) => {
    const day = businessDay(instant, zones.get(warehouseId) ?? FALLBACK_TIME_ZONE);
    return day >= from && day <= to ? day : null;
  };
}

async function orderedLines(
  trx: Tx,
  from: string,
  to: string,
  dayAt: DayAt,
): Promise<OrderedLine[]> {
  const lines = await trx
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .where('o.created_at', '>=', startOf(addDays(from, -1)))
    .where('o.created_at', '<', startOf(addDays(to, 2)))
    .where('o.status', '<>', 'cancelled')
    .select([
      'ol.id',
      'ol.sku_id',
      'o.created_at',
      'ol.quantity_ordered',
      'ol.quantity_cancelled',
      'ol.quantity_backordered',
      'o.warehouse_id',
      'c.preferred_warehouse_id',
    ])
    .execute();
  const allocated = await allocationWarehouses(
    trx,
    lines.map((l) => Number(l.id)),
  );
  const result: OrderedLine[] = [];
  for (const l of lines) {
    const quantity = Number(l.quantity_ordered) - Number(l.quantity_cancelled);
    const warehouseId =
      allocated.get(Number(l.id)) ?? l.warehouse_id ?? l.preferred_warehouse_id ?? null;
    if (quantity <= 0 || warehouseId === null) continue;
    const day = dayAt(Number(warehouseId), l.created_at);
    if (day === null) continue;
    result.push({
      skuId: Number(l.sku_id),
      warehouseId: Number(warehouseId),
      day,
      quantity,
      backordered: Number(l.quantity_backordered) > 0,
    });
  }
  return result;
}

/** The warehouse each line was allocated from: the one holding most of its units. */
async function allocationWarehouses(trx: Tx, lineIds: number[]): Promise<Map<number, number>> {
  const best = new Map<number, { warehouseId: number; quantity: number }>();
  for (let i = 0; i < lineIds.length; i += 500) {
    const rows = await trx
      .selectFrom('allocations')
      .where('order_line_id', 'in', lineIds.slice(i, i + 500))
      .select(['order_line_id', 'warehouse_id', (eb) => eb.fn.sum<number>('quantity').as('q')])
      .groupBy(['order_line_id', 'warehouse_id'])
      .orderBy('warehouse_id')
      .execute();
    for (const r of rows) {
      const seen = best.get(Number(r.order_line_id));
      if (!seen || Number(r.q) > seen.quantity)
        best.set(Number(r.order_line_id), {
          warehouseId: Number(r.warehouse_id),
          quantity: Number(r.q),
        });
    }
  }
  return new Map([...best].map(([line, b]) => [line, b.warehouseId]));
}

/** Units shipped per SKU and shipment in the range (shipments are few next to movements). */
async function shippedQuantities(trx: Tx, from: string, to: string, dayAt: DayAt) {
  const rows = await trx
    .selectFrom('shipments as s')
    .innerJoin('cartons as c', 'c.shipment_id', 's.id')
    .innerJoin('carton_contents as cc', 'cc.carton_id', 'c.id')
    .where('s.shipped_at', '>=', startOf(addDays(from, -1)))
    .where('s.shipped_at', '<', startOf(addDays(to, 2)))
    .select([
      'cc.sku_id',
      's.warehouse_id',
      's.shipped_at',
      (eb) => eb.fn.sum<number>('cc.quantity').as('quantity'),
    ])
    .groupBy(['cc.sku_id', 's.warehouse_id', 's.id', 's.shipped_at'])
    .execute();
  return rows.flatMap((r) => {
    const day = dayAt(Number(r.warehouse_id), r.shipped_at);
    if (day === null) return [];
    return [
      {
        skuId: Number(r.sku_id),
        warehouseId: Number(r.warehouse_id),
        day,
        quantity: Number(r.quantity),
      },
    ];
  });
}

/**
 * The incremental rebuild the run does first: from the day of the last rebuild (orders placed
 * later that day were not in it) through today, or the last HISTORY_DAYS on the first run.
 * The watermark moves in the same transaction as the rows.
 */
export async function refreshDemandHistory(
  database: Database,
  today: string,
): Promise<{ from: string; to: string; rows: number }> {
  return database.write(async (trx) => {
    const watermark = await readSetting(trx, SETTING.demandWatermark);
    const from = watermark && watermark <= today ? watermark : addDays(today, -HISTORY_DAYS);
    const rows = await rebuildDemandHistory(trx, from, today);
    await writeSetting(trx, SETTING.demandWatermark, today);
    return { from, to: today, rows };
  });
}
