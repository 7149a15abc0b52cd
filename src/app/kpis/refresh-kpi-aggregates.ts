import type { Database, Tx } from '../../adapters/db/database.js';
import { weekStart } from '../../core/kpis/periods.js';
import { mergeStockDays, type StockDay } from '../../core/kpis/stock-series.js';
import type { AppContext } from '../context.js';
import { withLease } from '../jobs/lease.js';
import type { SkuWeekAdd, WarehouseDayAdd } from './flow-totals-store.js';
import { addSkuWeeks, addWarehouseDays } from './flow-totals-store.js';
import { settleOrderFacts } from './order-fact-store.js';
import { movementDeltas, standardCosts, type PairDeltas } from './movement-deltas.js';
import {
  lastRowsBefore,
  pairKey,
  rowsFrom,
  savePositions,
  saveStockDays,
} from './stock-day-store.js';

const WATERMARK = 'stock';
export const KPI_LEASE = 'kpi-aggregates';
/** Movement ids read per transaction. */
const MAX_BATCH = 250_000;

export interface RefreshOutcome {
  /** Movements read into the aggregates. */
  movements: number;
  lastMovementId: number;
  /** True when the batch limit stopped the read: there is more to read. */
  more?: boolean;
}

/**
 * Reads the movements posted since the last refresh and created before `upTo` into the KPI
 * aggregates: cheap when up to date. The scheduled job calls it with `upTo` a minute behind the
 * clock, so a PostgreSQL transaction still committing a lower movement id is not skipped.
 * Holds a lease, so with several processes one refreshes and the others return undefined.
 */
export async function refreshKpiAggregates(
  ctx: AppContext,
  upTo: Date,
): Promise<RefreshOutcome | undefined> {
  return withLease(ctx.database, KPI_LEASE, { now: ctx.now, ttlMs: 300_000 }, async () => {
    // A backlog is read in batches, each its own transaction, so other writers get turns.
    let outcome: RefreshOutcome = { movements: 0, lastMovementId: 0 };
    for (;;) {
      const batch = await ctx.database.write((trx) =>
        refreshInTx(trx, upTo.toISOString(), ctx.now().toISOString()),
      );
      outcome = {
        movements: outcome.movements + batch.movements,
        lastMovementId: batch.lastMovementId,
      };
      if (!batch.more) return outcome;
    }
  });
}

/** Forgets every aggregate and reads the whole ledger again (after a cost revaluation, say). */
export async function rebuildKpiAggregates(database: Database, upTo: Date, now: Date) {
  return database.write(async (trx) => {
    for (const table of [
      'kpi_stock_days',
      'kpi_stock_positions',
      'kpi_warehouse_days',
      'kpi_sku_weeks',
      'kpi_order_facts',
    ] as const)
      await trx.deleteFrom(table).execute();
    await trx.deleteFrom('kpi_watermarks').execute();
    let movements = 0;
    for (;;) {
      const batch = await refreshInTx(trx, upTo.toISOString(), now.toISOString());
      movements += batch.movements;
      if (!batch.more) return { movements, lastMovementId: batch.lastMovementId };
    }
  });
}

/** The last movement id the aggregates hold. */
export async function kpiWatermark(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('kpi_watermarks')
    .select('last_movement_id')
    .where('name', '=', WATERMARK)
    .executeTakeFirst();
  return Number(row?.last_movement_id ?? 0);
}

