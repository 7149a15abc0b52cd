import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportRows } from '../../src/app/imports/export-rows.js';

/** Far more rows than the reader takes (bounded, so a failing run ends), counting pulls. */
const ROWS = 100_000;
function endless() {
  const pulled = { count: 0 };
  async function* rows() {
    while (pulled.count < ROWS) {
      pulled.count += 1;
      yield { sku: `SKU-${pulled.count}`, name: 'x'.repeat(200) };
    }
  }
  return { rows: rows(), pulled };
}

describe('an export whose reader hangs up', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`stops reading rows and settles (${format})`, async () => {
      const { rows, pulled } = endless();
      const out = new PassThrough();
      let received = 0;
      out.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 64 * 1024) out.destroy();
      });
      await exportRows(rows, ['sku', 'name'], format, out).catch(() => undefined);
      expect(out.destroyed).toBe(true);
      expect(pulled.count).toBeLessThan(ROWS / 2);
      const after = pulled.count;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pulled.count).toBe(after);
    }, 20_000);
  }
});
