import { el, type Segment } from './x12-tokenizer.js';

/** A product id as the partner sent it: qualifier (PO1-06, -08, …) and value. */
export interface QualifiedId {
  readonly qualifier: string;
  readonly value: string;
}

/** The roles we look items up by: buyer's number, vendor's number, GTIN. */
export interface ProductIds {
  buyerPart?: string;
  vendorPart?: string;
  /** UPC-A (UP, UA), EAN-13 (EN), GTIN-14 (UK) or UI as sent. */
  gtin?: string;
}

/**
 * Product/service id qualifiers (X12 element 235) by the role they play for us. CB (buyer's
 * catalog number) and SK (the retailer's SKU) name the item in the buyer's system as BP/IN do;
 * VA (vendor's style number) names it in ours as VP/VN do.
 */
const ID_ROLES: Readonly<Record<string, keyof ProductIds>> = {
  BP: 'buyerPart',
  IN: 'buyerPart',
  CB: 'buyerPart',
  SK: 'buyerPart',
  VP: 'vendorPart',
  VN: 'vendorPart',
  VA: 'vendorPart',
  UP: 'gtin',
  UA: 'gtin',
  UK: 'gtin',
  EN: 'gtin',
  UI: 'gtin',
};

/** Every qualifier/id pair from element `from` on (PO1-06…, LIN-02…), in the partner's order. */
export function readQualifiedIds(segment: Segment, from: number): QualifiedId[] {
  const ids: QualifiedId[] = [];
  for (let n = from; n + 1 < segment.elements.length; n += 2) {
    const qualifier = el(segment, n).trim().toUpperCase();
    const value = el(segment, n + 1).trim();
    if (qualifier && value) ids.push({ qualifier, value });
  }
  return ids;
}

/** The first id of each role we look items up by; BP/VP/UP before CB/VA/… as sent. */
export function rolesOf(ids: readonly QualifiedId[]): ProductIds {
  const roles: ProductIds = {};
  for (const { qualifier, value } of ids) {
    const role = ID_ROLES[qualifier];
    if (role && roles[role] === undefined) roles[role] = value;
  }
  return roles;
}

/** The qualifier a GTIN goes out with: UP for a 12-digit UPC, UK for a GTIN-14, else EN. */
export function gtinQualifier(gtin: string): string {
  return gtin.length === 12 ? 'UP' : gtin.length === 14 ? 'UK' : 'EN';
}

/**
 * The product ids of an outbound line (855 PO1, 856 LIN, 810 IT1): the partner's own pairs,
 * verbatim and in their order, then ours for any role they did not send — so a VN comes back
 * a VN and a CB is not dropped, and the partner's matching keys still work.
 */
export function echoIds(
  partner: readonly QualifiedId[],
  ours: { gtin?: string | null | undefined; vendorPart?: string | null | undefined } = {},
): string[] {
  const out = partner.flatMap((id) => [id.qualifier, id.value]);
  const sent = rolesOf(partner);
  if (ours.gtin && sent.gtin === undefined) out.push(gtinQualifier(ours.gtin), ours.gtin);
  if (ours.vendorPart && sent.vendorPart === undefined) out.push('VP', ours.vendorPart);
  return out;
}

/** Stored ids (JSON text in edi_order_lines.product_ids), tolerant of rows written before it. */
export function parseQualifiedIds(json: string | null): QualifiedId[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter(
        (x): x is QualifiedId =>
          typeof x === 'object' && x !== null && 'qualifier' in x && 'value' in x,
      )
    : [];
}

/** An outbound line's ids: the partner's pairs when we have them, else what we know of theirs. */
export interface LineIds {
  /** The partner's PO1 pairs as sent; undefined for lines that did not come by EDI. */
  readonly partnerIds?: readonly QualifiedId[] | undefined;
  readonly gtin?: string | undefined;
  readonly vendorPart?: string | undefined;
  readonly buyerPart?: string | undefined;
}

/** The id pairs for an 856 LIN or 810 IT1: echoed partner ids, then our GTIN and SKU code. */
export function outboundIds(line: LineIds): string[] {
  const partner =
    line.partnerIds ?? (line.buyerPart ? [{ qualifier: 'BP', value: line.buyerPart }] : []);
  return echoIds(partner, line);
}
