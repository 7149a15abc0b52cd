import type { Kysely, Migration } from 'kysely';

/**
 * A trading partner may be one of our suppliers: only then are its 856 ship notices taken,
 * and only for that supplier's purchase orders.
 */
export function partnerSupplier(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('trading_partners')
        .addColumn('supplier_id', 'bigint', (c) => c.references('suppliers.id'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('trading_partners').dropColumn('supplier_id').execute();
    },
  };
}
