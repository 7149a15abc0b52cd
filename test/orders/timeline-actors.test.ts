import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import { actorNames } from '../../src/app/users/actor-names.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

describe.each(dialects)('actor names on timelines (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(() => store.drop());

  it('reads a user as name and email, a key by its name, anything else as stored', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const user = await store.database.writer
      .insertInto('users')
      .values({
        email: 'ana@example.com',
        name: 'Ana Pick',
        role: 'warehouse',
        customer_id: null,
        password_hash: 'x',
        active: 1,
        created_at: now.toISOString(),
        last_sign_in_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const key = await createApiKey(store.database, { role: 'sales', name: 'ERP bridge' }, now);
    if (!key.ok) throw new Error(key.error.message);
    const actors = [`user:${user.id}`, `key:${key.value.id}`, 'system', 'user:999', 'user:x'];
    const names = await actorNames(store.database.db, actors);
    expect(Object.fromEntries(names)).toEqual({
      [`user:${user.id}`]: 'Ana Pick <ana@example.com>',
      [`key:${key.value.id}`]: 'API key “ERP bridge”',
      system: 'system',
      'user:999': 'user:999',
      'user:x': 'user:x',
    });
  });
});
