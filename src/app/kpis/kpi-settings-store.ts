import type { Tx } from '../../adapters/db/database.js';
import {
  KPI_SETTING_KEYS,
  parseKpiSettings,
  type KpiSettings,
} from '../../core/kpis/kpi-settings.js';

/** Settings rows are `kpi.<name>` in the shared settings table. */
const PREFIX = 'kpi.';

/** The KPI settings in force (defaults for anything not set). */
export async function readKpiSettings(db: Tx): Promise<KpiSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where(
      'key',
      'in',
      KPI_SETTING_KEYS.map((k) => PREFIX + k),
    )
    .execute();
  return parseKpiSettings(
    Object.fromEntries(rows.map((r) => [r.key.slice(PREFIX.length), r.value])),
  );
}

/** Changes some KPI settings; returns them all. */
export async function writeKpiSettings(
  trx: Tx,
  changes: Partial<KpiSettings>,
): Promise<KpiSettings> {
  for (const key of KPI_SETTING_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    await trx
      .insertInto('settings')
      .values({ key: PREFIX + key, value: String(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
      .execute();
  }
  return readKpiSettings(trx);
}