/** The refresh in the caller's transaction. */
export async function refreshInTx(
  trx: Tx,
  upToIso: string,
  nowIso: string,
): Promise<RefreshOutcome> {
  // Orders settle independently of the ledger: store their facts even with no new movement.
  await settleOrderFacts(trx);
  const afterId = await kpiWatermark(trx);
  const readable = await lastReadableId(trx, afterId, upToIso);
  const upToId = Math.min(readable, afterId + MAX_BATCH);
  if (upToId <= afterId) return { movements: 0, lastMovementId: afterId };
  const costs = await standardCosts(trx);
  const costOf = (skuId: number) => costs.get(skuId) ?? 0;
  const pairs = await movementDeltas(trx, afterId, upToId, costOf);
  await applyPairs(trx, pairs, costOf);
  await trx
    .insertInto('kpi_watermarks')
    .values({ name: WATERMARK, last_movement_id: upToId, refreshed_at: nowIso })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ last_movement_id: upToId, refreshed_at: nowIso }),
    )
    .execute();
  // Ids can have gaps (PostgreSQL sequences skip on rollback): count the movements read.
  const movements = pairs.reduce((n, p) => n + p.deltas.reduce((m, d) => m + d.movements, 0), 0);
  return { movements, lastMovementId: upToId, more: readable > upToId };
}

/** The highest id such that every movement after `afterId` up to it was created before `upTo`. */
async function lastReadableId(trx: Tx, afterId: number, upToIso: string): Promise<number> {
  const stop = await trx
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('id', '>', afterId)
    .where('created_at', '>=', upToIso)
    .executeTakeFirst();
  if (stop?.id !== null && stop?.id !== undefined) return Number(stop.id) - 1;
  const last = await trx
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(last?.id ?? 0);
}

async function applyPairs(
  trx: Tx,
  pairs: readonly PairDeltas[],
  costOf: (skuId: number) => number,
): Promise<void> {
  if (pairs.length === 0) return;
  const firstDay = pairs.flatMap((p) => p.deltas.map((d) => d.day)).sort()[0]!;
  const stored = await rowsFrom(trx, firstDay);
  const previous = await lastRowsBefore(trx, firstDay);
  const rows: (StockDay & { warehouseId: number; skuId: number })[] = [];
  const latest: typeof rows = [];
  const dayAdds = new Map<string, WarehouseDayAdd>();
  const weekAdds = new Map<string, SkuWeekAdd>();
  for (const { warehouseId, skuId, deltas } of pairs) {
    const key = pairKey(warehouseId, skuId);
    const merged = mergeStockDays(previous.get(key)?.[0] ?? null, stored.get(key) ?? [], deltas);
    for (const row of merged.rows) rows.push({ ...row, warehouseId, skuId });
    latest.push({ ...merged.rows.at(-1)!, warehouseId, skuId });
    for (const c of merged.changes) {
      const add = dayAdd(dayAdds, warehouseId, c.day);
      add.valueDeltaMinor += c.onHandDelta * costOf(skuId);
      add.stockoutDelta += c.stockoutDelta;
      add.trackedDelta += c.trackedDelta;
    }
    for (const d of deltas) {
      const add = dayAdd(dayAdds, warehouseId, d.day);
      add.issuedUnits += d.issuedUnits;
      add.cogsMinor += d.cogsMinor;
      const week = weekStart(d.day);
      const wkey = `${key}:${week}`;
      const w = weekAdds.get(wkey) ?? { warehouseId, skuId, week, issuedUnits: 0, cogsMinor: 0 };
      w.issuedUnits += d.issuedUnits;
      w.cogsMinor += d.cogsMinor;
      weekAdds.set(wkey, w);
    }
  }
  await saveStockDays(trx, rows);
  await savePositions(trx, latest);
  await addWarehouseDays(trx, [...dayAdds.values()]);
  await addSkuWeeks(trx, [...weekAdds.values()]);
}

function dayAdd(adds: Map<string, WarehouseDayAdd>, warehouseId: number, day: string) {
  const key = `${warehouseId}:${day}`;
  let add = adds.get(key);
  if (!add) {
    add = {
      warehouseId,
      day,
      valueDeltaMinor: 0,
      stockoutDelta: 0,
      trackedDelta: 0,
      issuedUnits: 0,
      cogsMinor: 0,
    };
    adds.set(key, add);
  }
  return add;
}
