import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveInterchange } from '../../src/app/edi/receive-interchange.js';
import { dialects } from '../support/databases.js';
import {
  EACH_PRICE,
  orderDetail,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import {
  PO_850,
  QUANTITIES,
  segmentsOf,
  setUpXyzRetail,
  withControl,
  type EdiWorld,
} from './edi-fixtures.js';

const ordersWithPo = (world: OrderWorld, customerId: number) =>
  world.api.store.database.db
    .selectFrom('orders')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('customer_po', '=', '08292233294')
    .execute();

describe.each(dialects)('inbound 850 on %s', (dialect) => {
  let world: OrderWorld;
  let xyz: EdiWorld;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    xyz = await setUpXyzRetail(world, 150);
  });
  afterAll(async () => world?.api.close());

  it('turns the sample 850 into an order whose lines match, with a 997 and an 855', async () => {
    const received = await receiveInterchange(world.api.ctx, PO_850, 'test');
    expect(received.status, received.errorReason ?? '').toBe('processed');
    expect(received.orderIds).toHaveLength(1);
    const order = await orderDetail(world, received.orderIds[0]!);
    expect(order).toMatchObject({ status: 'partially_allocated' });
    const stored = await world.api.store.database.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      customer_po: '08292233294',
      ship_to_id: xyz.shipToId,
      requested_ship_date: '2010-12-14',
      source: 'edi',
    });
    const lines = await world.api.store.database.db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', order.id)
      .orderBy('line_number')
      .execute();
    expect(lines.map((l) => [l.sku_id, l.pack_level, l.quantity_ordered])).toEqual(
      xyz.skuIds.map((skuId, i) => [skuId, 'each', QUANTITIES[i]]),
    );
    // Our price list prices the order, not the partner's PO1-04 (eaches from 24 are at the tier).
    for (const l of lines) expect(l.unit_price_minor).toBeLessThanOrEqual(EACH_PRICE);

    const ack997 = received.acks!.find((a) => a.setId === '997');
    const ack855 = received.acks!.find((a) => a.setId === '855');
    expect(ack997!.setId).toBe('997');
    const fa = segmentsOf(ack997!.raw);
    expect(fa).toContainEqual(['AK1', 'PO', '1421']);
    expect(fa).toContainEqual(['AK2', '850', '000000010']);
    expect(fa).toContainEqual(['AK5', 'A']);
    expect(fa).toContainEqual(['AK9', 'A', '1', '1', '1']);

    expect(ack855!.setId).toBe('855');
    const po = segmentsOf(ack855!.raw);
    expect(po.find((s) => s[0] === 'BAK')!.slice(0, 4)).toEqual(['BAK', '00', 'AC', '08292233294']);
    const acks = po.filter((s) => s[0] === 'ACK').map((s) => s.slice(1, 3));
    // 150 of each on hand: lines under 150 are accepted whole, the others split 150 / IB rest.
    // The partner's PO1-04 (9.25 …) is not our 4.50: accepted at another price, IP.
    const expected = QUANTITIES.flatMap((q) =>
      q <= 150
        ? [['IP', String(q)]]
        : [
            ['IP', '150'],
            ['IB', String(q - 150)],
          ],
    );
    expect(acks).toEqual(expected);
    // The partner's ids come back as sent (CB, PR, VN, not VP) with PO1-05; PO1-04 is our price.
    expect(po.find((s) => s[0] === 'PO1')).toEqual([
      'PO1',
      '1',
      '120',
      'EA',
      '4.5',
      'TE',
      'CB',
      '065322-117',
      'PR',
      'RO',
      'VN',
      'AB3542',
    ]);
  });

  it('refuses a re-sent interchange without a second order, and keeps it', async () => {
    const again = await receiveInterchange(world.api.ctx, PO_850, 'test');
    expect(again.status).toBe('duplicate');
    expect(again.duplicateOf).not.toBeNull();
    expect(again.errorReason).toMatch(/000003438/);
    expect(await ordersWithPo(world, xyz.customerId)).toHaveLength(1);
  });

  it('orders the known lines of an 850 with an unknown item and rejects that line', async () => {
    const raw = withControl(PO_850, 101).replace('VN*AB3542', 'VN*NO-SUCH');
    const received = await receiveInterchange(world.api.ctx, raw, 'test');
    expect(received.status).toBe('processed');
    const lines = await world.api.store.database.db
      .selectFrom('order_lines')
      .select('quantity_ordered')
      .where('order_id', '=', received.orderIds[0]!)
      .execute();
    expect(lines.map((l) => l.quantity_ordered).sort((a, b) => a - b)).toEqual(
      QUANTITIES.slice(1).sort((a, b) => a - b),
    );
    const fa = segmentsOf(received.acks!.find((a) => a.setId === '997')!.raw);
    // PO1 is the 13th segment of the set; element 11 (VN's value, our item number) is invalid.
    expect(fa).toContainEqual(['AK3', 'PO1', '13', '', '8']);
    expect(fa).toContainEqual(['AK4', '11', '', '7', 'NO-SUCH']);
    expect(fa).toContainEqual(['AK5', 'E', '5']);
    const po = segmentsOf(received.acks!.find((a) => a.setId === '855')!.raw);
    const first = po.findIndex((s) => s[0] === 'PO1' && s[1] === '1');
    expect(po[first + 1]!.slice(0, 3)).toEqual(['ACK', 'IR', '120']);
  });

  it('rejects an 850 whose ship-to is unknown and queues it with the reason', async () => {
    const raw = withControl(PO_850, 102).replace('*9*0003947268292', '*9*0000000000000');
    const received = await receiveInterchange(world.api.ctx, raw, 'test');
    expect(received.status).toBe('error');
    expect(received.errorReason).toMatch(/Ship-to 0000000000000/);
    expect(received.orderIds).toEqual([]);
    const fa = segmentsOf(received.acks!.find((a) => a.setId === '997')!.raw);
    expect(fa).toContainEqual(['AK4', '4', '', '7', '0000000000000']);
    expect(fa).toContainEqual(['AK5', 'R', '5']);
    expect(fa).toContainEqual(['AK9', 'R', '1', '1', '0']);
  });
});
