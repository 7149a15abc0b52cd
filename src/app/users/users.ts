import { run, type Database, type Tx } from '../../adapters/db/database.js';
import type { UserTable } from '../../adapters/db/schema-users.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { customerBinding, requireCustomer } from '../auth/customer-binding.js';
import { isRole, type Role } from '../../core/shared/roles.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  customerId: number | null;
  active: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
  customerId?: number | null;
}

export interface UserChange {
  name?: string;
  role?: string;
  customerId?: number | null;
  active?: boolean;
  password?: string;
}

export function userView(row: Pick<UserTable, Exclude<keyof UserTable, 'id'>> & { id: number }) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    customerId: row.customer_id,
    active: row.active === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  } satisfies UserView;
}

/** E-mails compare case-insensitively: stored lower-cased and trimmed. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

/** The role and the account it acts for (none for staff); see customer-binding.ts. */
function checkRole(
  role: string,
  customerId: number | null | undefined,
): Result<{ role: Role; customerId: number | null }> {
  if (!isRole(role)) return fail('USERS.UNKNOWN_ROLE', `Unknown role "${role}"`);
  const binding = customerBinding('USERS', role, customerId);
  return binding.ok ? ok({ role, customerId: binding.value }) : binding;
}

function checkPassword(password: string): Result<string> {
  return password.length < MIN_PASSWORD_LENGTH
    ? fail('USERS.WEAK_PASSWORD', `Passwords have at least ${MIN_PASSWORD_LENGTH} characters`)
    : ok(password);
}

/** A new user checked and with its password hashed: argon2 is slow, so outside the transaction. */
export interface PreparedUser {
  email: string;
  name: string;
  role: Role;
  customerId: number | null;
  passwordHash: string;
}

export async function prepareUser(input: NewUser): Promise<Result<PreparedUser>> {
  const role = checkRole(input.role, input.customerId);
  if (!role.ok) return role;
  const password = checkPassword(input.password);
  if (!password.ok) return password;
  return ok({
    email: normalEmail(input.email),
    name: input.name,
    role: role.value.role,
    customerId: role.value.customerId,
    passwordHash: await hashPassword(input.password),
  });
}

/** Inserts a prepared user; an e-mail already taken is refused. */
export async function insertUser(trx: Tx, user: PreparedUser, now: Date): Promise<UserView> {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', user.email)
    .executeTakeFirst();
  if (taken) must(fail('USERS.EMAIL_ALREADY_EXISTS', `A user with e-mail ${user.email} exists`));
  must(await requireCustomer(trx, user.customerId));
  const row = await trx
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      customer_id: user.customerId,
      password_hash: user.passwordHash,
      active: 1,
      created_at: now.toISOString(),
      last_sign_in_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return userView(row);
}

/** Creates a user account in its own transaction. */
export async function createUser(
  database: Database,
  input: NewUser,
  now: Date,
): Promise<Result<UserView>> {
  const prepared = await prepareUser(input);
  if (!prepared.ok) return prepared;
  return run(database, (trx) => insertUser(trx, prepared.value, now));
}

/** Changes a user; a new password, a new role or deactivation ends the user's sessions. */
export async function changeUser(
  database: Database,
  id: number,
  change: UserChange,
): Promise<Result<UserView>> {
  const current = await database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) return fail('USERS.NOT_FOUND', `No user ${id}`, { userId: id });
  const nextRole = change.role ?? current.role;
  // A staff role drops the account the user had; only an account sent with it is refused.
  const customerId =
    change.customerId !== undefined
      ? change.customerId
      : nextRole === 'customer'
        ? current.customer_id
        : null;
  const role = checkRole(nextRole, customerId);
  if (!role.ok) return role;
  if (change.password !== undefined) {
    const password = checkPassword(change.password);
    if (!password.ok) return password;
  }
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  const endsSessions =
    passwordHash !== undefined || change.active === false || role.value.role !== current.role;
  return run(database, async (trx) => {
    must(await requireCustomer(trx, role.value.customerId));
    if (endsSessions) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return trx
      .updateTable('users')
      .set({
        name: change.name ?? current.name,
        role: role.value.role,
        customer_id: role.value.customerId,
        active: change.active === undefined ? current.active : change.active ? 1 : 0,
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .then(userView);
  });
}

/** Every user, by e-mail. */
export async function listUsers(database: Database): Promise<UserView[]> {
  const rows = await database.db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(userView);
}
