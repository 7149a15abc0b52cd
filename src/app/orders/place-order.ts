import type { Tx } from '../../adapters/db/database.js';
import { creditCheck } from '../../core/customers/credit-check.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import { priceLine, type PricedLine } from '../../core/pricing/line-pricing.js';
import { checkPriceOverride } from '../../core/pricing/price-override.js';
import type { PriceLevel } from '../../core/pricing/price-resolver.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { creditExposure } from '../customers/credit-exposure.js';
import { loadCustomerForOrder, type CustomerForOrder } from '../customers/customer-for-order.js';
import { loadShipTo } from '../customers/ship-tos.js';
import { loadPricingInputs } from '../pricing/pricing-inputs.js';
import { allocateHeldOrder, type AllocationOutcome } from './allocate-order.js';
import { orderNumber } from './order-views.js';
import { recordOrderEvents, type OrderEvent } from './order-timeline.js';

export interface OrderLineInput {
  skuId: number;
  packLevel: PriceLevel;
  packQuantity: number;
  /** A hand-set price per pack; only roles allowed to override prices may send one. */
  unitPriceMinor?: number | undefined;
  notes?: string | undefined;
}

export interface PlaceOrderInput {
  /** Optional for a customer-role key (its own account); required for staff. */
  customerId?: number | undefined;
  customerPo?: string | undefined;
  shipToId?: number | undefined;
  requestedShipDate?: string | undefined;
  notes?: string | undefined;
  /** Save without confirming: no credit check, no allocation. */
  draft?: boolean | undefined;
  source?: 'api' | 'web' | 'edi' | 'csv' | undefined;
  lines: OrderLineInput[];
}

export interface PlacedOrder {
  id: number;
  orderNumber: string;
  status: string;
  holdReason: string | null;
  totalMinor: number;
  currency: string;
  allocation: AllocationOutcome | null;
}

/**
 * Takes an order from a retailer: prices every line on the server, checks the account
 * (hold, credit), stores the order and its lines, and — unless it is a draft or held —
 * allocates stock for it, all in the caller's transaction. A refusal rolls everything back.
 */
