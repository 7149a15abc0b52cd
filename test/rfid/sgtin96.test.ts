import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../src/core/catalog/gtin.js';
import { interpretScan } from '../../src/core/gs1/scan.js';
import { dedupeEpcReads } from '../../src/core/rfid/epc-reads.js';
import { decodeSgtin96, encodeSgtin96 } from '../../src/core/rfid/sgtin96.js';

// GS1 EPC Tag Data Standard (TDS 2.x, §14.5.1 and Annex E worked example): the SGTIN-96 of
// urn:epc:id:sgtin:0614141.812345.6789 with filter 3 is 3074257BF7194E4000001A85.
const TDS_EXAMPLE = '3074257BF7194E4000001A85';

describe('SGTIN-96', () => {
  it('decodes the TDS worked example to its URI, GTIN-14 and serial', () => {
    const decoded = decodeSgtin96(TDS_EXAMPLE);
    expect(decoded).toEqual({
      ok: true,
      value: {
        filter: 3,
        companyPrefix: '0614141',
        itemReference: '812345',
        serial: '6789',
        gtin: '80614141123458',
        uri: 'urn:epc:id:sgtin:0614141.812345.6789',
      },
    });
  });

  it('encodes the TDS worked example back to the same hex', () => {
    expect(
      encodeSgtin96({
        filter: 3,
        companyPrefix: '0614141',
        itemReference: '812345',
        serial: '6789',
      }),
    ).toBe(TDS_EXAMPLE);
  });

  it('accepts reader formatting: lower case, 0x, spaces', () => {
    const decoded = decodeSgtin96(' 0x3074 257b f719 4e40 0000 1a85 ');
    expect(decoded.ok && decoded.value.serial).toBe('6789');
  });

  it('refuses other EPC schemes by header with a clear code', () => {
    // SSCC-96 header 0x31, GRAI-96 0x33.
    for (const hex of ['3174257BF7194E4000001A85', '3374257BF7194E4000001A85']) {
      const decoded = decodeSgtin96(hex);
      expect(decoded.ok ? null : decoded.error.code).toBe('RFID.NOT_SGTIN96');
    }
    const short = decodeSgtin96('3074257BF7');
    expect(short.ok ? null : short.error.code).toBe('RFID.INVALID_EPC');
    // Partition 7: bits 11..13 all set.
    const partition7 = decodeSgtin96('307C257BF7194E4000001A85');
    expect(partition7.ok ? null : partition7.error.code).toBe('RFID.INVALID_PARTITION');
  });

  it('round-trips every partition: decode(encode(x)) = x, and the GTIN is valid', () => {
    const fields = fc.integer({ min: 6, max: 12 }).chain((companyDigits) =>
      fc.record({
        filter: fc.integer({ min: 0, max: 7 }),
        companyPrefix: fc.stringMatching(new RegExp(`^\\d{${companyDigits}}$`)),
        itemReference: fc.stringMatching(new RegExp(`^\\d{${13 - companyDigits}}$`)),
        serial: fc.bigInt({ min: 0n, max: (1n << 38n) - 1n }).map(String),
      }),
    );
    fc.assert(
      fc.property(fields, (f) => {
        const decoded = decodeSgtin96(encodeSgtin96(f));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.value).toMatchObject(f);
        expect(isValidGtin(decoded.value.gtin)).toBe(true);
      }),
    );
  });
});

describe('interpretScan with an EPC read', () => {
  it('turns 24 hex digits starting with 30 into a GS1 read with GTIN and serial (AI 01 + 21)', () => {
    const scan = interpretScan('3074257bf7194e4000001a85\r\n', { currentYear: 2026 });
    expect(scan).toEqual({
      kind: 'gs1',
      gtin: '80614141123458',
      serial: '6789',
      epc: TDS_EXAMPLE,
      count: 1,
      elements: { '01': '80614141123458', '21': '6789' },
    });
  });

  it('leaves a 24-hex string with another header as text', () => {
    expect(interpretScan('3174257BF7194E4000001A85', { currentYear: 2026 }).kind).toBe('text');
  });
});

describe('dedupeEpcReads', () => {
  const tag = (serial: number) =>
    encodeSgtin96({
      filter: 1,
      companyPrefix: '0614141',
      itemReference: '812345',
      serial: String(serial),
    });

  it('counts repeated reads of one tag once, grouped by GTIN', () => {
    const batch = dedupeEpcReads([tag(1), tag(2), tag(1).toLowerCase(), tag(1), 'E200XYZ']);
    expect(batch.items).toEqual([{ gtin: '80614141123458', quantity: 2, serials: ['1', '2'] }]);
    expect(batch.duplicateReads).toBe(2);
    expect(batch.rejected.map((r) => r.failure.code)).toEqual(['RFID.INVALID_EPC']);
  });

  it('property: quantity is the number of distinct tags however often each is read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }),
        (serials) => {
          const batch = dedupeEpcReads(serials.map(tag));
          const distinct = new Set(serials).size;
          expect(batch.items[0]!.quantity).toBe(distinct);
          expect(batch.duplicateReads).toBe(serials.length - distinct);
        },
      ),
    );
  });
});
