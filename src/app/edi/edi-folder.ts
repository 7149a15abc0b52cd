import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { receiveInterchange } from './receive-interchange.js';

/** What one poll did. */
export interface FolderPoll {
  processed: string[];
  failed: string[];
  written: string[];
}

const FOLDERS = ['inbox', 'working', 'processed', 'error', 'outbox'] as const;

/**
 * The watched folder: every file in `inbox/` is claimed by renaming it into `working/` (a
 * rename succeeds for one process only, so several servers may poll one share), received,
 * then moved to `processed/` or to `error/` beside a `.reason.txt`. Outbound interchanges
 * still `ready` are written to `outbox/` and marked sent.
 */
export async function pollEdiFolder(ctx: AppContext, dir: string): Promise<FolderPoll> {
  for (const folder of FOLDERS) await fs.mkdir(path.join(dir, folder), { recursive: true });
  const result: FolderPoll = { processed: [], failed: [], written: [] };
  const names = (await fs.readdir(path.join(dir, 'inbox')))
    .filter((n) => !n.startsWith('.'))
    .sort();
  for (const name of names) {
    const working = path.join(dir, 'working', name);
    try {
      await fs.rename(path.join(dir, 'inbox', name), working);
    } catch {
      continue; // another process took it
    }
    const raw = await fs.readFile(working, 'utf8');
    const received = await receiveInterchange(ctx, raw, `folder:${name}`);
    if (received.status === 'processed') {
      await fs.rename(working, path.join(dir, 'processed', name));
      result.processed.push(name);
    } else {
      await fs.rename(working, path.join(dir, 'error', name));
      const reason = `interchange ${received.id} (${received.status})\n${received.errorReason ?? ''}\n`;
      await fs.writeFile(path.join(dir, 'error', `${name}.reason.txt`), reason);
      result.failed.push(name);
    }
  }
  result.written = await writeOutbox(ctx, path.join(dir, 'outbox'));
  return result;
}

async function writeOutbox(ctx: AppContext, outbox: string): Promise<string[]> {
  const ready = await ctx.database.db
    .selectFrom('edi_interchanges as e')
    .innerJoin('trading_partners as p', 'p.id', 'e.partner_id')
    .select(['e.id', 'e.set_id', 'e.control_number', 'e.raw', 'p.code'])
    .where('e.direction', '=', 'out')
    .where('e.status', '=', 'ready')
    .orderBy('e.id')
    .execute();
  const written: string[] = [];
  for (const doc of ready) {
    const name = `${doc.code}-${doc.set_id}-${doc.control_number}.edi`;
    // Write then rename: the partner's pick-up never sees half a file.
    await fs.writeFile(path.join(outbox, `.${name}.tmp`), doc.raw);
    await fs.rename(path.join(outbox, `.${name}.tmp`), path.join(outbox, name));
    const marked = await ctx.database.write((trx) =>
      trx
        .updateTable('edi_interchanges')
        .set({ status: 'sent', updated_at: ctx.now().toISOString() })
        .where('id', '=', doc.id)
        .where('status', '=', 'ready')
        .executeTakeFirst(),
    );
    if (Number(marked.numUpdatedRows) > 0) written.push(name);
  }
  return written;
}
