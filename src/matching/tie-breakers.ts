// Tie-breakers (issue 23, class 9): proximity, own center and capacity say little about fit; weighed
// like fit features they lead flat rankings. Features marked `tieBreaker` share at most
// TIE_BREAKER_SHARE of a score, whatever weights a center gives them (the center's weights still
// set their share below that cap and their ratio to one another), and the fit features the rest: a
// difference in fit larger than the cap cannot be overturned by them, equal fits are ordered by them.
// A feature the hard rules make constant within a query (region when every candidate is in the
// project's prefecture) shifts every score alike, so it cannot reorder anything.
import type { Feature } from './types.ts';

/** The most a score's tie-breakers together can weigh. */
export const TIE_BREAKER_SHARE = 0.05;

/** The weight a center gives a feature; 0 when it does not use it (none, zero, negative or not a number). */
export function weightOf(f: Pick<Feature<never>, 'id'>, weights: Record<string, number>): number {
  const w = weights[f.id] ?? 0;
  return Number.isFinite(w) ? Math.max(w, 0) : 0;
}

/**
 * The factors by which Σ weight·value of the fit features and of the tie-breakers become a score in
 * [0, 1]. The tie-breakers' share follows the weights the center gives each kind (`fitWeight`,
 * `tieWeight`: every feature it uses), capped, so it is the same for every candidate; the totals of
 * the features that apply to this pair (`fitTotal`, `tieTotal`) divide each kind, as in Σ w·v / Σ w.
 * A kind none of whose features applies leaves the score to the other.
 */
export function blend(
  fitWeight: number,
  tieWeight: number,
  fitTotal: number,
  tieTotal: number,
): { fit: number; tie: number } {
  if (!tieTotal) return { fit: fitTotal ? 1 / fitTotal : 0, tie: 0 };
  if (!fitTotal) return { fit: 0, tie: 1 / tieTotal };
  const share = Math.min(TIE_BREAKER_SHARE, tieWeight / (fitWeight + tieWeight));
  return { fit: (1 - share) / fitTotal, tie: share / tieTotal };
}
