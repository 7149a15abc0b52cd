/**
 * The baseline arm: a static min/max rule as planners set it by hand. min = k × average
 * lead-time demand, max = min + 30 days of average demand, both from the history year and
 * never revised; order up to max when the position falls to min or below, in the supplier's
 * cases. k is the one knob people turn to buy service.
 */
import { roundOrderQuantity } from '../policy/replenishment-need.js';
import type { SimSku } from './demand-portfolio.js';
import type { ReorderRule } from './inventory-simulator.js';

/** Days of average demand between min and max. */
export const MIN_MAX_SPAN_DAYS = 30;

/** min and max of one SKU for a lead-time multiplier k, from the demand of days [0, known). */
export function minMaxLevels(
  sku: SimSku,
  known: number,
  multiplier: number,
): { min: number; max: number } {
  let total = 0;
  for (let d = 0; d < known; d++) total += sku.demand[d]!;
  const daily = total / known;
  const min = Math.ceil(multiplier * daily * sku.leadTimeDays);
  return { min, max: min + Math.ceil(MIN_MAX_SPAN_DAYS * daily) };
}

/** The daily min/max rule for fixed levels. */
export function minMaxRule(sku: SimSku, levels: { min: number; max: number }): ReorderRule {
  const rounding = { minOrderQuantity: sku.minOrderQuantity, orderMultiple: sku.orderMultiple };
  return (state) => {
    const position = state.onHand + state.onOrder - state.backordered;
    return position <= levels.min ? roundOrderQuantity(levels.max - position, rounding) : 0;
  };
}
