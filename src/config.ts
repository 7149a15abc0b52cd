import os from 'node:os';
import path from 'node:path';
import { PICK_MODES, type PickMode } from './core/fulfillment/wave-policy.js';

/** Everything Stockline reads from the environment, with the defaults of a laptop install. */
export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file, the demo admin key and other local state live. */
  dataDir: string;
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  logLevel: string;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** How often waiting backorders are retried against stock on hand (0 turns the sweep off). */
  backorderSweepSeconds: number;
  /** Release waiting orders into waves every this many minutes (0: waves only by hand). */
  waveEveryMinutes: number;
  /** How scheduled waves are picked. */
  wavePickMode: PickMode;
  /** How often due webhook deliveries are sent (0 turns delivery off in this process). */
  webhookEverySeconds: number;
  /** NATS server with JetStream; when set, every outbox event is also published there. */
  natsUrl: string | undefined;
  /** Watched EDI folder (inbox/, processed/, error/, outbox/); unset: no folder polling. */
  ediDir: string | undefined;
  /** How often the EDI inbox is polled. */
  ediPollSeconds: number;
  /** Requests a minute per API key (or per IP without one), in each server process; 0: off. */
  rateLimitPerMinute: number;
  /**
   * Proxies whose X-Forwarded-For / -Proto are believed (TLS and balancing in front): `true`
   * (any), or addresses and CIDR ranges separated by commas. Unset: none, and the client
   * address is the socket's, so every browser behind a balancer shares one rate-limit bucket.
   */
  trustProxy: true | string[] | undefined;
  /** Mark the session cookie Secure although the app itself speaks plain http (TLS at a proxy). */
  secureCookies: boolean;
  /** Days of simulated trading the demo is seeded with on first start (`serve --demo`); 0: none. */
  demoHistoryDays: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: intOf(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? path.join(dataDir, 'stockline.db'),
    databasePoolSize: intOf(env.DATABASE_POOL_SIZE, defaultPoolSize()),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: intOf(env.BODY_LIMIT_BYTES, 1_048_576),
    backorderSweepSeconds: intOf(env.BACKORDER_SWEEP_SECONDS, 30),
    waveEveryMinutes: intOf(env.WAVE_EVERY_MINUTES, 0),
    wavePickMode: pickModeOf(env.WAVE_PICK_MODE ?? 'batch'),
    webhookEverySeconds: intOf(env.WEBHOOK_EVERY_SECONDS, 2),
    natsUrl: env.NATS_URL || undefined,
    ediDir: env.EDI_DIR ? path.resolve(env.EDI_DIR) : undefined,
    ediPollSeconds: intOf(env.EDI_POLL_SECONDS, 30),
    rateLimitPerMinute: intOf(env.RATE_LIMIT_PER_MINUTE, 6000),
    demoHistoryDays: intOf(env.DEMO_HISTORY_DAYS, 365),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    secureCookies: flagOf('SECURE_COOKIES', env.SECURE_COOKIES),
  };
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}

function trustProxyOf(value: string | undefined): Config['trustProxy'] {
  const text = value?.trim();
  if (!text || text === 'false') return undefined;
  if (text === 'true') return true;
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

function flagOf(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1/true or 0/false, got "${value}"`);
}

/** The URL with any password hidden, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}

function pickModeOf(value: string): PickMode {
  if (!(PICK_MODES as readonly string[]).includes(value))
    throw new Error(`WAVE_PICK_MODE must be one of ${PICK_MODES.join(', ')}`);
  return value as PickMode;
}

/**
 * PostgreSQL connections per process: about twice the cores (PostgreSQL does no more work at
 * once than it has cores to run; extra connections only queue inside the server). With several
 * processes on one server, divide the server's budget between them (DATABASE_POOL_SIZE).
 */
function defaultPoolSize(): number {
  return Math.max(4, 2 * os.availableParallelism() + 2);
}
