import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/** How often the trim looks at the event loop. */
const CHECK_EVERY_MS = 2_000;
/** A loop busy less than this share of a check interval is quiet. */
const QUIET_UTILIZATION = 0.01;
/** Young-generation memory held but unused that is worth a full GC (~40 ms, when quiet) to give back. */
const WORTH_TRIMMING_BYTES = 8 * 1024 * 1024;
/** A GC that did not shrink it is retried after at most 2^6 check intervals. */
const MAX_BACKOFF_DOUBLINGS = 6;

/** V8's young generation (the two semi-spaces new objects are made in), in bytes. */
export interface YoungGeneration {
  committedBytes: number;
  usedBytes: number;
}

/** The young generation now: what V8 holds for it, and how much of that is in use. */
export function youngGeneration(): YoungGeneration {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return {
    committedBytes: space?.physical_space_size ?? 0,
    usedBytes: space?.space_used_size ?? 0,
  };
}

/** Whether a check interval this busy, with this young generation, calls for a GC. */
export function shouldTrim(loopUtilization: number, young: YoungGeneration): boolean {
  return (
    loopUtilization < QUIET_UTILIZATION &&
    young.committedBytes - young.usedBytes >= WORTH_TRIMMING_BYTES
  );
}

/**
 * Gives the young generation back when the process has gone quiet. V8 grows it while the
 * process allocates fast (start-up, a burst of orders) up to 2 × 16 MB, and shrinks it only at
 * a full GC that finds the allocation rate low; a quiet server runs no GC at all, so it kept
 * ~30 MB reserved and nearly empty for as long as it stayed idle (most of the gap between an
 * idle server and the 120 MB target). Under load the young generation keeps its full size:
 * `--max-semi-space-size=2` would cap it for good, at the price of ~8× as many scavenges and
 * short-lived request objects promoted to the old generation.
 *
 * Each quiet check interval (event loop busy < 1 %) with ≥ 8 MB of the young generation unused
 * runs one full GC (~40–70 ms), then rests until the young generation has grown again. A GC
 * that did not shrink it (V8 still saw a high allocation rate) is retried after 2, 4, … 64
 * intervals, so an idle process never runs a full GC every interval. Returns the stop function.
 */
export function trimYoungGenerationWhenQuiet(checkEveryMs = CHECK_EVERY_MS): () => void {
  const collect = quietCollection();
  let since = performance.eventLoopUtilization();
  let failures = 0;
  let skipChecks = 0;
  const timer = setInterval(() => {
    const { utilization } = performance.eventLoopUtilization(since);
    if (skipChecks > 0) skipChecks--;
    else if (shouldTrim(utilization, youngGeneration())) {
      collect();
      const trimmed = !shouldTrim(0, youngGeneration());
      failures = trimmed ? 0 : Math.min(failures + 1, MAX_BACKOFF_DOUBLINGS);
      skipChecks = trimmed ? 0 : 2 ** failures;
    }
    // The GC's own pause is not load: the next interval is measured from here.
    since = performance.eventLoopUtilization();
  }, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A full GC that V8 follows by shrinking the young generation. V8 judges the allocation rate
 * from its last (up to ten) GCs, which right after a busy spell still include that spell's;
 * ten scavenges of the near-empty young generation first (well under a millisecond together)
 * make the estimate cover only the quiet interval.
 */
function quietCollection(): () => void {
  const gc = exposedGc();
  return () => {
    for (let i = 0; i < 10; i++) gc({ type: 'minor' });
    gc();
  };
}

/**
 * V8's `gc()` without `--expose-gc` on the command line (users start `node dist/cli/main.js`
 * or `stockline`, with no flags): the flag is set, a fresh context receives the function, and
 * the flag is unset again so no later context (nor this one) has a global `gc`.
 */
function exposedGc(): (options?: { type: 'minor' | 'major' }) => void {
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
