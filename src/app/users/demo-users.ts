import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { isRole, ROLES, type Role } from '../../core/shared/roles.js';
import { createUser } from './users.js';

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
}

/**
 * One user per role for a demo start, each with a random password, written to
 * `<dataDir>/demo-users.txt` (mode 0600) before the users are created — so a start interrupted
 * in between creates the missing ones from the file next time — and printed once. A later start
 * names the file. With no file and any user already there (not a demo's first start) it does
 * nothing. The customer user is bound to the first customer account; without one, that role
 * is skipped. Returns the sign-ins created by this call.
 */
export async function ensureDemoUsers(
  ctx: AppContext,
  dataDir: string,
  say: (line: string) => void,
): Promise<DemoSignIn[]> {
  const file = path.join(dataDir, 'demo-users.txt');
  const saved = readSignIns(file);
  if (saved) {
    const made = await createMissing(ctx, saved);
    say(`Web sign-ins: in ${file}`);
    return made;
  }
  const any = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return [];
  const customer = await firstCustomer(ctx);
  const planned = ROLES.filter((role) => role !== 'customer' || customer).map((role) => ({
    role,
    email: `${role}@demo.stockline.dev`,
    password: crypto.randomBytes(12).toString('base64url'),
  }));
  const lines = planned.map((u) => `${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.password}`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  const made = await createMissing(ctx, planned);
  say(`Web sign-ins (also in ${file}):\n\n  ${lines.join('\n  ')}\n`);
  return made;
}

function readSignIns(file: string): DemoSignIn[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string, string] => parts.length === 3 && isRole(parts[0]!))
    .map(([role, email, password]) => ({ role: role as Role, email, password }));
}

async function firstCustomer(ctx: AppContext) {
  return ctx.database.db
    .selectFrom('customers')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

async function createMissing(ctx: AppContext, signIns: readonly DemoSignIn[]) {
  const existing = await ctx.database.db.selectFrom('users').select('email').execute();
  const known = new Set(existing.map((u) => u.email));
  const customer = await firstCustomer(ctx);
  const made: DemoSignIn[] = [];
  for (const u of signIns) {
    if (known.has(u.email)) continue;
    const created = await createUser(
      ctx.database,
      {
        email: u.email,
        name: `Demo ${u.role}`,
        role: u.role,
        password: u.password,
        customerId: u.role === 'customer' ? (customer?.id ?? null) : null,
      },
      ctx.now(),
    );
    if (!created.ok) throw new Error(created.error.message);
    made.push(u);
  }
  return made;
}
