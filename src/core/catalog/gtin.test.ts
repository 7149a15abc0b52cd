import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtin14FromGtin13, gtinCheckDigit, isValidGtin, normalizeGtin } from './gtin.js';

describe('GTIN check digits', () => {
  it('accepts real GTINs of every length', () => {
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('10012345678902')).toBe(true); // GTIN-14 (GS1 example)
  });

  it('refuses wrong check digits, lengths and non-digits', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('036000291453')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
    expect(isValidGtin('400638133393X')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('computes the GS1 mod-10 check digit', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('1001234567890')).toBe(2);
  });
});

describe('normalizeGtin', () => {
  it('left-pads to 14 digits', () => {
    expect(normalizeGtin('036000291452')).toEqual({ ok: true, value: '00036000291452' });
    expect(normalizeGtin('4006381333931')).toEqual({ ok: true, value: '04006381333931' });
    expect(normalizeGtin('96385074')).toEqual({ ok: true, value: '00000096385074' });
  });

  it('says why a GTIN is refused', () => {
    const bad = normalizeGtin('4006381333932');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('CATALOG.INVALID_GTIN');
      expect(bad.error.message).toContain('expected 1');
    }
    const short = normalizeGtin('12345');
    expect(!short.ok && short.error.code).toBe('CATALOG.INVALID_GTIN');
  });
});

describe('gtin14FromGtin13', () => {
  it('puts the indicator in front and recomputes the check digit', () => {
    expect(gtin14FromGtin13(1, '4006381333931')).toEqual({ ok: true, value: '14006381333938' });
    const built = gtin14FromGtin13(3, '0036000291452');
    expect(built.ok && isValidGtin(built.value)).toBe(true);
  });

  it('refuses a bad base or indicator', () => {
    expect(gtin14FromGtin13(1, '4006381333932').ok).toBe(false);
    expect(gtin14FromGtin13(10, '4006381333931').ok).toBe(false);
  });
});

describe('GTIN properties', () => {
  const body13 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 });

  it('any 13 digits plus their check digit is a valid GTIN-14', () => {
    fc.assert(
      fc.property(body13, (digits) => {
        const body = digits.join('');
        expect(isValidGtin(`${body}${gtinCheckDigit(body)}`)).toBe(true);
      }),
    );
  });

  it('changing any one digit breaks the check', () => {
    fc.assert(
      fc.property(
        body13,
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, shift) => {
          const body = digits.join('');
          const gtin = [...`${body}${gtinCheckDigit(body)}`];
          gtin[position] = String((Number(gtin[position]) + shift) % 10);
          expect(isValidGtin(gtin.join(''))).toBe(false);
        },
      ),
    );
  });

  it('padding with zeros keeps a GTIN valid', () => {
    fc.assert(
      fc.property(body13, (digits) => {
        const body = digits.slice(1).join('');
        const gtin13 = `${body}${gtinCheckDigit(body)}`;
        const normalized = normalizeGtin(gtin13);
        expect(normalized.ok && normalized.value === `0${gtin13}`).toBe(true);
      }),
    );
  });
});
