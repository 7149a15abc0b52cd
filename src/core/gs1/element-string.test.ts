import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../catalog/gtin.js';
import {
  APPLICATION_IDENTIFIERS,
  netWeightGrams,
  type AiDefinition,
} from './application-identifiers.js';
import { encodeElementString, GS, parseElementString, type Gs1Element } from './element-string.js';

const worked: Gs1Element[] = [
  { ai: '01', value: '09506000134352' },
  { ai: '17', value: '201225' },
  { ai: '10', value: 'ABC123' },
];

function errorCode(data: string): string | undefined {
  const result = parseElementString(data);
  return result.ok ? undefined : result.error.code;
}

describe('parseElementString: GS1 General Specifications examples', () => {
  it('reads the human-readable form', () => {
    expect(parseElementString('(01)09506000134352(17)201225(10)ABC123')).toEqual({
      ok: true,
      value: worked,
    });
  });

  it('reads the same data with FNC1 as GS and none after fixed-length fields', () => {
    expect(parseElementString('0109506000134352172012251' + '0ABC123')).toEqual({
      ok: true,
      value: worked,
    });
  });

  it('ends a variable-length field at GS', () => {
    expect(parseElementString(`011234567890123110ABC${GS}17201231`)).toEqual({
      ok: true,
      value: [
        { ai: '01', value: '12345678901231' },
        { ai: '10', value: 'ABC' },
        { ai: '17', value: '201231' },
      ],
    });
  });

  it('reads a pallet label: SSCC, content GTIN, count, ship-to GLN and postcode', () => {
    const data = `00106141412345678908020950600013435237120${GS}4100614141000005420` + '97201';
    expect(parseElementString(data)).toEqual({
      ok: true,
      value: [
        { ai: '00', value: '106141412345678908' },
        { ai: '02', value: '09506000134352' },
        { ai: '37', value: '120' },
        { ai: '410', value: '0614141000005' },
        { ai: '420', value: '97201' },
      ],
    });
  });

  it('tolerates a GS after a fixed-length field and a leading FNC1', () => {
    expect(parseElementString(`${GS}0109506000134352${GS}3103000250`)).toEqual({
      ok: true,
      value: [
        { ai: '01', value: '09506000134352' },
        { ai: '3103', value: '000250' },
      ],
    });
    expect(netWeightGrams('3103', '000250')).toBe(250);
    expect(netWeightGrams('3100', '000012')).toBe(12_000);
    expect(netWeightGrams('3105', '123456')).toBe(1235);
  });
});

describe('parseElementString: malformed input', () => {
  it('refuses unknown AIs', () => {
    expect(errorCode('9912345')).toBe('GS1.UNKNOWN_AI');
    expect(errorCode('(99)123')).toBe('GS1.UNKNOWN_AI');
    expect(errorCode('0109506000134352(10)X')).toBe('GS1.UNKNOWN_AI');
    expect(errorCode(`0109506000134352${GS}99X`)).toBe('GS1.UNKNOWN_AI');
  });

  it('refuses wrong lengths', () => {
    expect(errorCode('01095060001343')).toBe('GS1.BAD_LENGTH');
    expect(errorCode('(01)0950600013435')).toBe('GS1.BAD_LENGTH');
    expect(errorCode('(10)')).toBe('GS1.BAD_LENGTH');
    expect(errorCode(`10${'A'.repeat(21)}`)).toBe('GS1.BAD_LENGTH');
    expect(errorCode('37123456789')).toBe('GS1.BAD_LENGTH');
    expect(errorCode('')).toBe('GS1.BAD_LENGTH');
  });

  it('refuses wrong check digits on SSCC, GTIN, content GTIN and GLN', () => {
    expect(errorCode('00106141412345678909')).toBe('GS1.BAD_CHECK_DIGIT');
    expect(errorCode('0109506000134353')).toBe('GS1.BAD_CHECK_DIGIT');
    expect(errorCode('0209506000134353')).toBe('GS1.BAD_CHECK_DIGIT');
    expect(errorCode('4100614141000006')).toBe('GS1.BAD_CHECK_DIGIT');
  });

  it('refuses impossible dates but accepts day 00', () => {
    expect(errorCode('17201301')).toBe('GS1.BAD_DATE');
    expect(errorCode('15200231')).toBe('GS1.BAD_DATE');
    expect(errorCode('11210229')).toBe('GS1.BAD_DATE');
    expect(errorCode('13200229')).toBeUndefined();
    expect(errorCode('17201100')).toBeUndefined();
  });

  it('refuses letters in numeric fields and characters outside set 82', () => {
    expect(errorCode('3712A')).toBe('GS1.BAD_CHARACTER');
    expect(errorCode('10ABC DEF')).toBe('GS1.BAD_CHARACTER');
  });
});

