/**
 * idle_rss_mb_100k_skus: the resident memory of an idle server over a catalog of 100,000
 * SKUs on SQLite. The SKUs are bulk-loaded straight through the writer in this process; the
 * server then runs in a child process of its own (so the load's garbage does not count):
 * buildServer, listen, one GET /health, a few seconds idle, then process.memoryUsage().rss.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/adapters/db/database.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import { buildServer } from '../src/adapters/http/server.js';
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { skuRow } from './support/fixtures.js';
import { emit, log, scaled } from './support/report.js';

const SKUS = scaled(100_000);
const CHUNK = 1_000;
const IDLE_MS = 5_000;

/** The child: serve the store at `url`, go idle, report RSS in MB on stdout. */
async function serveAndMeasure(url: string): Promise<void> {
  const database = openDatabase({ url });
  const app = await buildServer(
    { database, now: () => new Date(), policies: DEFAULT_POLICIES },
    { logLevel: 'warn' },
  );
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const health = await fetch(`${base}/health`);
  if (!health.ok) throw new Error(`/health answered ${health.status}`);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await app.close();
  await database.close();
  process.stdout.write(`${rssMb.toFixed(1)}\n`);
}

async function main(): Promise<void> {
  // A store of our own rather than withStore: the child process needs the file's path.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-bench-rss-'));
  const url = path.join(dir, 'stockline.db');
  try {
    const database = openDatabase({ url });
    await migrateToLatest(database);
    const started = performance.now();
    for (let from = 0; from < SKUS; from += CHUNK) {
      const rows = [];
      for (let i = from; i < Math.min(SKUS, from + CHUNK); i++)
        rows.push(skuRow(`RSS-${String(i).padStart(6, '0')}`, i % 5 === 0));
      await database.writer.insertInto('skus').values(rows).execute();
    }
    await database.close();
    log(`${SKUS} SKUs loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', url],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`server child exited ${child.status ?? child.signal}`);
    const rss = Number(child.stdout.trim().split('\n').pop());
    log(`idle server RSS ${rss} MB`);
    emit({ idle_rss_mb_100k_skus: rss });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serveAndMeasure(process.argv[3]!);
else await main();
