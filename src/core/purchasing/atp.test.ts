import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, atpSeries } from './atp.js';

const TODAY = '2026-03-02';

describe('available to promise', () => {
  it('adds incoming by date on top of what is available less backorders', () => {
    // 40 available, 15 backordered: 25 promisable today; +100 on the 10th, +50 on the 20th.
    const series = atpSeries({
      available: 40,
      backordered: 15,
      today: TODAY,
      days: 30,
      incoming: [
        { date: '2026-03-20', quantity: 50 },
        { date: '2026-03-10', quantity: 100 },
        { date: '2026-04-15', quantity: 999 }, // beyond the 30-day horizon
      ],
    });
    expect(series).toEqual([
      { date: '2026-03-02', incoming: 0, atp: 25 },
      { date: '2026-03-10', incoming: 100, atp: 125 },
      { date: '2026-03-20', incoming: 50, atp: 175 },
    ]);
  });

  it('counts late POs as arriving today and may go negative', () => {
    expect(
      atpSeries({
        available: 0,
        backordered: 30,
        today: TODAY,
        days: 7,
        incoming: [{ date: '2026-02-20', quantity: 10 }],
      }),
    ).toEqual([{ date: TODAY, incoming: 10, atp: -20 }]);
  });

  const incomingArb = fc.array(
    fc.record({
      date: fc.integer({ min: -20, max: 120 }).map((d) => addDays(TODAY, d)),
      quantity: fc.integer({ min: 0, max: 10_000 }),
    }),
    { maxLength: 20 },
  );

  it('is a cumulative series: dated, ordered, non-decreasing, ending at supply − demand', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 90 }),
        incomingArb,
        (available, backordered, days, incoming) => {
          const series = atpSeries({ available, backordered, today: TODAY, days, incoming });
          const end = addDays(TODAY, days);
          expect(series[0]!.date).toBe(TODAY);
          for (let i = 1; i < series.length; i++) {
            expect(series[i]!.date > series[i - 1]!.date).toBe(true);
            expect(series[i]!.atp).toBe(series[i - 1]!.atp + series[i]!.incoming);
          }
          for (const p of series) expect(p.date < end).toBe(true);
          const inHorizon = incoming
            .filter((i) => i.date < end)
            .reduce((n, i) => n + i.quantity, 0);
          expect(series.at(-1)!.atp).toBe(available + inHorizon - backordered);
          // ATP on any date = available − backorders + everything due on or before it.
          for (const p of series) {
            const due = incoming
              .filter((i) => i.date <= p.date)
              .reduce((n, i) => n + i.quantity, 0);
            expect(p.atp).toBe(available - backordered + due);
          }
        },
      ),
    );
  });
});
