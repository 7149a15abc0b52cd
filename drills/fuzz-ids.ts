import { sql, type Kysely } from 'kysely';
import type { Tables } from '../src/adapters/db/schema.js';

/** Body and query fields that name a row, by the table they point into. */
const FIELD_TABLES: Record<string, string> = {
  skuId: 'skus',
  customerId: 'customers',
  warehouseId: 'warehouses',
  preferredWarehouseId: 'warehouses',
  toWarehouseId: 'warehouses',
  locationId: 'locations',
  fromLocationId: 'locations',
  toLocationId: 'locations',
  lotId: 'lots',
  orderId: 'orders',
  orderIds: 'orders',
  orderLineId: 'order_lines',
  lineId: 'order_lines',
  priceListId: 'price_lists',
  supplierId: 'suppliers',
  preferredSupplierId: 'suppliers',
  cartonTypeId: 'carton_types',
  cartonIds: 'cartons',
  shipToId: 'customer_ship_tos',
  priceId: 'price_list_prices',
  endpointId: 'webhook_endpoints',
  partnerId: 'trading_partners',
  xrefId: 'partner_item_xref',
  receiptId: 'receipts',
  returnLineId: 'return_lines',
  shipmentId: 'shipments',
  taskId: 'pick_tasks',
  movementIds: 'stock_movements',
  putawayTaskIds: 'move_tasks',
  suggestionIds: 'replenishment_suggestions',
};

/** Path `{id}` parameters, by the path segment before them (`/orders/{id}` → orders). */
const SEGMENT_TABLES: Record<string, string> = {
  'api-keys': 'api_keys',
  orders: 'orders',
  warehouses: 'warehouses',
  locations: 'locations',
  skus: 'skus',
  customers: 'customers',
  'price-lists': 'price_lists',
  'carton-types': 'carton_types',
  cartons: 'cartons',
  shipments: 'shipments',
  waves: 'waves',
  'pick-tasks': 'pick_tasks',
  returns: 'returns',
  suppliers: 'suppliers',
  'purchase-orders': 'purchase_orders',
  'move-tasks': 'move_tasks',
  runs: 'replenishment_runs',
  suggestions: 'replenishment_suggestions',
  'count-plans': 'count_plans',
  'count-tasks': 'count_tasks',
  endpoints: 'webhook_endpoints',
  deliveries: 'webhook_deliveries',
  interchanges: 'edi_interchanges',
  partners: 'trading_partners',
  invoices: 'invoices',
  users: 'users',
  imports: 'import_jobs',
  transfers: 'transfers',
};

/** String path parameters that name a row by a code: the column holding real values. */
const CODE_COLUMNS: Record<string, [table: string, column: string]> = {
  barcode: ['locations', 'barcode'],
  code: ['skus', 'code'],
  gtin: ['skus', 'gtin'],
};

const SAMPLE = 300;

/**
 * The store's real ids (and codes), sampled per table, so generated requests mostly name
 * things that exist. `spared` ids are never offered: the API keys the fuzzer itself signs in
 * with must not be revoked by its own `DELETE /api-keys/{id}`.
 */
export class IdPool {
  private readonly byTable = new Map<string, number[]>();
  private readonly codes = new Map<string, string[]>();

  constructor(private readonly spared: { api_keys: readonly number[] }) {}

  /** Reads the latest ids (newest first), so rows the run created are named too. */
  async refresh(db: Kysely<Tables>): Promise<void> {
    const tables = new Set([...Object.values(FIELD_TABLES), ...Object.values(SEGMENT_TABLES)]);
    for (const table of tables) {
      const result = await sql<{
        id: number;
      }>`select id from ${sql.table(table)} order by id desc limit ${SAMPLE}`.execute(db);
      const spared = table === 'api_keys' ? this.spared.api_keys : [];
      this.byTable.set(
        table,
        result.rows.map((r) => Number(r.id)).filter((id) => !spared.includes(id)),
      );
    }
    for (const [name, [table, column]] of Object.entries(CODE_COLUMNS)) {
      const result = await sql<{
        v: string | null;
      }>`select ${sql.ref(column)} as v from ${sql.table(
        table,
      )} where ${sql.ref(column)} is not null limit ${SAMPLE}`.execute(db);
      this.codes.set(
        name,
        result.rows.map((r) => r.v!),
      );
    }
  }

  /** Real ids for a body or query field (`skuId`, `orderIds`), or undefined for other fields. */
  forField = (field: string): readonly number[] | undefined => {
    const table = FIELD_TABLES[field];
    return table ? (this.byTable.get(table) ?? []) : undefined;
  };

  /** Real ids for a path parameter of `path` (`{id}` by its segment, `{skuId}` by name). */
  forPathParameter(path: string, name: string): readonly number[] | undefined {
    if (name !== 'id') return this.forField(name);
    const segments = path.split('/');
    const at = segments.indexOf('{id}');
    const table = SEGMENT_TABLES[segments[at - 1] ?? ''];
    return table ? (this.byTable.get(table) ?? []) : undefined;
  }

  /** Real codes for a string path parameter (`{barcode}`, `{code}`, `{gtin}`). */
  codesFor(name: string): readonly string[] | undefined {
    return this.codes.get(name);
  }
}