describe('encodeElementString', () => {
  it('puts GS only after variable-length fields that are not last', () => {
    expect(encodeElementString(worked)).toEqual({
      ok: true,
      value: '0109506000134352172012251' + '0ABC123',
    });
    expect(encodeElementString([worked[2]!, worked[1]!])).toEqual({
      ok: true,
      value: `10ABC123${GS}17201225`,
    });
    expect(encodeElementString(worked, 'hri')).toEqual({
      ok: true,
      value: '(01)09506000134352(17)201225(10)ABC123',
    });
  });

  it('refuses what it could not print correctly', () => {
    const bad = encodeElementString([{ ai: '00', value: '106141412345678909' }]);
    expect(bad.ok ? undefined : bad.error.code).toBe('GS1.BAD_CHECK_DIGIT');
    const unknown = encodeElementString([{ ai: '99', value: 'X' }]);
    expect(unknown.ok ? undefined : unknown.error.code).toBe('GS1.UNKNOWN_AI');
  });
});

const CSET82_CHARS = [
  ...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
];

function valueFor(definition: AiDefinition, hri: boolean): fc.Arbitrary<string> {
  const digits = (min: number, max: number) =>
    fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
      .map((d) => d.join(''));
  if (definition.checkDigit) {
    return digits(definition.length - 1, definition.length - 1).map(
      (body) => `${body}${gtinCheckDigit(body)}`,
    );
  }
  if (definition.date) {
    return fc
      .record({
        yy: fc.integer({ min: 0, max: 99 }),
        mm: fc.integer({ min: 1, max: 12 }),
        dd: fc.integer({ min: 0, max: 28 }),
      })
      .map(({ yy, mm, dd }) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''));
  }
  if (definition.charset === 'numeric') {
    return definition.fixed
      ? digits(definition.length, definition.length)
      : digits(1, definition.length);
  }
  // In the parenthesized form "(" inside data is ambiguous, so that form is tested without it.
  const chars = hri ? CSET82_CHARS.filter((c) => c !== '(') : CSET82_CHARS;
  return fc
    .array(fc.constantFrom(...chars), { minLength: 1, maxLength: definition.length })
    .map((c) => c.join(''));
}

function elementsArbitrary(hri: boolean): fc.Arbitrary<Gs1Element[]> {
  const one = fc
    .constantFrom(...APPLICATION_IDENTIFIERS.values())
    .chain((definition) =>
      valueFor(definition, hri).map((value) => ({ ai: definition.ai, value })),
    );
  return fc.array(one, { minLength: 1, maxLength: 8 });
}

describe('round trip (property)', () => {
  it('parse(encode(elements)) gives the elements back, raw form', () => {
    fc.assert(
      fc.property(elementsArbitrary(false), (elements) => {
        const encoded = encodeElementString(elements);
        expect(encoded.ok).toBe(true);
        if (encoded.ok)
          expect(parseElementString(encoded.value)).toEqual({ ok: true, value: elements });
      }),
      { numRuns: 500 },
    );
  });

  it('parse(encode(elements)) gives the elements back, parenthesized form', () => {
    fc.assert(
      fc.property(elementsArbitrary(true), (elements) => {
        const encoded = encodeElementString(elements, 'hri');
        expect(encoded.ok).toBe(true);
        if (encoded.ok)
          expect(parseElementString(encoded.value)).toEqual({ ok: true, value: elements });
      }),
      { numRuns: 500 },
    );
  });

  it('no AI is a prefix of another, so raw parsing is unambiguous', () => {
    const ais = [...APPLICATION_IDENTIFIERS.keys()];
    for (const a of ais) for (const b of ais) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});
