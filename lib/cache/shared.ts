// A process-local cache whose entries are dropped when the database says their rows changed
// (lib/db/events.ts: LISTEN/NOTIFY from triggers), with a TTL only as the safety net for a
// notification lost with a dropped connection. The value is stored as a promise as soon as its
// load starts, so concurrent readers share one load and an invalidation that arrives during a
// load is never overwritten by the load's (older) result.
import { onCacheEvent, type CacheTopic } from "../db/events";

export interface SharedCacheOptions {
  /** Topics whose events clear entries: an event with an id clears that key, without one, all. */
  topics: CacheTopic[];
  ttlMs: number;
  /** Entries kept at most; beyond it the cache starts over (cheap, and never unbounded). */
  max?: number;
  /** Maps an event id to the cache keys it affects (default: the id itself). */
  keysOf?: (topic: CacheTopic, id: string) => string[] | "all";
}

interface Entry<V> {
  at: number;
  value: Promise<V>;
}

export class SharedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly opts: SharedCacheOptions) {
    for (const topic of opts.topics) {
      onCacheEvent(topic, (id) => {
        const keys = id === null ? "all" : (opts.keysOf?.(topic, id) ?? [id]);
        if (keys === "all") this.entries.clear();
        else for (const k of keys) this.entries.delete(k);
      });
    }
  }

  /** The cached value, or `load()`'s (kept unless it fails or resolves to undefined). */
  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.opts.ttlMs) return hit.value;
    if (this.entries.size >= (this.opts.max ?? 10_000)) this.entries.clear();
    const value = load();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        if (v === undefined && this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
