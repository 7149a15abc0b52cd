import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

describe.each(dialects)('stock under concurrent HTTP writes on %s', (dialect) => {
  let api: TestApi;
  let base: string;
  let wh: WarehouseFixture;
  let sku: number;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    base = await api.app.listen({ port: 0, host: '127.0.0.1' });
    wh = await insertWarehouse(api.store.database, 'MAIN');
    sku = await insertSku(api.store.database, 'LITTER-CLAY-10KG');
  });
  afterAll(async () => api?.close());

  const post = (path: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { ...api.as('warehouse'), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('ends 500 concurrent +1 and 500 concurrent −1 adjustments exactly at the start, with 1,000 movements', async () => {
    const bin = wh.bins[1]!;
    const start = await post('/stock/receipts', { skuId: sku, toLocationId: bin, quantity: 500 });
    expect(start.status).toBe(201);
    const deltas = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const responses = await Promise.all(
      deltas.map((delta) =>
        post('/stock/adjustments', {
          skuId: sku,
          locationId: bin,
          delta,
          reasonCode: 'correction',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const stock = await fetch(`${base}/api/v1/stock?skuId=${sku}&groupBy=location`, {
      headers: api.as('sales'),
    });
    const { items } = (await stock.json()) as { items: { locationId: number; onHand: number }[] };
    const row = items.find((r) => r.locationId === bin)!;
    expect(row.onHand).toBe(500);
    const adjustments = await api.store.database.db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sku_id', '=', sku)
      .where('type', '=', 'adjustment')
      .executeTakeFirstOrThrow();
    expect(Number(adjustments.n)).toBe(1000);
    expect((await reconcile(api.store.database.db)).differences).toEqual([]);
  });

  it('refuses a move that would take a bin below zero with a 409 problem and changes nothing', async () => {
    const [from, to] = [wh.bins[1]!, wh.bins[2]!];
    const response = await post('/stock/moves', {
      skuId: sku,
      fromLocationId: from,
      toLocationId: to,
      quantity: 501,
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({
      code: 'INVENTORY.INSUFFICIENT_AVAILABLE',
      status: 409,
      available: 500,
    });
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts/);
  });

  it('never oversells when 200 clients race to move the last 100 units', async () => {
    const [from, to] = [wh.bins[1]!, wh.bins[2]!];
    await post('/stock/adjustments', {
      skuId: sku,
      locationId: from,
      delta: -400,
      reasonCode: 'correction',
    });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        post('/stock/moves', { skuId: sku, fromLocationId: from, toLocationId: to, quantity: 1 }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    expect((await reconcile(api.store.database.db)).differences).toEqual([]);
  });
});
