import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { PO_850, segmentsOf, setUpXyzRetail, type EdiWorld } from './edi-fixtures.js';

/** Issue 18, item 2: a PO that placement refuses is not lost; reprocessing orders it once. */
describe.each(dialects)('an 850 that placement refuses, on %s', (dialect) => {
  let world: OrderWorld;
  let xyz: EdiWorld;
  let priceListId: number | null;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    xyz = await setUpXyzRetail(world, 10);
  });
  afterAll(async () => world?.api.close());

  const inject = (method: 'GET' | 'POST', url: string, payload?: string) =>
    world.api.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...world.api.as('manager'), 'content-type': 'text/plain' },
      ...(payload === undefined ? {} : { payload }),
    });
  const setPriceList = (id: number | null) =>
    world.api.store.database.write((trx) =>
      trx
        .updateTable('customers')
        .set({ price_list_id: id })
        .where('id', '=', xyz.customerId)
        .execute(),
    );
  const ordersOfCustomer = () =>
    world.api.store.database.db
      .selectFrom('orders')
      .select('id')
      .where('customer_id', '=', xyz.customerId)
      .execute();

  it('waits in the error queue with the refusal, the 997 accepting and the 855 rejecting', async () => {
    const customer = await world.api.store.database.db
      .selectFrom('customers')
      .select('price_list_id')
      .where('id', '=', xyz.customerId)
      .executeTakeFirstOrThrow();
    priceListId = customer.price_list_id;
    await setPriceList(null);
    const posted = await inject('POST', '/edi/interchanges', PO_850);
    expect(posted.statusCode, posted.body).toBe(422);
    const queued = posted.json();
    expect(queued).toMatchObject({ status: 'error', orderIds: [] });
    expect(queued.errorReason).toMatch(/850 000000010 refused, no order: PRICING\./);
    const queue = await inject('GET', '/edi/interchanges?status=error');
    expect(queue.json().items.map((i: { id: number }) => i.id)).toContain(queued.id);
    const fa = segmentsOf(queued.acks.find((a: { setId: string }) => a.setId === '997').raw);
    expect(fa).toContainEqual(['AK5', 'A']);
    const po = segmentsOf(queued.acks.find((a: { setId: string }) => a.setId === '855').raw);
    expect(po.find((s) => s[0] === 'BAK')![2]).toBe('RJ');
    expect(await ordersOfCustomer()).toEqual([]);

    await setPriceList(priceListId);
    const fixed = await inject('POST', `/edi/interchanges/${queued.id}/reprocess`);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'processed', errorReason: null });
    expect(fixed.json().orderIds).toHaveLength(1);
    const again = await inject('POST', `/edi/interchanges/${queued.id}/reprocess`);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('EDI.NOT_IN_ERROR_QUEUE');
    expect(await ordersOfCustomer()).toHaveLength(1);
  });
});
