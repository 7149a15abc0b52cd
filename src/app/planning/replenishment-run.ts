import crypto from 'node:crypto';
import type { Database } from '../../adapters/db/database.js';
import type { AppContext } from '../context.js';
import { PROCESS_HOLDER, withLease } from '../jobs/lease.js';
import { executeRun } from './run-steps.js';

/** The lease every replenishment run holds, in any process sharing the database. */
export const REPLENISHMENT_LEASE = 'replenishment';
/** Renewed every third of this while the run works; a crashed holder frees it after this long. */
const LEASE_TTL_MS = 120_000;

export interface RunRequest {
  trigger: 'manual' | 'schedule';
  warehouseId?: number | null | undefined;
  actor: string;
  /** Checked under the lease before a run row exists; false: nothing to do (not busy). */
  shouldRun?: (database: Database) => Promise<boolean>;
}

export type RunStart =
  | { status: 'started'; runId: number; finished: Promise<void> }
  | { status: 'busy'; runningRunId: number | null }
  | { status: 'skipped' };

/**
 * Starts a replenishment run in the background of this process and resolves as soon as the run
 * row exists (status running). Only one run at a time anywhere: when another holds the lease
 * the answer is `busy` with that run's id. `finished` settles when the run is done or failed
 * (it never rejects: a failure is recorded on the run row).
 */
export function startReplenishmentRun(ctx: AppContext, request: RunRequest): Promise<RunStart> {
  const { database } = ctx;
  return new Promise<RunStart>((resolve, reject) => {
    let announced = false;
    const announce = (start: RunStart) => {
      announced = true;
      resolve(start);
    };
    // A holder per attempt: the lease is re-entrant for its holder, and two requests in this
    // same process must exclude each other as much as two processes do.
    const holder = `${PROCESS_HOLDER}:${crypto.randomUUID()}`;
    const leased = withLease(
      database,
      REPLENISHMENT_LEASE,
      { holder, ttlMs: LEASE_TTL_MS, now: ctx.now },
      async () => {
        if (request.shouldRun && !(await request.shouldRun(database))) {
          announce({ status: 'skipped' });
          return;
        }
        const runId = await openRun(ctx, request);
        let finish!: () => void;
        announce({ status: 'started', runId, finished: new Promise<void>((r) => (finish = r)) });
        try {
          const suggestions = await executeRun(ctx, runId, request.warehouseId ?? null);
          await closeRun(database, runId, { status: 'done', suggestions }, ctx.now());
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await closeRun(database, runId, { status: 'failed', error: message }, ctx.now()).catch(
            () => undefined,
          );
        } finally {
          finish();
        }
      },
    );
    leased.then(
      async (value) => {
        if (value === undefined && !announced)
          announce({ status: 'busy', runningRunId: await runningRunId(database) });
      },
      (error: unknown) => (announced ? undefined : reject(error)),
    );
  });
}

/** Starts a run and waits for it; undefined when another run holds the lease or it was skipped. */
export async function runReplenishment(
  ctx: AppContext,
  request: RunRequest,
): Promise<number | undefined> {
  const start = await startReplenishmentRun(ctx, request);
  if (start.status !== 'started') return undefined;
  await start.finished;
  return start.runId;
}

/**
 * Opens the run row. Runs still marked running hold no lease (we have it), so their process
 * died mid-run: they are marked failed first.
 */
async function openRun(ctx: AppContext, request: RunRequest): Promise<number> {
  const nowIso = ctx.now().toISOString();
  return ctx.database.write(async (trx) => {
    await trx
      .updateTable('replenishment_runs')
      .set({
        status: 'failed',
        error: 'interrupted: the process running it stopped',
        finished_at: nowIso,
      })
      .where('status', '=', 'running')
      .execute();
    const row = await trx
      .insertInto('replenishment_runs')
      .values({
        status: 'running',
        trigger: request.trigger,
        warehouse_id: request.warehouseId ?? null,
        progress_done: 0,
        progress_total: 0,
        suggestions: 0,
        error: null,
        started_by: request.actor,
        started_at: nowIso,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  });
}

async function closeRun(
  database: Database,
  runId: number,
  outcome: { status: 'done'; suggestions: number } | { status: 'failed'; error: string },
  now: Date,
) {
  await database.write((trx) =>
    trx
      .updateTable('replenishment_runs')
      .set({ ...outcome, finished_at: now.toISOString() })
      .where('id', '=', runId)
      .execute(),
  );
}

async function runningRunId(database: Database): Promise<number | null> {
  const row = await database.db
    .selectFrom('replenishment_runs')
    .select('id')
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}
