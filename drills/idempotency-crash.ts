import { isDeepStrictEqual } from 'node:util';
import type { DialectName } from '../src/adapters/db/database.js';
import { spawnServer, type ServerProcess } from '../test/orders-concurrency/second-server.js';
import { timed, type DrillOptions, type DrillResult } from './drill-result.js';
import {
  api,
  ledgerProblems,
  setUpCustomer,
  startDrillWorld,
  stockedSku,
  type DrillWorld,
} from './drill-world.js';

/** The N-th keyed write at which the server dies; the same in the short and the long form. */
const DIE_AT = [1, 2, 5];

/**
 * Idempotency under crash, hit for sure: the server runs with the test-only fault hook
 * `STOCKLINE_FAULT_EXIT_AFTER_COMMIT=N`, so it kills itself (SIGKILL) after the N-th order has
 * committed and before its answer leaves. Started again without the hook, the same request with
 * the same Idempotency-Key must return the stored result (201, the same order id and body),
 * and there must be exactly one order with that customer PO.
 */
export function idempotencyDrill(options: DrillOptions): Promise<DrillResult> {
  return timed('idempotency', async (figures, failures) => {
    figures.dieAt = DIE_AT;
    for (const dialect of options.dialects)
      figures[dialect] = await crashAfterCommitOn(dialect, (f) =>
        failures.push(`${dialect}: ${f}`),
      );
  });
}

async function crashAfterCommitOn(dialect: DialectName, fail: (message: string) => void) {
  const world = await startDrillWorld(dialect, 1);
  let server: ServerProcess = await spawnServer(world.store.url);
  const figures = { crashes: 0, replayed: 0, restartMs: [] as number[] };
  try {
    await setUpCustomer(world, server.base);
    const units = DIE_AT.reduce((sum, n) => sum + n, 0);
    const skuId = await stockedSku(world, server.base, 'IDEM', units);
    await server.stop();
    for (const n of DIE_AT) {
      server = await spawnServer(world.store.url, { STOCKLINE_FAULT_EXIT_AFTER_COMMIT: String(n) });
      const po = await placeUntilTheFault(world, server, skuId, n, fail);
      if (po === undefined) continue;
      figures.crashes++;
      await server.stop();
      const started = Date.now();
      server = await spawnServer(world.store.url);
      figures.restartMs.push(Date.now() - started);
      if (await replaysStoredOrder(world, server.base, skuId, po, fail)) figures.replayed++;
      await server.stop();
    }
    for (const p of await ledgerProblems(world)) fail(p);
  } finally {
    await server.stop();
    await world.close();
  }
  return figures;
}

/**
 * Places orders 1..n on a server armed to die at the n-th commit: the first n - 1 must be
 * answered, the n-th must not, and the server must have died of SIGKILL. Returns the n-th PO.
 */
async function placeUntilTheFault(
  world: DrillWorld,
  server: ServerProcess,
  skuId: number,
  n: number,
  fail: (message: string) => void,
): Promise<string | undefined> {
  for (let i = 1; i <= n; i++) {
    const po = `IDEM-${n}-${i}`;
    const reply = await placeOrder(world, server.base, skuId, po).catch(() => undefined);
    if (i < n && reply?.status !== 201) {
      fail(`N=${n}: order ${i} before the fault got ${reply?.status ?? 'no answer'}`);
      return undefined;
    }
    if (i === n && reply !== undefined) {
      fail(`N=${n}: the faulted order was answered (${reply.status}); the hook did not fire`);
      return undefined;
    }
  }
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null)
    await new Promise((resolve) => child.once('exit', resolve));
  if (child.signalCode !== 'SIGKILL') {
    fail(`N=${n}: server ended with ${child.signalCode ?? child.exitCode}, not SIGKILL`);
    return undefined;
  }
  return `IDEM-${n}-${n}`;
}

/**
 * The order committed before the crash is found once in the store; the retry with the same
 * key answers 201 with exactly the stored response (its order id), and makes no second order.
 */
async function replaysStoredOrder(
  world: DrillWorld,
  base: string,
  skuId: number,
  po: string,
  fail: (message: string) => void,
): Promise<boolean> {
  const before = await orderIdsWithPo(world, po);
  if (before.length !== 1) {
    fail(`${po}: ${before.length} orders committed before the reply, expected 1`);
    return false;
  }
  const stored = await world.store.database.db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response_body'])
    .where('key', '=', keyFor(po))
    .executeTakeFirst();
  const retry = await placeOrder(world, base, skuId, po);
  const after = await orderIdsWithPo(world, po);
  const problems = [
    stored ? undefined : 'no stored response for the key',
    retry.status === 201 ? undefined : `retry got ${retry.status} ${JSON.stringify(retry.body)}`,
    retry.body.id === before[0] ? undefined : `retry answered order ${String(retry.body.id)}`,
    stored && isDeepStrictEqual(retry.body, JSON.parse(stored.response_body))
      ? undefined
      : 'retry body differs from the stored response',
    after.length === 1 ? undefined : `${after.length} orders after the retry`,
  ].filter((p) => p !== undefined);
  for (const p of problems) fail(`${po}: ${p}`);
  return problems.length === 0;
}

const keyFor = (po: string) => `key-${po}`;

function placeOrder(world: DrillWorld, base: string, skuId: number, po: string) {
  return api(
    base,
    world.salesKeys[0]!,
    'POST',
    '/orders',
    {
      customerId: world.customerId,
      customerPo: po,
      lines: [{ skuId, packLevel: 'each', packQuantity: 1 }],
    },
    { 'idempotency-key': keyFor(po) },
  );
}

async function orderIdsWithPo(world: DrillWorld, po: string): Promise<number[]> {
  const rows = await world.store.database.db
    .selectFrom('orders')
    .select('id')
    .where('customer_po', '=', po)
    .execute();
  return rows.map((r) => r.id);
}
