/**
 * KPI aggregates (migration 0006), kept up to date incrementally from the ledger by
 * `refreshKpiAggregates`, so that no report replays the movement history.
 */

/**
 * One SKU × warehouse × day on which something moved: the end-of-day position (carried forward
 * to later days with no row) and the day's flows. Days with no movement have no row.
 */
export interface KpiStockDayTable {
  warehouse_id: number;
  sku_id: number;
  day: string;
  /** End of day, in real (physical) locations of the warehouse. */
  on_hand: number;
  /** End of day, in sellable locations (storage, pick faces). */
  sellable: number;
  /** Units shipped to customers that day, less units customers sent back. */
  issued_units: number;
  /** Those units at the SKU's standard cost when they were aggregated. */
  cogs_minor: number;
  movements: number;
}

/**
 * Day-over-day changes of a warehouse's totals; a running sum gives each day's level. Small
 * (one row per warehouse × day), so a year of reports reads a few hundred rows.
 */
export interface KpiWarehouseDayTable {
  warehouse_id: number;
  day: string;
  /** Change of end-of-day inventory value at standard cost. */
  value_delta_minor: number;
  /** Change of the number of SKUs with nothing sellable at the end of the day. */
  stockout_delta: number;
  /** Change of the number of SKUs the warehouse has ever stocked. */
  tracked_delta: number;
  issued_units: number;
  cogs_minor: number;
}

/** Issued units and COGS per SKU × warehouse × ISO week (Monday): ABC and XYZ read these. */
export interface KpiSkuWeekTable {
  warehouse_id: number;
  sku_id: number;
  week: string;
  issued_units: number;
  cogs_minor: number;
}

/** Each SKU × warehouse's latest day row: positions now, without searching the day rows. */
export interface KpiStockPositionTable {
  warehouse_id: number;
  sku_id: number;
  /** The last day anything moved. */
  day: string;
  on_hand: number;
  sellable: number;
}

/**
 * One row per settled order (shipped, delivered, closed or cancelled after shipping, every
 * shipment delivered): what the order KPIs need, so reports do not scan order tables. Short
 * picks, returns and backorder events can still arrive later and are looked up per report.
 */
export interface KpiOrderFactTable {
  order_id: number;
  customer_id: number;
  /** The order's warehouse, else its shipments' lowest. */
  warehouse_id: number | null;
  /** When the order was placed. */
  created_at: string;
  first_shipped_at: string;
  last_shipped_at: string;
  shipments: number;
  /** Shipments with a promised date (all delivered), and those delivered by it. */
  promised_delivered: number;
  on_time: number;
  lines: number;
  lines_filled: number;
  units_ordered: number;
  units_shipped: number;
  revenue_minor: number;
}

/** How far the aggregates have read the ledger. */
export interface KpiWatermarkTable {
  name: string;
  last_movement_id: number;
  refreshed_at: string;
}

export interface KpiTables {
  kpi_stock_days: KpiStockDayTable;
  kpi_warehouse_days: KpiWarehouseDayTable;
  kpi_sku_weeks: KpiSkuWeekTable;
  kpi_stock_positions: KpiStockPositionTable;
  kpi_watermarks: KpiWatermarkTable;
  kpi_order_facts: KpiOrderFactTable;
}
