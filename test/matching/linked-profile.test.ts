// A founder's matching profile includes the projects the founder is on (src/matching/linked-profile.ts):
// the embedding text, keywords and inferred topics carry the projects' prose and ticks, every write
// that changes a project or its members refreshes them, the embedding job embeds the same text the
// write path hashed, and training→founders explains "their project needs: …" without naming the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { entityProse, entityText } from '../../src/embedding/texts.ts';
import { remarkAllFounders } from '../../src/resources/embedding-hooks.ts';
import { founderNeedsCoverage } from '../../src/matching/linked-profile.ts';
import type { Profile } from '../../src/matching/types.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import type { Row } from './generate.ts';

let t: TestApp;

const send = async (method: string, path: string, body?: unknown, key = ADMIN_KEY): Promise<Row> => {
  const res = await t.request(method, path, { key, ...(body === undefined ? {} : { body }) });
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
};
const founder = async (name: string, interests: string) =>
  (await send('POST', '/v1/founders', { name, interests, groups: ['other'], regionCode: '540102', languages: ['zh'] }))
    .id as string;
const projectBody = (founderIds: string[], title: string, description: string, needs: string[]) => ({
  title,
  description,
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: '540102',
  founderIds,
  needs,
  fundingNeedCny: 100_000,
  languages: ['zh'],
  status: 'vetted',
});

/** A founder's embedding row and keywords as matching reads them. */
async function profileOf(id: string) {
  const [r] = resultRows<{ hash: string; status: string; topics: { topic: string }[]; words: string[] }>(
    await t.db.execute(sql`select e.content_hash as hash, e.status::text as status, e.inferred_topics as topics,
      tsvector_to_array(f.keywords) as words
      from founders f join embeddings e on e.entity_kind = 'founder' and e.entity_id = f.id where f.id = ${id}`),
  );
  return { ...r, topics: (r.topics ?? []).map((x) => x.topic) };
}

describe('entityText of a founder', () => {
  const own = { interests: '喜欢喝甜茶', groups: ['other'] };
  const project = {
    title: '酥油网店',
    description: '想开个网店卖酥油，做直播带货',
    sector: 'plateau_biology',
    stage: 'idea',
    needs: ['ecommerce'],
  };

  it('includes the prose, sector and needs of its projects', () => {
    const text = entityText('founder', { ...own, projects: [project] });
    for (const part of [own.interests, project.title, project.description]) expect(text).toContain(part);
    expect(text).not.toBe(entityText('founder', own));
    // The prose topics are inferred from: the projects' too, and their ticked needs (as a prior).
    const prose = entityProse('founder', { ...own, projects: [project] });
    expect(prose).toContain(project.description);
    expect(prose).not.toContain('Plateau');
  });

  it('without projects (none, an empty list, a project without description or needs) it is the founder alone', () => {
    expect(entityText('founder', { ...own, projects: [] })).toBe(entityText('founder', own));
    const bare = { ...project, description: null, needs: [] };
    const text = entityText('founder', { ...own, projects: [bare] });
    expect(text).toContain(project.title);
    expect(text).not.toContain('null');
  });
});

describe('founderNeedsCoverage', () => {
  const feature = founderNeedsCoverage((s) => s.topics);
  const source = (topics: Record<string, number>) => ({ topics }) as unknown as Profile;
  const founderWith = (topics: Record<string, number>, interests: string | null) =>
    ({ topics, row: { interests } }) as unknown as Profile;

  it("splits what the founder's projects need from what the interests say", () => {
    const r = feature.compute(
      source({ ecommerce: 1, marketing: 0.7 }),
      founderWith({ ecommerce: 0.7, marketing: 0.6 }, '想学市场营销'),
    )!;
    expect(r.value).toBeCloseTo((0.7 + 0.7 * 0.6) / 1.7);
    expect(r.detail()).toEqual({
      zh: '其项目需要：电子商务；兴趣与培训内容相符：市场营销',
      en: 'Their project needs: E-commerce; Interests match the content: Marketing',
      bo: 'ཁོང་གི་ལས་གཞིའི་དགོས་མཁོ: གློག་རྡུལ་ཚོང་དོན། དོ་སྣང་དང་སྦྱོང་བརྡར་ནང་དོན་མཐུན་པ: ཁྲོམ་རའི་ཚོང་འགྲེམས',
    });
  });

  it('no overlap is 0 with its reason; a training without topics leaves the feature out; no interests is fine', () => {
    const none = feature.compute(source({ legal: 1 }), founderWith({ ecommerce: 0.7 }, null))!;
    expect(none.value).toBe(0);
    expect(none.detail().en).toBe('Neither interests nor projects match the content');
    expect(feature.compute(source({}), founderWith({ ecommerce: 0.7 }, '电商'))).toBeNull();
    expect(feature.compute(source({ ecommerce: 1 }), founderWith({ ecommerce: 0.7 }, null))!.detail().en).toBe(
      'Their project needs: E-commerce',
    );
  });
});

