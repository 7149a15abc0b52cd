import type { Tx } from '../../adapters/db/database.js';
import type { Asn856, AsnItem856 } from '../../core/edi/asn-856-inbound.js';
import { openQuantity } from '../../core/purchasing/po-status.js';
import type { AsnDiscrepancy } from '../../core/receiving/asn-status.js';
import { lineForSku, type ReceivableLine } from '../../core/receiving/receipt-rules.js';
import { FailureError } from '../../core/shared/result.js';
import { findSkuByGtin } from '../catalog/gtin-lookup.js';
import { packSize, UNIT_LEVELS } from '../edi/item-resolution.js';
import { linesOf, RECEIVABLE } from './receive-against-po.js';

interface OpenPo {
  id: number;
  number: string;
  lines: ReceivableLine[];
  /** Per line id: units still open after what this notice announced so far. */
  remaining: Map<number, number>;
}

const refuse = (code: string, message: string, details: Record<string, unknown>) =>
  new FailureError({ code, message, details });

/** One of the supplier's POs still expecting goods (another supplier's PO is not found). */
async function openPo(trx: Tx, supplierId: number, number: string): Promise<OpenPo> {
  const po = await trx
    .selectFrom('purchase_orders')
    .select(['id', 'number', 'status'])
    .where('number', '=', number)
    .where('supplier_id', '=', supplierId)
    .executeTakeFirst();
  if (!po)
    throw refuse('EDI.ASN_PO_NOT_FOUND', `No purchase order ${number} from this supplier`, {
      number,
    });
  if (!RECEIVABLE.includes(po.status))
    throw refuse('EDI.ASN_PO_NOT_OPEN', `${number} is ${po.status}: not expecting goods`, {
      number,
      status: po.status,
    });
  const lines = await linesOf(trx, po.id);
  return { ...po, lines, remaining: new Map(lines.map((l) => [l.id, openQuantity(l)])) };
}

/**
 * Our SKU and eaches per shipped unit: by GTIN (its pack level), else our own code sent as the
 * buyer's part number (BP/IN), else the supplier's part number on one of the PO's lines (VN/VP).
 */
async function resolveItem(trx: Tx, item: AsnItem856, po: OpenPo) {
  if (item.ids.gtin) {
    const match = await findSkuByGtin(trx, item.ids.gtin);
    if (match.ok) return { skuId: match.value.sku.id, perUnit: match.value.quantity };
  }
  let skuId: number | undefined;
  if (item.ids.buyerPart) {
    const sku = await trx
      .selectFrom('skus')
      .select('id')
      .where('code', '=', item.ids.buyerPart)
      .executeTakeFirst();
    skuId = sku?.id;
  }
  if (skuId === undefined && item.ids.vendorPart) {
    const line = await trx
      .selectFrom('purchase_order_lines')
      .select('sku_id')
      .where('purchase_order_id', '=', po.id)
      .where('supplier_sku', '=', item.ids.vendorPart)
      .executeTakeFirst();
    skuId = line?.sku_id;
  }
  if (skuId === undefined) return undefined;
  // Named by a part number: SN1-03 (CA, PL…) says which pack one shipped unit is.
  const perUnit = await packSize(trx, skuId, UNIT_LEVELS[item.unit] ?? 'each');
  return { skuId, perUnit: perUnit ?? 1 };
}

/** A lot-tracked SKU needs a lot, and one with a shelf life its expiry, to be booked by scan. */
async function lotMissing(trx: Tx, skuId: number, item: AsnItem856) {
  const sku = await trx
    .selectFrom('skus')
    .select(['lot_tracked', 'shelf_life_days'])
    .where('id', '=', skuId)
    .executeTakeFirstOrThrow();
  if (sku.lot_tracked !== 1) return false;
  return item.lotCode === null || (sku.shelf_life_days !== null && item.expiryDate === null);
}

