import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../test/orders-concurrency/second-server.js';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL cluster of the drill's own, so it can be crashed with
 * `pg_ctl stop -m immediate` without touching the shared server at :5432. Trust auth, a free
 * port on 127.0.0.1, the unix socket and the data in one temp dir, removed by `destroy`.
 */
export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`; stores add `?schema=`. */
  url: string;
  /** `pg_ctl stop -m immediate`: every server process quits at once, no checkpoint (a crash). */
  crash(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections (after crash recovery, if any). */
  start(): Promise<void>;
  /** Stops the cluster (fast) and deletes its directory. */
  destroy(): Promise<void>;
}

/** initdb and start a new cluster; as root the PostgreSQL tools run as user `postgres`. */
export async function startPgCluster(): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: hand the directory to the postgres user.
  if (asRoot) await run('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const port = await freePort();
  const tool = async (name: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, name), ...args]]
      : [path.join(BIN, name), args];
    try {
      await run(file, argv, { timeout: 120_000 });
    } catch (error) {
      const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`${name} failed: ${(error as Error).message}\n${tail}`);
    }
  };
  const pgCtl = (...args: string[]) => tool('pg_ctl', ['-D', data, '-w', ...args]);
  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => pgCtl('stop', '-m', 'immediate'),
    start: () =>
      pgCtl('start', '-l', log, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`),
    async destroy() {
      await pgCtl('stop', '-m', 'fast').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
