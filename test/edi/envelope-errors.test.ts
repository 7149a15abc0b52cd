import { describe, expect, it } from 'vitest';
import { map850 } from '../../src/core/edi/po-850.js';
import { readInterchange } from '../../src/core/edi/x12-envelope.js';
import { ack, PO_850, read } from './edi-fixtures.js';

/** Another partner's habits: | between elements, > inside, newline between segments, ISA padding collapsed. */
function restyle(raw: string): string {
  return raw
    .replaceAll('~\n', '\n')
    .replaceAll('*', '|')
    .replace(/\|0000000000 *\|/, '|0000000000|')
    .replace('ABCCO     |', 'ABCCO|')
    .replace('4405197800     |', '4405197800|')
    .replace('999999999      |', '999999999|');
}

describe('envelope checks and the 997', () => {
  it('reads the sample 850 with other separators and collapsed ISA padding the same way', () => {
    const variant = restyle(PO_850);
    expect(variant.startsWith('ISA|01|0000000000|01|ABCCO|12|4405197800|01|999999999|')).toBe(true);
    const a = read(PO_850);
    const b = read(variant);
    expect(b.separators).toMatchObject({ element: '|', component: '>', segment: '\n' });
    expect(b.header).toEqual(a.header);
    expect(map850(b.groups[0]!.sets[0]!)).toEqual(map850(a.groups[0]!.sets[0]!));
    expect(ack(b)).toContainEqual(['AK9', 'A', '1', '1', '1']);
  });

  it('takes CR LF as one segment terminator', () => {
    const crlf = PO_850.replaceAll('~\n', '~').replaceAll('~', '\r\n');
    const parsed = read(crlf);
    expect(parsed.separators.segment).toBe('\r\n');
    expect(parsed.groups[0]!.sets[0]!.errors).toEqual([]);
  });

  it('names a wrong SE count (AK5 code 4) and still accepts the set with errors', () => {
    const interchange = read(PO_850.replace('SE*33*000000010', 'SE*30*000000010'));
    expect(interchange.groups[0]!.sets[0]!.messages).toEqual([
      'SE01 says 30 segments; set 000000010 has 33',
    ]);
    expect(ack(interchange)).toEqual(
      expect.arrayContaining([
        ['AK5', 'E', '4'],
        ['AK9', 'E', '1', '1', '1'],
      ]),
    );
  });

  it('names an SE control number that does not match ST (AK5 code 3)', () => {
    const interchange = read(PO_850.replace('SE*33*000000010', 'SE*33*000000011'));
    expect(ack(interchange)).toContainEqual(['AK5', 'E', '3']);
  });

  it('names a wrong GE count (AK9 code 5) and a GE control mismatch (AK9 code 4)', () => {
    const interchange = read(PO_850.replace('GE*1*1421', 'GE*3*1422'));
    expect(interchange.groups[0]!.messages).toEqual([
      'GE01 says 3 transaction sets; group 1421 has 1',
      'GE02 1422 does not match GS06 1421',
    ]);
    expect(ack(interchange)).toContainEqual(['AK9', 'E', '3', '1', '1', '5', '4']);
  });

  it('keeps a wrong IEA count and control as interchange notes (TA1 021, 001)', () => {
    const interchange = read(PO_850.replace('IEA*1*000003438', 'IEA*2*000003439'));
    expect(interchange.notes.map((n) => n.code)).toEqual(['021', '001']);
  });

  it('rejects a set whose SE is missing (AK5 code 2) and a group without GE (AK9 code 3)', () => {
    const broken = PO_850.replace(/SE\*33\*000000010~\n/, '').replace(/GE\*1\*1421~\n/, '');
    const interchange = read(broken);
    const segments = ack(interchange);
    expect(segments).toContainEqual(['AK5', 'R', '2']);
    expect(segments).toContainEqual(['AK9', 'R', '1', '1', '0', '3']);
  });

  it('rejects an 850 without a PO number with AK3/AK4 naming BEG03', () => {
    const interchange = read(PO_850.replace('BEG*00*SA*08292233294*', 'BEG*00*SA**'));
    const segments = ack(interchange);
    expect(segments).toContainEqual(['AK3', 'BEG', '2', '', '8']);
    expect(segments).toContainEqual(['AK4', '3', '', '1', '']);
    expect(segments).toContainEqual(['AK5', 'R', '5']);
  });

  it('leaves out a PO1 with a bad quantity, naming PO102 (AK4 code 6)', () => {
    const interchange = read(PO_850.replace('PO1*2*220*EA', 'PO1*2*2X0*EA'));
    const mapped = map850(interchange.groups[0]!.sets[0]!);
    expect(mapped.order!.lines.map((l) => l.lineId)).toEqual(['1', '3', '4', '5', '6']);
    const segments = ack(interchange);
    expect(segments).toContainEqual(['AK3', 'PO1', '16', '', '8']);
    expect(segments).toContainEqual(['AK4', '2', '', '6', '2X0']);
    expect(segments).toContainEqual(['AK5', 'E', '5']);
  });

  it('refuses text that is not X12', () => {
    const parsed = readInterchange('hello');
    expect(parsed.ok).toBe(false);
  });
});
