import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from './adapters/db/database.js';
import { migrateToLatest } from './adapters/db/migrate.js';
import { buildServer } from './adapters/http/server.js';
import { openNatsSink } from './adapters/nats/jetstream-sink.js';
import { createApiKey } from './app/auth/api-keys.js';
import { DEFAULT_POLICIES, type AppContext } from './app/context.js';
import { ensureDemoHistory } from './app/simulation/demo-history.js';
import { simProgress } from './cli/sim-progress.js';
import { pollEdiFolder } from './app/edi/edi-folder.js';
import { withLease } from './app/jobs/lease.js';
import { ensureDemoUsers } from './app/users/demo-users.js';
import { deliverWebhooks } from './app/webhooks/deliver-webhooks.js';
import { sweepBackorders } from './app/jobs/backorder-sweep.js';
import { countGenerationJob } from './app/counts/generate-count-tasks.js';
import { forgetOldIdempotencyKeys } from './app/jobs/idempotency-cleanup.js';
import { refillPickFaces } from './app/jobs/pick-face-refill.js';
import { refreshKpiAggregates } from './app/kpis/refresh-kpi-aggregates.js';
import { dailyReplenishmentJob } from './app/planning/daily-replenishment.js';
import { repeatEvery } from './app/jobs/repeat.js';
import { planScheduledWaves } from './app/jobs/scheduled-waves.js';
import { redactUrl, type Config } from './config.js';

/** Composition root: configuration → database (migrated) → application context. */
export async function openStore(config: Config): Promise<Database> {
  const database = openDatabase({ url: config.databaseUrl });
  await migrateToLatest(database);
  return database;
}

export function contextFor(database: Database): AppContext {
  return { database, now: () => new Date(), policies: DEFAULT_POLICIES };
}

/**
 * Seeds the demo wholesaler on first start — with `config.demoHistoryDays` of simulated
 * trading behind it, resumed where it stopped if a start was interrupted — and creates the
 * admin key, which is printed once and written to the data directory (readable only by its
 * owner).
 */
export async function ensureDemo(ctx: AppContext, config: Config, say: (line: string) => void) {
  const { seeded, simulatedDays } = await ensureDemoHistory(ctx, config.demoHistoryDays, {
    onStart: (days) =>
      say(
        `Simulating ${days} days of trading for the demo, once (minutes; DEMO_HISTORY_DAYS sets the days)…`,
      ),
    onDay: simProgress(process.stdout),
  });
  if (simulatedDays > 0) say(`Simulated ${simulatedDays} days of demo history.`);
  if (seeded.skus === 0) return;
  const admin = await createApiKey(ctx.database, { role: 'admin', name: 'demo admin' }, ctx.now());
  if (!admin.ok) throw new Error(admin.error.message);
  const keyFile = path.join(config.dataDir, 'admin-key.txt');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(keyFile, `${admin.value.key}\n`, { mode: 0o600 });
  say(
    `Demo data loaded: ${seeded.skus} SKUs, ${seeded.warehouses} warehouses, ${seeded.locations} locations, ${seeded.customers} customers, ${seeded.orders} orders.`,
  );
  say(`Admin API key (shown once; also in ${keyFile}):\n\n  ${admin.value.key}\n`);
  await ensureDemoUsers(ctx, config.dataDir, say);
}

export async function serve(config: Config, options: { demo: boolean }) {
  const database = await openStore(config);
  const ctx = contextFor(database);
  if (options.demo) await ensureDemo(ctx, config, (line) => console.log(line));
  const app = await buildServer(ctx, {
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
  });
  const logError = (job: string) => (error: unknown) =>
    app.log.error({ err: error, job }, 'scheduled job failed');
  const stopJobs = [
    repeatEvery(
      config.backorderSweepSeconds,
      () => sweepBackorders(ctx, logError('backorders')),
      logError('backorders'),
    ),
    repeatEvery(
      config.waveEveryMinutes * 60,
      () => planScheduledWaves(ctx, config.wavePickMode),
      logError('waves'),
    ),
    repeatEvery(
      3600,
      () => forgetOldIdempotencyKeys(ctx.database, ctx.now()),
      logError('idempotency'),
    ),
    // Each plan generates at most once a (UTC) day; hourly ticks catch a missed start.
    repeatEvery(3600, () => countGenerationJob(ctx), logError('counts')),
    repeatEvery(600, () => refillPickFaces(ctx), logError('pick-faces')),
    // At most once per UTC day, under a lease: hourly ticks only catch a missed start.
    repeatEvery(3600, () => dailyReplenishmentJob(ctx), logError('replenishment')),
    // KPI snapshots and aggregates, read up to a minute behind so late commits are not skipped.
    repeatEvery(
      300,
      () => refreshKpiAggregates(ctx, new Date(ctx.now().getTime() - 60_000)),
      logError('kpis'),
    ),
    repeatEvery(config.webhookEverySeconds, () => deliverWebhooks(ctx), logError('webhooks')),
  ];
  const { ediDir } = config;
  if (ediDir)
    stopJobs.push(
      repeatEvery(
        config.ediPollSeconds,
        () => withLease(database, 'edi-folder', {}, () => pollEdiFolder(ctx, ediDir)),
        logError('edi'),
      ),
    );
  const nats = config.natsUrl ? await openNatsSink(config.natsUrl) : undefined;
  if (nats)
    stopJobs.push(
      repeatEvery(1, () => nats.publishPending(ctx.database, ctx.now), logError('nats')),
    );
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    for (const stop of stopJobs) stop();
    await nats?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: redactUrl(config.databaseUrl), dialect: database.dialect },
    'Stockline is serving',
  );
  console.log(
    `Stockline is running at http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`,
  );
  return app;
}
