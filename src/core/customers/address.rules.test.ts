import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode, validateAddress } from './address.rules.js';

const clinic = {
  line1: ' 12 Harbour Rd ',
  line2: '',
  city: 'Portland',
  region: 'ME',
  postalCode: '04101',
  country: 'us',
};

describe('validateAddress', () => {
  it('trims text, drops empty optional lines and upper-cases the country', () => {
    expect(validateAddress(clinic, 'billTo')).toEqual({
      ok: true,
      value: {
        line1: '12 Harbour Rd',
        line2: null,
        city: 'Portland',
        region: 'ME',
        postalCode: '04101',
        country: 'US',
      },
    });
  });

  it('refuses a country that only looks like a code, naming the field', () => {
    for (const country of ['XX', 'UK', 'EU', 'USA', 'U']) {
      const result = validateAddress({ ...clinic, country }, 'shipTos[1].address');
      expect(result.ok || result.error).toMatchObject({
        code: 'CUSTOMER.INVALID_ADDRESS',
        details: { field: 'shipTos[1].address.country' },
      });
    }
  });

  it('refuses blank required lines', () => {
    const result = validateAddress({ ...clinic, city: '  ' }, 'billTo');
    expect(result.ok || result.error.details).toEqual({ field: 'billTo.city' });
  });
});

describe('COUNTRY_CODES', () => {
  it('holds the 249 assigned codes, each a region the runtime can name', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).toBeDefined();
    expect(isCountryCode('gb')).toBe(true);
    expect(isCountryCode('GB ')).toBe(true);
  });
});
