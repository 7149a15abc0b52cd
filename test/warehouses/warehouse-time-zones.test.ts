import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warehouseTimeZone } from '../../src/app/warehouses/warehouse-time-zones.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertWarehouse } from '../support/fixtures.js';

/** A warehouse's zone is held in process; an evening's bookings ask for it all at once. */
describe.each(dialects)('warehouse time zones on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(() => store?.drop());

  it('reads a zone once for many concurrent callers, then not again', async () => {
    const { id } = await insertWarehouse(store.database, 'TZ1');
    await store.database.write((trx) =>
      trx
        .updateTable('warehouses')
        .set({ time_zone: 'America/Los_Angeles' })
        .where('id', '=', id)
        .execute(),
    );
    const db = store.database.db;
    const before = store.database.stats().statements;
    const zones = await Promise.all(Array.from({ length: 50 }, () => warehouseTimeZone(db, id)));
    expect(new Set(zones)).toEqual(new Set(['America/Los_Angeles']));
    expect(store.database.stats().statements - before).toBe(1);
    expect(await warehouseTimeZone(db, id)).toBe('America/Los_Angeles');
    expect(store.database.stats().statements - before).toBe(1);
  });
});
