import { expiryDay } from '../../core/inventory/expiry.js';
import type { Tx } from '../../adapters/db/database.js';
import { atpSeries, type AtpPoint } from '../../core/purchasing/atp.js';
import { businessDay } from '../../core/shared/business-day.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { queryStock } from '../inventory/stock-query.js';
import { incomingLines } from './incoming.js';

export interface SkuAvailability {
  skuId: number;
  warehouseId: number;
  today: string;
  days: number;
  onHand: number;
  allocated: number;
  /** Unreserved in storage and pick faces: what can be promised today. */
  available: number;
  /** Open PO quantity per expected date (within the horizon or not). */
  incoming: { date: string | null; quantity: number; purchaseOrders: string[] }[];
  /** Units waiting on backorder in this warehouse: the first claim on what arrives. */
  backordered: number;
  atp: AtpPoint[];
}

/**
 * What a SKU can promise in one warehouse: stock now, open POs by expected date, backorders,
 * and the cumulative available-to-promise series over `days` from today in the warehouse's
 * time zone. Incoming with no date is listed but not in the series: it cannot be promised for
 * any day.
 */
export async function skuAvailability(
  db: Tx,
  skuId: number,
  warehouseId: number,
  days: number,
  now: Date,
): Promise<Result<SkuAvailability>> {
  const sku = await db.selectFrom('skus').select('id').where('id', '=', skuId).executeTakeFirst();
  if (!sku) return fail('PURCHASING.SKU_NOT_FOUND', `No SKU ${skuId}`, { skuId });
  const warehouse = await db
    .selectFrom('warehouses')
    .select(['id', 'time_zone'])
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!warehouse)
    return fail('PURCHASING.WAREHOUSE_NOT_FOUND', `No warehouse ${warehouseId}`, { warehouseId });
  const today = businessDay(now, warehouse.time_zone); // promises are made in its zone
  const [stock] = await queryStock(db, {
    skuId,
    warehouseId,
    groupBy: 'warehouse',
    today: expiryDay(now.toISOString()),
    limit: 1,
  });
  const lines = await incomingLines(db, warehouseId, [skuId]);
  const backordered = await backorderedQuantity(db, skuId, warehouseId);
  const available = stock?.available ?? 0;
  const incoming = groupByDate(lines);
  return ok({
    skuId,
    warehouseId,
    today,
    days,
    onHand: stock?.onHand ?? 0,
    allocated: stock?.allocated ?? 0,
    available,
    incoming,
    backordered,
    atp: atpSeries({
      available,
      backordered,
      today,
      days,
      incoming: incoming.flatMap((i) => (i.date ? [{ date: i.date, quantity: i.quantity }] : [])),
    }),
  });
}

/** Backordered units of open orders shipping from the warehouse. */
export async function backorderedQuantity(db: Tx, skuId: number, warehouseId: number) {
  const row = await db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('ol.quantity_backordered'), eb.lit(0)).as('n'))
    .where('ol.sku_id', '=', skuId)
    .where('o.warehouse_id', '=', warehouseId)
    .where('o.status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function groupByDate(lines: Awaited<ReturnType<typeof incomingLines>>) {
  const byDate = new Map<string | null, { quantity: number; purchaseOrders: Set<string> }>();
  for (const line of lines) {
    const entry = byDate.get(line.expectedDate) ?? { quantity: 0, purchaseOrders: new Set() };
    entry.quantity += line.quantity;
    entry.purchaseOrders.add(line.number);
    byDate.set(line.expectedDate, entry);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a ?? '9999').localeCompare(b ?? '9999'))
    .map(([date, e]) => ({ date, quantity: e.quantity, purchaseOrders: [...e.purchaseOrders] }));
}
