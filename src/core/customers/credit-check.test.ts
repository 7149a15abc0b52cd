import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableCredit, creditCheck } from './credit-check.js';

describe('creditCheck', () => {
  it('accepts an order that stays within the limit and says what is left', () => {
    expect(creditCheck(300_000, 150_000, 500_000)).toEqual({
      ok: true,
      value: { availableAfterMinor: 50_000 },
    });
  });

  it('accepts an order that exactly reaches the limit', () => {
    expect(creditCheck(400_000, 100_000, 500_000)).toEqual({
      ok: true,
      value: { availableAfterMinor: 0 },
    });
  });

  it('refuses an order one cent over the limit, with the numbers', () => {
    const result = creditCheck(400_000, 100_001, 500_000);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CUSTOMER.CREDIT_LIMIT_EXCEEDED',
        message: expect.any(String),
        details: {
          exposureMinor: 400_000,
          orderValueMinor: 100_001,
          creditLimitMinor: 500_000,
          overLimitMinor: 1,
        },
      },
    });
  });

  it('refuses even a small order on an account already over its limit', () => {
    const result = creditCheck(520_000, 1, 500_000);
    expect(result.ok || result.error.details).toMatchObject({ overLimitMinor: 20_001 });
  });

  it('refuses everything on a zero limit (cash with order) except a zero-value order', () => {
    expect(creditCheck(0, 1, 0).ok).toBe(false);
    expect(creditCheck(0, 0, 0).ok).toBe(true);
  });

  it('accepts anything when the account has no limit', () => {
    expect(creditCheck(9_000_000_000, 1_000_000_000, null)).toEqual({
      ok: true,
      value: { availableAfterMinor: null },
    });
  });

  it('accepts exactly when exposure plus order is within the limit', () => {
    const money = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(money, money, money, (exposure, order, limit) => {
        const result = creditCheck(exposure, order, limit);
        expect(result.ok).toBe(exposure + order <= limit);
        if (result.ok) expect(result.value.availableAfterMinor).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('availableCredit', () => {
  it('is the limit minus exposure, negative when over, null without a limit', () => {
    expect(availableCredit(200, 1_000)).toBe(800);
    expect(availableCredit(1_200, 1_000)).toBe(-200);
    expect(availableCredit(1_200, null)).toBeNull();
  });
});
