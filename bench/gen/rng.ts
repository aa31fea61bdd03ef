// A small seeded PRNG (mulberry32) with the helpers the generator needs: the same seed gives the
// same data set on any machine (ids included), so benchmark runs are comparable.
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  /** A child stream keyed by a label: each entity kind has its own, so changing one count doesn't reshuffle the others. */
  fork(label: string): Rng {
    let h = this.s ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new Rng(h >>> 0);
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Weighted pick: `[[value, weight], ...]`. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of xs) total += w;
    let r = this.next() * total;
    for (const [v, w] of xs) if ((r -= w) < 0) return v;
    return xs[xs.length - 1][0];
  }
  /** n distinct items (order random). */
  some<T>(xs: readonly T[], n: number): T[] {
    // Picking a few out of a large pool (founders for a project): sample indices, don't copy the pool.
    if (xs.length > 64 && n <= 8) {
      const seen = new Set<number>();
      while (seen.size < n) seen.add(Math.floor(this.next() * xs.length));
      return [...seen].map((i) => xs[i]);
    }
    const pool = [...xs];
    const out: T[] = [];
    for (let i = 0; i < Math.min(n, pool.length); i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      out.push(pool[i]);
    }
    return out;
  }
  /** A UUIDv7-shaped id from this stream (fixed time prefix + counter keeps inserts index-local). */
  uuid(counter: number, epochMs = 1_790_000_000_000): string {
    const b = new Uint8Array(16);
    const t = epochMs + counter;
    for (let i = 5; i >= 0; i--) b[5 - i] = Math.floor(t / 2 ** (8 * i)) & 0xff;
    for (let i = 6; i < 16; i++) b[i] = Math.floor(this.next() * 256);
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
