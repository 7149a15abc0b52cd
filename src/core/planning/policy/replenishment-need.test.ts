import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReorderPolicy } from './reorder-policy.js';
import { replenishmentNeed, roundOrderQuantity, type NeedInput } from './replenishment-need.js';

const policy: ReorderPolicy = {
  serviceLevel: 0.95,
  z: 1.6449,
  safetyStock: 18,
  reorderPoint: 55,
  orderUpTo: 120,
  eoq: null,
  shelfLifeCap: null,
};
const input: NeedInput = {
  available: 31,
  onOrder: 9,
  backordered: 0,
  policy,
  meanDailyDemand: 10,
  rounding: { minOrderQuantity: 1, orderMultiple: 12 },
  today: '2026-03-30',
};

describe('replenishmentNeed', () => {
  it('orders up to the level when the position reaches the reorder point, in whole cases', () => {
    expect(replenishmentNeed(input)).toEqual({
      order: true,
      inventoryPosition: 40,
      neededQuantity: 80,
      quantity: 84,
      daysOfSupply: 3.1,
      stockoutDate: '2026-04-02',
      reason:
        'Position 40 ≤ reorder point 55 (safety stock 18, 3.1 days of supply); order up to 120, rounded to case of 12 → 84.',
    });
  });

  it('does not order above the reorder point', () => {
    const need = replenishmentNeed({ ...input, available: 50, onOrder: 6 });
    expect(need).toMatchObject({
      order: false,
      inventoryPosition: 56,
      neededQuantity: 0,
      quantity: 0,
    });
    expect(need.reason).toBe(
      'Position 56 > reorder point 55 (safety stock 18, 5.0 days of supply); no order.',
    );
  });

  it('counts backorders against the position and the days of supply', () => {
    const need = replenishmentNeed({ ...input, available: 0, onOrder: 0, backordered: 20 });
    expect(need.inventoryPosition).toBe(-20);
    expect(need.neededQuantity).toBe(140);
    expect(need.daysOfSupply).toBe(0); // never negative: owing customers is not "−2 days"
    expect(need.stockoutDate).toBe('2026-03-30'); // already out: today, not in the past
    expect(need.reason).toContain('out of stock, 20 backordered');
    expect(need.reason).not.toMatch(/-[\d.]+ days/);
  });

  it('raises to the minimum order quantity and says so', () => {
    const need = replenishmentNeed({
      ...input,
      rounding: { minOrderQuantity: 200, orderMultiple: 1 },
    });
    expect(need.quantity).toBe(200);
    expect(need.reason).toMatch(/order up to 120, raised to minimum 200 → 200\.$/);
  });

  it('names the shelf-life cap', () => {
    const capped = { ...policy, orderUpTo: 60, shelfLifeCap: 60 };
    const need = replenishmentNeed({
      ...input,
      policy: capped,
      rounding: { minOrderQuantity: 1, orderMultiple: 1 },
    });
    expect(need.quantity).toBe(20);
    expect(need.reason).toContain('order up to 60 (capped by shelf life) → 20.');
  });

  it('has no days of supply without demand', () => {
    const idle = { ...policy, safetyStock: 0, reorderPoint: 0, orderUpTo: 0 };
    const need = replenishmentNeed({
      ...input,
      policy: idle,
      meanDailyDemand: 0,
      available: 0,
      onOrder: 0,
    });
    expect(need).toMatchObject({ order: false, daysOfSupply: null, stockoutDate: null });
    expect(need.reason).toContain('no demand');
  });

  it('orders exactly when the position is at or below the reorder point (and S is above it)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (available, onOrder) => {
          const need = replenishmentNeed({ ...input, available, onOrder });
          expect(need.order).toBe(need.inventoryPosition <= policy.reorderPoint);
          if (need.order)
            expect(need.inventoryPosition + need.quantity).toBeGreaterThanOrEqual(policy.orderUpTo);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('roundOrderQuantity', () => {
  it.each([
    [0, 10, 6, 0],
    [-5, 10, 6, 0],
    [1, 10, 6, 12],
    [13, 1, 12, 24],
    [24, 1, 12, 24],
    [7, 0, 1, 7],
    [7, 5, 0, 7],
  ])('needed %s, MOQ %s, multiple %s → %s', (needed, minOrderQuantity, orderMultiple, expected) => {
    expect(roundOrderQuantity(needed, { minOrderQuantity, orderMultiple })).toBe(expected);
  });

  it('is the smallest multiple covering both the need and the MOQ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 144 }),
        (needed, minOrderQuantity, orderMultiple) => {
          const q = roundOrderQuantity(needed, { minOrderQuantity, orderMultiple });
          expect(q).toBeGreaterThanOrEqual(needed);
          expect(q).toBeGreaterThanOrEqual(minOrderQuantity);
          expect(q % orderMultiple).toBe(0);
          expect(q - orderMultiple).toBeLessThan(Math.max(needed, minOrderQuantity));
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });
});
