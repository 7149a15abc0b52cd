import type { Tx } from '../../../adapters/db/database.js';
import {
  checkReceivable,
  creditFor,
  moveReturn,
  rmaNumber,
} from '../../../core/fulfillment/return-rules.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { postMovement } from '../../inventory/ledger.js';
import { existingStockLine } from '../../inventory/lots.js';
import { standardPlace } from '../../inventory/stock-facts.js';
import {
  lockReturn,
  returnWarehouse,
  saveReturnStatus,
  statusOf,
  type ReturnLineRow,
} from './return-store.js';

export interface ReceiveReturnInput {
  /** What arrived per RMA line; a line not named arrived with nothing. */
  lines: readonly { returnLineId: number; quantity: number; lotCode?: string | undefined }[];
}

/**
 * Books the goods that came back: CUSTOMER → the warehouse's RECEIVING, type `return`, one
 * movement per line and lot (the lot must be one the warehouse knows: it shipped it). Fixes
 * the credit memo: received units at the price the customer paid per base unit.
 */
export async function receiveReturn(
  trx: Tx,
  returnId: number,
  input: ReceiveReturnInput,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const { rma, lines } = await lockReturn(trx, returnId, actor);
  must(moveReturn(statusOf(rma), 'received'));
  const arrivals = arrivalsByLine(lines, input);
  if ([...arrivals.values()].every((a) => a.quantity === 0)) {
    throw new FailureError({
      code: 'RETURN.NOTHING_RECEIVED',
      message: 'Nothing arrived: receive at least one unit, or cancel the return',
    });
  }
  const warehouseId = await returnWarehouse(trx, rma.order_id);
  const customer = await standardPlace(trx, warehouseId, 'customer');
  const receiving = await standardPlace(trx, warehouseId, 'receiving');
  const prices = await trx
    .selectFrom('order_lines')
    .select(['id', 'quantity_ordered', 'pack_quantity', 'unit_price_minor'])
    .where('order_id', '=', rma.order_id)
    .execute();
  let creditMinor = 0;
  const received = [];
  for (const line of lines) {
    const arrival = arrivals.get(line.id) ?? { quantity: 0, lotCode: undefined };
    const price = prices.find((p) => p.id === line.order_line_id)!;
    const credit = creditFor(
      {
        quantityOrdered: price.quantity_ordered,
        packQuantity: price.pack_quantity,
        unitPriceMinor: price.unit_price_minor,
      },
      arrival.quantity,
    );
    let lotId = 0;
    if (arrival.quantity > 0) {
      const stock = await existingStockLine(trx, { skuId: line.sku_id, lotCode: arrival.lotCode });
      lotId = stock.lotId;
      await postMovement(
        trx,
        {
          skuId: line.sku_id,
          lotId,
          from: customer,
          to: receiving,
          quantity: arrival.quantity,
          type: 'return',
          reasonCode: rma.reason,
          reference: rmaNumber(rma.id),
          actor: actor.id,
        },
        nowIso,
      );
    }
    await trx
      .updateTable('return_lines')
      .set({
        quantity_received: arrival.quantity,
        lot_id: lotId,
        credit_minor: credit,
        // Where the line's goods are now; disposition moves them on and updates it.
        location_id: arrival.quantity > 0 ? receiving.id : null,
      })
      .where('id', '=', line.id)
      .execute();
    creditMinor += credit;
    received.push({ returnLineId: line.id, skuId: line.sku_id, quantity: arrival.quantity, lotId });
  }
  await saveReturnStatus(
    trx,
    rma,
    'received',
    { credit_minor: creditMinor },
    {
      type: 'return_received',
      actor: actor.id,
      data: { warehouseId, creditMinor, lines: received },
    },
    nowIso,
  );
  return { id: rma.id, status: 'received' as const, warehouseId, creditMinor, lines: received };
}

function arrivalsByLine(lines: readonly ReturnLineRow[], input: ReceiveReturnInput) {
  const arrivals = new Map<number, { quantity: number; lotCode: string | undefined }>();
  for (const a of input.lines) {
    const line = lines.find((l) => l.id === a.returnLineId);
    if (!line) {
      throw new FailureError({
        code: 'RETURN.LINE_NOT_FOUND',
        message: `This return has no line ${a.returnLineId}`,
        details: { returnLineId: a.returnLineId },
      });
    }
    if (arrivals.has(line.id)) {
      throw new FailureError({
        code: 'RETURN.LINE_REPEATED',
        message: `Line ${line.id} is named twice; one lot per return line`,
        details: { returnLineId: line.id },
      });
    }
    must(
      checkReceivable(
        { returnLineId: line.id, quantityAuthorized: line.quantity_authorized },
        a.quantity,
      ),
    );
    arrivals.set(line.id, { quantity: a.quantity, lotCode: a.lotCode });
  }
  return arrivals;
}
