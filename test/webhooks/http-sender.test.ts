import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSender } from '../../src/adapters/webhooks/http-sender.js';

const TIMEOUT_MS = 400;
/** How long a dripping receiver keeps a delivery if nothing cuts it off: far past the timeout. */
const DRIP_MS = 3000;
const DRIP_EVERY_MS = 50;

/**
 * `timeoutMs` is a deadline for the whole delivery, not an idle timeout: a receiver that
 * sends a byte every 50 ms (never idle for long) is cut off at the deadline, whether it drips
 * its status line or its body. No database: the sender alone against local receivers.
 */
describe('the webhook sender’s deadline', () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/fast') return res.writeHead(204).end();
        if (req.url === '/drip-body') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          return drip(
            (byte) => res.write(byte),
            () => res.end(),
          );
        }
        // Drips the status line itself, byte by byte, on the raw socket.
        const head = 'HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n';
        let i = 0;
        drip(
          () => req.socket.write(head[Math.min(i++, head.length - 3)]!),
          () => req.socket.end(head.slice(Math.min(i, head.length))),
        );
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  function drip(write: (byte: string) => void, end: () => void) {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started >= DRIP_MS) {
        clearInterval(timer);
        end();
      } else write('.');
    }, DRIP_EVERY_MS);
  }

  const send = async (path: string) => {
    const started = Date.now();
    const outcome = await httpSender({
      url: `${base}${path}`,
      headers: {},
      body: '{"type":"test"}',
      timeoutMs: TIMEOUT_MS,
      allowPrivate: true,
    });
    return { outcome, elapsed: Date.now() - started };
  };

  it.each(['/drip-body', '/drip-head'])(
    'gives up on a receiver dripping bytes at the deadline (%s)',
    async (path) => {
      const { outcome, elapsed } = await send(path);
      expect(outcome.statusCode).toBeNull();
      expect(outcome.error).toBe(`no complete answer within ${TIMEOUT_MS} ms`);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
    },
  );

  it('still takes a prompt answer', async () => {
    const { outcome } = await send('/fast');
    expect(outcome).toEqual({ statusCode: 204, error: null });
  });
});