/** What an item is for us, and what is wrong with it as announced. */
async function classify(trx: Tx, item: AsnItem856, po: OpenPo) {
  const found = await resolveItem(trx, item, po);
  if (!found) return { skuId: null, quantity: null, lineId: null, discrepancy: 'unknown_item' };
  const quantity = item.quantity * found.perUnit;
  const line = lineForSku(po.lines, found.skuId);
  let discrepancy: AsnDiscrepancy | null = null;
  if (!line) discrepancy = 'not_on_po';
  else if (await lotMissing(trx, found.skuId, item)) discrepancy = 'lot_missing';
  if (line) {
    const remaining = po.remaining.get(line.id)!;
    if (discrepancy === null && quantity > remaining) discrepancy = 'over_open_quantity';
    po.remaining.set(line.id, Math.max(0, remaining - quantity));
  }
  return { skuId: found.skuId, quantity, lineId: line?.id ?? null, discrepancy };
}

async function refuseKnownSsccs(trx: Tx, asn: Asn856) {
  const ssccs = asn.containers.map((c) => c.sscc);
  const twice = ssccs.find((s, i) => ssccs.indexOf(s) !== i);
  if (twice)
    throw refuse('EDI.ASN_SSCC_DUPLICATE', `SSCC ${twice} is on two containers`, { sscc: twice });
  const known = await trx
    .selectFrom('asn_containers')
    .select(['sscc', 'asn_id'])
    .where('sscc', 'in', ssccs)
    .executeTakeFirst();
  if (known)
    throw refuse(
      'EDI.ASN_SSCC_DUPLICATE',
      `SSCC ${known.sscc} was already announced (ASN ${known.asn_id})`,
      { sscc: known.sscc, asnId: known.asn_id },
    );
}

/**
 * Stores a supplier's ship notice: its containers by SSCC and its items against the PO lines
 * they fill, each item classified (unknown, not on the PO, beyond the open quantity, lot
 * missing). Refuses — nothing written — a partner that is not one of our suppliers, a shipment
 * number the partner already sent, an SSCC already announced, and a PO of that supplier we do
 * not have or do not expect goods on.
 */
export async function storeAsn(
  trx: Tx,
  partner: { id: number; code: string; supplier_id: number | null },
  interchangeId: number,
  asn: Asn856,
  now: Date,
): Promise<number> {
  const nowIso = now.toISOString();
  const partnerId = partner.id;
  const supplierId = partner.supplier_id;
  if (supplierId === null)
    throw refuse(
      'EDI.ASN_NOT_A_SUPPLIER',
      `Trading partner ${partner.code} is not set up as a supplier (supplierId): its 856s are not taken`,
      { partnerId },
    );
  const earlier = await trx
    .selectFrom('inbound_asns')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('shipment_number', '=', asn.shipmentNumber)
    .executeTakeFirst();
  if (earlier)
    throw refuse('EDI.ASN_DUPLICATE', `Shipment ${asn.shipmentNumber} was already announced`, {
      asnId: earlier.id,
    });
  const pos = new Map<string, OpenPo>();
  for (const number of new Set(asn.containers.flatMap((c) => c.items.map((i) => i.poNumber!))))
    pos.set(number, await openPo(trx, supplierId, number));
  await refuseKnownSsccs(trx, asn);
  const { id: asnId } = await trx
    .insertInto('inbound_asns')
    .values({
      partner_id: partnerId,
      interchange_id: interchangeId,
      shipment_number: asn.shipmentNumber,
      ship_date: asn.shipDate,
      status: 'expected',
      closed_at: null,
      closed_by: null,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const containerIds = new Map<string, number>();
  for (const container of asn.containers) {
    const { id } = await trx
      .insertInto('asn_containers')
      .values({
        asn_id: asnId,
        sscc: container.sscc,
        level: container.level,
        parent_id: container.parentHlId ? (containerIds.get(container.parentHlId) ?? null) : null,
        received_at: null,
        received_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    containerIds.set(container.hlId, id);
    for (const item of container.items) {
      const po = pos.get(item.poNumber!)!;
      const found = await classify(trx, item, po);
      await trx
        .insertInto('asn_items')
        .values({
          asn_id: asnId,
          container_id: id,
          line_ref: item.lineRef,
          product_ids: JSON.stringify(item.qualifiedIds),
          shipped_quantity: item.quantity,
          shipped_unit: item.unit,
          purchase_order_id: po.id,
          purchase_order_line_id: found.lineId,
          sku_id: found.skuId,
          quantity: found.quantity,
          lot_code: item.lotCode,
          expiry_date: item.expiryDate,
          discrepancy: found.discrepancy,
          receipt_id: null,
        })
        .execute();
    }
  }
  return asnId;
}
