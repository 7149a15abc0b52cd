import type { Tx } from '../../adapters/db/database.js';
import { validateHoldReason } from '../../core/customers/customer.rules.js';
import { must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { touchCustomer } from './customer-queries.js';
import { customerViewById, type CustomerView } from './customer-views.js';

/**
 * Puts an account on hold: credit control stops new orders from being released to the
 * warehouse (overdue invoices, a bounced payment, a dispute). Holding an account already on
 * hold replaces the reason. An outbox event lets the order flow react in the same commit.
 */
export async function placeHold(
  trx: Tx,
  customerId: number,
  reason: string,
  actor: string,
  now: Date,
): Promise<CustomerView> {
  const text = must(validateHoldReason(reason));
  await touchCustomer(trx, customerId, now);
  await trx
    .updateTable('customers')
    .set({ on_hold: 1, hold_reason: text })
    .where('id', '=', customerId)
    .execute();
  await appendEvent(
    trx,
    {
      type: 'customer.hold_placed',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { customerId, reason: text, actor },
    },
    now.toISOString(),
  );
  return loadView(trx, customerId);
}

/**
 * Releases an account's hold so its orders can flow again. Releasing an account that is not
 * on hold records no event and changes only its timestamp, so a retried release is harmless.
 */
export async function releaseHold(
  trx: Tx,
  customerId: number,
  actor: string,
  now: Date,
): Promise<CustomerView> {
  const current = await touchCustomer(trx, customerId, now);
  if (current.on_hold === 1) {
    await trx
      .updateTable('customers')
      .set({ on_hold: 0, hold_reason: null })
      .where('id', '=', customerId)
      .execute();
    await appendEvent(
      trx,
      {
        type: 'customer.hold_released',
        aggregateType: 'customer',
        aggregateId: customerId,
        payload: { customerId, previousReason: current.hold_reason, actor },
      },
      now.toISOString(),
    );
  }
  return loadView(trx, customerId);
}

async function loadView(trx: Tx, customerId: number): Promise<CustomerView> {
  const view = await customerViewById(trx, customerId);
  if (!view) throw new Error(`Customer ${customerId} vanished inside its own transaction`);
  return view;
}
