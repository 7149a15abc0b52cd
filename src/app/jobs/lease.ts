import crypto from 'node:crypto';
import os from 'node:os';
import type { Database } from '../../adapters/db/database.js';

/** This process's name as a lease holder: host, pid and a random suffix (restarts differ). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

/**
 * Takes the named lease for `ttlMs` if it is free, expired, or already ours. True when this
 * holder has it. One conditional upsert, so two processes can never both win.
 */
export async function takeLease(
  database: Database,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  return database.write(async (trx) => {
    await trx
      .insertInto('job_leases')
      .values({ name, holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) =>
            eb.or([eb('job_leases.expires_at', '<', nowIso), eb('job_leases.holder', '=', holder)]),
          ),
      )
      .execute();
    const row = await trx
      .selectFrom('job_leases')
      .select('holder')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.holder === holder;
  });
}

/** Gives the lease back (only if this holder still has it). */
export async function releaseLease(database: Database, name: string, holder: string) {
  await database.write((trx) =>
    trx.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute(),
  );
}

/**
 * Runs `work` only while holding the named lease; returns `undefined` without running it when
 * another holder has the lease. The lease is renewed every third of its ttl while work runs.
 */
export async function withLease<T>(
  database: Database,
  name: string,
  options: { holder?: string; ttlMs?: number; now?: () => Date },
  work: () => Promise<T>,
): Promise<T | undefined> {
  const holder = options.holder ?? PROCESS_HOLDER;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  if (!(await takeLease(database, name, holder, ttlMs, now()))) return undefined;
  const renew = setInterval(
    () => void takeLease(database, name, holder, ttlMs, now()).catch(() => undefined),
    Math.max(1000, ttlMs / 3),
  );
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await releaseLease(database, name, holder);
  }
}
