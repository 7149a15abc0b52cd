import type { Tx } from '../../adapters/db/database.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import type { OrderRule } from '../../core/pricing/order-quantity.js';
import type { Actor } from '../../core/shared/roles.js';
import { createCustomer } from '../customers/create-customer.js';
import { placeHold } from '../customers/customer-hold.js';
import { placeOrder } from '../orders/place-order.js';
import { upsertCustomerPrices } from '../pricing/customer-prices.js';
import { upsertOrderRule } from '../pricing/order-rules.js';
import { createPriceList, upsertListPrices } from '../pricing/price-lists.js';
import type { DemoCatalog } from './demo-catalog.js';
import { DEMO_CUSTOMERS, type DemoCustomer, type DemoPriceListCode } from './demo-customers.js';
import { planOrders, type DemoOrder } from './demo-order-plan.js';
import {
  listPriceSets,
  planCustomerPrices,
  planOrderRules,
  type DemoCustomerPrice,
} from './demo-price-plan.js';
import { demoRandom } from './demo-random.js';
import { DemoStockBook } from './demo-stock-book.js';
import type { DemoReceipt } from './demo-stock-plan.js';

/** The sales side of the demo, before any of it is stored: codes, not ids. */
export interface DemoSalesPlan {
  priceLists: readonly { code: DemoPriceListCode; name: string }[];
  rules: ReadonlyMap<string, OrderRule>;
  customers: readonly DemoCustomer[];
  customerPrices: readonly DemoCustomerPrice[];
  orders: readonly DemoOrder[];
}

/** What `seedDemoSales` created. */
export interface DemoSalesResult {
  customers: number;
  orders: number;
}

/** Demo orders are taken by a sales clerk, as if keyed in from the phone and email. */
export const DEMO_SALES_ACTOR: Actor = { id: 'demo', role: 'sales', customerId: null, apiKeyId: 0 };

const PRICE_LISTS = [
  { code: 'WHOLESALE', name: 'Wholesale trade prices' },
  { code: 'CHAIN', name: 'Chain account prices' },
] as const;

/**
 * Plans the sales side from the catalog and the opening stock (`today` is `YYYY-MM-DD`). The
 * same seed, catalog and stock always give the same plan.
 */
export function planDemoSales(
  catalog: DemoCatalog,
  receipts: readonly DemoReceipt[],
  today: string,
  seed: number,
): DemoSalesPlan {
  const rng = demoRandom(seed ^ 0x5a1e5);
  const stock = new DemoStockBook(receipts, today);
  const rules = planOrderRules(catalog.skus, rng);
  const customerPrices = planCustomerPrices(
    catalog.skus,
    (warehouse, code) => stock.stocked(warehouse, code),
    rng,
  );
  const orders = planOrders(
    { skus: catalog.skus, customers: DEMO_CUSTOMERS, rules, customerPrices, stock, today },
    rng,
  );
  return { priceLists: PRICE_LISTS, rules, customers: DEMO_CUSTOMERS, customerPrices, orders };
}

/**
 * Stores the sales side through the use cases, in the caller's transaction: price lists and
 * order rules, the accounts (one put on credit hold), contract prices, then the order book
 * through `placeOrder`, which prices, credit-checks and allocates each order as it would for
 * an order keyed in by sales.
 */
export async function seedDemoSales(
  trx: Tx,
  plan: DemoSalesPlan,
  catalog: DemoCatalog,
  skuIds: ReadonlyMap<string, number>,
  policy: AllocationPolicy,
  now: Date,
): Promise<DemoSalesResult> {
  const skuId = (code: string) => {
    const id = skuIds.get(code);
    if (id === undefined) throw new Error(`demo sales names unknown SKU ${code}`);
    return id;
  };
  const listIds = new Map<string, number>();
  for (const list of plan.priceLists) {
    const created = await createPriceList(trx, { ...list, currency: 'USD' }, now);
    listIds.set(list.code, created.id);
    for (const sku of catalog.skus) {
      for (const set of listPriceSets(sku, list.code)) {
        await upsertListPrices(trx, created.id, {
          skuId: skuId(set.skuCode),
          packLevel: set.packLevel,
          prices: set.prices,
        });
      }
    }
  }
  for (const [code, rule] of plan.rules) await upsertOrderRule(trx, skuId(code), rule);
  const warehouseIds = await warehouseIdsByCode(trx);
  const customers = new Map<string, { id: number; shipTos: Map<string, number> }>();
  for (const demo of plan.customers) {
    const created = await createCustomer(
      trx,
      {
        ...demo.customer,
        priceListId: listIds.get(demo.priceList) ?? null,
        preferredWarehouseId: warehouseIds.get(demo.warehouse) ?? null,
      },
      now,
    );
    if (demo.holdReason)
      await placeHold(trx, created.id, demo.holdReason, DEMO_SALES_ACTOR.id, now);
    customers.set(created.accountNumber, {
      id: created.id,
      shipTos: new Map(created.shipTos.map((s) => [s.code, s.id])),
    });
  }
  const account = (accountNumber: string) => {
    const found = customers.get(accountNumber);
    if (!found) throw new Error(`demo sales names unknown account ${accountNumber}`);
    return found;
  };
  for (const deal of plan.customerPrices) {
    await upsertCustomerPrices(trx, account(deal.accountNumber).id, {
      skuId: skuId(deal.skuCode),
      packLevel: deal.packLevel,
      prices: deal.prices,
    });
  }
  for (const order of plan.orders) {
    const customer = account(order.accountNumber);
    await placeOrder(
      trx,
      {
        customerId: customer.id,
        shipToId: order.shipToCode ? shipToId(customer.shipTos, order.shipToCode) : undefined,
        customerPo: order.customerPo,
        requestedShipDate: order.requestedShipDate,
        notes: order.notes,
        source: 'web',
        lines: order.lines.map((line) => ({
          skuId: skuId(line.skuCode),
          packLevel: line.packLevel,
          packQuantity: line.packQuantity,
        })),
      },
      DEMO_SALES_ACTOR,
      policy,
      now,
    );
  }
  return { customers: customers.size, orders: plan.orders.length };
}

function shipToId(shipTos: ReadonlyMap<string, number>, code: string): number {
  const id = shipTos.get(code);
  if (id === undefined) throw new Error(`demo order names unknown ship-to ${code}`);
  return id;
}

async function warehouseIdsByCode(trx: Tx): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('warehouses').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
