import type { TransactionSet } from './x12-envelope.js';
import { isoDate } from './po-850.js';
import { outboundIds, readQualifiedIds, rolesOf, type QualifiedId } from './product-ids.js';
import { el, type Segment } from './x12-tokenizer.js';
import { ccyymmdd, type OutboundSet } from './x12-writer.js';

/** One item line in a carton (HL I). */
export interface AsnItem {
  /** LIN-01: the PO1 line id it ships against. */
  readonly lineId: string;
  readonly gtin?: string | undefined;
  readonly vendorPart?: string | undefined;
  readonly buyerPart?: string | undefined;
  /** The partner's PO1 id pairs, echoed in LIN as sent. */
  readonly partnerIds?: readonly QualifiedId[] | undefined;
  readonly quantity: number;
  readonly unit: string;
}

/** One carton (HL P), named by its SSCC-18; `null` in ASNs without a pack level. */
export interface AsnCarton {
  readonly sscc: string | null;
  /** The parcel's own tracking number (REF*CN at the pack level), when the carrier gave one. */
  readonly trackingNumber?: string | null | undefined;
  readonly items: readonly AsnItem[];
}

/** One order (HL O) and the cartons that carry it. */
export interface AsnOrder {
  readonly poNumber: string;
  readonly cartons: readonly AsnCarton[];
}

/** A ship notice: shipment / order / pack / item. */
export interface Asn856 {
  readonly shipmentId: string;
  /** YYYY-MM-DD. */
  readonly shipDate: string;
  readonly carrier: string;
  readonly service: string;
  readonly trackingNumbers: readonly string[];
  readonly weightG: number;
  readonly shipTo?: { name: string; code: string } | undefined;
  readonly orders: readonly AsnOrder[];
}

/**
 * Builds the 856 from what was actually packed: one HL P per carton with its SSCC-18 in
 * MAN*GM, one HL I per item in it. BSN-05 0001 says the hierarchy is S/O/P/I.
 */
export function build856(asn: Asn856, at: Date): OutboundSet {
  const segments: string[][] = [
    [
      'BSN',
      '00',
      asn.shipmentId,
      ccyymmdd(asn.shipDate),
      at.toISOString().slice(11, 16).replace(':', ''),
      '0001',
    ],
  ];
  let hl = 0;
  const cartonCount = asn.orders.reduce((n, o) => n + o.cartons.length, 0);
  const shipmentHl = ++hl;
  segments.push(['HL', String(shipmentHl), '', 'S']);
  segments.push([
    'TD1',
    'CTN25',
    String(cartonCount),
    '',
    '',
    '',
    'G',
    (asn.weightG / 1000).toFixed(3),
    'KG',
  ]);
  segments.push(['TD5', '', '2', asn.carrier, '', asn.service]);
  for (const tracking of asn.trackingNumbers) segments.push(['REF', 'CN', tracking]);
  segments.push(['DTM', '011', ccyymmdd(asn.shipDate)]);
  if (asn.shipTo) segments.push(['N1', 'ST', asn.shipTo.name, '92', asn.shipTo.code]);
  for (const order of asn.orders) {
    const orderHl = ++hl;
    segments.push(['HL', String(orderHl), String(shipmentHl), 'O']);
    segments.push(['PRF', order.poNumber]);
    for (const carton of order.cartons) {
      const packHl = ++hl;
      segments.push(['HL', String(packHl), String(orderHl), 'P']);
      if (carton.sscc) segments.push(['MAN', 'GM', carton.sscc]);
      if (carton.trackingNumber) segments.push(['REF', 'CN', carton.trackingNumber]);
      for (const item of carton.items) {
        segments.push(['HL', String(++hl), String(packHl), 'I']);
        segments.push(['LIN', item.lineId, ...outboundIds(item)]);
        segments.push(['SN1', '', String(item.quantity), item.unit]);
      }
    }
  }
  segments.push(['CTT', String(hl)]);
  return { setId: '856', segments };
}

function readLin(lin: Segment): Omit<AsnItem, 'quantity' | 'unit'> {
  const partnerIds = readQualifiedIds(lin, 2);
  return { lineId: el(lin, 1), ...rolesOf(partnerIds), partnerIds };
}

interface Building {
  orders: {
    poNumber: string;
    cartons: { sscc: string | null; trackingNumber?: string; items: AsnItem[] }[];
  }[];
}

/**
 * Reads an 856 back into the typed shape, for the round trip and for partners' ASNs. Works for
 * S/O/P/I and for S/O/I (items straight under the order get a carton with no SSCC).
 */
export function parse856(set: TransactionSet): Asn856 {
  const asn = {
    shipmentId: '',
    shipDate: '',
    carrier: '',
    service: '',
    trackingNumbers: [] as string[],
    weightG: 0,
  };
  const built: Building = { orders: [] };
  let order: Building['orders'][number] | undefined;
  let carton: Building['orders'][number]['cartons'][number] | undefined;
  let item: Omit<AsnItem, 'quantity' | 'unit'> | undefined;
  let level = '';
  for (const s of set.segments) {
    if (s.id === 'HL') {
      level = el(s, 3);
      if (level === 'O') {
        order = { poNumber: '', cartons: [] };
        built.orders.push(order);
        carton = undefined;
      } else if (level === 'P' || level === 'T') {
        carton = { sscc: null, items: [] };
        order?.cartons.push(carton);
      }
    } else if (s.id === 'BSN') {
      asn.shipmentId = el(s, 2);
      asn.shipDate = isoDate(el(s, 3)) ?? '';
    } else if (s.id === 'TD5' && level === 'S') {
      asn.carrier = el(s, 3);
      asn.service = el(s, 5);
    } else if (s.id === 'TD1' && level === 'S' && el(s, 6) === 'G') {
      const factor = el(s, 8) === 'LB' ? 453.59237 : 1000;
      asn.weightG = Math.round(Number(el(s, 7)) * factor);
    } else if (s.id === 'REF' && el(s, 1) === 'CN' && level === 'S')
      asn.trackingNumbers.push(el(s, 2));
    else if (s.id === 'REF' && el(s, 1) === 'CN' && level === 'P' && carton)
      carton.trackingNumber = el(s, 2);
    else if (s.id === 'PRF' && order) order.poNumber = el(s, 1);
    else if (s.id === 'MAN' && el(s, 1) === 'GM' && carton) carton.sscc = el(s, 2);
    else if (s.id === 'LIN') item = readLin(s);
    else if (s.id === 'SN1' && item) {
      if (!carton) {
        carton = { sscc: null, items: [] };
        order?.cartons.push(carton);
      }
      carton.items.push({ ...item, quantity: Number(el(s, 2)), unit: el(s, 3) });
      item = undefined;
    }
  }
  return { ...asn, orders: built.orders };
}
