import type { Generated } from 'kysely';

/** Tables of customers, pricing and sales orders (migration 0002). */
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
