import type pg from 'pg';
import type { StatementCounter } from './store-stats.js';

/** SQL text → name of its server-side prepared statement. */
const named = new Map<string, string>();

/**
 * Marks fixed SQL (a hot-path statement) to run as a named prepared statement on PostgreSQL:
 * each connection parses and plans it once, then only binds and executes it. Other SQL (Kysely's
 * ad-hoc queries) stays unnamed, so the server holds a bounded set of prepared statements.
 */
export function preparedOnPostgres(text: string): void {
  if (!named.has(text)) named.set(text, `stockline_${named.size + 1}`);
}

const PATCHED = Symbol('stockline.prepared');

/**
 * The pool as Kysely sees it: each client it hands out runs registered SQL as named prepared
 * statements and counts its round trips.
 */
export function preparingPool(pool: pg.Pool, counter: StatementCounter): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect')
        return async () => {
          const client = (await connect()) as pg.PoolClient & { [PATCHED]?: true };
          if (!client[PATCHED]) patch(client, counter);
          return client;
        };
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function patch(client: pg.PoolClient & { [PATCHED]?: true }, counter: StatementCounter) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client[PATCHED] = true;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    counter.count++;
    const [text, values] = args;
    const name = typeof text === 'string' ? named.get(text) : undefined;
    if (name) return query({ name, text, values });
    return query(...args);
  };
}
