// Tie-breakers (issue 23, class 9) order candidates of equal fit and cannot overturn a real difference in fit.
import { describe, expect, it } from 'vitest';
import { scoreBound } from '../../src/matching/pipeline/score.ts';
import { byScore, scoreCandidate } from '../../src/matching/engine.ts';
import { projectServices } from '../../src/matching/recipes/project-services.ts';
import { blend, TIE_BREAKER_SHARE, weightOf } from '../../src/matching/tie-breakers.ts';
import type { Feature, Profile, Recipe } from '../../src/matching/types.ts';
import { profile, projectSource } from './profiles.ts';

const detail = () => ({ zh: '', en: '', bo: '' });
/** A feature reading one number of the candidate's row. */
const column = (id: string, more: Partial<Feature<Profile>> = {}): Feature<Profile> => ({
  id,
  compute: (_s, c) => (c.row[id] == null ? null : { value: c.row[id], detail }),
  ...more,
});
const recipe = (features: Feature<Profile>[]) => ({ features }) as unknown as Recipe<Profile>;

describe('weights and their blend', () => {
  it('reads a usable weight, 0 for none, negative or not a number', () => {
    expect(weightOf({ id: 'fit' }, { fit: 0.4 })).toBe(0.4);
    expect(weightOf({ id: 'near' }, {})).toBe(0);
    expect(weightOf({ id: 'fit' }, { fit: -1 })).toBe(0);
    expect(weightOf({ id: 'fit' }, { fit: Number.NaN })).toBe(0);
  });

  it('caps the tie-breakers share, keeps a smaller one, and leaves a score to the kind that applies', () => {
    expect(blend(0.5, 0.5, 0.5, 0.5)).toEqual({ fit: (1 - TIE_BREAKER_SHARE) / 0.5, tie: TIE_BREAKER_SHARE / 0.5 });
    const small = blend(0.99, 0.01, 0.99, 0.01);
    expect(small.tie * 0.01).toBeCloseTo(0.01);
    expect(blend(1, 0.5, 1, 0)).toEqual({ fit: 1, tie: 0 });
    expect(blend(1, 0.5, 0, 0.5)).toEqual({ fit: 0, tie: 2 });
    expect(blend(0, 0, 0, 0)).toEqual({ fit: 0, tie: 0 });
  });
});

describe('scoreCandidate with tie-breakers', () => {
  const r = recipe([column('fit'), column('near', { tieBreaker: true })]);
  const weights = { fit: 0.5, near: 0.5 };
  const s = profile({ id: 's' });

  it('lets a tie-breaker order equal fits but not overturn a better fit', () => {
    const better = scoreCandidate(r, weights, s, profile({ id: 'a', fit: 0.6, near: 0 }));
    const closer = scoreCandidate(r, weights, s, profile({ id: 'b', fit: 0.5, near: 1 }));
    const equalCloser = scoreCandidate(r, weights, s, profile({ id: 'c', fit: 0.6, near: 1 }));
    expect([closer, better, equalCloser].sort(byScore).map((x) => x.profile.row.id)).toEqual(['c', 'a', 'b']);
  });

  it('keeps scores in [0, 1] and reports the weight counted', () => {
    const top = scoreCandidate(r, weights, s, profile({ id: 'a', fit: 1, near: 1 }));
    const bottom = scoreCandidate(r, weights, s, profile({ id: 'b', fit: 0, near: 0 }));
    expect(top.score).toBe(1);
    expect(bottom.score).toBe(0);
    expect(top.contributions.find((c) => c.id === 'near')?.weight).toBeCloseTo(TIE_BREAKER_SHARE);
  });

  it('stays under the best-first bound when the tie-breaker reads a computed column', () => {
    const computed = recipe([column('fit'), column('near', { tieBreaker: true, readsComputed: true })]);
    for (const [fit, near] of [
      [0.2, 1],
      [0.9, 0],
      [0.5, 0.5],
      [0.9, null], // not applicable once read
    ]) {
      const c = profile({ id: 'x', fit, near });
      expect(scoreCandidate(computed, weights, s, c).score).toBeLessThanOrEqual(scoreBound(computed, weights, s, c));
    }
  });
});

describe('project → services: proximity breaks ties', () => {
  const s = projectSource({ id: 'p', regionCode: '540102', centerId: null, languages: ['zh'] }, { legal: 1 });
  const service = (id: string, category: string, regionCodes: string[]) =>
    profile({ id, category, regionCodes, centerId: null, languages: ['zh'] });
  const rank = (...cs: Profile[]) =>
    cs
      .map((c) => scoreCandidate(projectServices, projectServices.defaultWeights, s, c))
      .sort(byScore)
      .map((x) => x.profile.row.id);

  it('puts the local one of two equal services first, and a service meeting the need before a local one that does not', () => {
    expect(rank(service('everywhere', 'legal', []), service('local', 'legal', ['540100']))).toEqual([
      'local',
      'everywhere',
    ]);
    expect(rank(service('local-other', 'tech_transfer', ['540100']), service('meets', 'legal', []))).toEqual([
      'meets',
      'local-other',
    ]);
  });
});
