/**
 * first_start_s: a newcomer's `npm start` after `npm ci`, from a fresh data directory to the
 * first 200 from /health: `npm run build`, then the built server (`node dist/cli/main.js
 * serve --demo`) with the default history (DEMO_HISTORY_DAYS unset: a year). The server
 * answers while the history is simulated behind it; with BENCH_FIRST_START_HISTORY=1 the bench
 * also waits for the history to finish (`first_start_history_s`, many minutes).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, log } from './support/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 3000 + Math.floor(Math.random() * 2000) + 4000;

interface Health {
  status: string;
  history?: { building: boolean };
}

async function health(): Promise<Health | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${PORT}/health`);
    return response.ok ? ((await response.json()) as Health) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-bench-first-start-'));
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build exited ${build.status}`);
  log(`built in ${seconds()} s`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(PORT) };
  delete env.DATABASE_URL;
  delete env.DEMO_HISTORY_DAYS;
  const server = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--demo'], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  try {
    let first: Health | undefined;
    while (!(first = await health())) {
      if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}`);
      await sleep(200);
    }
    const firstStart = seconds();
    log(`/health answered after ${firstStart} s: ${JSON.stringify(first)}`);
    const metrics: Record<string, number> = { first_start_s: firstStart };
    if (process.env.BENCH_FIRST_START_HISTORY === '1') {
      // /health drops `history` once it is built.
      while ((await health())?.history?.building) await sleep(2_000);
      metrics.first_start_history_s = seconds();
    }
    emit(metrics);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
