import { orderRow, type OrderRowValue } from '../../core/imports/order-rows.js';
import type { RowIssue } from '../../core/imports/cells.js';
import { failureIssue } from '../../core/imports/failure-issue.js';
import { FailureError } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { placeOrder } from '../orders/place-order.js';
import type { MappedRow, RowHandler } from './run-import.js';
import { customerIdByAccount, skuIdByCode } from './store-lookups.js';

/**
 * Live orders from a file, placed through `placeOrder` exactly as the API places them:
 * server prices, credit check, allocation. The rows of one order (same `order_ref`, next to
 * each other) stand or fall together: a refused order reports every one of its rows.
 */
export function ordersHandler(ctx: AppContext, actor: Actor): RowHandler<OrderRowValue> {
  return {
    map: orderRow,
    groupKey: (o) => `${o.customerAccount}|${o.orderRef}`,
    async apply(trx, rows) {
      const issues: RowIssue[] = [];
      for (const group of consecutive(rows)) {
        try {
          await placeGroup(trx, ctx, actor, group);
        } catch (error) {
          if (!(error instanceof FailureError)) throw error;
          const line = error.failure.details?.['line'];
          const rowOf = typeof line === 'number' ? group[line - 1]?.row : undefined;
          for (const r of group)
            issues.push(
              r.row === rowOf || rowOf === undefined
                ? failureIssue(error.failure, r.row, { line: 'sku_code' })
                : {
                    row: r.row,
                    column: null,
                    code: 'IMPORT.ORDER_REFUSED',
                    message: `Order ${r.value.orderRef} was refused at row ${rowOf}`,
                  },
            );
        }
      }
      return issues;
    },
  };
}

async function placeGroup(
  trx: Parameters<RowHandler<OrderRowValue>['apply']>[0],
  ctx: AppContext,
  actor: Actor,
  group: MappedRow<OrderRowValue>[],
) {
  const first = group[0]!.value;
  const lines = [];
  for (const { value } of group)
    lines.push({
      skuId: await skuIdByCode(trx, value.skuCode),
      packLevel: value.packLevel,
      packQuantity: value.quantity,
      notes: value.notes,
    });
  await placeOrder(
    trx,
    {
      customerId: await customerIdByAccount(trx, first.customerAccount),
      customerPo: first.orderRef,
      requestedShipDate: first.requestedShipDate,
      source: 'csv',
      lines,
    },
    actor,
    ctx.policies.allocation,
    ctx.now(),
  );
}

function consecutive(rows: readonly MappedRow<OrderRowValue>[]) {
  const groups: MappedRow<OrderRowValue>[][] = [];
  let key: string | undefined;
  for (const r of rows) {
    const k = `${r.value.customerAccount}|${r.value.orderRef}`;
    if (k !== key) groups.push([]);
    groups[groups.length - 1]!.push(r);
    key = k;
  }
  return groups;
}
