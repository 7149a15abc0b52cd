import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import { buildSscc } from '../../../core/gs1/sscc.js';
import { must } from '../../../core/shared/result.js';

/** Settings keys: the wholesaler's GS1 company prefix and SSCC extension digit. */
export const GS1_PREFIX_SETTING = 'gs1_company_prefix';
export const SSCC_EXTENSION_SETTING = 'sscc_extension_digit';
/** GS1's own example prefix, until the wholesaler enters the one GS1 licensed to it. */
export const DEFAULT_GS1_COMPANY_PREFIX = '0614141';

/**
 * Takes the next carton serial: one upsert that creates or increments the `sscc` row of the
 * sequences table inside the caller's transaction (a row lock on PostgreSQL; SQLite writers
 * are serial), so two packers never get the same number and a rolled-back carton gives its
 * serial back.
 */
export async function nextSerial(trx: Tx, name: string): Promise<number> {
  const row = await trx
    .insertInto('sequences')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`sequences.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

const NEXT_SSCC_SERIAL = fixedSql(
  'sscc.next-serial',
  `insert into sequences (name, value) values ('sscc', 1)
   on conflict (name) do update set value = sequences.value + 1
   returning value,
     (select value from settings where key = '${GS1_PREFIX_SETTING}') as prefix,
     (select value from settings where key = '${SSCC_EXTENSION_SETTING}') as extension`,
);

/** A new SSCC-18 from the settings (default prefix 0614141, extension digit 0) and the sequence. */
export async function nextSscc(trx: Tx): Promise<string> {
  // The serial and both settings in one statement: the upsert returns the settings beside it.
  const [row] = await runSql<{ value: number; prefix: string | null; extension: string | null }>(
    trx,
    NEXT_SSCC_SERIAL,
    [],
  );
  if (!row) throw new Error('no SSCC serial taken');
  const companyPrefix = row.prefix ?? DEFAULT_GS1_COMPANY_PREFIX;
  const extension = row.extension ?? '0';
  const serial = Number(row.value);
  // A serial that no longer fits (GS1.BAD_SSCC) means: take another extension digit; never reuse.
  return must(buildSscc(extension, companyPrefix, serial));
}
