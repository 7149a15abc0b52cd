import path from 'node:path';

/** Everything Stockline reads from the environment, with the defaults of a laptop install. */
export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file, the demo admin key and other local state live. */
  dataDir: string;
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path. */
  databaseUrl: string;
  logLevel: string;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** How often waiting backorders are retried against stock on hand (0 turns the sweep off). */
  backorderSweepSeconds: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: intOf(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? path.join(dataDir, 'stockline.db'),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: intOf(env.BODY_LIMIT_BYTES, 1_048_576),
    backorderSweepSeconds: intOf(env.BACKORDER_SWEEP_SECONDS, 30),
  };
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}

/** The URL with any password hidden, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}
