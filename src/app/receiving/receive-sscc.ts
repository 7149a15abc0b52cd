import type { Tx } from '../../adapters/db/database.js';
import { interpretScan } from '../../core/gs1/scan.js';
import { isValidSscc } from '../../core/gs1/sscc.js';
import type { PutawayPolicy } from '../../core/receiving/putaway-policy.js';
import { NOT_BOOKED } from '../../core/receiving/asn-status.js';
import { checkWithinTolerance } from '../../core/receiving/receipt-rules.js';
import { FailureError } from '../../core/shared/result.js';
import { lockAsn, refreshAsnStatus } from './asn-store.js';
import { linesOf, receiveAgainstPo, type PoReceipt } from './receive-against-po.js';
import { overTolerancePct } from './receiving-settings.js';

export interface SsccScanInput {
  warehouseId: number;
  /** The label as scanned: 18 digits, or GS1-128 with AI (00). */
  scan: string;
}

/** An announced item the scan did not book, and why. */
export interface NotBooked {
  sscc: string;
  lineRef: string;
  skuId: number | null;
  quantity: number | null;
  discrepancy: string;
}

export interface SsccReceipt {
  asnId: number;
  sscc: string;
  /** The scanned container and the ones travelling in it that were still to come. */
  containersReceived: string[];
  receipts: PoReceipt[];
  notBooked: NotBooked[];
  asnStatus: string;
}

type Container = { id: number; sscc: string; parent_id: number | null; received_at: string | null };

/** The SSCC a scan carries, or 422 `RECEIVING.SCAN_NOT_AN_SSCC`. */
export function ssccOfScan(scan: string, currentYear: number): string {
  const read = interpretScan(scan, { currentYear });
  const sscc = read.kind === 'gs1' ? read.sscc : undefined;
  if (sscc === undefined || !isValidSscc(sscc))
    throw new FailureError({
      code: 'RECEIVING.SCAN_NOT_AN_SSCC',
      message: 'Scan the pallet or carton label: an SSCC-18, alone or as GS1-128 (00)',
      details: { scan },
    });
  return sscc;
}

/** The container and everything travelling in it that has not been received yet. */
function stillToCome(all: Container[], root: Container): Container[] {
  const taken: Container[] = [root];
  for (let i = 0; i < taken.length; i++)
    for (const c of all) if (c.parent_id === taken[i]!.id && c.received_at === null) taken.push(c);
  return taken;
}

/** Pallets whose every carton is now in are received too (scanned carton by carton). */
function completedParents(all: Container[], received: Set<number>): Container[] {
  const done: Container[] = [];
  for (const c of all) {
    if (c.received_at !== null || received.has(c.id)) continue;
    const children = all.filter((k) => k.parent_id === c.id);
    if (children.length > 0 && children.every((k) => k.received_at !== null || received.has(k.id)))
      done.push(c);
  }
  return done;
}

async function findContainer(trx: Tx, sscc: string) {
  const container = await trx
    .selectFrom('asn_containers')
    .select(['id', 'asn_id'])
    .where('sscc', '=', sscc)
    .executeTakeFirst();
  if (!container)
    throw new FailureError({
      code: 'RECEIVING.SSCC_NOT_FOUND',
      message: `No ship notice announces SSCC ${sscc}`,
      details: { sscc },
    });
  return container;
}

/**
 * Receives a pallet or carton by its SSCC: every item the supplier's 856 put in it (and in the
 * cartons on a pallet) is received against its PO line with the notice's lot and expiry,
 * through `receiveAgainstPo` — same ledger, put-away tasks and PO status as a hand scan. Items
 * with a discrepancy that keeps them off the books (unknown, not on the PO, lot missing,
 * beyond tolerance) are listed, not booked. A container already received is 409.
 */
