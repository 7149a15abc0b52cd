import type { Generated } from 'kysely';

/** Cycle count plans and what counters found. Count tasks themselves are in schema-fulfillment. */
export interface CountPlanTable {
  id: Generated<number>;
  warehouse_id: number;
  name: string;
  /** abc or zone. */
  basis: string;
  abc_class: string | null;
  zone: string | null;
  /** Every location in scope is counted once per this many days. */
  frequency_days: number;
  /** A count whose variance exceeds this share of the system quantity is counted again. */
  recount_threshold_pct: number;
  /** …or this many units, whichever is larger. */
  recount_threshold_units: number;
  active: number;
  last_generated_on: string | null;
  created_at: string;
}

/** One SKU × lot a counter found in a task's location, against the system's figure then. */
export interface CountLineTable {
  id: Generated<number>;
  count_task_id: number;
  sku_id: number;
  lot_id: number;
  counted_quantity: number;
  /** On hand at the moment of counting (never shown to the counter). */
  system_quantity: number;
  unit_cost_minor: number;
  /** The adjustment posted on approval (null until then, or when there was no variance). */
  movement_id: number | null;
  counted_at: string;
}

export interface CountTables {
  count_plans: CountPlanTable;
  count_lines: CountLineTable;
}
