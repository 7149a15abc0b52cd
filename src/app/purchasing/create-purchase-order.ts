import type { Tx } from '../../adapters/db/database.js';
import { fail, must, ok } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { nextSerial } from '../fulfillment/packing/sscc-serial.js';

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

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A draft purchase order numbered PO-000001…, its lines costed from the supplier's price list. */
export async function createPurchaseOrder(
  trx: Tx,
  input: PurchaseOrderInput,
  actor: string,
  nowIso: string,
): Promise<CreatedPurchaseOrder> {
  const supplier = await trx
    .selectFrom('suppliers')
    .selectAll()
    .where('id', '=', input.supplierId)
    .executeTakeFirst();
  if (!supplier) must(fail('PURCHASING.SUPPLIER_NOT_FOUND', `No supplier ${input.supplierId}.`));
  if (!supplier!.active)
    must(fail('PURCHASING.SUPPLIER_INACTIVE', `Supplier ${supplier!.code} is inactive.`));
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse)
    must(fail('PURCHASING.WAREHOUSE_NOT_FOUND', `No warehouse ${input.warehouseId}.`));
  must(input.lines.length > 0 ? ok(true) : fail('PURCHASING.NO_LINES', 'A PO needs a line.'));

  const expectedDate = input.expectedDate ?? addDays(nowIso.slice(0, 10), supplier!.lead_time_days);
  const number = `PO-${String(await nextSerial(trx, 'purchase_order')).padStart(6, '0')}`;
  const { id } = await trx
    .insertInto('purchase_orders')
    .values({
      number,
      supplier_id: supplier!.id,
      warehouse_id: input.warehouseId,
      status: 'draft',
      currency: supplier!.currency,
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

  let lineNumber = 0;
  for (const line of input.lines) {
    lineNumber++;
    if (!Number.isInteger(line.quantity) || line.quantity <= 0)
      must(
        fail('PURCHASING.BAD_QUANTITY', `Line ${lineNumber}: quantity must be a positive integer.`),
      );
    const costs = await trx
      .selectFrom('skus')
      .leftJoin('supplier_skus', (j) =>
        j
          .onRef('supplier_skus.sku_id', '=', 'skus.id')
          .on('supplier_skus.supplier_id', '=', supplier!.id),
      )
      .select([
        'skus.id',
        'skus.standard_cost_minor',
        'supplier_skus.cost_minor',
        'supplier_skus.supplier_sku',
      ])
      .where('skus.id', '=', line.skuId)
      .executeTakeFirst();
    if (!costs) must(fail('PURCHASING.SKU_NOT_FOUND', `Line ${lineNumber}: no SKU ${line.skuId}.`));
    await trx
      .insertInto('purchase_order_lines')
      .values({
        purchase_order_id: Number(id),
        line_number: lineNumber,
        sku_id: line.skuId,
        supplier_sku: costs!.supplier_sku ?? null,
        quantity_ordered: line.quantity,
        unit_cost_minor: line.unitCostMinor ?? costs!.cost_minor ?? costs!.standard_cost_minor,
        expected_date: line.expectedDate ?? null,
      })
      .execute();
  }
  await appendEvent(
    trx,
    {
      type: 'purchase_order.created',
      aggregateType: 'purchase_order',
      aggregateId: Number(id),
      payload: { id: Number(id), number, supplierId: supplier!.id, lines: input.lines.length },
    },
    nowIso,
  );
  return { id: Number(id), number };
}
