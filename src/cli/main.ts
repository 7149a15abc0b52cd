#!/usr/bin/env node
import { Command } from 'commander';
import { createApiKey, revokeApiKey } from '../app/auth/api-keys.js';
import { reconcile } from '../app/inventory/reconcile.js';
import { readConfig } from '../config.js';
import { contextFor, ensureDemo, openStore } from '../main.js';
import { ediCommand } from './edi-command.js';
import { importCommand } from './import-command.js';
import { simulateCommand } from './simulate-command.js';
import { serveWorkers } from './workers.js';

const program = new Command('stockline').description(
  'Order fulfillment and inventory management for wholesale distributors',
);

program
  .command('serve')
  .description('Migrate the database and serve the API and web app')
  .option('--demo', 'seed the demo pet-supplies wholesaler on first start')
  .option('-p, --port <port>', 'port (default: $PORT or 3000)')
  .option('-w, --workers <n>', 'server processes on one port (PostgreSQL only; default 1)')
  .action(async (options: { demo?: boolean; port?: string; workers?: string }) => {
    const config = readConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
    const workers = Number(options.workers ?? 1);
    if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be 1 or more');
    await serveWorkers(config, { demo: options.demo ?? false, workers });
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(() =>
    withStore(async () => {
      console.log('Schema is up to date.');
    }),
  );

program
  .command('seed')
  .description('Load the demo pet-supplies wholesaler (does nothing if already loaded)')
  .action(() => withStore((ctx, config) => ensureDemo(ctx, config, (line) => console.log(line))));

const keys = program.command('keys').description('API keys');
keys
  .command('create')
  .requiredOption('--role <role>', 'admin, manager, planner, sales, warehouse or customer')
  .option('--name <name>', 'a label for the key')
  .option('--customer <id>', 'customer account id (customer role only)')
  .description('Create an API key; it is printed once')
  .action((options: { role: string; name?: string; customer?: string }) =>
    withStore(async (ctx) => {
      const created = await createApiKey(
        ctx.database,
        {
          role: options.role,
          name: options.name,
          customerId: options.customer ? Number(options.customer) : null,
        },
        ctx.now(),
      );
      if (!created.ok) return fail(created.error.message);
      console.log(created.value.key);
    }),
  );
keys
  .command('list')
  .description('List API keys (never the keys themselves)')
  .action(() =>
    withStore(async (ctx) => {
      const rows = await ctx.database.db.selectFrom('api_keys').selectAll().orderBy('id').execute();
      for (const r of rows)
        console.log(
          `${r.id}\t${r.role}\t${r.prefix}…\t${r.name}${r.revoked_at ? '\t(revoked)' : ''}`,
        );
    }),
  );
keys
  .command('revoke <id>')
  .description('Revoke an API key')
  .action((id: string) =>
    withStore(async (ctx) => {
      const result = await revokeApiKey(ctx.database, Number(id), ctx.now());
      if (!result.ok) return fail(result.error.message);
      console.log(`Revoked key ${id}.`);
    }),
  );

program
  .command('reconcile')
  .description('Recompute balances from the movements; exit 1 on any difference')
  .option('--json', 'print the report as JSON')
  .action((options: { json?: boolean }) =>
    withStore(async (ctx) => {
      const report = await reconcile(ctx.database.db);
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(
          `${report.movements} movements, ${report.balances} balances, ${report.skus} SKUs checked.`,
        );
        for (const d of report.differences)
          console.log(
            `${d.kind}\tsku ${d.skuId}\tlocation ${d.locationId ?? '-'}\tlot ${d.lotId ?? '-'}\t${d.message}`,
          );
        console.log(
          report.ok
            ? 'Ledger reconciles: no differences.'
            : `${report.differences.length} difference(s) found.`,
        );
      }
      if (!report.ok) process.exitCode = 1;
    }),
  );

type Work = (
  ctx: ReturnType<typeof contextFor>,
  config: ReturnType<typeof readConfig>,
) => Promise<void>;

async function withStore(work: Work) {
  const config = readConfig();
  const database = await openStore(config);
  try {
    await work(contextFor(database), config);
  } finally {
    await database.close();
  }
}

function fail(message: string) {
  console.error(message);
  process.exitCode = 1;
}

program.addCommand(importCommand);
program.addCommand(ediCommand);
program.addCommand(simulateCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
