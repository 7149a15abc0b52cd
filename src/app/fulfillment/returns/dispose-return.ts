import type { Tx } from '../../../adapters/db/database.js';
import {
  dispositionSteps,
  rmaNumber,
  writeOffValue,
  type Disposition,
} from '../../../core/fulfillment/return-rules.js';
import { checkPutInto } from '../../../core/inventory/movement.js';
import { checkStatusChange } from '../../../core/inventory/status-change.js';
import { isSellable } from '../../../core/inventory/location-types.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { postMovement } from '../../inventory/ledger.js';
import { placeFacts, standardPlace, type PlaceWithSign } from '../../inventory/stock-facts.js';
import { lockReturn, statusOf, type ReturnLineRow, type ReturnRow } from './return-store.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';

export interface DisposeReturnInput {
  lines: readonly {
    returnLineId: number;
    disposition: Disposition;
    /** Restock: the storage or pick-face bin. Quarantine or damaged: a location of that type (default: the warehouse's own). */
    locationId?: number | undefined;
  }[];
}

/**
 * Decides what becomes of received goods, line by line, moving them out of RECEIVING:
 * restock → a sellable bin; quarantine → QUARANTINE; damaged → DAMAGED, then written off to
 * SCRAP (reason `damaged`) at the SKU's standard cost; return_to_vendor → SUPPLIER. Each line
 * is disposed once, whole. Returns the restocked SKUs: the caller fills their backorders
 * after the commit.
 */
export async function disposeReturn(
  trx: Tx,
  returnId: number,
  input: DisposeReturnInput,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const { rma, lines } = await lockReturn(trx, returnId, actor);
  if (statusOf(rma) !== 'received') {
    throw new FailureError({
      code: 'RETURN.ILLEGAL_TRANSITION',
      message: `Return ${rmaNumber(rma.id)} is ${rma.status}: only received goods can be disposed`,
      details: { status: rma.status },
    });
  }
  const disposed = [];
  for (const request of input.lines) {
    const line = disposableLine(lines, request.returnLineId);
    line.disposition = request.disposition;
    disposed.push(await disposeLine(trx, rma, line, request, actor.id, nowIso));
  }
  await recordOrderEvent(
    trx,
    rma.order_id,
    'return_disposed',
    actor.id,
    { returnId: rma.id, rmaNumber: rmaNumber(rma.id), lines: disposed },
    nowIso,
  );
  const restockedSkuIds = [
    ...new Set(disposed.filter((d) => d.disposition === 'restock').map((d) => d.skuId)),
  ];
  return { id: rma.id, status: rma.status, lines: disposed, restockedSkuIds };
}

function disposableLine(lines: ReturnLineRow[], returnLineId: number): ReturnLineRow {
  const line = lines.find((l) => l.id === returnLineId);
  if (!line) {
    throw new FailureError({
      code: 'RETURN.LINE_NOT_FOUND',
      message: `This return has no line ${returnLineId}`,
      details: { returnLineId },
    });
  }
  if (line.disposition !== null) {
    throw new FailureError({
      code: 'RETURN.ALREADY_DISPOSED',
      message: `Line ${line.id} was already disposed (${line.disposition})`,
      details: { returnLineId: line.id, disposition: line.disposition },
    });
  }
  if (line.quantity_received === 0 || line.location_id === null) {
    throw new FailureError({
      code: 'RETURN.NOTHING_TO_DISPOSE',
      message: `Nothing was received on line ${line.id}`,
      details: { returnLineId: line.id },
    });
  }
  return line;
}

async function disposeLine(
  trx: Tx,
  rma: ReturnRow,
  line: ReturnLineRow,
  request: DisposeReturnInput['lines'][number],
  actor: string,
  nowIso: string,
) {
  const receiving = await placeFacts(trx, line.location_id!);
  const warehouseId = receiving.warehouseId;
  let at: PlaceWithSign = receiving;
  let writeOffMinor = 0;
  for (const step of dispositionSteps(request.disposition)) {
    const to =
      step.to === 'bin'
        ? await restockBin(trx, request.locationId, warehouseId)
        : step.to === 'quarantine' || step.to === 'damaged'
          ? await statusPlace(trx, at, step.to, request.locationId)
          : await standardPlace(trx, warehouseId, step.to);
    await postMovement(
      trx,
      {
        skuId: line.sku_id,
        lotId: line.lot_id,
        from: at,
        to,
        quantity: line.quantity_received,
        type: step.type,
        reasonCode: 'reasonCode' in step ? step.reasonCode : `return_${request.disposition}`,
        reference: rmaNumber(rma.id),
        actor,
      },
      nowIso,
    );
    if (step.to === 'scrap') writeOffMinor = await standardCostOf(trx, line);
    at = to;
  }
  await trx
    .updateTable('return_lines')
    .set({ disposition: request.disposition, location_id: at.id })
    .where('id', '=', line.id)
    .execute();
  return {
    returnLineId: line.id,
    skuId: line.sku_id,
    lotId: line.lot_id,
    quantity: line.quantity_received,
    disposition: request.disposition,
    locationId: at.id,
    writeOffMinor,
  };
}

async function restockBin(trx: Tx, locationId: number | undefined, warehouseId: number) {
  if (locationId === undefined) {
    throw new FailureError({
      code: 'RETURN.BIN_REQUIRED',
      message: 'Say which storage or pick-face bin restocked goods go to (locationId)',
    });
  }
  const bin = await placeFacts(trx, locationId);
  if (!isSellable(bin.type) || bin.warehouseId !== warehouseId) {
    throw new FailureError({
      code: 'RETURN.NOT_A_SELLABLE_BIN',
      message: `Location ${bin.code} is not a storage or pick-face bin of the receiving warehouse`,
      details: { locationId, type: bin.type, warehouseId: bin.warehouseId },
    });
  }
  must(checkPutInto(bin));
  return bin;
}

async function statusPlace(
  trx: Tx,
  from: PlaceWithSign,
  status: 'quarantine' | 'damaged',
  locationId: number | undefined,
) {
  const to =
    locationId === undefined
      ? await standardPlace(trx, from.warehouseId, status)
      : await placeFacts(trx, locationId);
  must(checkStatusChange(from, to, status));
  return to;
}

/** The write-off's value: units at the SKU's standard cost (what the goods stood in the books at). */
async function standardCostOf(trx: Tx, line: ReturnLineRow): Promise<number> {
  const sku = await trx
    .selectFrom('skus')
    .select('standard_cost_minor')
    .where('id', '=', line.sku_id)
    .executeTakeFirstOrThrow();
  return writeOffValue(line.quantity_received, sku.standard_cost_minor);
}
