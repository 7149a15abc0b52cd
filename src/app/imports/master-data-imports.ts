import { customerRow } from '../../core/imports/customer-rows.js';
import { supplierRow, type SupplierRowValue } from '../../core/imports/party-rows.js';
import { productRow } from '../../core/imports/product-rows.js';
import type { RawRow, RowOutcome } from '../../core/imports/cells.js';
import type { SkuDraft } from '../../core/catalog/sku.rules.js';
import type { CustomerDraft } from '../../core/customers/customer.rules.js';
import { FailureError } from '../../core/shared/result.js';
import type { AppContext } from '../context.js';
import { createSku } from '../catalog/create-sku.js';
import { createCustomer } from '../customers/create-customer.js';
import { createSupplier } from '../purchasing/suppliers.js';
import { eachRow, type RowHandler } from './run-import.js';

/**
 * Refuses a second row with a key already seen in this file, before any write: in a dry run
 * each batch rolls back, so the store alone would not see the clash.
 */
function onceInFile<T>(
  map: (raw: RawRow, row: number) => RowOutcome<T>,
  keyOf: (value: T) => string,
  column: string,
) {
  const seen = new Map<string, number>();
  return (raw: RawRow, row: number): RowOutcome<T> => {
    const outcome = map(raw, row);
    if (!outcome.ok) return outcome;
    const key = keyOf(outcome.value);
    const first = seen.get(key);
    if (first !== undefined)
      return {
        ok: false,
        issues: [
          {
            row,
            column,
            code: 'IMPORT.DUPLICATE_IN_FILE',
            message: `${key} is already on row ${first} of this file`,
          },
        ],
      };
    seen.set(key, row);
    return outcome;
  };
}

/** SKUs with their pack levels, through `createSku` (same rules as the API). */
export function productsHandler(ctx: AppContext): RowHandler<SkuDraft> {
  return {
    map: onceInFile(productRow, (d) => d.code.toUpperCase(), 'code'),
    apply: (trx, rows) =>
      eachRow(
        rows,
        async (draft) => {
          const created = await createSku(trx, draft, ctx.now());
          if (!created.ok) throw new FailureError(created.error);
        },
        {
          'CATALOG.SKU_ALREADY_EXISTS': 'code',
          'CATALOG.GTIN_ALREADY_EXISTS': 'gtin',
          'CATALOG.INVALID_SKU': 'name',
        },
      ),
  };
}

/** Customer accounts through `createCustomer`; each ships to its bill-to. */
export function customersHandler(ctx: AppContext): RowHandler<CustomerDraft> {
  return {
    map: onceInFile(customerRow, (d) => d.accountNumber, 'account_number'),
    apply: (trx, rows) =>
      eachRow(
        rows,
        async (draft) => {
          await createCustomer(trx, draft, ctx.now());
        },
        { 'CUSTOMER.ALREADY_EXISTS': 'account_number', accountNumber: 'account_number' },
      ),
  };
}

/** Suppliers through purchasing's `createSupplier`. */
export function suppliersHandler(ctx: AppContext): RowHandler<SupplierRowValue> {
  return {
    map: onceInFile(supplierRow, (s) => s.code, 'code'),
    apply: (trx, rows) =>
      eachRow(
        rows,
        async (supplier) => {
          await createSupplier(trx, supplier, ctx.now().toISOString());
        },
        { 'PURCHASING.SUPPLIER_ALREADY_EXISTS': 'code' },
      ),
  };
}
