import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse856 } from '../../src/core/edi/asn-856.js';
import { map850 } from '../../src/core/edi/po-850.js';
import { readInterchange } from '../../src/core/edi/x12-envelope.js';
import { fixturePath } from '../support/shared-data.js';

/**
 * Real partner files from other projects (see test/fixtures/SOURCES.md): node-x12 (MIT),
 * EdiEngine (MIT), StAEDI (Apache-2.0). Each must be read through its envelope.
 */
const DIR = fixturePath('edi');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.edi'));

describe('sample interchanges', () => {
  // Files named stockline__* were written for the project (SOURCES.md); they parse here too.
  it('finds all six samples', () =>
    expect(files.filter((f) => !f.startsWith('stockline__'))).toHaveLength(6));

  it.each(files)('%s parses with every set inside a group', (name) => {
    const parsed = readInterchange(read(name));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const sets = parsed.value.groups.flatMap((g) => g.sets);
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) {
      expect(set.segments[0]!.id).toBe('ST');
      expect(set.segments.at(-1)!.id).toBe('SE');
      expect(set.errors, set.messages.join('; ')).toEqual([]);
    }
    for (const group of parsed.value.groups) expect(group.errors).toEqual([]);
  });

  it('reads the EdiEngine cross-dock ASN (newline terminators) down to each carton SSCC', () => {
    const parsed = readInterchange(read('ediengine__856.Crossdock.OK.edi'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.separators.segment).toBe('\n');
    expect(parsed.value.notes).toEqual([]);
    const asn = parse856(parsed.value.groups[0]!.sets[0]!);
    expect(asn.orders.map((o) => o.poNumber)).toEqual(['POREF00', 'POREF01']);
    const ssccs = asn.orders.flatMap((o) => o.cartons.map((c) => c.sscc));
    expect(ssccs).toEqual([
      '00000715670002152360',
      '00000715670002152377',
      '00000715670002152384',
      '00000715670002152391',
      '00000715670002152111',
    ]);
    expect(asn.orders[0]!.cartons[0]!.items).toEqual([
      {
        lineId: '',
        gtin: '0000000000642',
        partnerIds: [{ qualifier: 'UP', value: '0000000000642' }],
        quantity: 12,
        unit: 'EA',
      },
    ]);
  });

  it('maps the node-x12 850: PO number, ship-to, dates, six lines with pack info', () => {
    const parsed = readInterchange(read('node-x12__850.edi'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const mapped = map850(parsed.value.groups[0]!.sets[0]!);
    expect(mapped.rejected).toBe(false);
    expect(mapped.segmentErrors).toEqual([]);
    const order = mapped.order!;
    expect(order.poNumber).toBe('08292233294');
    expect(order.poDate).toBe('2010-11-27');
    expect(order.shipTo).toMatchObject({
      name: 'XYZ RETAIL',
      idQualifier: '9',
      id: '0003947268292',
    });
    expect(order.dates).toEqual({ '002': '2010-12-14' });
    expect(order.lines.map((l) => [l.lineId, l.quantity, l.unit, l.unitPriceMinor])).toEqual([
      ['1', 120, 'EA', 925],
      ['2', 220, 'EA', 1379],
      ['3', 126, 'EA', 1099],
      ['4', 76, 'EA', 435],
      ['5', 72, 'EA', 750],
      ['6', 696, 'EA', 955],
    ]);
    expect(order.lines[0]).toMatchObject({
      ids: { vendorPart: 'AB3542' },
      pack: { pack: 4, size: 4, unit: 'EA' },
      description: 'SMALL WIDGET',
    });
  });

  it('reads the node-x12 856 (S/O/I, no pack level)', () => {
    const parsed = readInterchange(read('node-x12__856.edi'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const asn = parse856(parsed.value.groups[0]!.sets[0]!);
    expect(asn.shipmentId).toBe('829716');
    expect(asn.orders[0]!.cartons[0]!.items.map((i) => [i.vendorPart, i.gtin, i.quantity])).toEqual(
      [
        ['87787D', '999999310145', 24],
        ['99887D', '999999311746', 6],
      ],
    );
  });

  it('reads both invoices of the StAEDI 810 and the 997 in 005010 with ^ repetition', () => {
    const invoices = readInterchange(read('staedi__simple810.edi'));
    if (!invoices.ok) throw new Error(invoices.error.message);
    expect(invoices.value.groups[0]!.sets.map((s) => s.controlNumber)).toEqual([
      '000000001',
      '000000002',
    ]);
    const ack = readInterchange(read('staedi__simple997.edi'));
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.value.separators).toMatchObject({ repetition: '^', component: ':' });
    expect(ack.value.header.version).toBe('00501');
  });
});
