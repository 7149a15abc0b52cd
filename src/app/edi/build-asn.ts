import type { Tx } from '../../adapters/db/database.js';
import { build856, type AsnCarton } from '../../core/edi/asn-856.js';
import { FailureError } from '../../core/shared/result.js';
import type { AppContext } from '../context.js';
import { partnerForCustomer, partnerIdsOf, type OutboundDocument } from './outbound-documents.js';
import { storeOutbound } from './partner-profile.js';

async function cartonsOf(trx: Tx, shipmentId: number): Promise<AsnCarton[]> {
  const rows = await trx
    .selectFrom('cartons as c')
    .innerJoin('carton_contents as cc', 'cc.carton_id', 'c.id')
    .innerJoin('order_lines as ol', 'ol.id', 'cc.order_line_id')
    .innerJoin('skus as s', 's.id', 'cc.sku_id')
    .leftJoin('edi_order_lines as e', 'e.order_line_id', 'ol.id')
    .select([
      'c.id as cartonId',
      'c.sscc',
      'c.tracking_number as trackingNumber',
      'ol.line_number',
      's.code',
      's.gtin',
      'e.line_id',
      'e.gtin as partnerGtin',
      'e.buyer_part',
      'e.product_ids',
      'cc.quantity',
    ])
    .where('c.shipment_id', '=', shipmentId)
    .orderBy('c.id')
    .orderBy('ol.line_number')
    .execute();
  const cartons = new Map<
    number,
    { sscc: string; trackingNumber: string | null; items: AsnCarton['items'][number][] }
  >();
  for (const r of rows) {
    const carton = cartons.get(r.cartonId) ?? {
      sscc: r.sscc,
      trackingNumber: r.trackingNumber,
      items: [],
    };
    cartons.set(r.cartonId, carton);
    const same = carton.items.findIndex((i) => i.lineId === (r.line_id ?? String(r.line_number)));
    // One carton may hold a line from several lots: the ASN counts the line once.
    if (same >= 0) {
      const item = carton.items[same]!;
      carton.items[same] = { ...item, quantity: item.quantity + r.quantity };
      continue;
    }
    carton.items.push({
      lineId: r.line_id ?? String(r.line_number),
      gtin: r.gtin ?? undefined,
      vendorPart: r.code,
      partnerIds: partnerIdsOf(r),
      quantity: r.quantity,
      unit: 'EA',
    });
  }
  return [...cartons.values()];
}

/**
 * The 856 for a shipment, built from the cartons actually packed into it (SSCC per carton,
 * eaches per line) and stored for the outbox. Asking again returns the same ASN.
 */
export async function buildAsn(ctx: AppContext, shipmentId: number): Promise<OutboundDocument> {
  return ctx.database.write(async (trx) => {
    const sent = await trx
      .selectFrom('edi_interchanges')
      .select(['id', 'control_number', 'raw'])
      .where('shipment_id', '=', shipmentId)
      .where('set_id', '=', '856')
      .executeTakeFirst();
    if (sent) return { interchangeId: sent.id, controlNumber: sent.control_number, raw: sent.raw };
    const shipment = await trx
      .selectFrom('shipments as sh')
      .innerJoin('orders as o', 'o.id', 'sh.order_id')
      .leftJoin('customer_ship_tos as st', 'st.id', 'o.ship_to_id')
      .select([
        'sh.id',
        'sh.order_id',
        'sh.carrier_code',
        'sh.service',
        'sh.tracking_number',
        'sh.shipped_at',
        'o.customer_id',
        'o.customer_po',
        'st.name as shipToName',
        'st.code as shipToCode',
      ])
      .where('sh.id', '=', shipmentId)
      .executeTakeFirst();
    if (!shipment)
      throw new FailureError({ code: 'SHIPMENT.NOT_FOUND', message: `No shipment ${shipmentId}` });
    const partner = await partnerForCustomer(trx, shipment.customer_id);
    const packed = await cartonsOf(trx, shipmentId);
    // Each carton's parcel number goes on its HL P; a shipment-level number (PRO) on HL S.
    const cartons = packed;
    const shipmentLevel = shipment.tracking_number?.split(/[ ,]/).filter((t) => t !== '') ?? [];
    const weight = await trx
      .selectFrom('cartons')
      .select((eb) => eb.fn.sum<number>('weight_g').as('g'))
      .where('shipment_id', '=', shipmentId)
      .executeTakeFirst();
    const set = build856(
      {
        shipmentId: String(shipment.id),
        shipDate: shipment.shipped_at.slice(0, 10),
        carrier: shipment.carrier_code,
        service: shipment.service,
        trackingNumbers: shipmentLevel,
        weightG: Number(weight?.g ?? 0),
        shipTo: shipment.shipToCode
          ? { name: shipment.shipToName ?? '', code: shipment.shipToCode }
          : undefined,
        orders: [{ poNumber: shipment.customer_po ?? `SO-${shipment.order_id}`, cartons }],
      },
      ctx.now(),
    );
    const stored = await storeOutbound(
      trx,
      partner,
      set,
      { shipmentId, orderIds: [shipment.order_id] },
      ctx.now(),
    );
    return { interchangeId: stored.id, controlNumber: stored.controlNumber, raw: stored.raw };
  });
}
