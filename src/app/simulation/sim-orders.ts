import { applyOrderRules } from '../../core/pricing/order-quantity.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { demoRandom, type DemoRandom } from '../demo/demo-random.js';
import type { OrderLineInput, PlaceOrderInput } from '../orders/place-order.js';
import { placeOrder } from '../orders/place-order.js';
import { addDays, at, dayNumber } from './sim-random.js';
import { runUnits } from './sim-units.js';
import type { SimCustomer, SimSku, SimWorld } from './sim-world.js';

/** Orders are keyed in by sales, as phone and e-mail orders are. */
export const SIM_SALES: Actor = { id: 'sim:sales', role: 'sales', customerId: null, apiKeyId: 0 };

/** A day's order intake as the day loop counts it. */
export interface OrderIntake {
  placed: number;
  lines: number;
  /** Orders refused outright (a rule or check said no): lost demand. */
  refused: number;
}

/**
 * The retailers' orders of one day, drawn from the seed and the date: which account, how many
 * lines, which SKUs (a few sell far more than the rest, as in any catalog) and how much.
 * Returned in the order they are taken through the day, each with its time.
 */
export function planDayOrders(
  world: SimWorld,
  date: string,
  count: number,
  seed: number,
): { at: Date; input: PlaceOrderInput }[] {
  const rng = demoRandom((seed ^ Math.imul(dayNumber(date), 0x2545f491)) >>> 0);
  const orders: { at: Date; input: PlaceOrderInput }[] = [];
  for (let i = 0; i < count; i++) {
    const customer = rng.pick(world.customers);
    orders.push({
      // Spread over the trading day, 07:00 to 17:00 UTC.
      at: at(date, 7 + (10 * i) / Math.max(1, count)),
      input: orderFor(world, customer, date, rng),
    });
  }
  return orders;
}

function orderFor(
  world: SimWorld,
  customer: SimCustomer,
  date: string,
  rng: DemoRandom,
): PlaceOrderInput {
  const wanted = rng.int(1, 6);
  const lines = new Map<number, OrderLineInput>();
  for (let tries = 0; lines.size < wanted && tries < wanted * 3; tries++) {
    const sku = popularSku(world.skus, rng);
    if (!lines.has(sku.id)) lines.set(sku.id, lineFor(sku, rng));
  }
  return {
    customerId: customer.id,
    customerPo: `SIM-${date.replaceAll('-', '')}-${rng.int(10000, 99999)}`,
    requestedShipDate: addDays(date, 1),
    source: rng.chance(0.6) ? 'web' : 'api',
    lines: [...lines.values()],
  };
}

/** Skewed towards the front of the catalog: the first fifth of SKUs takes most of the lines. */
function popularSku(skus: readonly SimSku[], rng: DemoRandom): SimSku {
  return skus[Math.floor(skus.length * rng.next() ** 2.2)]!;
}

/** Cases where the SKU has them (mostly), else eaches; raised to meet the SKU's order rule. */
function lineFor(sku: SimSku, rng: DemoRandom): OrderLineInput {
  const byCase = sku.caseQuantity !== null && rng.chance(0.75);
  const packQuantity = byCase ? rng.int(1, 3) : rng.int(2, 12);
  const base = packQuantity * (byCase ? sku.caseQuantity! : 1);
  if (!sku.rule) return { skuId: sku.id, packLevel: byCase ? 'case' : 'each', packQuantity };
  const ruled = applyOrderRules(base, { ...sku.rule, rounding: 'round_up' });
  const quantity = ruled.ok ? ruled.value.quantity : base;
  if (quantity === base)
    return { skuId: sku.id, packLevel: byCase ? 'case' : 'each', packQuantity };
  return { skuId: sku.id, packLevel: 'each', packQuantity: quantity };
}

/** Takes the day's orders through `placeOrder`: priced, credit-checked and allocated. */
export async function placeDayOrders(
  ctx: AppContext,
  orders: readonly { at: Date; input: PlaceOrderInput }[],
): Promise<OrderIntake> {
  const outcomes = await runUnits(ctx.database, orders, (trx, order) =>
    placeOrder(trx, order.input, SIM_SALES, ctx.policies.allocation, order.at),
  );
  let placed = 0;
  let lines = 0;
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    placed++;
    lines += orders[i]!.input.lines.length;
  });
  return { placed, lines, refused: outcomes.length - placed };
}
