import type { PickList, PickTask } from '../../api/types';

/** Where the picker is: which task, and whether its bin has been scanned yet. */
export interface PickPosition {
  task: PickTask | null;
  /** 1-based position of the task among all tasks of the wave (walking order). */
  number: number;
  total: number;
  next: PickTask | null;
}

/** The next open task in path order (the list comes sorted by walking sequence). */
export function position(list: PickList): PickPosition {
  const tasks = [...list.tasks].sort((a, b) => a.sequence - b.sequence);
  const index = tasks.findIndex((t) => t.status === 'open' && t.remaining > 0);
  const task = index >= 0 ? tasks[index]! : null;
  const next = index >= 0 ? (tasks.slice(index + 1).find((t) => t.remaining > 0) ?? null) : null;
  return { task, number: index + 1, total: tasks.length, next };
}

/** A bin scan matches the printed barcode or the bin code (case-insensitive). */
export function isBin(scan: string, location: PickTask['location']): boolean {
  const s = scan.trim().toUpperCase();
  return s === (location.barcode ?? '').toUpperCase() || s === location.code.toUpperCase();
}

/** Whether a scan is any bin of this wave: a bin scanned while a product was expected. */
export function anyBin(scan: string, list: PickList): PickTask['location'] | null {
  return list.tasks.map((t) => t.location).find((l) => isBin(scan, l)) ?? null;
}
