import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DialectName } from '../src/adapters/db/database.js';
import { spawnServer, type ServerProcess } from '../test/orders-concurrency/second-server.js';
import { seededRandom, timed, type DrillOptions, type DrillResult } from './drill-result.js';
import { api, setUpCustomer, startDrillWorld, stockedSku, type DrillWorld } from './drill-world.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Crash test, with idempotency under crash folded in: C clients place N orders (one unit each,
 * each with its own Idempotency-Key and customer PO) while the server is killed with SIGKILL K
 * times at random moments and started again. On PostgreSQL the store lives on a throwaway
 * cluster of the drill's own, and at the middle kill the database crashes too
 * (`pg_ctl stop -m immediate`, then started again before the server). A request that got no
 * answer is retried with the same key. Must hold: every acknowledged order is there after the
 * restarts, no key made two orders, a request that committed but died before its answer gets
 * the stored order on retry, `stockline reconcile` is clean, and (SQLite) `PRAGMA
 * integrity_check` is ok. (The `idempotency` drill hits "committed, not answered" for sure.)
 */
export function crashDrill(options: DrillOptions): Promise<DrillResult> {
  const size = options.long
    ? { orders: 10_000, clients: 32, kills: 3 }
    : { orders: 500, clients: 32, kills: 1 };
  return timed('crash', async (figures, failures) => {
    figures.size = size;
    for (const dialect of options.dialects)
      figures[dialect] = await crashOn(dialect, size, (f) => failures.push(`${dialect}: ${f}`));
  });
}

interface Size {
  orders: number;
  clients: number;
  kills: number;
}

async function crashOn(dialect: DialectName, size: Size, fail: (message: string) => void) {
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined;
  try {
    return await crashOnStore(dialect, size, fail, cluster);
  } finally {
    await cluster?.destroy();
  }
}

