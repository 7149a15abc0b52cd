import type { Database, Tx } from '../../adapters/db/database.js';
import type { QualifiedId } from '../../core/edi/product-ids.js';
import { ASN_DISCREPANCIES, type AsnDiscrepancy } from '../../core/receiving/asn-status.js';
import { FailureError } from '../../core/shared/result.js';
import { lockAsn, refreshAsnStatus } from './asn-store.js';

type Reader = Database['db'] | Tx;

export interface AsnItemView {
  lineRef: string;
  productIds: QualifiedId[];
  shippedQuantity: number;
  shippedUnit: string;
  purchaseOrderId: number;
  purchaseOrderLineId: number | null;
  skuId: number | null;
  quantity: number | null;
  lotCode: string | null;
  expiryDate: string | null;
  discrepancy: string | null;
  receiptId: number | null;
}

export interface AsnContainerView {
  sscc: string;
  /** T pallet, P carton. */
  level: string;
  parentSscc: string | null;
  receivedAt: string | null;
  items: AsnItemView[];
}

/** A discrepancy in words, for the supervisor's list. */
export interface AsnDiscrepancyView {
  kind: AsnDiscrepancy | 'never_scanned';
  sscc: string;
  lineRef: string | null;
  skuId: number | null;
  quantity: number | null;
  message: string;
}

export interface AsnView {
  id: number;
  partnerId: number;
  interchangeId: number;
  shipmentNumber: string;
  shipDate: string | null;
  status: string;
  closedAt: string | null;
  purchaseOrders: { id: number; number: string }[];
  containers: AsnContainerView[];
  /** Containers not received yet; at close they become `never_scanned` discrepancies. */
  notScanned: string[];
  discrepancies: AsnDiscrepancyView[];
}

function discrepanciesOf(containers: AsnContainerView[], closed: boolean): AsnDiscrepancyView[] {
  const list: AsnDiscrepancyView[] = [];
  for (const c of containers) {
    for (const i of c.items) {
      if (i.discrepancy === null) continue;
      const kind = i.discrepancy as AsnDiscrepancy;
      list.push({
        kind,
        sscc: c.sscc,
        lineRef: i.lineRef,
        skuId: i.skuId,
        quantity: i.quantity,
        message: ASN_DISCREPANCIES[kind] ?? kind,
      });
    }
    if (closed && c.receivedAt === null)
      list.push({
        kind: 'never_scanned',
        sscc: c.sscc,
        lineRef: null,
        skuId: null,
        quantity: null,
        message: 'announced, never scanned at the dock before the notice was closed',
      });
  }
  return list;
}

export async function asnView(db: Reader, id: number): Promise<AsnView> {
  const asn = await db
    .selectFrom('inbound_asns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!asn)
    throw new FailureError({ code: 'RECEIVING.ASN_NOT_FOUND', message: `No ship notice ${id}` });
  const containers = await db
    .selectFrom('asn_containers')
    .selectAll()
    .where('asn_id', '=', id)
    .orderBy('id')
    .execute();
  const items = await db
    .selectFrom('asn_items')
    .selectAll()
    .where('asn_id', '=', id)
    .orderBy('id')
    .execute();
  const pos = await db
    .selectFrom('purchase_orders')
    .select(['id', 'number'])
    .where('id', 'in', [0, ...new Set(items.map((i) => i.purchase_order_id))])
    .orderBy('id')
    .execute();
  const ssccOf = new Map(containers.map((c) => [c.id, c.sscc]));
  const views: AsnContainerView[] = containers.map((c) => ({
    sscc: c.sscc,
    level: c.level,
    parentSscc: c.parent_id === null ? null : (ssccOf.get(c.parent_id) ?? null),
    receivedAt: c.received_at,
    items: items
      .filter((i) => i.container_id === c.id)
      .map((i) => ({
        lineRef: i.line_ref,
        productIds: JSON.parse(i.product_ids) as QualifiedId[],
        shippedQuantity: Number(i.shipped_quantity),
        shippedUnit: i.shipped_unit,
        purchaseOrderId: i.purchase_order_id,
        purchaseOrderLineId: i.purchase_order_line_id,
        skuId: i.sku_id,
        quantity: i.quantity === null ? null : Number(i.quantity),
        lotCode: i.lot_code,
        expiryDate: i.expiry_date,
        discrepancy: i.discrepancy,
        receiptId: i.receipt_id,
      })),
  }));
  const closed = asn.closed_at !== null;
  return {
    id: asn.id,
    partnerId: asn.partner_id,
    interchangeId: asn.interchange_id,
    shipmentNumber: asn.shipment_number,
    shipDate: asn.ship_date,
    status: asn.status,
    closedAt: asn.closed_at,
    purchaseOrders: pos,
    containers: views,
    notScanned: views.filter((c) => c.receivedAt === null).map((c) => c.sscc),
    discrepancies: discrepanciesOf(views, closed),
  };
}

/** Ship notices, newest first; by PO (any of its items) and status. */
export async function listAsns(
  db: Reader,
  filter: { purchaseOrderId?: number | undefined; status?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('inbound_asns')
    .select(['id', 'shipment_number', 'ship_date', 'status', 'closed_at', 'created_at'])
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.purchaseOrderId !== undefined) {
    const poId = filter.purchaseOrderId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('asn_items').select('asn_id').where('purchase_order_id', '=', poId),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    shipmentNumber: r.shipment_number,
    shipDate: r.ship_date,
    status: r.status,
    closedAt: r.closed_at,
    createdAt: r.created_at,
  }));
}

/**
 * Closes a notice: no more scans on it; containers never scanned become discrepancies and the
 * status is final. Closing twice is `RECEIVING.ASN_ILLEGAL_TRANSITION` (409).
 */
export async function closeAsn(trx: Tx, id: number, actor: string, now: Date): Promise<AsnView> {
  const nowIso = now.toISOString();
  const asn = await lockAsn(trx, id);
  if (asn.closed_at !== null)
    throw new FailureError({
      code: 'RECEIVING.ASN_ILLEGAL_TRANSITION',
      message: `Ship notice ${asn.shipment_number} was closed on ${asn.closed_at}`,
      details: { asnId: id },
    });
  await trx
    .updateTable('inbound_asns')
    .set({ closed_at: nowIso, closed_by: actor })
    .where('id', '=', id)
    .execute();
  await refreshAsnStatus(trx, id, true, nowIso);
  return asnView(trx, id);
}
