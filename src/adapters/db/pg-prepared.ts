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

/**
 * A read sent together with each BEGIN (one round trip for both) and answered from that result
 * when it is the transaction's first statement; any other statement first sends it to the server
 * as usual, so it never answers with a value the transaction itself may have changed.
 */
let withBegin: string | undefined;

/** Makes `text` (no parameters) the read that travels with BEGIN: see `withBegin`. */
export function readWithBegin(text: string): void {
  withBegin = text;
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

type QueryResultLike = { rows: unknown[]; command: string; rowCount: number | null };

function patch(client: pg.PoolClient & { [PATCHED]?: true }, counter: StatementCounter) {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client[PATCHED] = true;
  /** The `withBegin` result of the open transaction, while no other statement has run. */
  let early: QueryResultLike | undefined;
  (client as { query: unknown }).query = async (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && text === withBegin && early) {
      const answer = early;
      early = undefined;
      return answer;
    }
    early = undefined;
    counter.count++;
    if (text === 'begin' && withBegin) {
      try {
        const [begun, read] = (await query(`begin; ${withBegin}`)) as QueryResultLike[];
        early = read;
        return begun;
      } catch {
        // Not readable yet (a store being migrated): begin as usual.
        await query('rollback');
        return query('begin');
      }
    }
    const name = typeof text === 'string' ? named.get(text) : undefined;
    if (name) return query({ name, text, values });
    return query(...args);
  };
}
