/**
 * Order entry over HTTP: 3-line orders POSTed to /api/v1/orders by 8 concurrent clients
 * against a catalog of 5,000 SKUs (each priced and stocked in a bin), on SQLite at production
 * settings (WAL, group commit, WAL synced per batch) and on PostgreSQL. Each order is priced,
 * credit-checked, stored and allocated in one transaction, exactly as in production.
 *
 * The server runs in this process and the load generator (autocannon) in a child, so
 * process.cpuUsage() here is the server's CPU alone (on PostgreSQL the database's own CPU is
 * in its backends, not counted). A bare Fastify route taking the same bodies and answering
 * {ok:true}, driven by the same client, is the ceiling: echo_per_s.
 *
 * Runs are a fixed number of requests (about 10 s, sized from the warm-up rate), so every
 * order sent was answered; afterwards the orders stored must equal the 201s seen and the
 * ledger must reconcile, or the bench fails.
 *
 * BENCH_CPU_PROF=<dir> writes a .cpuprofile of the server for each measured run.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Database, DialectName } from '../src/adapters/db/database.js';
import { buildServer } from '../src/adapters/http/server.js';
import { createApiKey } from '../src/app/auth/api-keys.js';
import { DEFAULT_POLICIES, type AppContext } from '../src/app/context.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { reconcile } from '../src/app/inventory/reconcile.js';
import { createPriceList } from '../src/app/pricing/price-lists.js';
import { NOW, insertWarehouse, skuRow } from './support/fixtures.js';
import { startLoadClient, type LoadClient, type LoadResult } from './support/http-load.js';
import type { OrderBodyArgs } from './support/order-bodies.js';
import { emit, log, scaled, warnLoudly, type Metrics } from './support/report.js';
import { round } from './support/stats.js';
import { APPLICATION_NAME, postgresVersion, withStore } from './support/store.js';

const CLIENTS = 8;
const SKUS = 5_000;
const LINES_PER_ORDER = 3;
const MAX_EACHES_PER_LINE = 5;
/** Far more than the run can take: ~10 s × a few hundred orders/s × 3 lines × ≤5 eaches, over 5,000 SKUs. */
const STOCK_PER_SKU = 1_000_000;
const WARMUP_ORDERS = scaled(500);
const SECONDS = 10 * Math.min(1, Number(process.env.BENCH_SCALE ?? '1') || 1);
const ECHO_WARMUP = scaled(3_000);
const CHUNK = 500;
const bodiesModule = new URL('./support/order-bodies.ts', import.meta.url).href;
const profileDir = process.env.BENCH_CPU_PROF;

interface Catalog {
  skuIds: number[];
  customerId: number;
  apiKey: string;
}

