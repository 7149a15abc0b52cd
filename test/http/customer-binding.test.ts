import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { customerRow } from '../support/fixtures.js';

/** Issue 17, item 2: a key or user is bound only to an account that exists, and only if a customer. */
describe.each(dialects)('binding keys and users to customer accounts on %s', (dialect) => {
  let api: TestApi;
  let customerId: number;
  let userId: number;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    customerId = (
      await api.store.database.write((trx) =>
        trx
          .insertInto('customers')
          .values(customerRow('BOUND'))
          .returning('id')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    const user = await post('/users', {
      email: 'buyer@example.com',
      name: 'Buyer',
      role: 'customer',
      password: 'a long enough password',
      customerId,
    });
    expect(user.statusCode, user.body).toBe(201);
    userId = user.json().id;
  });
  afterAll(async () => api?.close());

  const post = (url: string, payload: object) =>
    api.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: api.as('admin'), payload });
  const count = async (table: 'api_keys' | 'users') =>
    Number(
      (
        await api.store.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a customer key for an account that does not exist yet (it would open it later)', async () => {
    const before = await count('api_keys');
    const future = customerId + 1;
    const response = await post('/api-keys', { role: 'customer', customerId: future });
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json()).toMatchObject({ code: 'CUSTOMER.NOT_FOUND', field: 'customerId' });
    expect(await count('api_keys')).toBe(before);
  });

  it('refuses a customer id on a staff key', async () => {
    const before = await count('api_keys');
    const response = await post('/api-keys', { role: 'sales', customerId });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'AUTH.CUSTOMER_NOT_ALLOWED',
      field: 'customerId',
    });
    expect(await count('api_keys')).toBe(before);
  });

  it('still binds a customer key to an account that exists', async () => {
    const response = await post('/api-keys', { role: 'customer', customerId });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses a user for an unknown account (was a 500 from the foreign key) and a staff user with one', async () => {
    const before = await count('users');
    const unknown = await post('/users', {
      email: 'ghost@example.com',
      name: 'Ghost',
      role: 'customer',
      password: 'a long enough password',
      customerId: customerId + 100,
    });
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(unknown.json().code).toBe('CUSTOMER.NOT_FOUND');
    const staff = await post('/users', {
      email: 'clerk@example.com',
      name: 'Clerk',
      role: 'sales',
      password: 'a long enough password',
      customerId,
    });
    expect(staff.statusCode, staff.body).toBe(422);
    expect(staff.json().code).toBe('USERS.CUSTOMER_NOT_ALLOWED');
    expect(await count('users')).toBe(before);
  });

  it('refuses moving a user to an unknown account, and changes nothing', async () => {
    const patch = (payload: object) =>
      api.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${userId}`,
        headers: api.as('admin'),
        payload,
      });
    const unknown = await patch({ customerId: customerId + 100, name: 'Renamed' });
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(unknown.json().code).toBe('CUSTOMER.NOT_FOUND');
    const users = await api.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: api.as('admin'),
    });
    const user = users.json().items.find((u: { id: number }) => u.id === userId);
    expect(user).toMatchObject({ name: 'Buyer', customerId });
    // Becoming staff drops the account without the caller having to send null.
    const staff = await patch({ role: 'sales' });
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json().customerId).toBeNull();
  });
});
