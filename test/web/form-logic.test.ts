import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerBody,
  draftOf,
  emptyDraft,
  toMinor,
  type CustomerAccount,
} from '../../web/src/screens/customers/customer-draft.js';
import { priceRows, tiersOf, type StoredPrice } from '../../web/src/screens/pricing/price-tiers.js';

const minor = fc.integer({ min: 0, max: 1e12 });

describe('money typed in forms (pure parts of the customer and price screens)', () => {
  it('an amount shown with two decimals reads back as the same minor units', () => {
    fc.assert(fc.property(minor, (m) => toMinor((m / 100).toFixed(2)) === m));
  });

  it('empty is no limit; anything not an amount is NaN, never a number the API would take', () => {
    expect(toMinor('  ')).toBeNull();
    expect(toMinor('2,500.5')).toBe(250050);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = toMinor(text);
        const clean = text.trim().replace(/,/g, '');
        if (clean === '') return value === null;
        return /^\d+(\.\d{1,2})?$/.test(clean) ? Number.isInteger(value) : Number.isNaN(value);
      }),
    );
  });

  it('editing an account and saving it unchanged sends back what was stored', () => {
    const account = fc.record({
      creditLimitMinor: fc.option(minor, { nil: null }),
      priceListId: fc.option(fc.integer({ min: 1 }), { nil: null }),
      preferredWarehouseId: fc.option(fc.integer({ min: 1 }), { nil: null }),
      paymentTermsDays: fc.integer({ min: 0, max: 365 }),
      shipComplete: fc.boolean(),
      allowBackorders: fc.boolean(),
      minRemainingShelfLifeDays: fc.integer({ min: 0, max: 3650 }),
    });
    fc.assert(
      fc.property(account, (a) => {
        const stored = {
          ...a,
          id: 1,
          accountNumber: 'PET-1',
          name: 'Pet shop',
          email: null,
          phone: null,
          billTo: {
            line1: '1 Main St',
            line2: null,
            city: 'Columbus',
            region: null,
            postalCode: '43215',
            country: 'US',
          },
          currency: 'USD',
          onHold: false,
          holdReason: null,
          priority: 5,
          active: true,
          shipTos: [],
        } satisfies CustomerAccount;
        const body = customerBody(draftOf(stored), 'edit');
        expect(body).toMatchObject(a);
        expect(body).not.toHaveProperty('accountNumber');
      }),
    );
    expect(customerBody(emptyDraft, 'create')).toMatchObject({
      accountNumber: '',
      creditLimitMinor: null,
    });
  });

  it('stored volume tiers load into the form and save back unchanged, in break order', () => {
    const price = fc.record({
      minQuantity: fc.integer({ min: 1, max: 1000 }),
      unitPriceMinor: minor,
      validFrom: fc.constantFrom(null, '2026-01-01'),
      validTo: fc.constantFrom(null, '2027-01-01'),
    });
    fc.assert(
      fc.property(fc.array(price, { maxLength: 6 }), (rows) => {
        const stored: StoredPrice[] = rows.map((r, i) => ({
          ...r,
          id: i + 1,
          skuId: 7,
          packLevel: 'each',
        }));
        const made = priceRows(tiersOf(stored, 7, 'each'));
        expect('rows' in made && made.rows).toEqual(
          [...rows].sort((a, b) => a.minQuantity - b.minQuantity),
        );
      }),
    );
    expect(priceRows([{ minQuantity: '1', price: '4,5O', validFrom: '', validTo: '' }])).toEqual({
      badTier: 1,
    });
  });
});
