import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { confirmPick } from '../fulfillment/picking/confirm-pick.js';
import { shortPick } from '../fulfillment/picking/short-pick.js';
import { getPickList, type PickListTask } from '../fulfillment/waves/pick-list.js';
import { planWave } from '../fulfillment/waves/plan-wave.js';
import { loadWaveCandidates } from '../fulfillment/waves/wave-candidates.js';
import { defaultWavePolicy } from '../../core/fulfillment/default-wave-policy.js';
import { DEFAULT_WAVE_LIMITS } from '../../core/fulfillment/wave-policy.js';
import { draw } from './sim-random.js';
import { runUnit, runUnits } from './sim-units.js';

/** The warehouse crew: plans waves, picks, packs, ships, counts. */
export const SIM_WAREHOUSE: Actor = {
  id: 'sim:warehouse',
  role: 'warehouse',
  customerId: null,
  apiKeyId: 0,
};

/** What the pickers did in a day. */
export interface PickDay {
  waves: number;
  tasks: number;
  units: number;
  /** Wrong bin scans the handheld refused before the picker scanned the right one. */
  scanErrors: number;
  shortPicks: number;
}

/** At most this many passes over a wave: a short pick re-allocates into new tasks of the same wave. */
const PASSES = 3;

/**
 * Plans waves until no allocated order is left waiting in any warehouse (batch picking, the
 * policy's urgency order and caps), and picks each wave by scan. With probability `errorRate` a pick
 * goes wrong: half the time the picker first scans the wrong bin (refused, then corrected),
 * half the time one unit is not found in the bin (a short pick: the rest is re-allocated from
 * other bins or backordered, and a count task is raised for the bin).
 */
export async function pickDay(
  ctx: AppContext,
  warehouseIds: readonly number[],
  errorRate: number,
  seed: number,
): Promise<PickDay> {
  const day: PickDay = { waves: 0, tasks: 0, units: 0, scanErrors: 0, shortPicks: 0 };
  for (const warehouseId of warehouseIds) {
    // The day's waves are cut from one read of what waits (the policy's urgency order), each
    // then planned for its own orders; a pick's re-allocation may leave more to wave, so look
    // again until a look plans nothing.
    for (;;) {
      const candidates = await loadWaveCandidates(ctx.database.db, warehouseId);
      const groups = defaultWavePolicy.group(candidates, DEFAULT_WAVE_LIMITS);
      let planned = 0;
      for (const { orderIds } of groups) {
        const wave = await runUnit(ctx.database, (trx) =>
          planWave(trx, { warehouseId, pickMode: 'batch', orderIds }, SIM_WAREHOUSE, ctx.now()),
        );
        if (!wave.ok) continue;
        planned++;
        day.waves++;
        for (let pass = 0; pass < PASSES; pass++) {
          const open = await openTasks(ctx, wave.value.id);
          if (open.length === 0) break;
          await pickTasks(ctx, open, errorRate, seed, day);
        }
      }
      if (planned === 0) break;
    }
  }
  return day;
}

async function openTasks(ctx: AppContext, waveId: number): Promise<PickListTask[]> {
  const list = await getPickList(ctx.database.db, waveId);
  if (!list.ok) return [];
  return list.value.tasks.filter((t) => t.status === 'open' && t.remaining > 0);
}

async function pickTasks(
  ctx: AppContext,
  tasks: readonly PickListTask[],
  errorRate: number,
  seed: number,
  day: PickDay,
): Promise<void> {
  const now = ctx.now();
  const mistakes = tasks.map((t) => mistakeFor(t, errorRate, seed));
  const wrongScans = tasks.filter((_, i) => mistakes[i] === 'wrong_scan');
  // The handheld refuses a wrong bin before anything changes: these units roll back.
  const refused = await runUnits(ctx.database, wrongScans, (trx, task) =>
    confirmPick(
      trx,
      task.taskId,
      { ...scansFor(task), locationScan: 'WRONG-BIN' },
      SIM_WAREHOUSE,
      now,
    ),
  );
  day.scanErrors += refused.filter((r) => !r.ok).length;
  const outcomes = await runUnits(ctx.database, tasks, async (trx, task, i) => {
    let remaining = task.remaining;
    if (mistakes[i] === 'short') {
      await shortPick(
        trx,
        task.taskId,
        { quantity: 1, reason: 'not in bin' },
        SIM_WAREHOUSE,
        ctx.policies.allocation,
        now,
      );
      remaining -= 1;
    }
    if (remaining > 0)
      await confirmPick(
        trx,
        task.taskId,
        { ...scansFor(task), quantity: remaining },
        SIM_WAREHOUSE,
        now,
      );
    return remaining;
  });
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    day.tasks++;
    day.units += o.value;
    if (mistakes[i] === 'short') day.shortPicks++;
  });
}

function mistakeFor(task: PickListTask, errorRate: number, seed: number) {
  const roll = draw(seed, task.taskId, 7);
  if (roll >= errorRate) return 'none' as const;
  return roll < errorRate / 2 ? ('wrong_scan' as const) : ('short' as const);
}

/** What the handheld sends: the bin's barcode and the item's GS1 label (GTIN, lot, expiry). */
function scansFor(task: PickListTask) {
  const gtin = (task.sku.gtin ?? '').padStart(14, '0');
  const lot = task.lot ? `(10)${task.lot.code}` : '';
  const expiry = task.lot?.expiryDate
    ? `(17)${task.lot.expiryDate.slice(2).replaceAll('-', '')}`
    : '';
  return {
    locationScan: task.location.barcode ?? task.location.code,
    itemScan: `(01)${gtin}${lot}${expiry}`,
    quantity: task.remaining,
  };
}
