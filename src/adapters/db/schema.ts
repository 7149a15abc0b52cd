import type { Generated } from 'kysely';
import type { CountTables } from './schema-counts.js';
import type { KpiTables } from './schema-kpis.js';
import type { WebhookTables } from './schema-webhooks.js';
import type { UserTables } from './schema-users.js';
import type { EdiTables } from './schema-edi.js';
import type { ImportTables } from './schema-imports.js';
import type { FulfillmentTables } from './schema-fulfillment.js';
import type { PurchasingTables } from './schema-purchasing.js';
import type { SalesTables } from './schema-sales.js';
import type { ReceivingTables } from './schema-receiving.js';

/**
 * The tables as Kysely sees them. One schema for SQLite and PostgreSQL: timestamps are
 * ISO-8601 UTC text, dates are `YYYY-MM-DD` text, flags are 0/1 integers, money is integer
 * minor units — so every query returns the same shapes on both dialects.
 */
export interface SkuTable {
  id: Generated<number>;
  code: string;
  name: string;
  category: string;
  gtin: string | null;
  base_unit: string;
  weight_g: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  lot_tracked: number;
  shelf_life_days: number | null;
  standard_cost_minor: number;
  currency: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SkuPackTable {
  id: Generated<number>;
  sku_id: number;
  level: string;
  quantity: number;
  gtin: string | null;
  weight_g: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
}

export interface WarehouseTable {
  id: Generated<number>;
  code: string;
  name: string;
  time_zone: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
  created_at: string;
}

export interface LocationTable {
  id: Generated<number>;
  warehouse_id: number;
  code: string;
  barcode: string | null;
  type: string;
  virtual: number;
  zone: string | null;
  aisle: string | null;
  bay: string | null;
  level: string | null;
  bin: string | null;
  pick_sequence: number;
  capacity_units: number | null;
  active: number;
  created_at: string;
}

export interface LotTable {
  id: Generated<number>;
  sku_id: number;
  code: string;
  expiry_date: string | null;
  created_at: string;
}

export interface StockMovementTable {
  id: Generated<number>;
  sku_id: number;
  /** 0 when the SKU is not lot-tracked. */
  lot_id: number;
  from_location_id: number;
  to_location_id: number;
  quantity: number;
  type: string;
  reason_code: string | null;
  reference: string | null;
  actor: string;
  created_at: string;
}

export interface StockBalanceTable {
  location_id: number;
  sku_id: number;
  lot_id: number;
  warehouse_id: number;
  on_hand: number;
  allocated: number;
  updated_at: string;
}

export interface TransferTable {
  id: Generated<number>;
  sku_id: number;
  lot_id: number;
  quantity: number;
  from_warehouse_id: number;
  to_warehouse_id: number;
  from_location_id: number;
  to_location_id: number | null;
  status: string;
  actor: string;
  created_at: string;
  received_at: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  customer_id: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface IdempotencyKeyTable {
  api_key_id: number;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface OutboxEventTable {
  id: Generated<number>;
  event_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  created_at: string;
}

/** One row (id 1): moved by triggers on every change of order-entry master data. */
export interface MasterDataVersionTable {
  id: number;
  version: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Tables
  extends
    SalesTables,
    FulfillmentTables,
    PurchasingTables,
    CountTables,
    KpiTables,
    WebhookTables,
    UserTables,
    EdiTables,
    ImportTables,
    ReceivingTables {
  skus: SkuTable;
  sku_packs: SkuPackTable;
  warehouses: WarehouseTable;
  locations: LocationTable;
  lots: LotTable;
  stock_movements: StockMovementTable;
  stock_balances: StockBalanceTable;
  transfers: TransferTable;
  api_keys: ApiKeyTable;
  idempotency_keys: IdempotencyKeyTable;
  outbox_events: OutboxEventTable;
  master_data_version: MasterDataVersionTable;
  settings: SettingTable;
}

export type * from './schema-counts.js';
export type * from './schema-fulfillment.js';
export type * from './schema-purchasing.js';
export type * from './schema-sales.js';
