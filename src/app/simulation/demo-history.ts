import type { Tx } from '../../adapters/db/database.js';
import { daysBetween } from '../../core/shared/calendar-days.js';
import type { AppContext } from '../context.js';
import { seedDemo, type SeedDemoResult } from '../demo/seed-demo.js';
import { readSetting, writeSetting } from '../planning/planning-settings.js';
import { SimClock, simulatedContext } from './sim-clock.js';
import { addDays, at } from './sim-random.js';
import { DEFAULT_SIMULATION, simulate, type SimDay, type SimulationSummary } from './simulate.js';

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
  const planned = await planDemoHistory(ctx, days);
  const built = await continueDemoHistory(ctx, progress);
  return { ...planned, simulatedDays: built.simulatedDays, history: built.history };
}

/**
 * The quick half of `ensureDemoHistory`: seeds the demo `days` back, recording the plan for its
 * history in the same unit of work (so an interrupted start can never leave a demo that
 * forgot it wanted history). Seconds; the server can listen right after it.
 */
export async function planDemoHistory(
  ctx: AppContext,
  days: number,
): Promise<{ seeded: SeedDemoResult; history: DemoHistory | undefined }> {
  const today = ctx.now().toISOString().slice(0, 10);
  const startDate = addDays(today, -days);
  const plan: DemoHistory = { startDate, days, through: null };
  const seeded = await seedDemo(simulatedContext(ctx, new SimClock(at(startDate, 4))), {
    settings: days > 0 ? { [DEMO_HISTORY_KEY]: JSON.stringify(plan) } : {},
  });
  return { seeded, history: await readHistory(ctx) };
}

/** What `continueDemoHistory` simulated: the days, and the summary of those days. */
export interface DemoHistoryRun {
  simulatedDays: number;
  history: DemoHistory | undefined;
  summary: SimulationSummary | undefined;
}

/**
 * The slow half: simulates the planned days not done yet, saving progress after each. Minutes
 * for a year; `serve --demo` runs it after the server listens, with /health saying how far it
 * has got (see `demoHistoryStatus`).
 */
export async function continueDemoHistory(
  ctx: AppContext,
  progress: DemoHistoryProgress = {},
): Promise<DemoHistoryRun> {
  const history = await readHistory(ctx);
  if (!history) return { simulatedDays: 0, history, summary: undefined };
  const from = history.through === null ? history.startDate : addDays(history.through, 1);
  const remaining = history.days - daysBetween(history.startDate, from);
  if (remaining <= 0) return { simulatedDays: 0, history, summary: undefined };
  progress.onStart?.(remaining);
  let simulatedDays = 0;
  const summary = await ctx.database.withoutCommitFsync(() =>
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
  return { simulatedDays, history, summary };
}

/** How far the demo's history has got, for /health and the web app's banner. */
export interface DemoHistoryStatus {
  building: boolean;
  startDate: string;
  days: number;
  daysDone: number;
  /** The last simulated day, or null before the first. */
  through: string | null;
}

/** The demo history's progress, or undefined when the store has none planned. */
export async function demoHistoryStatus(db: Tx): Promise<DemoHistoryStatus | undefined> {
  const value = await readSetting(db, DEMO_HISTORY_KEY);
  if (value === undefined) return undefined;
  const history = JSON.parse(value) as DemoHistory;
  const daysDone =
    history.through === null ? 0 : daysBetween(history.startDate, history.through) + 1;
  return { ...history, daysDone, building: daysDone < history.days };
}

async function readHistory(ctx: AppContext): Promise<DemoHistory | undefined> {
  const value = await readSetting(ctx.database.db, DEMO_HISTORY_KEY);
  return value === undefined ? undefined : (JSON.parse(value) as DemoHistory);
}

function saveHistory(ctx: AppContext, history: DemoHistory): Promise<void> {
  return ctx.database.write((trx) => writeSetting(trx, DEMO_HISTORY_KEY, JSON.stringify(history)));
}
