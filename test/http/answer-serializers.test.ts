import { describe, expect, it } from 'vitest';
import { successSerializers } from '../../src/adapters/http/answer-serializers.js';

const route = (httpStatus: string, schema: object) => ({
  schema,
  method: 'GET',
  url: '/api/v1/skus',
  httpStatus,
});

const buildFor = successSerializers()({}, {});

describe('answer serializers', () => {
  it('compiles a success serializer on its first answer, not when the route registers', () => {
    // fast-json-stringify refuses a $ref it cannot resolve when it compiles.
    const broken = { type: 'object', properties: { sku: { $ref: '#/definitions/missing' } } };
    const serialize = buildFor(route('200', broken));
    expect(() => serialize({ sku: 'DOG-FOOD-12KG' })).toThrow();
  });

  it('serializes a success answer by its schema, once compiled', () => {
    const serialize = buildFor(
      route('200', { type: 'object', properties: { sku: { type: 'string' } } }),
    );
    expect(serialize({ sku: 'CAT-LITTER-10L', costMinor: 250 })).toBe('{"sku":"CAT-LITTER-10L"}');
    expect(serialize({ sku: 'BIRD-SEED-1KG' })).toBe('{"sku":"BIRD-SEED-1KG"}');
  });

  it('serializes a problem with JSON.stringify, keeping every member', () => {
    const serialize = buildFor(route('409', { type: 'object', properties: {} }));
    expect(serialize({ code: 'INVENTORY.INSUFFICIENT_AVAILABLE', skuId: 7 })).toBe(
      '{"code":"INVENTORY.INSUFFICIENT_AVAILABLE","skuId":7}',
    );
  });
});
