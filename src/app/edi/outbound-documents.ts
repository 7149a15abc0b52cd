import type { Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';
import type { PartnerRow } from './partner-profile.js';

/** An outbound interchange as returned to the API and CLI. */
export interface OutboundDocument {
  interchangeId: number;
  controlNumber: string;
  raw: string;
}

/** The active trading partner of a customer; EDI documents need one. */
export async function partnerForCustomer(trx: Tx, customerId: number): Promise<PartnerRow> {
  const partner = await trx
    .selectFrom('trading_partners')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  if (!partner)
    throw new FailureError({
      code: 'EDI.NO_TRADING_PARTNER',
      message: `Customer ${customerId} does not trade by EDI`,
      details: { customerId },
    });
  return partner;
}