/** One warehouse, 5,000 SKUs each with a list price and STOCK_PER_SKU units in one bin, one customer. */
async function setUp(database: Database): Promise<Catalog> {
  const warehouse = await database.write((trx) => insertWarehouse(trx, 'BENCH', 1));
  const bin = warehouse.bins[0]!;
  const skuIds: number[] = [];
  for (let i = 0; i < SKUS; i += CHUNK) {
    const rows = await database.write((trx) =>
      trx
        .insertInto('skus')
        .values(Array.from({ length: Math.min(CHUNK, SKUS - i) }, (_, k) => skuRow(`ORD-${i + k}`)))
        .returning('id')
        .execute(),
    );
    skuIds.push(...rows.map((r) => r.id));
  }
  const now = new Date(NOW);
  const list = await database.write((trx) =>
    createPriceList(trx, { code: 'BENCH', name: 'Bench trade prices', currency: 'USD' }, now),
  );
  const customer = await database.write((trx) =>
    createCustomer(
      trx,
      {
        accountNumber: 'BENCH-1',
        name: 'Bench Pet Supplies',
        billTo: { line1: '1 Main St', city: 'Columbus', postalCode: '43215', country: 'US' },
        currency: 'USD',
        priceListId: list.id,
        creditLimitMinor: null,
        allowBackorders: true,
        shipComplete: false,
        minRemainingShelfLifeDays: 0,
      },
      now,
    ),
  );
  // Opening stock written straight into the ledger (a receipt movement and its balance per
  // SKU) in bulk: the same rows receiveUnplanned writes, so reconcile checks them too.
  for (let i = 0; i < skuIds.length; i += CHUNK) {
    const chunk = skuIds.slice(i, i + CHUNK);
    await database.write(async (trx) => {
      await trx
        .insertInto('price_list_prices')
        .values(
          chunk.map((skuId, k) => ({
            price_list_id: list.id,
            sku_id: skuId,
            pack_level: 'each',
            min_quantity: 1,
            unit_price_minor: 500 + ((i + k) % 2000),
            valid_from: null,
            valid_to: null,
          })),
        )
        .execute();
      await trx
        .insertInto('stock_movements')
        .values(
          chunk.map((skuId) => ({
            sku_id: skuId,
            lot_id: 0,
            from_location_id: warehouse.place.supplier!,
            to_location_id: bin,
            quantity: STOCK_PER_SKU,
            type: 'receipt',
            reason_code: null,
            reference: 'bench opening stock',
            actor: 'bench',
            created_at: NOW,
          })),
        )
        .execute();
      await trx
        .insertInto('stock_balances')
        .values(
          chunk.map((skuId) => ({
            location_id: bin,
            sku_id: skuId,
            lot_id: 0,
            warehouse_id: warehouse.id,
            on_hand: STOCK_PER_SKU,
            allocated: 0,
            updated_at: NOW,
          })),
        )
        .execute();
    });
  }
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  const key = await createApiKey(database, { role: 'sales', name: 'bench' }, now);
  if (!key.ok) throw new Error(key.error.message);
  return { skuIds, customerId: customer.id, apiKey: key.value.key };
}

/** Server CPU (user + system) in ms while `work` runs, optionally profiled to BENCH_CPU_PROF. */
async function serverCpu<T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ value: T; cpuMs: number }> {
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const before = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(before);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(profileDir!, { recursive: true });
    const file = path.join(profileDir!, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile of the server: ${file}`);
  }
  return { value, cpuMs: (used.user + used.system) / 1000 };
}

const summary = (r: LoadResult) =>
  `${r.requests} in ${r.seconds.toFixed(2)} s → ${r.perSecond.toFixed(1)}/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, statuses ${JSON.stringify(r.statuses)}`;

/** Every request must have been answered with `status`: anything else fails the bench. */
function expectAll(r: LoadResult, status: number, what: string) {
  const other = Object.entries(r.statuses).filter(([s]) => Number(s) !== status);
  if (other.length > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${what}: expected only ${status}s, got ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.timeouts} timeouts`,
    );
}

interface DialectRun {
  clients: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (every thread of this process) per order. */
  cpuMsPerOrder: number;
  /** SQLite: statements per order; PostgreSQL: round trips per order (counted by the store). */
  statementsPerOrder: number;
  /** SQLite: WAL syncs (group-committed batches) per order. */
  syncsPerOrder: number;
  /** PostgreSQL: backend CPU of the server's connections per order (from /proc). */
  dbCpuMsPerOrder: number | null;
}

