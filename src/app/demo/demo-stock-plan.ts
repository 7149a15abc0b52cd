import { addDays } from '../../core/shared/calendar-days.js';
import { planBinLayout } from '../../core/inventory/bin-layout.js';
import type { DemoCatalog } from './demo-catalog.js';
import { demoRandom, type DemoRandom } from './demo-random.js';
import type { DemoSku } from './demo-sku-builder.js';
import { DEMO_ZONES, type DemoWarehouse } from './demo-warehouses.js';

/** One opening-stock receipt: a quantity of a SKU (and lot) put into a bin. */
export interface DemoReceipt {
  warehouseCode: string;
  locationCode: string;
  skuCode: string;
  quantity: number;
  lotCode?: string;
  /** `YYYY-MM-DD`. */
  expiryDate?: string;
}

/** A lot of a lot-tracked SKU: code from its production date, best-before from its shelf life. */
export interface DemoLot {
  code: string;
  expiryDate: string;
}

/** How many SKUs are deliberately left at zero everywhere, so stock-out reports show something. */
export const DEMO_STOCK_OUTS = 6;

/**
 * Plans the opening stock of the demo catalog, relative to `today` (`YYYY-MM-DD`): fast and
 * medium movers (A/B) get a dedicated pick face holding the oldest lot and pallets of newer
 * lots in reserve racking; slow movers (C) sit by the case on reserve shelves. Some lots expire
 * within 30 days; a few SKUs have no stock at all. The western DC carries A/B items and part
 * of the C range.
 */
export function planOpeningStock(catalog: DemoCatalog, today: string, seed: number): DemoReceipt[] {
  const rng = demoRandom(seed ^ 0x5eed);
  const stockOuts = new Set(
    rng
      .shuffle(catalog.skus)
      .slice(0, DEMO_STOCK_OUTS)
      .map((s) => s.code),
  );
  const lots = new Map(catalog.skus.map((sku) => [sku.code, planLots(sku, today, rng)]));
  // Fast movers first, so they get the pick faces at the start of the walk.
  const byVelocity = [...catalog.skus].sort((a, b) => a.abcClass.localeCompare(b.abcClass));
  const receipts: DemoReceipt[] = [];
  catalog.warehouses.forEach((warehouse, w) => {
    const bins = binPools(warehouse);
    for (const sku of byVelocity) {
      if (stockOuts.has(sku.code)) continue;
      if (w > 0 && sku.abcClass === 'C' && !rng.chance(0.3)) continue;
      receipts.push(
        ...stockSku(
          sku,
          lots.get(sku.code) ?? [],
          bins,
          rng,
          w === 0 ? 3 : 2,
          warehouse.warehouse.code,
        ),
      );
    }
  });
  return receipts;
}

/**
 * Two to four lots, oldest first. About one SKU in six has its oldest lot expiring within
 * 30 days; every lot was produced before today (expiry − shelf life < today).
 */
export function planLots(sku: DemoSku, today: string, rng: DemoRandom): DemoLot[] {
  const shelfLife = sku.shelfLifeDays;
  if (!sku.lotTracked || shelfLife === null) return [];
  const count = sku.abcClass === 'A' ? 4 : sku.abcClass === 'B' ? 3 : 2;
  let offset = rng.chance(0.17) ? rng.int(5, 30) : rng.int(45, Math.floor(shelfLife * 0.4));
  const lots: DemoLot[] = [];
  for (let i = 0; i < count && offset < shelfLife; i++) {
    const plant = rng.pick(['A', 'B', 'C']);
    lots.push({
      code: `L${compactDate(addDays(today, offset - shelfLife))}${plant}`,
      expiryDate: addDays(today, offset),
    });
    offset += rng.int(Math.floor(shelfLife / 8), Math.floor(shelfLife / 4));
  }
  return lots;
}

interface BinPools {
  pickFaces: Pool;
  pallets: Pool;
  shelves: Pool;
}

/** Bins of one zone handed out in pick-path order; once all are used, they are shared. */
class Pool {
  #next = 0;
  constructor(readonly codes: readonly string[]) {}
  get exhausted(): boolean {
    return this.#next >= this.codes.length;
  }
  take(): string {
    const code = this.codes[this.#next % this.codes.length]!;
    this.#next++;
    return code;
  }
}

function binPools(warehouse: DemoWarehouse): BinPools {
  const zone = (name: string) => {
    const spec = warehouse.layouts.find((l) => l.zone === name);
    if (!spec) throw new Error(`${warehouse.warehouse.code} has no zone ${name}`);
    const planned = planBinLayout(spec, 1);
    if (!planned.ok) throw new Error(planned.error.message);
    return new Pool(planned.value.map((b) => b.code));
  };
  return {
    pickFaces: zone(DEMO_ZONES.pickFaces),
    pallets: zone(DEMO_ZONES.palletReserve),
    shelves: zone(DEMO_ZONES.shelfReserve),
  };
}

function stockSku(
  sku: DemoSku,
  lots: DemoLot[],
  bins: BinPools,
  rng: DemoRandom,
  maxPallets: number,
  warehouseCode: string,
) {
  const casePack = sku.packs.find((p) => p.level === 'case')?.quantity ?? 1;
  const pallet = sku.packs.find((p) => p.level === 'pallet')!.quantity;
  // One entry per lot (or a single untracked "lot"), oldest first.
  const stock: (DemoLot | undefined)[] = lots.length > 0 ? lots : [undefined, undefined, undefined];
  const out: DemoReceipt[] = [];
  const put = (locationCode: string, quantity: number, lot: DemoLot | undefined) =>
    out.push({
      warehouseCode,
      locationCode,
      skuCode: sku.code,
      quantity,
      ...(lot ? { lotCode: lot.code, expiryDate: lot.expiryDate } : {}),
    });
  if (sku.abcClass === 'C' || bins.pickFaces.exhausted) {
    const shelf = bins.shelves.take();
    for (const lot of stock.slice(0, lots.length > 0 ? 2 : 1))
      put(shelf, casePack * rng.int(1, 6), lot);
    return out;
  }
  const [oldest, ...newer] = stock;
  put(
    bins.pickFaces.take(),
    casePack * rng.int(sku.abcClass === 'A' ? 3 : 1, sku.abcClass === 'A' ? 8 : 4),
    oldest,
  );
  const reserve = newer.slice(0, sku.abcClass === 'A' ? maxPallets : 1);
  for (const lot of reserve) {
    // Most reserve pallets are full; some have had a few cases taken off already.
    const taken = rng.chance(0.3)
      ? casePack * rng.int(1, Math.max(1, Math.floor(pallet / casePack / 2)))
      : 0;
    put(
      bins.pallets.exhausted ? bins.shelves.take() : bins.pallets.take(),
      Math.max(casePack, pallet - taken),
      lot,
    );
  }
  return out;
}

/** `2025-03-14` → `250314`, the way lot codes are printed on bags. */
function compactDate(isoDate: string): string {
  return isoDate.slice(2).replaceAll('-', '');
}
