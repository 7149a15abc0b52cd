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

export interface Tables extends SalesTables, FulfillmentTables {
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

export interface SequenceTable {
  name: string;
  value: number;
}

export interface WaveTable {
  id: Generated<number>;
  warehouse_id: number;
  /** planned → released → picking → completed, or cancelled. */
  status: string;
  /** 'discrete', 'batch' or 'zone'. */
  pick_mode: string;
  carrier_code: string | null;
  cutoff_at: string | null;
  created_by: string;
  created_at: string;
  released_at: string | null;
  completed_at: string | null;
}

export interface WaveOrderTable {
  wave_id: number;
  order_id: number;
}

export interface PickTaskTable {
  id: Generated<number>;
  wave_id: number;
  /** Null for a batch task serving several orders. */
  order_id: number | null;
  sku_id: number;
  lot_id: number;
  location_id: number;
  zone: string | null;
  sequence: number;
  quantity: number;
  picked_quantity: Generated<number>;
  short_quantity: Generated<number>;
  short_reason: string | null;
  /** open, picked, short, cancelled. */
  status: string;
  tote: string | null;
  picker: string | null;
  completed_at: string | null;
}

export interface PickTaskAllocationTable {
  pick_task_id: number;
  allocation_id: number;
  order_id: number;
  quantity: number;
  picked_quantity: Generated<number>;
}

export interface CountTaskTable {
  id: Generated<number>;
  location_id: number;
  sku_id: number | null;
  /** 'short_pick', 'cycle', 'recount'… */
  reason: string;
  /** open, counted, approved, cancelled. */
  status: string;
  reference: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface CartonTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  max_weight_g: number;
  tare_weight_g: number;
}

export interface ShipmentTable {
  id: Generated<number>;
  order_id: number;
  warehouse_id: number;
  carrier_code: string;
  service: string;
  tracking_number: string | null;
  cost_minor: number;
  /** shipped, delivered. */
  status: string;
  shipped_at: string;
  promised_date: string | null;
  delivered_at: string | null;
  pod_name: string | null;
  pod_note: string | null;
}

export interface CartonTable {
  id: Generated<number>;
  order_id: number;
  carton_type_id: number | null;
  sscc: string;
  /** open, closed, shipped. */
  status: string;
  weight_g: number;
  shipment_id: number | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface CartonContentTable {
  id: Generated<number>;
  carton_id: number;
  order_line_id: number;
  sku_id: number;
  lot_id: number;
  quantity: number;
}

export interface InvoiceLineTable {
  id: Generated<number>;
  invoice_id: number;
  order_line_id: number;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

export interface ReturnTable {
  id: Generated<number>;
  order_id: number;
  customer_id: number;
  /** authorized, received, closed, cancelled. */
  status: string;
  reason: string;
  notes: string | null;
  credit_minor: number;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface ReturnLineTable {
  id: Generated<number>;
  return_id: number;
  order_line_id: number;
  sku_id: number;
  quantity_authorized: number;
  quantity_received: number;
  lot_id: number;
  /** restock, quarantine, damaged, return_to_vendor. */
  disposition: string | null;
  location_id: number | null;
  credit_minor: number;
}

export interface FulfillmentTables {
  sequences: SequenceTable;
  waves: WaveTable;
  wave_orders: WaveOrderTable;
  pick_tasks: PickTaskTable;
  pick_task_allocations: PickTaskAllocationTable;
  count_tasks: CountTaskTable;
  carton_types: CartonTypeTable;
  shipments: ShipmentTable;
  cartons: CartonTable;
  carton_contents: CartonContentTable;
  invoice_lines: InvoiceLineTable;
  returns: ReturnTable;
  return_lines: ReturnLineTable;
}
