import type { Database } from '../../src/adapters/db/database.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { standardPlace } from '../../src/app/inventory/stock-facts.js';
import { recordFirstReceipt } from '../../src/app/purchasing/lead-time-totals.js';
import { statusAfterReceipt } from '../../src/core/purchasing/po-status.js';

/**
 * Books goods against a PO line the way receiving does, straight in the tables: SUPPLIER →
 * RECEIVING movement, a receipt row (and the line's lead-time sample on its first), the line's
 * received quantity, and the PO's status from
 * statusAfterReceipt (received_at set when it becomes received). For purchasing tests that
 * need receipts at chosen times without the scanning flow; `receivedAtIso` dates everything.
 */
export async function bookPoReceipt(
  database: Database,
  purchaseOrderLineId: number,
  quantity: number,
  receivedAtIso: string,
): Promise<number> {
  return database.write(async (trx) => {
    const line = await trx
      .selectFrom('purchase_order_lines as pl')
      .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
      .select(['pl.id', 'pl.sku_id', 'po.id as poId', 'po.number', 'po.warehouse_id'])
      .where('pl.id', '=', purchaseOrderLineId)
      .executeTakeFirstOrThrow();
    const supplier = await standardPlace(trx, line.warehouse_id, 'supplier');
    const receiving = await standardPlace(trx, line.warehouse_id, 'receiving');
    const movementId = await postMovement(
      trx,
      {
        skuId: line.sku_id,
        lotId: 0,
        from: supplier,
        to: receiving,
        quantity,
        type: 'receipt',
        reference: line.number,
        actor: 'test:receiving',
      },
      receivedAtIso,
    );
    await recordFirstReceipt(trx, line.id, receivedAtIso);
    const receipt = await trx
      .insertInto('receipts')
      .values({
        warehouse_id: line.warehouse_id,
        purchase_order_id: line.poId,
        purchase_order_line_id: line.id,
        sku_id: line.sku_id,
        lot_id: 0,
        quantity,
        damaged: 0,
        location_id: receiving.id,
        movement_id: movementId,
        received_by: 'test:receiving',
        received_at: receivedAtIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('purchase_order_lines')
      .set((eb) => ({ quantity_received: eb('quantity_received', '+', quantity) }))
      .where('id', '=', line.id)
      .execute();
    const lines = await trx
      .selectFrom('purchase_order_lines')
      .select(['quantity_ordered', 'quantity_received', 'quantity_cancelled'])
      .where('purchase_order_id', '=', line.poId)
      .execute();
    const status = statusAfterReceipt(
      lines.map((l) => ({
        quantityOrdered: Number(l.quantity_ordered),
        quantityReceived: Number(l.quantity_received),
        quantityCancelled: Number(l.quantity_cancelled),
      })),
    );
    await trx
      .updateTable('purchase_orders')
      .set({
        status,
        updated_at: receivedAtIso,
        ...(status === 'received' ? { received_at: receivedAtIso } : {}),
      })
      .where('id', '=', line.poId)
      .execute();
    return Number(receipt.id);
  });
}

/** Line ids of a PO in line-number order. */
export async function poLineIds(database: Database, purchaseOrderId: number): Promise<number[]> {
  const rows = await database.db
    .selectFrom('purchase_order_lines')
    .select('id')
    .where('purchase_order_id', '=', purchaseOrderId)
    .orderBy('line_number')
    .execute();
  return rows.map((r) => Number(r.id));
}
