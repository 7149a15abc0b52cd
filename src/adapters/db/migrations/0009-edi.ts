import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Trading partners, their item cross-reference, every interchange in and out. */
export function edi(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('trading_partners'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('isa_qualifier', 'text', notNull)
        .addColumn('isa_id', 'text', notNull)
        .addColumn('gs_id', 'text', notNull)
        .addColumn('our_isa_qualifier', 'text', notNull)
        .addColumn('our_isa_id', 'text', notNull)
        .addColumn('our_gs_id', 'text', notNull)
        .addColumn('version', 'text', (c) =>
          c.notNull().check(sql`version in ('004010', '005010')`),
        )
        .addColumn('element_separator', 'text', notNull)
        .addColumn('component_separator', 'text', notNull)
        .addColumn('repetition_separator', 'text', notNull)
        .addColumn('segment_terminator', 'text', notNull)
        .addColumn('send_997', 'integer', notNull)
        .addColumn('send_855', 'integer', notNull)
        .addColumn('usage', 'text', (c) => c.notNull().check(sql`usage in ('P', 'T')`))
        .addColumn('active', 'integer', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        // The ISA sender pair is how an inbound file finds its partner.
        .addUniqueConstraint('trading_partners_isa', ['isa_qualifier', 'isa_id'])
        .execute();

      await withId(ddl, db.schema.createTable('partner_item_xref'))
        .addColumn('partner_id', big, (c) =>
          c.notNull().references('trading_partners.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(sql`kind in ('buyer_part', 'vendor_part', 'gtin')`),
        )
        .addColumn('value', 'text', notNull)
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('pack_level', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addUniqueConstraint('partner_item_xref_once', ['partner_id', 'kind', 'value'])
        .execute();

      await withId(ddl, db.schema.createTable('edi_interchanges'))
        .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('in', 'out')`))
        .addColumn('partner_id', big, (c) => c.references('trading_partners.id'))
        .addColumn('control_number', 'text', notNull)
        .addColumn('set_id', 'text', notNull)
        .addColumn('raw', 'text', notNull)
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .check(sql`status in ('received', 'processed', 'error', 'duplicate', 'ready', 'sent')`),
        )
        .addColumn('error_reason', 'text')
        .addColumn('order_ids', 'text', notNull)
        .addColumn('outcome', 'text', notNull)
        .addColumn('source', 'text', notNull)
        .addColumn('ack_of', big, (c) => c.references('edi_interchanges.id'))
        .addColumn('duplicate_of', big, (c) => c.references('edi_interchanges.id'))
        .addColumn('shipment_id', big)
        .addColumn('invoice_id', big)
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      // Duplicate detection: one original per partner, direction and ISA13. Re-sent copies are
      // kept too (nothing is dropped), marked by duplicate_of, outside the index.
      await db.schema
        .createIndex('edi_interchanges_control')
        .on('edi_interchanges')
        .columns(['partner_id', 'direction', 'control_number'])
        .unique()
        .where(sql.ref('duplicate_of'), 'is', null)
        .execute();
      await db.schema
        .createIndex('edi_interchanges_status')
        .on('edi_interchanges')
        .columns(['direction', 'status', 'id'])
        .execute();

      await db.schema
        .createTable('edi_order_lines')
        .addColumn('order_line_id', big, (c) => c.primaryKey().references('order_lines.id'))
        .addColumn('interchange_id', big, (c) => c.notNull().references('edi_interchanges.id'))
        .addColumn('line_id', 'text', notNull)
        .addColumn('unit', 'text', notNull)
        .addColumn('unit_price_minor', big)
        .addColumn('gtin', 'text')
        .addColumn('vendor_part', 'text')
        .addColumn('buyer_part', 'text')
        .execute();
    },
  };
}
