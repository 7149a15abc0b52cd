/**
 * Order quantity rules per SKU: a minimum order quantity and an order multiple (typically the
 * case pack, so the warehouse never breaks a case), both in base units. Each SKU either refuses
 * a quantity that breaks them or rounds it up.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** What to do with a quantity that breaks the rule. */
export const ROUNDINGS = ['reject', 'round_up'] as const;
/** `reject` refuses the line; `round_up` raises it to the next quantity the rule allows. */
export type Rounding = (typeof ROUNDINGS)[number];

/** A SKU's order quantity rule; quantities in base units (eaches). */
export interface OrderRule {
  minOrderQuantity: number;
  orderMultiple: number;
  rounding: Rounding;
}

/** The rule of a SKU that has none: any whole positive quantity. */
export const NO_ORDER_RULE: OrderRule = {
  minOrderQuantity: 1,
  orderMultiple: 1,
  rounding: 'reject',
};

/** The quantity to order in base units, and whether a rule changed it from what was asked. */
export interface RuledQuantity {
  quantity: number;
  adjusted: boolean;
}

/**
 * Applies a SKU's rule to a quantity in base units. `reject`: below the minimum is
 * `ORDER.BELOW_MINIMUM`, off the multiple is `ORDER.NOT_A_MULTIPLE`. `round_up`: raised to
 * the minimum, then up to the next multiple (so the result meets both). Not a whole positive
 * number: `ORDER.INVALID_QUANTITY`.
 */
export function applyOrderRules(
  quantityBase: number,
  rule: OrderRule = NO_ORDER_RULE,
): Result<RuledQuantity> {
  if (!Number.isSafeInteger(quantityBase) || quantityBase <= 0) {
    return fail('ORDER.INVALID_QUANTITY', 'A quantity is a whole positive number of eaches', {
      quantity: quantityBase,
    });
  }
  const { minOrderQuantity, orderMultiple } = rule;
  if (rule.rounding === 'round_up') {
    const atLeast = Math.max(quantityBase, minOrderQuantity);
    const quantity = Math.ceil(atLeast / orderMultiple) * orderMultiple;
    return ok({ quantity, adjusted: quantity !== quantityBase });
  }
  if (quantityBase < minOrderQuantity) {
    return fail(
      'ORDER.BELOW_MINIMUM',
      `${quantityBase} is below the minimum order quantity of ${minOrderQuantity}`,
      { quantity: quantityBase, minOrderQuantity },
    );
  }
  if (quantityBase % orderMultiple !== 0) {
    return fail(
      'ORDER.NOT_A_MULTIPLE',
      `${quantityBase} is not a multiple of ${orderMultiple} (the SKU is sold in multiples of ${orderMultiple})`,
      { quantity: quantityBase, orderMultiple },
    );
  }
  return ok({ quantity: quantityBase, adjusted: false });
}

/** Checks a rule before it is stored: whole positive quantities and a known rounding. */
export function validateOrderRule(rule: {
  minOrderQuantity: number;
  orderMultiple: number;
  rounding: string;
}): Result<OrderRule> {
  for (const field of ['minOrderQuantity', 'orderMultiple'] as const) {
    const value = rule[field];
    if (!Number.isSafeInteger(value) || value < 1 || value > 1_000_000_000) {
      return fail('PRICING.INVALID_ORDER_RULE', `${field} is a whole number of eaches from 1`, {
        field,
      });
    }
  }
  if (!isRounding(rule.rounding)) {
    return fail('PRICING.INVALID_ORDER_RULE', `Rounding is one of ${ROUNDINGS.join(', ')}`, {
      field: 'rounding',
    });
  }
  return ok({ ...rule, rounding: rule.rounding });
}

/** True when a string is a known rounding. */
export function isRounding(value: string): value is Rounding {
  return (ROUNDINGS as readonly string[]).includes(value);
}
