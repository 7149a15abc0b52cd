import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes that history made necessary: the replenishment run asks each SKU's observed lead
 * time (receipts by PO line), which scanned every receipt once a year of purchasing built up.
 */
export function lookupIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('receipts_purchase_order_line')
        .on('receipts')
        .column('purchase_order_line_id')
        .execute();
      await db.schema
        .createIndex('stock_balances_held_by_warehouse')
        .on('stock_balances')
        .column('warehouse_id')
        .where(sql.ref('on_hand'), '>', sql.lit(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('stock_balances_held_by_warehouse').execute();
      await db.schema.dropIndex('receipts_purchase_order_line').execute();
    },
  };
}
