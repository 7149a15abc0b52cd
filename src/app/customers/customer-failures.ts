import { FailureError } from '../../core/shared/result.js';

/** The customer a request names does not exist, or is not the caller's own (404 either way). */
export function customerNotFound(customerId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.NOT_FOUND',
    message: `No customer ${customerId}`,
    details: { customerId },
  });
}

/** Another account already has this account number (409). */
export function customerAlreadyExists(accountNumber: string): FailureError {
  return new FailureError({
    code: 'CUSTOMER.ALREADY_EXISTS',
    message: `Customer account ${accountNumber} already exists`,
    details: { accountNumber },
  });
}

/** The ship-to does not exist or belongs to another customer (404). */
export function shipToNotFound(customerId: number, shipToId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.SHIP_TO_NOT_FOUND',
    message: `Customer ${customerId} has no ship-to ${shipToId}`,
    details: { customerId, shipToId },
  });
}

/** The account already has a ship-to with this code (409). */
export function shipToAlreadyExists(shipToCode: string): FailureError {
  return new FailureError({
    code: 'CUSTOMER.SHIP_TO_ALREADY_EXISTS',
    message: `The customer already has a ship-to ${shipToCode}`,
    details: { shipToCode },
  });
}

/** The price list named for the account does not exist (404). */
export function priceListNotFound(priceListId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.PRICE_LIST_NOT_FOUND',
    message: `No price list ${priceListId}`,
    details: { priceListId },
  });
}

/** The preferred warehouse named for the account does not exist (404). */
export function warehouseNotFound(warehouseId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.WAREHOUSE_NOT_FOUND',
    message: `No warehouse ${warehouseId}`,
    details: { warehouseId },
  });
}

/** The SKU a shelf-life rule names does not exist (404). */
export function skuNotFound(skuId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.SKU_NOT_FOUND',
    message: `No SKU ${skuId}`,
    details: { skuId },
  });
}
