import fc from 'fast-check';
import type { IdPool } from './fuzz-ids.js';
import type { Operation, OperationParameter } from './fuzz-operations.js';
import { validValue, type JsonSchema } from './fuzz-values.js';

/** A request as the fuzzer builds it, before it is turned into an inject call. */
export interface FuzzRequest {
  op: Operation;
  /** Path parameter values, by name (strings: a mutation may put anything there). */
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** The JSON body; undefined sends none. */
  body?: unknown;
  /** Set by a mutation: sent as is instead of the JSON of `body`. */
  rawBody?: string;
  contentType?: string;
  /** Set by a mutation: path parameters go into the URL unencoded (broken escapes and all). */
  rawPath?: boolean;
  /** What made it: `valid`, or the mutation's name. */
  kind: string;
}

/**
 * Builds valid requests for operations from their OpenAPI schemas: real ids in path and id
 * fields most of the time, every required field, optional ones at random. Arbitraries are
 * made once per operation; each request draws one sample with a seed from the drill's random.
 */
export class RequestFactory {
  private readonly arbitraries = new Map<string, fc.Arbitrary<Omit<FuzzRequest, 'op' | 'kind'>>>();

  constructor(private readonly ids: IdPool) {}

  /** A request valid against the operation's declared parameters and body. */
  valid(op: Operation, seed: number): FuzzRequest {
    const [sample] = fc.sample(this.arbitraryFor(op), { seed, numRuns: 1 });
    return { ...sample!, op, kind: 'valid' };
  }

  private arbitraryFor(op: Operation) {
    let arbitrary = this.arbitraries.get(op.name);
    if (!arbitrary) {
      const pathArbs = Object.fromEntries(
        op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, this.pathValue(op, p)]),
      );
      const query = op.parameters.filter((p) => p.in === 'query');
      const queryArbs = Object.fromEntries(
        query.map((p) => [p.name, validValue(p.schema, this.ids.forField, p.name)]),
      );
      const requiredQuery = query.filter((p) => p.required).map((p) => p.name);
      const body: fc.Arbitrary<unknown> = op.body
        ? validValue(op.body, this.ids.forField)
        : fc.constant(undefined);
      arbitrary = fc.record({
        path: fc.record(pathArbs),
        query: fc.record(queryArbs, { requiredKeys: requiredQuery }),
        body,
      });
      this.arbitraries.set(op.name, arbitrary);
    }
    return arbitrary;
  }

  /** Real ids (or codes) nine times in ten, else any value the parameter's schema allows. */
  private pathValue(op: Operation, p: OperationParameter): fc.Arbitrary<string> {
    const generated = validValue(p.schema, this.ids.forField, p.name).map(String);
    const codes = this.ids.codesFor(p.name);
    const real: fc.Arbitrary<string> = fc.nat().chain((i) => {
      const pool = codes ?? this.ids.forPathParameter(op.path, p.name) ?? [];
      return pool.length > 0 ? fc.constant(String(pool[i % pool.length])) : generated;
    });
    const known = codes !== undefined || this.ids.forPathParameter(op.path, p.name) !== undefined;
    return known && !isEnum(p.schema)
      ? fc.oneof({ arbitrary: real, weight: 9 }, { arbitrary: generated, weight: 1 })
      : generated;
  }
}

function isEnum(schema: JsonSchema): boolean {
  return schema.enum !== undefined || schema.anyOf !== undefined;
}

/** The URL of a request: path parameters filled in (encoded), the query string appended. */
export function urlOf(request: FuzzRequest): string {
  const path = request.op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    request.rawPath
      ? (request.path[name] ?? '')
      : encodeURIComponent(wellFormed(request.path[name])),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const v of values) search.append(name, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Lone UTF-16 surrogates (a mutation's '\ud800') become U+FFFD, as a browser would send them. */
function wellFormed(value = ''): string {
  return value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
