import type { Tx } from '../../adapters/db/database.js';
import { checkPoLines, type PoLineRequest } from '../../core/purchasing/po-lines.js';
import { fail, must } from '../../core/shared/result.js';

/**
 * Writes a PO's lines 1…n, each costed from the supplier's price list unless the buyer gave a
 * cost (else the SKU's standard cost), with the supplier's part number copied so the PO reads
 * the same after the price list changes.
 */
export async function insertPoLines(
  trx: Tx,
  purchaseOrderId: number,
  supplierId: number,
  lines: readonly PoLineRequest[],
): Promise<void> {
  must(checkPoLines(lines));
  const skuIds = lines.map((l) => l.skuId);
  const costs = await trx
    .selectFrom('skus')
    .leftJoin('supplier_skus', (j) =>
      j
        .onRef('supplier_skus.sku_id', '=', 'skus.id')
        .on('supplier_skus.supplier_id', '=', supplierId),
    )
    .select([
      'skus.id',
      'skus.standard_cost_minor',
      'supplier_skus.cost_minor',
      'supplier_skus.supplier_sku',
    ])
    .where('skus.id', 'in', skuIds)
    .execute();
  const bySku = new Map(costs.map((c) => [Number(c.id), c]));
  const rows = lines.map((line, i) => {
    const cost = bySku.get(line.skuId);
    if (!cost)
      must(
        fail('PURCHASING.SKU_NOT_FOUND', `Line ${i + 1}: no SKU ${line.skuId}`, {
          lineNumber: i + 1,
          skuId: line.skuId,
        }),
      );
    return {
      purchase_order_id: purchaseOrderId,
      line_number: i + 1,
      sku_id: line.skuId,
      supplier_sku: cost!.supplier_sku ?? null,
      quantity_ordered: line.quantity,
      unit_cost_minor: line.unitCostMinor ?? Number(cost!.cost_minor ?? cost!.standard_cost_minor),
      expected_date: line.expectedDate ?? null,
    };
  });
  await trx.insertInto('purchase_order_lines').values(rows).execute();
}
