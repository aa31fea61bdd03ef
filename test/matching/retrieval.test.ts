// The hybrid retrieval paths (vector kNN ∪ keyword rank), taken when the rules leave more candidates
// than the exact limit: forced here with a tiny limit, each must return exactly what exhaustive
// scoring returns when every candidate is within reach of the two channels, and nothing the rules
// exclude. Both are exercised: one statement over a mid-sized table (singlePass) and, for large
// tables, the id probe plus the two indexed channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecipe } from '../../src/matching/engine.ts';
import { projectMentors } from '../../src/matching/recipes/project-mentors.ts';
import { loadProjectSource, recipeWeights } from '../../src/matching/service.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { createShopProject, MENTOR_BIOS } from './shop-fixture.ts';

let t: TestApp;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  projectId = (await createShopProject(t)).projectId;
  for (let i = 0; i < 24; i++) {
    await t.request('POST', '/v1/mentors', {
      body: {
        name: `导师${i}`,
        bio: MENTOR_BIOS[i % MENTOR_BIOS.length] + (i >= MENTOR_BIOS.length ? '，兼职' : ''),
        expertise: [i % 3 ? 'marketing' : 'ecommerce'],
        sectors: ['plateau_biology'],
        languages: ['zh'],
        regionCode: '540102',
        remote: i % 2 === 0,
        capacity: 2,
        active: true,
      },
    });
  }
  // Excluded by the rules: no shared language, inactive.
  for (let i = 0; i < 4; i++) {
    await t.request('POST', '/v1/mentors', {
      body: {
        name: `排除${i}`,
        bio: MENTOR_BIOS[i],
        expertise: ['marketing'],
        sectors: ['plateau_biology'],
        languages: i < 2 ? ['en'] : ['zh'],
        regionCode: '540102',
        remote: true,
        capacity: 2,
        active: i < 2,
      },
    });
  }
  await t.service.queue.drained();
});
afterAll(async () => {
  await t?.close();
});

describe('hybrid retrieval', () => {
  it('returns the same ranking as exhaustive scoring when both channels reach every candidate', async () => {
    const ctx = { db: t.db, model: t.service.embedder.id, lang: 'zh' as const };
    const source = (await loadProjectSource(ctx, projectId))!;
    const opts = { limit: 10, weights: recipeWeights(projectMentors, null) };
    const exact = await runRecipe(ctx, projectMentors, source, opts);
    expect(exact.candidates).toBe(24);
    for (const singlePassMaxRows of [1_000_000, 0]) {
      const hybrid = await runRecipe(ctx, projectMentors, source, { ...opts, exactLimit: 5, singlePassMaxRows });
      expect(hybrid.candidates, `singlePassMaxRows ${singlePassMaxRows}`).toBe(24);
      expect(hybrid.items.map((i) => [i.id, i.score])).toEqual(exact.items.map((i) => [i.id, i.score]));
      expect(hybrid.items.some((i) => String(i.name).startsWith('排除'))).toBe(false);
    }
    // Within the exact limit the one statement returns every eligible row, not just the channels' picks.
    const within = await runRecipe(ctx, projectMentors, source, {
      ...opts,
      exactLimit: 24,
      singlePassMaxRows: 1_000_000,
    });
    expect(within.candidates).toBe(24);
    // No limit at all (exhaustive scoring, as recall measurements use) gives the same ranking.
    const unlimited = await runRecipe(ctx, projectMentors, source, { ...opts, exactLimit: Infinity });
    expect(unlimited.items.map((i) => [i.id, i.score])).toEqual(exact.items.map((i) => [i.id, i.score]));
  });

  it("a recipe's own retrieval depth applies with its default weights only", async () => {
    const ctx = { db: t.db, model: t.service.embedder.id, lang: 'zh' as const };
    const source = (await loadProjectSource(ctx, projectId))!;
    const narrow = { ...projectMentors, retrieval: { exactLimit: 5, retrieveK: 3 } };
    const tuned = await runRecipe(ctx, narrow, source, { limit: 10, weights: recipeWeights(narrow, null) });
    expect(tuned.candidates).toBeGreaterThanOrEqual(3);
    expect(tuned.candidates).toBeLessThanOrEqual(6); // 3 nearest ∪ 3 best keyword matches
    // A center's own weights may rank by what the channels do not see: every eligible mentor is scored.
    const own = recipeWeights(narrow, { [narrow.id]: { region: 0.5 } });
    const custom = await runRecipe(ctx, narrow, source, { limit: 10, weights: own });
    expect(custom.candidates).toBe(24);
  });
});
