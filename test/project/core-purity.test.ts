import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the core-imports rule for `code` as if it were the file `file`. */
async function refusals(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'stockline/core-imports')
    .map((m) => m.message);
}

describe('src/core stays pure (ESLint allow-list)', () => {
  it('refuses packages that are not on the list, and paths that leave src/core', async () => {
    const code = [
      "import net from 'node:net';",
      "import ExcelJS from 'exceljs';",
      "import PDFDocument from 'pdfkit';",
      "import type { Kysely } from 'kysely';",
      "import { x } from '../../app/orders/place-order.js';",
      "export * from '../../adapters/db/database.js';",
      'export const all = [net, ExcelJS, PDFDocument, x];',
      'export type K = Kysely<never>;',
    ].join('\n');
    expect(await refusals(code, 'src/core/orders/bad.ts')).toHaveLength(6);
  });

  it('lets the core import itself, node:crypto, and test tools in tests only', async () => {
    const code = [
      "import crypto from 'node:crypto';",
      "import { ok } from '../shared/result.js';",
      "import { addDays } from '../../kpis/periods.js';",
      'export const all = [crypto, ok, addDays];',
    ].join('\n');
    expect(await refusals(code, 'src/core/planning/forecast/fine.ts')).toEqual([]);
    const test = "import { it } from 'vitest';\nit('x', () => undefined);\n";
    expect(await refusals(test, 'src/core/orders/fine.test.ts')).toEqual([]);
    expect(await refusals(test, 'src/core/orders/not-a-test.ts')).toHaveLength(1);
  });
});
