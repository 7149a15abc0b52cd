import type { Kysely, Migration } from 'kysely';
import type { Tables } from '../schema.js';
import { big, float, notNull, type Ddl } from './columns.js';

const DAY_MS = 86_400_000;

/**
 * Observed lead time as running totals per supplier × SKU: one sample per PO line, added when
 * the line's first goods arrive. The nightly run asked every PO line ever received for its
 * first receipt, so its cost grew with the purchasing history (issue 15); it now reads one row
 * per pair. Filled here from the receipts so far.
 */
export function leadTimeTotals(ddl: Ddl): Migration {
  return {
    async up(schemaDb: Kysely<unknown>) {
      // The backfill reads today's tables with their row types.
      const db = schemaDb as unknown as Kysely<Tables>;
      await schemaDb.schema
        .createTable('lead_time_totals')
        .addColumn('supplier_id', big, (c) => c.notNull().references('suppliers.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('samples', big, notNull)
        .addColumn('sum_days', float(ddl), notNull)
        .addColumn('sum_squared_days', float(ddl), notNull)
        .addPrimaryKeyConstraint('lead_time_totals_pk', ['supplier_id', 'sku_id'])
        .execute();
      const firsts = await db
        .selectFrom('receipts as r')
        .innerJoin('purchase_order_lines as pl', 'pl.id', 'r.purchase_order_line_id')
        .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
        .select(['po.supplier_id', 'pl.sku_id', 'pl.id'])
        .select((eb) => [
          eb.fn.max('po.sent_at').as('sent_at'),
          eb.fn.min('r.received_at').as('at'),
        ])
        .where('po.sent_at', 'is not', null)
        .groupBy(['po.supplier_id', 'pl.sku_id', 'pl.id'])
        .execute();
      const totals = new Map<string, { supplier_id: number; sku_id: number; days: number[] }>();
      for (const f of firsts) {
        const key = `${f.supplier_id}/${f.sku_id}`;
        const pair = totals.get(key) ?? { supplier_id: f.supplier_id, sku_id: f.sku_id, days: [] };
        pair.days.push((Date.parse(String(f.at)) - Date.parse(String(f.sent_at))) / DAY_MS);
        totals.set(key, pair);
      }
      const rows = [...totals.values()].map((p) => ({
        supplier_id: p.supplier_id,
        sku_id: p.sku_id,
        samples: p.days.length,
        sum_days: p.days.reduce((s, d) => s + d, 0),
        sum_squared_days: p.days.reduce((s, d) => s + d * d, 0),
      }));
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('lead_time_totals')
          .values(rows.slice(i, i + 500))
          .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('lead_time_totals').execute();
    },
  };
}
