import { ELEMENT_ERROR, SEGMENT_ERROR, type ElementError, type SegmentError } from './x12-codes.js';
import type { TransactionSet } from './x12-envelope.js';
import { readQualifiedIds, rolesOf, type ProductIds, type QualifiedId } from './product-ids.js';
import { el, type Segment } from './x12-tokenizer.js';

export type { ProductIds } from './product-ids.js';

/** CTP: a price the partner states for the line (CTP-02 says which: CON contract, RES resale…). */
export interface LinePrice {
  readonly code: string;
  readonly priceMinor: number;
}

/** PO4: how the partner expects the item packed — `pack` inner units of `size` `unit` each. */
export interface PackInfo {
  readonly pack: number | null;
  readonly size: number | null;
  readonly unit: string;
  readonly position: number;
}

/** One PO1 line of an 850. */
export interface PurchaseOrderLine850 {
  /** PO1-01 as sent: echoed in the 855, 856 and 810. */
  readonly lineId: string;
  readonly quantity: number;
  /** PO1-03 unit of measure: EA, CA, PL, … */
  readonly unit: string;
  /** PO1-04 in minor units, when sent. */
  readonly unitPriceMinor: number | null;
  /** PO1-05, basis of unit price (PE per each, TE …), echoed as sent. */
  readonly priceBasis: string | null;
  /** The ids we look the item up by (buyer part, vendor part, GTIN). */
  readonly ids: ProductIds;
  /** Every PO1 id pair as sent, echoed in the 855, 856 and 810. */
  readonly qualifiedIds: readonly QualifiedId[];
  /** CTP segments of the line. */
  readonly prices: readonly LinePrice[];
  readonly pack: PackInfo | null;
  readonly description: string | null;
  /** Position of the PO1 segment in the set, ST = 1. */
  readonly position: number;
}

/** N1*ST with its N3/N4. */
export interface ShipTo850 {
  readonly name: string;
  readonly idQualifier: string;
  readonly id: string;
  readonly position: number;
}

/** A purchase order as the partner sent it, before it meets our catalog. */
export interface PurchaseOrder850 {
  /** BEG-01: 00 original, 01 cancel, 05 replace, … */
  readonly purpose: string;
  /** BEG-03: the customer's PO number. */
  readonly poNumber: string;
  /** BEG-05 as YYYY-MM-DD. */
  readonly poDate: string | null;
  readonly shipTo: ShipTo850 | null;
  /** DTM-01 qualifier → YYYY-MM-DD (002 deliver by, 010 ship, 037 ship not before, 038 ship no later). */
  readonly dates: Readonly<Record<string, string>>;
  readonly lines: readonly PurchaseOrderLine850[];
}

export interface Mapped850 {
  readonly order: PurchaseOrder850 | null;
  readonly segmentErrors: SegmentError[];
  /** True when the set cannot become an order at all. */
  readonly rejected: boolean;
}

