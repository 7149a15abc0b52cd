import { sql } from 'kysely';
import { isUniqueViolation, type Tx } from '../../adapters/db/database.js';
import { checkSupplierTerms } from '../../core/purchasing/supplier-rules.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import type { SupplierTable } from '../../adapters/db/schema-purchasing.js';
import type { Selectable } from 'kysely';

/** A supplier as the buyer keys it in. */
export interface SupplierInput {
  code: string;
  name: string;
  contactName?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  currency: string;
  leadTimeDays: number;
  minOrderValueMinor?: number | undefined;
  minOrderQuantity?: number | undefined;
  active?: boolean | undefined;
}

/** Any subset of the fields but the code, which other systems (EDI, imports) key on. */
export type SupplierPatch = Partial<Omit<SupplierInput, 'code'>>;

export type SupplierRow = Selectable<SupplierTable>;

/** The API shape of a supplier. */
export function supplierView(row: SupplierRow) {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    currency: row.currency,
    leadTimeDays: Number(row.lead_time_days),
    minOrderValueMinor: Number(row.min_order_value_minor),
    minOrderQuantity: Number(row.min_order_quantity),
    active: Number(row.active) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type SupplierView = ReturnType<typeof supplierView>;

const duplicate = (code: string) =>
  fail('PURCHASING.SUPPLIER_ALREADY_EXISTS', `Supplier code ${code} is taken`, {
    supplierCode: code,
  });

/** Registers a supplier; the code is unique. */
export async function createSupplier(
  trx: Tx,
  input: SupplierInput,
  nowIso: string,
): Promise<SupplierView> {
  must(checkSupplierTerms(input));
  const taken = await trx
    .selectFrom('suppliers')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) must(duplicate(input.code));
  try {
    const row = await trx
      .insertInto('suppliers')
      .values({
        code: input.code,
        name: input.name,
        contact_name: input.contactName ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        currency: input.currency,
        lead_time_days: input.leadTimeDays,
        min_order_value_minor: input.minOrderValueMinor ?? 0,
        min_order_quantity: input.minOrderQuantity ?? 0,
        active: input.active === false ? 0 : 1,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return supplierView(row);
  } catch (error) {
    // Two buyers keyed the same code at once (PostgreSQL): the loser gets the same answer.
    if (isUniqueViolation(error)) must(duplicate(input.code));
    throw error;
  }
}

/** Changes a supplier's terms; fields left out keep their value. */
export async function updateSupplier(
  trx: Tx,
  supplierId: number,
  patch: SupplierPatch,
  nowIso: string,
): Promise<SupplierView> {
  must(checkSupplierTerms(patch));
  await mustFindSupplier(trx, supplierId);
  const set: Partial<SupplierRow> = { updated_at: nowIso };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.contactName !== undefined) set.contact_name = patch.contactName;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.currency !== undefined) set.currency = patch.currency;
  if (patch.leadTimeDays !== undefined) set.lead_time_days = patch.leadTimeDays;
  if (patch.minOrderValueMinor !== undefined) set.min_order_value_minor = patch.minOrderValueMinor;
  if (patch.minOrderQuantity !== undefined) set.min_order_quantity = patch.minOrderQuantity;
  if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
  const row = await trx
    .updateTable('suppliers')
    .set(set)
    .where('id', '=', supplierId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return supplierView(row);
}

/** The supplier row, or a PURCHASING.SUPPLIER_NOT_FOUND failure that rolls the unit back. */
export async function mustFindSupplier(trx: Tx, supplierId: number): Promise<SupplierRow> {
  const row = await trx
    .selectFrom('suppliers')
    .selectAll()
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!row) must(supplierNotFound(supplierId));
  return row!;
}

export function supplierNotFound(supplierId: number): Result<never> {
  return fail('PURCHASING.SUPPLIER_NOT_FOUND', `No supplier ${supplierId}`, { supplierId });
}

export async function getSupplier(db: Tx, supplierId: number): Promise<Result<SupplierView>> {
  const row = await db
    .selectFrom('suppliers')
    .selectAll()
    .where('id', '=', supplierId)
    .executeTakeFirst();
  return row ? ok(supplierView(row)) : supplierNotFound(supplierId);
}

export interface SupplierFilter {
  /** Matches code or name, case-insensitively, anywhere in the text. */
  q?: string | undefined;
  active?: boolean | undefined;
  afterId?: number | undefined;
  limit: number;
}

/** Suppliers in id order, one page (limit + 1 rows, so the caller can tell if more follow). */
export async function listSuppliers(db: Tx, filter: SupplierFilter): Promise<SupplierView[]> {
  let query = db
    .selectFrom('suppliers')
    .selectAll()
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(code)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  return (await query.execute()).map(supplierView);
}
