import { addDays } from '../../core/shared/calendar-days.js';
import { applyOrderRules, type OrderRule } from '../../core/pricing/order-quantity.js';
import type { DemoCustomer, DemoCustomerKind } from './demo-customers.js';
import { estimateLineMinor, packSize, type DemoCustomerPrice } from './demo-price-plan.js';
import type { DemoRandom } from './demo-random.js';
import type { DemoCategory, DemoSku } from './demo-sku-builder.js';
import type { DemoStockBook } from './demo-stock-book.js';

/** One line as `placeOrder` takes it, by SKU code. */
export interface DemoOrderLine {
  skuCode: string;
  packLevel: 'each' | 'case';
  packQuantity: number;
}

/** One order of the demo order book, by account number and ship-to code. */
export interface DemoOrder {
  accountNumber: string;
  shipToCode?: string;
  customerPo: string;
  requestedShipDate: string;
  notes?: string;
  lines: DemoOrderLine[];
}

/**
 * How an entry of the order book is built: `regular` fits the stock in the account's warehouse
 * (and its credit limit), `stock_out` asks only for SKUs nobody has, `partial` adds one such
 * line to a regular order, `over_limit` is a restock bigger than the account's credit allows.
 */
type Shape = 'regular' | 'stock_out' | 'partial' | 'over_limit';

/**
 * The demo's order book, in the order the orders are taken: 25 orders over all 14 accounts,
 * the chain ordering for each of its stores.
 */
const ORDER_BOOK: readonly [account: string, shape: Shape, shipTo?: string][] = [
  ['C-10006', 'regular', 'STORE-01'],
  ['C-10001', 'regular'],
  ['C-20001', 'regular'],
  ['C-10002', 'regular'],
  ['C-10008', 'regular'],
  ['C-10005', 'regular'],
  ['C-10006', 'regular', 'STORE-02'],
  ['C-20002', 'regular'],
  ['C-10003', 'regular'],
  ['C-10007', 'regular'],
  ['C-20003', 'regular'],
  ['C-10004', 'regular'],
  ['C-10001', 'partial'],
  ['C-20004', 'regular'],
  ['C-10006', 'regular', 'STORE-03'],
  ['C-10009', 'regular'],
  ['C-20005', 'stock_out'],
  ['C-10002', 'regular'],
  ['C-10008', 'over_limit'],
  ['C-20001', 'regular'],
  ['C-10003', 'regular'],
  ['C-10006', 'regular', 'STORE-04'],
  ['C-10004', 'regular'],
  ['C-20005', 'regular'],
  ['C-10001', 'regular'],
];

/** What each kind of business buys from a pet-supplies wholesaler. */
const ASSORTMENT: Record<DemoCustomerKind, readonly DemoCategory[] | 'all'> = {
  store: 'all',
  chain: 'all',
  vet: ['Dry dog food', 'Wet dog food', 'Dry cat food', 'Wet cat food', 'Dog treats', 'Cat treats'],
  groomer: ['Dog treats', 'Accessories', 'Toys'],
  feed_store: ['Dry dog food', 'Dry cat food', 'Cat litter', 'Bird', 'Small animal'],
  aquarium: ['Aquarium', 'Bird', 'Small animal'],
};

/** Lines per order and the most cases per line, by kind of business. */
const SIZE: Record<DemoCustomerKind, { lines: [number, number]; cases: number }> = {
  store: { lines: [2, 6], cases: 4 },
  chain: { lines: [4, 6], cases: 12 },
  vet: { lines: [1, 4], cases: 3 },
  groomer: { lines: [1, 3], cases: 2 },
  feed_store: { lines: [2, 3], cases: 2 },
  aquarium: { lines: [2, 4], cases: 3 },
};

/** The most lines a demo order has. */
const MAX_LINES = 6;

const NOTES = [
  'Deliver to the back door, before 10 am please',
  'Call ahead: the loading dock is shared',
  'Liftgate needed',
];

