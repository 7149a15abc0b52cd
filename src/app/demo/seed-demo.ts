import type { Tx } from '../../adapters/db/database.js';
import { STANDARD_LOCATIONS } from '../../core/inventory/location-types.js';
import { must } from '../../core/shared/result.js';
import { createSku } from '../catalog/create-sku.js';
import type { AppContext } from '../context.js';
import { receiveUnplanned } from '../inventory/receive-unplanned.js';
import { createBinLayout } from '../warehouses/create-locations.js';
import { createWarehouse } from '../warehouses/create-warehouse.js';
import { DEFAULT_DEMO_SEED, demoCatalog, type DemoCatalog } from './demo-catalog.js';
import { planDemoSales, seedDemoSales } from './demo-sales.js';
import { planOpeningStock, type DemoReceipt } from './demo-stock-plan.js';

/** The `settings` key that says the demo data is in; its value records the seed and when. */
export const DEMO_SEEDED_KEY = 'demo_seeded';

/** What one call of `seedDemo` created (all zero when the store was already seeded). */
export interface SeedDemoResult {
  skus: number;
  warehouses: number;
  locations: number;
  movements: number;
  customers: number;
  orders: number;
}

/** The actor on every demo movement, so demo stock is recognisable in the ledger. */
const DEMO_ACTOR = 'demo';
const NOTHING: SeedDemoResult = {
  skus: 0,
  warehouses: 0,
  locations: 0,
  movements: 0,
  customers: 0,
  orders: 0,
};

/**
 * Loads the demo pet-supplies wholesaler: its catalog, two warehouses with their racking,
 * opening stock received from each warehouse's SUPPLIER location — so the ledger balances from
 * the first movement — and then the sales side (price lists, order rules, trade accounts and
 * an order book placed and allocated against that stock; see `demo-sales.ts`). Idempotent:
 * does nothing once the `demo_seeded` setting exists.
 *
 * Everything is one unit of work, on purpose: a seed that dies half-way leaves nothing behind
 * (a rerun starts clean instead of tripping over half a catalog), and two servers started
 * with `--demo` at once cannot both seed — the loser's SKU inserts collide and it rolls back.
 * One unit is also the largest batch the group-committing SQLite store can make.
 */
export async function seedDemo(
  ctx: AppContext,
  options: {
    seed?: number;
    /** Settings written in the same unit, so they exist exactly when the demo does. */
    settings?: Readonly<Record<string, string>>;
  } = {},
): Promise<SeedDemoResult> {
  const { database } = ctx;
  if (await isSeeded(database.db)) return NOTHING;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const catalog = demoCatalog(seed);
  const receipts = planOpeningStock(catalog, nowIso.slice(0, 10), seed);
  const sales = planDemoSales(catalog, receipts, nowIso.slice(0, 10), seed);
  return database.write(async (trx) => {
    if (await isSeeded(trx)) return NOTHING;
    const { skuIds, warehouses, locations } = await createMasterData(trx, catalog, now);
    const locationIds = await locationIdsByCode(trx);
    for (const receipt of receipts) {
      await receiveUnplanned(trx, receiptInput(receipt, skuIds, locationIds), DEMO_ACTOR, nowIso);
    }
    const { customers, orders } = await seedDemoSales(
      trx,
      sales,
      catalog,
      skuIds,
      ctx.policies.allocation,
      now,
    );
    await trx
      .insertInto('settings')
      .values({ key: DEMO_SEEDED_KEY, value: JSON.stringify({ seed, seededAt: nowIso }) })
      .execute();
    for (const [key, value] of Object.entries(options.settings ?? {}))
      await trx.insertInto('settings').values({ key, value }).execute();
    return {
      skus: skuIds.size,
      warehouses,
      locations,
      movements: receipts.length,
      customers,
      orders,
    };
  });
}

/** The catalog through `createSku`, the buildings through `createWarehouse` and `createBinLayout`. */
async function createMasterData(trx: Tx, catalog: DemoCatalog, now: Date) {
  const skuIds = new Map<string, number>();
  for (const { abcClass: _abcClass, ...draft } of catalog.skus) {
    const sku = must(await createSku(trx, draft, now));
    skuIds.set(sku.code, sku.id);
  }
  let locations = 0;
  for (const { warehouse, layouts } of catalog.warehouses) {
    const created = await createWarehouse(trx, warehouse, now);
    locations += STANDARD_LOCATIONS.length;
    for (const layout of layouts)
      locations += (await createBinLayout(trx, created.id, layout, now)).created;
  }
  return { skuIds, warehouses: catalog.warehouses.length, locations };
}

async function locationIdsByCode(trx: Tx): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('locations')
    .innerJoin('warehouses', 'warehouses.id', 'locations.warehouse_id')
    .select(['locations.id', 'locations.code', 'warehouses.code as warehouse_code'])
    .execute();
  return new Map(rows.map((r) => [`${r.warehouse_code}/${r.code}`, r.id]));
}

function receiptInput(
  receipt: DemoReceipt,
  skuIds: Map<string, number>,
  locationIds: Map<string, number>,
) {
  const skuId = skuIds.get(receipt.skuCode);
  const toLocationId = locationIds.get(`${receipt.warehouseCode}/${receipt.locationCode}`);
  if (skuId === undefined || toLocationId === undefined) {
    throw new Error(
      `demo receipt names unknown ${receipt.skuCode} or ${receipt.warehouseCode}/${receipt.locationCode}`,
    );
  }
  return {
    skuId,
    toLocationId,
    quantity: receipt.quantity,
    lotCode: receipt.lotCode,
    expiryDate: receipt.expiryDate,
    reference: 'DEMO-OPENING-STOCK',
  };
}

/** True once the demo is in the store. */
export async function isSeeded(trx: Tx): Promise<boolean> {
  const row = await trx
    .selectFrom('settings')
    .select('key')
    .where('key', '=', DEMO_SEEDED_KEY)
    .executeTakeFirst();
  return row !== undefined;
}
