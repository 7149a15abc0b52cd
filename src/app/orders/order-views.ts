import type { Selectable } from 'kysely';
import type { OrderLineTable, OrderTable } from '../../adapters/db/schema.js';

/** Orders are numbered for people as SO-000123; the number is the id. */
export function orderNumber(id: number): string {
  return `SO-${String(id).padStart(6, '0')}`;
}

export function orderView(row: Selectable<OrderTable>) {
  return {
    id: row.id,
    orderNumber: orderNumber(row.id),
    customerId: row.customer_id,
    customerPo: row.customer_po,
    shipToId: row.ship_to_id,
    requestedShipDate: row.requested_ship_date,
    status: row.status,
    holdReason: row.hold_reason,
    warehouseId: row.warehouse_id,
    priority: row.priority,
    currency: row.currency,
    totalMinor: row.total_minor,
    source: row.source,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function lineView(row: Selectable<OrderLineTable>) {
  return {
    id: row.id,
    lineNumber: row.line_number,
    skuId: row.sku_id,
    packLevel: row.pack_level,
    packQuantity: row.pack_quantity,
    quantityOrdered: row.quantity_ordered,
    quantityAllocated: row.quantity_allocated,
    quantityPicked: row.quantity_picked,
    quantityShipped: row.quantity_shipped,
    quantityBackordered: row.quantity_backordered,
    quantityCancelled: row.quantity_cancelled,
    unitPriceMinor: row.unit_price_minor,
    lineTotalMinor: row.line_total_minor,
    priceSource: row.price_source,
    notes: row.notes,
  };
}

export type OrderView = ReturnType<typeof orderView>;
export type LineView = ReturnType<typeof lineView>;
