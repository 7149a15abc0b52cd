/**
 * A server process for the crash test: commits events to the outbox, then dispatches
 * webhooks until the parent kills it with SIGKILL (somewhere between commit and send).
 * Usage: node --import tsx crash-child.ts <store url> <event count>
 */
import { openDatabase } from '../../src/adapters/db/database.js';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { deliverWebhooks } from '../../src/app/webhooks/deliver-webhooks.js';
import { commitEvents } from './webhook-world.js';

const [url, count] = process.argv.slice(2);
const database = openDatabase({ url: url! });
const ctx: AppContext = { database, now: () => new Date(), policies: DEFAULT_POLICIES };
await commitEvents(ctx, Number(count));
process.stdout.write('committed\n');
await deliverWebhooks(ctx, { maxInFlightPerEndpoint: 2, batchSize: 4, leaseMs: 60_000 });
process.stdout.write('finished\n');
await database.close();
