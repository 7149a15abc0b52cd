import type { Tx } from '../../adapters/db/database.js';
import { minorToDecimal } from '../../core/imports/cells.js';
import { CUSTOMER_COLUMNS } from '../../core/imports/customer-rows.js';
import { OPENING_STOCK_COLUMNS } from '../../core/imports/opening-stock-rows.js';
import { ORDER_COLUMNS } from '../../core/imports/order-rows.js';
import { PRICE_LIST_COLUMNS, SUPPLIER_COLUMNS } from '../../core/imports/party-rows.js';
import { PRODUCT_COLUMNS } from '../../core/imports/product-rows.js';
import { pagedById, type ExportRow } from './export-rows.js';

/** The lists that can be exported; each is the import file of the same kind, plus extras. */
export const EXPORT_KINDS = [
  'products',
  'stock',
  'customers',
  'price_lists',
  'suppliers',
  'orders',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A list to export: its columns and its rows, paged from the store. */
export interface ExportList {
  columns: readonly string[];
  rows: AsyncIterable<ExportRow>;
}

const money = (minor: number | null) => (minor === null ? '' : minorToDecimal(Number(minor)));

/**
 * The rows of a list screen in the columns its import reads, so export → edit → import
 * works (products, customers, suppliers, price lists, opening stock); orders add their
 * status and figures after the import columns.
 */
export function exportList(db: Tx, kind: ExportKind): ExportList {
  const lists: Record<ExportKind, () => ExportList> = {
    products: () => ({ columns: PRODUCT_COLUMNS, rows: productRows(db) }),
    stock: () => ({ columns: [...OPENING_STOCK_COLUMNS, 'allocated'], rows: stockRows(db) }),
    customers: () => ({ columns: CUSTOMER_COLUMNS, rows: customerRows(db) }),
    price_lists: () => ({ columns: PRICE_LIST_COLUMNS, rows: priceRows(db) }),
    suppliers: () => ({ columns: SUPPLIER_COLUMNS, rows: supplierRows(db) }),
    orders: () => ({
      columns: [...ORDER_COLUMNS, 'status', 'unit_price', 'quantity_cancelled', 'created_at'],
      rows: orderRows(db),
    }),
  };
  return lists[kind]();
}

async function* productRows(db: Tx): AsyncIterable<ExportRow> {
  const skus = pagedById((after, limit) =>
    db.selectFrom('skus').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
  );
  for await (const page of chunks(skus, 500)) {
    const packs = await db
      .selectFrom('sku_packs')
      .selectAll()
      .where(
        'sku_id',
        'in',
        page.map((s) => s.id),
      )
      .execute();
    for (const s of page) {
      const row: Record<string, string | number | null> = {
        code: s.code,
        name: s.name,
        category: s.category,
        gtin: s.gtin,
        weight_g: s.weight_g,
        length_mm: s.length_mm,
        width_mm: s.width_mm,
        height_mm: s.height_mm,
        lot_tracked: s.lot_tracked,
        shelf_life_days: s.shelf_life_days,
        standard_cost: money(s.standard_cost_minor),
        currency: s.currency,
        active: s.active,
      };
      for (const p of packs.filter((p) => Number(p.sku_id) === Number(s.id))) {
        row[`${p.level}_quantity`] = p.quantity;
        row[`${p.level}_gtin`] = p.gtin;
      }
      yield row;
    }
  }
}

function stockRows(db: Tx): AsyncIterable<ExportRow> {
  // Balances have no id of their own: page through SKUs and take every balance of each page.
  return flatMapPages(
    pagedById((after, limit) =>
      db
        .selectFrom('skus')
        .select(['id', 'code'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute(),
    ),
    async (skus) => {
      const rows = await db
        .selectFrom('stock_balances as b')
        .innerJoin('skus as s', 's.id', 'b.sku_id')
        .innerJoin('locations as l', 'l.id', 'b.location_id')
        .innerJoin('warehouses as w', 'w.id', 'b.warehouse_id')
        .innerJoin('lots as lot', 'lot.id', 'b.lot_id')
        .select([
          's.code as sku',
          'w.code as wh',
          'l.code as loc',
          'lot.code as lot',
          'lot.expiry_date',
          'b.on_hand',
          'b.allocated',
        ])
        .where('l.virtual', '=', 0)
        .where('b.on_hand', '>', 0)
        .where(
          'b.sku_id',
          'in',
          skus.map((s) => s.id),
        )
        .orderBy('b.sku_id')
        .orderBy('b.location_id')
        .execute();
      return rows.map((r) => ({
        sku_code: r.sku,
        warehouse_code: r.wh,
        location_code: r.loc,
        quantity: Number(r.on_hand),
        lot_code: r.lot,
        expiry_date: r.expiry_date,
        allocated: Number(r.allocated),
      }));
    },
  );
}

async function* customerRows(db: Tx): AsyncIterable<ExportRow> {
  const rows = pagedById((after, limit) =>
    db
      .selectFrom('customers')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
  for await (const c of rows)
    yield {
      account_number: c.account_number,
      name: c.name,
      email: c.email,
      phone: c.phone,
      address_line1: c.bill_to_line1,
      address_line2: c.bill_to_line2,
      city: c.bill_to_city,
      region: c.bill_to_region,
      postal_code: c.bill_to_postal_code,
      country: c.bill_to_country,
      currency: c.currency,
      payment_terms_days: c.payment_terms_days,
      credit_limit: money(c.credit_limit_minor),
      priority: c.priority,
      active: c.active,
    };
}

async function* priceRows(db: Tx): AsyncIterable<ExportRow> {
  const rows = pagedById((after, limit) =>
    db
      .selectFrom('price_list_prices as p')
      .innerJoin('price_lists as l', 'l.id', 'p.price_list_id')
      .innerJoin('skus as s', 's.id', 'p.sku_id')
      .select([
        'p.id',
        'l.code',
        'l.name',
        'l.currency',
        's.code as sku',
        'p.pack_level',
        'p.min_quantity',
        'p.unit_price_minor',
        'p.valid_from',
        'p.valid_to',
      ])
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(limit)
      .execute(),
  );
  for await (const p of rows)
    yield {
      price_list_code: p.code,
      price_list_name: p.name,
      currency: p.currency,
      sku_code: p.sku,
      pack_level: p.pack_level,
      min_quantity: p.min_quantity,
      unit_price: money(p.unit_price_minor),
      valid_from: p.valid_from,
      valid_to: p.valid_to,
    };
}

async function* supplierRows(db: Tx): AsyncIterable<ExportRow> {
  const rows = pagedById((after, limit) =>
    db
      .selectFrom('suppliers')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
  for await (const s of rows)
    yield {
      code: s.code,
      name: s.name,
      contact_name: s.contact_name,
      email: s.email,
      phone: s.phone,
      currency: s.currency,
      lead_time_days: s.lead_time_days,
      min_order_value: money(s.min_order_value_minor),
      min_order_quantity: s.min_order_quantity,
      active: s.active,
    };
}

async function* orderRows(db: Tx): AsyncIterable<ExportRow> {
  const rows = pagedById((after, limit) =>
    db
      .selectFrom('order_lines as ol')
      .innerJoin('orders as o', 'o.id', 'ol.order_id')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .innerJoin('skus as s', 's.id', 'ol.sku_id')
      .select([
        'ol.id',
        'o.id as order_id',
        'o.customer_po',
        'c.account_number',
        's.code as sku',
        'ol.pack_level',
        'ol.pack_quantity',
        'o.requested_ship_date',
        'ol.notes',
        'o.status',
        'ol.unit_price_minor',
        'ol.quantity_cancelled',
        'o.created_at',
      ])
      .where('ol.id', '>', after)
      .orderBy('ol.id')
      .limit(limit)
      .execute(),
  );
  for await (const l of rows)
    yield {
      order_ref: l.customer_po ?? `SO-${l.order_id}`,
      customer_account: l.account_number,
      sku_code: l.sku,
      pack_level: l.pack_level,
      quantity: Number(l.pack_quantity),
      requested_ship_date: l.requested_ship_date,
      notes: l.notes,
      status: l.status,
      unit_price: money(l.unit_price_minor),
      quantity_cancelled: Number(l.quantity_cancelled),
      created_at: l.created_at,
    };
}

async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function* flatMapPages<T, R>(
  items: AsyncIterable<T>,
  map: (page: T[]) => Promise<R[]>,
): AsyncIterable<R> {
  for await (const page of chunks(items, 500)) yield* await map(page);
}
