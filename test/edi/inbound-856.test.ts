import { describe, expect, it } from 'vitest';
import { map856In, ssccFromMarks } from '../../src/core/edi/asn-856-inbound.js';
import { read, sample } from './edi-fixtures.js';

const firstSet = (raw: string) => read(raw).groups[0]!.sets[0]!;

describe('inbound 856 (supplier ship notice)', () => {
  it('reads the project fixture: S/O/T/P/I, pallets above cartons, items on a pallet', () => {
    const { asn, problems } = map856In(firstSet(sample('stockline__856.supplier-asn.edi')));
    expect(problems).toEqual([]);
    expect(asn).toMatchObject({
      purpose: '00',
      shipmentNumber: 'ASN-77812',
      shipDate: '2026-12-07',
    });
    const shape = asn!.containers.map((c) => [c.level, c.sscc, c.parentHlId, c.items.length]);
    expect(shape).toEqual([
      ['T', '006141410000011018', null, 0],
      ['P', '006141410000011025', '3', 1],
      ['P', '006141410000011032', '3', 3],
      ['T', '006141410000012015', null, 1],
      ['P', '006141410000011049', null, 1],
    ]);
    expect(asn!.containers[1]!.items[0]).toMatchObject({
      lineRef: '1',
      ids: { gtin: '15901230009011', vendorPart: 'ACME-LR-2KG' },
      quantity: 6,
      unit: 'CA',
      lotCode: 'L2611A',
      expiryDate: '2028-05-31',
      poNumber: 'PO-004512',
    });
    expect(asn!.containers[3]!.items[0]!.ids.buyerPart).toBe('DOG-DRY-2KG-903');
  });

  it('takes the SSCC in MAN*GM as 18 digits, 20 with AI 00, or (00); refuses a bad check digit', () => {
    expect(ssccFromMarks('006141410000011018')).toBe('006141410000011018');
    expect(ssccFromMarks('00006141410000011018')).toBe('006141410000011018');
    expect(ssccFromMarks('(00) 006141410000011018')).toBe('006141410000011018');
    expect(ssccFromMarks('006141410000011019')).toBeNull();
  });

  it('says why a real notice cannot be received by scan', () => {
    // node-x12's 856 has no pallet or carton level: nothing carries an SSCC.
    const loose = map856In(firstSet(sample('node-x12__856.edi')));
    expect(loose.asn).toBeNull();
    expect(loose.problems).toContain('No pallet or carton (HL T/P with MAN*GM)');
    // EdiEngine's cross-dock sample has S/O/P/I with MAN*GM, but its SSCCs fail the check digit.
    const crossdock = map856In(firstSet(sample('ediengine__856.Crossdock.OK.edi')));
    expect(crossdock.asn).toBeNull();
    expect(crossdock.problems[0]).toMatch(/MAN\*GM "00000715670002152360" is not a valid SSCC-18/);
  });
});
