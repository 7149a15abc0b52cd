import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../src/core/webhooks/webhook-signature.js';

/** One request as the test receiver saw it. */
export interface Received {
  id: string;
  headers: Record<string, string | undefined>;
  body: string;
  /** Did the signature verify against the receiver's secret (when it has one)? */
  verified: boolean | null;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Most requests in progress at one time. */
  maxConcurrent: number;
  /** Sets the secret signatures are checked against. */
  secret: string | null;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1: records each request, checks its signature against
 * `clock()` and answers with what `respond` says (after `delayMs`).
 */
export async function startReceiver(
  options: {
    respond?: (r: Received, index: number) => number;
    delayMs?: number;
    clock?: () => Date;
    onRequest?: (r: Received) => void;
  } = {},
): Promise<Receiver> {
  let inFlight = 0;
  const state: Receiver = {
    url: '',
    received: [],
    maxConcurrent: 0,
    secret: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    inFlight++;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = {
        'webhook-id': req.headers['webhook-id'] as string | undefined,
        'webhook-timestamp': req.headers['webhook-timestamp'] as string | undefined,
        'webhook-signature': req.headers['webhook-signature'] as string | undefined,
      };
      const body = Buffer.concat(chunks).toString('utf8');
      const nowSeconds = Math.floor((options.clock?.() ?? new Date()).getTime() / 1000);
      const verified = state.secret
        ? verifyWebhook(state.secret, headers, body, nowSeconds).ok
        : null;
      const received = { id: headers['webhook-id'] ?? '', headers, body, verified };
      const index = state.received.push(received) - 1;
      options.onRequest?.(received);
      setTimeout(() => {
        inFlight--;
        res.statusCode = options.respond?.(received, index) ?? 204;
        res.end();
      }, options.delayMs ?? 0);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return state;
}
