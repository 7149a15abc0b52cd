/**
 * A supplier's 856 ship notice as we receive it: which pallets and cartons (SSCC-18 on their
 * labels) are coming, what each holds, for which of our purchase orders. The HL hierarchy
 * nests S (shipment) → O (order, PRF-01 = our PO number) → T (tare: pallet) → P (pack: carton)
 * → I (item); suppliers also send S/T/O/P/I (pallet above the orders) or items straight under
 * a pallet. Each item belongs to its nearest container and its nearest order above it.
 */
import { isValidSscc } from '../gs1/sscc.js';
import { isoDate } from './po-850.js';
import { readQualifiedIds, rolesOf, type ProductIds, type QualifiedId } from './product-ids.js';
import type { TransactionSet } from './x12-envelope.js';
import { el, type Segment } from './x12-tokenizer.js';

/** One HL*I item: LIN ids, SN1 quantity in the supplier's unit, lot and expiry. */
export interface AsnItem856 {
  /** LIN-01 (the supplier's line, often our PO line number); the HL id when empty. */
  readonly lineRef: string;
  readonly qualifiedIds: readonly QualifiedId[];
  readonly ids: ProductIds;
  /** SN1-02: units shipped, in SN1-03 units (one unit of the GTIN's pack level). */
  readonly quantity: number;
  readonly unit: string;
  /** LIN qualifier LT, or REF*LT. */
  readonly lotCode: string | null;
  /** DTM*036 (expiration) as YYYY-MM-DD. */
  readonly expiryDate: string | null;
  /** PRF-01 of the nearest HL*O above the item. */
  readonly poNumber: string | null;
}

/** A pallet (T) or carton (P) with its SSCC, the items directly in it and where it sits. */
export interface AsnContainer856 {
  readonly hlId: string;
  readonly level: 'T' | 'P';
  readonly sscc: string;
  /** The HL id of the container it travels in (a carton on a pallet), if any. */
  readonly parentHlId: string | null;
  readonly items: AsnItem856[];
}

export interface Asn856 {
  /** BSN-01: 00 original, 05 replace, … */
  readonly purpose: string;
  /** BSN-02: the supplier's shipment identification. */
  readonly shipmentNumber: string;
  readonly shipDate: string | null;
  readonly containers: AsnContainer856[];
}

export interface Mapped856 {
  readonly asn: Asn856 | null;
  /** Why the notice cannot be taken, in words (empty when it can). */
  readonly problems: string[];
}

interface Node {
  id: string;
  code: string;
  parent: Node | undefined;
  poNumber?: string;
  container?: AsnContainer856;
  item?: {
    lineRef: string;
    ids: QualifiedId[];
    quantity?: number;
    unit: string;
    lot: string | null;
    expiry: string | null;
  };
}

/**
 * MAN*GM carries the SSCC as 18 digits, as 20 with the AI `00` in front, or as `(00)…`;
 * anything else (or a wrong check digit) is null.
 */
export function ssccFromMarks(value: string): string | null {
  const digits = value.replace(/[()\s]/g, '');
  const sscc = digits.length === 20 && digits.startsWith('00') ? digits.slice(2) : digits;
  return isValidSscc(sscc) ? sscc : null;
}

function nearest(node: Node | undefined, test: (n: Node) => boolean): Node | undefined {
  for (let n = node; n; n = n.parent) if (test(n)) return n;
  return undefined;
}

