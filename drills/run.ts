import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crashDrill } from './crash.js';
import { defaultDialects, type DrillOptions, type DrillResult } from './drill-result.js';
import { fuzzDrill } from './fuzz.js';
import { idempotencyDrill } from './idempotency-crash.js';
import { oversellDrill } from './oversell.js';
import { vitestDrill } from './vitest-drill.js';

/**
 * `npm run drills` (short form, for CI: all drills in about three minutes on two cores) and
 * `npm run drills -- --long` (the full sizes). `--only oversell,model` picks drills.
 * Prints each drill's figures, writes drills/results.json, exits 1 if any drill failed.
 */
const DRILLS: Record<string, (options: DrillOptions) => Promise<DrillResult>> = {
  oversell: oversellDrill,
  crash: crashDrill,
  idempotency: idempotencyDrill,
  model: (o) =>
    vitestDrill(
      'model',
      'test/inventory/ledger.model.test.ts',
      { LEDGER_MODEL_RUNS: o.long ? '1000' : '100' },
      o,
    ),
  security: (o) =>
    vitestDrill(
      'security',
      ['test/http/security-matrix.test.ts', 'test/http/role-matrix.test.ts'],
      {},
      o,
    ),
  fuzz: fuzzDrill,
};

async function main() {
  const args = process.argv.slice(2);
  const long = args.includes('--long');
  const onlyAt = args.indexOf('--only');
  const names = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : Object.keys(DRILLS);
  const unknown = names.filter((n) => !DRILLS[n]);
  if (unknown.length > 0) throw new Error(`Unknown drills: ${unknown.join(', ')}`);
  const options: DrillOptions = { long, dialects: defaultDialects() };
  const results: DrillResult[] = [];
  for (const name of names) {
    const result = await DRILLS[name]!(options);
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), long, results }, null, 2)}\n`,
  );
  const failed = results.filter((r) => !r.ok);
  console.log(
    failed.length === 0
      ? `All ${results.length} drills passed.`
      : `${failed.length} drill(s) failed: ${failed.map((r) => r.drill).join(', ')}`,
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
