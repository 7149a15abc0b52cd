import fc from 'fast-check';

/** The subset of JSON Schema the API's TypeBox schemas use (as the OpenAPI document prints them). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/**
 * Real ids of the store by field name (`skuId`, `toLocationId`, `orderIds`…): a valid request
 * should name things that exist, or it only ever tests the 404 path. Read at generation time,
 * so ids the fuzz run itself creates are used once the pool is refreshed.
 */
export type IdsFor = (field: string) => readonly number[] | undefined;

/**
 * A fast-check arbitrary of values valid against `schema`. Strings stay short and numbers
 * near their bounds (fast-check's bias), which is where handlers go wrong; id fields draw
 * from the store's real ids most of the time.
 */
export function validValue(schema: JsonSchema, ids: IdsFor, field = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validValue(s, ids, field)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  return fc.oneof(...types.map((t) => valueOfType(t, schema, ids, field)));
}

function valueOfType(
  type: string,
  schema: JsonSchema,
  ids: IdsFor,
  field: string,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objectValue(schema, ids);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, ids, field), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
      });
    case 'string':
      return stringValue(schema);
    case 'integer':
      return idOr(field, ids, integerValue(schema));
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant(null);
  }
}

function objectValue(schema: JsonSchema, ids: IdsFor): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) {
    const extra = schema.additionalProperties;
    if (typeof extra !== 'object') return fc.constant({});
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validValue(extra, ids), {
      maxKeys: 3,
    });
  }
  const shape = Object.fromEntries(names.map((n) => [n, validValue(properties[n]!, ids, n)]));
  const record = fc.record(shape, { requiredKeys: schema.required ?? [] });
  const least = schema.minProperties ?? 0;
  return least > 0 ? record.filter((o) => Object.keys(o).length >= least) : record;
}

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1;
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1;
  return fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
}

/** Id fields name real rows four times in five; the rest are any valid integer. */
function idOr(field: string, ids: IdsFor, other: fc.Arbitrary<number>): fc.Arbitrary<number> {
  if (!ids(field)) return other;
  const real = fc.nat().chain((i) => {
    const pool = ids(field) ?? [];
    return pool.length > 0 ? fc.constant(pool[i % pool.length]!) : other;
  });
  return fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: other, weight: 1 });
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  const fits = (s: string) => [...s].length >= minLength && [...s].length <= maxLength;
  if (schema.format === 'date') return dateValue().map((d) => d.slice(0, 10));
  if (schema.format === 'date-time') return dateValue();
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ minLength, maxLength });
}

function dateValue(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') })
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => d.toISOString());
}
