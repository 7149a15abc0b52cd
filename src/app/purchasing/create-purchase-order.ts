import type { Tx } from '../../adapters/db/database.js';
import { addDays } from '../../core/purchasing/atp.js';
import { checkDate } from '../../core/purchasing/po-lines.js';
import { fail, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { nextSerial } from '../fulfillment/packing/sscc-serial.js';
import { insertPoLines } from './po-line-writer.js';
import { mustFindSupplier } from './suppliers.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';

export interface PurchaseOrderLineInput {
  skuId: number;
  /** Base units. */
  quantity: number;
  /** Defaults to the supplier's cost for the SKU, else the SKU's standard cost. */
  unitCostMinor?: number | undefined;
  expectedDate?: string | undefined;
}

export interface PurchaseOrderInput {
  supplierId: number;
  warehouseId: number;
  /** Defaults to today plus the supplier's lead time. */
  expectedDate?: string | undefined;
  notes?: string | undefined;
  source?: 'manual' | 'replenishment';
  replenishmentRunId?: number | undefined;
  lines: readonly PurchaseOrderLineInput[];
}

export interface CreatedPurchaseOrder {
  id: number;
  number: string;
}

/**
 * A draft purchase order numbered PO-000001…, its lines costed from the supplier's price list.
 * The supplier must be active; the PO takes the supplier's currency.
 */
export async function createPurchaseOrder(
  trx: Tx,
  input: PurchaseOrderInput,
  actor: string,
  nowIso: string,
): Promise<CreatedPurchaseOrder> {
  const supplier = await mustFindSupplier(trx, input.supplierId);
  if (!Number(supplier.active))
    must(
      fail('PURCHASING.SUPPLIER_INACTIVE', `Supplier ${supplier.code} is inactive`, {
        supplierId: input.supplierId,
      }),
    );
  await mustFindWarehouse(trx, input.warehouseId);
  must(checkDate('expectedDate', input.expectedDate));

  const expectedDate =
    input.expectedDate ??
    addDays(
      await businessToday(trx, input.warehouseId, new Date(nowIso)),
      Number(supplier.lead_time_days),
    );
  const number = `PO-${String(await nextSerial(trx, 'purchase_order')).padStart(6, '0')}`;
  const { id } = await trx
    .insertInto('purchase_orders')
    .values({
      number,
      supplier_id: supplier.id,
      warehouse_id: input.warehouseId,
      status: 'draft',
      currency: supplier.currency,
      expected_date: expectedDate,
      source: input.source ?? 'manual',
      replenishment_run_id: input.replenishmentRunId ?? null,
      notes: input.notes ?? null,
      created_by: actor,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPoLines(trx, Number(id), Number(supplier.id), input.lines);
  await appendEvent(
    trx,
    {
      type: 'purchase_order.created',
      aggregateType: 'purchase_order',
      aggregateId: Number(id),
      payload: {
        id: Number(id),
        number,
        supplierId: Number(supplier.id),
        warehouseId: input.warehouseId,
        source: input.source ?? 'manual',
        lines: input.lines.length,
      },
    },
    nowIso,
  );
  return { id: Number(id), number };
}

export async function mustFindWarehouse(trx: Tx, warehouseId: number): Promise<void> {
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!warehouse)
    must(fail('PURCHASING.WAREHOUSE_NOT_FOUND', `No warehouse ${warehouseId}`, { warehouseId }));
}