export interface OrderPlanInput {
  skus: readonly DemoSku[];
  customers: readonly DemoCustomer[];
  rules: ReadonlyMap<string, OrderRule>;
  customerPrices: readonly DemoCustomerPrice[];
  stock: DemoStockBook;
  /** `YYYY-MM-DD`. */
  today: string;
}

/**
 * Plans the order book. Regular orders take only what the account's warehouse has (with the
 * shelf life a vet insists on) and stay within 80 % of the account's credit limit, so they
 * are allocated in full; the first order of an account with contract prices starts with
 * those SKUs. A held account's order takes no stock, since it will not be allocated.
 */
export function planOrders(input: OrderPlanInput, rng: DemoRandom): DemoOrder[] {
  const { skus, customers, stock } = input;
  const exposure = new Map<string, number>();
  const ordered = new Set<string>();
  const outOfStock = skus.filter((s) => !stock.stockedAnywhere(s.code));
  return ORDER_BOOK.map(([account, shape, shipTo]) => {
    const demo = customers.find((c) => c.customer.accountNumber === account);
    if (!demo) throw new Error(`demo order book names unknown account ${account}`);
    const planner = new LinePlanner(input, demo, rng, exposure.get(account) ?? 0);
    if (shape === 'stock_out') {
      for (const sku of rng.shuffle(outOfStock).slice(0, 2)) planner.addUnstocked(sku);
    } else if (shape === 'over_limit') {
      planner.overLimit();
    } else {
      if (!ordered.has(account)) {
        for (const deal of input.customerPrices.filter((p) => p.accountNumber === account))
          planner.add(deal.skuCode, deal.packLevel === 'case' ? 'case' : 'each');
        ordered.add(account);
      }
      // Leave room for the line that cannot be filled: an order has at most six lines.
      planner.fill(shape === 'partial' ? MAX_LINES - 1 : MAX_LINES);
      if (shape === 'partial') planner.addUnstocked(rng.pick(outOfStock));
    }
    exposure.set(account, (exposure.get(account) ?? 0) + planner.totalMinor);
    return {
      accountNumber: account,
      ...(shipTo ? { shipToCode: shipTo } : {}),
      customerPo: shipTo
        ? `HPC-${shipTo.slice(-2)}-${rng.int(1000, 9999)}`
        : `PO-${rng.int(10000, 99999)}`,
      requestedShipDate: addDays(input.today, rng.int(1, 5)),
      ...(rng.chance(0.2) ? { notes: rng.pick(NOTES) } : {}),
      lines: planner.lines,
    };
  });
}

/** Builds the lines of one order against the stock book and the account's credit. */
class LinePlanner {
  readonly lines: DemoOrderLine[] = [];
  totalMinor = 0;
  readonly #warehouse: string;
  readonly #shelfLife: number;
  readonly #size: { lines: [number, number]; cases: number };
  readonly #takesStock: boolean;

  constructor(
    private readonly input: OrderPlanInput,
    private readonly demo: DemoCustomer,
    private readonly rng: DemoRandom,
    private readonly exposureMinor: number,
  ) {
    this.#warehouse = demo.warehouse;
    this.#shelfLife = demo.customer.minRemainingShelfLifeDays ?? 0;
    this.#size = SIZE[demo.kind];
    this.#takesStock = demo.holdReason === undefined;
  }

