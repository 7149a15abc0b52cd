import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStockDays, type DayDelta, type StockDay } from './stock-series.js';

const delta = (day: string, onHand: number, sellable = onHand): DayDelta => ({
  day,
  onHand,
  sellable,
  issuedUnits: 0,
  cogsMinor: 0,
  movements: 1,
});

describe('merging new movements into day rows', () => {
  it('carries the level forward and reports stock-outs to the warehouse', () => {
    // Day 1: +10 (stocked, first tracked); day 3: −10 (sold out: a stock-out starts).
    const { rows, changes } = mergeStockDays(
      null,
      [],
      [delta('2026-01-01', 10), delta('2026-01-03', -10)],
    );
    expect(rows.map((r) => [r.day, r.onHand, r.sellable])).toEqual([
      ['2026-01-01', 10, 10],
      ['2026-01-03', 0, 0],
    ]);
    expect(changes).toEqual([
      { day: '2026-01-01', onHandDelta: 10, stockoutDelta: 0, trackedDelta: 1 },
      { day: '2026-01-03', onHandDelta: -10, stockoutDelta: 1, trackedDelta: 0 },
    ]);
  });

  it('shifts later rows when a late movement lands before them', () => {
    const stored: StockDay[] = [
      { day: '2026-01-05', onHand: 10, sellable: 10, issuedUnits: 0, cogsMinor: 0, movements: 1 },
    ];
    const { rows, changes } = mergeStockDays(null, stored, [delta('2026-01-02', 4)]);
    expect(rows.map((r) => [r.day, r.onHand])).toEqual([
      ['2026-01-02', 4],
      ['2026-01-05', 14],
    ]);
    // The warehouse now counts the SKU from the 2nd; the 5th adds 10 as before.
    expect(changes).toEqual([
      { day: '2026-01-02', onHandDelta: 4, stockoutDelta: 0, trackedDelta: 1 },
      { day: '2026-01-05', onHandDelta: 0, stockoutDelta: 0, trackedDelta: -1 },
    ]);
  });

  it('gives the same rows merged batch by batch as all at once', () => {
    const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-01-${String(d).padStart(2, '0')}`);
    const deltaArb = fc
      .record({
        day,
        onHand: fc.integer({ min: -5, max: 5 }),
        sellable: fc.integer({ min: -5, max: 5 }),
      })
      .map((d) => delta(d.day, d.onHand, d.sellable));
    fc.assert(
      fc.property(fc.array(fc.array(deltaArb, { maxLength: 6 }), { maxLength: 5 }), (batches) => {
        let rows: StockDay[] = [];
        const totals = new Map<string, number>();
        for (const batch of batches) {
          const merged = mergeStockDays(null, rows, batch);
          rows = merged.rows;
          for (const c of merged.changes)
            totals.set(c.day, (totals.get(c.day) ?? 0) + c.onHandDelta);
        }
        const once = mergeStockDays(null, [], batches.flat());
        expect(rows).toEqual(once.rows);
        // The warehouse deltas, summed over batches, equal those of one merge.
        const onceTotals = new Map(once.changes.map((c) => [c.day, c.onHandDelta]));
        for (const d of new Set([...totals.keys(), ...onceTotals.keys()]))
          expect(totals.get(d) ?? 0).toBe(onceTotals.get(d) ?? 0);
      }),
    );
  });
});
