import type { Kysely, Migration } from 'kysely';

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
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('receipts_purchase_order_line').execute();
    },
  };
}
