import { earliestAcceptableExpiry } from '../../core/customers/shelf-life.js';
import type { DemoReceipt } from './demo-stock-plan.js';

interface Holding {
  quantity: number;
  expiryDate: string | null;
}

/**
 * The opening stock as the order planner sees it: what each warehouse holds of each SKU, by
 * expiry. Taking stock mirrors the default allocation policy closely enough for planning —
 * first-expired-first-out among the lots that meet a customer's minimum remaining shelf life —
 * so orders planned to fit are allocated in full when they are placed.
 */
export class DemoStockBook {
  readonly #holdings = new Map<string, Holding[]>();

  constructor(
    receipts: readonly DemoReceipt[],
    private readonly today: string,
  ) {
    for (const r of receipts) {
      const key = `${r.warehouseCode}/${r.skuCode}`;
      const list = this.#holdings.get(key) ?? [];
      const expiryDate = r.expiryDate ?? null;
      const same = list.find((h) => h.expiryDate === expiryDate);
      if (same) same.quantity += r.quantity;
      else list.push({ quantity: r.quantity, expiryDate });
      this.#holdings.set(key, list);
    }
    for (const list of this.#holdings.values()) {
      list.sort((a, b) => expiryRank(a.expiryDate).localeCompare(expiryRank(b.expiryDate)));
    }
  }

  /** True when any warehouse received the SKU (the rest are the demo's stock-outs). */
  stockedAnywhere(skuCode: string): boolean {
    return this.stocked('MAIN', skuCode) || this.stocked('WEST', skuCode);
  }

  stocked(warehouse: string, skuCode: string): boolean {
    return this.#holdings.has(`${warehouse}/${skuCode}`);
  }

  /** What is left of a SKU in a warehouse with at least `minShelfLifeDays` to go. */
  available(warehouse: string, skuCode: string, minShelfLifeDays: number): number {
    return this.#usable(warehouse, skuCode, minShelfLifeDays).reduce((n, h) => n + h.quantity, 0);
  }

  /** Takes `quantity` from the earliest acceptable lots; false (and nothing taken) if short. */
  take(warehouse: string, skuCode: string, quantity: number, minShelfLifeDays: number): boolean {
    if (this.available(warehouse, skuCode, minShelfLifeDays) < quantity) return false;
    let need = quantity;
    for (const holding of this.#usable(warehouse, skuCode, minShelfLifeDays)) {
      const taken = Math.min(need, holding.quantity);
      holding.quantity -= taken;
      need -= taken;
      if (need === 0) break;
    }
    return true;
  }

  #usable(warehouse: string, skuCode: string, minShelfLifeDays: number): Holding[] {
    const earliest = earliestAcceptableExpiry(this.today, minShelfLifeDays);
    return (this.#holdings.get(`${warehouse}/${skuCode}`) ?? []).filter(
      (h) => h.quantity > 0 && (h.expiryDate === null || h.expiryDate >= earliest),
    );
  }
}

/** Earliest expiry first, stock that does not expire last (as the allocation policy orders it). */
function expiryRank(expiryDate: string | null): string {
  return expiryDate ?? '9999-12-31';
}
