/**
 * Runs the benchmarks: every bench/*.bench.ts (or those whose name contains one of the
 * arguments: `npm run bench -- ledger`), each in its own Node process so one's heap and
 * caches do not colour the next. Writes bench/results.json (metric → number) and
 * bench/results.md (the table and the machine), and prints the table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { warnLoudly, type Metrics } from './support/report.js';
import { PG_URL, postgresVersion } from './support/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();
if (files.length === 0) {
  console.error(`No bench/*.bench.ts matches ${filters.join(', ')}`);
  process.exit(1);
}

const pgVersion = await postgresVersion();
if (!pgVersion)
  warnLoudly(`PostgreSQL at ${PG_URL} is unreachable: every *_pg metric will be MISSING`);

const measured: Metrics = {};
const failed: string[] = [];
for (const file of files) {
  console.error(`▶ ${file}`);
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    if (child.status !== 0) throw new Error(`exit ${child.status ?? child.signal}`);
    Object.assign(measured, JSON.parse(last) as Metrics);
    console.error(`✔ ${file} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed.push(file);
    console.error(`✘ ${file} FAILED: ${(error as Error).message}\n`);
  }
}

// A filtered run updates its own metrics and keeps the others from the previous results.
const resultsPath = path.join(here, 'results.json');
const previous: Record<string, number> =
  filters.length > 0 && fs.existsSync(resultsPath)
    ? JSON.parse(fs.readFileSync(resultsPath, 'utf8'))
    : {};
const results: Record<string, number> = { ...previous };
const missing = Object.keys(measured).filter((name) => measured[name] === null);
for (const [name, value] of Object.entries(measured)) {
  if (value === null) delete results[name];
  else results[name] = value;
}
const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));

const rows = [...Object.keys(sorted), ...missing].sort();
const table = [
  '| metric | value |',
  '| --- | ---: |',
  ...rows.map((name) => {
    const value = name in measured ? measured[name] : sorted[name];
    const note = name in measured ? '' : ' (previous run)';
    return `| ${name} | ${value === null || value === undefined ? '**MISSING**' : value.toLocaleString('en-US')}${note} |`;
  }),
].join('\n');
const machine = [
  `- date: ${new Date().toISOString()}`,
  `- benches run: ${files.join(', ')}${failed.length ? ` (FAILED: ${failed.join(', ')})` : ''}`,
  `- cpu: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown'}`,
  `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- os: ${os.type()} ${os.release()} ${os.arch()}`,
  `- node: ${process.version}`,
  `- sqlite: ${sqliteVersion()} (better-sqlite3, WAL synced after each group commit, in ${os.tmpdir()})`,
  `- postgresql: ${pgVersion ?? 'UNREACHABLE'}`,
].join('\n');
// A scaled-down run is for trying the harness; it must not become anyone's baseline.
if (process.env.BENCH_SCALE) {
  warnLoudly(`BENCH_SCALE=${process.env.BENCH_SCALE}: reduced workloads, results NOT written`);
} else {
  fs.writeFileSync(resultsPath, `${JSON.stringify(sorted, null, 2)}\n`);
  fs.writeFileSync(
    path.join(here, 'results.md'),
    `# Stockline benchmarks\n\n${table}\n\n## Machine\n\n${machine}\n`,
  );
}

console.log(`${table}\n\n${machine}`);
if (missing.length > 0) warnLoudly(`MISSING metrics (not measured): ${missing.join(', ')}`);
if (failed.length > 0) {
  warnLoudly(`FAILED benchmarks: ${failed.join(', ')}`);
  process.exitCode = 1;
}

function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}
