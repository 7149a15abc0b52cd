import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSscc, formatSscc, isValidSscc } from './sscc.js';

describe('SSCC-18', () => {
  it('accepts the GS1 General Specifications example and refuses a wrong check digit', () => {
    expect(isValidSscc('106141412345678908')).toBe(true);
    expect(isValidSscc('106141412345678909')).toBe(false);
    expect(isValidSscc('10614141234567890')).toBe(false);
    expect(isValidSscc('10614141234567890A')).toBe(false);
  });

  it('builds the example from its parts', () => {
    expect(buildSscc(1, '0614141', 234567890)).toEqual({ ok: true, value: '106141412345678908' });
    expect(buildSscc('1', '0614141', '234567890')).toEqual({
      ok: true,
      value: '106141412345678908',
    });
  });

  it('pads the serial to fill 17 digits', () => {
    expect(buildSscc(0, '0614141000', 42)).toEqual({ ok: true, value: '006141410000000425' });
  });

  it('refuses bad parts with GS1.BAD_SSCC', () => {
    const code = (r: ReturnType<typeof buildSscc>) => (r.ok ? undefined : r.error.code);
    expect(code(buildSscc(10, '0614141', 1))).toBe('GS1.BAD_SSCC');
    expect(code(buildSscc(1, '061414', 1))).toBe('GS1.BAD_SSCC');
    expect(code(buildSscc(1, '06141410000', 1))).toBe('GS1.BAD_SSCC');
    expect(code(buildSscc(1, '0614141000', 1234567))).toBe('GS1.BAD_SSCC');
    expect(code(buildSscc(1, '0614141', -1))).toBe('GS1.BAD_SSCC');
  });

  it('always builds valid SSCCs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 7, max: 10 }).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))),
        fc.nat(999_999),
        (extension, prefix, serial) => {
          const sscc = buildSscc(extension, prefix, serial);
          expect(sscc.ok && isValidSscc(sscc.value)).toBe(true);
        },
      ),
    );
  });

  it('formats for people', () => {
    expect(formatSscc('106141412345678908')).toBe('(00) 1 0614141234567890 8');
  });
});
