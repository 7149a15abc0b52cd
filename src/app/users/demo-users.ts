import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { ROLES, type Role } from '../../core/shared/roles.js';
import { createUser } from './users.js';

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
}

/**
 * One user per role for a demo start, each with a random password. Runs once: when any user
 * exists it does nothing, so a restart never prints or changes passwords. The sign-ins are
 * printed and written to `<dataDir>/demo-users.txt` (mode 0600). The customer user is bound to
 * the first customer account; without one, that role is skipped.
 */
export async function ensureDemoUsers(
  ctx: AppContext,
  dataDir: string,
  say: (line: string) => void,
): Promise<DemoSignIn[]> {
  const any = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return [];
  const customer = await ctx.database.db
    .selectFrom('customers')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const made: DemoSignIn[] = [];
  for (const role of ROLES) {
    if (role === 'customer' && !customer) continue;
    const password = crypto.randomBytes(12).toString('base64url');
    const email = `${role}@demo.stockline.dev`;
    const created = await createUser(
      ctx.database,
      {
        email,
        name: `Demo ${role}`,
        role,
        password,
        customerId: role === 'customer' ? (customer?.id ?? null) : null,
      },
      ctx.now(),
    );
    if (!created.ok) throw new Error(created.error.message);
    made.push({ role, email, password });
  }
  const lines = made.map((u) => `${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.password}`);
  const file = path.join(dataDir, 'demo-users.txt');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  say(`Web sign-ins (shown once; also in ${file}):\n\n  ${lines.join('\n  ')}\n`);
  return made;
}
