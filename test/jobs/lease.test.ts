import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLease, takeLease, withLease } from '../../src/app/jobs/lease.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

describe.each(dialects)('job leases on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());
  const t0 = new Date('2026-06-10T12:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it('gives a free lease to one holder; the other is refused until it expires', async () => {
    const db = store.database;
    expect(await takeLease(db, 'run', 'a', 60_000, t0)).toBe(true);
    expect(await takeLease(db, 'run', 'b', 60_000, later(1_000))).toBe(false);
    expect(await takeLease(db, 'run', 'a', 60_000, later(2_000))).toBe(true); // renewal
    expect(await takeLease(db, 'run', 'b', 60_000, later(61_000))).toBe(false); // renewed at +2s
    expect(await takeLease(db, 'run', 'b', 60_000, later(62_001))).toBe(true); // expired
    await releaseLease(db, 'run', 'a'); // not a's any more: no effect
    expect(await takeLease(db, 'run', 'a', 60_000, later(63_000))).toBe(false);
    await releaseLease(db, 'run', 'b');
    expect(await takeLease(db, 'run', 'a', 60_000, later(64_000))).toBe(true);
    await releaseLease(db, 'run', 'a');
  });

  it('runs the work in exactly one of many concurrent callers', async () => {
    let inside = 0;
    let ran = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const callers = Array.from({ length: 8 }, (_, i) =>
      withLease(store.database, 'replenishment-test', { holder: `h${i}` }, async () => {
        inside++;
        ran++;
        await gate;
        inside--;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(inside).toBe(1);
    release();
    const results = await Promise.all(callers);
    expect(ran).toBe(1);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    // Released afterwards: the next caller gets it.
    expect(
      await withLease(store.database, 'replenishment-test', { holder: 'x' }, async () => 7),
    ).toBe(7);
  });
});