function readSegment(node: Node | undefined, seg: Segment, problems: string[]) {
  if (!node) return;
  const at = `HL ${node.id}`;
  if (seg.id === 'PRF' && node.code === 'O') node.poNumber = el(seg, 1).trim();
  if (seg.id === 'MAN' && node.container && el(seg, 1) === 'GM') {
    const sscc = ssccFromMarks(el(seg, 2));
    if (sscc === null) problems.push(`${at}: MAN*GM "${el(seg, 2)}" is not a valid SSCC-18`);
    else node.container = { ...node.container, sscc };
  }
  const item = node.item;
  if (!item) return;
  if (seg.id === 'LIN') {
    item.lineRef = el(seg, 1).trim() || node.id;
    item.ids = readQualifiedIds(seg, 2);
    item.lot = item.ids.find((i) => i.qualifier === 'LT')?.value ?? item.lot;
  } else if (seg.id === 'SN1') {
    const text = el(seg, 2).trim();
    if (/^\d+$/.test(text) && Number(text) > 0) item.quantity = Number(text);
    else problems.push(`${at}: SN1-02 "${text}" is not a whole quantity`);
    item.unit = el(seg, 3).trim().toUpperCase();
  } else if (seg.id === 'REF' && el(seg, 1) === 'LT') item.lot = el(seg, 2).trim() || item.lot;
  else if (seg.id === 'DTM' && el(seg, 1) === '036') {
    item.expiry = isoDate(el(seg, 2));
    if (item.expiry === null) problems.push(`${at}: DTM*036 "${el(seg, 2)}" is not a date`);
  }
}

function itemOf(node: Node, problems: string[]): AsnItem856 | null {
  const item = node.item!;
  if (item.quantity === undefined) {
    problems.push(`HL ${node.id}: item without an SN1 quantity`);
    return null;
  }
  return {
    lineRef: item.lineRef,
    qualifiedIds: item.ids,
    ids: rolesOf(item.ids),
    quantity: item.quantity,
    unit: item.unit,
    lotCode: item.lot,
    expiryDate: item.expiry,
    poNumber: nearest(node, (n) => n.code === 'O')?.poNumber ?? null,
  };
}

/** Reads an 856 into containers and items; problems make the whole notice unusable. */
export function map856In(set: TransactionSet): Mapped856 {
  const problems: string[] = [];
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  let bsn: Segment | undefined;
  let current: Node | undefined;
  for (const seg of set.segments) {
    if (seg.id === 'BSN') bsn = seg;
    if (seg.id !== 'HL') {
      readSegment(current, seg, problems);
      continue;
    }
    const code = el(seg, 3).trim().toUpperCase();
    current = { id: el(seg, 1).trim(), code, parent: byId.get(el(seg, 2).trim()) };
    if (code === 'T' || code === 'P') {
      const parentHl = nearest(current.parent, (n) => n.container !== undefined);
      current.container = {
        hlId: current.id,
        level: code,
        sscc: '',
        parentHlId: parentHl?.id ?? null,
        items: [],
      };
    }
    if (code === 'I')
      current.item = { lineRef: current.id, ids: [], unit: '', lot: null, expiry: null };
    byId.set(current.id, current);
    nodes.push(current);
  }
  if (!bsn || el(bsn, 2).trim() === '') problems.push('No BSN-02 shipment identification');
  const containers = nodes.flatMap((n) => (n.container ? [n.container] : []));
  for (const c of containers) if (c.sscc === '') problems.push(`HL ${c.hlId}: no MAN*GM SSCC`);
  for (const node of nodes.filter((n) => n.item)) {
    const item = itemOf(node, problems);
    const holder = nearest(node, (n) => n.container !== undefined);
    if (item && !holder) problems.push(`HL ${node.id}: item in no pallet or carton (no SSCC)`);
    if (item && item.poNumber === null) problems.push(`HL ${node.id}: no PRF purchase order`);
    if (item && holder) holder.container!.items.push(item);
  }
  if (containers.length === 0) problems.push('No pallet or carton (HL T/P with MAN*GM)');
  if (problems.length > 0) return { asn: null, problems };
  return {
    asn: {
      purpose: el(bsn!, 1).trim(),
      shipmentNumber: el(bsn!, 2).trim(),
      shipDate: isoDate(el(bsn!, 3)),
      containers,
    },
    problems,
  };
}
