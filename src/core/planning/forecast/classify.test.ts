import { describe, expect, it } from 'vitest';
import { classifyDemand } from './classify.js';

describe('SBC demand classification', () => {
  it('classifies the four textbook quadrants', () => {
    expect(classifyDemand([5, 6, 5, 7, 6, 5, 6, 5]).demandClass).toBe('smooth');
    expect(classifyDemand([1, 20, 2, 30, 1, 25, 3, 2]).demandClass).toBe('erratic');
    expect(classifyDemand([0, 0, 5, 0, 0, 5, 0, 6, 0, 0, 5]).demandClass).toBe('intermittent');
    expect(classifyDemand([0, 0, 1, 0, 0, 30, 0, 0, 2, 0, 50]).demandClass).toBe('lumpy');
  });

  it('computes ADI as mean interval from the start and CV² with the sample variance', () => {
    const c = classifyDemand([0, 0, 4, 0, 0, 4, 0, 0, 8]);
    expect(c.adi).toBe(3);
    expect(c.cv2).toBeCloseTo((16 / 3 / (16 * 16)) * 9, 12); // mean 16/3, variance 16/3
  });

  it('applies the cut-offs 1.32 and 0.49 strictly', () => {
    // 4 demands over positions ending at index 4 → ADI 5/4 = 1.25 (< 1.32): frequent.
    expect(classifyDemand([1, 1, 0, 1, 1]).adi).toBe(1.25);
    expect(classifyDemand([1, 1, 0, 1, 1]).demandClass).toBe('smooth');
    // ADI 4/3 = 1.333 ≥ 1.32: intermittent.
    expect(classifyDemand([1, 0, 1, 1]).demandClass).toBe('intermittent');
  });

  it('treats an all-zero history as intermittent', () => {
    expect(classifyDemand([0, 0, 0])).toMatchObject({ demandClass: 'intermittent', adi: Infinity });
  });
});
