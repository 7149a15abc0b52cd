import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchaseOrder } from '../../src/app/purchasing/create-purchase-order.js';
import { buildSscc } from '../../src/core/gs1/sscc.js';
import { call } from '../orders/order-fixtures.js';
import { NOW } from '../support/fixtures.js';
import { dialects } from '../support/databases.js';
import {
  ACME_ASN as ASN,
  ACME_PO_NUMBER as PO_NUMBER,
  createPartner,
  postX12 as post,
  setUpAcme,
  SSCC,
} from './asn-fixtures.js';
import {
  expectReceivingConsistent,
  insertSupplier,
  moveTasks,
  onHandAt,
  sentPurchaseOrder,
  startReceivingWorld,
  writtenRows,
  type ReceivingWorld,
} from './receiving-fixtures.js';

const GS = '\u001d';

/** The same file under another ISA13 / GS06 / BSN02: a new notice, not a re-send. */
function variant(control: number, shipment = 'ASN-77812', po = PO_NUMBER) {
  const nine = String(control).padStart(9, '0');
  return ASN.replace('*000004711*', `*${nine}*`)
    .replace('IEA*1*000004711', `IEA*1*${nine}`)
    .replace('BSN*00*ASN-77812', `BSN*00*${shipment}`)
    .replace(`PRF*${PO_NUMBER}`, `PRF*${po}`);
}

