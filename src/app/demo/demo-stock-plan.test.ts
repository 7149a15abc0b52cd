import { describe, expect, it } from 'vitest';
import { demoCatalog } from './demo-catalog.js';
import { DEMO_STOCK_OUTS, planOpeningStock } from './demo-stock-plan.js';

describe('planOpeningStock', () => {
  const today = '2025-06-01';
  const catalog = demoCatalog(7);
  const receipts = planOpeningStock(catalog, today, 7);
  const inDays = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('stocks all but a few SKUs, in both warehouses', () => {
    const stocked = new Set(receipts.map((r) => r.skuCode));
    expect(stocked.size).toBe(catalog.skus.length - DEMO_STOCK_OUTS);
    expect(new Set(receipts.map((r) => r.warehouseCode))).toEqual(new Set(['MAIN', 'WEST']));
    expect(receipts.every((r) => Number.isSafeInteger(r.quantity) && r.quantity > 0)).toBe(true);
  });

  it('gives lots to lot-tracked SKUs only, some expiring within 30 days, none expired', () => {
    const tracked = new Map(catalog.skus.map((s) => [s.code, s.lotTracked]));
    for (const r of receipts)
      expect(r.lotCode !== undefined, r.skuCode).toBe(tracked.get(r.skuCode));
    const expiries = receipts.flatMap((r) => (r.expiryDate ? [r.expiryDate] : []));
    expect(expiries.every((d) => d > today)).toBe(true);
    expect(expiries.filter((d) => d <= inDays(30)).length).toBeGreaterThan(5);
  });

  it('keeps one expiry per lot, however many bins it is spread over', () => {
    const expiryOf = new Map<string, string | undefined>();
    for (const r of receipts.filter((r) => r.lotCode)) {
      const key = `${r.skuCode}/${r.lotCode}`;
      if (expiryOf.has(key)) expect(expiryOf.get(key)).toBe(r.expiryDate);
      expiryOf.set(key, r.expiryDate);
    }
  });

  it('puts fast movers on pick faces and full pallets in reserve', () => {
    const fast = new Set(catalog.skus.filter((s) => s.abcClass === 'A').map((s) => s.code));
    const main = receipts.filter((r) => r.warehouseCode === 'MAIN');
    const onPickFaces = new Set(
      main.filter((r) => r.locationCode.startsWith('A-')).map((r) => r.skuCode),
    );
    for (const code of fast)
      if (main.some((r) => r.skuCode === code)) expect(onPickFaces.has(code), code).toBe(true);
    expect(main.filter((r) => r.locationCode.startsWith('B-')).length).toBeGreaterThan(50);
  });

  it('is deterministic for a seed', () => {
    expect(planOpeningStock(catalog, today, 7)).toEqual(receipts);
  });
});
