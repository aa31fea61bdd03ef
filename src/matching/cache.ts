// Match results kept per caller and request until the data they were computed from changes.
//
// A match call re-ranks hundreds of candidates (tens of ms at 100k rows); the same project's matches
// are asked for again and again (a coach's list, a founder's dashboard). Every write to a table a
// match reads bumps a generation and empties the cache:
//   - in this process, after each write request (read-your-writes: the next call sees the write);
//   - from any process or tool (the BullMQ worker storing vectors, another API replica, psql), via
//     PostgreSQL NOTIFY from statement triggers (migration 0007), delivered at commit.
// An entry computed while the generation moved is never stored, so a result read from data older than
// the last notified write is never served. A TTL bounds anything outside both paths (a lost listener
// connection is also treated as a change).
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';

/** The channel the triggers of migration 0007 notify on. */
export const MATCH_DATA_CHANNEL = 'match_data';

export interface MatchCache {
  readonly enabled: boolean;
  /** The stored body for `key`, if it was computed at the current generation and has not expired. */
  get(key: string): string | undefined;
  /** The generation to pass to `set`: read it before computing. */
  generation(): number;
  /** Stores `body` unless the data changed since `generation` was read. */
  set(key: string, body: string, generation: number): void;
  /** The data changed: forget everything. */
  invalidate(): void;
  /** For GET /v1/status: what is stored and how often it answered. */
  stats(): MatchCacheStats;
  /** Stops listening for changes. */
  close(): Promise<void>;
}

export interface MatchCacheStats {
  enabled: boolean;
  entries: number;
  bytes: number;
  /** Since start: lookups answered from the cache, lookups that were not, and times the data changed. */
  hits: number;
  misses: number;
  invalidations: number;
}

export interface MatchCacheOptions {
  ttlMs: number;
  /** Memory budget of the stored bodies (a result at limit=100 with reasons can reach ~100 KB). */
  maxBytes: number;
  now?: () => number;
}

/** Memory a body takes in V8: two bytes a character for text with Chinese in it. */
const sizeOf = (body: string) => body.length * 2;

/** An in-memory LRU with a generation, a TTL and a memory budget. */
export class MemoryMatchCache implements MatchCache {
  readonly enabled = true;
  private entries = new Map<string, { body: string; at: number }>();
  private bytes = 0;
  private gen = 0;
  private hits = 0;
  private misses = 0;
  private stopListening: (() => Promise<void>) | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: MatchCacheOptions) {
    this.now = opts.now ?? (() => Date.now());
  }

  get(key: string): string | undefined {
    const e = this.entries.get(key);
    if (!e || this.now() - e.at >= this.opts.ttlMs) {
      if (e) this.remove(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, e); // most recently used last
    return e.body;
  }

  generation(): number {
    return this.gen;
  }

  set(key: string, body: string, generation: number): void {
    if (generation !== this.gen || sizeOf(body) > this.opts.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { body, at: this.now() });
    this.bytes += sizeOf(body);
    // Least recently used first out.
    while (this.bytes > this.opts.maxBytes) this.remove(this.entries.keys().next().value!);
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(e.body);
  }

  invalidate(): void {
    this.gen++;
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): MatchCacheStats {
    return {
      enabled: true,
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
      invalidations: this.gen,
    };
  }

  /** Invalidates on every notification of `database`'s match-data triggers, and on each (re)connect of the listener. */
  async watch(database: Database, logger: Logger): Promise<void> {
    this.stopListening = await database.listen(
      MATCH_DATA_CHANNEL,
      () => this.invalidate(),
      () => {
        logger.debug('match cache: listening for data changes');
        this.invalidate();
      },
    );
  }

  async close(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = null;
    this.invalidate();
    await stop?.();
  }
}

/** No caching (MATCH_CACHE_TTL_MS=0): every call computes. */
export const noMatchCache: MatchCache = {
  enabled: false,
  get: () => undefined,
  generation: () => 0,
  set: () => {},
  invalidate: () => {},
  stats: () => ({ enabled: false, entries: 0, bytes: 0, hits: 0, misses: 0, invalidations: 0 }),
  close: async () => {},
};

export async function createMatchCache(
  database: Database,
  opts: MatchCacheOptions,
  logger: Logger,
): Promise<MatchCache> {
  if (opts.ttlMs <= 0 || opts.maxBytes <= 0) return noMatchCache;
  const cache = new MemoryMatchCache(opts);
  await cache.watch(database, logger);
  return cache;
}
