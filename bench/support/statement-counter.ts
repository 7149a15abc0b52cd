/**
 * Counts SQLite statement executions in this process (every prepared statement's run, get,
 * all and iterate, and the database's exec: transaction control included) while `counting`
 * is set; with `byText`, also how often each SQL text ran.
 */
import BetterSqlite3 from 'better-sqlite3';

export const counter = {
  counting: false,
  statements: 0,
  byText: null as Map<string, number> | null,
  /** With `byTextMs`, also the milliseconds each SQL text took (its runs summed). */
  byTextMs: null as Map<string, number> | null,
};

function count(text: unknown): string | null {
  if (!counter.counting) return null;
  counter.statements++;
  if (!counter.byText) return null;
  const key = String(text).replace(/\s+/g, ' ').slice(0, 160);
  counter.byText.set(key, (counter.byText.get(key) ?? 0) + 1);
  return key;
}

function timed(key: string | null, run: () => unknown): unknown {
  if (!key || !counter.byTextMs) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    const ms = performance.now() - started;
    counter.byTextMs.set(key, (counter.byTextMs.get(key) ?? 0) + ms);
  }
}

/** Patches better-sqlite3 once, before any store is opened. */
export function countStatements(): void {
  const probe = new BetterSqlite3(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      return timed(count(this.source), () => original.apply(this, args));
    };
  }
  const dbProto = BetterSqlite3.prototype as unknown as Record<string, unknown>;
  const exec = dbProto.exec as (...args: unknown[]) => unknown;
  dbProto.exec = function (this: unknown, ...args: unknown[]) {
    return timed(count(args[0]), () => exec.apply(this, args));
  };
}
