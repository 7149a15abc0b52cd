import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { day, plural } from '../../web/src/ui/format.js';

describe('what people read instead of raw values', () => {
  it('counts agree with their noun: 1 order, 0 orders, 2 orders', () => {
    expect(plural(1, 'order')).toBe('1 order');
    expect(plural(0, 'order')).toBe('0 orders');
    expect(plural(1, 'more task', 'more tasks')).toBe('1 more task');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), (n) =>
        plural(n, 'unit').endsWith(' units'),
      ),
    );
  });

  it('a calendar date reads as that same day in any time zone, never as an ISO string', () => {
    const text = day('2026-12-06');
    expect(text).not.toMatch(/2026-12-06/);
    expect(text).toMatch(/6/);
    expect(text).toMatch(/2026/);
    expect(day(null)).toBe('—');
  });
});
