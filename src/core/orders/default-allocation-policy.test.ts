import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StockCandidate } from './allocation-policy.js';
import { defaultAllocationPolicy as policy } from './default-allocation-policy.js';

const bin = (over: Partial<StockCandidate>): StockCandidate => ({
  warehouseId: 1,
  locationId: 1,
  locationType: 'storage',
  pickSequence: 1,
  skuId: 1,
  lotId: 0,
  expiryDate: null,
  available: 10,
  ...over,
});
const line = (quantity: number, over = {}) => ({
  lineId: 1,
  skuId: 1,
  quantity,
  minExpiryDate: null,
  ...over,
});

describe('default allocation policy', () => {
  it('takes the first-expiring lot that still meets the customer minimum shelf life', () => {
    const candidates = [
      bin({ locationId: 1, lotId: 1, expiryDate: '2026-12-01' }),
      bin({ locationId: 2, lotId: 2, expiryDate: '2027-03-01' }),
      bin({ locationId: 3, lotId: 3, expiryDate: '2027-01-15' }),
    ];
    const plan = policy.plan(
      {
        lines: [line(12, { minExpiryDate: '2027-01-01' })],
        preferredWarehouseId: null,
        shipComplete: false,
      },
      candidates,
    );
    expect(plan.map((p) => [p.lotId, p.quantity])).toEqual([
      [3, 10],
      [2, 2],
    ]);
  });

  it('prefers one bin that covers the line, then pick faces over reserve', () => {
    const candidates = [
      bin({ locationId: 1, locationType: 'storage', available: 50 }),
      bin({ locationId: 2, locationType: 'pick_face', available: 4 }),
      bin({ locationId: 3, locationType: 'pick_face', available: 30 }),
    ];
    const covered = policy.plan(
      { lines: [line(20)], preferredWarehouseId: null, shipComplete: false },
      candidates,
    );
    expect(covered.map((p) => p.locationId)).toEqual([3]);
    const big = policy.plan(
      { lines: [line(60)], preferredWarehouseId: null, shipComplete: false },
      candidates,
    );
    expect(big.map((p) => [p.locationId, p.quantity])).toEqual([
      [3, 30],
      [2, 4],
      [1, 26],
    ]);
  });

  it('uses the preferred warehouse when it can ship complete, another one that can if not', () => {
    const candidates = [
      bin({ warehouseId: 1, locationId: 1, available: 5 }),
      bin({ warehouseId: 2, locationId: 2, available: 50 }),
    ];
    const small = policy.plan(
      { lines: [line(5)], preferredWarehouseId: 1, shipComplete: true },
      candidates,
    );
    expect(small.map((p) => p.warehouseId)).toEqual([1]);
    const large = policy.plan(
      { lines: [line(20)], preferredWarehouseId: 1, shipComplete: true },
      candidates,
    );
    expect(large.map((p) => p.warehouseId)).toEqual([2]);
  });

  it('splits across warehouses only for customers who accept partial shipments', () => {
    const candidates = [
      bin({ warehouseId: 1, locationId: 1, available: 5 }),
      bin({ warehouseId: 2, locationId: 2, available: 5 }),
    ];
    const complete = policy.plan(
      { lines: [line(8)], preferredWarehouseId: 1, shipComplete: true },
      candidates,
    );
    expect(complete.reduce((n, p) => n + p.quantity, 0)).toBe(5);
    const partial = policy.plan(
      { lines: [line(8)], preferredWarehouseId: 1, shipComplete: false },
      candidates,
    );
    expect(partial.map((p) => [p.warehouseId, p.quantity])).toEqual([
      [1, 5],
      [2, 3],
    ]);
  });

  it('never plans more than a line needs or a bin holds (property)', () => {
    const candidateArb = fc.record({
      warehouseId: fc.integer({ min: 1, max: 2 }),
      locationId: fc.integer({ min: 1, max: 6 }),
      locationType: fc.constantFrom('storage', 'pick_face'),
      pickSequence: fc.integer({ min: 1, max: 50 }),
      skuId: fc.integer({ min: 1, max: 3 }),
      lotId: fc.integer({ min: 0, max: 2 }),
      expiryDate: fc.constantFrom(null, '2026-12-01', '2027-06-01'),
      available: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidateArb, { selector: (c) => `${c.locationId}/${c.skuId}/${c.lotId}` }),
        fc.array(
          fc.record({
            skuId: fc.integer({ min: 1, max: 3 }),
            quantity: fc.integer({ min: 1, max: 60 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        (candidates, wanted, shipComplete) => {
          const lines = wanted.map((w, i) => ({
            lineId: i + 1,
            skuId: w.skuId,
            quantity: w.quantity,
            minExpiryDate: null,
          }));
          const plan = policy.plan({ lines, preferredWarehouseId: 1, shipComplete }, candidates);
          for (const l of lines) {
            const planned = plan
              .filter((p) => p.lineId === l.lineId)
              .reduce((n, p) => n + p.quantity, 0);
            expect(planned).toBeLessThanOrEqual(l.quantity);
          }
          for (const c of candidates) {
            const taken = plan
              .filter(
                (p) => p.locationId === c.locationId && p.skuId === c.skuId && p.lotId === c.lotId,
              )
              .reduce((n, p) => n + p.quantity, 0);
            expect(taken).toBeLessThanOrEqual(c.available);
          }
          if (shipComplete)
            expect(new Set(plan.map((p) => p.warehouseId)).size).toBeLessThanOrEqual(1);
          for (const p of plan) expect(p.quantity).toBeGreaterThan(0);
        },
      ),
    );
  });
});
