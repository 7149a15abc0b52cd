import { openingStockRow, type OpeningStockRow } from '../../core/imports/opening-stock-rows.js';
import { priceListRow, type PriceListRowValue } from '../../core/imports/party-rows.js';
import type { AppContext } from '../context.js';
import { receiveUnplanned } from '../inventory/receive-unplanned.js';
import { createPriceList, upsertListPrices } from '../pricing/price-lists.js';
import { eachRow, type RowHandler } from './run-import.js';
import { locationIdByCodes, priceListIdByCode, skuIdByCode } from './store-lookups.js';

/**
 * Opening stock: each row is an unplanned receipt from the warehouse's SUPPLIER place into
 * the named location, through `receiveUnplanned` — so the ledger holds a movement for every
 * unit on the shelf from day one, and `reconcile` balances.
 */
export function openingStockHandler(ctx: AppContext, actor: string): RowHandler<OpeningStockRow> {
  return {
    map: openingStockRow,
    apply: (trx, rows) =>
      eachRow(
        rows,
        async (stock, row) => {
          const skuId = await skuIdByCode(trx, stock.skuCode);
          const toLocationId = await locationIdByCodes(
            trx,
            stock.warehouseCode,
            stock.locationCode,
          );
          await receiveUnplanned(
            trx,
            {
              skuId,
              toLocationId,
              quantity: stock.quantity,
              lotCode: stock.lotCode,
              expiryDate: stock.expiryDate,
              reference: `opening-stock row ${row}`,
            },
            actor,
            ctx.now().toISOString(),
          );
        },
        {
          'INVENTORY.INVALID_QUANTITY': 'quantity',
          'INVENTORY.LOT_REQUIRED': 'lot_code',
          'INVENTORY.EXPIRY_REQUIRED': 'expiry_date',
        },
      ),
  };
}

/**
 * Price-list prices through `upsertListPrices` (checked like the API); a list code seen for
 * the first time opens the list with the row's name and currency.
 */
export function priceListsHandler(ctx: AppContext): RowHandler<PriceListRowValue> {
  return {
    map: priceListRow,
    apply: (trx, rows) =>
      eachRow(
        rows,
        async (price) => {
          const skuId = await skuIdByCode(trx, price.skuCode);
          const listId =
            (await priceListIdByCode(trx, price.listCode)) ??
            (
              await createPriceList(
                trx,
                {
                  code: price.listCode,
                  name: price.listName ?? price.listCode,
                  currency: price.currency,
                },
                ctx.now(),
              )
            ).id;
          await upsertListPrices(trx, listId, {
            skuId,
            packLevel: price.packLevel,
            prices: [
              {
                minQuantity: price.minQuantity,
                unitPriceMinor: price.unitPriceMinor,
                validFrom: price.validFrom,
                validTo: price.validTo,
              },
            ],
          });
        },
        { 'PRICING.UNKNOWN_PACK_LEVEL': 'pack_level', 'PRICING.INVALID_PRICE': 'unit_price' },
      ),
  };
}
