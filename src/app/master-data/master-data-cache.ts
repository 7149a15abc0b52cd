import type { DialectAdapter } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { readWithBegin } from '../../adapters/db/pg-prepared.js';

/** Entries per map before it is emptied: bounds memory for catalogs of any size. */
const MAX_ENTRIES = 200_000;

const READ_VERSION = fixedSql(
  'master-data.version',
  'select version from master_data_version where id = 1',
);
// On PostgreSQL the version travels with BEGIN: no round trip of its own for a write that
// starts by placing an order.
readWithBegin(READ_VERSION.postgres);

/**
 * Order-entry master data (customers, ship-tos, SKU pricing facts, shelf-life rules) held in
 * process between orders. Every use starts with `masterData(trx)`, which reads the version row
 * that triggers move on any change of that data (see migration 0012), in the caller's
 * transaction: a change by any process — or earlier in the same transaction — empties the
 * cache before anything is read from it. Values are loaded on a miss by the caller's loader,
 * in the caller's transaction, so they are as fresh as the version read.
 */
export class MasterDataCache {
  #version = -1;
  readonly #maps = new Map<string, Map<string, unknown>>();
  /** Loads under way, per kind: callers asking for the same key meanwhile share one. */
  readonly #loading = new Map<string, Map<string, Promise<unknown>>>();

  /** Brings the cache to the database's current version (one indexed read). */
  async refresh(trx: Tx): Promise<this> {
    const [row] = await runSql<{ version: number | string }>(trx, READ_VERSION, []);
    const version = Number(row?.version ?? 0);
    if (version !== this.#version) {
      this.#maps.clear();
      this.#loading.clear();
      this.#version = version;
    }
    return this;
  }

  /** The cached value of `key` in `kind`, loading it on a miss. */
  async get<V>(kind: string, key: string, load: () => Promise<V>): Promise<V> {
    const map = this.#map(kind);
    if (map.has(key)) return map.get(key) as V;
    let loading = this.#loading.get(kind);
    if (!loading) this.#loading.set(kind, (loading = new Map()));
    const pending = loading.get(key);
    if (pending) return pending as Promise<V>;
    // A load that ends after a version change lands in the map it started from, now detached.
    const load$ = load().then((value) => {
      this.#remember(map, key, value);
      return value;
    });
    loading.set(key, load$);
    try {
      return await load$;
    } finally {
      if (loading.get(key) === load$) loading.delete(key);
    }
  }

  /**
   * Cached values for many keys, loading the missing ones in one call: `load` gets the missing
   * keys and returns a value for each (absent keys are cached as undefined).
   */
  async getMany<V>(
    kind: string,
    keys: readonly string[],
    load: (missing: string[]) => Promise<ReadonlyMap<string, V>>,
  ): Promise<Map<string, V | undefined>> {
    const map = this.#map(kind);
    const missing = [...new Set(keys.filter((k) => !map.has(k)))];
    if (missing.length > 0) {
      const loaded = await load(missing);
      for (const key of missing) this.#remember(map, key, loaded.get(key));
    }
    return new Map(keys.map((k) => [k, map.get(k) as V | undefined]));
  }

  #map(kind: string): Map<string, unknown> {
    let map = this.#maps.get(kind);
    if (!map) this.#maps.set(kind, (map = new Map()));
    return map;
  }

  #remember(map: Map<string, unknown>, key: string, value: unknown) {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  }
}

/** One cache per store: transactions of one Kysely instance share its dialect adapter. */
const caches = new WeakMap<DialectAdapter, MasterDataCache>();

/** The store's master-data cache, brought up to date in the caller's transaction. */
export async function masterData(trx: Tx): Promise<MasterDataCache> {
  const adapter = trx.getExecutor().adapter;
  let cache = caches.get(adapter);
  if (!cache) caches.set(adapter, (cache = new MasterDataCache()));
  return cache.refresh(trx);
}
