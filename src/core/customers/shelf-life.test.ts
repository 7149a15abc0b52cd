import { describe, expect, it } from 'vitest';
import {
  earliestAcceptableExpiry,
  effectiveShelfLifeDays,
  lotMeetsShelfLife,
  validateShelfLifeDays,
} from './shelf-life.js';

describe('effectiveShelfLifeDays', () => {
  it('uses the customer’s days when the SKU has no rule', () => {
    expect(effectiveShelfLifeDays(90)).toBe(90);
    expect(effectiveShelfLifeDays(90, undefined)).toBe(90);
    expect(effectiveShelfLifeDays(90, null)).toBe(90);
  });

  it('lets a per-SKU rule be stricter or looser, including zero', () => {
    expect(effectiveShelfLifeDays(90, 180)).toBe(180);
    expect(effectiveShelfLifeDays(90, 30)).toBe(30);
    expect(effectiveShelfLifeDays(90, 0)).toBe(0);
  });
});

describe('validateShelfLifeDays', () => {
  it('accepts 0 to 3650 whole days', () => {
    expect(validateShelfLifeDays(0, 'f')).toEqual({ ok: true, value: 0 });
    expect(validateShelfLifeDays(3650, 'f')).toEqual({ ok: true, value: 3650 });
  });

  it('refuses negative, fractional and absurd values, naming the field', () => {
    for (const days of [-1, 1.5, 3651, Number.NaN]) {
      const result = validateShelfLifeDays(days, 'minRemainingShelfLifeDays');
      expect(result.ok || result.error).toMatchObject({
        code: 'CUSTOMER.INVALID_SHELF_LIFE',
        details: { field: 'minRemainingShelfLifeDays' },
      });
    }
  });
});

describe('earliestAcceptableExpiry', () => {
  it('adds the days to the ship date, across month and leap-year ends', () => {
    expect(earliestAcceptableExpiry('2026-01-05', 0)).toBe('2026-01-05');
    expect(earliestAcceptableExpiry('2026-01-05', 90)).toBe('2026-04-05');
    expect(earliestAcceptableExpiry('2028-02-28', 1)).toBe('2028-02-29');
    expect(earliestAcceptableExpiry('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('lotMeetsShelfLife', () => {
  it('accepts a lot expiring on the earliest acceptable day or later, refuses one a day sooner', () => {
    expect(lotMeetsShelfLife('2026-04-05', '2026-01-05', 90)).toBe(true);
    expect(lotMeetsShelfLife('2026-09-30', '2026-01-05', 90)).toBe(true);
    expect(lotMeetsShelfLife('2026-04-04', '2026-01-05', 90)).toBe(false);
  });

  it('always accepts goods without an expiry', () => {
    expect(lotMeetsShelfLife(null, '2026-01-05', 3650)).toBe(true);
  });
});
