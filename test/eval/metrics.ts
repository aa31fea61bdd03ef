// nDCG@k with graded gains (2^rel − 1), a log2 discount and the ideal ranking from the judged labels.
// Candidates with equal scores are a tie: the engine breaks ties by id (uuid order, i.e. insertion
// order), which says nothing about relevance, so a tie group is scored by its expected DCG over all
// orders of the group (McSherry & Najork, 2008): each position the group spans gets the group's mean
// gain. This makes the metric deterministic and fair to systems that score many candidates alike
// (a lexical-only ranking gives 0 to every candidate without a shared word).

export interface RankedItem {
  key: string;
  score: number;
}

export const gain = (rel: number) => 2 ** rel - 1;
const discount = (rank0: number) => 1 / Math.log2(rank0 + 2);

/** Expected DCG@k of a scored list with ties broken uniformly at random. */
export function dcgAtK(items: RankedItem[], rel: (key: string) => number, k: number): number {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let dcg = 0;
  for (let start = 0; start < sorted.length && start < k; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end].score === sorted[start].score) end++;
    const mean = sorted.slice(start, end).reduce((s, x) => s + gain(rel(x.key)), 0) / (end - start);
    for (let pos = start; pos < Math.min(end, k); pos++) dcg += mean * discount(pos);
    start = end;
  }
  return dcg;
}

export function idealDcgAtK(grades: number[], k: number): number {
  return [...grades]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) * discount(i), 0);
}

/** nDCG@k of `items` against graded labels (missing = 0); null when nothing is relevant. */
export function ndcgAtK(items: RankedItem[], grades: Record<string, number>, k = 10): number | null {
  const ideal = idealDcgAtK(
    Object.values(grades).filter((g) => g > 0),
    k,
  );
  if (ideal === 0) return null;
  return dcgAtK(items, (key) => grades[key] ?? 0, k) / ideal;
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** 1-based rank of `key` by score; within a tie, the mean rank of the tie group. null when absent. */
export function rankOf(items: RankedItem[], key: string): number | null {
  const mine = items.find((x) => x.key === key);
  if (!mine) return null;
  const above = items.filter((x) => x.score > mine.score).length;
  const tied = items.filter((x) => x.score === mine.score).length;
  return above + (tied + 1) / 2;
}
