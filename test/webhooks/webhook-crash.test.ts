import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../src/app/webhooks/deliver-webhooks.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { startReceiver } from './receiver.js';
import { clockedContext, subscribe } from './webhook-world.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

describe.each(dialects)('a server killed between commit and send on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  it('loses no event: a fresh dispatcher delivers every one at least once', async () => {
    const { ctx, set } = clockedContext(store.database, new Date());
    let killed = false;
    let output = '';
    const kill = { server: undefined as ReturnType<typeof spawn> | undefined };
    const hooks = await startReceiver({
      delayMs: 200, // slow answers, so requests are in flight when the kill lands
      onRequest: () => {
        if (!killed) kill.server?.kill('SIGKILL');
        killed = true;
      },
    });
    // Subscribed before the server starts, so its fan-out already sees the endpoint.
    await subscribe(ctx, hooks.url);
    const server = spawn(process.execPath, ['--import', 'tsx', child, store.url, '20'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    kill.server = server;
    server.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      server.on('exit', (_code, signal) => resolve(signal)),
    );
    try {
      expect(await exited).toBe('SIGKILL');
      expect(output).toContain('committed');
      expect(output).not.toContain('finished');
      const sentBeforeCrash = new Set(hooks.received.map((r) => r.id));
      expect(sentBeforeCrash.size).toBeGreaterThan(0);
      const stranded = await store.database.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'delivering')
        .execute();
      expect(stranded.length).toBeGreaterThan(0); // claimed by the dead process, mid-send

      const outbox = await store.database.db
        .selectFrom('outbox_events')
        .select('event_id')
        .execute();
      expect(outbox).toHaveLength(20);
      // The dead process's claims hold until their lease runs out; come back after that.
      set(new Date(Date.now() + 2 * 60_000));
      const summary = await deliverWebhooks(ctx, { holder: 'survivor' });
      expect(summary.dead).toBe(0);

      const seen = new Set(hooks.received.map((r) => r.id)); // de-duplicated by webhook-id
      expect(seen).toEqual(new Set(outbox.map((o) => o.event_id)));
      const open = await store.database.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '!=', 'succeeded')
        .execute();
      expect(open).toEqual([]);
    } finally {
      server.kill('SIGKILL');
      await hooks.close();
    }
  });
});
