import type { Tx } from '../../adapters/db/database.js';

/**
 * The admin switch that lets webhook targets resolve to loopback, private or link-local
 * addresses (a receiver on the same network, or tests). Off unless set to 'true'.
 */
export const ALLOW_PRIVATE_TARGETS_KEY = 'webhooks_allow_private_targets';

export async function allowsPrivateTargets(db: Tx): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ALLOW_PRIVATE_TARGETS_KEY)
    .executeTakeFirst();
  return row?.value === 'true';
}

export async function setAllowPrivateTargets(trx: Tx, allow: boolean): Promise<boolean> {
  const value = allow ? 'true' : 'false';
  await trx
    .insertInto('settings')
    .values({ key: ALLOW_PRIVATE_TARGETS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return allow;
}
