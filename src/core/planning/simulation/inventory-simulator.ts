/**
 * A daily inventory simulator for one SKU under a reorder rule. Pure and deterministic: the
 * SKU carries its demand and its suppliers' lead times (generated from a seed), so two rules
 * run on the same SKU meet the same days (common random numbers).
 *
 * Each day: (1) the day's demand ships from stock as far as it goes and the rest is
 * BACKORDERED (wholesale customers mostly wait rather than walk; it also matches the inventory
 * position of the policy core, which subtracts backorders); (2) purchase orders due today are
 * received at the end of the day and first clear backorders; (3) the rule reviews the position
 * and may order; an order placed on day t with that day's lead time L (never before an earlier
 * order) is
 * received at the end of day t + L, so it protects the L days until then plus the day until
 * the next review: the textbook protection period LT + R with R = 1; (4) the day's closing
 * stock is recorded.
 * Fill rate counts only units shipped from stock on the day they were asked for.
 */
import type { SimSku } from './demand-portfolio.js';

/** What a rule sees on each review. */
export interface ReviewState {
  /** Day index into sku.demand (history days come first). */
  readonly day: number;
  readonly onHand: number;
  readonly onOrder: number;
  readonly backordered: number;
}

/** A reorder rule: returns the quantity to order today (0 for none). */
export type ReorderRule = (state: ReviewState) => number;

/** The outcome of one SKU over the simulated period. */
export interface SkuOutcome {
  readonly demanded: number;
  readonly filledFromStock: number;
  /** Mean closing on-hand units per day. */
  readonly averageOnHand: number;
  readonly orders: number;
}

/** Simulates days [start, end) of sku.demand, opening with `openingStock` on hand. */
export function simulateSku(
  sku: SimSku,
  rule: ReorderRule,
  window: { start: number; end: number; openingStock: number },
): SkuOutcome {
  const arrivals = new Map<number, number>();
  let onHand = window.openingStock;
  let onOrder = 0;
  let backordered = 0;
  let demanded = 0;
  let filledFromStock = 0;
  let stockDays = 0;
  let orders = 0;
  let lastDue = -1;
  for (let day = window.start; day < window.end; day++) {
    const asked = sku.demand[day]!;
    const shipped = Math.min(onHand, asked);
    onHand -= shipped;
    backordered += asked - shipped;
    demanded += asked;
    filledFromStock += shipped;

    const arriving = arrivals.get(day) ?? 0;
    arrivals.delete(day);
    onOrder -= arriving;
    onHand += arriving;
    const late = Math.min(onHand, backordered);
    onHand -= late;
    backordered -= late;

    const quantity = rule({ day, onHand, onOrder, backordered });
    if (quantity > 0) {
      // Receipts keep order (a supplier ships its POs in sequence): no order overtakes one
      // placed before it. Crossing orders would make lead-time demand steadier than the
      // d̄²·σLT² term assumes (Hayya et al. 2008) and flatter the policy's fill rate.
      const due = Math.max(day + sku.leadTimes[day]!, lastDue);
      lastDue = due;
      arrivals.set(due, (arrivals.get(due) ?? 0) + quantity);
      onOrder += quantity;
      orders++;
    }
    stockDays += onHand;
  }
  return {
    demanded,
    filledFromStock,
    averageOnHand: stockDays / (window.end - window.start),
    orders,
  };
}

/** Portfolio totals: unit fill rate and average stock in units and in value. */
export interface ArmResult {
  readonly fillRate: number;
  readonly averageUnits: number;
  readonly averageValueMinor: number;
  readonly orders: number;
}

/** Sums SKU outcomes into the portfolio figures. */
export function portfolioResult(
  skus: readonly SimSku[],
  outcomes: readonly SkuOutcome[],
): ArmResult {
  let demanded = 0;
  let filled = 0;
  let units = 0;
  let value = 0;
  let orders = 0;
  outcomes.forEach((o, i) => {
    demanded += o.demanded;
    filled += o.filledFromStock;
    units += o.averageOnHand;
    value += o.averageOnHand * skus[i]!.unitCostMinor;
    orders += o.orders;
  });
  return {
    fillRate: demanded > 0 ? filled / demanded : 1,
    averageUnits: units,
    averageValueMinor: value,
    orders,
  };
}
