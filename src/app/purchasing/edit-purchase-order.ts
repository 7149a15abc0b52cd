import type { Tx } from '../../adapters/db/database.js';
import { checkDate, type PoLineRequest } from '../../core/purchasing/po-lines.js';
import { fail, must } from '../../core/shared/result.js';
import { insertPoLines } from './po-line-writer.js';
import { lockPurchaseOrder } from './po-store.js';

export interface PurchaseOrderEdit {
  /** YYYY-MM-DD; null clears it (the PO then has no due date). */
  expectedDate?: string | null | undefined;
  notes?: string | null | undefined;
  /** When given, replaces every line (numbered again from 1). */
  lines?: readonly PoLineRequest[] | undefined;
}

/**
 * Edits a draft PO: its due date, notes and lines. Once sent the supplier holds a copy, so
 * changes go through the supplier (cancel and re-order): PURCHASING.PO_NOT_EDITABLE.
 */
export async function editPurchaseOrder(
  trx: Tx,
  purchaseOrderId: number,
  edit: PurchaseOrderEdit,
  nowIso: string,
): Promise<{ id: number; number: string; status: string }> {
  const po = await lockPurchaseOrder(trx, purchaseOrderId);
  if (po.status !== 'draft')
    must(
      fail('PURCHASING.PO_NOT_EDITABLE', `${po.number} is ${po.status}; only drafts can change`, {
        purchaseOrderId,
        poStatus: po.status,
      }),
    );
  must(checkDate('expectedDate', edit.expectedDate));
  if (edit.lines !== undefined) {
    await trx.deleteFrom('purchase_order_lines').where('purchase_order_id', '=', po.id).execute();
    await insertPoLines(trx, Number(po.id), Number(po.supplier_id), edit.lines);
  }
  await trx
    .updateTable('purchase_orders')
    .set({
      updated_at: nowIso,
      ...(edit.expectedDate !== undefined ? { expected_date: edit.expectedDate } : {}),
      ...(edit.notes !== undefined ? { notes: edit.notes } : {}),
    })
    .where('id', '=', po.id)
    .execute();
  return { id: Number(po.id), number: po.number, status: po.status };
}
