import type { Generated } from 'kysely';

/** Tables of warehouse execution: waves to returns (migration 0003). */
export interface SequenceTable {
  name: string;
  value: number;
}

export interface WaveTable {
  id: Generated<number>;
  warehouse_id: number;
  /** planned → released → picking → completed, or cancelled. */
  status: string;
  /** 'discrete', 'batch' or 'zone'. */
  pick_mode: string;
  carrier_code: string | null;
  cutoff_at: string | null;
  created_by: string;
  created_at: string;
  released_at: string | null;
  completed_at: string | null;
}

export interface WaveOrderTable {
  wave_id: number;
  order_id: number;
}

export interface PickTaskTable {
  id: Generated<number>;
  wave_id: number;
  /** Null for a batch task serving several orders. */
  order_id: number | null;
  sku_id: number;
  lot_id: number;
  location_id: number;
  zone: string | null;
  sequence: number;
  quantity: number;
  picked_quantity: Generated<number>;
  short_quantity: Generated<number>;
  short_reason: string | null;
  /** open, picked, short, cancelled. */
  status: string;
  tote: string | null;
  picker: string | null;
  completed_at: string | null;
}

export interface PickTaskAllocationTable {
  pick_task_id: number;
  allocation_id: number;
  order_id: number;
  quantity: number;
  picked_quantity: Generated<number>;
}

export interface CountTaskTable {
  id: Generated<number>;
  location_id: number;
  sku_id: number | null;
  /** 'short_pick', 'cycle', 'recount'… */
  reason: string;
  /** open, counted, recount, approved, cancelled. */
  status: string;
  reference: string | null;
  created_at: string;
  completed_at: string | null;
  /** Added by 0005-counts. */
  warehouse_id: number | null;
  plan_id: number | null;
  recount_of_id: number | null;
  due_date: string | null;
  /** Highest stock_movements.id when the counter started: later movements are accounted for. */
  started_movement_id: number | null;
  started_at: string | null;
  counted_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
}

export interface CartonTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  max_weight_g: number;
  tare_weight_g: number;
}

export interface ShipmentTable {
  id: Generated<number>;
  order_id: number;
  warehouse_id: number;
  carrier_code: string;
  service: string;
  tracking_number: string | null;
  cost_minor: number;
  /** booking, booking_failed, shipped, delivered (core/fulfillment/ship-rules.ts). */
  status: string;
  shipped_at: string;
  promised_date: string | null;
  delivered_at: string | null;
  /** The business day of `delivered_at` at the shipping warehouse (see core/shared/business-day). */
  delivered_on: string | null;
  pod_name: string | null;
  pod_note: string | null;
  /** The carrier's handle for the booking, recorded before buying so a retry reuses it. */
  carrier_reference: string | null;
  booking_error_code: string | null;
  booking_error: string | null;
  /** When the current booking attempt started (a stale `booking` may be retried). */
  booking_started_at: string | null;
  booking_attempts: Generated<number>;
  /** The latest tracking event: in_transit, out_for_delivery, delivered, exception. */
  tracking_status: string | null;
  tracking_updated_at: string | null;
}

/** One carrier tracking event, stored once (same number, status and time). */
export interface ShipmentTrackingEventTable {
  id: Generated<number>;
  shipment_id: number;
  carton_id: number | null;
  tracking_number: string;
  status: string;
  occurred_at: string;
  detail: string | null;
  location: string | null;
  /** easypost, webhook. */
  source: string;
  received_at: string;
}

export interface CartonTable {
  id: Generated<number>;
  order_id: number;
  /** Where it is packed and ships from (null only on cartons older than the column). */
  warehouse_id: number | null;
  carton_type_id: number | null;
  sscc: string;
  /** open, closed, shipped. */
  status: string;
  weight_g: number;
  shipment_id: number | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  /** The parcel's carrier tracking number (migration 0015-partners-carton-tracking). */
  tracking_number: string | null;
  /** Who carries it when entered by hand (UPS, FEDEX, …); the shipment's carrier otherwise. */
  tracking_carrier: string | null;
}

export interface CartonContentTable {
  id: Generated<number>;
  carton_id: number;
  order_line_id: number;
  sku_id: number;
  lot_id: number;
  quantity: number;
}

export interface InvoiceLineTable {
  id: Generated<number>;
  invoice_id: number;
  order_line_id: number;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

export interface ReturnTable {
  id: Generated<number>;
  order_id: number;
  customer_id: number;
  /** authorized, received, closed, cancelled. */
  status: string;
  reason: string;
  notes: string | null;
  credit_minor: number;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface ReturnLineTable {
  id: Generated<number>;
  return_id: number;
  order_line_id: number;
  sku_id: number;
  quantity_authorized: number;
  quantity_received: number;
  lot_id: number;
  /** restock, quarantine, damaged, return_to_vendor. */
  disposition: string | null;
  location_id: number | null;
  credit_minor: number;
}

export interface FulfillmentTables {
  sequences: SequenceTable;
  waves: WaveTable;
  wave_orders: WaveOrderTable;
  pick_tasks: PickTaskTable;
  pick_task_allocations: PickTaskAllocationTable;
  count_tasks: CountTaskTable;
  carton_types: CartonTypeTable;
  shipments: ShipmentTable;
  shipment_tracking_events: ShipmentTrackingEventTable;
  cartons: CartonTable;
  carton_contents: CartonContentTable;
  invoice_lines: InvoiceLineTable;
  returns: ReturnTable;
  return_lines: ReturnLineTable;
}
