import type { Tx } from '../../adapters/db/database.js';
import { carryingRatePct, type KpiSettings } from '../../core/kpis/kpi-settings.js';
import { isOrderKpi, KPI_NAMES, type KpiName, type KpiTable } from '../../core/kpis/kpi-table.js';
import {
  backorderRate,
  deliveryTime,
  fillRate,
  orderAccuracy,
  type OrderFact,
} from '../../core/kpis/order-kpis.js';
import {
  carryingCostTable,
  gmroiTable,
  stockCohorts,
  stockOutRate,
  stockTurnover,
} from '../../core/kpis/stock-kpis.js';
import type { KpiQuery } from './kpi-query.js';
import { readKpiSettings } from './kpi-settings-store.js';
import { expiryWriteOffs } from './expiry-write-offs.js';
import { kpiWatermark } from './refresh-kpi-aggregates.js';
import { deliveryFacts, orderFacts } from './order-facts.js';
import { abcXyz, expiringStock, inventoryAccuracy, positionTables } from './sku-reports.js';
import { dayLevels } from './stock-levels.js';

export interface KpiReport {
  query: KpiQuery;
  settings: KpiSettings & { carryingRatePct: number };
  /** The last ledger movement the stock KPIs include. */
  throughMovementId: number;
  kpis: KpiTable[];
}

/**
 * The KPIs asked for (all by default) over [from, to). Order KPIs read the orders shipped in
 * the range; stock KPIs read the KPI aggregates (call refreshKpiAggregates first for fresh
 * ones). `asOf` is today, for stock expiring from now.
 */
export async function kpiReport(
  db: Tx,
  query: KpiQuery,
  asOf: string,
  names: readonly KpiName[] = KPI_NAMES,
): Promise<KpiReport> {
  const settings = await readKpiSettings(db);
  const want = new Set(names);
  const needOrders = names.some((n) => isOrderKpi(n) || n === 'gmroi');
  const facts = needOrders ? await orderFacts(db, query) : [];
  const tables: KpiTable[] = [];
  if (want.has('order-accuracy')) tables.push(orderAccuracy(facts));
  if (want.has('delivery-time')) tables.push(deliveryTime(facts, await deliveryFacts(db, query)));
  if (want.has('fill-rate')) tables.push(fillRate(facts));
  if (want.has('backorder-rate')) tables.push(backorderRate(facts));
  tables.push(...(await stockTables(db, query, settings, asOf, want, facts)));
  return {
    query,
    settings: { ...settings, carryingRatePct: carryingRatePct(settings) },
    throughMovementId: await kpiWatermark(db),
    kpis: KPI_NAMES.filter((n) => want.has(n)).map((n) => tables.find((t) => t.name === n)!),
  };
}

async function stockTables(
  db: Tx,
  query: KpiQuery,
  settings: KpiSettings,
  asOf: string,
  want: ReadonlySet<KpiName>,
  facts: readonly OrderFact[],
): Promise<KpiTable[]> {
  const tables: KpiTable[] = [];
  // Inventory belongs to warehouses, not customers: by customer it is reported for all.
  const stockQuery: KpiQuery = query.groupBy === 'customer' ? { ...query, groupBy: 'none' } : query;
  if (
    ['stock-turnover', 'carrying-cost', 'stock-out-rate', 'gmroi'].some((n) =>
      want.has(n as KpiName),
    )
  ) {
    const cohorts = stockCohorts(await dayLevels(db, stockQuery));
    tables.push(
      stockTurnover(cohorts),
      carryingCostTable(cohorts, settings),
      stockOutRate(cohorts),
    );
    tables.push(gmroiTable(cohorts, revenueByCohort(facts, stockQuery)));
  }
  if (want.has('dead-stock') || want.has('inventory-value'))
    tables.push(...(await positionTables(db, stockQuery, settings)));
  if (want.has('inventory-accuracy'))
    tables.push(await inventoryAccuracy(db, stockQuery, settings));
  if (want.has('expiring-stock')) tables.push(await expiringStock(db, stockQuery, settings, asOf));
  if (want.has('expiry-write-offs')) tables.push(await expiryWriteOffs(db, stockQuery));
  if (want.has('abc-xyz')) tables.push(await abcXyz(db, stockQuery));
  return tables;
}

/** Revenue of shipped order lines per (group, bucket) and per group's total. */
function revenueByCohort(facts: readonly OrderFact[], query: KpiQuery): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of facts) {
    // Order facts were grouped by the caller's grouping; stock groups are warehouses or all.
    const group = query.groupBy === 'warehouse' ? f.group : 'all';
    for (const period of [f.bucket, 'total']) {
      const key = `${group}\u0000${period}`;
      out.set(key, (out.get(key) ?? 0) + f.revenueMinor);
    }
  }
  return out;
}
