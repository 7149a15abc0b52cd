import type { Tx } from '../../adapters/db/database.js';
import { fail, must } from '../../core/shared/result.js';

/**
 * Files name things by code (SKU code, account number, warehouse and location codes); the
 * use cases take ids. These look the codes up and refuse an unknown one with a stable code.
 */
export async function skuIdByCode(trx: Tx, code: string): Promise<number> {
  const row = await trx.selectFrom('skus').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) must(fail('IMPORT.SKU_NOT_FOUND', `No SKU with code ${code}`, { field: 'sku_code' }));
  return Number(row!.id);
}

export async function customerIdByAccount(trx: Tx, account: string): Promise<number> {
  const row = await trx
    .selectFrom('customers')
    .select('id')
    .where('account_number', '=', account)
    .executeTakeFirst();
  if (!row)
    must(
      fail('IMPORT.CUSTOMER_NOT_FOUND', `No customer account ${account}`, {
        field: 'customer_account',
      }),
    );
  return Number(row!.id);
}

/** A real (not virtual) location by warehouse code and location code. */
export async function locationIdByCodes(
  trx: Tx,
  warehouseCode: string,
  locationCode: string,
): Promise<number> {
  const row = await trx
    .selectFrom('locations as l')
    .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
    .select('l.id')
    .where('w.code', '=', warehouseCode)
    .where('l.code', '=', locationCode)
    .executeTakeFirst();
  if (!row)
    must(
      fail(
        'IMPORT.LOCATION_NOT_FOUND',
        `No location ${locationCode} in warehouse ${warehouseCode}`,
        {
          field: 'location_code',
        },
      ),
    );
  return Number(row!.id);
}

export async function priceListIdByCode(trx: Tx, code: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom('price_lists')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}
