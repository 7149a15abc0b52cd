import crypto from 'node:crypto';
import { run, type Database } from '../../adapters/db/database.js';
import { isRole, type Actor, type Role } from '../../core/shared/roles.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { customerBinding, requireCustomer } from './customer-binding.js';

/** Only the SHA-256 of a key is stored; the key itself is shown once, at creation. */
export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export interface CreatedKey {
  id: number;
  key: string;
  role: Role;
  name: string;
}

export interface NewKey {
  role: string;
  name?: string;
  customerId?: number | null;
  /** A key generated (and saved) beforehand — the demo writes its key file first; else a new one. */
  key?: string;
}

/** A new random API key. */
export function generateApiKey(): string {
  return `sl_${crypto.randomBytes(32).toString('base64url')}`;
}

export async function createApiKey(
  database: Database,
  input: NewKey,
  now: Date,
): Promise<Result<CreatedKey>> {
  if (!isRole(input.role)) return fail('AUTH.UNKNOWN_ROLE', `Unknown role "${input.role}"`);
  const binding = customerBinding('AUTH', input.role, input.customerId);
  if (!binding.ok) return binding;
  const key = input.key ?? generateApiKey();
  const name = input.name ?? `${input.role} key`;
  const created = await run(database, async (trx) => {
    must(await requireCustomer(trx, binding.value));
    return trx
      .insertInto('api_keys')
      .values({
        name,
        prefix: key.slice(0, 10),
        key_hash: hashKey(key),
        role: input.role,
        customer_id: binding.value,
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  if (!created.ok) return created;
  const row = created.value;
  return ok({ id: row.id, key, role: input.role, name });
}

export async function revokeApiKey(
  database: Database,
  id: number,
  now: Date,
): Promise<Result<{ id: number }>> {
  const result = await database.write((trx) =>
    trx
      .updateTable('api_keys')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  );
  if (Number(result.numUpdatedRows) === 0)
    return fail('AUTH.KEY_NOT_FOUND', `No active API key ${id}`);
  return ok({ id });
}

/**
 * Resolves a presented key to its actor. Lookup is by hash (a uniform, secret-derived value),
 * and the stored hash is compared in constant time. A short cache keeps auth off the hot path.
 */
export class KeyVerifier {
  readonly #cache = new Map<string, { actor: Actor | null; until: number }>();
  constructor(
    private readonly database: Database,
    private readonly ttlMs = 5_000,
  ) {}

  async verify(presented: string): Promise<Actor | null> {
    const hash = hashKey(presented);
    const cached = this.#cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.actor;
    const row = await this.database.db
      .selectFrom('api_keys')
      .select(['id', 'key_hash', 'role', 'customer_id'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const valid =
      row !== undefined &&
      isRole(row.role) &&
      crypto.timingSafeEqual(Buffer.from(row.key_hash), Buffer.from(hash));
    const actor: Actor | null = valid
      ? {
          id: `key:${row.id}`,
          role: row.role as Role,
          customerId: row.customer_id,
          apiKeyId: row.id,
        }
      : null;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(hash, { actor, until: Date.now() + this.ttlMs });
    return actor;
  }
}
