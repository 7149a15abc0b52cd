import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointWants, isValidEventFilter } from '../../src/core/webhooks/event-filter.js';
import {
  MAX_ATTEMPTS,
  RETRY_DELAYS_SECONDS,
  retryDelayMs,
} from '../../src/core/webhooks/retry-schedule.js';
import { classifyAddress } from '../../src/core/webhooks/target-address.js';
import {
  secretFromBytes,
  verifyWebhook,
  webhookHeaders,
} from '../../src/core/webhooks/webhook-signature.js';

const secret = secretFromBytes(crypto.randomBytes(24));
const other = secretFromBytes(crypto.randomBytes(24));
const t = 1_790_000_000;
const body = JSON.stringify({ type: 'order.created', data: { orderId: 7 } });
const signed = (secrets: string[], ts = t) => webhookHeaders(secrets, 'evt_1', ts, body);

describe('Standard Webhooks signatures', () => {
  it('verifies a valid signature', () => {
    expect(verifyWebhook(secret, signed([secret]), body, t)).toEqual({ ok: true });
  });

  it('accepts when one of several signatures matches (secret rotation)', () => {
    const headers = signed([other, secret]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(secret, headers, body, t).ok).toBe(true);
    expect(verifyWebhook(other, headers, body, t).ok).toBe(true);
  });

  it('refuses a tampered body', () => {
    const result = verifyWebhook(secret, signed([secret]), body.replace('7', '8'), t);
    expect(result).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhook(secret, signed([other]), body, t)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('refuses a timestamp more than five minutes off, either way', () => {
    expect(verifyWebhook(secret, signed([secret], t - 301), body, t).ok).toBe(false);
    expect(verifyWebhook(secret, signed([secret], t + 301), body, t)).toEqual({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    });
    expect(verifyWebhook(secret, signed([secret], t - 299), body, t).ok).toBe(true);
  });

  it('refuses a message with any header missing', () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const headers: Record<string, string | undefined> = { ...signed([secret]) };
      delete headers[name];
      expect(verifyWebhook(secret, headers, body, t)).toEqual({
        ok: false,
        reason: 'MISSING_HEADERS',
      });
    }
  });

  it('refuses a changed id (the id is part of what is signed)', () => {
    const headers = { ...signed([secret]), 'webhook-id': 'evt_2' };
    expect(verifyWebhook(secret, headers, body, t).ok).toBe(false);
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the standard-webhooks test suite (libraries/javascript).
    const headers = webhookHeaders(
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('round-trips any body and id, and any single-byte change breaks it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.nat(), (text, id, flip) => {
        const headers = webhookHeaders([secret], id.replace(/\s/g, '_'), t, text);
        expect(verifyWebhook(secret, headers, text, t).ok).toBe(true);
        const tampered = text + String.fromCharCode(32 + (flip % 90));
        expect(verifyWebhook(secret, headers, tampered, t).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('retry schedule', () => {
  it('spans about three days and then dead-letters', () => {
    const totalHours = RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0) / 3600;
    expect(totalHours).toBeGreaterThan(60);
    expect(totalHours).toBeLessThan(80);
    expect(retryDelayMs(MAX_ATTEMPTS, Math.random)).toBeNull();
  });

  it('keeps jitter within ±20 % and never shrinks from one step to the next beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, r) => {
          const base = RETRY_DELAYS_SECONDS[n - 1]! * 1000;
          const delay = retryDelayMs(n, () => r)!;
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
        },
      ),
    );
    for (let i = 1; i < RETRY_DELAYS_SECONDS.length; i++) {
      expect(RETRY_DELAYS_SECONDS[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[i - 1]!);
    }
  });
});

describe('event type filters', () => {
  it('matches exact types, families and everything', () => {
    expect(endpointWants(['order.*'], 'order.created')).toBe(true);
    expect(endpointWants(['order.*'], 'orders.created')).toBe(false);
    expect(endpointWants(['order.*'], 'purchase_order.sent')).toBe(false);
    expect(endpointWants(['stock.adjusted'], 'stock.adjusted')).toBe(true);
    expect(endpointWants(['stock.adjusted'], 'stock.received')).toBe(false);
    expect(endpointWants(['*'], 'return.closed')).toBe(true);
    expect(endpointWants([], 'return.closed')).toBe(false);
  });

  it('accepts only well-formed filters', () => {
    for (const f of ['*', 'order.*', 'purchase_order.sent', 'order.line.cancelled']) {
      expect(isValidEventFilter(f)).toBe(true);
    }
    for (const f of ['', 'order.', '*.created', 'Order.created', 'order..x', 'order.**']) {
      expect(isValidEventFilter(f)).toBe(false);
    }
  });
});

describe('target address classification (SSRF guard)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['8.8.8.8', 'public'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['2606:4700:4700::1111', 'public'],
    ['example.com', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1::2::3', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('classifies every IPv4 address the same bare and IPv4-mapped', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(classifyAddress(`::ffff:${ip}`)).toBe(classifyAddress(ip));
      }),
    );
  });
});
