import { describe, expect, it } from 'vitest';
import { validateCustomer, validateShipTos } from '../../core/customers/customer.rules.js';
import { applyOrderRules } from '../../core/pricing/order-quantity.js';
import { validatePriceRows } from '../../core/pricing/price-rows.js';
import { DEFAULT_DEMO_SEED, demoCatalog } from './demo-catalog.js';
import { listPriceSets, packSize } from './demo-price-plan.js';
import { planDemoSales } from './demo-sales.js';
import { planOpeningStock } from './demo-stock-plan.js';

describe.each([7, DEFAULT_DEMO_SEED])('planDemoSales with seed %i', (seed) => {
  const today = '2025-06-01';
  const catalog = demoCatalog(seed);
  const receipts = planOpeningStock(catalog, today, seed);
  const plan = planDemoSales(catalog, receipts, today, seed);
  const skuByCode = new Map(catalog.skus.map((s) => [s.code, s]));
  const stocked = new Set(receipts.map((r) => r.skuCode));

  it('prices the each at cost × 1.4, the case at 95 % with a 10-case break, the pallet at 90 %', () => {
    const sku = catalog.skus.find((s) => packSize(s, 'case') !== undefined)!;
    const caseQty = packSize(sku, 'case')!;
    const palletQty = packSize(sku, 'pallet')!;
    const each = Math.round(sku.standardCostMinor * 1.4);
    const casePrice = Math.round(each * caseQty * 0.95);
    expect(listPriceSets(sku, 'WHOLESALE')).toEqual([
      { skuCode: sku.code, packLevel: 'each', prices: [{ unitPriceMinor: each }] },
      {
        skuCode: sku.code,
        packLevel: 'case',
        prices: [
          { unitPriceMinor: casePrice },
          { minQuantity: 10, unitPriceMinor: Math.round(casePrice * 0.96) },
        ],
      },
      {
        skuCode: sku.code,
        packLevel: 'pallet',
        prices: [{ unitPriceMinor: Math.round(each * palletQty * 0.9) }],
      },
    ]);
  });

  it('prices every SKU on both lists, chain prices below wholesale, all valid rows', () => {
    for (const sku of catalog.skus) {
      const wholesale = listPriceSets(sku, 'WHOLESALE');
      const chain = listPriceSets(sku, 'CHAIN');
      expect(chain.map((s) => s.packLevel)).toEqual(wholesale.map((s) => s.packLevel));
      chain.forEach((set, i) => {
        expect(validatePriceRows(set.prices).ok).toBe(true);
        expect(set.prices[0]!.unitPriceMinor).toBeLessThan(wholesale[i]!.prices[0]!.unitPriceMinor);
      });
    }
  });

  it('sells toys and cans by the case, and has a minimum on a few heavy bags', () => {
    const rules = [...plan.rules];
    for (const [code, rule] of rules.filter(([, r]) => r.rounding === 'round_up')) {
      const sku = skuByCode.get(code)!;
      expect(sku.category === 'Toys' || sku.name.includes(' Can'), sku.name).toBe(true);
      expect(rule.orderMultiple).toBe(packSize(sku, 'case'));
    }
    const minimums = rules.filter(([, r]) => r.rounding === 'reject');
    expect(minimums).toHaveLength(4);
    for (const [code] of minimums)
      expect(skuByCode.get(code)!.weightG).toBeGreaterThanOrEqual(12_000);
  });

  it('opens valid, distinct accounts of every kind the wholesaler serves', () => {
    expect(plan.customers.length).toBeGreaterThanOrEqual(12);
    for (const { customer } of plan.customers) {
      expect(validateCustomer(customer).ok, customer.accountNumber).toBe(true);
      expect(validateShipTos(customer.shipTos ?? []).ok).toBe(true);
    }
    const numbers = plan.customers.map((c) => c.customer.accountNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(plan.customers.map((c) => c.kind))).toEqual(
      new Set(['store', 'vet', 'groomer', 'chain', 'feed_store', 'aquarium']),
    );
    expect(plan.customers.filter((c) => c.holdReason)).toHaveLength(1);
    const chain = plan.customers.find((c) => c.kind === 'chain')!;
    expect(chain.priceList).toBe('CHAIN');
    expect(chain.customer.shipTos!.length).toBeGreaterThan(2);
  });

  it('books orders of 1–6 lines that their order rules accept, one asking only for stock-outs', () => {
    expect(plan.orders.length).toBeGreaterThanOrEqual(20);
    for (const order of plan.orders) {
      expect(order.lines.length, order.customerPo).toBeGreaterThanOrEqual(1);
      expect(order.lines.length, order.customerPo).toBeLessThanOrEqual(6);
      for (const line of order.lines) {
        const sku = skuByCode.get(line.skuCode)!;
        const base = line.packQuantity * packSize(sku, line.packLevel)!;
        expect(applyOrderRules(base, plan.rules.get(sku.code)).ok, line.skuCode).toBe(true);
      }
    }
    expect(plan.orders.some((o) => o.lines.every((l) => !stocked.has(l.skuCode)))).toBe(true);
    expect(
      plan.orders.some((o) => o.lines.some((l) => !stocked.has(l.skuCode)) && o.lines.length > 1),
    ).toBe(true);
    const contracts = plan.customerPrices.map((p) => `${p.accountNumber}/${p.skuCode}`);
    const ordered = new Set(
      plan.orders.flatMap((o) => o.lines.map((l) => `${o.accountNumber}/${l.skuCode}`)),
    );
    expect(contracts.some((c) => ordered.has(c))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(planDemoSales(catalog, receipts, today, seed)).toEqual(plan);
  });
});
