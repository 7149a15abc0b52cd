import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ledgerProblems, type DrillWorld } from './drill-world.js';

/**
 * What must still hold after thousands of valid and broken requests: the ledger reconciles,
 * no balance is negative or over-reserved, and every order line keeps
 * shipped ≤ picked ≤ allocated ≤ ordered (allocated only grows as stock is held; a release
 * takes it back down, never below what was picked).
 */
export async function fuzzInvariantProblems(world: DrillWorld): Promise<string[]> {
  const problems = await ledgerProblems(world);
  const lines = await world.store.database.db
    .selectFrom('order_lines')
    .select(['id', 'quantity_ordered', 'quantity_allocated', 'quantity_picked', 'quantity_shipped'])
    .where((eb) =>
      eb.or([
        eb('quantity_shipped', '>', eb.ref('quantity_picked')),
        eb('quantity_picked', '>', eb.ref('quantity_allocated')),
        eb('quantity_allocated', '>', eb.ref('quantity_ordered')),
        eb('quantity_shipped', '<', 0),
      ]),
    )
    .limit(5)
    .execute();
  for (const l of lines)
    problems.push(
      `order line ${l.id}: ordered ${l.quantity_ordered}, allocated ${l.quantity_allocated}, ` +
        `picked ${l.quantity_picked}, shipped ${l.quantity_shipped}`,
    );
  return problems;
}

/**
 * Imports run in the background after their 202; wait (up to `seconds`) until none is
 * running, so the invariants see their effect and the store is not closed under them.
 */
export async function settleImports(world: DrillWorld, seconds = 60): Promise<number> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const row = await world.store.database.db
      .selectFrom('import_jobs')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0 || Date.now() > until) return Number(row.n);
    await sleep(200);
  }
}
