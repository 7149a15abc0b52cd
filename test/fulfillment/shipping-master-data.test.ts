import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShippingMasterData } from '../../src/app/master-data/shipping-master-data.js';
import { lockBinForCount } from '../../src/app/counts/count-store.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

/** Shipping's cached warehouse facts follow every change of them, by any writer (migration 0021). */
describe.each(dialects)('shipping master data on %s', (dialect) => {
  let store: TestStore;
  let main: WarehouseFixture;

  beforeAll(async () => {
    store = await freshStore(dialect);
    main = await insertWarehouse(store.database, 'MAIN');
  });
  afterAll(async () => store?.drop());

  const origin = () =>
    store.database.write(async (trx) =>
      (await ShippingMasterData.of(trx)).warehouseAddress(main.id),
    );
  const staging = () =>
    store.database.write(async (trx) =>
      (await ShippingMasterData.of(trx)).standardPlace(main.id, 'staging'),
    );
  const version = async () =>
    Number(
      (
        await store.database.db
          .selectFrom('master_data_version')
          .select('version')
          .executeTakeFirstOrThrow()
      ).version,
    );

  it('reads a moved warehouse address and a renumbered STAGING, not the cached ones', async () => {
    expect((await origin())?.postalCode).toBeDefined();
    await store.database.write((trx) =>
      trx
        .updateTable('warehouses')
        .set({ postal_code: '99999' })
        .where('id', '=', main.id)
        .execute(),
    );
    expect(await origin()).toMatchObject({ postalCode: '99999' });

    const before = await staging();
    expect(before.id).toBe(main.place.staging);
    // Another location takes the STAGING code (the old one renamed away first).
    await store.database.write(async (trx) => {
      await trx
        .updateTable('locations')
        .set({ code: 'OLD-STAGING' })
        .where('id', '=', before.id)
        .execute();
      await trx
        .updateTable('locations')
        .set({ code: 'STAGING', type: 'staging' })
        .where('id', '=', main.bins[2]!)
        .execute();
    });
    expect((await staging()).id).toBe(main.bins[2]);
  });

  it("leaves the version alone for a count's bin lock", async () => {
    const v = await version();
    await store.database.write((trx) => lockBinForCount(trx, main.bins[0]!));
    expect(await version()).toBe(v);
  });
});
