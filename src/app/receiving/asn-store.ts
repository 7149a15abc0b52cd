import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { asnStatus, type AsnStatus } from '../../core/receiving/asn-status.js';
import { FailureError } from '../../core/shared/result.js';

/** The notice, locked on PostgreSQL so two docks scanning its pallets take turns. */
export async function lockAsn(trx: Tx, asnId: number) {
  let query = trx.selectFrom('inbound_asns').selectAll().where('id', '=', asnId);
  if (isPostgres(trx)) query = query.forUpdate();
  const asn = await query.executeTakeFirst();
  if (!asn)
    throw new FailureError({
      code: 'RECEIVING.ASN_NOT_FOUND',
      message: `No ship notice ${asnId}`,
      details: { asnId },
    });
  return asn;
}

/** Recomputes and stores the notice's status from its containers and items. */
export async function refreshAsnStatus(
  trx: Tx,
  asnId: number,
  closed: boolean,
  nowIso: string,
): Promise<AsnStatus> {
  const containers = await trx
    .selectFrom('asn_containers')
    .select(['received_at'])
    .where('asn_id', '=', asnId)
    .execute();
  const flagged = await trx
    .selectFrom('asn_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('asn_id', '=', asnId)
    .where('discrepancy', 'is not', null)
    .executeTakeFirstOrThrow();
  const status = asnStatus({
    containers: containers.length,
    scanned: containers.filter((c) => c.received_at !== null).length,
    itemDiscrepancies: Number(flagged.n),
    closed,
  });
  await trx
    .updateTable('inbound_asns')
    .set({ status, updated_at: nowIso })
    .where('id', '=', asnId)
    .execute();
  return status;
}
