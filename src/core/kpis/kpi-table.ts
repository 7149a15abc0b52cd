/**
 * Every KPI is reported as a table: one row per group (warehouse, customer or all) and period
 * bucket (or `total` for the whole range), with named numeric columns. JSON, charts and CSV
 * all read the same rows.
 */
export type Cell = string | number | null;
export type KpiRow = Record<string, Cell>;

export interface KpiTable {
  name: KpiName;
  columns: string[];
  rows: KpiRow[];
}

export const ORDER_KPIS = [
  'order-accuracy',
  'delivery-time',
  'fill-rate',
  'backorder-rate',
] as const;
export const STOCK_KPIS = [
  'stock-turnover',
  'carrying-cost',
  'stock-out-rate',
  'gmroi',
  'inventory-accuracy',
  'dead-stock',
  'expiring-stock',
  'expiry-write-offs',
  'abc-xyz',
  'inventory-value',
] as const;
export const KPI_NAMES = [...ORDER_KPIS, ...STOCK_KPIS] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export function isKpiName(value: string): value is KpiName {
  return (KPI_NAMES as readonly string[]).includes(value);
}

/** Customer keys see only the KPIs of their own orders: delivery, fill, accuracy, backorders. */
export function isOrderKpi(name: KpiName): boolean {
  return (ORDER_KPIS as readonly string[]).includes(name);
}

/** A table with its columns in display (and CSV) order. */
export function tableOf(name: KpiName, columns: string[], rows: KpiRow[]): KpiTable {
  return { name, columns, rows };
}
