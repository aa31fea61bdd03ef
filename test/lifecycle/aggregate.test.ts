// The aggregate review score (src/lifecycle/reviews.ts) equals a hand computation, including the
// per-reviewer z-score correction and its fall-backs.
import { describe, expect, it } from 'vitest';
import { aggregateOf, checkScores, weightedMean, type ScoredReview } from '../../src/lifecycle/reviews.ts';
import { defaultForm } from '../../src/lifecycle/admission-form.ts';

const criteria = [
  { id: 'market', name: { zh: '市场' }, weight: 3 },
  { id: 'team', name: { zh: '团队' }, weight: 1 },
];

describe('aggregate', () => {
  it('weighted mean: Σ w·s / Σ w', () => {
    expect(weightedMean({ market: 5, team: 1 }, criteria)).toBe(4);
    expect(weightedMean({ team: 2 }, criteria)).toBe(2);
    expect(weightedMean({}, criteria)).toBeNull();
  });

  it('corrects a harsh and a lenient reviewer by their z-scores, mapped back with the center mean and spread', () => {
    // Reviewer H scores everything low (1, 3: μ=2, σ=1); reviewer L high (4, 5: μ=4.5, σ=0.5).
    // Reviewer S has one review only (falls back to its raw mean).
    const reviews: ScoredReview[] = [
      { applicationId: 'A', reviewer: 'H', mean: 3 },
      { applicationId: 'B', reviewer: 'H', mean: 1 },
      { applicationId: 'A', reviewer: 'L', mean: 4 },
      { applicationId: 'B', reviewer: 'L', mean: 5 },
      { applicationId: 'A', reviewer: 'S', mean: 2 },
    ];
    // Center: means 3,1,4,5,2 → μ_C = 3, σ_C = √((0+4+1+4+1)/5) = √2.
    const muC = 3;
    const sigmaC = Math.sqrt(2);
    // A: H z=(3−2)/1=1 → 3+√2; L z=(4−4.5)/0.5=−1 → 3−√2; S raw 2.
    const a = aggregateOf('A', reviews, 5)!;
    expect(a.reviews).toBe(3);
    expect(a.score).toBeCloseTo((muC + sigmaC + (muC - sigmaC) + 2) / 3, 12);
    // Spread: raw means 3, 4, 2 → μ=3, σ=√(2/3).
    expect(a.spread).toBeCloseTo(Math.sqrt(2 / 3), 12);
    // B: H z=−1 → 3−√2; L z=+1 → 3+√2 → 3 (the harsh reviewer's best and the lenient one's worst agree).
    const b = aggregateOf('B', reviews, 5)!;
    expect(b.score).toBeCloseTo(3, 12);
    expect(b.spread).toBeCloseTo(2, 12);
    expect(aggregateOf('C', reviews, 5)).toBeNull();
  });

  it('falls back to raw means without spread, and clamps to the scale', () => {
    const flat: ScoredReview[] = [
      { applicationId: 'A', reviewer: 'F', mean: 4 },
      { applicationId: 'B', reviewer: 'F', mean: 4 },
    ];
    expect(aggregateOf('A', flat, 5)).toEqual({ score: 4, spread: 0, reviews: 1 });
    // z = +1 for X on A; center μ=1.5+…: means 5,1,1,1 → μ=2, σ=√3; 2+√3 ≈ 3.73 (within scale).
    const wide: ScoredReview[] = [
      { applicationId: 'A', reviewer: 'X', mean: 5 },
      { applicationId: 'B', reviewer: 'X', mean: 1 },
      { applicationId: 'C', reviewer: 'Y', mean: 1 },
      { applicationId: 'D', reviewer: 'Y', mean: 1 },
    ];
    expect(aggregateOf('A', wide, 5)!.score).toBeCloseTo(2 + Math.sqrt(3), 12);
    // On a scale of 3 the same maps past the top and is clamped.
    expect(aggregateOf('A', wide, 3)!.score).toBe(3);
  });

  it('scores: every criterion, whole numbers in 1..scale, no unknown ones', () => {
    const form = { ...defaultForm('c'), criteria, scale: 5 };
    expect(checkScores({ market: 5, team: 1 }, form)).toEqual([]);
    expect(checkScores({ market: 6, team: 1 }, form).map((i) => i.path)).toEqual(['scores.market']);
    expect(checkScores({ market: 2.5, team: 1 }, form).map((i) => i.path)).toEqual(['scores.market']);
    expect(checkScores({ market: 2 }, form).map((i) => i.path)).toEqual(['scores.team']);
    expect(checkScores({ market: 2, team: 2, x: 3 }, form).map((i) => i.path)).toEqual(['scores.x']);
  });
});
