import { describe, expect, it } from 'vitest';
import {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  allocationStatus,
  isEditable,
  moveOrder,
} from './order-status.js';

describe('order lifecycle', () => {
  it('lists a transition row for every status, pointing only at known statuses', () => {
    for (const status of ORDER_STATUSES) {
      for (const next of ORDER_TRANSITIONS[status]) expect(ORDER_STATUSES).toContain(next);
    }
  });

  it('refuses illegal moves with a stable code', () => {
    expect(moveOrder('confirmed', 'allocated')).toEqual({ ok: true, value: 'allocated' });
    expect(moveOrder('shipped', 'cancelled')).toMatchObject({
      ok: false,
      error: { code: 'ORDER.ILLEGAL_TRANSITION' },
    });
    expect(moveOrder('cancelled', 'confirmed').ok).toBe(false);
  });

  it('lets lines change only before release', () => {
    expect(isEditable('backordered')).toBe(true);
    expect(isEditable('released')).toBe(false);
  });

  it('derives the allocation state from held quantity', () => {
    expect(allocationStatus([{ ordered: 5, allocated: 5, cancelled: 0 }])).toBe('allocated');
    expect(allocationStatus([{ ordered: 5, allocated: 2, cancelled: 0 }])).toBe(
      'partially_allocated',
    );
    expect(allocationStatus([{ ordered: 5, allocated: 0, cancelled: 0 }])).toBe('backordered');
    expect(allocationStatus([{ ordered: 5, allocated: 3, cancelled: 2 }])).toBe('allocated');
  });
});
