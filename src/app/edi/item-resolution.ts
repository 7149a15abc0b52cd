import type { Tx } from '../../adapters/db/database.js';
import type { PurchaseOrderLine850 } from '../../core/edi/po-850.js';
import { ELEMENT_ERROR, SEGMENT_ERROR, type SegmentError } from '../../core/edi/x12-codes.js';
import { isPriceLevel, type PriceLevel } from '../../core/pricing/price-resolver.js';
import { findSkuByGtin } from '../catalog/gtin-lookup.js';

/** A PO line that found its SKU: what we order and in which pack. */
export interface ResolvedLine {
  readonly line: PurchaseOrderLine850;
  readonly skuId: number;
  readonly packLevel: PriceLevel;
  /** Eaches in one of that pack, for the PO4 check. */
  readonly packSize: number;
  /** A PO4 remark that does not stop the line (reported as accepted with errors). */
  readonly warning: SegmentError | null;
}

export type LineOutcome =
  | { readonly ok: true; readonly value: ResolvedLine }
  | { readonly ok: false; readonly error: SegmentError };

/** PO1-03 units we understand, as pack levels. */
export const UNIT_LEVELS: Record<string, PriceLevel> = {
  EA: 'each',
  UN: 'each',
  CA: 'case',
  CS: 'case',
  PL: 'pallet',
};

/**
 * The id an unknown item is reported by (AK4): our own number (vendor part) first, then the
 * GTIN, then the buyer's, with its real element position in the PO1 (value of pair n at 7 + 2n).
 */
function reportedId(line: PurchaseOrderLine850): { position: number; value: string } {
  const value = line.ids.vendorPart ?? line.ids.gtin ?? line.ids.buyerPart;
  if (value === undefined) return { position: 6, value: '' };
  const n = line.qualifiedIds.findIndex((id) => id.value === value);
  return { position: 7 + 2 * Math.max(0, n), value };
}

async function fromXref(trx: Tx, partnerId: number, line: PurchaseOrderLine850) {
  const tries: [string, string | undefined][] = [
    ['buyer_part', line.ids.buyerPart],
    ['vendor_part', line.ids.vendorPart],
    ['gtin', line.ids.gtin],
  ];
  for (const [kind, value] of tries) {
    if (!value) continue;
    const row = await trx
      .selectFrom('partner_item_xref')
      .select(['sku_id', 'pack_level'])
      .where('partner_id', '=', partnerId)
      .where('kind', '=', kind)
      .where('value', '=', value)
      .executeTakeFirst();
    if (row && isPriceLevel(row.pack_level))
      return { skuId: row.sku_id, packLevel: row.pack_level };
  }
  return undefined;
}

/** The partner's cross-reference first, then the GTIN in our catalog, then our SKU code as vendor part. */
async function findSku(trx: Tx, partnerId: number, line: PurchaseOrderLine850) {
  const xref = await fromXref(trx, partnerId, line);
  if (xref) return xref;
  const unitLevel = UNIT_LEVELS[line.unit];
  if (line.ids.gtin) {
    const match = await findSkuByGtin(trx, line.ids.gtin);
    if (match.ok) return { skuId: match.value.sku.id, packLevel: match.value.level as PriceLevel };
  }
  if (line.ids.vendorPart && unitLevel) {
    const sku = await trx
      .selectFrom('skus')
      .select('id')
      .where('code', '=', line.ids.vendorPart)
      .executeTakeFirst();
    if (sku) return { skuId: sku.id, packLevel: unitLevel };
  }
  return undefined;
}

/** Eaches in one of a SKU's pack level; null when the SKU has no such pack. */
export async function packSize(trx: Tx, skuId: number, level: PriceLevel): Promise<number | null> {
  if (level === 'each') return 1;
  const pack = await trx
    .selectFrom('sku_packs')
    .select('quantity')
    .where('sku_id', '=', skuId)
    .where('level', '=', level)
    .executeTakeFirst();
  return pack?.quantity ?? null;
}

/**
 * Finds the SKU and pack level behind one PO line and checks its PO4: for a pack line the
 * partner's pack (PO4-01) must be our pack size, or the quantity would mean something else
 * (rejected); for an each line a quantity that is not whole inner packs is only remarked.
 */
export async function resolveLine(
  trx: Tx,
  partnerId: number,
  line: PurchaseOrderLine850,
): Promise<LineOutcome> {
  const found = await findSku(trx, partnerId, line);
  const reported = reportedId(line);
  const value = reported.value;
  if (!found) {
    return {
      ok: false,
      error: {
        segmentId: 'PO1',
        position: line.position,
        code: SEGMENT_ERROR.segmentHasDataElementErrors,
        elements: [
          { position: reported.position, code: ELEMENT_ERROR.invalidCodeValue, badValue: value },
        ],
        message: `Line ${line.lineId}: no SKU for item ${value || '(none given)'}`,
      },
    };
  }
  const size = await packSize(trx, found.skuId, found.packLevel);
  if (size === null) {
    return {
      ok: false,
      error: {
        segmentId: 'PO1',
        position: line.position,
        code: SEGMENT_ERROR.segmentHasDataElementErrors,
        elements: [{ position: 3, code: ELEMENT_ERROR.invalidCodeValue, badValue: line.unit }],
        message: `Line ${line.lineId}: item ${value} is not sold by the ${found.packLevel}`,
      },
    };
  }
  const pack = line.pack;
  let warning: SegmentError | null = null;
  if (pack?.pack && found.packLevel !== 'each' && pack.pack !== size) {
    return {
      ok: false,
      error: po4Error(line, pack.pack, `a ${found.packLevel} holds ${size}, PO4 says ${pack.pack}`),
    };
  }
  if (pack?.pack && found.packLevel === 'each' && line.quantity % pack.pack !== 0) {
    warning = po4Error(line, pack.pack, `${line.quantity} is not whole packs of ${pack.pack}`);
  }
  return {
    ok: true,
    value: { line, skuId: found.skuId, packLevel: found.packLevel, packSize: size, warning },
  };
}

function po4Error(line: PurchaseOrderLine850, given: number, why: string): SegmentError {
  return {
    segmentId: 'PO4',
    position: line.pack!.position,
    code: SEGMENT_ERROR.segmentHasDataElementErrors,
    elements: [{ position: 1, code: ELEMENT_ERROR.invalidCodeValue, badValue: String(given) }],
    message: `Line ${line.lineId}: ${why}`,
  };
}
