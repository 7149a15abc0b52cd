import { defaultCarriers } from './adapters/carriers/carrier-registry.js';
import { bookStalledShipments } from './app/jobs/stalled-bookings.js';
import { openDatabase, type Database } from './adapters/db/database.js';
import { migrateToLatest } from './adapters/db/migrate.js';
import { buildServer } from './adapters/http/server.js';
import { trimYoungGenerationWhenQuiet } from './adapters/runtime/young-generation-trim.js';
import { DEFAULT_POLICIES, type AppContext } from './app/context.js';
import { ensureDemoAdminKey } from './app/demo/demo-admin-key.js';
import { isSeeded } from './app/demo/seed-demo.js';
import {
  continueDemoHistory,
  demoHistoryStatus,
  planDemoHistory,
} from './app/simulation/demo-history.js';
import { demoHistorySummary, historyProgress } from './cli/sim-progress.js';
import { pollEdiFolder } from './app/edi/edi-folder.js';
import { withLease } from './app/jobs/lease.js';
import { ensureDemoUsers } from './app/users/demo-users.js';
import { deliverWebhooks } from './app/webhooks/deliver-webhooks.js';
import { sweepBackorders } from './app/jobs/backorder-sweep.js';
import { countGenerationJob } from './app/counts/generate-count-tasks.js';
import { forgetOldIdempotencyKeys } from './app/jobs/idempotency-cleanup.js';
import { quarantineExpiredLots } from './app/jobs/expiry-sweep.js';
import { refillPickFaces } from './app/jobs/pick-face-refill.js';
import { refreshKpiAggregates } from './app/kpis/refresh-kpi-aggregates.js';
import { dailyReplenishmentJob } from './app/planning/daily-replenishment.js';
import { repeatEvery, type StopJob } from './app/jobs/repeat.js';
import { planScheduledWaves } from './app/jobs/scheduled-waves.js';
import { redactUrl, type Config } from './config.js';

/** Composition root: configuration → database (migrated) → application context. */
export async function openStore(config: Config): Promise<Database> {
  const database = openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize });
  await migrateToLatest(database);
  return database;
}

export function contextFor(database: Database): AppContext {
  return { database, now: () => new Date(), policies: DEFAULT_POLICIES };
}

/**
 * Seeds the demo wholesaler on first start (seconds) and makes sure its admin key and web
 * sign-ins exist — created and printed on the first start, even one interrupted later; named
 * by their files on every later one. Returns whether simulated history is still to be built.
 */
export async function prepareDemo(
  ctx: AppContext,
  config: Config,
  say: (line: string) => void,
): Promise<boolean> {
  const { seeded, history } = await planDemoHistory(ctx, config.demoHistoryDays);
  if (seeded.skus > 0)
    say(
      `Demo data loaded: ${seeded.skus} SKUs, ${seeded.warehouses} warehouses, ${seeded.locations} locations, ${seeded.customers} customers, ${seeded.orders} orders.`,
    );
  if (!(await isSeeded(ctx.database.db))) return false;
  await ensureDemoAdminKey(ctx, config.dataDir, say);
  await ensureDemoUsers(ctx, config.dataDir, say);
  const status = await demoHistoryStatus(ctx.database.db);
  return status?.building ?? (history !== undefined && history.through === null);
}

/**
 * Simulates the demo's history still to do (`config.demoHistoryDays` back to yesterday,
 * resumed where a start stopped), with a progress line per 10 % and a closing summary of
 * what was simulated.
 */
export async function buildDemoHistory(ctx: AppContext, say: (line: string) => void) {
  const { simulatedDays, history, summary } = await continueDemoHistory(ctx, {
    onStart: (days) =>
      say(
        `Simulating ${days} days of trading for the demo, once (DEMO_HISTORY_DAYS sets the days)…`,
      ),
    onDay: historyProgress(say),
  });
  if (!summary || !history) return;
  say(demoHistorySummary(simulatedDays, history.startDate, summary));
}