/** CCYYMMDD → YYYY-MM-DD, or null when it is not a real date. */
export function isoDate(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** An X12 decimal as minor units (two places), or null when malformed. */
export function minorUnits(value: string): number | null {
  if (!/^-?\d*(\.\d+)?$/.test(value) || value === '' || value === '.') return null;
  return Math.round(Number(value) * 100);
}

const error = (
  segment: Segment,
  position: number,
  code: string,
  message: string,
  elements: ElementError[] = [],
): SegmentError => ({
  segmentId: segment.id,
  position,
  code,
  elements,
  message,
});

/** The PO1 line, or its AK3/AK4 when quantity or price cannot be read. */
function readPo1(po1: Segment, position: number): PurchaseOrderLine850 | SegmentError {
  const quantityText = el(po1, 2);
  const problems: ElementError[] = [];
  if (quantityText === '')
    problems.push({ position: 2, code: ELEMENT_ERROR.mandatoryElementMissing });
  else if (!/^\d+$/.test(quantityText) || Number(quantityText) <= 0)
    problems.push({ position: 2, code: ELEMENT_ERROR.invalidCharacter, badValue: quantityText });
  if (el(po1, 3) === '')
    problems.push({ position: 3, code: ELEMENT_ERROR.mandatoryElementMissing });
  const price = el(po1, 4) === '' ? null : minorUnits(el(po1, 4));
  if (el(po1, 4) !== '' && price === null)
    problems.push({ position: 4, code: ELEMENT_ERROR.invalidCharacter, badValue: el(po1, 4) });
  if (problems.length > 0)
    return error(
      po1,
      position,
      SEGMENT_ERROR.segmentHasDataElementErrors,
      `PO1 line ${el(po1, 1) || '?'} cannot be read`,
      problems,
    );
  const qualifiedIds = readQualifiedIds(po1, 6);
  return {
    lineId: el(po1, 1) || String(position),
    quantity: Number(quantityText),
    unit: el(po1, 3).toUpperCase(),
    unitPriceMinor: price,
    priceBasis: el(po1, 5).trim() || null,
    ids: rolesOf(qualifiedIds),
    qualifiedIds,
    prices: [],
    pack: null,
    description: null,
    position,
  };
}

/**
 * Reads an 850 into a typed purchase order. Header problems (no BEG, no PO number) reject the
 * set; a line that cannot be read is reported (AK3/AK4) and left out, the rest go on.
 */
export function map850(set: TransactionSet): Mapped850 {
  const errors: SegmentError[] = [];
  let beg: Segment | undefined;
  let shipTo: ShipTo850 | null = null;
  const dates: Record<string, string> = {};
  const lines: PurchaseOrderLine850[] = [];
  let current: PurchaseOrderLine850 | null = null;
  set.segments.forEach((segment, i) => {
    const position = i + 1;
    switch (segment.id) {
      case 'BEG':
        beg = segment;
        break;
      case 'DTM': {
        const date = isoDate(el(segment, 2));
        if (date) dates[el(segment, 1)] = date;
        else
          errors.push(
            error(
              segment,
              position,
              SEGMENT_ERROR.segmentHasDataElementErrors,
              `DTM date "${el(segment, 2)}" is not a date`,
              [{ position: 2, code: ELEMENT_ERROR.invalidDate, badValue: el(segment, 2) }],
            ),
          );
        break;
      }
      case 'N1':
        if (el(segment, 1) === 'ST') {
          shipTo = {
            name: el(segment, 2),
            idQualifier: el(segment, 3),
            id: el(segment, 4).trim(),
            position,
          };
        }
        break;
      case 'PO1': {
        const line = readPo1(segment, position);
        if ('lineId' in line) lines.push((current = line));
        else {
          errors.push(line);
          current = null;
        }
        break;
      }
      case 'PID':
        if (current && current.description === null)
          current = replaceLast(lines, { ...current, description: el(segment, 5) || null });
        break;
      case 'PO4':
        if (current) current = replaceLast(lines, { ...current, pack: readPo4(segment, position) });
        break;
      case 'CTP': {
        const priceMinor = minorUnits(el(segment, 3));
        if (current && priceMinor !== null) {
          const prices = [...current.prices, { code: el(segment, 2).trim(), priceMinor }];
          current = replaceLast(lines, { ...current, prices });
        }
        break;
      }
    }
  });
  return finish(set, beg, { shipTo, dates, lines }, errors);
}

/** Retail prices to the consumer, not what the buyer pays us. */
const CONSUMER_PRICES = new Set(['RES', 'MSR', 'RTL', 'SLP']);

/** What the partner expects to pay per unit: PO1-04, else a CTP price that is not a retail one. */
export function partnerPrice(line: PurchaseOrderLine850): number | null {
  return (
    line.unitPriceMinor ?? line.prices.find((p) => !CONSUMER_PRICES.has(p.code))?.priceMinor ?? null
  );
}

function replaceLast(
  lines: PurchaseOrderLine850[],
  line: PurchaseOrderLine850,
): PurchaseOrderLine850 {
  lines[lines.length - 1] = line;
  return line;
}

function readPo4(segment: Segment, position: number): PackInfo {
  const n = (k: number) => (/^\d+$/.test(el(segment, k)) ? Number(el(segment, k)) : null);
  return { pack: n(1), size: n(2), unit: el(segment, 3).toUpperCase(), position };
}

function finish(
  set: TransactionSet,
  beg: Segment | undefined,
  body: { shipTo: ShipTo850 | null; dates: Record<string, string>; lines: PurchaseOrderLine850[] },
  errors: SegmentError[],
): Mapped850 {
  if (!beg) {
    const st = set.segments[0]!;
    errors.unshift(
      error(
        { ...st, id: 'BEG' },
        2,
        SEGMENT_ERROR.mandatorySegmentMissing,
        'The 850 has no BEG segment',
      ),
    );
    return { order: null, segmentErrors: errors, rejected: true };
  }
  const position = set.segments.indexOf(beg) + 1;
  if (el(beg, 3).trim() === '') {
    errors.unshift(
      error(
        beg,
        position,
        SEGMENT_ERROR.segmentHasDataElementErrors,
        'BEG has no purchase order number',
        [{ position: 3, code: ELEMENT_ERROR.mandatoryElementMissing }],
      ),
    );
    return { order: null, segmentErrors: errors, rejected: true };
  }
  if (body.lines.length === 0) {
    if (!errors.some((e) => e.segmentId === 'PO1'))
      errors.push(
        error(
          { ...beg, id: 'PO1' },
          position + 1,
          SEGMENT_ERROR.mandatorySegmentMissing,
          'The 850 has no PO1 lines',
        ),
      );
    return { order: null, segmentErrors: errors, rejected: true };
  }
  const order: PurchaseOrder850 = {
    purpose: el(beg, 1),
    poNumber: el(beg, 3).trim(),
    poDate: isoDate(el(beg, 5)),
    ...body,
  };
  return { order, segmentErrors: errors, rejected: false };
}