/** Measured runs at each client count on one fresh store (a warm-up first). */
async function ordersRuns(
  client: LoadClient,
  dialect: DialectName,
  clientCounts: readonly number[],
): Promise<DialectRun[]> {
  return withStore(dialect, async ({ database }) => {
    const setUpStart = performance.now();
    const catalog = await setUp(database);
    log(
      `${dialect}: catalog of ${SKUS} SKUs in ${((performance.now() - setUpStart) / 1000).toFixed(1)} s`,
    );
    const ctx: AppContext = { database, now: () => new Date(), policies: DEFAULT_POLICIES };
    // One client key at thousands of orders a minute: the per-key limit would answer 429.
    const app = await buildServer(ctx, { logLevel: 'warn', rateLimitPerMinute: 0 });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const spec = (amount: number, seed: number, connections: number, sequential = false) => ({
        url: `${base}/api/v1/orders`,
        method: 'POST' as const,
        headers: { authorization: `Bearer ${catalog.apiKey}` },
        body: {
          module: bodiesModule,
          exportName: 'orderBodies',
          args: {
            customerId: catalog.customerId,
            skuIds: catalog.skuIds,
            linesPerOrder: LINES_PER_ORDER,
            maxPacks: MAX_EACHES_PER_LINE,
            seed,
            sequential,
          } satisfies OrderBodyArgs,
        },
        amount,
        connections,
      });
      // The warm-up orders every SKU once, as a running server's trade would have by then: the
      // measured runs see order entry's master-data cache in its steady state.
      const warmup = await client.run(
        spec(Math.max(WARMUP_ORDERS, Math.ceil(SKUS / LINES_PER_ORDER)), 1, CLIENTS, true),
      );
      log(`${dialect} warm-up: ${summary(warmup)}`);
      expectAll(warmup, 201, `${dialect} warm-up`);
      let created = warmup.requests;
      const runs: DialectRun[] = [];
      for (const [i, clients] of clientCounts.entries()) {
        const amount = Math.max(clients, Math.round(warmup.perSecond * SECONDS));
        const stats = database.stats();
        const backends = await backendCpu(database);
        const { value: run, cpuMs } = await serverCpu(`orders-${dialect}-c${clients}`, () =>
          client.run(spec(amount, 2 + i, clients)),
        );
        const dbCpuMs = backends ? (await backends()) / run.requests : null;
        const after = database.stats();
        expectAll(run, 201, `${dialect} at ${clients} clients`);
        created += run.requests;
        const measured: DialectRun = {
          clients,
          perSecond: run.perSecond,
          p50Ms: run.p50Ms,
          p99Ms: run.p99Ms,
          cpuMsPerOrder: cpuMs / run.requests,
          statementsPerOrder: (after.statements - stats.statements) / run.requests,
          syncsPerOrder: (after.commitSyncs - stats.commitSyncs) / run.requests,
          dbCpuMsPerOrder: dbCpuMs,
        };
        log(
          `${dialect} at ${clients} clients: ${summary(run)}; server CPU ${measured.cpuMsPerOrder.toFixed(3)} ms/order` +
            `; ${measured.statementsPerOrder.toFixed(2)} ${dialect === 'sqlite' ? 'statements' : 'round trips'}/order` +
            (dialect === 'sqlite'
              ? `; ${(1 / measured.syncsPerOrder).toFixed(1)} orders per WAL sync`
              : `; PostgreSQL backends ${dbCpuMs?.toFixed(3)} ms CPU/order`),
        );
        runs.push(measured);
      }
      await verify(database, created, dialect);
      return runs;
    } finally {
      await app.close();
    }
  });
}

/**
 * PostgreSQL only: starts counting the CPU of the store's own server backends (those of its
 * application name) from /proc; the returned function gives the milliseconds used since.
 */
