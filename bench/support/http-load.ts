/**
 * HTTP load from a separate process. The server under test runs in the bench's own process,
 * so process.cpuUsage() there is the server's CPU alone; the load generator (autocannon) runs
 * in a child forked from this file and talks to the parent over IPC. A run is a fixed number
 * of requests (not a duration), so every request sent has been answered when it ends: the
 * bench can then compare what the server stored with what the client saw.
 *
 *   const client = await startLoadClient();
 *   const result = await client.run({ url, amount: 5000, connections: 8, method: 'POST', … });
 *   await client.close();
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.js';

/** The little of autocannon used here (it ships no types; a local shape, not a global declaration). */
type Autocannon = (
  options: Record<string, unknown>,
) => EventEmitter & PromiseLike<{ errors: number; timeouts: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * Request bodies made in the child (functions cannot cross the process boundary): the module's
 * `exportName` is called once with `args` and returns a function giving the next body.
 */
export interface BodySource {
  /** Absolute path or file URL of the module. */
  module: string;
  exportName: string;
  args?: unknown;
}

export interface LoadSpec {
  /** Full URL of the endpoint, e.g. http://127.0.0.1:1234/api/v1/orders. */
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** One fixed body, or a source of a new body per request. */
  body?: string | BodySource;
  /** Total requests, spread over the connections (at least `connections`). */
  amount: number;
  connections: number;
  /** Per-request timeout, seconds (default 30). */
  timeoutSeconds?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Count by HTTP status. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (requests that got no answer). */
  errors: number;
  timeouts: number;
  /** Latency of every answered request, milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadClient {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

type FromChild =
  { type: 'ready' } | { type: 'result'; result: LoadResult } | { type: 'error'; message: string };

/** Forks the load generator and waits until it is ready to take runs, one at a time. */
export async function startLoadClient(): Promise<LoadClient> {
  const child = fork(fileURLToPath(import.meta.url), ['--load-child'], {
    execArgv: ['--import', 'tsx'],
    // The child's stdout goes to our stderr: stdout is the bench's metrics line only.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await nextMessage(child, 'ready');
  let busy = false;
  return {
    async run(spec) {
      if (busy) throw new Error('one load run at a time');
      busy = true;
      try {
        child.send({ type: 'run', spec });
        const reply = await nextMessage(child, 'result');
        return (reply as Extract<FromChild, { type: 'result' }>).result;
      } finally {
        busy = false;
      }
    },
    async close() {
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextMessage(child: ChildProcess, type: FromChild['type']): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromChild) => {
      if (message.type === 'error')
        finish(() => reject(new Error(`load client: ${message.message}`)));
      else if (message.type === type) finish(() => resolve(message));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`load client exited (${code}) before '${type}'`)));
    const finish = (then: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      then();
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

// ---- the child: runs autocannon for each spec it is sent ----

async function bodyFactory(body: LoadSpec['body']): Promise<(() => string) | undefined> {
  if (body === undefined || typeof body === 'string') return undefined;
  const module = (await import(body.module)) as Record<string, (args: unknown) => () => string>;
  const make = module[body.exportName];
  if (typeof make !== 'function') throw new Error(`${body.module} has no ${body.exportName}()`);
  return make(body.args);
}

async function runSpec(spec: LoadSpec): Promise<LoadResult> {
  const next = await bodyFactory(spec.body);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const headers = {
    ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...spec.headers,
  };
  const start = performance.now();
  let lastAnswer = start;
  const instance = autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers,
    ...(typeof spec.body === 'string' ? { body: spec.body } : {}),
    ...(next
      ? {
          requests: [
            {
              method: spec.method ?? 'POST',
              setupRequest: (request: Record<string, unknown>) => ({ ...request, body: next() }),
            },
          ],
        }
      : {}),
    amount: Math.max(spec.amount, spec.connections),
    connections: spec.connections,
    pipelining: 1,
    timeout: spec.timeoutSeconds ?? 30,
    // autocannon notices the end of a fixed-amount run only at a sample tick (default 1 s).
    sampleInt: 50,
  });
  // autocannon's own histogram keeps whole milliseconds; these are exact (hrtime) durations.
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    lastAnswer = performance.now();
  });
  const result = await instance;
  // First request out to last answer in: not the wait for autocannon's tick after it.
  const seconds = (lastAnswer - start) / 1000;
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: latencies.length ? percentile(latencies, 50) : NaN,
    p99Ms: latencies.length ? percentile(latencies, 99) : NaN,
    maxMs: latencies.length ? Math.max(...latencies) : NaN,
  };
}

if (process.argv.includes('--load-child') && process.send) {
  const send = (message: FromChild) => process.send!(message);
  process.on('message', (message: { type: 'run'; spec: LoadSpec }) => {
    if (message.type !== 'run') return;
    runSpec(message.spec).then(
      (result) => send({ type: 'result', result }),
      (error: unknown) =>
        send({ type: 'error', message: String((error as Error)?.stack ?? error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
