import { describe, expect, it } from 'vitest';
import { orderActions } from './order-actions.js';
import { moveOrder, ORDER_STATUSES } from './order-status.js';

const TARGET = { confirm: 'confirmed', release: 'released', cancel: 'cancelled' } as const;

describe('orderActions', () => {
  it('offers a command exactly when the transition table allows its move', () => {
    for (const status of ORDER_STATUSES) {
      const actions = orderActions(status);
      for (const [action, to] of Object.entries(TARGET)) {
        const allowed = moveOrder(status, to).ok;
        expect(actions.includes(action as keyof typeof TARGET), `${status} ${action}`).toBe(
          allowed,
        );
      }
    }
  });

  it('offers nothing on a shipped, delivered, closed or cancelled order, and edits only before release', () => {
    for (const status of ['shipped', 'delivered', 'closed', 'cancelled'])
      expect(orderActions(status)).toEqual([]);
    expect(orderActions('allocated')).toEqual(['release', 'edit', 'cancel']);
    expect(orderActions('released')).toEqual(['cancel']);
    expect(orderActions('draft')).toEqual(['confirm', 'edit', 'cancel']);
    expect(orderActions('no such status')).toEqual([]);
  });
});
