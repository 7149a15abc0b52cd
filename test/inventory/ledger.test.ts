import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { adjustStock } from '../../src/app/inventory/adjust-stock.js';
import { changeStatus } from '../../src/app/inventory/change-status.js';
import { moveStock } from '../../src/app/inventory/move-stock.js';
import { receiveUnplanned } from '../../src/app/inventory/receive-unplanned.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { queryStock } from '../../src/app/inventory/stock-query.js';
import { dispatchTransfer, receiveTransfer } from '../../src/app/inventory/transfers.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const NOW = '2026-02-01T09:00:00.000Z';

describe.each(dialects)('stock ledger on %s', (dialect) => {
  let store: TestStore;
  let main: WarehouseFixture;
  let west: WarehouseFixture;
  let kibble: number;
  let toy: number;

  beforeAll(async () => {
    store = await freshStore(dialect);
    main = await insertWarehouse(store.database, 'MAIN');
    west = await insertWarehouse(store.database, 'WEST');
    kibble = await insertSku(store.database, 'DOG-DRY-1', true);
    toy = await insertSku(store.database, 'TOY-1');
  });
  afterAll(async () => store?.drop());

  const exec = <T>(work: Parameters<typeof run<T>>[1]) => run(store.database, work);
  const stockOf = async (skuId: number, warehouseId?: number) =>
    (
      await queryStock(store.database.db, {
        skuId,
        warehouseId,
        groupBy: 'warehouse',
        today: '2026-01-01',
        limit: 10,
      })
    )[0];

  it('receives, moves, adjusts, quarantines, releases and transfers, keeping the books balanced', async () => {
    const [pick, reserve] = main.bins as [number, number];
    expect(
      (
        await exec((t) =>
          receiveUnplanned(
            t,
            {
              skuId: kibble,
              toLocationId: reserve,
              quantity: 120,
              lotCode: 'L1',
              expiryDate: '2027-06-30',
            },
            'test',
            NOW,
          ),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await exec((t) =>
          moveStock(
            t,
            {
              skuId: kibble,
              fromLocationId: reserve,
              toLocationId: pick,
              quantity: 20,
              lotCode: 'L1',
            },
            'test',
            NOW,
          ),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await exec((t) =>
          adjustStock(
            t,
            { skuId: kibble, locationId: pick, delta: -2, reasonCode: 'damaged', lotCode: 'L1' },
            'test',
            NOW,
          ),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await exec((t) =>
          changeStatus(
            t,
            {
              skuId: kibble,
              fromLocationId: reserve,
              quantity: 10,
              status: 'quarantine',
              lotCode: 'L1',
            },
            'test',
            NOW,
          ),
        )
      ).ok,
    ).toBe(true);
    expect(await stockOf(kibble, main.id)).toMatchObject({
      onHand: 118,
      available: 108,
      quarantined: 10,
      damaged: 0,
    });

    const released = await exec((t) =>
      changeStatus(
        t,
        {
          skuId: kibble,
          fromLocationId: main.place.quarantine!,
          toLocationId: reserve,
          quantity: 4,
          status: 'available',
          lotCode: 'L1',
        },
        'test',
        NOW,
      ),
    );
    expect(released.ok).toBe(true);
    const dispatched = await exec((t) =>
      dispatchTransfer(
        t,
        {
          skuId: kibble,
          fromLocationId: reserve,
          toWarehouseId: west.id,
          quantity: 30,
          lotCode: 'L1',
        },
        'test',
        NOW,
      ),
    );
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    expect(await stockOf(kibble, west.id)).toMatchObject({ onHand: 0, inTransit: 30 });
    expect(
      (
        await exec((t) =>
          receiveTransfer(t, dispatched.value.transferId, west.bins[1]!, 'test', NOW),
        )
      ).ok,
    ).toBe(true);
    expect(await stockOf(kibble, west.id)).toMatchObject({
      onHand: 30,
      available: 30,
      inTransit: 0,
    });
    const again = await exec((t) =>
      receiveTransfer(t, dispatched.value.transferId, west.bins[1]!, 'test', NOW),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'TRANSFER.ILLEGAL_TRANSITION' } });

    expect(await reconcile(store.database.db)).toMatchObject({ ok: true, differences: [] });
  });

  it('refuses to take a bin below zero and changes nothing', async () => {
    const [, , bin3] = main.bins as [number, number, number];
    await exec((t) =>
      receiveUnplanned(t, { skuId: toy, toLocationId: bin3, quantity: 5 }, 'test', NOW),
    );
    const before = await reconcile(store.database.db);
    const result = await exec((t) =>
      moveStock(
        t,
        { skuId: toy, fromLocationId: bin3, toLocationId: main.bins[0]!, quantity: 6 },
        'test',
        NOW,
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVENTORY.INSUFFICIENT_AVAILABLE', details: { available: 5 } },
    });
    const after = await reconcile(store.database.db);
    expect(after.movements).toBe(before.movements);
    expect(await stockOf(toy, main.id)).toMatchObject({ onHand: 5 });
  });

  it('requires a lot for lot-tracked SKUs and refuses one for others', async () => {
    const noLot = await exec((t) =>
      receiveUnplanned(t, { skuId: kibble, toLocationId: main.bins[0]!, quantity: 1 }, 'test', NOW),
    );
    expect(noLot).toMatchObject({ ok: false, error: { code: 'INVENTORY.LOT_REQUIRED' } });
    const noExpiry = await exec((t) =>
      receiveUnplanned(
        t,
        { skuId: kibble, toLocationId: main.bins[0]!, quantity: 1, lotCode: 'NEW' },
        'test',
        NOW,
      ),
    );
    expect(noExpiry).toMatchObject({ ok: false, error: { code: 'INVENTORY.EXPIRY_REQUIRED' } });
    const lotOnToy = await exec((t) =>
      receiveUnplanned(
        t,
        { skuId: toy, toLocationId: main.bins[0]!, quantity: 1, lotCode: 'X' },
        'test',
        NOW,
      ),
    );
    expect(lotOnToy).toMatchObject({ ok: false, error: { code: 'INVENTORY.LOT_NOT_TRACKED' } });
    const mismatch = await exec((t) =>
      receiveUnplanned(
        t,
        {
          skuId: kibble,
          toLocationId: main.bins[0]!,
          quantity: 1,
          lotCode: 'L1',
          expiryDate: '2030-01-01',
        },
        'test',
        NOW,
      ),
    );
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'INVENTORY.LOT_EXPIRY_MISMATCH' } });
  });

  it('refuses receipts into virtual locations and moves across warehouses', async () => {
    const intoVirtual = await exec((t) =>
      receiveUnplanned(
        t,
        { skuId: toy, toLocationId: main.place.customer!, quantity: 1 },
        'test',
        NOW,
      ),
    );
    expect(intoVirtual).toMatchObject({ ok: false, error: { code: 'INVENTORY.VIRTUAL_LOCATION' } });
    const across = await exec((t) =>
      moveStock(
        t,
        { skuId: toy, fromLocationId: main.bins[2]!, toLocationId: west.bins[0]!, quantity: 1 },
        'test',
        NOW,
      ),
    );
    expect(across).toMatchObject({ ok: false, error: { code: 'INVENTORY.OTHER_WAREHOUSE' } });
  });

  it('reconcile reports a tampered balance', async () => {
    await store.database.write((t) =>
      t
        .updateTable('stock_balances')
        .set({ on_hand: 4 })
        .where('location_id', '=', main.bins[2]!)
        .where('sku_id', '=', toy)
        .execute(),
    );
    const report = await reconcile(store.database.db);
    expect(report.ok).toBe(false);
    expect(report.differences.map((d) => d.kind).sort()).toEqual([
      'balance_mismatch',
      'sku_not_zero',
    ]);
    await store.database.write((t) =>
      t
        .updateTable('stock_balances')
        .set({ on_hand: 5 })
        .where('location_id', '=', main.bins[2]!)
        .where('sku_id', '=', toy)
        .execute(),
    );
  });
});
