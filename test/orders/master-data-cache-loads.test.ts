import { describe, expect, it } from 'vitest';
import { MasterDataCache } from '../../src/app/master-data/master-data-cache.js';

/** Loads the cache shares: callers asking for one key while it loads wait for that one load. */
describe('master-data cache loads', () => {
  it('shares a load under way among concurrent callers, then serves the value', async () => {
    const cache = new MasterDataCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { postalCode: '43215' };
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('warehouse-address', '1', load)),
    );
    expect(loads).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(await cache.get('warehouse-address', '1', load)).toBe(answers[0]);
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next caller loads again', async () => {
    const cache = new MasterDataCache();
    await expect(
      cache.get('customer', '7', () => Promise.reject(new Error('gone'))),
    ).rejects.toThrow('gone');
    expect(await cache.get('customer', '7', async () => 'back')).toBe('back');
  });
});
