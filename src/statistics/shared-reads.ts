// Reads that several metrics of one snapshot run need (the day's funnel events serve eleven metrics,
// the founders by region two, the graduate counts five): made once per run and day. A leaf module, so
// that figure modules can use it without importing the metric registry.

/** One per snapshot run (snapshots.ts); absent, each metric reads for itself (a live figure must not reuse an old read). */
export type SharedReads = Map<string, Promise<unknown>>;

/** `load()` once per `reads` and `key`; every call without `reads` loads afresh. */
export function sharedRead<T>(reads: SharedReads | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!reads) return load();
  let p = reads.get(key) as Promise<T> | undefined;
  if (!p) reads.set(key, (p = load()));
  return p;
}