describe.each(dialects)('supplier 856 → receiving by SSCC (%s)', (dialect) => {
  let world: ReceivingWorld;
  const db = () => world.api.store.database.db;
  const sku: Record<number, number> = {};
  let poId = 0;
  let asnId = 0;
  const scan = (body: Record<string, unknown>) =>
    call(world.api, 'POST', '/receiving/sscc-scans', world.api.as('warehouse'), {
      warehouseId: world.warehouse.id,
      ...body,
    });
  const postX12 = (x12: string) => post(world, x12);
  const asnTables = async () => ({
    asns: (await db().selectFrom('inbound_asns').select('id').execute()).length,
    containers: (await db().selectFrom('asn_containers').select('id').execute()).length,
    items: (await db().selectFrom('asn_items').select('id').execute()).length,
  });

  beforeAll(async () => {
    world = await startReceivingWorld(dialect);
    const acme = await setUpAcme(world, world.supplierId);
    Object.assign(sku, acme.sku);
    poId = acme.poId;
  });
  afterAll(() => world.api.close());

  it('stores the 856 against the PO: containers by SSCC, contents, lots, expiry, discrepancies', async () => {
    const posted = await postX12(ASN);
    expect(posted.statusCode, posted.body).toBe(201);
    const interchange = posted.json();
    expect(interchange.status).toBe('processed');
    asnId = interchange.outcome.sets[0].asnId;
    expect(asnId).toBeGreaterThan(0);
    const list = await call(
      world.api,
      'GET',
      `/receiving/asns?purchaseOrderId=${poId}`,
      world.api.as('warehouse'),
    );
    expect(list.json().items.map((a: { id: number }) => a.id)).toEqual([asnId]);
    const view = (
      await call(world.api, 'GET', `/receiving/asns/${asnId}`, world.api.as('warehouse'))
    ).json();
    expect(view).toMatchObject({
      shipmentNumber: 'ASN-77812',
      shipDate: '2026-12-07',
      status: 'expected',
      purchaseOrders: [{ id: poId, number: PO_NUMBER }],
    });
    expect(
      view.containers.map((c: { sscc: string; level: string; parentSscc: string | null }) => [
        c.sscc,
        c.level,
        c.parentSscc,
      ]),
    ).toEqual([
      [SSCC.pallet1, 'T', null],
      [SSCC.cartonA, 'P', SSCC.pallet1],
      [SSCC.cartonB, 'P', SSCC.pallet1],
      [SSCC.pallet2, 'T', null],
      [SSCC.cartonC, 'P', null],
    ]);
    const cartonA = view.containers[1].items[0];
    expect(cartonA).toMatchObject({
      skuId: sku[901],
      shippedQuantity: 6,
      shippedUnit: 'CA',
      quantity: 24,
      lotCode: 'L2611A',
      expiryDate: '2028-05-31',
      discrepancy: null,
    });
    const kinds = view.discrepancies.map((d: { kind: string; sscc: string }) => [d.kind, d.sscc]);
    expect(kinds).toEqual([
      ['not_on_po', SSCC.cartonB],
      ['unknown_item', SSCC.cartonB],
      ['over_open_quantity', SSCC.pallet2],
      ['over_open_quantity', SSCC.cartonC],
    ]);
    expect(view.notScanned).toHaveLength(5);
  });

  it('receives a carton by its 18-digit SSCC with the notice’s lot and expiry, once', async () => {
    const first = await scan({ scan: SSCC.cartonA });
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({
      asnId,
      sscc: SSCC.cartonA,
      containersReceived: [SSCC.cartonA],
      notBooked: [],
      asnStatus: 'partially_received',
    });
    expect(body.receipts).toHaveLength(1);
    expect(body.receipts[0]).toMatchObject({
      skuId: sku[901],
      quantity: 24,
      purchaseOrderId: poId,
    });
    const lot = await db()
      .selectFrom('lots')
      .selectAll()
      .where('id', '=', body.receipts[0].lotId)
      .executeTakeFirstOrThrow();
    expect(lot).toMatchObject({ code: 'L2611A', expiry_date: '2028-05-31' });
    expect(body.receipts[0].putawayTaskIds.length).toBeGreaterThan(0);

    const before = await writtenRows(db());
    // The same label again, as GS1-128 in every form a scanner sends it: refused, nothing written.
    for (const again of [
      `(00)${SSCC.cartonA}`,
      `]C100${SSCC.cartonA}`,
      `${GS}00${SSCC.cartonA}\r\n`,
    ]) {
      const twice = await scan({ scan: again });
      expect(twice.statusCode, twice.body).toBe(409);
      expect(twice.json().code).toBe('RECEIVING.SSCC_DUPLICATE');
    }
    expect(await writtenRows(db())).toEqual(before);
  });

  it('refuses an unknown SSCC (404), a label that is no SSCC (422) and another warehouse', async () => {
    const unknown = await scan({ scan: `]C100${SSCC.unknown}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('RECEIVING.SSCC_NOT_FOUND');
    for (const bad of ['006141410000011026', '(01)15901230009011', 'MAIN-A-01-02']) {
      const refused = await scan({ scan: bad });
      expect(refused.statusCode, bad).toBe(422);
      expect(refused.json().code).toBe('RECEIVING.SCAN_NOT_AN_SSCC');
    }
    const elsewhere = await scan({ scan: SSCC.pallet2, warehouseId: world.warehouse.id + 1000 });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().code).toBe('RECEIVING.SSCC_WRONG_WAREHOUSE');
  });

  it('receives a pallet with the cartons still on it, listing what it cannot book', async () => {
    const pallet = await scan({ scan: `(00)${SSCC.pallet1}` });
    expect(pallet.statusCode, pallet.body).toBe(201);
    const body = pallet.json();
    expect(body.containersReceived).toEqual([SSCC.pallet1, SSCC.cartonB]);
    expect(
      body.receipts.map((r: { skuId: number; quantity: number }) => [r.skuId, r.quantity]),
    ).toEqual([[sku[902], 20]]);
    expect(body.notBooked.map((n: { discrepancy: string }) => n.discrepancy)).toEqual([
      'not_on_po',
      'unknown_item',
    ]);
    // Over the open quantity but within tolerance (38 ordered, 10 %: up to 41): booked, flagged.
    const second = await scan({ scan: `]C100${SSCC.pallet2}` });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().receipts[0]).toMatchObject({ skuId: sku[903], quantity: 40 });
    expect(second.json().asnStatus).toBe('partially_received');
    expect(await onHandAt(db(), world.warehouse.place.receiving!, sku[904]!)).toBe(0);
  });

  it('closes the notice: the carton never scanned is a discrepancy, the ledger matches the scans', async () => {
    const closed = await call(
      world.api,
      'POST',
      `/receiving/asns/${asnId}/close`,
      world.api.as('warehouse'),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    const view = closed.json();
    expect(view.status).toBe('received_with_discrepancies');
    expect(view.notScanned).toEqual([SSCC.cartonC]);
    expect(view.discrepancies.filter((d: { kind: string }) => d.kind === 'never_scanned')).toEqual([
      expect.objectContaining({ sscc: SSCC.cartonC }),
    ]);
    const late = await scan({ scan: SSCC.cartonC });
    expect(late.statusCode).toBe(409);
    const again = await call(
      world.api,
      'POST',
      `/receiving/asns/${asnId}/close`,
      world.api.as('warehouse'),
    );
    expect(again.statusCode).toBe(409);

    // Invariant: every booked notice item is one receipt of its quantity on its PO line, and
    // the lines, RECEIVING on hand and put-away tasks add up to exactly those items.
    const booked = await db()
      .selectFrom('asn_items as i')
      .innerJoin('receipts as r', 'r.id', 'i.receipt_id')
      .select([
        'i.sku_id',
        'i.quantity',
        'i.purchase_order_line_id',
        'r.quantity as received',
        'r.purchase_order_line_id as line',
      ])
      .where('i.asn_id', '=', asnId)
      .execute();
    for (const b of booked) {
      expect(Number(b.received)).toBe(Number(b.quantity));
      expect(b.line).toBe(b.purchase_order_line_id);
    }
    const lines = await db()
      .selectFrom('purchase_order_lines')
      .select(['sku_id', 'quantity_received'])
      .where('purchase_order_id', '=', poId)
      .execute();
    for (const line of lines) {
      const sum = booked
        .filter((b) => b.sku_id === line.sku_id)
        .reduce((n, b) => n + Number(b.quantity), 0);
      expect(Number(line.quantity_received)).toBe(sum);
      expect(await onHandAt(db(), world.warehouse.place.receiving!, line.sku_id)).toBe(sum);
    }
    expect(booked.map((b) => Number(b.quantity)).sort((a, b) => a - b)).toEqual([20, 24, 40]);
    const tasks = await moveTasks(world, '&kind=putaway');
    const tasked = tasks.filter((t) => Object.values(sku).includes(t.skuId));
    expect(tasked.reduce((n, t) => n + t.quantity, 0)).toBe(84);
    const po = await db()
      .selectFrom('purchase_orders')
      .select('status')
      .where('id', '=', poId)
      .executeTakeFirstOrThrow();
    expect(po.status).toBe('partially_received');
    await expectReceivingConsistent(db());
  });

  it('queues a notice it cannot take with the reason, and writes none of it', async () => {
    const before = await asnTables();
    const resent = await postX12(variant(4712));
    expect(resent.statusCode, resent.body).toBe(422);
    expect(resent.json().errorReason).toMatch(/EDI\.ASN_DUPLICATE/);
    const otherPo = await postX12(variant(4713, 'ASN-77813', 'PO-999999'));
    expect(otherPo.statusCode).toBe(422);
    expect(otherPo.json().errorReason).toMatch(/EDI\.ASN_PO_NOT_FOUND/);
    const sameLabels = await postX12(variant(4714, 'ASN-77814'));
    expect(sameLabels.json().errorReason).toMatch(/EDI\.ASN_SSCC_DUPLICATE/);
    const noSscc = await postX12(variant(4715, 'ASN-77815').replace(/MAN\*GM\*\d+~\n/g, ''));
    expect(noSscc.statusCode).toBe(422);
    expect(noSscc.json().errorReason).toMatch(/EDI\.ASN_INVALID: .*no MAN\*GM SSCC/);

    // Another supplier's PO, by number, is not this supplier's to announce.
    const rival = await insertSupplier(world.api.store.database);
    const theirs = await sentPurchaseOrder(world.api.store.database, rival, world.warehouse.id, [
      { skuId: sku[902]!, quantity: 5 },
    ]);
    const theirNumber = (
      await db()
        .selectFrom('purchase_orders')
        .select('number')
        .where('id', '=', theirs.id)
        .executeTakeFirstOrThrow()
    ).number;
    const foreign = await postX12(variant(4716, 'ASN-77816', theirNumber));
    expect(foreign.json().errorReason).toMatch(
      /EDI\.ASN_PO_NOT_FOUND: No purchase order PO-\d+ from this supplier/,
    );

    // A partner that is not one of our suppliers (a customer's profile) sends no ship notices.
    const partner = await createPartner(world, 'SHOP', 'PETSHOPRETAIL');
    expect(partner.json().supplierId).toBeNull();
    const fromShop = await postX12(
      variant(4717, 'ASN-77817').replace('ZZ*ACMEPETFOODS   ', 'ZZ*PETSHOPRETAIL  '),
    );
    expect(fromShop.statusCode, fromShop.body).toBe(422);
    expect(fromShop.json().errorReason).toMatch(/EDI\.ASN_NOT_A_SUPPLIER/);
    expect(await asnTables()).toEqual(before);
  });

  it('keeps a notice for a PO not sent yet in the error queue; reprocessing stores it once', async () => {
    const draft = await world.api.store.database.write((trx) =>
      createPurchaseOrder(
        trx,
        {
          supplierId: world.supplierId,
          warehouseId: world.warehouse.id,
          lines: [{ skuId: sku[902]!, quantity: 12 }],
        },
        'test',
        NOW,
      ),
    );
    const sscc = buildSscc(0, '0614141', 2001);
    if (!sscc.ok) throw new Error(sscc.error.message);
    const set = [
      'ST*856*0001',
      'BSN*00*ASN-80001*20261208*0900',
      'HL*1**S',
      'HL*2*1*O',
      `PRF*${draft.number}`,
      'HL*3*2*T',
      `MAN*GM*${sscc.value}`,
      'HL*4*3*I',
      'LIN*1*EN*5901230009021*LT*L2612X',
      'SN1*1*12*EA',
      'DTM*036*20281130',
    ];
    const x12 = [
      'ISA*00*          *00*          *ZZ*ACMEPETFOODS   *ZZ*STOCKLINE      *261208*0900*U*00401*000004800*0*P*>',
      'GS*SH*ACMEPETFOODS*STOCKLINE*20261208*0900*4800*X*004010',
      ...set,
      `SE*${set.length + 1}*0001`,
      'GE*1*4800',
      'IEA*1*000004800',
    ].join('~\n');
    const queued = await postX12(x12);
    expect(queued.statusCode, queued.body).toBe(422);
    expect(queued.json().errorReason).toMatch(/EDI\.ASN_PO_NOT_OPEN/);
    await world.api.store.database.write((trx) =>
      trx
        .updateTable('purchase_orders')
        .set({ status: 'sent', sent_at: NOW })
        .where('id', '=', draft.id)
        .execute(),
    );
    const reprocess = () =>
      call(
        world.api,
        'POST',
        `/edi/interchanges/${queued.json().id}/reprocess`,
        world.api.as('manager'),
      );
    const fixed = await reprocess();
    expect(fixed.statusCode, fixed.body).toBeLessThan(300);
    expect(fixed.json().status).toBe('processed');
    const listed = await call(
      world.api,
      'GET',
      `/receiving/asns?purchaseOrderId=${draft.id}`,
      world.api.as('warehouse'),
    );
    expect(listed.json().items).toHaveLength(1);
    expect((await reprocess()).json().code).toBe('EDI.NOT_IN_ERROR_QUEUE');
    const received = await scan({ scan: sscc.value });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ asnStatus: 'received', notBooked: [] });
    expect(received.json().receipts[0]).toMatchObject({ quantity: 12, status: 'received' });
  });
});
