import { sql } from 'kysely';
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
  type PairStockDay,
} from './stock-day-store.js';

const WATERMARK = 'stock';
export const KPI_LEASE = 'kpi-aggregates';
/** Movement ids read per transaction. */
const MAX_BATCH = 250_000;

export interface BatchOptions {
  /** Movement ids read per transaction (default 250,000); results do not depend on it. */
  batchSize?: number;
}

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
  options: BatchOptions = {},
): Promise<RefreshOutcome | undefined> {
  return withLease(ctx.database, KPI_LEASE, { now: ctx.now, ttlMs: 300_000 }, async () => {
    // A backlog is read in batches, each its own transaction, so other writers get turns.
    let outcome: RefreshOutcome = { movements: 0, lastMovementId: 0 };
    for (;;) {
      const batch = await ctx.database.write((trx) =>
        refreshInTx(trx, upTo.toISOString(), ctx.now().toISOString(), options),
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
export async function rebuildKpiAggregates(
  database: Database,
  upTo: Date,
  now: Date,
  options: BatchOptions = {},
) {
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
      const batch = await refreshInTx(trx, upTo.toISOString(), now.toISOString(), options);
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
  { batchSize = MAX_BATCH }: BatchOptions = {},
): Promise<RefreshOutcome> {
  // Orders settle independently of the ledger: store their facts even with no new movement.
  await settleOrderFacts(trx);
  const afterId = await kpiWatermark(trx);
  const readable = await lastReadableId(trx, afterId, upToIso);
  const upToId = Math.min(readable, afterId + batchSize);
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
  // By the created_at index (few movements are that recent), not by walking every id after the
  // watermark: `+id` and `id + 0` keep SQLite from choosing the rowid order.
  const stop = await trx
    .selectFrom('stock_movements')
    .select(sql<number | null>`min(id + 0)`.as('id'))
    .where(sql<number>`+id`, '>', afterId)
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
  let firstDay = pairs[0]!.deltas[0]!.day;
  for (const p of pairs) for (const d of p.deltas) if (d.day < firstDay) firstDay = d.day;
  // Only the pairs this batch touches: their rows from its first day, and where each stood.
  const stored = await rowsFrom(trx, firstDay, pairs);
  const previous = await lastRowsBefore(trx, firstDay, pairs);
  const rows: PairStockDay[] = [];
  const latest: PairStockDay[] = [];
  // Per warehouse, per day (and per pair, per week): no composite string keys per delta.
  const dayAdds = new Map<number, Map<string, WarehouseDayAdd>>();
  const weekAdds: SkuWeekAdd[] = [];
  const weekOf = memo(weekStart);
  for (const { warehouseId, skuId, deltas } of pairs) {
    const key = pairKey(warehouseId, skuId);
    const merged = mergeStockDays(previous.get(key)?.[0] ?? null, stored.get(key) ?? [], deltas);
    for (const r of merged.rows) rows.push(withPair(r, warehouseId, skuId));
    latest.push(rows.at(-1)!);
    let days = dayAdds.get(warehouseId);
    if (!days) dayAdds.set(warehouseId, (days = new Map()));
    const cost = costOf(skuId);
    for (const c of merged.changes) {
      const add = dayAdd(days, warehouseId, c.day);
      add.valueDeltaMinor += c.onHandDelta * cost;
      add.stockoutDelta += c.stockoutDelta;
      add.trackedDelta += c.trackedDelta;
    }
    const weeks = new Map<string, SkuWeekAdd>();
    for (const d of deltas) {
      const add = dayAdd(days, warehouseId, d.day);
      add.issuedUnits += d.issuedUnits;
      add.cogsMinor += d.cogsMinor;
      const week = weekOf(d.day);
      let w = weeks.get(week);
      if (!w) weeks.set(week, (w = { warehouseId, skuId, week, issuedUnits: 0, cogsMinor: 0 }));
      w.issuedUnits += d.issuedUnits;
      w.cogsMinor += d.cogsMinor;
    }
    for (const w of weeks.values()) weekAdds.push(w);
  }
  await saveStockDays(trx, rows);
  await savePositions(trx, latest);
  await addWarehouseDays(
    trx,
    [...dayAdds.values()].flatMap((days) => [...days.values()]),
  );
  await addSkuWeeks(trx, weekAdds);
}

function withPair(r: StockDay, warehouseId: number, skuId: number): PairStockDay {
  return {
    warehouseId,
    skuId,
    day: r.day,
    onHand: r.onHand,
    sellable: r.sellable,
    issuedUnits: r.issuedUnits,
    cogsMinor: r.cogsMinor,
    movements: r.movements,
  };
}

/** A one-argument function remembered per argument (week starts of the few days in a batch). */
function memo(f: (day: string) => string): (day: string) => string {
  const seen = new Map<string, string>();
  return (day) => {
    let out = seen.get(day);
    if (out === undefined) seen.set(day, (out = f(day)));
    return out;
  };
}

function dayAdd(adds: Map<string, WarehouseDayAdd>, warehouseId: number, day: string) {
  let add = adds.get(day);
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
    adds.set(day, add);
  }
  return add;
}
