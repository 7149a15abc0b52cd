import type { Tx } from '../../adapters/db/database.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import type { PricedLine } from '../../core/pricing/line-pricing.js';
import type { PriceLevel } from '../../core/pricing/price-resolver.js';
import { FailureError } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import type { CustomerForOrder } from '../customers/customer-for-order.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';
import { masterData } from '../master-data/master-data-cache.js';
import { expiryDay } from '../../core/inventory/expiry.js';
import { planStock } from './allocate-lines.js';
import { settleHold, wantedLines, type AllocationOutcome } from './allocate-order.js';
import { holdReasonFor } from './credit-hold.js';
import { writeNewOrder } from './new-order-rows.js';
import { OrderMasterData } from './order-master-data.js';
import { openValue } from './order-total.js';
import { orderNumber } from './order-views.js';
import type { OrderEvent } from './order-timeline.js';
import { priceLines } from './price-lines.js';

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
 * (hold, credit), and — unless it is a draft or held — reserves stock for it, then stores the
 * order, its lines and allocations once, in their final state, all in the caller's transaction.
 * Master data comes from the in-process cache (one version read); a refusal rolls everything back.
 */
export async function placeOrder(
  trx: Tx,
  input: PlaceOrderInput,
  actor: Actor,
  policy: AllocationPolicy,
  now: Date,
): Promise<PlacedOrder> {
  const nowIso = now.toISOString();
  const master = new OrderMasterData(await masterData(trx), trx);
  const customer = await orderingCustomer(master, input, actor);
  // No warehouse is chosen yet: the order is dated (and priced) at the customer's preferred one.
  const today = await businessToday(trx, customer.preferredWarehouseId, now);
  const shipToId = await shipToFor(master, customer, input.shipToId);
  const priced = await priceLines(trx, customer, input.lines, actor, today, master);
  const totalMinor = priced.reduce((n, l) => n + l.lineTotalMinor, 0);
  const holdReason = input.draft ? null : await holdReasonFor(trx, customer, totalMinor);
  const status = input.draft ? 'draft' : holdReason ? 'on_hold' : 'confirmed';
  const events: OrderEvent[] = [
    { type: 'created', data: { status, totalMinor, lines: priced.length } },
  ];
  if (holdReason) events.push({ type: 'held', data: { reason: holdReason } });
  const allocated =
    status === 'confirmed'
      ? await allocateNewOrder(trx, master, priced, customer, policy, nowIso)
      : undefined;
  if (allocated?.event) events.push(allocated.event);
  const finalStatus = allocated?.outcome.status ?? status;
  const finalTotalMinor = allocated?.totalMinor ?? totalMinor;
  const orderId = await writeNewOrder(trx, {
    row: {
      customer,
      input,
      shipToId,
      status: finalStatus,
      holdReason,
      warehouseId: allocated?.warehouseId ?? null,
      totalMinor: finalTotalMinor,
      actor: actor.id,
      nowIso,
    },
    priced,
    inputs: input.lines,
    settled: allocated?.settled,
    plan: allocated?.plan ?? [],
    events,
  });
  return {
    id: orderId,
    orderNumber: orderNumber(orderId),
    status: finalStatus,
    holdReason,
    totalMinor: finalTotalMinor,
    currency: customer.currency,
    allocation: allocated?.outcome ?? null,
  };
}

/**
 * Plans stock for an order not yet written (its lines are known by their index, 0, 1, …, until
 * they are inserted) from stock no one else can take before the write reserves it. Returns the
 * plan and how each line settles.
 */
async function allocateNewOrder(
  trx: Tx,
  master: OrderMasterData,
  priced: readonly PricedLine[],
  customer: CustomerForOrder,
  policy: AllocationPolicy,
  nowIso: string,
) {
  const today = nowIso.slice(0, 10);
  const lines = priced.map((p, i) => ({
    id: i,
    sku_id: p.skuId,
    quantity_ordered: p.quantityBase,
    quantity_allocated: 0,
    quantity_cancelled: 0,
    quantity_backordered: 0,
  }));
  const rules = await master.shelfLifeRules(
    customer.id,
    priced.map((p) => p.skuId),
  );
  const wanted = wantedLines(lines, customer, rules, today);
  const plan = await planStock(trx, wanted, customer, policy, expiryDay(nowIso));
  const settlement = settleHold({ id: 0, status: 'confirmed', lines }, plan, customer);
  // A shortfall cancelled rather than backordered is no longer sold: the order is worth less.
  const totalMinor =
    settlement.outcome.cancelled > 0
      ? priced.reduce(
          (n, p, i) =>
            n + openValue(p.lineTotalMinor, p.quantityBase, settlement.settled[i]!.cancelled),
          0,
        )
      : null;
  return { ...settlement, plan, totalMinor };
}

/** The buyer: a customer key orders for its own account only; staff name the account. */
async function orderingCustomer(
  master: OrderMasterData,
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
      : await master.customer(customerId);
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
  master: OrderMasterData,
  customer: CustomerForOrder,
  shipToId: number | undefined,
): Promise<number | null> {
  if (shipToId === undefined) return customer.defaultShipToId;
  if (!(await master.hasShipTo(customer.id, shipToId)))
    throw new FailureError({
      code: 'ORDER.SHIP_TO_NOT_FOUND',
      message: `Customer ${customer.accountNumber} has no ship-to ${shipToId}`,
    });
  return shipToId;
}
