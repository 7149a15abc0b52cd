/**
 * The reorder policy of one SKU at one warehouse: safety stock, reorder point and order-up-to
 * level for a periodic review (R, s, S) rule under normal demand and normal lead times
 * (Silver, Pyke & Thomas 2017, §6.9 and §7.2; Chopra & Meindl 2016, §12.3).
 *
 * Over the protection period LT + R, demand has mean d̄·(LT + R) and variance
 * (LT + R)·σd² + d̄²·σLT², so
 *
 *   SS  = ⌈z·√((LT + R)·σd² + d̄²·σLT²)⌉
 *   ROP = ⌈d̄·(LT + R)⌉ + SS
 *   S   = ROP + max(⌈d̄·R⌉, EOQ)        (capped by what can be sold before it spoils)
 *
 * With R = 0 this is the textbook continuous-review SS = z·√(LT·σd² + d̄²·σLT²). All time
 * inputs share one unit (days in Stockline; the textbook examples in the tests use weeks).
 */
import { zForServiceLevel } from './service-level.js';

/** What the policy needs to know about one SKU. */
export interface PolicyInput {
  /** d̄ (units/day) */
  meanDailyDemand: number;
  /** σd (units/day) */
  sdDailyDemand: number;
  /** LT (mean, days) */
  leadTimeDays: number;
  /** σLT (days) */
  leadTimeSdDays: number;
  /** cycle service level target, 0 < p < 1 */
  serviceLevel: number;
  /** review period R (daily run → 1) */
  reviewDays: number;
  useEoq?: boolean;
  /** S, cost per order (minor units) */
  orderCostMinor?: number;
  /** i, holding cost as a share of unit cost per year, e.g. 0.25 */
  holdingRatePerYear?: number;
  /** C (minor units) → H = i·C */
  unitCostMinor?: number;
  /** SKU shelf life; caps what to hold */
  shelfLifeDays?: number | null;
  /** what customers need left at sale (default 0) */
  minRemainingShelfLifeDays?: number;
}

/** The levels the replenishment run compares the inventory position with. */
export interface ReorderPolicy {
  serviceLevel: number;
  z: number;
  /** ⌈z·√((LT + R)·σd² + d̄²·σLT²)⌉, integer ≥ 0 */
  safetyStock: number;
  /** ⌈d̄·(LT + R)⌉ + safetyStock */
  reorderPoint: number;
  /** reorderPoint + max(⌈d̄·R⌉, eoq ?? 0), capped by shelfLifeCap */
  orderUpTo: number;
  /** round(√(2·D·S/H)), D = 365·d̄, when useEoq and costs are given */
  eoq: number | null;
  /** ⌊d̄·(shelfLifeDays − minRemainingShelfLifeDays)⌋ when shelf life is known */
  shelfLifeCap: number | null;
}

/** Products like 0.1·30 land a hair above an integer; don't let ⌈⌉ add a whole unit for it. */
const EPSILON = 1e-9;
const ceilUnits = (x: number) => Math.max(0, Math.ceil(x - EPSILON));
const floorUnits = (x: number) => Math.max(0, Math.floor(x + EPSILON));

/** The standard deviation of demand over the protection period LT + R. */
export function protectionSd(input: PolicyInput): number {
  const protection = input.leadTimeDays + input.reviewDays;
  const d = input.meanDailyDemand;
  return Math.sqrt(protection * input.sdDailyDemand ** 2 + d * d * input.leadTimeSdDays ** 2);
}

/**
 * Economic order quantity (Harris 1913): √(2·D·S/H) with D the annual demand, S the cost of
 * an order and H = i·C the yearly cost of holding a unit. Null when any cost is missing or
 * not positive, or there is no demand.
 */
export function economicOrderQuantity(input: PolicyInput): number | null {
  const { orderCostMinor: s, holdingRatePerYear: i, unitCostMinor: c } = input;
  if (!input.useEoq || s === undefined || i === undefined || c === undefined) return null;
  const annualDemand = 365 * input.meanDailyDemand;
  const holding = i * c;
  if (!(s > 0 && holding > 0 && annualDemand > 0)) return null;
  return Math.round(Math.sqrt((2 * annualDemand * s) / holding));
}

/** The most a SKU with a shelf life should hold: what sells before it is too old to ship. */
function shelfLifeCapOf(input: PolicyInput): number | null {
  if (input.shelfLifeDays === undefined || input.shelfLifeDays === null) return null;
  const sellable = input.shelfLifeDays - (input.minRemainingShelfLifeDays ?? 0);
  return floorUnits(input.meanDailyDemand * sellable);
}

function assertPolicyInput(input: PolicyInput): void {
  const fields = [
    'meanDailyDemand',
    'sdDailyDemand',
    'leadTimeDays',
    'leadTimeSdDays',
    'reviewDays',
  ] as const;
  for (const field of fields) {
    const v = input[field];
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`reorderPolicy: ${field} must be a finite number ≥ 0, got ${v}`);
    }
  }
}

/** Computes the policy; throws RangeError on negative or non-finite inputs (caller bugs). */
export function reorderPolicy(input: PolicyInput): ReorderPolicy {
  assertPolicyInput(input);
  const z = zForServiceLevel(input.serviceLevel);
  const d = input.meanDailyDemand;
  const safetyStock = ceilUnits(z * protectionSd(input));
  const reorderPoint = ceilUnits(d * (input.leadTimeDays + input.reviewDays)) + safetyStock;
  const eoq = economicOrderQuantity(input);
  const shelfLifeCap = shelfLifeCapOf(input);
  const upTo = reorderPoint + Math.max(ceilUnits(d * input.reviewDays), eoq ?? 0);
  const orderUpTo = shelfLifeCap === null ? upTo : Math.min(upTo, shelfLifeCap);
  return {
    serviceLevel: input.serviceLevel,
    z,
    safetyStock,
    reorderPoint,
    orderUpTo,
    eoq,
    shelfLifeCap,
  };
}
