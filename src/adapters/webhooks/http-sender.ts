import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress, firstRefusedAddress } from '../../core/webhooks/target-address.js';

/** One POST of a signed event to an endpoint. */
export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** The admin setting: may the target resolve to loopback, private or link-local addresses? */
  allowPrivate: boolean;
}

/** What came back: a status code, or an error (network, timeout, refused target). */
export interface SendOutcome {
  statusCode: number | null;
  error: string | null;
}

export type WebhookSender = (request: SendRequest) => Promise<SendOutcome>;

export const TARGET_REFUSED = 'target refused';

/**
 * Resolves every address of the host and refuses the connection when any is not public. The
 * socket connects to the address checked here (no second DNS query), so a name cannot be
 * re-pointed at an internal address between the check and the connect (DNS rebinding).
 * That is why this uses node:http with a `lookup` hook rather than fetch.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = firstRefusedAddress(addresses.map((a) => a.address));
      if (refused && !allowPrivate) {
        const kind = classifyAddress(refused);
        return callback(new Error(`${TARGET_REFUSED}: ${hostname} → ${refused} (${kind})`), '', 0);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function literalRefusal(url: URL, allowPrivate: boolean): string | null {
  // Node skips `lookup` for IP literals, so those are checked here.
  const kind = classifyAddress(url.hostname);
  if (allowPrivate || kind === 'public' || kind === 'invalid') return null;
  return `${TARGET_REFUSED}: ${url.hostname} (${kind})`;
}

/**
 * POSTs with a timeout; the response body is drained and ignored (only the status counts).
 * `timeoutMs` bounds the whole exchange — connect, headers and body — not only the silence
 * between two packets: a receiver that drips bytes is cut off at the deadline like a silent one.
 */
export const httpSender: WebhookSender = (request) =>
  new Promise((done) => {
    const url = new URL(request.url);
    const refusal = literalRefusal(url, request.allowPrivate);
    if (refusal) return done({ statusCode: null, error: refusal });
    let settled = false;
    const resolve = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      done(outcome);
    };
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'Stockline-Webhooks/1',
        },
        lookup: guardedLookup(request.allowPrivate),
        timeout: request.timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
        response.on('error', (e) => resolve({ statusCode: null, error: e.message }));
      },
    );
    const deadline = setTimeout(() => {
      const error = `no complete answer within ${request.timeoutMs} ms`;
      resolve({ statusCode: null, error });
      outgoing.destroy(new Error(error));
    }, request.timeoutMs);
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`timed out after ${request.timeoutMs} ms`)),
    );
    outgoing.on('error', (e) => resolve({ statusCode: null, error: e.message.slice(0, 500) }));
    outgoing.end(request.body);
  });
