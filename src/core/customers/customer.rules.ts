/**
 * What makes a trade account sound before orders are taken against it: a well-formed account
 * number, a real bill-to address, terms and limits within sensible bounds, and ship-tos of
 * which exactly one is the default (where an order goes when it names none).
 */
import { fail, ok, type Result } from '../shared/result.js';
import { validateAddress, type Address, type AddressDraft } from './address.rules.js';
import { validateShelfLifeDays } from './shelf-life.js';

/** A customer account as the sales ledger holds it. */
export interface CustomerDefinition {
  accountNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  billTo: Address;
  priceListId: number | null;
  currency: string;
  paymentTermsDays: number;
  /** Null: no limit. */
  creditLimitMinor: number | null;
  /** 1 is served first when stock is short, 9 last. */
  priority: number;
  preferredWarehouseId: number | null;
  /** Ship only when every line can go (a groomer who wants one delivery), or partially. */
  shipComplete: boolean;
  /** False: a shortfall is cancelled rather than backordered. */
  allowBackorders: boolean;
  minRemainingShelfLifeDays: number;
  active: boolean;
}

/** A customer as a caller describes it: everything but the account number, name, bill-to and currency defaults. */
export type CustomerDraft = Partial<Omit<CustomerDefinition, 'billTo'>> &
  Pick<CustomerDefinition, 'accountNumber' | 'name' | 'currency'> & { billTo: AddressDraft };

/** A delivery address of the account: a store, a clinic, a chain's regional depot. */
export interface ShipToDefinition {
  code: string;
  name: string;
  address: Address;
  isDefault: boolean;
}

/** A ship-to as a caller describes it. */
export interface ShipToDraft {
  code: string;
  name: string;
  address: AddressDraft;
  isDefault?: boolean;
}

const ACCOUNT_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,19}$/;
const SHIP_TO_CODE = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const CURRENCY = /^[A-Z]{3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{4,29}$/;

/** Checks a customer draft and returns it normalized (account number and currency upper case, defaults filled). */
export function validateCustomer(draft: CustomerDraft): Result<CustomerDefinition> {
  const accountNumber = draft.accountNumber.trim().toUpperCase();
  if (!ACCOUNT_NUMBER.test(accountNumber)) {
    return invalid(
      'An account number is 3–20 letters, digits or dashes, e.g. "C-10042"',
      'accountNumber',
    );
  }
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 200) return invalid('A name is 1–200 characters', 'name');
  const email = draft.email?.trim() || null;
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
    return invalid(`"${email}" is not an email address`, 'email');
  }
  const phone = draft.phone?.trim() || null;
  if (phone !== null && !PHONE.test(phone))
    return invalid(`"${phone}" is not a phone number`, 'phone');
  const billTo = validateAddress(draft.billTo, 'billTo');
  if (!billTo.ok) return billTo;
  const currency = draft.currency.trim().toUpperCase();
  if (!CURRENCY.test(currency))
    return invalid('Currency is an ISO 4217 code such as "USD"', 'currency');
  const numbers = validateNumbers(draft);
  if (!numbers.ok) return numbers;
  return ok({
    accountNumber,
    name,
    email,
    phone,
    billTo: billTo.value,
    priceListId: draft.priceListId ?? null,
    currency,
    ...numbers.value,
    preferredWarehouseId: draft.preferredWarehouseId ?? null,
    shipComplete: draft.shipComplete ?? false,
    allowBackorders: draft.allowBackorders ?? true,
    active: draft.active ?? true,
  });
}

type Numbers = Pick<
  CustomerDefinition,
  'paymentTermsDays' | 'creditLimitMinor' | 'priority' | 'minRemainingShelfLifeDays'
>;

function validateNumbers(draft: CustomerDraft): Result<Numbers> {
  const paymentTermsDays = draft.paymentTermsDays ?? 30;
  if (!isWhole(paymentTermsDays) || paymentTermsDays > 365) {
    return invalid(
      'Payment terms are 0–365 days (0 is cash on delivery, 30 is net 30)',
      'paymentTermsDays',
    );
  }
  const creditLimitMinor = draft.creditLimitMinor ?? null;
  if (creditLimitMinor !== null && !isWhole(creditLimitMinor)) {
    return invalid(
      'A credit limit is a whole number of minor units ≥ 0, or null for none',
      'creditLimitMinor',
    );
  }
  const priority = draft.priority ?? 5;
  if (!isWhole(priority) || priority < 1 || priority > 9) {
    return invalid('Priority is 1 (served first) to 9', 'priority');
  }
  const shelfLife = validateShelfLifeDays(
    draft.minRemainingShelfLifeDays ?? 0,
    'minRemainingShelfLifeDays',
  );
  if (!shelfLife.ok) return shelfLife;
  return ok({
    paymentTermsDays,
    creditLimitMinor,
    priority,
    minRemainingShelfLifeDays: shelfLife.value,
  });
}

/** Checks one ship-to; `field` names where it sits in the request. */
export function validateShipTo(draft: ShipToDraft, field = 'shipTo'): Result<ShipToDefinition> {
  const code = draft.code.trim().toUpperCase();
  if (!SHIP_TO_CODE.test(code)) {
    return fail(
      'CUSTOMER.INVALID_SHIP_TO',
      'A ship-to code is 1–20 letters, digits or dashes, e.g. "STORE-12"',
      {
        field: `${field}.code`,
      },
    );
  }
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 200) {
    return fail('CUSTOMER.INVALID_SHIP_TO', 'A ship-to name is 1–200 characters', {
      field: `${field}.name`,
    });
  }
  const address = validateAddress(draft.address, `${field}.address`);
  if (!address.ok) return address;
  return ok({ code, name, address: address.value, isDefault: draft.isDefault ?? false });
}

/**
 * Checks the ship-tos a new account starts with: codes unique, at most one marked default;
 * when none is marked, the first becomes the default so every order has somewhere to go.
 */
export function validateShipTos(drafts: ShipToDraft[]): Result<ShipToDefinition[]> {
  const shipTos: ShipToDefinition[] = [];
  for (const [i, draft] of drafts.entries()) {
    const shipTo = validateShipTo(draft, `shipTos[${i}]`);
    if (!shipTo.ok) return shipTo;
    if (shipTos.some((s) => s.code === shipTo.value.code)) {
      return fail('CUSTOMER.SHIP_TO_ALREADY_EXISTS', `Ship-to ${shipTo.value.code} appears twice`, {
        shipToCode: shipTo.value.code,
      });
    }
    shipTos.push(shipTo.value);
  }
  const defaults = shipTos.filter((s) => s.isDefault).length;
  if (defaults > 1) {
    return fail('CUSTOMER.INVALID_SHIP_TO', 'Only one ship-to can be the default', {
      field: 'shipTos',
    });
  }
  if (defaults === 0 && shipTos[0]) shipTos[0] = { ...shipTos[0], isDefault: true };
  return ok(shipTos);
}

/** Checks the reason for a credit or account hold: credit control reads it later, so it is required. */
export function validateHoldReason(reason: string): Result<string> {
  const text = reason.trim();
  if (text.length === 0 || text.length > 500) {
    return fail('CUSTOMER.INVALID_HOLD_REASON', 'A hold needs a reason of 1–500 characters', {
      field: 'reason',
    });
  }
  return ok(text);
}

function isWhole(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function invalid(message: string, field: string): Result<never> {
  return fail('CUSTOMER.INVALID_CUSTOMER', message, { field });
}
