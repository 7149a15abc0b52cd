import { daysBetween } from '../../core/shared/calendar-days.js';
import type { AppContext } from '../context.js';
import { seedDemo, type SeedDemoResult } from '../demo/seed-demo.js';
import { readSetting, writeSetting } from '../planning/planning-settings.js';
import { SimClock, simulatedContext } from './sim-clock.js';
import { addDays, at } from './sim-random.js';
import { DEFAULT_SIMULATION, simulate, type SimDay } from './simulate.js';

/** The `settings` key recording the demo's planned history and how far it has got. */
export const DEMO_HISTORY_KEY = 'demo_history';

/** The demo's volume: an ordinary weekday's orders in its simulated history. */
export const DEMO_HISTORY_ORDERS_PER_DAY = 40;

/** The plan stored under DEMO_HISTORY_KEY: `days` from `startDate`, done through `through`. */
export interface DemoHistory {
  startDate: string;
  days: number;
  /** The last simulated day, or null before the first. */
  through: string | null;
}

/** Told when days are about to be simulated (how many), and after each. */
export interface DemoHistoryProgress {
  onStart?: (days: number) => void;
  onDay?: (day: SimDay, index: number, total: number) => void;
}

export interface DemoHistoryResult {
  seeded: SeedDemoResult;
  /** Days simulated by this call (0 when the history was complete or not wanted). */
  simulatedDays: number;
  history: DemoHistory | undefined;
}

/**
 * Seeds the demo wholesaler with `days` of trading behind it, so a fresh install's dashboards
 * and forecasts show real curves: the demo is seeded `days` back (its opening stock comes
 * before the first simulated order) and the days up to yesterday are simulated through the
 * use cases (see `simulate`). Progress is saved after every day, so a start interrupted half
 * way resumes where it stopped (which is also why its commits skip the fsync: a day lost to a
 * crash is simply simulated again). A store seeded without history (or by an older version) is
 * left alone: history is only ever written behind a demo seeded for it.
 */
export async function ensureDemoHistory(
  ctx: AppContext,
  days: number,
  progress: DemoHistoryProgress = {},
): Promise<DemoHistoryResult> {
  const today = ctx.now().toISOString().slice(0, 10);
  const startDate = addDays(today, -days);
  const seeded = await seedDemo(simulatedContext(ctx, new SimClock(at(startDate, 4))));
  if (seeded.skus > 0 && days > 0) await saveHistory(ctx, { startDate, days, through: null });
  const history = await readHistory(ctx);
  if (!history) return { seeded, simulatedDays: 0, history };
  const from = history.through === null ? history.startDate : addDays(history.through, 1);
  const remaining = history.days - daysBetween(history.startDate, from);
  if (remaining <= 0) return { seeded, simulatedDays: 0, history };
  progress.onStart?.(remaining);
  let simulatedDays = 0;
  await ctx.database.withoutCommitFsync(() =>
    simulate(
      ctx,
      {
        ...DEFAULT_SIMULATION,
        days: remaining,
        startDate: from,
        ordersPerDay: DEMO_HISTORY_ORDERS_PER_DAY,
      },
      async (day, index) => {
        history.through = day.date;
        await saveHistory(ctx, history);
        simulatedDays++;
        progress.onDay?.(day, history.days - remaining + index, history.days);
      },
    ),
  );
  return { seeded, simulatedDays, history };
}

async function readHistory(ctx: AppContext): Promise<DemoHistory | undefined> {
  const value = await readSetting(ctx.database.db, DEMO_HISTORY_KEY);
  return value === undefined ? undefined : (JSON.parse(value) as DemoHistory);
}

function saveHistory(ctx: AppContext, history: DemoHistory): Promise<void> {
  return ctx.database.write((trx) => writeSetting(trx, DEMO_HISTORY_KEY, JSON.stringify(history)));
}
