import { describe, expect, it } from 'vitest';
import {
  shouldTrim,
  trimYoungGenerationWhenQuiet,
  youngGeneration,
} from '../../src/adapters/runtime/young-generation-trim.js';

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A burst of short-lived pick-list lines, some kept a while: V8 grows the young generation. */
function allocationBurst(): number {
  let kept: object[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    const line = { bin: `A-${i % 40}-${i % 7}`, skuId: i, quantity: i % 12 };
    if (i % 10 === 0) kept.push(line);
    if (kept.length > 50_000) kept = [];
  }
  return kept.length;
}

describe('young generation trim', () => {
  it('trims only a quiet loop holding ≥ 8 MB of unused young generation', () => {
    expect(shouldTrim(0.002, { committedBytes: 32 * MB, usedBytes: 2 * MB })).toBe(true);
    expect(shouldTrim(0.2, { committedBytes: 32 * MB, usedBytes: 2 * MB })).toBe(false);
    expect(shouldTrim(0.002, { committedBytes: 8 * MB, usedBytes: 1 * MB })).toBe(false);
  });

  it('gives the young generation back once the process is quiet', async () => {
    allocationBurst();
    expect(youngGeneration().committedBytes).toBeGreaterThan(16 * MB);
    // Without the trim nothing runs a GC while the process sleeps, and V8 keeps it all.
    const stop = trimYoungGenerationWhenQuiet(300);
    try {
      for (let i = 0; i < 20 && youngGeneration().committedBytes > 4 * MB; i++) await sleep(300);
    } finally {
      stop();
    }
    expect(youngGeneration().committedBytes).toBeLessThanOrEqual(4 * MB);
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
