import { spawn } from 'node:child_process';
import { timed, type DrillOptions, type DrillResult } from './drill-result.js';

/**
 * Drills that are also vitest tests (the model-based ledger test, the security matrices): run
 * in one vitest child (one file, or several) with the drill's sizes in the environment; figures
 * are the lines the tests print as JSON when DRILL_FIGURES is set, and vitest's own verdict.
 */
export function vitestDrill(
  drill: string,
  files: string | readonly string[],
  env: Record<string, string>,
  options: DrillOptions,
): Promise<DrillResult> {
  return timed(drill, async (figures, failures) => {
    const only: Record<string, string> = options.dialects.includes('postgres')
      ? {}
      : { STOCKLINE_TEST_PG: '0' };
    const list = typeof files === 'string' ? [files] : [...files];
    const { code, output } = await runVitest(list, { ...env, ...only, DRILL_FIGURES: '1' });
    const lines = output.split('\n').filter((l) => l.startsWith('{"'));
    figures.reports = lines.map((l) => JSON.parse(l) as unknown);
    const tests = /Tests\s+(.*)/.exec(output);
    figures.tests = tests?.[1]?.trim();
    if (code !== 0) failures.push(`vitest exited ${code}:\n${output.slice(-4000)}`);
  });
}

function runVitest(files: string[], env: Record<string, string>) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...files], {
      env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
