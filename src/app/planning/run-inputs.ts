import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import { openQuantity } from '../../core/purchasing/po-status.js';

/** `sku:warehouse`, the key of everything the run plans. */
export const pairKey = (skuId: number, warehouseId: number) => `${skuId}:${warehouseId}`;

/** One SKU × warehouse the run plans, with the planner's settings for it. */
export interface PlanningPair {
  skuId: number;
  warehouseId: number;
  skuCode: string;
  standardCostMinor: number;
  shelfLifeDays: number | null;
  preferredSupplierId: number | null;
  abcClass: string | null;
  abcPinned: boolean;
  serviceLevel: number | null;
  reviewDays: number;
  useEoq: boolean;
}

/**
 * What the run plans: every active SKU × warehouse with demand history or a planning row
 * (optionally in one warehouse), in key order so batches and progress are stable.
 */
export async function planningPairs(db: Tx, warehouseId: number | null): Promise<PlanningPair[]> {
  const withHistory = await db
    .selectFrom('demand_daily')
    .select(['sku_id', 'warehouse_id'])
    .distinct()
    .$if(warehouseId !== null, (q) => q.where('warehouse_id', '=', warehouseId!))
    .execute();
  const planned = await db
    .selectFrom('sku_planning')
    .selectAll()
    .$if(warehouseId !== null, (q) => q.where('warehouse_id', '=', warehouseId!))
    .execute();
  const skus = await db
    .selectFrom('skus')
    .select(['id', 'code', 'standard_cost_minor', 'shelf_life_days'])
    .where('active', '=', 1)
    .execute();
  const skuById = new Map(skus.map((s) => [Number(s.id), s]));
  const settings = new Map(
    planned.map((p) => [pairKey(Number(p.sku_id), Number(p.warehouse_id)), p]),
  );
  const keys = new Map<string, [number, number]>();
  for (const r of [...withHistory, ...planned])
    keys.set(pairKey(Number(r.sku_id), Number(r.warehouse_id)), [
      Number(r.sku_id),
      Number(r.warehouse_id),
    ]);
  const pairs: PlanningPair[] = [];
  for (const [key, [skuId, wh]] of keys) {
    const sku = skuById.get(skuId);
    if (!sku) continue;
    const p = settings.get(key);
    pairs.push({
      skuId,
      warehouseId: wh,
      skuCode: sku.code,
      standardCostMinor: Number(sku.standard_cost_minor),
      shelfLifeDays: sku.shelf_life_days === null ? null : Number(sku.shelf_life_days),
      preferredSupplierId:
        p?.preferred_supplier_id == null ? null : Number(p.preferred_supplier_id),
      abcClass: p?.abc_class ?? null,
      abcPinned: Number(p?.abc_pinned ?? 0) === 1,
      serviceLevel: p?.service_level == null ? null : Number(p.service_level),
      reviewDays: Number(p?.review_days ?? 1),
      useEoq: Number(p?.use_eoq ?? 0) === 1,
    });
  }
  return pairs.sort((a, b) => a.skuId - b.skuId || a.warehouseId - b.warehouseId);
}

/**
 * Sellable on hand less what is reserved, per `sku:warehouse`: stock put away in storage or on
 * a pick face (not receiving, quarantine or damaged), in lots that have not expired by `today`
 * (a lot is sellable through its expiry date; stock without a lot, or a lot without a date,
 * counts). Expired stock cannot fill an order, so it must not hold back a reorder.
 */
export async function availableByPair(
  db: Tx,
  skuIds: number[],
  today: string,
): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stock_balances as b')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .leftJoin('lots as lot', 'lot.id', 'b.lot_id')
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where('b.sku_id', 'in', skuIds)
    .where(sql<SqlBool>`b.on_hand > 0`)
    .where((eb) => eb.or([eb('lot.expiry_date', 'is', null), eb('lot.expiry_date', '>=', today)]))
    .select(['b.sku_id', 'b.warehouse_id', sql<number>`sum(b.on_hand - b.allocated)`.as('n')])
    .groupBy(['b.sku_id', 'b.warehouse_id'])
    .execute();
  return new Map(rows.map((r) => [pairKey(Number(r.sku_id), Number(r.warehouse_id)), Number(r.n)]));
}

/**
 * Open PO quantity per `sku:warehouse`. Drafts count as well as sent POs: a draft is what a
 * planner already approved from an earlier suggestion, and must not be suggested again.
 */
export async function onOrderByPair(db: Tx, skuIds: number[]): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('purchase_order_lines as pl')
    .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
    .where('po.status', 'in', ['draft', 'sent', 'partially_received'])
    .where('pl.sku_id', 'in', skuIds)
    .select([
      'pl.sku_id',
      'po.warehouse_id',
      'pl.quantity_ordered',
      'pl.quantity_received',
      'pl.quantity_cancelled',
    ])
    .execute();
  const totals = new Map<string, number>();
  for (const r of rows) {
    const key = pairKey(Number(r.sku_id), Number(r.warehouse_id));
    const open = openQuantity({
      quantityOrdered: Number(r.quantity_ordered),
      quantityReceived: Number(r.quantity_received),
      quantityCancelled: Number(r.quantity_cancelled),
    });
    totals.set(key, (totals.get(key) ?? 0) + open);
  }
  return totals;
}

/**
 * Backordered units per `sku:warehouse` of orders not cancelled, at the order's warehouse or
 * else the customer's preferred one (as demand history attributes unallocated lines).
 */
export async function backorderedByPair(db: Tx, skuIds: number[]): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .where('o.status', '<>', 'cancelled')
    .where('ol.quantity_backordered', '>', 0)
    .where('ol.sku_id', 'in', skuIds)
    .select(['ol.sku_id', 'o.warehouse_id', 'c.preferred_warehouse_id', 'ol.quantity_backordered'])
    .execute();
  const totals = new Map<string, number>();
  for (const r of rows) {
    const wh = r.warehouse_id ?? r.preferred_warehouse_id;
    if (wh === null) continue;
    const key = pairKey(Number(r.sku_id), Number(wh));
    totals.set(key, (totals.get(key) ?? 0) + Number(r.quantity_backordered));
  }
  return totals;
}
