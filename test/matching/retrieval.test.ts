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

let t: TestApp;
let projectId: string;
const bios = ['十年淘宝和抖音电商运营', '藏药材种植与加工', '光伏电站运维', '民宿经营与乡村旅游', '财税代账与发票管理', 'Cross-border logistics via Gyirong port',
  '唐卡与非遗文创设计', '牦牛乳制品加工工艺', 'Angel investor in digital startups', '创业担保贷款申请辅导', '知识产权与商标注册', '直播带货与短视频营销'];

beforeAll(async () => {
  t = await startTestApp();
  const f = await t.request('POST', '/v1/founders', { body: { name: '央金', groups: ['graduate'], regionCode: '540102', languages: ['zh'] } });
  projectId = (await t.request('POST', '/v1/projects', {
    body: { title: '酥油微店', description: '想开个微店卖酥油和牦牛酸奶，需要电商运营和营销指导', sector: 'plateau_biology', stage: 'prototype', regionCode: '540102', founderIds: [f.body.id], needs: ['marketing'], languages: ['zh'], status: 'submitted' },
  })).body.id;
  for (let i = 0; i < 24; i++) {
    await t.request('POST', '/v1/mentors', {
      body: { name: `导师${i}`, bio: bios[i % bios.length] + (i >= bios.length ? '，兼职' : ''), expertise: [i % 3 ? 'marketing' : 'ecommerce'], sectors: ['plateau_biology'], languages: ['zh'], regionCode: '540102', remote: i % 2 === 0, capacity: 2, active: true },
    });
  }
  // Excluded by the rules: no shared language, inactive.
  for (let i = 0; i < 4; i++) {
    await t.request('POST', '/v1/mentors', {
      body: { name: `排除${i}`, bio: bios[i], expertise: ['marketing'], sectors: ['plateau_biology'], languages: i < 2 ? ['en'] : ['zh'], regionCode: '540102', remote: true, capacity: 2, active: i < 2 },
    });
  }
  await t.service.queue.drained();
});
afterAll(async () => { await t?.close(); });

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
    const within = await runRecipe(ctx, projectMentors, source, { ...opts, exactLimit: 24, singlePassMaxRows: 1_000_000 });
    expect(within.candidates).toBe(24);
    // No limit at all (exhaustive scoring, as recall measurements use) gives the same ranking.
    const unlimited = await runRecipe(ctx, projectMentors, source, { ...opts, exactLimit: Infinity });
    expect(unlimited.items.map((i) => [i.id, i.score])).toEqual(exact.items.map((i) => [i.id, i.score]));
  });

  it('a recipe\'s own retrieval depth applies with its default weights only', async () => {
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