async function backendCpu(database: Database): Promise<(() => Promise<number>) | undefined> {
  if (database.dialect !== 'postgres') return undefined;
  const pids = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${APPLICATION_NAME}`.execute(
    database.db,
  );
  const ticks = () =>
    pids.rows.reduce((n, { pid }) => {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return n + Number(fields[11]) + Number(fields[12]);
      } catch {
        return n; // A backend that ended (pool shrink) stops counting.
      }
    }, 0);
  const before = ticks();
  // Clock ticks are 1/100 s on Linux.
  return async () => ((ticks() - before) * 1000) / 100;
}

/** Every 201 is one stored, fully allocated order, and the ledger reconciles. */
async function verify(database: Database, created: number, dialect: DialectName) {
  const orders = await database.db
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const stored = orders.reduce((n, o) => n + Number(o.n), 0);
  if (stored !== created)
    throw new Error(`${dialect}: ${stored} orders stored, but ${created} POSTs answered 201`);
  const notAllocated = orders.filter((o) => o.status !== 'allocated');
  if (notAllocated.length > 0)
    throw new Error(`${dialect}: orders not fully allocated: ${JSON.stringify(notAllocated)}`);
  const report = await reconcile(database.db);
  if (!report.ok)
    throw new Error(
      `${dialect}: reconcile found ${report.differences.length} difference(s): ${JSON.stringify(report.differences.slice(0, 5))}`,
    );
  log(
    `${dialect}: ${stored} orders stored = 201s; reconcile clean (${report.movements} movements)`,
  );
}

/** A bare Fastify route taking the same order bodies and answering {ok:true}: the HTTP ceiling. */
async function echoRun(client: LoadClient): Promise<number> {
  const app = Fastify({ logger: false });
  app.post('/echo', async () => ({ ok: true }));
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const spec = (amount: number) => ({
      url: `${base}/echo`,
      method: 'POST' as const,
      body: {
        module: bodiesModule,
        exportName: 'orderBodies',
        args: {
          customerId: 1,
          skuIds: Array.from({ length: SKUS }, (_, i) => i + 1),
          linesPerOrder: LINES_PER_ORDER,
          maxPacks: MAX_EACHES_PER_LINE,
          seed: 3,
        } satisfies OrderBodyArgs,
      },
      amount,
      connections: CLIENTS,
    });
    const warmup = await client.run(spec(ECHO_WARMUP));
    expectAll(warmup, 200, 'echo warm-up');
    const run = await client.run(spec(Math.round(warmup.perSecond * Math.min(SECONDS, 5))));
    expectAll(run, 200, 'echo');
    log(`echo: ${summary(run)}`);
    return run.perSecond;
  } finally {
    await app.close();
  }
}

const client = await startLoadClient();
const metrics: Metrics = {};
try {
  metrics.load_average_1m = round(os.loadavg()[0]!, 2);
  metrics.echo_per_s = round(await echoRun(client), 1);
  const [c8, c32] = await ordersRuns(client, 'sqlite', [CLIENTS, 32]);
  metrics.orders_per_s_sqlite = round(c8!.perSecond, 1);
  metrics.orders_per_s_sqlite_c32 = round(c32!.perSecond, 1);
  // Same client, same run: the share of the bare Fastify ceiling an order reaches.
  metrics.orders_vs_echo_ratio = round(c32!.perSecond / metrics.echo_per_s, 4);
  metrics.order_p50_ms = round(c32!.p50Ms, 3);
  metrics.order_p99_ms = round(c32!.p99Ms, 3);
  metrics.order_p99_ms_c8 = round(c8!.p99Ms, 3);
  metrics.order_cpu_ms = round(c32!.cpuMsPerOrder, 4);
  metrics.sql_statements_per_order = round(c32!.statementsPerOrder, 2);
  metrics.orders_per_wal_sync_c32 = round(1 / c32!.syncsPerOrder, 2);
  if (await postgresVersion()) {
    const [pg] = await ordersRuns(client, 'postgres', [32]);
    metrics.orders_per_s_pg = round(pg!.perSecond, 1);
    metrics.order_p50_ms_pg = round(pg!.p50Ms, 3);
    metrics.order_p99_ms_pg = round(pg!.p99Ms, 3);
    metrics.order_cpu_ms_pg = round(pg!.cpuMsPerOrder, 4);
    metrics.order_db_cpu_ms_pg =
      pg!.dbCpuMsPerOrder === null ? null : round(pg!.dbCpuMsPerOrder, 4);
    metrics.pg_round_trips_per_order = round(pg!.statementsPerOrder, 2);
    metrics.pg_processes = 1;
  } else {
    warnLoudly(
      'PostgreSQL is unreachable: orders_per_s_pg, order_p99_ms_pg, pg_round_trips_per_order NOT measured',
    );
    for (const name of [
      'orders_per_s_pg',
      'order_p50_ms_pg',
      'order_p99_ms_pg',
      'order_cpu_ms_pg',
      'order_db_cpu_ms_pg',
      'pg_round_trips_per_order',
    ])
      metrics[name] = null;
  }
} finally {
  await client.close();
}
emit(metrics);
