import { sql } from 'kysely';
import type { DialectName } from '../src/adapters/db/database.js';
import { timed, type DrillOptions, type DrillResult } from './drill-result.js';
import {
  api,
  ledgerProblems,
  setUpCustomer,
  spawnServers,
  startDrillWorld,
  stockedSku,
  type DrillWorld,
} from './drill-world.js';

/**
 * Oversell race: B buyers at once, one unit each, on U units, R rounds (a new SKU each round).
 * SQLite runs one server process (one writer by design); PostgreSQL two, buyers alternating.
 * Must hold: exactly U sold per round, the rest refused with 409, no 5xx, nothing negative.
 */
export function oversellDrill(options: DrillOptions): Promise<DrillResult> {
  const size = options.long
    ? { buyers: 500, units: 100, rounds: 20 }
    : { buyers: 100, units: 20, rounds: 3 };
  return timed('oversell', async (figures, failures) => {
    figures.size = size;
    for (const dialect of options.dialects) {
      figures[dialect] = await raceOn(dialect, size, (f) => failures.push(`${dialect}: ${f}`));
    }
  });
}

async function raceOn(
  dialect: DialectName,
  size: { buyers: number; units: number; rounds: number },
  fail: (message: string) => void,
) {
  const world = await startDrillWorld(dialect);
  const servers = await spawnServers(world, dialect === 'postgres' ? 2 : 1);
  const bases = servers.map((s) => s.base);
  const totals = {
    processes: servers.length,
    sold: 0,
    refused: 0,
    serverErrors: 0,
    other: 0,
    ms: 0,
  };
  try {
    await setUpCustomer(world, bases[0]!);
    for (let round = 1; round <= size.rounds; round++) {
      const skuId = await stockedSku(world, bases[0]!, `RACE-${round}`, size.units);
      const started = Date.now();
      const replies = await Promise.all(
        Array.from({ length: size.buyers }, (_, i) =>
          api(
            bases[i % bases.length]!,
            world.salesKeys[i % world.salesKeys.length]!,
            'POST',
            '/orders',
            {
              customerId: world.customerId,
              lines: [{ skuId, packLevel: 'each', packQuantity: 1 }],
            },
          ).catch((error: unknown) => ({ status: 0, body: { error: String(error) } })),
        ),
      );
      totals.ms += Date.now() - started;
      const count = (p: (s: number) => boolean) => replies.filter((r) => p(r.status)).length;
      const sold = count((s) => s === 201);
      totals.sold += sold;
      totals.refused += count((s) => s === 409);
      totals.serverErrors += count((s) => s >= 500 || s === 0);
      totals.other += count((s) => s !== 201 && s !== 409 && s < 500 && s !== 0);
      if (sold !== size.units) fail(`round ${round}: ${sold} sold of ${size.units}`);
      const held = await heldFor(world, skuId);
      if (held !== size.units)
        fail(`round ${round}: ${held} units reserved, expected ${size.units}`);
    }
    if (totals.serverErrors > 0) fail(`${totals.serverErrors} 5xx or dropped connections`);
    if (totals.other > 0) fail(`${totals.other} unexpected statuses`);
    for (const p of await ledgerProblems(world)) fail(p);
  } finally {
    for (const s of servers) await s.stop();
    await world.close();
  }
  const orders = size.buyers * size.rounds;
  return { ...totals, ordersPerSecond: Math.round((orders / totals.ms) * 1000) };
}

async function heldFor(world: DrillWorld, skuId: number): Promise<number> {
  const row = await world.store.database.db
    .selectFrom('stock_balances')
    .select(sql<number>`coalesce(sum(allocated), 0)`.as('n'))
    .where('sku_id', '=', skuId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
