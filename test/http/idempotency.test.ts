import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

describe.each(dialects)('idempotent stock writes on %s', (dialect) => {
  let api: TestApi;
  let wh: WarehouseFixture;
  let sku: number;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    wh = await insertWarehouse(api.store.database, 'MAIN');
    sku = await insertSku(api.store.database, 'TREATS-1', true);
  });
  afterAll(async () => api?.close());

  const receipt = (key: string, quantity = 12) =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: { ...api.as('warehouse'), 'idempotency-key': key },
      payload: {
        skuId: sku,
        toLocationId: wh.bins[0],
        quantity,
        lotCode: 'T1',
        expiryDate: '2027-05-01',
      },
    });
  const movements = async () =>
    Number(
      (
        await api.store.database.db
          .selectFrom('stock_movements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('replays the stored response for 20 sequential and 50 parallel retries: one receipt', async () => {
    const first = await receipt('rcpt-1');
    expect(first.statusCode).toBe(201);
    for (let i = 0; i < 20; i++) {
      const again = await receipt('rcpt-1');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
    }
    const parallel = await Promise.all(Array.from({ length: 50 }, () => receipt('rcpt-2')));
    expect(parallel.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(parallel.map((r) => r.body)).size).toBe(1);
    expect(await movements()).toBe(2);
  });

  it('refuses the same key with a different body (422) and scopes keys per API key', async () => {
    const reused = await receipt('rcpt-1', 13);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
    const other = await api.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: { ...api.as('manager'), 'idempotency-key': 'rcpt-1' },
      payload: {
        skuId: sku,
        toLocationId: wh.bins[0],
        quantity: 12,
        lotCode: 'T1',
        expiryDate: '2027-05-01',
      },
    });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await movements()).toBe(3);
  });

  it('does not store a refused request: a corrected retry with a new key succeeds', async () => {
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: { ...api.as('warehouse'), 'idempotency-key': 'rcpt-bad' },
      payload: { skuId: sku, toLocationId: wh.bins[0], quantity: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('INVENTORY.LOT_REQUIRED');
    expect(await movements()).toBe(3);
  });

  it('limits page sizes and lists lots by expiry', async () => {
    const tooBig = await api.app.inject({
      method: 'GET',
      url: '/api/v1/stock/movements?limit=501',
      headers: api.as('sales'),
    });
    expect(tooBig.statusCode).toBe(400);
    const page = await api.app.inject({
      method: 'GET',
      url: '/api/v1/stock/movements?limit=2',
      headers: api.as('sales'),
    });
    expect(page.json().items).toHaveLength(2);
    const next = await api.app.inject({
      method: 'GET',
      url: `/api/v1/stock/movements?limit=2&cursor=${page.json().nextCursor}`,
      headers: api.as('sales'),
    });
    expect(next.json().items).toHaveLength(1);
    expect(next.json().nextCursor).toBeNull();
    const lots = await api.app.inject({
      method: 'GET',
      url: `/api/v1/skus/${sku}/lots`,
      headers: api.as('sales'),
    });
    expect(lots.json().items).toEqual([
      { id: expect.any(Number), skuId: sku, code: 'T1', expiryDate: '2027-05-01' },
    ]);
  });

  // Issue 17, item 7: the fingerprint compared bytes, so the same body with its keys in
  // another order was refused as KEY_REUSED.
  it('replays the same body with its keys in another order', async () => {
    const send = (payload: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/stock/receipts',
        headers: {
          ...api.as('warehouse'),
          'idempotency-key': 'rcpt-order',
          'content-type': 'application/json',
        },
        payload,
      });
    const before = await movements();
    const first = await send(
      `{"skuId":${sku},"toLocationId":${wh.bins[0]},"quantity":5,"lotCode":"T9","expiryDate":"2027-05-01"}`,
    );
    expect(first.statusCode, first.body).toBe(201);
    const reordered = await send(
      `{ "expiryDate": "2027-05-01", "lotCode": "T9", "quantity": 5, "toLocationId": ${wh.bins[0]}, "skuId": ${sku} }`,
    );
    expect(reordered.statusCode, reordered.body).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.json()).toEqual(first.json());
    expect(await movements()).toBe(before + 1);
  });
});
