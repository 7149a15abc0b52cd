import type { Tx } from '../../adapters/db/database.js';
import { openQuantity } from '../../core/purchasing/po-status.js';
import { ok } from '../../core/shared/result.js';
import { poNotFound, quantitiesOf, type PoLineRow } from './po-store.js';
import type { Selectable } from 'kysely';
import type { PurchaseOrderTable } from '../../adapters/db/schema-purchasing.js';

/** The API shape of a PO header. */
export function poView(row: Selectable<PurchaseOrderTable> & { supplier_code?: string }) {
  return {
    id: Number(row.id),
    number: row.number,
    supplierId: Number(row.supplier_id),
    ...(row.supplier_code === undefined ? {} : { supplierCode: row.supplier_code }),
    warehouseId: Number(row.warehouse_id),
    status: row.status,
    currency: row.currency,
    expectedDate: row.expected_date,
    source: row.source,
    replenishmentRunId: row.replenishment_run_id === null ? null : Number(row.replenishment_run_id),
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
  };
}

function lineView(line: PoLineRow & { sku_code: string }) {
  const q = quantitiesOf(line);
  return {
    id: Number(line.id),
    lineNumber: line.line_number,
    skuId: Number(line.sku_id),
    skuCode: line.sku_code,
    supplierSku: line.supplier_sku,
    quantityOrdered: q.quantityOrdered,
    quantityReceived: q.quantityReceived,
    quantityDamaged: Number(line.quantity_damaged),
    quantityCancelled: q.quantityCancelled,
    quantityOpen: openQuantity(q),
    unitCostMinor: Number(line.unit_cost_minor),
    lineTotalMinor: q.quantityOrdered * Number(line.unit_cost_minor),
    expectedDate: line.expected_date,
  };
}

/** A PO with its lines (ordered, received, cancelled, still open) and every receipt against it. */
export async function getPurchaseOrder(db: Tx, purchaseOrderId: number) {
  const row = await db
    .selectFrom('purchase_orders as po')
    .innerJoin('suppliers as s', 's.id', 'po.supplier_id')
    .selectAll('po')
    .select('s.code as supplier_code')
    .where('po.id', '=', purchaseOrderId)
    .executeTakeFirst();
  if (!row) return poNotFound(purchaseOrderId);
  const lines = await db
    .selectFrom('purchase_order_lines as pl')
    .innerJoin('skus as k', 'k.id', 'pl.sku_id')
    .selectAll('pl')
    .select('k.code as sku_code')
    .where('pl.purchase_order_id', '=', purchaseOrderId)
    .orderBy('pl.line_number')
    .execute();
  const receipts = await db
    .selectFrom('receipts as r')
    .leftJoin('lots', 'lots.id', 'r.lot_id')
    .innerJoin('locations as l', 'l.id', 'r.location_id')
    .select([
      'r.id',
      'r.purchase_order_line_id as lineId',
      'r.sku_id as skuId',
      'lots.code as lotCode',
      'r.quantity',
      'r.damaged',
      'r.location_id as locationId',
      'l.code as locationCode',
      'r.received_by as receivedBy',
      'r.received_at as receivedAt',
    ])
    .where('r.purchase_order_id', '=', purchaseOrderId)
    .orderBy('r.id')
    .execute();
  const viewLines = lines.map(lineView);
  return ok({
    ...poView(row),
    totalMinor: viewLines.reduce((n, l) => n + l.lineTotalMinor, 0),
    lines: viewLines,
    receipts: receipts.map((r) => ({
      id: Number(r.id),
      lineId: r.lineId === null ? null : Number(r.lineId),
      skuId: Number(r.skuId),
      lotCode: r.lotCode ?? null,
      quantity: Number(r.quantity),
      damaged: Number(r.damaged) === 1,
      locationId: Number(r.locationId),
      locationCode: r.locationCode,
      receivedBy: r.receivedBy,
      receivedAt: r.receivedAt,
    })),
  });
}

export interface PoFilter {
  status?: string | undefined;
  supplierId?: number | undefined;
  warehouseId?: number | undefined;
  /** POs with a line of this SKU. */
  skuId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** POs newest first, one page (limit + 1 rows so the caller can tell whether more follow). */
export async function listPurchaseOrders(db: Tx, filter: PoFilter) {
  let query = db
    .selectFrom('purchase_orders as po')
    .innerJoin('suppliers as s', 's.id', 'po.supplier_id')
    .selectAll('po')
    .select('s.code as supplier_code')
    .orderBy('po.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status !== undefined) query = query.where('po.status', '=', filter.status);
  if (filter.supplierId !== undefined)
    query = query.where('po.supplier_id', '=', filter.supplierId);
  if (filter.warehouseId !== undefined)
    query = query.where('po.warehouse_id', '=', filter.warehouseId);
  if (filter.beforeId !== undefined) query = query.where('po.id', '<', filter.beforeId);
  if (filter.skuId !== undefined) {
    const skuId = filter.skuId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('purchase_order_lines as pl')
          .select('pl.id')
          .whereRef('pl.purchase_order_id', '=', 'po.id')
          .where('pl.sku_id', '=', skuId),
      ),
    );
  }
  return (await query.execute()).map(poView);
}
