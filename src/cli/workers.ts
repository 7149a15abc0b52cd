import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { contextFor, ensureDemo, openStore, serve } from '../main.js';

/** A worker that dies sooner than this after its start counts as crashing, and waits to restart. */
const HEALTHY_AFTER_MS = 10_000;
const RESTART_DELAY_MS = 1_000;
/** How long a draining worker may take before it is killed. */
const DRAIN_TIMEOUT_MS = 15_000;

/**
 * `stockline serve --workers N`: the primary process migrates (and seeds) once, then forks N
 * workers that each run `serve()` on the same port (node:cluster shares the listening socket).
 * Workers are stateless; every scheduled job in `serve()` is safe to run in all of them (leases
 * or row locks, see docs/SCALING.md). A dead worker is replaced; SIGTERM/SIGINT drains them all.
 */
export async function serveWorkers(config: Config, options: { demo: boolean; workers: number }) {
  if (cluster.isWorker) return serve(config, { demo: false });
  if (options.workers <= 1) return serve(config, options);
  if (!config.databaseUrl.startsWith('postgres'))
    throw new Error(
      '--workers needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has one writer',
    );
  await prepareStore(config, options.demo);
  superviseWorkers(options.workers);
}

/** Migrations (and the demo seed) run once here, so N workers never race to apply them. */
async function prepareStore(config: Config, demo: boolean) {
  const database = await openStore(config);
  try {
    if (demo) await ensureDemo(contextFor(database), config, (line) => console.log(line));
  } finally {
    await database.close();
  }
}

function superviseWorkers(count: number) {
  let draining = false;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (draining) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    // A worker that crashes at once would otherwise be restarted in a tight loop.
    setTimeout(fork, lived < HEALTHY_AFTER_MS ? RESTART_DELAY_MS : 0);
  });
  for (let i = 0; i < count; i++) fork();
  console.log(`Stockline primary ${process.pid}: ${count} workers`);

  const drain = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    console.log(`${signal}: draining ${startedAt.size} workers`);
    // Each worker's own handler stops its jobs, finishes in-flight requests and closes the pool.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS).unref();
    if (startedAt.size === 0) process.exit(0);
  };
  process.once('SIGTERM', () => drain('SIGTERM'));
  process.once('SIGINT', () => drain('SIGINT'));
}
