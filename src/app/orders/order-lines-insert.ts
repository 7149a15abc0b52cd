import type { Tx } from '../../adapters/db/database.js';
import type { PricedLine } from '../../core/pricing/line-pricing.js';

/** Adds priced lines to an existing order (edits); returns their ids in the order given. */
export async function insertLines(
  trx: Tx,
  orderId: number,
  priced: readonly PricedLine[],
  inputs: readonly { notes?: string | undefined }[],
  nowIso: string,
  firstLineNumber = 1,
): Promise<number[]> {
  const rows = await trx
    .insertInto('order_lines')
    .values(
      priced.map((p, i) => ({
        order_id: orderId,
        line_number: firstLineNumber + i,
        sku_id: p.skuId,
        pack_level: p.packLevel,
        pack_quantity: p.packQuantity,
        quantity_ordered: p.quantityBase,
        unit_price_minor: p.unitPriceMinor,
        line_total_minor: p.lineTotalMinor,
        price_source: p.priceSource,
        notes: inputs[i]?.notes ?? null,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    )
    .returning(['id', 'line_number'])
    .execute();
  // In the order of `priced`, whatever order the database returned the rows in.
  const ids: number[] = [];
  for (const r of rows) ids[r.line_number - firstLineNumber] = r.id;
  return ids;
}
