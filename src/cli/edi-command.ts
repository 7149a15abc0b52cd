import fs from 'node:fs/promises';
import { Command } from 'commander';
import { buildAsn } from '../app/edi/build-asn.js';
import { pollEdiFolder } from '../app/edi/edi-folder.js';
import { receiveInterchange } from '../app/edi/receive-interchange.js';
import { readConfig } from '../config.js';
import { FailureError } from '../core/shared/result.js';
import { contextFor, openStore } from '../main.js';

type Ctx = ReturnType<typeof contextFor>;

async function withContext(work: (ctx: Ctx) => Promise<void>): Promise<void> {
  const database = await openStore(readConfig());
  try {
    await work(contextFor(database));
  } catch (error) {
    if (!(error instanceof FailureError)) throw error;
    console.error(`${error.failure.code}: ${error.failure.message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** `stockline edi …`: the same EDI channel as the API and the watched folder, from a shell. */
export const ediCommand = new Command('edi').description('EDI X12 interchanges');

ediCommand
  .command('import <file>')
  .description('Receive an X12 file: 850s become orders; prints the outcome and the 997')
  .option('--json', 'print the whole interchange record as JSON')
  .action((file: string, options: { json?: boolean }) =>
    withContext(async (ctx) => {
      const raw = await fs.readFile(file, 'utf8');
      const received = await receiveInterchange(ctx, raw, `cli:${file}`);
      if (options.json) {
        console.log(JSON.stringify(received, null, 2));
      } else {
        console.log(`interchange ${received.id}: ${received.status}`);
        if (received.orderIds.length > 0) console.log(`orders: ${received.orderIds.join(', ')}`);
        if (received.errorReason) console.log(received.errorReason);
        for (const ack of received.acks ?? [])
          console.log(`--- ${ack.setId} ${ack.controlNumber}\n${ack.raw}`);
      }
      if (received.status === 'error') process.exitCode = 1;
    }),
  );

ediCommand
  .command('asn <shipmentId>')
  .description('Print the 856 ship notice of a shipment')
  .action((shipmentId: string) =>
    withContext(async (ctx) => {
      const doc = await buildAsn(ctx, Number(shipmentId));
      process.stdout.write(doc.raw);
    }),
  );

ediCommand
  .command('poll <dir>')
  .description('Process <dir>/inbox once and write <dir>/outbox (what the EDI_DIR job does)')
  .action((dir: string) =>
    withContext(async (ctx) => {
      const poll = await pollEdiFolder(ctx, dir);
      console.log(JSON.stringify(poll));
    }),
  );
