import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../shared/roles.js';
import { PRICE_OVERRIDE_ROLES, checkPriceOverride } from './price-override.js';

describe('checkPriceOverride', () => {
  it('lets admin, manager and sales set a price', () => {
    for (const role of ['admin', 'manager', 'sales'] as const) {
      expect(checkPriceOverride(role, 1999)).toEqual({ ok: true, value: 1999 });
    }
  });

  it('refuses a price from any other role instead of ignoring it', () => {
    for (const role of ['planner', 'warehouse', 'customer'] as const) {
      expect(checkPriceOverride(role, 1999)).toMatchObject({
        ok: false,
        error: { code: 'PRICING.OVERRIDE_NOT_ALLOWED', details: { role } },
      });
      expect(checkPriceOverride(role, undefined)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses a price that is not whole minor units', () => {
    expect(checkPriceOverride('admin', -1)).toMatchObject({
      ok: false,
      error: { code: 'PRICING.INVALID_PRICE' },
    });
    expect(checkPriceOverride('admin', 10.5)).toMatchObject({
      ok: false,
      error: { code: 'PRICING.INVALID_PRICE' },
    });
  });

  it('allows a price exactly for the override roles (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.nat(), (role, price) => {
        expect(checkPriceOverride(role, price).ok).toBe(PRICE_OVERRIDE_ROLES.includes(role));
      }),
    );
  });
});
