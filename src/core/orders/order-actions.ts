import { isEditable, ORDER_TRANSITIONS, type OrderStatus } from './order-status.js';

/** What a person may ask of an order from its page; each is one API command. */
export type OrderAction = 'confirm' | 'release' | 'cancel' | 'edit';

/**
 * The actions an order's status allows, read from the transition table the server runs
 * (confirm → confirmed, release → released, cancel → cancelled; edit while `isEditable`).
 * The web app shows only these, so a shipped order offers nothing that would answer 409.
 * The server still decides: a guard (credit, hold releasers, ship-complete) may refuse.
 */
export function orderActions(status: string): OrderAction[] {
  const next = ORDER_TRANSITIONS[status as OrderStatus] as readonly OrderStatus[] | undefined;
  if (!next) return [];
  const actions: OrderAction[] = [];
  if (next.includes('confirmed')) actions.push('confirm');
  if (next.includes('released')) actions.push('release');
  if (isEditable(status as OrderStatus)) actions.push('edit');
  if (next.includes('cancelled')) actions.push('cancel');
  return actions;
}
