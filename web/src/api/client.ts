/**
 * The one way screens talk to the API: same-origin fetch with the session cookie, the CSRF
 * token on every unsafe request, an Idempotency-Key on writes, and problem+json turned into
 * a `Problem` the screens can show as it is.
 */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

let csrfToken = '';
/** Set after sign-in and on start-up (GET /session); sent as X-CSRF-Token. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

let onSignedOut: () => void = () => {};
/** Called when the API answers 401: the session has ended, so show the sign-in screen. */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A fresh operation id, so a retried write (a resent scan) cannot count twice. */
export function operationId(): string {
  return crypto.randomUUID();
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? operationId();
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ProblemError({
      status: 0,
      code: 'NETWORK.UNREACHABLE',
      title: 'NETWORK.UNREACHABLE',
      detail: 'The server cannot be reached. Check the connection and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = asProblem(response.status, json);
    if (response.status === 401 && path !== '/session') onSignedOut();
    throw new ProblemError(problem);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

function asProblem(status: number, json: unknown): Problem {
  const body = (json ?? {}) as Partial<Problem>;
  return {
    ...body,
    status,
    code: body.code ?? `HTTP.${status}`,
    title: body.title ?? `HTTP ${status}`,
    detail: body.detail ?? 'The server refused the request.',
  };
}

/**
 * Sends a file as the raw request body (imports read `text/csv` or XLSX as they stream, not
 * JSON), with the same CSRF token, Idempotency-Key and problem handling as every other call.
 */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': contentType,
        'x-csrf-token': csrfToken,
        'idempotency-key': operationId(),
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ProblemError({
      status: 0,
      code: 'NETWORK.UNREACHABLE',
      title: 'NETWORK.UNREACHABLE',
      detail: 'The server cannot be reached. Check the connection and try again.',
    });
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) onSignedOut();
    throw new ProblemError(asProblem(response.status, json));
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown, idempotencyKey?: string) =>
  api<T>('POST', path, body ?? {}, idempotencyKey ? { idempotencyKey } : {});

/** A list page as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
