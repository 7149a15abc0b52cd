import {
  carryingCost,
  daysOnHand,
  gmroi,
  ratio,
  turnover,
  type CarryingRates,
} from './kpi-math.js';
import { tableOf, type KpiRow, type KpiTable } from './kpi-table.js';

/** One group's (warehouse's, or all warehouses') position and flow on one day. */
export interface DayLevel {
  group: string;
  bucket: string;
  day: string;
  /** End-of-day inventory value at standard cost. */
  valueMinor: number;
  /** SKUs with nothing sellable at the end of the day, of those the group has ever stocked. */
  stockouts: number;
  tracked: number;
  cogsMinor: number;
}

/** The sums the stock KPIs of one (group, period) are made of. */
interface StockCohort {
  group: string;
  period: string;
  days: number;
  averageInventoryMinor: number;
  cogsMinor: number;
  skuDays: number;
  stockoutSkuDays: number;
}

/** Day levels summed per (group, bucket) and per group's `total`. */
export function stockCohorts(levels: readonly DayLevel[]): StockCohort[] {
  const acc = new Map<string, StockCohort & { valueDays: number }>();
  for (const l of levels) {
    for (const period of [l.bucket, 'total']) {
      const key = `${l.group}\u0000${period}`;
      const c = acc.get(key) ?? {
        group: l.group,
        period,
        days: 0,
        averageInventoryMinor: 0,
        cogsMinor: 0,
        skuDays: 0,
        stockoutSkuDays: 0,
        valueDays: 0,
      };
      c.days += 1;
      c.valueDays += l.valueMinor;
      c.cogsMinor += l.cogsMinor;
      c.skuDays += l.tracked;
      c.stockoutSkuDays += l.stockouts;
      acc.set(key, c);
    }
  }
  return [...acc.values()]
    .map(({ valueDays, ...c }) => ({ ...c, averageInventoryMinor: Math.round(valueDays / c.days) }))
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        (a.period === 'total' ? 1 : 0) - (b.period === 'total' ? 1 : 0) ||
        a.period.localeCompare(b.period),
    );
}

const base = (c: StockCohort): KpiRow => ({ group: c.group, period: c.period, days: c.days });

/** COGS ÷ average inventory at cost over the period, and days of inventory on hand. */
export function stockTurnover(cohorts: readonly StockCohort[]): KpiTable {
  return tableOf(
    'stock-turnover',
    ['group', 'period', 'days', 'cogsMinor', 'averageInventoryMinor', 'turnover', 'daysOnHand'],
    cohorts.map((c) => ({
      ...base(c),
      cogsMinor: c.cogsMinor,
      averageInventoryMinor: c.averageInventoryMinor,
      turnover: turnover(c.cogsMinor, c.averageInventoryMinor),
      daysOnHand: daysOnHand(c.averageInventoryMinor, c.cogsMinor, c.days),
    })),
  );
}

/** Average inventory value × annual rate × days ÷ 365, split into its components. */
export function carryingCostTable(cohorts: readonly StockCohort[], rates: CarryingRates): KpiTable {
  return tableOf(
    'carrying-cost',
    [
      'group',
      'period',
      'days',
      'averageInventoryMinor',
      'totalMinor',
      'capitalMinor',
      'storageMinor',
      'insuranceMinor',
      'obsolescenceMinor',
    ],
    cohorts.map((c) => ({
      ...base(c),
      averageInventoryMinor: c.averageInventoryMinor,
      ...carryingCost(c.averageInventoryMinor, c.days, rates),
    })),
  );
}

/** SKU-days with nothing sellable ÷ SKU-days, over the SKUs the warehouse has ever stocked. */
export function stockOutRate(cohorts: readonly StockCohort[]): KpiTable {
  return tableOf(
    'stock-out-rate',
    ['group', 'period', 'days', 'skuDays', 'stockoutSkuDays', 'stockoutRate'],
    cohorts.map((c) => ({
      ...base(c),
      skuDays: c.skuDays,
      stockoutSkuDays: c.stockoutSkuDays,
      stockoutRate: ratio(c.stockoutSkuDays, c.skuDays),
    })),
  );
}

/** (Revenue − COGS) ÷ average inventory at cost; revenue keyed `group\0period`. */
export function gmroiTable(
  cohorts: readonly StockCohort[],
  revenue: ReadonlyMap<string, number>,
): KpiTable {
  return tableOf(
    'gmroi',
    ['group', 'period', 'days', 'revenueMinor', 'cogsMinor', 'averageInventoryMinor', 'gmroi'],
    cohorts.map((c) => {
      const revenueMinor = revenue.get(`${c.group}\u0000${c.period}`) ?? 0;
      return {
        ...base(c),
        revenueMinor,
        cogsMinor: c.cogsMinor,
        averageInventoryMinor: c.averageInventoryMinor,
        gmroi: gmroi(revenueMinor, c.cogsMinor, c.averageInventoryMinor),
      };
    }),
  );
}
