import { describe, expect, it } from 'vitest';
import { map850 } from '../../src/core/edi/po-850.js';
import type { Interchange } from '../../src/core/edi/x12-envelope.js';
import { readSeparators } from '../../src/core/edi/x12-tokenizer.js';
import { ack as ack997, PO_850, read } from './edi-fixtures.js';

const ack = (interchange: Interchange) => ack997(interchange, '005010');

/** Every element of every segment, for "nothing swallowed a separator" checks. */
const allValues = (i: Interchange) =>
  i.groups.flatMap((g) => g.sets.flatMap((s) => s.segments.flatMap((x) => x.elements)));

describe('separators from a partner ISA (issue 18, item 3)', () => {
  it('reads a file without ISA16: terminator right after ISA15, components defaulted', () => {
    const raw = PO_850.replace('*0*P*>~', '*0*P~');
    const sep = readSeparators(raw);
    expect(sep).toMatchObject({ ok: true, value: { element: '*', segment: '~' } });
    const interchange = read(raw);
    expect(interchange.header.usage).toBe('P');
    expect(interchange.groups[0]!.sets[0]!.controlNumber).toBe('000000010');
    expect(allValues(interchange).some((v) => v.includes('~'))).toBe(false);
    expect(map850(interchange.groups[0]!.sets[0]!)).toEqual(
      map850(read(PO_850).groups[0]!.sets[0]!),
    );
    expect(ack(interchange)).toContainEqual(['AK2', '850', '000000010']);
  });

  it('reads an empty ISA16 (separator, then the terminator)', () => {
    const raw = PO_850.replace('*0*P*>~', '*0*P*~');
    expect(readSeparators(raw)).toMatchObject({ ok: true, value: { segment: '~' } });
    expect(read(raw).groups[0]!.sets[0]!.errors).toEqual([]);
  });

  it('reads a missing ISA16 with collapsed padding and a newline terminator', () => {
    const raw = PO_850.replace(/ +\*/g, '*')
      .replace('*0*P*>~', '*0*P~')
      .replaceAll('~\n', '\n')
      .replaceAll('~', '\n');
    const sep = readSeparators(raw);
    expect(sep).toMatchObject({ ok: true, value: { element: '*', segment: '\n' } });
    const interchange = read(raw);
    expect(interchange.notes).toEqual([]);
    expect(ack(interchange)).toContainEqual(['AK9', 'A', '1', '1', '1']);
  });

  it('still reads a standard 106-character ISA at its fixed columns', () => {
    // A standard ISA: 106 characters, terminator in column 105 whatever ISA16 is.
    const sep = readSeparators(PO_850);
    expect(sep).toMatchObject({ ok: true, value: { component: '>', segment: '~' } });
    expect(PO_850.indexOf('~')).toBe(105);
  });

  it('never repeats a corrupted control number or value in the 997', () => {
    const raw = PO_850.replace('ST*850*000000010', 'ST*850*000000010~X').replace(
      'SE*33*000000010',
      'SE*34*000000010~X',
    );
    // Simulate a reader that took the wrong terminator: the set control swallowed "~X".
    const interchange = read(raw.replace('ST*850*000000010~X~', 'ST*850*0000000100000~\n'));
    const fa = ack(interchange);
    const ak2 = fa.find((s) => s[0] === 'AK2')!;
    expect(ak2[2]!.length).toBeLessThanOrEqual(9);
    expect(fa.find((s) => s[0] === 'AK5')).toContain('7');
    for (const s of fa) for (const v of s) expect(v).not.toMatch(/[~\r\n]/);
  });
});
