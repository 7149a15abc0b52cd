import type { Selectable } from 'kysely';
import { isPostgres, type Tx } from '../../adapters/db/database.js';
import type {
  PurchaseOrderLineTable,
  PurchaseOrderTable,
} from '../../adapters/db/schema-purchasing.js';
import {
  isPoStatus,
  type PoLineQuantities,
  type PoStatus,
} from '../../core/purchasing/po-status.js';
import { fail, must } from '../../core/shared/result.js';

export type PoRow = Selectable<PurchaseOrderTable> & { status: PoStatus };
export type PoLineRow = Selectable<PurchaseOrderLineTable>;

export function poNotFound(purchaseOrderId: number) {
  return fail('PURCHASING.PO_NOT_FOUND', `No purchase order ${purchaseOrderId}`, {
    purchaseOrderId,
  });
}

/**
 * The PO header, row-locked on PostgreSQL so that a buyer's edit and a receipt do not
 * interleave (SQLite has one writer already). Fails with PURCHASING.PO_NOT_FOUND.
 */
export async function lockPurchaseOrder(trx: Tx, purchaseOrderId: number): Promise<PoRow> {
  let query = trx.selectFrom('purchase_orders').selectAll().where('id', '=', purchaseOrderId);
  if (isPostgres(trx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) must(poNotFound(purchaseOrderId));
  if (!isPoStatus(row!.status)) throw new Error(`PO ${purchaseOrderId} has status ${row!.status}`);
  return row as PoRow;
}

export function poLines(trx: Tx, purchaseOrderId: number): Promise<PoLineRow[]> {
  return trx
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('purchase_order_id', '=', purchaseOrderId)
    .orderBy('line_number')
    .execute();
}

/** Line quantities as the core's PO rules read them. */
export function quantitiesOf(line: PoLineRow): PoLineQuantities {
  return {
    quantityOrdered: Number(line.quantity_ordered),
    quantityReceived: Number(line.quantity_received),
    quantityCancelled: Number(line.quantity_cancelled),
  };
}
