import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A carton is packed in one warehouse: an order split between warehouses (for customers who
 * take split shipments) is picked, packed and shipped in each, from that warehouse's staging.
 * Existing cartons were all packed in their order's warehouse.
 */
export function cartonWarehouse(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('cartons')
        .addColumn('warehouse_id', 'bigint', (c) => c.references('warehouses.id'))
        .execute();
      await sql`update cartons set warehouse_id =
        (select o.warehouse_id from orders o where o.id = cartons.order_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('cartons').dropColumn('warehouse_id').execute();
    },
  };
}
