import type { TestApi } from '../support/api.js';

/** A pet-supplies distribution centre in Chicago, with an optional code override. */
export function chicagoDc(code = 'CHI1') {
  return {
    code,
    name: 'Chicago pet supplies DC',
    timeZone: 'America/Chicago',
    address: {
      line1: '4100 W Pershing Rd',
      city: 'Chicago',
      region: 'IL',
      postalCode: '60632',
      country: 'US',
    },
  };
}

/** Creates a warehouse as a manager and returns its id. */
export async function createWarehouseVia(api: TestApi, code: string): Promise<number> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/warehouses',
    headers: api.as('manager'),
    payload: chicagoDc(code),
  });
  if (response.statusCode !== 201) throw new Error(`create warehouse ${code}: ${response.body}`);
  return response.json().id as number;
}

/** Every location of a warehouse (all pages), optionally filtered by a query string. */
export async function allLocations(api: TestApi, warehouseId: number, query = '') {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/warehouses/${warehouseId}/locations?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await api.app.inject({ method: 'GET', url, headers: api.as('sales') });
    if (response.statusCode !== 200) throw new Error(`list locations: ${response.body}`);
    const page = response.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
