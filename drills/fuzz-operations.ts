import type { JsonSchema } from './fuzz-values.js';

/** One parameter of an operation, as the OpenAPI document declares it. */
export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

/**
 * One operation of the API (method + path template) reduced to what the fuzzer needs: how to
 * build a request, and which response schema each status code promises.
 */
export interface Operation {
  /** `POST /api/v1/orders/{id}/cancel`: the name used in figures and failures. */
  name: string;
  method: string;
  path: string;
  parameters: OperationParameter[];
  /** The JSON request body's schema, when the operation takes one. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Declared responses by status code: the JSON schema, or null for a bare description. */
  responses: Map<number, JsonSchema | null>;
  /** Declared media types by status code (`application/json`, `text/csv`, `application/pdf`…). */
  mediaTypes: Map<number, string[]>;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation in the OpenAPI document (`app.swagger()`), in the document's order. */
export function operationsOf(document: unknown): Operation[] {
  const paths = (document as { paths?: Record<string, Record<string, OpenApiOperation>> }).paths;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) operations.push(operationOf(method.toUpperCase(), path, op));
    }
  }
  return operations;
}

function operationOf(method: string, path: string, op: OpenApiOperation): Operation {
  const responses = new Map<number, JsonSchema | null>();
  const mediaTypes = new Map<number, string[]>();
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const schema = response.content?.['application/json']?.schema;
    responses.set(Number(status), schema ?? null);
    mediaTypes.set(Number(status), Object.keys(response.content ?? {}));
  }
  return {
    name: `${method} ${path}`,
    method,
    path,
    parameters: (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in as OperationParameter['in'],
      required: p.required ?? false,
      schema: p.schema ?? {},
    })),
    body: op.requestBody?.content?.['application/json']?.schema,
    bodyRequired: op.requestBody?.required ?? false,
    responses,
    mediaTypes,
  };
}

/** True when the operation promises a JSON schema for at least one 2xx status. */
export function declares2xxSchema(op: Operation): boolean {
  for (const [status, schema] of op.responses) if (status < 300 && schema) return true;
  return false;
}
