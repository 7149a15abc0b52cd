import type { CarryingRates } from './kpi-math.js';

/** What a wholesaler tunes about its KPIs. */
export interface KpiSettings extends CarryingRates {
  /** A SKU with stock and no movement for this many days is dead stock. */
  deadStockDays: number;
  /** Lots expiring within this many days are reported. */
  expiringWithinDays: number;
  /** A counted record is accurate when |counted − system| ≤ this % of system. */
  countTolerancePct: number;
}

/** 25%/year carrying rate: capital 10, storage 8, insurance 2, obsolescence 5. */
export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  capitalPct: 10,
  storagePct: 8,
  insurancePct: 2,
  obsolescencePct: 5,
  deadStockDays: 90,
  expiringWithinDays: 30,
  countTolerancePct: 2,
};

export const KPI_SETTING_KEYS = Object.keys(DEFAULT_KPI_SETTINGS) as (keyof KpiSettings)[];

/** The annual carrying rate, percent: the sum of its parts. */
export function carryingRatePct(s: CarryingRates): number {
  return s.capitalPct + s.storagePct + s.insurancePct + s.obsolescencePct;
}

/** Settings from stored text values; anything missing or not a number ≥ 0 takes its default. */
export function parseKpiSettings(stored: Readonly<Record<string, string>>): KpiSettings {
  const out = { ...DEFAULT_KPI_SETTINGS };
  for (const key of KPI_SETTING_KEYS) {
    const raw = stored[key];
    const value = raw === undefined ? NaN : Number(raw);
    if (Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}