describe('founderNeedsCoverage: related offers and skill × domain', () => {
  const feature = founderNeedsCoverage((s) => s.topics);
  const training = (topics: Record<string, number>, sectors: Record<string, number> = {}) =>
    ({ topics, sectors }) as unknown as Profile;
  const founderWith = (topics: Record<string, number>, sectors: Record<string, number> = {}) =>
    ({ topics, sectors, row: { interests: null } }) as unknown as Profile;

  it('a course of a related topic serves a need in part (offer map), and says through which topic', () => {
    // A digital-skills course (live streaming) serves an e-commerce need at the map's credit (0.5).
    const r = feature.compute(training({ digital_skills: 1 }), founderWith({ ecommerce: 0.8 }))!;
    expect(r.value).toBeCloseTo(0.8 * 0.5);
    expect(r.detail().en).toMatch(/^Partly meets needs through related offers: E-commerce \(via /);
    expect(r.detail().zh).toMatch(/^相关内容部分满足需求：电子商务（经/);
    // Its own topic counts in full and before a related one.
    const own = feature.compute(training({ digital_skills: 1 }), founderWith({ ecommerce: 0.8, digital_skills: 0.6 }))!;
    expect(own.value).toBeCloseTo(0.6);
    expect(own.detail().en).toMatch(/^Their project needs: [^;]+$/);
  });

  it("a trade-dependent need counts in full only from a founder of the training's trade (or of none)", () => {
    const felt = training({ marketing: 1 }, { culture_tourism: 0.7 });
    const sameTrade = feature.compute(felt, founderWith({ marketing: 0.8 }, { culture_tourism: 0.9 }))!.value;
    const otherTrade = feature.compute(felt, founderWith({ marketing: 0.8 }, { plateau_biology: 0.9 }))!.value;
    const noTrade = feature.compute(felt, founderWith({ marketing: 0.8 }))!.value;
    expect(otherTrade).toBeCloseTo(0.8 * 0.5);
    expect(sameTrade).toBeGreaterThan(otherTrade);
    expect(noTrade).toBeCloseTo(0.8);
    // Tax is the same in every trade.
    const tax = training({ finance_tax: 1 }, { culture_tourism: 0.7 });
    expect(feature.compute(tax, founderWith({ finance_tax: 0.8 }, { plateau_biology: 0.9 }))!.value).toBeCloseTo(0.8);
  });
});

describe('founder profiles follow their projects', () => {
  const f = {} as Record<'tea' | 'learn' | 'joiner', string>;
  let projectId: string;
  let trainingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f.tea = await founder('LP 卓嘎', '喜欢喝甜茶，想自己做点事');
    f.learn = await founder('LP 次旦', '想多学点东西，牦牛养殖');
    f.joiner = await founder('LP 扎西', '想多学点东西');
    trainingId = (
      await send('POST', '/v1/trainings', {
        title: 'LP 直播带货与网店运营',
        description: '教你开网店、做直播带货，把农牧产品卖出去。',
        provider: 'LP 拉萨创业培训基地',
        providerKind: 'training_base',
        topics: ['ecommerce'],
        targetGroups: [],
        stages: [],
        regionCode: '540102',
        mode: 'online',
        seats: 10,
        startsOn: new Date().toISOString().slice(0, 10),
        endsOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        languages: ['zh'],
      })
    ).id;
    await t.service.queue.drained();
  }, 120_000);
  afterAll(() => t?.close());

  it("a new project re-marks its founders: keywords, inferred topics and the job's vector include it", async () => {
    const before = await profileOf(f.tea);
    expect(before.words).not.toContain('酥油');
    projectId = (
      await send('POST', '/v1/projects', projectBody([f.tea], 'LP 雪域小铺', '想开个网店卖酥油，做直播带货。', []))
    ).id;
    const after = await profileOf(f.tea);
    expect(after.hash).not.toBe(before.hash);
    expect(after.words).toContain('酥油');
    expect(after.topics).toContain('ecommerce');
    // The job embeds the text the write path hashed (it reads the same projects): the row completes.
    await t.service.queue.drained();
    expect((await profileOf(f.tea)).status).toBe('ready');
    // A founder not on the project is untouched.
    expect((await profileOf(f.learn)).words).not.toContain('酥油');
  });

  it('an edit of the project refreshes its founders; an edit that changes nothing leaves them', async () => {
    await send('PATCH', `/v1/projects/${projectId}`, { description: '想开个网店卖青稞饼，做直播带货。' });
    const edited = await profileOf(f.tea);
    expect(edited.words).toContain('青稞');
    expect(edited.words).not.toContain('酥油');
    await t.service.queue.drained();
    const ready = await profileOf(f.tea);
    expect(ready.status).toBe('ready');
    await send('PATCH', `/v1/projects/${projectId}`, { fundingNeedCny: 120_000 });
    expect(await profileOf(f.tea)).toEqual(ready);
  });

  it('a change of members refreshes the founder who left and the one who joined', async () => {
    await send('PATCH', `/v1/projects/${projectId}`, { founderIds: [f.learn] });
    expect((await profileOf(f.tea)).words).not.toContain('青稞');
    expect((await profileOf(f.learn)).words).toContain('青稞');
    await t.service.queue.drained();
    expect((await profileOf(f.tea)).status).toBe('ready');
    expect((await profileOf(f.learn)).status).toBe('ready');
  });

  it('an accepted co-founder invitation refreshes the new member', async () => {
    const key = await t.keyFor('founder', { subjectId: f.learn });
    await send('PATCH', `/v1/projects/${projectId}`, { founderIds: [f.learn, f.joiner] }, key);
    expect((await profileOf(f.joiner)).words).not.toContain('青稞');
    const invitations = (await send('GET', '/v1/project-invitations')).items as Row[];
    const invitation = invitations.find((i) => i.founderId === f.joiner && i.status === 'pending');
    expect(invitation).toBeTruthy();
    await send('POST', `/v1/project-invitations/${invitation!.id}/accept`);
    expect((await profileOf(f.joiner)).words).toContain('青稞');
  });

  it('deleting a project refreshes the founders it was part of', async () => {
    const other = (
      await send('POST', '/v1/projects', projectBody([f.tea], 'LP 临时项目', '藏香制作与包装设计。', ['marketing']))
    ).id;
    expect((await profileOf(f.tea)).words).toContain('藏香');
    const res = await t.request('DELETE', `/v1/projects/${other}`, { key: ADMIN_KEY });
    expect(res.status).toBe(204);
    // A project without history is wiped (one with history would be archived, and stay the founder's).
    const [left] = resultRows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from projects where id = ${other}`),
    );
    expect(left.n).toBe(0);
    expect((await profileOf(f.tea)).words).not.toContain('藏香');
    await t.service.queue.drained();
    expect((await profileOf(f.tea)).status).toBe('ready');
  });

  it('after an upgrade, founders with the hash of an older text are re-marked (remarkAllFounders) and embedded', async () => {
    await t.service.queue.drained();
    const current = await profileOf(f.learn);
    await t.db.execute(sql`update embeddings set content_hash = 'of-an-older-text' where entity_id = ${f.learn}`);
    expect(await remarkAllFounders(t.db, 2)).toBe(1);
    expect(await profileOf(f.learn)).toMatchObject({ hash: current.hash, status: 'pending' });
    expect(await remarkAllFounders(t.db, 2)).toBe(0);
    await t.service.queue.drained();
    expect((await profileOf(f.learn)).status).toBe('ready');
  });

  it('training→founders ranks founders by their projects and says so, without naming the project', async () => {
    await t.service.queue.drained();
    const ranked = async (lang: string) =>
      (await send('GET', `/v1/trainings/${trainingId}/matches/founders?lang=${lang}`)).items as Row[];
    const zh = await ranked('zh');
    const order = zh.map((i) => i.id);
    // f.tea has no project any more and vague interests; f.learn and f.joiner are on the live-selling project.
    expect(order.indexOf(f.learn)).toBeLessThan(order.indexOf(f.tea));
    expect(order.indexOf(f.joiner)).toBeLessThan(order.indexOf(f.tea));
    const reasons = (items: Row[], id: string) =>
      (items.find((i) => i.id === id)!.reasons as { text: string }[]).map((r) => r.text).join(' | ');
    expect(reasons(zh, f.learn)).toContain('其项目需要：电子商务');
    expect(reasons(await ranked('en'), f.learn)).toMatch(/Their project needs: E-commerce/i);
    expect(reasons(await ranked('bo'), f.learn)).toContain('ཁོང་གི་ལས་གཞིའི་དགོས་མཁོ');
    for (const item of zh) expect(reasons(zh, item.id as string)).not.toContain('LP 雪域小铺');
  });
});
