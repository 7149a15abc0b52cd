import type { FastifyInstance } from 'fastify';
import { FailureError } from '../../core/shared/result.js';
import { unstorableText } from '../../core/shared/text.js';

interface ObjectSchema {
  properties?: Record<string, { type?: string | string[] }>;
}

/**
 * Refuses numbers no client can mean: beyond ±2^53 (JavaScript no longer holds the number
 * that was sent) or infinite. Ajv's coercion turns a query `1e999` into Infinity and passes it
 * as an `integer` under any `maximum` (ajv 8.20), and ids and quantities without a maximum let
 * `1e308` through: each reached SQLite's LIMIT or PostgreSQL's bigint as a 500 (found by the
 * fuzz drill). Quantities are base units and money minor units, so no real value comes near.
 * In query and path only numeric fields are checked: a SKU code may well read `1E999`; there,
 * numbers are decimal digits only. Text anywhere (body values and keys, query, path) with a NUL
 * or a lone surrogate is refused too (see core/shared/text.ts): 400 on both databases.
 */
export function registerNumberGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    checkStrings(request.query, schema?.querystring as ObjectSchema | undefined);
    checkStrings(request.params, schema?.params as ObjectSchema | undefined);
    checkText(request.query, 'querystring');
    checkText(request.params, 'params');
    checkJson(request.body, 'body');
  });
}

const unusable = (n: number) => Math.abs(n) > Number.MAX_SAFE_INTEGER;

function refuse(field: string, value: unknown): never {
  throw new FailureError({
    code: 'REQUEST.INVALID',
    message: `${field} is out of range (got ${String(value).slice(0, 40)})`,
    details: { field },
  });
}

/** Plain decimal notation: what a person or a client library writes for a number in a URL. */
const DECIMAL_INTEGER = /^-?[0-9]+$/;
const DECIMAL_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * Numbers in the query and path arrive as text and Ajv converts anything `Number()` reads:
 * `/orders/0x10` opened order 16 and `/orders/1e3` order 1000. Only decimal digits are numbers.
 */
function checkStrings(values: unknown, schema: ObjectSchema | undefined) {
  if (!schema?.properties || typeof values !== 'object' || values === null) return;
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const type = schema.properties[name]?.type;
    const types = Array.isArray(type) ? type : [type];
    const integer = types.includes('integer');
    if (!integer && !types.includes('number')) continue;
    if (types.includes('string')) continue; // a code or a number: left to the schema
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      if (!(integer ? DECIMAL_INTEGER : DECIMAL_NUMBER).test(v)) notDecimal(name, v, integer);
      if (unusable(Number(v))) refuse(name, v);
    }
  }
}

function notDecimal(field: string, value: string, integer: boolean): never {
  throw new FailureError({
    code: 'REQUEST.INVALID',
    message: `${field} must be ${integer ? 'an integer' : 'a number'} in decimal digits (got ${JSON.stringify(value.slice(0, 40))})`,
    details: {
      field,
      errors: [{ field, message: integer ? 'must be integer' : 'must be number' }],
    },
  });
}

function checkJson(value: unknown, path: string, depth = 0) {
  if (typeof value === 'number' && unusable(value)) refuse(path, value);
  if (typeof value === 'string') refuseText(path, value);
  if (typeof value !== 'object' || value === null || depth > 32 || Buffer.isBuffer(value)) return;
  for (const [key, item] of Object.entries(value)) {
    refuseText(`${path}/${key}`, key);
    checkJson(item, `${path}/${key}`, depth + 1);
  }
}

/** Query and path text: every value, whatever its declared type. */
function checkText(values: unknown, part: string) {
  if (typeof values !== 'object' || values === null) return;
  for (const [name, value] of Object.entries(values as Record<string, unknown>))
    for (const v of Array.isArray(value) ? value : [value])
      if (typeof v === 'string') refuseText(name || part, v);
}

function refuseText(field: string, text: string) {
  const reason = unstorableText(text);
  if (!reason) return;
  throw new FailureError({
    code: 'REQUEST.INVALID_TEXT',
    message: `${field} ${reason}`,
    details: { field, errors: [{ field, message: reason }] },
  });
}
