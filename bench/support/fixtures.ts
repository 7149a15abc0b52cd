import type { Tx } from '../../src/adapters/db/database.js';
import { insertWarehouseRows, type WarehouseFixture } from '../../test/support/fixtures.js';

/** Benchmarks share the test fixtures; their warehouses are plain storage bins. */
export { NOW, customerRow, skuRow, type WarehouseFixture } from '../../test/support/fixtures.js';

export function insertWarehouse(trx: Tx, code: string, bins: number): Promise<WarehouseFixture> {
  return insertWarehouseRows(trx, code, bins, false);
}