export async function placeOrder(
  trx: Tx,
  input: PlaceOrderInput,
  actor: Actor,
  policy: AllocationPolicy,
  now: Date,
): Promise<PlacedOrder> {
  const nowIso = now.toISOString();
  const customer = await orderingCustomer(trx, input, actor);
  const shipToId = await shipToFor(trx, customer, input.shipToId);
  const priced = await priceLines(trx, customer, input.lines, actor, nowIso.slice(0, 10));
  const totalMinor = priced.reduce((n, l) => n + l.lineTotalMinor, 0);
  const holdReason = input.draft ? null : await holdReasonFor(trx, customer, totalMinor);
  const status = input.draft ? 'draft' : holdReason ? 'on_hold' : 'confirmed';
  const order = await trx
    .insertInto('orders')
    .values({
      customer_id: customer.id,
      customer_po: input.customerPo ?? null,
      ship_to_id: shipToId,
      requested_ship_date: input.requestedShipDate ?? null,
      status,
      hold_reason: holdReason,
      warehouse_id: null,
      priority: customer.priority,
      currency: customer.currency,
      total_minor: totalMinor,
      source: input.source ?? 'api',
      notes: input.notes ?? null,
      created_by: actor.id,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lineIds = await insertLines(trx, order.id, priced, input.lines, nowIso);
  const events: OrderEvent[] = [
    { type: 'created', data: { status, totalMinor, lines: priced.length } },
  ];
  if (holdReason) events.push({ type: 'held', data: { reason: holdReason } });
  let allocation: AllocationOutcome | null = null;
  let finalTotalMinor = totalMinor;
  if (status === 'confirmed') {
    // Created in this transaction: no one else can see the order before the commit, so there
    // is nothing to lock, and its lines are the ones just inserted.
    const allocated = await allocateHeldOrder(
      trx,
      {
        id: order.id,
        status,
        lines: priced.map((p, i) => ({
          id: lineIds[i]!,
          sku_id: p.skuId,
          quantity_ordered: p.quantityBase,
          quantity_allocated: 0,
          quantity_cancelled: 0,
          quantity_backordered: 0,
        })),
      },
      customer,
      policy,
      now,
    );
    allocation = allocated.outcome;
    finalTotalMinor = allocated.totalMinor ?? totalMinor;
    if (allocated.event) events.push(allocated.event);
  }
  // The whole timeline of the placement (created, held or allocated) in one insert per table.
  await recordOrderEvents(trx, order.id, actor.id, events, nowIso);
  return {
    id: order.id,
    orderNumber: orderNumber(order.id),
    status: allocation?.status ?? status,
    holdReason,
    totalMinor: finalTotalMinor,
    currency: customer.currency,
    allocation,
  };
}

/** The buyer: a customer key orders for its own account only; staff name the account. */
async function orderingCustomer(
  trx: Tx,
  input: PlaceOrderInput,
  actor: Actor,
): Promise<CustomerForOrder> {
  const customerId = actor.customerId ?? input.customerId;
  if (customerId === undefined) {
    throw new FailureError({
      code: 'ORDER.CUSTOMER_REQUIRED',
      message: 'Say which customer the order is for (customerId)',
    });
  }
  const customer =
    actor.customerId !== null &&
    input.customerId !== undefined &&
    input.customerId !== actor.customerId
      ? undefined
      : await loadCustomerForOrder(trx, customerId);
  if (!customer)
    throw new FailureError({ code: 'CUSTOMER.NOT_FOUND', message: `No customer ${customerId}` });
  if (!customer.active)
    throw new FailureError({
      code: 'CUSTOMER.INACTIVE',
      message: `Customer ${customer.accountNumber} is inactive`,
    });
  return customer;
}

async function shipToFor(
  trx: Tx,
  customer: CustomerForOrder,
  shipToId: number | undefined,
): Promise<number | null> {
  if (shipToId === undefined) return customer.defaultShipToId;
  const shipTo = await loadShipTo(trx, customer.id, shipToId);
  if (!shipTo)
    throw new FailureError({
      code: 'ORDER.SHIP_TO_NOT_FOUND',
      message: `Customer ${customer.accountNumber} has no ship-to ${shipToId}`,
    });
  return shipTo.id;
}

/** Server-side prices for every line; a price sent by a role that may not set one is refused. */
export async function priceLines(
  trx: Tx,
  customer: CustomerForOrder,
  lines: readonly OrderLineInput[],
  actor: Actor,
  onDate: string,
): Promise<PricedLine[]> {
  if (lines.length === 0)
    throw new FailureError({ code: 'ORDER.NO_LINES', message: 'An order needs at least one line' });
  const overrides = lines.map((l) => must(checkPriceOverride(actor.role, l.unitPriceMinor)));
  const inputs = must(
    await loadPricingInputs(trx, {
      customerId: customer.id,
      customer,
      skuIds: lines.map((l) => l.skuId),
      onDate,
    }),
  );
  return lines.map((line, i) => {
    const facts = inputs.skus.get(line.skuId);
    if (!facts)
      throw new FailureError({
        code: 'ORDER.SKU_NOT_FOUND',
        message: `No SKU ${line.skuId}`,
        details: { line: i + 1 },
      });
    if (!facts.active)
      throw new FailureError({
        code: 'ORDER.SKU_INACTIVE',
        message: `SKU ${line.skuId} is no longer sold`,
        details: { line: i + 1 },
      });
    const priced = priceLine(
      {
        packLevel: line.packLevel,
        packQuantity: line.packQuantity,
        overridePriceMinor: overrides[i],
      },
      facts,
      onDate,
    );
    if (!priced.ok)
      throw new FailureError({
        ...priced.error,
        details: { ...priced.error.details, line: i + 1 },
      });
    return priced.value;
  });
}

/**
 * Why an order must wait for approval: the account is on hold, or the order breaks its credit
 * limit. `alreadyCountedMinor`: how much of the order the exposure already includes (a stored
 * draft is an open order), so it is not counted twice.
 */
export async function holdReasonFor(
  trx: Tx,
  customer: CustomerForOrder,
  totalMinor: number,
  alreadyCountedMinor = 0,
): Promise<string | null> {
  if (customer.onHold)
    return `Account on hold${customer.holdReason ? `: ${customer.holdReason}` : ''}`;
  if (customer.creditLimitMinor === null) return null;
  // Take the account's row first (a row lock on PostgreSQL; SQLite writers are serial): two
  // orders placed at once must not both pass the check against the same exposure.
  await trx
    .updateTable('customers')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', customer.id)
    .execute();
  const exposure = await creditExposure(trx, customer.id);
  const check = creditCheck(
    (exposure?.exposureMinor ?? 0) - alreadyCountedMinor,
    totalMinor,
    customer.creditLimitMinor,
  );
  return check.ok ? null : `Credit hold: ${check.error.message}`;
}

export async function insertLines(
  trx: Tx,
  orderId: number,
  priced: readonly PricedLine[],
  inputs: readonly { notes?: string | undefined }[],
  nowIso: string,
  firstLineNumber = 1,
): Promise<number[]> {
  const rows = await trx
    .insertInto('order_lines')
    .values(
      priced.map((p, i) => ({
        order_id: orderId,
        line_number: firstLineNumber + i,
        sku_id: p.skuId,
        pack_level: p.packLevel,
        pack_quantity: p.packQuantity,
        quantity_ordered: p.quantityBase,
        unit_price_minor: p.unitPriceMinor,
        line_total_minor: p.lineTotalMinor,
        price_source: p.priceSource,
        notes: inputs[i]?.notes ?? null,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    )
    .returning(['id', 'line_number'])
    .execute();
  // In the order of `priced`, whatever order the database returned the rows in.
  const ids: number[] = [];
  for (const r of rows) ids[r.line_number - firstLineNumber] = r.id;
  return ids;
}
