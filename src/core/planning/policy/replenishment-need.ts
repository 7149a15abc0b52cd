import { addDays } from '../../shared/calendar-days.js';
/**
 * Whether to order a SKU today and how much: compare the inventory position with the reorder
 * point; when at or below it, order up to the order-up-to level, then round to what the
 * supplier sells (minimum order quantity, case multiples).
 */
import type { ReorderPolicy } from './reorder-policy.js';

/** The supplier's ordering terms for the SKU, in base units. */
export interface OrderRounding {
  minOrderQuantity: number;
  orderMultiple: number;
}

/**
 * The quantity to order for a need: 0 when nothing is needed; otherwise at least the minimum
 * order quantity, rounded up to a whole multiple (a multiple below 1 counts as 1).
 */
export function roundOrderQuantity(needed: number, rounding: OrderRounding): number {
  if (!(needed > 0)) return 0;
  const multiple = Math.max(1, Math.floor(rounding.orderMultiple));
  const atLeast = Math.max(Math.ceil(needed), Math.ceil(rounding.minOrderQuantity));
  return Math.ceil(atLeast / multiple) * multiple;
}

/** Today's stock picture of one SKU at one warehouse, with its policy and terms. */
export interface NeedInput {
  /** sellable on hand − allocated */
  available: number;
  /** open PO quantity */
  onOrder: number;
  /** unfilled customer demand */
  backordered: number;
  policy: ReorderPolicy;
  meanDailyDemand: number;
  rounding: OrderRounding;
  /** YYYY-MM-DD */
  today: string;
}

/** The decision and the numbers behind it, with a sentence a planner can check. */
export interface ReplenishmentNeed {
  order: boolean;
  /** available + onOrder − backordered */
  inventoryPosition: number;
  /** orderUpTo − position when position ≤ reorderPoint, else 0 (after the shelf-life cap) */
  neededQuantity: number;
  /** rounded to the supplier's terms */
  quantity: number;
  /** max(0, available − backordered) / d̄, never negative (0 when out or owing); null when d̄ = 0 */
  daysOfSupply: number | null;
  /** today + ⌊daysOfSupply⌋ (today when already out); null when d̄ = 0 */
  stockoutDate: string | null;
  reason: string;
}

function roundingText(needed: number, quantity: number, rounding: OrderRounding): string {
  const multiple = Math.max(1, Math.floor(rounding.orderMultiple));
  const notes: string[] = [];
  if (rounding.minOrderQuantity > needed)
    notes.push(`raised to minimum ${rounding.minOrderQuantity}`);
  if (multiple > 1) notes.push(`rounded to case of ${multiple}`);
  return notes.length > 0 ? `, ${notes.join(', ')} → ${quantity}` : ` → ${quantity}`;
}

function reasonText(need: Omit<ReplenishmentNeed, 'reason'>, input: NeedInput): string {
  const { policy } = input;
  const owed = input.backordered - input.available;
  const supply =
    need.daysOfSupply === null
      ? 'no demand'
      : owed > 0
        ? `out of stock, ${owed} backordered`
        : `${need.daysOfSupply.toFixed(1)} days of supply`;
  const facts = `(safety stock ${policy.safetyStock}, ${supply})`;
  const position = need.inventoryPosition;
  if (position > policy.reorderPoint) {
    return `Position ${position} > reorder point ${policy.reorderPoint} ${facts}; no order.`;
  }
  const capped =
    policy.shelfLifeCap !== null && policy.orderUpTo === policy.shelfLifeCap
      ? ` (capped by shelf life)`
      : '';
  const head = `Position ${position} ≤ reorder point ${policy.reorderPoint} ${facts}`;
  if (need.neededQuantity === 0) {
    return `${head}; order-up-to level ${policy.orderUpTo}${capped} already reached; no order.`;
  }
  const rounded = roundingText(need.neededQuantity, need.quantity, input.rounding);
  return `${head}; order up to ${policy.orderUpTo}${capped}${rounded}.`;
}

/** Decides today's order for one SKU. Pure: `today` is passed in. */
export function replenishmentNeed(input: NeedInput): ReplenishmentNeed {
  const { policy, meanDailyDemand: d } = input;
  const inventoryPosition = input.available + input.onOrder - input.backordered;
  const neededQuantity =
    inventoryPosition <= policy.reorderPoint
      ? Math.max(0, policy.orderUpTo - inventoryPosition)
      : 0;
  const quantity = roundOrderQuantity(neededQuantity, input.rounding);
  const daysOfSupply = d > 0 ? Math.max(0, input.available - input.backordered) / d : null;
  const stockoutDate =
    daysOfSupply === null ? null : addDays(input.today, Math.max(0, Math.floor(daysOfSupply)));
  const need = {
    order: quantity > 0,
    inventoryPosition,
    neededQuantity,
    quantity,
    daysOfSupply,
    stockoutDate,
  };
  return { ...need, reason: reasonText(need, input) };
}
