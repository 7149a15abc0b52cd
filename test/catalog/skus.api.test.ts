import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dogFood, gtin13 } from './catalog-fixtures.js';

describe.each(dialects)('catalog SKUs over HTTP on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect, () => new Date('2025-03-01T08:00:00.000Z'));
  });
  afterAll(async () => api?.close());

  const post = (payload: unknown, headers: Record<string, string> = api.as('manager')) =>
    api.app.inject({ method: 'POST', url: '/api/v1/skus', headers, payload: payload as object });
  const get = (url: string, headers: Record<string, string> = api.as('warehouse')) =>
    api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const counts = async () => ({
    skus: (await api.store.database.db.selectFrom('skus').select('id').execute()).length,
    packs: (await api.store.database.db.selectFrom('sku_packs').select('id').execute()).length,
  });

  it('creates a SKU with its packs and reads it back by id and code', async () => {
    const created = await post(dogFood(1));
    expect(created.statusCode).toBe(201);
    const sku = created.json();
    expect(sku).toMatchObject({
      code: 'DOG-DRY-2KG-1',
      gtin: `0${dogFood(1).gtin}`,
      baseUnit: 'each',
      lotTracked: true,
      shelfLifeDays: 540,
      standardCostMinor: 649,
      currency: 'USD',
      active: true,
      createdAt: '2025-03-01T08:00:00.000Z',
    });
    expect(
      sku.packs.map((p: { level: string; quantity: number }) => [p.level, p.quantity]),
    ).toEqual([
      ['case', 4],
      ['pallet', 160],
    ]);
    expect((await get(`/skus/${sku.id}`)).json()).toEqual(sku);
    expect((await get('/skus/by-code/DOG-DRY-2KG-1')).json()).toEqual(sku);
    expect((await get('/skus/999999')).json().code).toBe('CATALOG.SKU_NOT_FOUND');
    expect((await get('/skus/by-code/NOPE')).statusCode).toBe(404);
  });

  it('refuses an invalid GTIN with a 422 problem and writes nothing', async () => {
    const before = await counts();
    const response = await post(dogFood(2, { gtin: '4006381333932' }));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'CATALOG.INVALID_GTIN', status: 422 });
    const badPacks = await post(dogFood(2, { packs: [{ level: 'case', quantity: 0 }] }));
    expect(badPacks.json().code).toBe('CATALOG.INVALID_PACKS');
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate code or GTIN with 409 and leaves nothing behind', async () => {
    expect((await post(dogFood(3))).statusCode).toBe(201);
    const before = await counts();
    const sameCode = await post(dogFood(4, { code: 'DOG-DRY-2KG-3' }));
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().code).toBe('CATALOG.SKU_ALREADY_EXISTS');
    // A new SKU whose pallet GTIN is already printed on SKU 3's pallet.
    const clash = dogFood(4, { packs: [dogFood(4).packs[0], dogFood(3).packs[1]] });
    const sameGtin = await post(clash, { ...api.as('admin'), 'idempotency-key': 'clash-1' });
    expect(sameGtin.statusCode).toBe(409);
    expect(sameGtin.json().code).toBe('CATALOG.GTIN_ALREADY_EXISTS');
    // An each GTIN that is another SKU's case GTIN is refused too: one GTIN, one meaning.
    const crossLevel = await post(dogFood(5, { gtin: dogFood(3).packs[0]!.gtin, packs: [] }));
    expect(crossLevel.json().code).toBe('CATALOG.GTIN_ALREADY_EXISTS');
    expect(await counts()).toEqual(before);
    expect((await get('/skus/by-code/DOG-DRY-2KG-4')).statusCode).toBe(404);
    const keys = await api.store.database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'clash-1')
      .execute();
    expect(keys).toEqual([]);
  });

  it('turns concurrent creates of one code into one 201 and 409s', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => post(dogFood(6), api.as('admin'))),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const headers = { ...api.as('manager'), 'idempotency-key': 'sku-7' };
    const first = await post(dogFood(7), headers);
    const again = await post(dogFood(7), headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('refuses unknown fields, the warehouse role and missing keys', async () => {
    const unknown = await post({ ...dogFood(8), colour: 'brown' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].unknownField).toBe('colour');
    const forbidden = await post(dogFood(8), api.as('warehouse'));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('AUTH.FORBIDDEN');
    const anonymous = await post(dogFood(8), {});
    expect(anonymous.statusCode).toBe(401);
    expect((await get('/skus', {})).statusCode).toBe(401);
  });

  it('updates with PATCH semantics and replaces packs as a set', async () => {
    const sku = (await post(dogFood(9))).json();
    const patch = (payload: object, headers = api.as('manager')) =>
      api.app.inject({ method: 'PATCH', url: `/api/v1/skus/${sku.id}`, headers, payload });
    const renamed = await patch({ name: 'Lamb & rice 2 kg (new bag)', standardCostMinor: 675 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      code: sku.code,
      name: 'Lamb & rice 2 kg (new bag)',
      standardCostMinor: 675,
      shelfLifeDays: 540,
      weightG: 2050,
    });
    expect(renamed.json().packs).toEqual(sku.packs);

    const inner = { level: 'inner', quantity: 2, gtin: null };
    const repacked = await patch({ packs: [inner, { level: 'case', quantity: 8 }], active: false });
    expect(repacked.json()).toMatchObject({ active: false });
    expect(repacked.json().packs.map((p: { quantity: number }) => p.quantity)).toEqual([2, 8]);

    expect((await patch({ shelfLifeDays: null })).json().code).toBe('CATALOG.INVALID_SHELF_LIFE');
    expect((await patch({ code: 'RENAMED' })).statusCode).toBe(400);
    expect((await patch({ name: 'x' }, api.as('sales'))).statusCode).toBe(403);
    const stolen = await patch({
      packs: [{ level: 'case', quantity: 4, gtin: dogFood(1).packs[0]!.gtin }],
    });
    expect(stolen.json().code).toBe('CATALOG.GTIN_ALREADY_EXISTS');
    const missing = await api.app.inject({
      method: 'PATCH',
      url: '/api/v1/skus/999999',
      headers: api.as('admin'),
      payload: { name: 'Ghost' },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe.each(dialects)('catalog list and pagination on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const skus = [
      { code: 'CAT-LITTER-10L', name: 'Clumping cat litter 10 l', category: 'cat-litter' },
      { code: 'CAT-TOY-MOUSE', name: 'Catnip mouse', category: 'cat-toys' },
      { code: 'DOG-BALL-L', name: 'Tennis ball, large', category: 'dog-toys' },
      { code: 'DOG-ROPE', name: 'Rope tug 50% cotton', category: 'dog-toys', active: false },
      { code: 'FISH-FLAKES', name: 'Tropical fish flakes', category: 'aquatics' },
    ];
    for (const [i, sku] of skus.entries()) {
      const gtin = gtin13(`40000000${String(i).padStart(4, '0')}`);
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/v1/skus',
        headers: api.as('admin'),
        payload: { ...sku, gtin },
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(async () => api?.close());

  const list = async (query: string) => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/v1/skus?${query}`,
      headers: api.as('sales'),
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: { code: string }[]; nextCursor: string | null };
  };
  const codes = (page: { items: { code: string }[] }) => page.items.map((s) => s.code);

  it('walks every SKU in id order, a page at a time', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...codes(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'CAT-LITTER-10L',
      'CAT-TOY-MOUSE',
      'DOG-BALL-L',
      'DOG-ROPE',
      'FISH-FLAKES',
    ]);
  });

  it('filters by category, active flag and text in code or name', async () => {
    expect(codes(await list('category=dog-toys'))).toEqual(['DOG-BALL-L', 'DOG-ROPE']);
    expect(codes(await list('category=dog-toys&active=true'))).toEqual(['DOG-BALL-L']);
    expect(codes(await list('active=false'))).toEqual(['DOG-ROPE']);
    expect(codes(await list('q=cat'))).toEqual(['CAT-LITTER-10L', 'CAT-TOY-MOUSE']);
    expect(codes(await list('q=BALL'))).toEqual(['DOG-BALL-L']);
    // "%" is a literal character in the search text, not a wildcard.
    expect(codes(await list(`q=${encodeURIComponent('50%')}`))).toEqual(['DOG-ROPE']);
    expect(codes(await list(`q=${encodeURIComponent('%')}`))).toEqual(['DOG-ROPE']);
  });
});
