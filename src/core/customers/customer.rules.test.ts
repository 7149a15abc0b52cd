import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result.js';
import {
  validateCustomer,
  validateHoldReason,
  validateShipTos,
  type CustomerDraft,
  type ShipToDraft,
} from './customer.rules.js';

/** A veterinary clinic group buying on net-30 terms. */
function vetGroup(overrides: Partial<CustomerDraft> = {}): CustomerDraft {
  return {
    accountNumber: 'c-10042',
    name: ' Riverside Veterinary Group ',
    email: 'orders@riverside-vets.example',
    phone: '+1 (503) 555-0142',
    billTo: { line1: '1 River St', city: 'Portland', postalCode: '97201', country: 'US' },
    currency: 'usd',
    ...overrides,
  };
}

function codeOf(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

function fieldOf(result: Result<unknown>): unknown {
  return result.ok ? undefined : result.error.details?.field;
}

describe('validateCustomer', () => {
  it('normalizes and fills the defaults: net 30, priority 5, no limit, backorders allowed', () => {
    const result = validateCustomer(vetGroup());
    expect(result.ok && result.value).toEqual({
      accountNumber: 'C-10042',
      name: 'Riverside Veterinary Group',
      email: 'orders@riverside-vets.example',
      phone: '+1 (503) 555-0142',
      billTo: {
        line1: '1 River St',
        line2: null,
        city: 'Portland',
        region: null,
        postalCode: '97201',
        country: 'US',
      },
      priceListId: null,
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: null,
      priority: 5,
      preferredWarehouseId: null,
      shipComplete: false,
      allowBackorders: true,
      minRemainingShelfLifeDays: 0,
      active: true,
    });
  });

  it('keeps explicit values at the edges of their ranges', () => {
    const edges = { paymentTermsDays: 365, creditLimitMinor: 0, priority: 9 };
    const result = validateCustomer(vetGroup({ ...edges, minRemainingShelfLifeDays: 3650 }));
    expect(result.ok && result.value).toMatchObject(edges);
    expect(validateCustomer(vetGroup({ paymentTermsDays: 0, priority: 1 })).ok).toBe(true);
  });

  it.each<[Partial<CustomerDraft>, string]>([
    [{ accountNumber: 'C1' }, 'accountNumber'],
    [{ accountNumber: 'C 100' }, 'accountNumber'],
    [{ accountNumber: '-C100' }, 'accountNumber'],
    [{ name: '  ' }, 'name'],
    [{ email: 'orders-at-riverside' }, 'email'],
    [{ phone: 'call us' }, 'phone'],
    [{ currency: 'DOLLAR' }, 'currency'],
    [{ paymentTermsDays: 366 }, 'paymentTermsDays'],
    [{ paymentTermsDays: -1 }, 'paymentTermsDays'],
    [{ creditLimitMinor: -1 }, 'creditLimitMinor'],
    [{ creditLimitMinor: 10.5 }, 'creditLimitMinor'],
    [{ priority: 0 }, 'priority'],
    [{ priority: 10 }, 'priority'],
  ])('refuses %o, naming %s', (overrides, field) => {
    const result = validateCustomer(vetGroup(overrides));
    expect(codeOf(result)).toBe('CUSTOMER.INVALID_CUSTOMER');
    expect(fieldOf(result)).toBe(field);
  });

  it('refuses a bad bill-to country and shelf life with their own codes', () => {
    const badCountry = vetGroup({ billTo: { ...vetGroup().billTo, country: 'XK' } });
    expect(codeOf(validateCustomer(badCountry))).toBe('CUSTOMER.INVALID_ADDRESS');
    expect(fieldOf(validateCustomer(badCountry))).toBe('billTo.country');
    const shelfLife = validateCustomer(vetGroup({ minRemainingShelfLifeDays: 4000 }));
    expect(codeOf(shelfLife)).toBe('CUSTOMER.INVALID_SHELF_LIFE');
  });
});

const clinic = (code: string, isDefault?: boolean): ShipToDraft => ({
  code,
  name: `Clinic ${code}`,
  address: { line1: '5 Elm St', city: 'Salem', postalCode: '97301', country: 'US' },
  ...(isDefault === undefined ? {} : { isDefault }),
});

describe('validateShipTos', () => {
  it('makes the first the default when none is marked', () => {
    const result = validateShipTos([clinic('north'), clinic('south')]);
    expect(result.ok && result.value.map((s) => [s.code, s.isDefault])).toEqual([
      ['NORTH', true],
      ['SOUTH', false],
    ]);
  });

  it('keeps the one marked default', () => {
    const result = validateShipTos([clinic('NORTH'), clinic('SOUTH', true)]);
    expect(result.ok && result.value.map((s) => s.isDefault)).toEqual([false, true]);
    expect(validateShipTos([])).toEqual({ ok: true, value: [] });
  });

  it('refuses two defaults, a repeated code, and a bad code or address', () => {
    expect(codeOf(validateShipTos([clinic('A', true), clinic('B', true)]))).toBe(
      'CUSTOMER.INVALID_SHIP_TO',
    );
    expect(codeOf(validateShipTos([clinic('A'), clinic('a')]))).toBe(
      'CUSTOMER.SHIP_TO_ALREADY_EXISTS',
    );
    expect(fieldOf(validateShipTos([clinic('A'), clinic('NO SPACES')]))).toBe('shipTos[1].code');
    const noCountry = { ...clinic('A'), address: { ...clinic('A').address, country: 'ZZ' } };
    expect(fieldOf(validateShipTos([noCountry]))).toBe('shipTos[0].address.country');
  });
});

describe('validateHoldReason', () => {
  it('requires a reason and trims it', () => {
    expect(validateHoldReason(' 60 days overdue ')).toEqual({ ok: true, value: '60 days overdue' });
    expect(codeOf(validateHoldReason(' '))).toBe('CUSTOMER.INVALID_HOLD_REASON');
  });
});