  /** Regular lines, up to `room` in all: SKUs of the account's assortment its warehouse can ship. */
  fill(room: number): void {
    const wanted = Math.min(room, this.rng.int(...this.#size.lines));
    const assortment = ASSORTMENT[this.demo.kind];
    const pool = this.input.skus.filter(
      (s) =>
        (assortment === 'all' || assortment.includes(s.category)) &&
        this.input.stock.available(this.#warehouse, s.code, this.#shelfLife) > 0,
    );
    for (const sku of this.rng.shuffle(pool)) {
      if (this.lines.length >= wanted) break;
      const level = packSize(sku, 'case') !== undefined && this.rng.chance(0.7) ? 'case' : 'each';
      this.add(sku.code, level);
    }
  }

  /** A line for `skuCode` that fits stock and credit, at a random quantity; false if none does. */
  add(skuCode: string, level: 'each' | 'case'): boolean {
    const sku = this.#sku(skuCode);
    if (this.lines.some((l) => l.skuCode === skuCode)) return false;
    const most = level === 'case' ? this.#size.cases : 12;
    for (let quantity = this.rng.int(level === 'case' ? 1 : 2, most); quantity > 0; quantity--) {
      const base = this.#base(sku, level, quantity);
      if (base === null) continue;
      const price = this.#priceOf(sku, level, base);
      if (!this.#withinCredit(price)) continue;
      if (
        this.#takesStock &&
        !this.input.stock.take(this.#warehouse, skuCode, base, this.#shelfLife)
      )
        continue;
      this.#push(sku, level, quantity, price);
      return true;
    }
    return false;
  }

  /** A line nobody can ship yet: two cases (or a few eaches), within the SKU's order rule. */
  addUnstocked(sku: DemoSku): void {
    const level = packSize(sku, 'case') !== undefined ? 'case' : 'each';
    const rule = this.input.rules.get(sku.code);
    const quantity = level === 'case' ? 2 : Math.max(3, rule?.minOrderQuantity ?? 0);
    this.#push(sku, level, quantity, this.#priceOf(sku, level, this.#base(sku, level, quantity)!));
  }

  /** A seasonal restock the account's credit limit cannot carry: it will go on hold. */
  overLimit(): void {
    const limit = this.demo.customer.creditLimitMinor ?? 0;
    const target = limit * 1.25 - this.exposureMinor;
    const assortment = ASSORTMENT[this.demo.kind];
    const pool = this.input.skus.filter(
      (s) => assortment === 'all' || assortment.includes(s.category),
    );
    for (const sku of this.rng.shuffle(pool).slice(0, 3)) {
      const level = packSize(sku, 'case') !== undefined ? 'case' : 'each';
      const unit = estimateLineMinor(sku, this.demo.priceList, level, 1);
      let quantity = Math.max(1, Math.ceil(target / 3 / unit));
      while (this.#base(sku, level, quantity) === null) quantity++;
      this.#push(
        sku,
        level,
        quantity,
        this.#priceOf(sku, level, this.#base(sku, level, quantity)!),
      );
    }
  }

  #push(sku: DemoSku, packLevel: 'each' | 'case', packQuantity: number, priceMinor: number) {
    this.lines.push({ skuCode: sku.code, packLevel, packQuantity });
    this.totalMinor += priceMinor;
  }

  /** Eaches the line comes to after the SKU's order rule; null when the rule refuses it. */
  #base(sku: DemoSku, level: 'each' | 'case', quantity: number): number | null {
    const ruled = applyOrderRules(
      quantity * (packSize(sku, level) ?? 1),
      this.input.rules.get(sku.code),
    );
    return ruled.ok ? ruled.value.quantity : null;
  }

  /** The line's price after its order rule: whole packs stay at their level, the rest are eaches. */
  #priceOf(sku: DemoSku, level: 'each' | 'case', base: number): number {
    const size = packSize(sku, level) ?? 1;
    return base % size === 0
      ? estimateLineMinor(sku, this.demo.priceList, level, base / size)
      : estimateLineMinor(sku, this.demo.priceList, 'each', base);
  }

  #withinCredit(priceMinor: number): boolean {
    const limit = this.demo.customer.creditLimitMinor;
    if (limit === null || limit === undefined) return true;
    return this.exposureMinor + this.totalMinor + priceMinor <= limit * 0.8;
  }

  #sku(code: string): DemoSku {
    const sku = this.input.skus.find((s) => s.code === code);
    if (!sku) throw new Error(`demo order names unknown SKU ${code}`);
    return sku;
  }
}
