// Learned feedback: a mentor's or investor's past accepts and declines move it in the ranking, with
// a reason saying so; with no decisions the feature does not apply (cold start).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import type { Row } from './generate.ts';

let t: TestApp;

const post = async (path: string, body?: unknown, key = ADMIN_KEY): Promise<Row> => {
  const res = await t.request('POST', path, { key, ...(body === undefined ? {} : { body }) });
  expect(res.status, `POST ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
};
// Twins: identical profiles, so only feedback can separate them.
const mentor = (name: string) => ({
  name,
  bio: '辅导牦牛乳制品的加工与销售。',
  expertise: ['marketing'],
  sectors: ['plateau_biology'],
  languages: ['zh'],
  regionCode: '540102',
  remote: true,
  capacity: 10,
  active: true,
});
const investor = (name: string) => ({
  name,
  kind: 'angel',
  thesis: '投牦牛乳制品早期项目。',
  sectors: [],
  stages: [],
  ticketMinCny: 0,
  ticketMaxCny: 1_000_000,
  regionCodes: [],
  active: true,
});
const project = (title: string, founderId: string) => ({
  title,
  description: '牦牛酸奶加工，想扩大销售。',
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: '540102',
  founderIds: [founderId],
  needs: ['marketing'],
  fundingNeedCny: 100_000,
  languages: ['zh'],
  status: 'vetted',
});

const w = {} as Record<'mKeen' | 'mCold' | 'iKeen' | 'iCold' | 'fresh', string>;

/** The introduction from `projectId` to the target, decided by the target. */
async function decide(
  projectId: string,
  targetKind: 'mentor' | 'investor',
  targetId: string,
  verdict: 'accept' | 'decline',
) {
  const intro = await post('/v1/introductions', { projectId, targetKind, targetId });
  await post(`/v1/introductions/${intro.id}/${verdict}`);
}

beforeAll(async () => {
  t = await startTestApp();
  const founder = (
    await post('/v1/founders', { name: 'FB 次仁', groups: ['graduate'], regionCode: '540102', languages: ['zh'] })
  ).id;
  w.mKeen = (await post('/v1/mentors', mentor('FB 导师甲'))).id;
  w.mCold = (await post('/v1/mentors', mentor('FB 导师乙'))).id;
  w.iKeen = (await post('/v1/investors', investor('FB 投资甲'))).id;
  w.iCold = (await post('/v1/investors', investor('FB 投资乙'))).id;
  w.fresh = (await post('/v1/projects', project('FB 新项目', founder))).id;
  await t.service.queue.drained(120_000);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const items = async (target: 'mentors' | 'investors', lang = 'en') => {
  const res = await t.request('GET', `/v1/projects/${w.fresh}/matches/${target}`, {
    headers: { 'accept-language': lang },
  });
  expect(res.status).toBe(200);
  return res.body.items as Row[];
};

describe('learned feedback', () => {
  it('with no decisions the twins tie and no feedback reason appears (cold start)', async () => {
    for (const [target, a, b] of [
      ['mentors', w.mKeen, w.mCold],
      ['investors', w.iKeen, w.iCold],
    ] as const) {
      const got = await items(target);
      const [x, y] = [got.find((i) => i.id === a)!, got.find((i) => i.id === b)!];
      expect(x.score).toBe(y.score);
      expect([...x.reasons, ...y.reasons].some((r: Row) => r.code === 'feedback')).toBe(false);
    }
  });

  it('a target that accepted past introductions ranks above its twin that declined them, and says why', async () => {
    const founder = (
      await post('/v1/founders', { name: 'FB 卓玛', groups: ['graduate'], regionCode: '540102', languages: ['zh'] })
    ).id;
    for (let k = 0; k < 3; k++) {
      const other = (await post('/v1/projects', project(`FB 旧项目 ${k}`, founder))).id;
      await decide(other, 'mentor', w.mKeen, 'accept');
      await decide(other, 'mentor', w.mCold, 'decline');
      await decide(other, 'investor', w.iKeen, 'accept');
      await decide(other, 'investor', w.iCold, 'decline');
    }
    for (const [target, keen, cold] of [
      ['mentors', w.mKeen, w.mCold],
      ['investors', w.iKeen, w.iCold],
    ] as const) {
      const got = await items(target);
      const ki = got.findIndex((i) => i.id === keen);
      const ci = got.findIndex((i) => i.id === cold);
      expect(ki, `${target}: both twins still eligible`).toBeGreaterThanOrEqual(0);
      expect(ci).toBeGreaterThanOrEqual(0);
      expect(got[ki].score).toBeGreaterThan(got[ci].score);
      expect(ki).toBeLessThan(ci);
      expect(got[ki].reasons.find((r: Row) => r.code === 'feedback')?.text).toBe('Accepted 3 of 3 past introductions');
      const zh = (await items(target, 'zh')).find((i) => i.id === keen)!;
      expect(zh.reasons.find((r: Row) => r.code === 'feedback')?.text).toBe('以往对接中接受了 3/3 次');
    }
  });
});
