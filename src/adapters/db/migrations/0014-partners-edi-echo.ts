import type { Kysely, Migration } from 'kysely';

/**
 * What a partner called each order line beyond the three ids we look items up by: every
 * qualifier/id pair of the PO1 as sent (JSON) and PO1-05, so 855, 856 and 810 echo them.
 */
export function partnersEdiEcho(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('edi_order_lines').addColumn('product_ids', 'text').execute();
      await db.schema.alterTable('edi_order_lines').addColumn('price_basis', 'text').execute();
    },
  };
}
