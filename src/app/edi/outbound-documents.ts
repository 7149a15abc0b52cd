import type { Tx } from '../../adapters/db/database.js';
import { gtinQualifier, parseQualifiedIds, type QualifiedId } from '../../core/edi/product-ids.js';
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

/**
 * The partner's PO1 id pairs of an order line, to echo in the 856 and 810; lines stored before
 * the pairs were kept give what was: their GTIN and buyer part. Undefined for non-EDI lines.
 */
export function partnerIdsOf(row: {
  product_ids: string | null;
  partnerGtin: string | null;
  buyer_part: string | null;
  line_id: string | null;
}): QualifiedId[] | undefined {
  if (row.line_id === null) return undefined;
  if (row.product_ids !== null) return parseQualifiedIds(row.product_ids);
  const ids: QualifiedId[] = [];
  if (row.partnerGtin)
    ids.push({ qualifier: gtinQualifier(row.partnerGtin), value: row.partnerGtin });
  if (row.buyer_part) ids.push({ qualifier: 'BP', value: row.buyer_part });
  return ids;
}
