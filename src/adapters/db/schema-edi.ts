import type { ColumnType, Generated } from 'kysely';

/** A customer who trades by EDI: the envelope ids on both sides and how to write to them. */
export interface TradingPartnerTable {
  id: Generated<number>;
  code: string;
  customer_id: number;
  isa_qualifier: string;
  isa_id: string;
  gs_id: string;
  our_isa_qualifier: string;
  our_isa_id: string;
  our_gs_id: string;
  /** `004010` or `005010`: what we write to this partner. */
  version: string;
  element_separator: string;
  component_separator: string;
  repetition_separator: string;
  segment_terminator: string;
  /** 1: send a 997 for every inbound group; 1: send an 855 after allocation. */
  send_997: number;
  send_855: number;
  /** `P` production or `T` test, written in ISA15. */
  usage: string;
  active: number;
  /** Set when the partner is one of our suppliers: its 856s are taken, for its own POs. */
  supplier_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
}

/** The partner's item numbers (buyer part, vendor part, UPC/GTIN) → our SKU and pack level. */
export interface PartnerItemXrefTable {
  id: Generated<number>;
  partner_id: number;
  /** `buyer_part`, `vendor_part` or `gtin`. */
  kind: string;
  value: string;
  sku_id: number;
  /** The pack level one unit of the partner's quantity means: each, case, pallet. */
  pack_level: string;
  created_at: string;
}

/**
 * Every interchange in or out, raw text kept. `duplicate_of` marks a re-sent inbound
 * interchange: the unique index covers only originals, so the duplicate is still stored.
 */
export interface EdiInterchangeTable {
  id: Generated<number>;
  direction: string;
  partner_id: number | null;
  control_number: string;
  /** 850, 997, 855, 856, 810 (the first set's id for inbound). */
  set_id: string;
  raw: string;
  /** received, processed, error, duplicate (in); ready, sent (out). */
  status: string;
  error_reason: string | null;
  /** JSON array of order ids taken from this interchange. */
  order_ids: string;
  /** JSON: per-set outcome for inbound, notes for outbound. */
  outcome: string;
  source: string;
  /** Inbound interchange this acknowledges (997, 855). */
  ack_of: number | null;
  duplicate_of: number | null;
  shipment_id: number | null;
  invoice_id: number | null;
  created_at: string;
  updated_at: string;
}

/** What the partner called each order line: echoed in the 855, 856 and 810. */
export interface EdiOrderLineTable {
  order_line_id: number;
  interchange_id: number;
  line_id: string;
  unit: string;
  unit_price_minor: number | null;
  gtin: string | null;
  vendor_part: string | null;
  buyer_part: string | null;
  /** JSON [{ qualifier, value }]: every PO1 id pair as sent (migration 0014-partners-edi-echo). */
  product_ids: string | null;
  /** PO1-05, basis of unit price (PE, TE, …) as sent. */
  price_basis: string | null;
}

export interface EdiTables {
  trading_partners: TradingPartnerTable;
  partner_item_xref: PartnerItemXrefTable;
  edi_interchanges: EdiInterchangeTable;
  edi_order_lines: EdiOrderLineTable;
}
