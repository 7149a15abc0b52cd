import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveUnplanned } from '../../src/app/inventory/receive-unplanned.js';
import { dialects } from '../support/databases.js';
import { spawnServer } from '../orders-concurrency/second-server.js';
import {
  createCustomer,
  createSku,
  expectConsistent,
  line,
  placeOrderFor,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/** Backordered orders the sweep has to work through: long enough to be stopped mid-way. */
const ORDERS = 250;

/**
 * A stop is graceful: SIGTERM while the backorder sweep works through hundreds of orders stops
 * its timer, ends the sweep between two orders, drains HTTP and only then closes the pool —
 * no error-level log line, exit code 0, and the store consistent. With `--workers 2`
 * (PostgreSQL) both workers sweep at once and the primary drains them.
 */
describe.each(dialects)('stopping a server on %s', (dialect) => {
  let world: OrderWorld;
  let sku: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world, false);
    const customer = await createCustomer(world, 'WAIT-1', { allowBackorders: true });
    for (let i = 0; i < ORDERS; i++) await placeOrderFor(world, customer, [line(sku, 1)]);
  }, 120_000);
  afterAll(async () => world?.api.close());

  /** Stock for every waiting order, received without filling them: the sweep's work. */
  async function stockForTheSweep() {
    await world.api.store.database.write((trx) =>
      receiveUnplanned(
        trx,
        { skuId: sku, toLocationId: world.pickFace, quantity: ORDERS },
        'test',
        new Date().toISOString(),
      ),
    );
  }

  const allocatedOrders = async () =>
    Number(
      (
        await world.api.store.database.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'allocated')
          .executeTakeFirstOrThrow()
      ).n,
    );

  const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

  const single = { label: 'one process', args: [] as string[] };
  const cases =
    dialect === 'postgres'
      ? [single, { label: '--workers 2', args: ['--workers', '2'] }]
      : [single];
  it.each(cases)(
    'logs no error and exits 0 ($label)',
    async ({ args }) => {
      const before = await allocatedOrders();
      const server = await spawnServer(
        world.api.store.url,
        { BACKORDER_SWEEP_SECONDS: '1', LOG_LEVEL: 'info' },
        args,
      );
      const processes = args.length ? 2 : 1;
      try {
        // Every worker serving (its jobs started), before the sweep gets work.
        const ready = Date.now() + 60_000;
        while (countOf(server.output(), /Stockline is serving/g) < processes && Date.now() < ready)
          await new Promise((r) => setTimeout(r, 50));
        await stockForTheSweep();
        // Stop as soon as the sweep has started filling: it is mid-way through the orders.
        const deadline = Date.now() + 30_000;
        while ((await allocatedOrders()) === before && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        expect(await allocatedOrders()).toBeGreaterThan(before);
        const exited = new Promise<number | null>((resolve) =>
          server.child.once('exit', (code) => resolve(code)),
        );
        server.child.kill('SIGTERM');
        const code = await exited;
        const output = server.output();
        expect(code, output).toBe(0);
        // Neither an error-level line nor a worker that died (and was replaced).
        const errors = output.split('\n').filter((l) => /"level":(50|60)|rror|exited \(/.test(l));
        expect(errors).toEqual([]);
        expect(countOf(output, /"msg":"stopped"/g), output).toBe(processes);
        await expectConsistent(world);
      } finally {
        await server.stop();
      }
    },
    120_000,
  );
});
