import type { Generated } from 'kysely';

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

export interface SettingTable {
  key: string;
  value: string;
}

export interface Tables extends SalesTables {
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
  settings: SettingTable;
}

export interface PriceListTable {
  id: Generated<number>;
  code: string;
  name: string;
  currency: string;
  active: number;
  created_at: string;
}

export interface CustomerTable {
  id: Generated<number>;
  account_number: string;
  name: string;
  email: string | null;
  phone: string | null;
  bill_to_line1: string;
  bill_to_line2: string | null;
  bill_to_city: string;
  bill_to_region: string | null;
  bill_to_postal_code: string;
  bill_to_country: string;
  price_list_id: number | null;
  currency: string;
  payment_terms_days: number;
  /** Null: no credit limit. */
  credit_limit_minor: number | null;
  on_hold: number;
  hold_reason: string | null;
  /** 1 is served first, 9 last. */
  priority: number;
  preferred_warehouse_id: number | null;
  ship_complete: number;
  allow_backorders: number;
  min_remaining_shelf_life_days: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerShipToTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
  is_default: number;
}

export interface CustomerSkuRuleTable {
  customer_id: number;
  sku_id: number;
  min_remaining_shelf_life_days: number;
}

export interface PriceTable {
  id: Generated<number>;
  sku_id: number;
  pack_level: string;
  min_quantity: number;
  unit_price_minor: number;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PriceListPriceTable extends PriceTable {
  price_list_id: number;
}

export interface CustomerPriceTable extends PriceTable {
  customer_id: number;
}

export interface SkuOrderRuleTable {
  sku_id: number;
  min_order_quantity: number;
  order_multiple: number;
  /** 'reject' or 'round_up'. */
  rounding: string;
}

export interface OrderTable {
  id: Generated<number>;
  customer_id: number;
  customer_po: string | null;
  ship_to_id: number | null;
  requested_ship_date: string | null;
  status: string;
  hold_reason: string | null;
  warehouse_id: number | null;
  priority: number;
  currency: string;
  total_minor: number;
  source: string;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface OrderLineTable {
  id: Generated<number>;
  order_id: number;
  line_number: number;
  sku_id: number;
  pack_level: string;
  pack_quantity: number;
  quantity_ordered: number;
  quantity_allocated: Generated<number>;
  quantity_picked: Generated<number>;
  quantity_shipped: Generated<number>;
  quantity_backordered: Generated<number>;
  quantity_cancelled: Generated<number>;
  unit_price_minor: number;
  line_total_minor: number;
  price_source: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AllocationTable {
  id: Generated<number>;
  order_id: number;
  order_line_id: number;
  sku_id: number;
  lot_id: number;
  location_id: number;
  warehouse_id: number;
  quantity: number;
  remaining: number;
  created_at: string;
}

export interface AllocationResolutionTable {
  id: Generated<number>;
  allocation_id: number;
  /** 'picked', 'released' or 'expired'. */
  kind: string;
  quantity: number;
  reference: string | null;
  created_at: string;
}

export interface OrderEventTable {
  id: Generated<number>;
  order_id: number;
  type: string;
  actor: string;
  data: string;
  created_at: string;
}

export interface InvoiceTable {
  id: Generated<number>;
  customer_id: number;
  order_id: number | null;
  currency: string;
  total_minor: number;
  paid_minor: number;
  status: string;
  issued_at: string;
  due_date: string;
}

export interface SalesTables {
  price_lists: PriceListTable;
  customers: CustomerTable;
  customer_ship_tos: CustomerShipToTable;
  customer_sku_rules: CustomerSkuRuleTable;
  price_list_prices: PriceListPriceTable;
  customer_prices: CustomerPriceTable;
  sku_order_rules: SkuOrderRuleTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  allocations: AllocationTable;
  allocation_resolutions: AllocationResolutionTable;
  order_events: OrderEventTable;
  invoices: InvoiceTable;
}
