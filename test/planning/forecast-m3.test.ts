/**
 * Issue 16: on the M3 "Other" (h = 8) and "Yearly" (h = 6) series kept in test/fixtures/m3
 * (see its README for source and licence), the automatic forecast beats the published THETA
 * (4.41 / 16.97) and is no worse than any single method of the engine on each subset.
 */
import { describe, expect, it } from 'vitest';
import { m3Accuracy, SINGLE_METHODS } from '../fixtures/m3/m3-accuracy.js';
import type { M3Subset } from '../fixtures/m3/m3-series.js';

const PUBLISHED_THETA: Record<M3Subset, number> = { other: 4.41, yearly: 16.97 };

describe.each(['other', 'yearly'] as const)('M3 %s', (subset) => {
  it('automatic choice below THETA and no worse than the best single method', () => {
    const { smape } = m3Accuracy(subset);
    const auto = smape.get('auto')!;
    const bestSingle = Math.min(...SINGLE_METHODS.map((m) => smape.get(m)!));
    console.log(`M3 ${subset}: automatic ${auto.toFixed(3)}, best single ${bestSingle.toFixed(3)}`);
    expect(auto).toBeLessThan(PUBLISHED_THETA[subset]);
    expect(auto).toBeLessThanOrEqual(bestSingle);
  });
});
