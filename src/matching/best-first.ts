// Reads the candidate index's picks back best-first. Reading a pick back from SQL (the rules'
// verdict, the computed columns, pgvector's similarity) and scoring it in full costs ~10 µs; an
// investor's 2,000 eligible projects cost more to read than everything else in the call. Memory
// already holds all a score needs but the computed columns and pgvector's exact similarity, so each
// pick gets an upper bound of its score there: the features reading computed columns taken at their
// best (1) and the index's float32 similarity given a margin. Picks are then read back in order of
// their bound, until no unread pick's bound reaches the `limit`-th best score read: the answer is the
// one reading every pick would give, scores and order alike.
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Picked } from './candidate-index.ts';
import { pickedProfile, readBack } from './profile.ts';
import { blend, weightOf } from './tie-breakers.ts';
import type { Profile, Recipe } from './types.ts';

/**
 * How far the index's similarity may lie from pgvector's: both are float32 cosines of the same
 * vectors, summed in another order (measured below 1e-6 at 100 dimensions); scores are rounded to 1e-6.
 */
export const SIMILARITY_MARGIN = 1e-4;

/** Picks read in the first round: the limit, and room for those SQL drops (a live rule such as capacity). */
const firstRound = (limit: number) => 2 * limit + 10;

/**
 * The upper bound of a candidate's score (scoreCandidate in engine.ts) from what memory holds:
 * Σ weight·value / Σ weight (fit features and tie-breakers each, blended as tie-breakers.ts says) is
 * largest with each unknown feature included at 1, since neither ratio exceeds 1. The margin covers the similarity and the rounding.
 */
export function scoreBound<S extends Profile>(
  recipe: Recipe<S>,
  weights: Record<string, number>,
  s: S,
  c: Profile,
): number {
  let fitSum = 0;
  let fitTotal = 0;
  let tieSum = 0;
  let tieTotal = 0;
  let fitWeight = 0;
  let tieWeight = 0;
  for (const f of recipe.features) {
    const w = weightOf(f, weights);
    if (w <= 0) continue;
    if (f.tieBreaker) tieWeight += w;
    else fitWeight += w;
    const value = f.readsComputed ? 1 : f.compute(s, c)?.value;
    if (value === undefined) continue;
    if (f.tieBreaker) {
      tieSum += w * value;
      tieTotal += w;
    } else {
      fitSum += w * value;
      fitTotal += w;
    }
  }
  const k = blend(fitWeight, tieWeight, fitTotal, tieTotal);
  return fitSum * k.fit + tieSum * k.tie + SIMILARITY_MARGIN;
}

/**
 * The picks as scored profiles, read back best-first (see above); `score` is the engine's. `count`:
 * the picks less those SQL dropped when read back; `read`: how many were read back.
 */
export async function readBest<S extends Profile, T extends { score: number }>(
  db: Db,
  recipe: Recipe<S>,
  model: string,
  source: S,
  picked: Picked[],
  where: SQL | undefined,
  weights: Record<string, number>,
  limit: number,
  score: (c: Profile) => T,
): Promise<{ scored: T[]; count: number; read: number }> {
  if (picked.length <= firstRound(limit)) {
    const all = (await readBack(db, recipe, model, source, picked, where)).map(score);
    return { scored: all, count: all.length, read: picked.length };
  }
  const bounds = picked.map((p) => scoreBound(recipe, weights, source, pickedProfile(recipe, p, p.row, p.similarity)));
  const order = picked.map((_, i) => i).sort((a, b) => bounds[b] - bounds[a]);
  const scored: T[] = [];
  let read = 0;
  let next = firstRound(limit);
  while (next > 0) {
    const batch = order.slice(read, read + next).map((i) => picked[i]);
    read += batch.length;
    for (const c of await readBack(db, recipe, model, source, batch, where)) scored.push(score(c));
    // The limit-th best score so far; with fewer scored, every pick may still belong (−∞).
    const bar = scored.length < limit ? -Infinity : scored.map((x) => x.score).sort((a, b) => b - a)[limit - 1];
    next = 0;
    while (read + next < order.length && bounds[order[read + next]] >= bar) next++;
  }
  return { scored, count: picked.length - (read - scored.length), read };
}
