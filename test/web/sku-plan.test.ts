import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chartOf,
  leadTimeText,
  planFacts,
  type SkuPlanBody,
} from '../../web/src/screens/planning/sku-plan-view.js';

const body = (history: SkuPlanBody['history']): SkuPlanBody => ({
  history,
  forecast: {
    method: 'mean(damped-holt, theta, ses)',
    startsOn: '2026-03-02',
    values: [10, 11, 12],
    lower: [5, 5, 6],
    upper: [15, 17, 18],
    mase: 0.8234,
    smape: 21.4,
  },
  policy: {
    safetyStock: 12,
    reorderPoint: 40,
    leadTimeDays: 10.3306,
    leadTimeSdDays: 2.6,
    serviceLevel: 0.95,
  },
});

describe('SKU planning screen (pure parts)', () => {
  it('says the lead time in whole days with its spread, and the method with its back-test error', () => {
    const facts = planFacts(body([]));
    expect(facts).toContain('lead time 10 ± 3 days');
    expect(facts).toContain(
      'forecast: mean(damped-holt, theta, ses) (back-test MASE 0.82, sMAPE 21 %)',
    );
    expect(facts).not.toMatch(/\d\.\d{3}/);
    expect(leadTimeText(7, 0.2)).toBe('lead time 7 days');
  });

  it('draws demand only over the weeks the history holds, then the forecast and its interval', () => {
    const weeks = [
      { start: '2026-02-16', orderedQuantity: 9, censored: false },
      { start: '2026-02-23', orderedQuantity: 0, censored: false },
      { start: '2026-03-02', orderedQuantity: 4, censored: false }, // this week: the forecast's
    ];
    const { x, series } = chartOf(body(weeks));
    expect(x).toHaveLength(2 + 3);
    const demand = series.find((s) => s.label === 'Demand')!.values;
    expect(demand).toEqual([9, 0, null, null, null]);
    expect(series.find((s) => s.label === 'Forecast')!.values).toEqual([null, null, 10, 11, 12]);
  });

  it('every line has one value per x, whatever the history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (n) => {
        const history = Array.from({ length: n }, (_, i) => ({
          start: new Date(Date.parse('2026-03-02T00:00:00Z') - (n - i) * 7 * 86_400_000)
            .toISOString()
            .slice(0, 10),
          orderedQuantity: i,
          censored: false,
        }));
        const { x, series } = chartOf(body(history));
        expect(x).toHaveLength(n + 3);
        for (const s of series) expect(s.values).toHaveLength(x.length);
      }),
    );
  });
});
