import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { declares2xxSchema, type Operation } from './fuzz-operations.js';

/** A response as `app.inject` gives it, reduced to what the contract is about. */
export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * What one response says about the API's contract:
 * - `violation`: it broke the contract (a 5xx, a body that does not match the declared schema,
 *   an error that is not problem+json with a code, or a 2xx the route's 2xx schemas do not
 *   describe): a drill failure.
 * - `undeclared`: the operation declares no schema for this status: a finding, not a failure.
 */
export interface Verdict {
  violation?: string;
  undeclared: boolean;
}

/**
 * Checks responses against the OpenAPI document with Ajv (the validator Fastify itself uses),
 * one compiled validator per operation and status.
 */
export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
  }

  /** The verdict on one response of `op`. */
  check(op: Operation, response: FuzzResponse): Verdict {
    const { status } = response;
    if (status >= 500)
      return { violation: `${status} ${response.body.slice(0, 300)}`, undeclared: false };
    const error = status >= 400 ? problemViolation(op, response) : undefined;
    if (!op.responses.has(status) || op.responses.get(status) === null) {
      const promised2xx = status < 300 && declares2xxSchema(op);
      return {
        violation:
          error ?? (promised2xx ? `${status} is not among the declared 2xx responses` : undefined),
        undeclared: true,
      };
    }
    return { violation: error ?? this.schemaViolation(op, status, response), undeclared: false };
  }

  private schemaViolation(op: Operation, status: number, response: FuzzResponse) {
    // A declared other media type (CSV with `format=csv`, a PDF label) is not JSON, by design.
    const type = response.contentType.split(';')[0]!.trim();
    if (type !== 'application/json' && op.mediaTypes.get(status)?.includes(type)) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${status}: body is not JSON (${response.contentType})`;
    }
    const validate = this.validatorFor(op, status);
    if (validate(body)) return undefined;
    const first = validate.errors?.[0];
    return `${status}: body does not match its schema at ${first?.instancePath || '/'}: ${first?.message}`;
  }

  private validatorFor(op: Operation, status: number): ValidateFunction {
    const key = `${op.name} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(op.responses.get(status)!);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * Error statuses that answer with a resource instead of a problem, on purpose: an X12
 * interchange that failed its checks is stored and returned with its 997 rejection (422), so
 * the trading partner's system gets the acknowledgement it expects (see edi.routes.ts).
 */
const RESOURCE_ERRORS = new Set(['POST /api/v1/edi/interchanges 422']);

/** An error must be RFC 9457 problem+json with a stable `code` and its own status. */
function problemViolation(op: Operation, response: FuzzResponse): string | undefined {
  if (RESOURCE_ERRORS.has(`${op.name} ${response.status}`)) return undefined;
  if (!response.contentType.startsWith('application/problem+json'))
    return `${response.status}: error is ${response.contentType || 'untyped'}, not problem+json`;
  try {
    const problem = JSON.parse(response.body) as { code?: unknown; status?: unknown };
    if (typeof problem.code !== 'string') return `${response.status}: problem without a code`;
    if (problem.status !== response.status)
      return `${response.status}: problem says status ${String(problem.status)}`;
  } catch {
    return `${response.status}: problem body is not JSON`;
  }
  return undefined;
}
