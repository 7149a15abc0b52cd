import type { Kysely, Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/**
 * Suppliers' 856 ship notices: the notice, its pallets and cartons by SSCC (unique: a label
 * scanned at the dock finds exactly one), and the items in each with the PO line they fill.
 */
export function inboundAsns(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('inbound_asns'))
        .addColumn('partner_id', big, (c) => c.notNull().references('trading_partners.id'))
        .addColumn('interchange_id', big, (c) => c.notNull().references('edi_interchanges.id'))
        .addColumn('shipment_number', 'text', notNull)
        .addColumn('ship_date', 'text')
        .addColumn('status', 'text', notNull)
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('inbound_asns_partner_shipment', ['partner_id', 'shipment_number'])
        .execute();
      await withId(ddl, db.schema.createTable('asn_containers'))
        .addColumn('asn_id', big, (c) => c.notNull().references('inbound_asns.id'))
        .addColumn('sscc', 'text', (c) => c.notNull().unique())
        .addColumn('level', 'text', notNull)
        .addColumn('parent_id', big, (c) => c.references('asn_containers.id'))
        .addColumn('received_at', 'text')
        .addColumn('received_by', 'text')
        .execute();
      await withId(ddl, db.schema.createTable('asn_items'))
        .addColumn('asn_id', big, (c) => c.notNull().references('inbound_asns.id'))
        .addColumn('container_id', big, (c) => c.notNull().references('asn_containers.id'))
        .addColumn('line_ref', 'text', notNull)
        .addColumn('product_ids', 'text', notNull)
        .addColumn('shipped_quantity', big, notNull)
        .addColumn('shipped_unit', 'text', notNull)
        .addColumn('purchase_order_id', big, (c) => c.notNull().references('purchase_orders.id'))
        .addColumn('purchase_order_line_id', big, (c) => c.references('purchase_order_lines.id'))
        .addColumn('sku_id', big, (c) => c.references('skus.id'))
        .addColumn('quantity', big)
        .addColumn('lot_code', 'text')
        .addColumn('expiry_date', 'text')
        .addColumn('discrepancy', 'text')
        .addColumn('receipt_id', big, (c) => c.references('receipts.id'))
        .execute();
      await db.schema
        .createIndex('asn_items_container')
        .on('asn_items')
        .column('container_id')
        .execute();
      await db.schema
        .createIndex('asn_items_po')
        .on('asn_items')
        .column('purchase_order_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('asn_items').execute();
      await db.schema.dropTable('asn_containers').execute();
      await db.schema.dropTable('inbound_asns').execute();
    },
  };
}
