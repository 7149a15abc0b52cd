import type { Generated } from 'kysely';

/** A person who signs in to the web app; holds one of the API's roles. */
export interface UserTable {
  id: Generated<number>;
  /** Lower-cased; the sign-in name. */
  email: string;
  name: string;
  role: string;
  /** Set for customer-role users: the one account they may see. */
  customer_id: number | null;
  /** argon2id PHC string (`$argon2id$v=19$…`); never the password. */
  password_hash: string;
  active: number;
  created_at: string;
  last_sign_in_at: string | null;
}

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
export interface SessionTable {
  id: string;
  user_id: number;
  /** Sent back in `X-CSRF-Token` on every unsafe request made with the cookie. */
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface UserTables {
  users: UserTable;
  sessions: SessionTable;
}
