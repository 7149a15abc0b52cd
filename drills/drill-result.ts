import type { DialectName } from '../src/adapters/db/database.js';
import { dialects } from '../test/support/databases.js';

/** One drill's outcome: its figures (printed and written to drills/results.json) and failures. */
export interface DrillResult {
  drill: string;
  ok: boolean;
  seconds: number;
  figures: Record<string, unknown>;
  failures: string[];
}

export interface DrillOptions {
  /** The full sizes instead of the short CI form. */
  long: boolean;
  dialects: DialectName[];
}

export const defaultDialects = (): DialectName[] => dialects;

/** Times `work`, which fills in figures and failures, and never lets an exception escape. */
export async function timed(
  drill: string,
  work: (figures: Record<string, unknown>, failures: string[]) => Promise<void>,
): Promise<DrillResult> {
  const started = Date.now();
  const figures: Record<string, unknown> = {};
  const failures: string[] = [];
  try {
    await work(figures, failures);
  } catch (error) {
    failures.push(
      `crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { drill, ok: failures.length === 0, seconds, figures, failures };
}

/** mulberry32: the same "random" choices on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
