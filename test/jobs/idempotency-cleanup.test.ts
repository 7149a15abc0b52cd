import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetOldIdempotencyKeys } from '../../src/app/jobs/idempotency-cleanup.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

describe.each(dialects)('idempotency key retention on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  it('forgets keys older than 48 hours and keeps the rest', async () => {
    const now = new Date('2026-06-10T12:00:00Z');
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
    await store.database.write((trx) =>
      trx
        .insertInto('idempotency_keys')
        .values(
          [1, 47, 49, 200].map((h) => ({
            api_key_id: 1,
            key: `k${h}`,
            request_hash: 'h',
            status_code: 201,
            response_body: '{}',
            created_at: at(h),
          })),
        )
        .execute(),
    );
    expect(await forgetOldIdempotencyKeys(store.database, now)).toBe(2);
    const left = await store.database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .orderBy('key')
      .execute();
    expect(left.map((r) => r.key)).toEqual(['k1', 'k47']);
  });
});
