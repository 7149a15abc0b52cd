import type { paths } from './schema.js';

/**
 * The API shapes the screens read, taken from the types `npm run gen:api` generates from the
 * server's OpenAPI document (schema.d.ts): never copied by hand, so they cannot drift.
 */
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> =
  R extends Record<200, infer A> ? Json<A> : R extends Record<201, infer B> ? Json<B> : never;

/** The JSON success body of an operation: `ApiBody<'/api/v1/orders/{id}', 'get'>`. */
export type ApiBody<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
> = paths[P][M] extends { responses: infer R } ? Success<R> : never;

/** One item of a list operation's `items`. */
export type ApiItem<P extends keyof paths> =
  ApiBody<P, 'get'> extends { items: (infer I)[] } ? I : never;

export type Order = ApiItem<'/api/v1/orders'>;
export type OrderDetail = ApiBody<'/api/v1/orders/{id}', 'get'>;
export type OrderLine = OrderDetail['lines'][number];
export type Customer = ApiItem<'/api/v1/customers'>;
export type Sku = ApiItem<'/api/v1/skus'>;
export type Pack = Sku['packs'][number];
export type StockRow = ApiItem<'/api/v1/stock'>;
export type Warehouse = ApiItem<'/api/v1/warehouses'>;
export type PickList = ApiBody<'/api/v1/waves/{id}/pick-list', 'get'>;
export type PickTask = PickList['tasks'][number];
