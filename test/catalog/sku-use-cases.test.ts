import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSku } from '../../src/app/catalog/create-sku.js';
import { findSkuByGtin } from '../../src/app/catalog/gtin-lookup.js';
import { loadSkuForStock } from '../../src/app/catalog/sku-stock.js';
import { updateSku } from '../../src/app/catalog/update-sku.js';
import { must } from '../../src/core/shared/result.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { dogFood } from './catalog-fixtures.js';

const NOW = new Date('2025-03-01T08:00:00.000Z');

describe.each(dialects)('catalog use cases on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  it('gives the ledger what it needs about a SKU', async () => {
    const sku = must(await createSku(store.database, dogFood(1), NOW));
    const forStock = await store.database.write((trx) => loadSkuForStock(trx, sku.id));
    expect(forStock).toEqual({
      id: sku.id,
      code: 'DOG-DRY-2KG-1',
      lotTracked: true,
      shelfLifeDays: 540,
      active: true,
    });
    expect(await store.database.write((trx) => loadSkuForStock(trx, 999_999))).toBeUndefined();
  });

  it('runs inside a caller transaction, and the caller rolls back on failure', async () => {
    const outcome = await store.database
      .write(async (trx) => {
        must(await createSku(trx, dogFood(2), NOW));
        must(await createSku(trx, dogFood(3, { code: 'DOG-DRY-2KG-2' }), NOW));
      })
      .catch((error: Error) => error.message);
    expect(outcome).toContain('already exists');
    const left = await store.database.db
      .selectFrom('skus')
      .select('code')
      .where('code', '=', 'DOG-DRY-2KG-2')
      .execute();
    expect(left).toEqual([]);
  });

  it('returns failures as values on the store', async () => {
    const duplicate = await createSku(store.database, dogFood(1), NOW);
    expect(!duplicate.ok && duplicate.error.code).toBe('CATALOG.SKU_ALREADY_EXISTS');
    const missing = await updateSku(store.database, 999_999, { name: 'Ghost' }, NOW);
    expect(!missing.ok && missing.error.code).toBe('CATALOG.SKU_NOT_FOUND');
  });

  it('finds a SKU by a pack GTIN after its packs were replaced', async () => {
    const sku = must(await createSku(store.database, dogFood(4), NOW));
    const oldCase = dogFood(4).packs[0]!.gtin;
    const newCase = dogFood(5).packs[0]!.gtin;
    must(
      await updateSku(
        store.database,
        sku.id,
        { packs: [{ level: 'case', quantity: 6, gtin: newCase }] },
        NOW,
      ),
    );
    const found = must(await findSkuByGtin(store.database, newCase));
    expect(found).toMatchObject({ level: 'case', quantity: 6, sku: { id: sku.id } });
    const gone = await findSkuByGtin(store.database, oldCase);
    expect(!gone.ok && gone.error.code).toBe('CATALOG.GTIN_NOT_FOUND');
  });
});
