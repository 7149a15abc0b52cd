import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAsn } from '../../src/app/edi/build-asn.js';
import { buildInvoice } from '../../src/app/edi/build-invoice.js';
import { receiveInterchange } from '../../src/app/edi/receive-interchange.js';
import { recordOrderEvent } from '../../src/app/orders/order-timeline.js';
import { parse856 } from '../../src/core/edi/asn-856.js';
import { readInterchange } from '../../src/core/edi/x12-envelope.js';
import { dialects } from '../support/databases.js';
import { call, clock, startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { gs1Label, gtinsOf } from '../fulfillment/fulfillment-fixtures.js';
import { postPick } from '../fulfillment/pick-posting.js';
import { segmentsOf, setUpXyzRetail, type EdiWorld } from './edi-fixtures.js';

/** A two-line 850 from XYZ Retail, written the way its translator writes (| and newline). */
const PO = [
  'ISA|00|          |00|          |12|4405197800     |01|999999999      |260302|1200|U|00401|000000777|0|P|>',
  'GS|PO|4405197800|999999999|20260302|1200|77|X|004010',
  'ST|850|0001',
  'BEG|00|SA|RT-1001||20260302',
  'DTM|010|20260305',
  'N1|ST|XYZ RETAIL|9|0003947268292',
  'PO1|10|14|EA|5|PE|CB|CAT-10|VN|AB3542',
  'PO1|20|9|EA|5|PE|VN|RD5322',
  'CTT|2',
  'SE|7|0001',
  'GE|1|77',
  'IEA|1|000000777',
  '',
].join('\n');

/** Released and picked straight in the tables, as the packing fixtures do. */
async function pick(world: OrderWorld, orderId: number) {
  const released = await call(
    world.api,
    'POST',
    `/orders/${orderId}/release`,
    world.api.as('warehouse'),
  );
  expect(released.statusCode, released.body).toBe(200);
  const nowIso = clock().toISOString();
  await world.api.store.database.write(async (trx) => {
    const allocations = await trx
      .selectFrom('allocations')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('remaining', '>', 0)
      .execute();
    for (const a of allocations)
      await postPick(trx, a, `pick:SO-${orderId}`, 'test:picker', nowIso);
    await trx
      .updateTable('orders')
      .set({ status: 'picked', updated_at: nowIso })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(trx, orderId, 'picked', 'test:picker', {}, nowIso);
  });
}

describe.each(dialects)('850 → order → pack → 856 → parse back, on %s', (dialect) => {
  let world: OrderWorld;
  let xyz: EdiWorld;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    xyz = await setUpXyzRetail(world, 50);
  });
  afterAll(async () => world?.api.close());

  it('ships what the partner ordered and the ASN names every carton and quantity', async () => {
    const received = await receiveInterchange(world.api.ctx, PO, 'test');
    expect(received.status, received.errorReason ?? '').toBe('processed');
    const orderId = received.orderIds[0]!;
    const order = await world.api.store.database.db
      .selectFrom('orders')
      .select(['customer_id', 'requested_ship_date'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ customer_id: xyz.customerId, requested_ship_date: '2026-03-05' });
    await pick(world, orderId);
    const headers = world.api.as('warehouse');
    // Line 10 split over two cartons (10 + 4), line 20 whole in the second.
    const packs: [number, number][][] = [
      [[0, 10]],
      [
        [0, 4],
        [1, 9],
      ],
    ];
    const ssccs: string[] = [];
    for (const contents of packs) {
      const carton = await call(world.api, 'POST', `/orders/${orderId}/cartons`, headers, {});
      expect(carton.statusCode, carton.body).toBe(201);
      ssccs.push(carton.json().sscc);
      for (const [i, quantity] of contents) {
        const n = world.skuCount - 5 + i;
        const packed = await call(
          world.api,
          'POST',
          `/cartons/${carton.json().id}/items`,
          headers,
          { scan: gs1Label(gtinsOf(n).each), quantity },
        );
        expect(packed.statusCode, packed.body).toBeLessThan(300);
      }
      const closed = await call(world.api, 'POST', `/cartons/${carton.json().id}/close`, headers);
      expect(closed.statusCode, closed.body).toBe(200);
    }
    const shipped = await call(world.api, 'POST', `/orders/${orderId}/ship`, headers, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const { shipmentId, invoice, trackingNumbers } = shipped.json() as {
      shipmentId: number;
      invoice: { id: number };
      trackingNumbers: string[];
    };

    const asn = await buildAsn(world.api.ctx, shipmentId);
    const parsed = readInterchange(asn.raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.notes).toEqual([]);
    const set = parsed.value.groups[0]!.sets[0]!;
    expect(set.errors).toEqual([]);
    const back = parse856(set);
    expect(back.orders.map((o) => o.poNumber)).toEqual(['RT-1001']);
    const cartons = back.orders[0]!.cartons;
    expect(cartons.map((c) => c.sscc)).toEqual(ssccs);
    expect(trackingNumbers).toHaveLength(2);
    expect(cartons.map((c) => c.trackingNumber)).toEqual(trackingNumbers);
    expect(cartons.map((c) => c.items.map((i) => [i.lineId, i.vendorPart, i.quantity]))).toEqual([
      [['10', 'AB3542', 10]],
      [
        ['10', 'AB3542', 4],
        ['20', 'RD5322', 9],
      ],
    ]);
    // LIN echoes the partner's ids as sent (CB kept, VN not turned into VP), then our GTIN.
    const lin = segmentsOf(asn.raw).find((s) => s[0] === 'LIN')!;
    expect(lin.slice(0, 6)).toEqual(['LIN', '10', 'CB', 'CAT-10', 'VN', 'AB3542']);
    expect(lin[6]).toBe('UK'); // the catalog keeps GTIN-14s: UK, not EN (13 digits)
    const stored = await world.api.store.database.db
      .selectFrom('cartons')
      .select('sscc')
      .where('shipment_id', '=', shipmentId)
      .orderBy('id')
      .execute();
    expect(stored.map((c) => c.sscc)).toEqual(ssccs);
    // Asking again gives the same document, not a new control number.
    expect((await buildAsn(world.api.ctx, shipmentId)).controlNumber).toBe(asn.controlNumber);

    const doc = await buildInvoice(world.api.ctx, invoice.id);
    const it1 = segmentsOf(doc.raw).filter((s) => s[0] === 'IT1');
    expect(it1.map((s) => s.slice(1, 4))).toEqual([
      ['10', '14', 'EA'],
      ['20', '9', 'EA'],
    ]);
    expect(it1[0]!.slice(5, 10)).toEqual(['PE', 'CB', 'CAT-10', 'VN', 'AB3542']);
    // The 810 names the ship-to as the 850 and 856 do (issue 18, item 5).
    expect(segmentsOf(doc.raw)).toContainEqual([
      'N1',
      'ST',
      'XYZ RETAIL SOLON',
      '92',
      '0003947268292',
    ]);
    expect(Number(asn.controlNumber)).toBeLessThan(Number(doc.controlNumber));
  });
});
