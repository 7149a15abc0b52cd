import type { Generated } from 'kysely';

/** Suppliers, purchase orders, receiving, put-away, demand history, forecasts and replenishment. */
export interface SupplierTable {
  id: Generated<number>;
  code: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  /** What the supplier promises, in calendar days from sending the PO to receipt. */
  lead_time_days: number;
  min_order_value_minor: number;
  min_order_quantity: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** What a supplier sells us: its part number, our cost, and how it must be ordered. */
export interface SupplierSkuTable {
  id: Generated<number>;
  supplier_id: number;
  sku_id: number;
  supplier_sku: string | null;
  cost_minor: number;
  min_order_quantity: number;
  /** Orders are rounded up to a multiple of this (e.g. the case pack), in base units. */
  order_multiple: number;
  /** Overrides the supplier's stated lead time for this SKU. */
  lead_time_days: number | null;
  created_at: string;
  updated_at: string;
}

/** Planner settings per SKU × warehouse. */
export interface SkuPlanningTable {
  sku_id: number;
  warehouse_id: number;
  preferred_supplier_id: number | null;
  /** A, B or C; computed by the replenishment run unless pinned. */
  abc_class: string | null;
  abc_pinned: number;
  /** Overrides the ABC class's default target service level (0–1). */
  service_level: number | null;
  /** Days between reviews (the replenishment run is daily, so 1 unless set). */
  review_days: number;
  use_eoq: number;
  updated_at: string;
}

/** A pick face holds one SKU; below min it is refilled from reserve up to max. */
export interface PickFaceTable {
  location_id: number;
  sku_id: number;
  min_quantity: number;
  max_quantity: number;
}

export interface PurchaseOrderTable {
  id: Generated<number>;
  number: string;
  supplier_id: number;
  warehouse_id: number;
  /** draft, sent, partially_received, received, closed, cancelled. */
  status: string;
  currency: string;
  expected_date: string | null;
  /** manual or replenishment. */
  source: string;
  replenishment_run_id: number | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  received_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
}

export interface PurchaseOrderLineTable {
  id: Generated<number>;
  purchase_order_id: number;
  line_number: number;
  sku_id: number;
  supplier_sku: string | null;
  quantity_ordered: number;
  quantity_received: Generated<number>;
  quantity_damaged: Generated<number>;
  quantity_cancelled: Generated<number>;
  unit_cost_minor: number;
  expected_date: string | null;
}

/** One scan-confirmed receipt: a PO line (or nothing, when unplanned) into a location. */
export interface ReceiptTable {
  id: Generated<number>;
  warehouse_id: number;
  purchase_order_id: number | null;
  purchase_order_line_id: number | null;
  sku_id: number;
  lot_id: number;
  quantity: number;
  damaged: number;
  location_id: number;
  movement_id: number;
  received_by: string;
  received_at: string;
}

/** Work for the floor: put away a receipt, or refill a pick face from reserve. */
export interface MoveTaskTable {
  id: Generated<number>;
  /** putaway or replenish. */
  kind: string;
  warehouse_id: number;
  sku_id: number;
  lot_id: number;
  quantity: number;
  from_location_id: number;
  suggested_location_id: number | null;
  to_location_id: number | null;
  /** open, done, cancelled. */
  status: string;
  receipt_id: number | null;
  reason: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

/**
 * Observed lead time of a supplier for a SKU as running totals: one sample per PO line, its
 * days from the PO's sending to the line's first receipt (see purchasing/lead-time-totals).
 */
export interface LeadTimeTotalsTable {
  supplier_id: number;
  sku_id: number;
  samples: number;
  sum_days: number;
  sum_squared_days: number;
}

/** Daily demand per SKU × warehouse; rebuilt for a date range from order lines and shipments. */
export interface DemandDailyTable {
  sku_id: number;
  warehouse_id: number;
  day: string;
  /** Units customers ordered that day (cancelled lines excluded). */
  ordered_quantity: number;
  shipped_quantity: number;
  order_lines: number;
  /** 1 when nothing was available to sell that day: demand seen is a lower bound. */
  censored: number;
}

/** The latest forecast per SKU × warehouse, with its backtest accuracy. */
export interface SkuForecastTable {
  sku_id: number;
  warehouse_id: number;
  method: string;
  demand_class: string;
  period: string;
  /** JSON arrays of per-period values for the horizon. */
  forecast: string;
  lower: string;
  upper: string;
  mase: number | null;
  smape: number | null;
  bias: number | null;
  run_id: number | null;
  computed_at: string;
}

/** The reorder policy in force per SKU × warehouse, as the last run computed it. */
export interface ReorderPolicyTable {
  sku_id: number;
  warehouse_id: number;
  service_level: number;
  mean_daily_demand: number;
  sd_daily_demand: number;
  lead_time_days: number;
  lead_time_sd_days: number;
  safety_stock: number;
  reorder_point: number;
  order_up_to: number;
  eoq: number | null;
  /** Most that can be sold before expiry, when the SKU has a shelf life. */
  shelf_life_cap: number | null;
  computed_at: string;
}

export interface ReplenishmentRunTable {
  id: Generated<number>;
  /** running, done, failed. */
  status: string;
  /** schedule or manual. */
  trigger: string;
  warehouse_id: number | null;
  progress_done: number;
  progress_total: number;
  suggestions: number;
  error: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
}

export interface ReplenishmentSuggestionTable {
  id: Generated<number>;
  run_id: number;
  supplier_id: number;
  warehouse_id: number;
  sku_id: number;
  quantity: number;
  /** Before rounding to MOQ and order multiples. */
  needed_quantity: number;
  available: number;
  on_order: number;
  backordered: number;
  safety_stock: number;
  reorder_point: number;
  order_up_to: number;
  unit_cost_minor: number;
  days_of_supply: number | null;
  stockout_date: string | null;
  reason: string;
  /** open, approved, dismissed. */
  status: string;
  purchase_order_id: number | null;
  created_at: string;
}

/** A named lease so that scheduled work runs in one process at a time. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface PurchasingTables {
  suppliers: SupplierTable;
  supplier_skus: SupplierSkuTable;
  sku_planning: SkuPlanningTable;
  pick_faces: PickFaceTable;
  purchase_orders: PurchaseOrderTable;
  purchase_order_lines: PurchaseOrderLineTable;
  receipts: ReceiptTable;
  move_tasks: MoveTaskTable;
  demand_daily: DemandDailyTable;
  lead_time_totals: LeadTimeTotalsTable;
  sku_forecasts: SkuForecastTable;
  reorder_policies: ReorderPolicyTable;
  replenishment_runs: ReplenishmentRunTable;
  replenishment_suggestions: ReplenishmentSuggestionTable;
  job_leases: JobLeaseTable;
}
