import { transition, type TransitionTable } from '../shared/fsm.js';
import type { Result } from '../shared/result.js';

/** A wave's life: planned, released to the floor, being picked, done (or called off). */
export const WAVE_STATUSES = ['planned', 'released', 'picking', 'completed', 'cancelled'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export const WAVE_TRANSITIONS: TransitionTable<WaveStatus> = {
  planned: ['released', 'cancelled'],
  released: ['picking', 'completed', 'cancelled'],
  picking: ['completed'],
  completed: [],
  cancelled: [],
};

/** Waves whose orders may not join another wave. */
export const ACTIVE_WAVE_STATUSES: readonly WaveStatus[] = ['planned', 'released', 'picking'];

export function moveWave(from: WaveStatus, to: WaveStatus): Result<WaveStatus> {
  return transition('WAVE', WAVE_TRANSITIONS, from, to);
}

/** A pick task: open until everything is picked, or closed short, or cancelled with its order. */
export type PickTaskStatus = 'open' | 'picked' | 'short' | 'cancelled';

/** The state a task is in once `picked + short` of its `quantity` are accounted for. */
export function taskStatusAfter(quantity: number, picked: number, short: number): PickTaskStatus {
  if (picked + short < quantity) return 'open';
  return short > 0 ? 'short' : 'picked';
}
