/**
 * The protocol between a bench file and bench/run.ts: progress goes to stderr, and the last
 * line on stdout is one JSON object of metric name → number, or null for a metric that could
 * not be measured (PostgreSQL unreachable).
 */
export type Metrics = Record<string, number | null>;

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Loud, so a skipped PostgreSQL half is not mistaken for a passing run. */
export function warnLoudly(message: string): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! ${message}\n${bar}\n\n`);
}

export function emit(metrics: Metrics): void {
  process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

/** BENCH_SCALE=0.1 shrinks every workload (for trying the harness out); results are then not comparable. */
export function scaled(count: number): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(1, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
