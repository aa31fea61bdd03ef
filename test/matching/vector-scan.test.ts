// The candidate index's vector store (src/matching/vector-scan.ts): its hand-assembled WebAssembly
// SIMD dot products equal the JavaScript ones (to float32 rounding), vectors survive growth, and
// dimensions the SIMD code cannot take fall back to JavaScript.
import { describe, expect, it } from 'vitest';
import { VectorScan } from '../../src/matching/vector-scan.ts';

/** A deterministic pseudo-random vector (no Math.random: a failure must reproduce). */
function vector(dims: number, seed: number): number[] {
  let x = (seed * 2654435761) % 2 ** 32;
  return Array.from({ length: dims }, () => {
    x = (x * 1664525 + 1013904223) % 2 ** 32;
    return x / 2 ** 32 - 0.5;
  });
}

const cosine = (a: number[], b: number[]) => {
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) [dot, na, nb] = [dot + a[i] * b[i], na + a[i] ** 2, nb + b[i] ** 2];
  return dot / Math.sqrt(na * nb);
};

describe('vector scan', () => {
  it.each([4, 100, 384])(
    'computes the cosine of a query with chosen slots by SIMD, %i dimensions, across growth',
    (dims) => {
      const scan = new VectorScan(dims);
      expect(scan.simd).toBe(true); // Node 20 has WebAssembly SIMD: the fast path is the one measured
      const rows = 2500;
      for (let s = 0; s < rows; s++) {
        if (s >= scan.capacity) scan.grow(Math.max(1024, scan.capacity * 2)); // as the index grows: vectors kept
        scan.set(s, vector(dims, s + 1));
      }
      const query = vector(dims, 99_999);
      const slots = [2499, 0, 7, 1024, 1023, 2048, 5, 5];
      const got = scan.dots(scan.query(query), slots);
      expect(got.length).toBe(slots.length);
      for (const [j, s] of slots.entries()) expect(got[j]).toBeCloseTo(cosine(query, vector(dims, s + 1)), 5);
      // The same products in JavaScript, to float32 rounding.
      const js = new VectorScan(dims, { useSimd: false });
      js.grow(rows);
      for (let s = 0; s < rows; s++) js.set(s, vector(dims, s + 1));
      expect(js.simd).toBe(false);
      const all = Array.from({ length: rows }, (_, s) => s);
      const [a, b] = [scan.dots(scan.query(query), all), js.dots(js.query(query), all)];
      for (let s = 0; s < rows; s++) expect(Math.abs(a[s] - b[s])).toBeLessThan(1e-6);
      expect(scan.dots(scan.query(query), []).length).toBe(0);
    },
  );

  it('falls back to JavaScript for a dimension that is not a multiple of 4', () => {
    const scan = new VectorScan(6);
    expect(scan.simd).toBe(false);
    scan.grow(2);
    scan.set(0, [1, 0, 0, 0, 0, 0]);
    scan.set(1, [1, 1, 0, 0, 0, 0]);
    const [a, b] = scan.dots(scan.query([2, 0, 0, 0, 0, 0]), [0, 1]);
    expect(a).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
