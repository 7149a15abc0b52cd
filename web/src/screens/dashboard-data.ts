import { get, type Page } from '../api/client';
import type { Order, StockRow } from '../api/types';

export interface DayPoint {
  day: string;
  orders: number;
  valueMinor: number;
}

export interface DashboardData {
  days: DayPoint[];
  backlog: number;
  backorderLines: number;
  released: number;
  expiring: StockRow[];
  stockOuts: StockRow[];
  kpis: KpiReport | null;
}

/** GET /kpis: one table per KPI, rows per group × period bucket (and totals). */
export interface KpiReport {
  kpis: { name: string; columns: string[]; rows: Record<string, string | number | null>[] }[];
}

const OPEN = new Set([
  'confirmed',
  'allocated',
  'backordered',
  'partially_allocated',
  'on_hold',
  'released',
  'picked',
  'packed',
  'partially_shipped',
]);
const DAYS = 14;
const EXPIRY_DAYS = 30;

/** The last 14 days, oldest first, as YYYY-MM-DD (UTC). */
export function lastDays(today: Date, count = DAYS): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(today.getTime() - (count - 1 - i) * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
}

/** Orders and their value per day, counted from the orders themselves. */
export function perDay(orders: Order[], days: string[]): DayPoint[] {
  const byDay = new Map(days.map((d) => [d, { day: d, orders: 0, valueMinor: 0 }]));
  for (const o of orders) {
    const point = byDay.get(o.createdAt.slice(0, 10));
    if (!point || o.status === 'cancelled') continue;
    point.orders += 1;
    point.valueMinor += o.totalMinor;
  }
  return [...byDay.values()];
}

/**
 * What the dashboard shows, read from the order, backorder and stock APIs. The KPI API is
 * asked too; while it is missing, the tiles still work from these reads.
 */
export async function loadDashboard(today: Date): Promise<DashboardData> {
  const days = lastDays(today);
  const [orders, backorders, lots, skus, kpis] = await Promise.all([
    get<Page<Order>>('/orders', { limit: 500 }),
    get<Page<unknown> | unknown[]>('/backorders', { limit: 500 }).catch(() => ({ items: [] })),
    get<Page<StockRow>>('/stock', { groupBy: 'lot', limit: 500 }),
    get<Page<StockRow>>('/stock', { groupBy: 'sku', limit: 500 }),
    get<KpiReport>('/kpis', {
      from: days[0],
      to: tomorrow(today),
      period: 'day',
      groupBy: 'none',
    }).catch(() => null),
  ]);
  const horizon = new Date(today.getTime() + EXPIRY_DAYS * 86_400_000).toISOString().slice(0, 10);
  const backorderRows = Array.isArray(backorders) ? backorders : backorders.items;
  return {
    days: perDay(orders.items, days),
    backlog: orders.items.filter((o) => OPEN.has(o.status)).length,
    backorderLines: backorderRows.length,
    released: orders.items.filter((o) => o.status === 'released' || o.status === 'picked').length,
    expiring: lots.items.filter((r) => r.expiryDate && r.expiryDate <= horizon && r.onHand > 0),
    stockOuts: skus.items.filter((r) => r.available <= 0),
    kpis,
  };
}

function tomorrow(today: Date): string {
  return new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
}