async function crashOnStore(
  dialect: DialectName,
  size: Size,
  fail: (message: string) => void,
  cluster: PgCluster | undefined,
) {
  const world = await startDrillWorld(dialect, size.clients, cluster?.url);
  let server: ServerProcess = await spawnServer(world.store.url);
  const random = seededRandom(Number(process.env.DRILL_SEED ?? 2026));
  // Kill points as fractions of the orders acknowledged so far, spread over 10–90%.
  const killAt = Array.from({ length: size.kills }, () => 0.1 + 0.8 * random())
    .sort()
    .map((f) => Math.floor(f * size.orders));
  // The kill (0-based) at which the database crashes as well: the middle one.
  const databaseCrashAt = cluster ? Math.floor((size.kills - 1) / 2) : -1;
  const figures = {
    acknowledged: 0,
    retries: 0,
    kills: 0,
    databaseCrashes: 0,
    restartMs: [] as number[],
    databaseRecoveryMs: [] as number[],
    replayedAfterCrash: 0,
    reconcile: 'not run',
    integrityCheck: dialect === 'sqlite' ? 'not run' : 'n/a',
  };
  const acknowledged = new Map<number, number>();
  let restarting: Promise<void> | undefined;
  try {
    await setUpCustomer(world, server.base);
    const skuId = await stockedSku(world, server.base, 'CRASH', size.orders);
    const restart = async () => {
      const withDatabase = figures.kills++ === databaseCrashAt;
      // The database goes first, under the live server's transactions in flight.
      if (withDatabase) await cluster!.crash();
      server.child.kill('SIGKILL');
      await server.stop();
      if (withDatabase) {
        const started = Date.now();
        await cluster!.start();
        figures.databaseRecoveryMs.push(Date.now() - started);
        figures.databaseCrashes++;
      }
      const started = Date.now();
      server = await spawnServer(world.store.url);
      figures.restartMs.push(Date.now() - started);
    };
    let next = 0;
    const client = async () => {
      for (let i = next++; i < size.orders; i = next++) {
        let unanswered = false;
        for (;;) {
          if (restarting) await restarting;
          if (killAt.length > 0 && acknowledged.size >= killAt[0]!) {
            killAt.shift();
            restarting = restart().finally(() => (restarting = undefined));
            await restarting;
          }
          // What a request that died unanswered had already committed: its retry must return it.
          const committed = unanswered ? await orderWithPo(world, i) : undefined;
          const reply = await placeOne(world, server.base, skuId, i).catch(() => undefined);
          if (reply?.status === 201) {
            acknowledged.set(i, reply.body.id as number);
            if (committed !== undefined) {
              figures.replayedAfterCrash++;
              if (committed !== reply.body.id)
                fail(`order ${i}: retry made ${String(reply.body.id)}, not ${committed}`);
            }
            break;
          }
          unanswered ||= reply === undefined;
          if (reply && reply.status < 500 && reply.status !== 409) {
            fail(`order ${i}: ${reply.status} ${JSON.stringify(reply.body)}`);
            break;
          }
          // No answer (the server died), a 5xx, or the key still in flight: try again.
          figures.retries++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    await Promise.all(Array.from({ length: size.clients }, client));
    figures.acknowledged = acknowledged.size;
    await server.stop();
    for (const p of await verify(world, acknowledged)) fail(p);
    const reconciled = await reconcileCli(world.store.url);
    figures.reconcile = reconciled.code === 0 ? 'clean' : `exit ${reconciled.code}`;
    if (reconciled.code !== 0)
      fail(`stockline reconcile exited ${reconciled.code}: ${reconciled.output}`);
    if (dialect === 'sqlite') {
      const check = integrityCheck(world.store.url);
      figures.integrityCheck = check;
      if (check !== 'ok') fail(`integrity_check: ${check}`);
    }
  } finally {
    await server.stop();
    await world.close();
  }
  return figures;
}

async function placeOne(world: DrillWorld, base: string, skuId: number, i: number) {
  const reply = await api(
    base,
    world.salesKeys[i % world.salesKeys.length]!,
    'POST',
    '/orders',
    {
      customerId: world.customerId,
      customerPo: `CRASH-${i}`,
      lines: [{ skuId, packLevel: 'each', packQuantity: 1 }],
    },
    { 'idempotency-key': `crash-${i}` },
  );
  return reply;
}

/** The order stored under PO `CRASH-i`; asked while the database restarts, it waits and asks again. */
async function orderWithPo(world: DrillWorld, i: number): Promise<number | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await world.store.database.db
        .selectFrom('orders')
        .select('id')
        .where('customer_po', '=', `CRASH-${i}`)
        .executeTakeFirst();
      return row?.id;
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Every acknowledged order is stored under the id it was acknowledged with; no PO twice. */
async function verify(world: DrillWorld, acknowledged: Map<number, number>): Promise<string[]> {
  const rows = await world.store.database.db
    .selectFrom('orders')
    .select(['id', 'customer_po'])
    .where('customer_po', 'like', 'CRASH-%')
    .execute();
  const byPo = new Map<string, number[]>();
  for (const r of rows) byPo.set(r.customer_po!, [...(byPo.get(r.customer_po!) ?? []), r.id]);
  const problems: string[] = [];
  const twice = [...byPo].filter(([, ids]) => ids.length > 1);
  if (twice.length > 0) problems.push(`${twice.length} keys made more than one order`);
  const missing = [...acknowledged].filter(([i, id]) => !byPo.get(`CRASH-${i}`)?.includes(id));
  if (missing.length > 0) problems.push(`${missing.length} acknowledged orders missing`);
  const held = await world.store.database.db
    .selectFrom('order_lines')
    .select(sql<number>`coalesce(sum(quantity_allocated), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(held.n) !== rows.length)
    problems.push(`${held.n} units allocated for ${rows.length} one-unit orders`);
  return problems;
}

function reconcileCli(databaseUrl: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'reconcile'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output: output.slice(-2000) }));
  });
}

function integrityCheck(file: string): string {
  const db = new BetterSqlite(file, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  } finally {
    db.close();
  }
}