/** Seed, keys and the whole history in the foreground: `stockline seed`, and before workers fork. */
export async function ensureDemo(ctx: AppContext, config: Config, say: (line: string) => void) {
  if (await prepareDemo(ctx, config, say)) await buildDemoHistory(ctx, say);
}

export async function serve(config: Config, options: { demo: boolean }) {
  const database = await openStore(config);
  const ctx = contextFor(database);
  const say = (line: string) => console.log(line);
  const historyToBuild = options.demo && (await prepareDemo(ctx, config, say));
  const app = await buildServer(ctx, {
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
  });
  const logError = (job: string) => (error: unknown) =>
    app.log.error({ err: error, job }, 'scheduled job failed');
  const startJobs = (): StopJob[] => [
    repeatEvery(
      config.backorderSweepSeconds,
      (keepGoing) => sweepBackorders(ctx, logError('backorders'), keepGoing),
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
    // Lots past their expiry leave sellable bins; hourly ticks catch the day turning.
    repeatEvery(3600, (keepGoing) => quarantineExpiredLots(ctx, keepGoing), logError('expiry')),
    // At most once per UTC day, under a lease: hourly ticks only catch a missed start.
    repeatEvery(3600, () => dailyReplenishmentJob(ctx), logError('replenishment')),
    // KPI snapshots and aggregates, read up to a minute behind so late commits are not skipped.
    repeatEvery(
      300,
      () => refreshKpiAggregates(ctx, new Date(ctx.now().getTime() - 60_000)),
      logError('kpis'),
    ),
    repeatEvery(config.webhookEverySeconds, () => deliverWebhooks(ctx), logError('webhooks')),
    // Shipments a stopped process left reserved but never booked with the carrier.
    repeatEvery(60, () => bookStalledShipments(ctx, defaultCarriers()), logError('bookings')),
  ];
  // While the demo's past is simulated on its own clock, the scheduled jobs (waves,
  // replenishment, counts on today's clock) wait: they would act in the middle of that past.
  const stopJobs: StopJob[] = historyToBuild ? [] : startJobs();
  const { ediDir } = config;
  if (ediDir)
    stopJobs.push(
      repeatEvery(
        config.ediPollSeconds,
        () => withLease(database, 'edi-folder', {}, () => pollEdiFolder(ctx, ediDir)),
        logError('edi'),
      ),
    );
  // The NATS client loads only when configured (an idle server without it need not hold it).
  const nats = config.natsUrl
    ? await (await import('./adapters/nats/jetstream-sink.js')).openNatsSink(config.natsUrl)
    : undefined;
  if (nats)
    stopJobs.push(
      repeatEvery(1, () => nats.publishPending(ctx.database, ctx.now), logError('nats')),
    );
  let stopping: Promise<void> | undefined;
  // SIGINT from a terminal reaches every worker as well as the primary's SIGTERM: stop once.
  const shutdown = (signal: string) => (stopping ??= stopServing(signal));
  const stopServing = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // No new ticks; runs in progress end at their next unit. Meanwhile the HTTP server stops
    // accepting and drains the requests in flight. Only then may the pool close.
    await Promise.all([...stopJobs.map((stop) => stop()), app.close()]);
    await nats?.close();
    await database.close();
    app.log.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Start-up grew V8's young generation to its full 32 MB; a quiet server gives it back.
  const stopTrim = trimYoungGenerationWhenQuiet();
  stopJobs.push(() => Promise.resolve(stopTrim()));
  app.log.info(
    { database: redactUrl(config.databaseUrl), dialect: database.dialect },
    'Stockline is serving',
  );
  console.log(
    `Stockline is running at http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`,
  );
  if (historyToBuild) {
    say('The demo history is being built in the background; /health and the web app show how far.');
    void buildDemoHistory(ctx, say).then(
      () => {
        if (!stopping) stopJobs.push(...startJobs());
      },
      (error: unknown) => {
        // A stop cuts the build short: each simulated day is saved, the next start resumes.
        if (stopping) app.log.info('demo history interrupted by the stop; resumes on next start');
        else app.log.error({ err: error }, 'building the demo history failed');
      },
    );
  }
  return app;
}
