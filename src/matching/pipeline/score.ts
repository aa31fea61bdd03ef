// Stage 4, score: Σ weight·value over the features that apply, divided by their total weight, in
// [0, 1]; tie-breakers share at most a small part of it (tie-breakers.ts). One accumulation serves
// the score of a read-back candidate and the upper bound of an index pick's score (read-back.ts), so
// both ranking paths weigh features alike.
import { blend, weightOf } from '../tie-breakers.ts';
import type { Feature, Profile, Recipe, Texts } from '../types.ts';

export interface Scored {
  profile: Profile;
  score: number;
  contributions: { id: string; weight: number; value: number; detail: () => Texts }[];
}

/** Best first; ties by id so results are stable. */
export const byScore = (a: Scored, b: Scored) => b.score - a.score || (a.profile.row.id < b.profile.row.id ? -1 : 1);

/**
 * The recipe's features weighed with `weights`: `value` gives each used feature's value (undefined
 * when it does not apply: it leaves the denominator). Returns Σ w·v over the fit features times
 * blend()'s fit factor plus the same for the tie-breakers, and the factors themselves.
 */
export function weigh<S extends Profile>(
  recipe: Recipe<S>,
  weights: Record<string, number>,
  value: (f: Feature<S>, weight: number) => number | undefined,
): { total: number; k: { fit: number; tie: number } } {
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
    const v = value(f, w);
    if (v === undefined) continue;
    if (f.tieBreaker) {
      tieSum += w * v;
      tieTotal += w;
    } else {
      fitSum += w * v;
      fitTotal += w;
    }
  }
  const k = blend(fitWeight, tieWeight, fitTotal, tieTotal);
  return { total: fitSum * k.fit + tieSum * k.tie, k };
}

/**
 * Scores one candidate (see above). The contributions carry the weight they count at in the score,
 * so that the explanation names what decided before what broke ties.
 */
export function scoreCandidate<S extends Profile>(
  recipe: Recipe<S>,
  weights: Record<string, number>,
  s: S,
  c: Profile,
): Scored {
  const contributions: Scored['contributions'] = [];
  const ties: boolean[] = [];
  const { total, k } = weigh(recipe, weights, (f, w) => {
    const r = f.compute(s, c);
    if (!r) return undefined;
    contributions.push({ id: f.id, weight: w, value: r.value, detail: r.detail });
    ties.push(!!f.tieBreaker);
    return r.value;
  });
  for (let i = 0; i < contributions.length; i++) contributions[i].weight *= ties[i] ? k.tie : k.fit;
  const score = Math.round(Math.min(1, total) * 1e6) / 1e6;
  return { profile: c, score, contributions };
}

/**
 * How far the index's similarity may lie from pgvector's: both are float32 cosines of the same
 * vectors, summed in another order (measured below 1e-6 at 100 dimensions); scores are rounded to 1e-6.
 */
export const SIMILARITY_MARGIN = 1e-4;

/**
 * The upper bound of a candidate's score (scoreCandidate) from what memory holds: each ratio
 * Σ w·v / Σ w is largest with each unknown feature (Feature.readsComputed) included at 1, since
 * neither exceeds 1. The margin covers the similarity and the rounding.
 */
export function scoreBound<S extends Profile>(
  recipe: Recipe<S>,
  weights: Record<string, number>,
  s: S,
  c: Profile,
): number {
  return weigh(recipe, weights, (f) => (readsComputed(f, s) ? 1 : f.compute(s, c)?.value)).total + SIMILARITY_MARGIN;
}

/** Whether a feature reads a computed column for this source (Feature.readsComputed). */
function readsComputed<S extends Profile>(f: Recipe<S>['features'][number], s: S): boolean {
  return typeof f.readsComputed === 'function' ? f.readsComputed(s) : !!f.readsComputed;
}
