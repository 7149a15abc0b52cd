/**
 * The data the printed documents need, as plain values: use cases load it, the label
 * adapters only draw it. No ids, no database rows, no clock — what is printed is what is
 * passed, so a reprint is identical.
 */

/** A postal address as printed on labels and slips. */
export interface LabelAddress {
  readonly name: string;
  /** Street lines, printed in order (attention line, street, suite). */
  readonly lines: readonly string[];
  readonly city: string;
  readonly region?: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2; omitted for domestic shipments. */
  readonly country?: string;
}

/** Carrier and service for a shipment, with the tracking number once the carrier gave one. */
export interface LabelCarrier {
  readonly name: string;
  readonly service?: string;
  readonly trackingNumber?: string;
}

/** One carton's GS1 logistics label. */
export interface CartonLabelData {
  /** SSCC-18 of the carton (18 digits, valid check digit). */
  readonly sscc: string;
  readonly shipFrom: LabelAddress;
  readonly shipTo: LabelAddress;
  readonly carrier: LabelCarrier;
  readonly orderNumber: string;
  readonly customerPo?: string;
  /** 1-based position of this carton in the shipment, and the number of cartons. */
  readonly cartonNumber: number;
  readonly cartonCount: number;
  readonly weightGrams?: number;
}

/** One line of a pick list: take `quantity` eaches of a SKU (and lot) from a location. */
export interface PickListLine {
  /** Position on the pick path; lines print in this order. */
  readonly sequence: number;
  readonly locationCode: string;
  readonly skuCode: string;
  readonly skuName: string;
  readonly lot?: string;
  /** YYYY-MM-DD */
  readonly expiryDate?: string;
  /** Eaches to pick. */
  readonly quantity: number;
  /** Eaches per case at this location (1 when only eaches are stocked). */
  readonly caseSize: number;
  readonly tote?: string;
  readonly orderNumber?: string;
}

/** A printable pick list for one wave (or one picker's share of it). */
export interface PickListData {
  readonly waveCode: string;
  readonly warehouseName: string;
  /** When the list was printed, ISO-8601, as the caller's clock read it. */
  readonly printedAt: string;
  readonly picker?: string;
  readonly zone?: string;
  readonly lines: readonly PickListLine[];
}

/** What one carton holds, for the packing slip. */
export interface PackingSlipItem {
  readonly skuCode: string;
  readonly skuName: string;
  readonly lot?: string;
  /** Eaches. */
  readonly quantity: number;
  /** Eaches per case, to print cases + eaches; 1 or omitted prints eaches only. */
  readonly caseSize?: number;
}

/** One carton on the packing slip. */
export interface PackingSlipCarton {
  readonly sscc: string;
  readonly weightGrams?: number;
  readonly contents: readonly PackingSlipItem[];
}

/** The packing slip that travels in the first carton of a shipment. */
export interface PackingSlipData {
  readonly orderNumber: string;
  readonly customerPo?: string;
  /** YYYY-MM-DD */
  readonly shipDate: string;
  readonly shipFrom: LabelAddress;
  readonly shipTo: LabelAddress;
  readonly carrier?: LabelCarrier;
  readonly cartons: readonly PackingSlipCarton[];
}

/** An address as printed lines: name, street lines, "City, RG 12345", country. */
export function addressLines(address: LabelAddress): string[] {
  const region = address.region ? `, ${address.region}` : '';
  const cityLine = `${address.city}${region} ${address.postalCode}`;
  return [address.name, ...address.lines, cityLine, ...(address.country ? [address.country] : [])];
}
