import type { Generated } from 'kysely';

/** An RFID tag received: its EPC (24 upper-case hex digits) can be received only once. */
export interface ReceivedEpcTable {
  id: Generated<number>;
  epc: string;
  sku_id: number;
  /** GTIN-14 and serial the SGTIN-96 encodes. */
  gtin: string;
  serial: string;
  warehouse_id: number;
  receipt_id: number;
  received_at: string;
}

/** An RFID tag counted in a count task: once per task, however many times it was read. */
export interface CountedEpcTable {
  id: Generated<number>;
  count_task_id: number;
  epc: string;
  sku_id: number;
  counted_at: string;
}

/** A supplier's 856 ship notice, received by EDI. */
export interface InboundAsnTable {
  id: Generated<number>;
  partner_id: number;
  interchange_id: number;
  /** BSN-02. */
  shipment_number: string;
  ship_date: string | null;
  /** expected, partially_received, received, received_with_discrepancies. */
  status: string;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A pallet (level T) or carton (P) of a notice, by the SSCC on its label. */
export interface AsnContainerTable {
  id: Generated<number>;
  asn_id: number;
  sscc: string;
  level: string;
  /** The pallet a carton travels on. */
  parent_id: number | null;
  received_at: string | null;
  received_by: string | null;
}

/** One item line in a container: as the supplier sent it, and what it is for us. */
export interface AsnItemTable {
  id: Generated<number>;
  asn_id: number;
  container_id: number;
  /** LIN-01. */
  line_ref: string;
  /** The LIN id pairs as sent, JSON `[{ qualifier, value }]`. */
  product_ids: string;
  /** SN1-02 and SN1-03 as sent. */
  shipped_quantity: number;
  shipped_unit: string;
  purchase_order_id: number;
  purchase_order_line_id: number | null;
  /** Null when no id of the line names one of our SKUs. */
  sku_id: number | null;
  /** Base units (shipped quantity × the GTIN's pack quantity); null when the SKU is unknown. */
  quantity: number | null;
  lot_code: string | null;
  expiry_date: string | null;
  /** unknown_item, not_on_po, over_open_quantity, lot_missing, over_tolerance; null when none. */
  discrepancy: string | null;
  /** The receipt the SSCC scan booked it with. */
  receipt_id: number | null;
}

export interface ReceivingTables {
  received_epcs: ReceivedEpcTable;
  counted_epcs: CountedEpcTable;
  inbound_asns: InboundAsnTable;
  asn_containers: AsnContainerTable;
  asn_items: AsnItemTable;
}
