import type { Tx } from '../../adapters/db/database.js';
import { build855 } from '../../core/edi/ack-855.js';
import { answerLine, type PlacedLine } from '../../core/edi/line-answer.js';
import type { PurchaseOrder850 } from '../../core/edi/po-850.js';
import { ELEMENT_ERROR, SEGMENT_ERROR, type SegmentError } from '../../core/edi/x12-codes.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import type { Actor } from '../../core/shared/roles.js';
import { placeOrder } from '../orders/place-order.js';
import { resolveLine, type ResolvedLine } from './item-resolution.js';
import { storeOutbound, type PartnerRow } from './partner-profile.js';

/** What became of one 850: the order (if any), what the 997 must say, the 855 sent. */
export interface OrderOutcome {
  readonly orderId: number | null;
  readonly rejected: boolean;
  readonly segmentErrors: SegmentError[];
  readonly ack855Id: number | null;
}

/** The EDI channel acts as a sales clerk for the partner's account; it cannot override prices. */
export function ediActor(partner: PartnerRow): Actor {
  return { id: `edi:${partner.code}`, role: 'sales', customerId: null, apiKeyId: 0 };
}

/** N1*ST → one of the customer's ship-tos, by its code (N104); none sent → the default. */
async function shipToFor(trx: Tx, partner: PartnerRow, order: PurchaseOrder850) {
  if (!order.shipTo || order.shipTo.id === '') return { id: undefined, error: null };
  const row = await trx
    .selectFrom('customer_ship_tos')
    .select('id')
    .where('customer_id', '=', partner.customer_id)
    .where('code', '=', order.shipTo.id)
    .executeTakeFirst();
  if (row) return { id: row.id, error: null };
  const error: SegmentError = {
    segmentId: 'N1',
    position: order.shipTo.position,
    code: SEGMENT_ERROR.segmentHasDataElementErrors,
    elements: [{ position: 4, code: ELEMENT_ERROR.invalidCodeValue, badValue: order.shipTo.id }],
    message: `Ship-to ${order.shipTo.id} (${order.shipTo.name}) is not set up for this customer`,
  };
  return { id: undefined, error };
}

/** DTM 010 (ship) or 037 (ship not before) first; 002 (deliver by) when that is all there is. */
function requestedShipDate(order: PurchaseOrder850): string | undefined {
  return order.dates['010'] ?? order.dates['037'] ?? order.dates['002'];
}

/**
 * Turns one mapped 850 into a sales order in the caller's transaction: every line found in
 * the cross-reference is ordered, the others are reported (AK3/AK4) and answered IR in the
 * 855. An unknown ship-to or no usable line rejects the set. The 855 is built after
 * allocation, so it says per line what is accepted and what is backordered.
 */
export async function orderFrom850(
  trx: Tx,
  partner: PartnerRow,
  order: PurchaseOrder850,
  interchangeId: number,
  policy: AllocationPolicy,
  now: Date,
): Promise<OrderOutcome> {
  const errors: SegmentError[] = [];
  const shipTo = await shipToFor(trx, partner, order);
  if (shipTo.error)
    return { orderId: null, rejected: true, segmentErrors: [shipTo.error], ack855Id: null };
  const resolved: ResolvedLine[] = [];
  for (const line of order.lines) {
    const outcome = await resolveLine(trx, partner.id, line);
    if (outcome.ok) {
      resolved.push(outcome.value);
      if (outcome.value.warning) errors.push(outcome.value.warning);
    } else errors.push(outcome.error);
  }
  if (resolved.length === 0) {
    const ack = partner.send_855 ? await send855(trx, partner, order, null, new Map(), now) : null;
    return { orderId: null, rejected: true, segmentErrors: errors, ack855Id: ack };
  }
  const placed = await placeOrder(
    trx,
    {
      customerId: partner.customer_id,
      customerPo: order.poNumber,
      shipToId: shipTo.id,
      requestedShipDate: requestedShipDate(order),
      source: 'edi',
      notes: `EDI 850 from ${partner.code}`,
      lines: resolved.map((r) => ({
        skuId: r.skuId,
        packLevel: r.packLevel,
        packQuantity: r.line.quantity,
      })),
    },
    ediActor(partner),
    policy,
    now,
  );
  const lineRows = await trx
    .selectFrom('order_lines')
    .select(['id', 'quantity_ordered', 'quantity_allocated', 'pack_quantity', 'unit_price_minor'])
    .where('order_id', '=', placed.id)
    .orderBy('line_number')
    .execute();
  await trx
    .insertInto('edi_order_lines')
    .values(
      resolved.map((r, i) => ({
        order_line_id: lineRows[i]!.id,
        interchange_id: interchangeId,
        line_id: r.line.lineId,
        unit: r.line.unit,
        unit_price_minor: r.line.unitPriceMinor,
        gtin: r.line.ids.gtin ?? null,
        vendor_part: r.line.ids.vendorPart ?? null,
        buyer_part: r.line.ids.buyerPart ?? null,
        product_ids: JSON.stringify(r.line.qualifiedIds),
        price_basis: r.line.priceBasis,
      })),
    )
    .execute();
  // What placement made of each line (an order rule may have rounded it), for the 855.
  const taken = new Map(
    lineRows.map((row, i) => [
      resolved[i]!.line.lineId,
      {
        packSize: resolved[i]!.packSize,
        line: {
          quantityOrdered: row.quantity_ordered,
          quantityAllocated: row.quantity_allocated,
          packQuantity: row.pack_quantity,
          unitPriceMinor: row.unit_price_minor,
        },
      },
    ]),
  );
  const ack = partner.send_855 ? await send855(trx, partner, order, placed, taken, now) : null;
  return { orderId: placed.id, rejected: false, segmentErrors: errors, ack855Id: ack };
}

/** Stores the 855 for an order (or, with no `placed` order, the refusal of every line). */
export async function send855(
  trx: Tx,
  partner: PartnerRow,
  order: PurchaseOrder850,
  placed: { id: number; orderNumber: string } | null,
  taken: ReadonlyMap<string, { line: PlacedLine; packSize: number }>,
  now: Date,
): Promise<number> {
  const lines = order.lines.map((line) => answerLine(line, taken.get(line.lineId)));
  const set = build855({
    poNumber: order.poNumber,
    poDate: order.poDate,
    orderNumber: placed?.orderNumber ?? null,
    date: now,
    lines,
  });
  const stored = await storeOutbound(
    trx,
    partner,
    set,
    { orderIds: placed ? [placed.id] : [] },
    now,
  );
  return stored.id;
}
