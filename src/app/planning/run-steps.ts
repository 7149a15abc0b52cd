import type { AppContext } from '../context.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';
import { refreshDemandHistory } from './demand-history.js';
import { planPair } from './plan-pair.js';
import { costSettings } from './planning-settings.js';
import { classifyPairs, saveClasses } from './run-abc.js';
import { weeklyHistory } from './run-history.js';
import {
  availableByPair,
  backorderedByPair,
  onOrderByPair,
  pairKey,
  planningPairs,
  type PlanningPair,
} from './run-inputs.js';
import { savePlans, type PlannedPair } from './run-store.js';
import {
  noteSupplierMinimums,
  publishSuggestions,
  suggestionOf,
  type SuggestionRow,
} from './run-suggestions.js';
import {
  chooseSupplier,
  leadTimesFor,
  supplierListings,
  type SupplierChoice,
} from './run-suppliers.js';

/** Pairs planned per transaction; progress_done moves once per batch. */
export const RUN_BATCH = 50;

/**
 * The body of a replenishment run (the caller holds the lease and owns the run row): refresh
 * demand history, classify ABC, then per batch of SKU × warehouse forecast, store policy and
 * collect suggestions, and finally publish them. Returns the number of suggestions.
 */
export async function executeRun(
  ctx: AppContext,
  runId: number,
  warehouseId: number | null,
): Promise<number> {
  const { database } = ctx;
  const nowIso = ctx.now().toISOString();
  // One run plans every warehouse: it is dated on the company's business day.
  const today = await businessToday(database.db, null, ctx.now());
  await refreshDemandHistory(database, today);

  const db = database.db;
  const pairs = await planningPairs(db, warehouseId);
  await database.write((trx) =>
    trx
      .updateTable('replenishment_runs')
      .set({ progress_total: pairs.length })
      .where('id', '=', runId)
      .execute(),
  );
  const skuIds = [...new Set(pairs.map((p) => p.skuId))];
  const [listings, available, onOrder, backordered, costs] = await Promise.all([
    supplierListings(db, skuIds),
    availableByPair(db, skuIds, today),
    onOrderByPair(db, skuIds),
    backorderedByPair(db, skuIds),
    costSettings(db),
  ]);
  // The chosen supplier; failing that the first listing still gives a lead time for the policy.
  const chosen = (p: PlanningPair) => chooseSupplier(listings.get(p.skuId), p.preferredSupplierId);
  const termsFor = (p: PlanningPair) => chosen(p) ?? listings.get(p.skuId)?.[0] ?? null;
  const unitCost = (p: PlanningPair) => termsFor(p)?.unitCostMinor ?? p.standardCostMinor;
  const classes = await classifyPairs(db, pairs, unitCost, today);
  await database.write((trx) => saveClasses(trx, pairs, classes, nowIso));

  const suggestions: SuggestionRow[] = [];
  const termsBySupplier = new Map<number, SupplierChoice>();
  for (let i = 0; i < pairs.length; i += RUN_BATCH) {
    const batch = pairs.slice(i, i + RUN_BATCH);
    const history = await weeklyHistory(db, [...new Set(batch.map((p) => p.skuId))], today);
    // The batch's observed lead times in one read (they used to be one aggregate per pair).
    const leadTimes = await leadTimesFor(
      db,
      batch.flatMap((pair) => {
        const choice = termsFor(pair);
        return choice ? [{ choice, skuId: pair.skuId }] : [];
      }),
    );
    const planned: PlannedPair[] = [];
    for (const pair of batch) {
      const key = pairKey(pair.skuId, pair.warehouseId);
      const terms = termsFor(pair);
      const leadTime = terms ? leadTimes.get(`${terms.supplierId}/${pair.skuId}`)! : null;
      const stock = {
        available: available.get(key) ?? 0,
        onOrder: onOrder.get(key) ?? 0,
        backordered: backordered.get(key) ?? 0,
      };
      const plan = planPair({
        pair,
        weeks: history.get(key) ?? [],
        terms,
        leadTime,
        abcClass: classes.get(key) ?? 'C',
        ...stock,
        costs,
        today,
      });
      planned.push({ pair, plan, leadTime });
      const supplier = chosen(pair);
      const row = supplier
        ? suggestionOf(
            plan,
            supplier,
            { runId, skuId: pair.skuId, warehouseId: pair.warehouseId, ...stock },
            nowIso,
          )
        : null;
      if (row && supplier) {
        suggestions.push(row);
        termsBySupplier.set(supplier.supplierId, supplier);
      }
    }
    await database.write(async (trx) => {
      await savePlans(trx, planned, runId, nowIso);
      await trx
        .updateTable('replenishment_runs')
        .set({ progress_done: i + batch.length })
        .where('id', '=', runId)
        .execute();
    });
  }
  noteSupplierMinimums(suggestions, termsBySupplier);
  await database.write((trx) => publishSuggestions(trx, runId, warehouseId, suggestions));
  return suggestions.length;
}
