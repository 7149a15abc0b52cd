import type { OrderRule } from '../../core/pricing/order-quantity.js';
import type { PriceRowDraft } from '../../core/pricing/price-rows.js';
import type { DemoPriceListCode } from './demo-customers.js';
import type { DemoRandom } from './demo-random.js';
import type { DemoSku } from './demo-sku-builder.js';

/** The levels the demo prices and orders at (inners are priced from the each). */
export type DemoLevel = 'each' | 'case' | 'pallet';

/** A set of prices for one SKU and level, as `upsertListPrices` / `upsertCustomerPrices` take it. */
export interface DemoPriceSet {
  skuCode: string;
  packLevel: DemoLevel;
  prices: PriceRowDraft[];
}

/** A customer's contract price for one SKU and level. */
export interface DemoCustomerPrice extends DemoPriceSet {
  accountNumber: string;
}

/** Trade price of an each: standard cost plus 40 %. */
export const DEMO_MARKUP = 1.4;
/** A full case costs 5 % less than its eaches. */
export const DEMO_CASE_DISCOUNT = 0.95;
/** From this many cases on one line, the case price drops by `DEMO_VOLUME_DISCOUNT`. */
export const DEMO_VOLUME_BREAK_CASES = 10;
export const DEMO_VOLUME_DISCOUNT = 0.96;
/** A full pallet costs 10 % less than its eaches. */
export const DEMO_PALLET_DISCOUNT = 0.9;
/** Chain accounts buy 3 % below the wholesale list. */
export const DEMO_CHAIN_DISCOUNT = 0.97;

const LIST_FACTOR: Record<DemoPriceListCode, number> = {
  WHOLESALE: 1,
  CHAIN: DEMO_CHAIN_DISCOUNT,
};

export function packSize(sku: DemoSku, level: DemoLevel): number | undefined {
  return level === 'each' ? 1 : sku.packs.find((p) => p.level === level)?.quantity;
}

/**
 * A SKU's prices on a list: the each at cost × 1.4 (× the list's factor), the case at 95 % of
 * its eaches with a 4 % break from 10 cases, the pallet at 90 % of its eaches. All in cents.
 */
export function listPriceSets(sku: DemoSku, list: DemoPriceListCode): DemoPriceSet[] {
  const each = Math.round(sku.standardCostMinor * DEMO_MARKUP * LIST_FACTOR[list]);
  const sets: DemoPriceSet[] = [
    { skuCode: sku.code, packLevel: 'each', prices: [{ unitPriceMinor: each }] },
  ];
  const caseQty = packSize(sku, 'case');
  if (caseQty !== undefined) {
    const casePrice = Math.round(each * caseQty * DEMO_CASE_DISCOUNT);
    sets.push({
      skuCode: sku.code,
      packLevel: 'case',
      prices: [
        { unitPriceMinor: casePrice },
        {
          minQuantity: DEMO_VOLUME_BREAK_CASES,
          unitPriceMinor: Math.round(casePrice * DEMO_VOLUME_DISCOUNT),
        },
      ],
    });
  }
  const palletQty = packSize(sku, 'pallet');
  if (palletQty !== undefined) {
    sets.push({
      skuCode: sku.code,
      packLevel: 'pallet',
      prices: [{ unitPriceMinor: Math.round(each * palletQty * DEMO_PALLET_DISCOUNT) }],
    });
  }
  return sets;
}

/**
 * What a line of `packQuantity` packs costs on a list, the way the price resolver finds it
 * (the level's price, its best volume break, else the each × pack size). The order planner uses
 * it to keep accounts within their credit limits — or, once, to take one over on purpose.
 */
export function estimateLineMinor(
  sku: DemoSku,
  list: DemoPriceListCode,
  level: DemoLevel,
  packQuantity: number,
): number {
  const sets = listPriceSets(sku, list);
  const at = sets.find((s) => s.packLevel === level) ?? sets[0]!;
  const row = [...at.prices]
    .filter((p) => (p.minQuantity ?? 1) <= packQuantity)
    .sort((a, b) => (b.minQuantity ?? 1) - (a.minQuantity ?? 1))[0]!;
  const multiplier = at.packLevel === level ? 1 : (packSize(sku, level) ?? 1);
  return row.unitPriceMinor * multiplier * packQuantity;
}

/** Heavy bags below this many per line are not worth a delivery: the line is refused. */
export const DEMO_HEAVY_BAG_MINIMUM = 5;

/**
 * Order quantity rules: toys and cans are sold by the full case (a smaller quantity is rounded
 * up to it); a few heavy loose bags (12 kg and up) have a minimum order quantity, and a line
 * below it is refused.
 */
export function planOrderRules(skus: readonly DemoSku[], rng: DemoRandom): Map<string, OrderRule> {
  const rules = new Map<string, OrderRule>();
  for (const sku of skus) {
    const caseQty = packSize(sku, 'case');
    if (caseQty === undefined) continue;
    if (sku.category === 'Toys' || /\bCan\b/.test(sku.name)) {
      rules.set(sku.code, {
        minOrderQuantity: caseQty,
        orderMultiple: caseQty,
        rounding: 'round_up',
      });
    }
  }
  const heavyBags = skus.filter((s) => packSize(s, 'case') === undefined && s.weightG >= 12_000);
  for (const sku of rng.shuffle(heavyBags).slice(0, 4)) {
    rules.set(sku.code, {
      minOrderQuantity: DEMO_HEAVY_BAG_MINIMUM,
      orderMultiple: 1,
      rounding: 'reject',
    });
  }
  return rules;
}

/**
 * A few contract prices: the chain's on two fast-selling dry dog foods (by the case) and a
 * litter, a vet's on a dry cat food it sells by the bag, a store's on a dog treat. Each is a
 * few percent under the account's list and only for SKUs the account's warehouse stocks, so
 * its orders can show them.
 */
export function planCustomerPrices(
  skus: readonly DemoSku[],
  stockedIn: (warehouse: 'MAIN' | 'WEST', skuCode: string) => boolean,
  rng: DemoRandom,
): DemoCustomerPrice[] {
  const deals: [string, DemoPriceListCode, 'MAIN' | 'WEST', string, DemoLevel, number, number][] = [
    ['C-10006', 'CHAIN', 'MAIN', 'Dry dog food', 'case', 2, 0.94],
    ['C-10006', 'CHAIN', 'MAIN', 'Cat litter', 'each', 1, 0.94],
    ['C-10004', 'WHOLESALE', 'MAIN', 'Dry cat food', 'each', 1, 0.92],
    ['C-20001', 'WHOLESALE', 'WEST', 'Dog treats', 'case', 1, 0.95],
  ];
  const prices: DemoCustomerPrice[] = [];
  for (const [accountNumber, list, warehouse, category, level, count, factor] of deals) {
    const candidates = skus.filter(
      (s) =>
        s.category === category &&
        s.abcClass !== 'C' &&
        packSize(s, level) !== undefined &&
        stockedIn(warehouse, s.code),
    );
    for (const sku of rng.shuffle(candidates).slice(0, count)) {
      const listed = listPriceSets(sku, list).find((s) => s.packLevel === level)!;
      prices.push({
        accountNumber,
        skuCode: sku.code,
        packLevel: level,
        prices: [{ unitPriceMinor: Math.round(listed.prices[0]!.unitPriceMinor * factor) }],
      });
    }
  }
  return prices;
}