export async function receiveSscc(
  trx: Tx,
  input: SsccScanInput,
  actor: string,
  now: Date,
  policy?: PutawayPolicy,
): Promise<SsccReceipt> {
  const nowIso = now.toISOString();
  const sscc = ssccOfScan(input.scan, now.getUTCFullYear());
  const found = await findContainer(trx, sscc);
  const asn = await lockAsn(trx, found.asn_id);
  if (asn.closed_at !== null)
    throw new FailureError({
      code: 'RECEIVING.ASN_ILLEGAL_TRANSITION',
      message: `Ship notice ${asn.shipment_number} was closed on ${asn.closed_at}`,
      details: { asnId: asn.id, sscc },
    });
  const all = await trx
    .selectFrom('asn_containers')
    .select(['id', 'sscc', 'parent_id', 'received_at'])
    .where('asn_id', '=', asn.id)
    .orderBy('id')
    .execute();
  const root = all.find((c) => c.id === found.id)!;
  if (root.received_at !== null)
    throw new FailureError({
      code: 'RECEIVING.SSCC_DUPLICATE',
      message: `SSCC ${sscc} was received on ${root.received_at}`,
      details: { sscc, receivedAt: root.received_at, asnId: asn.id },
    });
  const containers = stillToCome(all, root);
  const bySscc = new Map(containers.map((c) => [c.id, c.sscc]));
  const items = await trx
    .selectFrom('asn_items as i')
    .innerJoin('purchase_orders as po', 'po.id', 'i.purchase_order_id')
    .selectAll('i')
    .select('po.warehouse_id')
    .where('i.container_id', 'in', [...bySscc.keys()])
    .orderBy('i.id')
    .execute();
  const elsewhere = items.find((i) => i.warehouse_id !== input.warehouseId);
  if (elsewhere)
    throw new FailureError({
      code: 'RECEIVING.SSCC_WRONG_WAREHOUSE',
      message: `SSCC ${sscc} is expected at another warehouse`,
      details: { sscc, warehouseId: elsewhere.warehouse_id },
    });
  const tolerance = await overTolerancePct(trx);
  const receipts: PoReceipt[] = [];
  const notBooked: NotBooked[] = [];
  for (const item of items) {
    let discrepancy = item.discrepancy;
    if (discrepancy === null || !NOT_BOOKED.has(discrepancy)) {
      const line = (await linesOf(trx, item.purchase_order_id)).find(
        (l) => l.id === item.purchase_order_line_id,
      )!;
      if (!checkWithinTolerance(line, item.quantity!, tolerance).ok) discrepancy = 'over_tolerance';
    }
    if (discrepancy !== null && NOT_BOOKED.has(discrepancy)) {
      if (discrepancy !== item.discrepancy)
        await trx.updateTable('asn_items').set({ discrepancy }).where('id', '=', item.id).execute();
      notBooked.push({
        sscc: bySscc.get(item.container_id)!,
        lineRef: item.line_ref,
        skuId: item.sku_id,
        quantity: item.quantity,
        discrepancy,
      });
      continue;
    }
    const receipt = await receiveAgainstPo(
      trx,
      item.purchase_order_id,
      {
        skuId: item.sku_id!,
        quantity: item.quantity!,
        lotCode: item.lot_code ?? undefined,
        expiryDate: item.expiry_date ?? undefined,
        lineId: item.purchase_order_line_id!,
      },
      actor,
      now,
      policy,
    );
    await trx
      .updateTable('asn_items')
      .set({ receipt_id: receipt.receiptId })
      .where('id', '=', item.id)
      .execute();
    receipts.push(receipt);
  }
  const received = new Set(containers.map((c) => c.id));
  const marked = [...containers, ...completedParents(all, received)];
  await trx
    .updateTable('asn_containers')
    .set({ received_at: nowIso, received_by: actor })
    .where(
      'id',
      'in',
      marked.map((c) => c.id),
    )
    .execute();
  return {
    asnId: asn.id,
    sscc,
    containersReceived: containers.map((c) => c.sscc),
    receipts,
    notBooked,
    asnStatus: await refreshAsnStatus(trx, asn.id, false, nowIso),
  };
}
