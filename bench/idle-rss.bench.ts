/**
 * idle_rss_mb_100k_skus: the resident memory of an idle server over a catalog of 100,000
 * SKUs on SQLite, measured on the built server as users run it (`npm run build`, then
 * `node dist/cli/main.js serve`). The SKUs are bulk-loaded straight through the writer in
 * this process; the server runs in a child process of its own: it listens, answers one GET
 * /health, idles a few seconds, and its RSS is read from /proc (or `ps`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/adapters/db/database.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import { skuRow } from './support/fixtures.js';
import { emit, log, scaled } from './support/report.js';

const SKUS = scaled(100_000);
const CHUNK = 1_000;
const IDLE_MS = 5_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident set size of a process in MB: /proc on Linux, `ps` elsewhere. */
function rssMbOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return (
    Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout) / 1024
  );
}

/** The built server on the store at `url`: listen, one /health, idle, its RSS in MB. */
async function serveAndMeasure(url: string): Promise<number> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, ['dist/cli/main.js', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(200);
    }
    await sleep(IDLE_MS);
    return rssMbOf(server.pid!);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
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
    if (!fs.existsSync(path.join(root, 'dist/cli/main.js')) || process.env.BENCH_BUILD !== '0') {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error(`npm run build exited ${build.status}`);
    }
    const rss = Math.round((await serveAndMeasure(url)) * 10) / 10;
    log(`idle server RSS ${rss} MB`);
    emit({ idle_rss_mb_100k_skus: rss });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
