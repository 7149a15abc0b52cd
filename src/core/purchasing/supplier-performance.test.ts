import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadTimeDays, leadTimeStats } from './lead-time.js';
import {
  isInFull,
  isOnTime,
  supplierPerformance,
  type DeliveredPo,
} from './supplier-performance.js';

const po = (fields: Partial<DeliveredPo>): DeliveredPo => ({
  expectedDate: '2026-03-10',
  lastReceiptDate: '2026-03-10',
  lines: [{ quantityOrdered: 10, quantityReceived: 10, quantityCancelledByUs: 0 }],
  leadTimeSamplesDays: [],
  ...fields,
});

describe('lead time', () => {
  it('measures fractional days from sending to first receipt', () => {
    expect(leadTimeDays('2026-03-01T12:00:00.000Z', '2026-03-08T00:00:00.000Z')).toBe(6.5);
  });

  it('gives mean and sample standard deviation', () => {
    // 4, 6, 8: mean 6, sample variance (4 + 0 + 4) / 2 = 4, sd 2.
    expect(leadTimeStats([4, 6, 8])).toEqual({ samples: 3, meanDays: 6, sdDays: 2 });
    expect(leadTimeStats([5])).toEqual({ samples: 1, meanDays: 5, sdDays: 0 });
    expect(leadTimeStats([])).toBeNull();
  });
});

describe('supplier performance', () => {
  it('on time: last receipt on or before the promised date', () => {
    expect(isOnTime(po({}))).toBe(true);
    expect(isOnTime(po({ lastReceiptDate: '2026-03-11' }))).toBe(false);
    expect(isOnTime(po({ expectedDate: null }))).toBe(false);
  });

  it('in full: every line received what was ordered less what we cancelled', () => {
    expect(isInFull(po({}))).toBe(true);
    const short = { quantityOrdered: 10, quantityReceived: 8, quantityCancelledByUs: 0 };
    expect(isInFull(po({ lines: [short] }))).toBe(false);
    expect(isInFull(po({ lines: [{ ...short, quantityCancelledByUs: 2 }] }))).toBe(true);
  });

  it('scores a hand-built set of deliveries', () => {
    const report = supplierPerformance([
      po({ leadTimeSamplesDays: [7] }), // on time, in full
      po({ lastReceiptDate: '2026-03-12', leadTimeSamplesDays: [9] }), // late, in full
      po({
        lines: [{ quantityOrdered: 10, quantityReceived: 5, quantityCancelledByUs: 0 }],
        leadTimeSamplesDays: [5],
      }), // on time, short
      po({
        lastReceiptDate: '2026-03-20',
        lines: [{ quantityOrdered: 4, quantityReceived: 1, quantityCancelledByUs: 0 }],
      }), // neither
    ]);
    expect(report).toMatchObject({
      purchaseOrders: 4,
      onTime: 2,
      inFull: 2,
      otif: 1,
      onTimeRate: 0.5,
      inFullRate: 0.5,
      otifRate: 0.25,
      leadTime: { samples: 3, meanDays: 7, sdDays: 2 },
    });
    expect(supplierPerformance([])).toMatchObject({
      purchaseOrders: 0,
      otifRate: null,
      leadTime: null,
    });
  });

  it('OTIF never exceeds on-time or in-full; rates stay in [0, 1]', () => {
    const poArb = fc.record({
      expectedDate: fc.constantFrom('2026-03-10', null),
      lastReceiptDate: fc.constantFrom('2026-03-09', '2026-03-10', '2026-03-11'),
      lines: fc.array(
        fc.record({
          quantityOrdered: fc.integer({ min: 1, max: 50 }),
          quantityReceived: fc.integer({ min: 0, max: 60 }),
          quantityCancelledByUs: fc.integer({ min: 0, max: 50 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      leadTimeSamplesDays: fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(poArb, { maxLength: 12 }), (pos) => {
        const r = supplierPerformance(pos);
        expect(r.otif).toBeLessThanOrEqual(Math.min(r.onTime, r.inFull));
        for (const rate of [r.onTimeRate, r.inFullRate, r.otifRate])
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        expect(r.leadTime?.samples ?? 0).toBe(pos.flatMap((p) => p.leadTimeSamplesDays).length);
      }),
    );
  });
});
