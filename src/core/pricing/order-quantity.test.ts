import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOrderRules, validateOrderRule, type OrderRule } from './order-quantity.js';

const caseOnly = (rounding: OrderRule['rounding']): OrderRule => ({
  minOrderQuantity: 24,
  orderMultiple: 12,
  rounding,
});

describe('applyOrderRules', () => {
  it('rejects below the minimum, then off the multiple', () => {
    expect(applyOrderRules(12, caseOnly('reject'))).toMatchObject({
      ok: false,
      error: { code: 'ORDER.BELOW_MINIMUM', details: { minOrderQuantity: 24 } },
    });
    expect(applyOrderRules(30, caseOnly('reject'))).toMatchObject({
      ok: false,
      error: { code: 'ORDER.NOT_A_MULTIPLE', details: { orderMultiple: 12 } },
    });
    expect(applyOrderRules(36, caseOnly('reject'))).toEqual({
      ok: true,
      value: { quantity: 36, adjusted: false },
    });
  });

  it('rounds up to the minimum and the next multiple', () => {
    expect(applyOrderRules(1, caseOnly('round_up'))).toEqual({
      ok: true,
      value: { quantity: 24, adjusted: true },
    });
    expect(applyOrderRules(25, caseOnly('round_up'))).toEqual({
      ok: true,
      value: { quantity: 36, adjusted: true },
    });
    expect(applyOrderRules(48, caseOnly('round_up'))).toEqual({
      ok: true,
      value: { quantity: 48, adjusted: false },
    });
    // A minimum that is not itself a multiple still ends on a multiple.
    expect(
      applyOrderRules(1, { minOrderQuantity: 10, orderMultiple: 4, rounding: 'round_up' }),
    ).toMatchObject({ value: { quantity: 12 } });
  });

  it('accepts any whole positive quantity without a rule, refuses others', () => {
    expect(applyOrderRules(7)).toEqual({ ok: true, value: { quantity: 7, adjusted: false } });
    for (const bad of [0, -3, 1.5])
      expect(applyOrderRules(bad)).toMatchObject({
        ok: false,
        error: { code: 'ORDER.INVALID_QUANTITY' },
      });
  });

  it('checks a rule before it is stored', () => {
    expect(
      validateOrderRule({ minOrderQuantity: 1, orderMultiple: 6, rounding: 'round_up' }).ok,
    ).toBe(true);
    expect(
      validateOrderRule({ minOrderQuantity: 0, orderMultiple: 6, rounding: 'reject' }),
    ).toMatchObject({ ok: false, error: { details: { field: 'minOrderQuantity' } } });
    expect(
      validateOrderRule({ minOrderQuantity: 1, orderMultiple: 1, rounding: 'nearest' }),
    ).toMatchObject({ ok: false, error: { code: 'PRICING.INVALID_ORDER_RULE' } });
  });

  it('round_up gives the smallest quantity ≥ asked that meets the rule (property)', () => {
    const positive = (max: number) => fc.integer({ min: 1, max });
    fc.assert(
      fc.property(positive(10_000), positive(500), positive(100), (asked, min, multiple) => {
        const rule: OrderRule = {
          minOrderQuantity: min,
          orderMultiple: multiple,
          rounding: 'round_up',
        };
        const result = applyOrderRules(asked, rule);
        if (!result.ok) throw new Error(result.error.message);
        const { quantity } = result.value;
        expect(quantity).toBeGreaterThanOrEqual(Math.max(asked, min));
        expect(quantity % multiple).toBe(0);
        expect(quantity - multiple).toBeLessThan(Math.max(asked, min));
        // What round_up accepts unchanged, reject accepts too.
        expect(applyOrderRules(quantity, { ...rule, rounding: 'reject' }).ok).toBe(true);
      }),
    );
  });
});
