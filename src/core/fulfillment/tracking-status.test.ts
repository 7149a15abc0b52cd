import { describe, expect, it } from 'vitest';
import { fromEasyPostStatus, latestTrackingStatus } from './tracking-status.js';

describe('tracking status', () => {
  it("folds EasyPost's tracker statuses into the four a warehouse acts on", () => {
    expect(fromEasyPostStatus('pre_transit')).toBeNull();
    expect(fromEasyPostStatus('in_transit')).toBe('in_transit');
    expect(fromEasyPostStatus('available_for_pickup')).toBe('out_for_delivery');
    expect(fromEasyPostStatus('delivered')).toBe('delivered');
    for (const s of ['return_to_sender', 'failure', 'cancelled', 'error'])
      expect(fromEasyPostStatus(s)).toBe('exception');
    expect(fromEasyPostStatus('teleported')).toBeNull();
  });

  it('takes the event that happened last, whatever order they arrived in', () => {
    expect(
      latestTrackingStatus([
        { status: 'delivered', occurredAt: '2026-03-04T15:00:00.000Z' },
        { status: 'in_transit', occurredAt: '2026-03-02T09:00:00.000Z' },
      ]),
    ).toBe('delivered');
    expect(latestTrackingStatus([])).toBeNull();
  });
});
