// The center's matching weights in the console (/app/weights): invalid values are marked in place
// (422, nothing saved), the preview shows how a sample of the center's projects' top matches would
// change, save persists (audited), reset restores the defaults. Other roles and centers get 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable } from '../../models/schema.ts';
import { projectInvestors } from '../../src/matching/recipes/project-investors.ts';
import { projectMentors } from '../../src/matching/recipes/project-mentors.ts';
import { founderBody, mentorBody, projectBody } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let centerA: string;
let staffA: ConsoleClient;
let staffB: ConsoleClient;
let founder: ConsoleClient;
let admin: ConsoleClient;

const create = async (path: string, body: unknown) => {
  const res = await app.request('POST', path, { body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body.id as string;
};

/** The project→mentors defaults, as the form is sent unchanged. */
/** The mentors journey's default weights as the form carries them (strings). */
const DEFAULTS = Object.fromEntries(Object.entries(projectMentors.defaultWeights).map(([k, v]) => [k, String(v)]));
/** Only the region counts: nearby mentors move up, the relevant but distant ones down. */
const REGION_ONLY = { ...Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, '0'])), region: '1' };

beforeAll(async () => {
  app = await startTestApp();
  centerA = await create('/v1/centers', { name: '权重中心', kind: 'incubator', regionCode: '540102' });
  const centerB = await create('/v1/centers', { name: '别的中心', kind: 'incubator', regionCode: '540202' });
  const f = await create('/v1/founders', founderBody('权重创始人', 'wx-w-f', centerA));
  await create(
    '/v1/projects',
    projectBody({ title: '青稞检测认证', centerId: centerA, founderIds: [f], status: 'submitted' }),
  );
  // Fourteen mentors: seven relevant ones far away (Shigatse, remote), seven nearby (Lhasa) in other fields.
  for (let k = 0; k < 7; k++)
    await create('/v1/mentors', {
      ...mentorBody(`远方认证导师${k}`, `wx-far-${k}`),
      regionCode: '540202',
      remote: true,
    });
  for (let k = 0; k < 7; k++)
    await create('/v1/mentors', {
      ...mentorBody(`拉萨旅游导师${k}`, `wx-near-${k}`),
      bio: '旅游线路与民宿经营。',
      expertise: ['legal'],
      sectors: ['culture_tourism'],
      regionCode: '540102',
    });
  ({ client: staffA } = await signedIn(app, { login: 'weights.staff.a', role: 'center_staff', centerId: centerA }));
  ({ client: staffB } = await signedIn(app, { login: 'weights.staff.b', role: 'center_staff', centerId: centerB }));
  ({ client: founder } = await signedIn(app, { login: 'weights.founder', role: 'founder', subjectId: f }));
  ({ client: admin } = await signedIn(app, { login: 'weights.admin', role: 'admin' }));
});
afterAll(() => app?.close());

const savedWeights = async () =>
  (await app.request('GET', `/v1/centers/${centerA}/matching-weights`)).body as {
    weights: Record<string, Record<string, number>>;
    updatedAt: string | null;
  };

describe('who sees the weights page', () => {
  it('staff see their center’s weights per journey; founders 404; admins choose the center', async () => {
    expect((await founder.get('/app/weights')).status).toBe(404);
    const page = await staffA.get('/app/weights');
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="semantic"');
    expect(page.html).toContain(`name="semantic" type="number" value="${DEFAULTS.semantic}"`);
    expect(visibleText(page.html)).toContain('本中心目前使用默认权重');
    const trainings = await staffA.get('/app/weights?journey=training.founders');
    expect(trainings.html).toContain('name="priority"');
    expect(visibleText(trainings.html)).toContain('这种匹配类型暂不能预览');
    expect(visibleText((await admin.get('/app/weights')).html)).toContain('请先选择一个中心');
    expect((await admin.get(`/app/weights?center=${centerA}`)).html).toContain('name="semantic"');
    // Staff of another center cannot save for A: the form's center is ignored, their own is used.
    await staffB.get('/app/weights');
    const res = await staffB.post('/app/weights', {
      center: centerA,
      journey: 'project.mentors',
      ...REGION_ONLY,
      action: 'save',
    });
    expect(res.status).toBe(303);
    expect((await savedWeights()).updatedAt).toBeNull();
  });
});

describe('editing the weights', () => {
  const post = (form: Record<string, string>) =>
    staffA.post('/app/weights', { journey: 'project.mentors', ...DEFAULTS, action: 'save', ...form });

  it('marks invalid values in place with 422 and saves nothing', async () => {
    await staffA.get('/app/weights');
    const notNumber = await post({ semantic: 'abc' });
    expect(notNumber.status).toBe(422);
    expect(notNumber.html).toContain('id="f-semantic-error"');
    expect(notNumber.html).toContain('value="abc"'); // kept as typed
    const tooBig = await post({ lexical: '1.5' });
    expect(tooBig.status).toBe(422);
    expect(tooBig.html).toContain('id="f-lexical-error"');
    expect(visibleText(tooBig.html)).toContain('不能大于 1');
    const negative = await post({ topics: '-0.1' });
    expect(negative.status).toBe(422);
    expect(negative.html).toContain('id="f-topics-error"');
    const empty = await post({ region: '' });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('id="f-region-error"');
    const zeros = await post(Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, '0'])));
    expect(zeros.status).toBe(422);
    expect(visibleText(zeros.html)).toContain('至少要有一项权重大于 0');
    expect((await savedWeights()).updatedAt).toBeNull();
  });

  it('previews the change side by side without saving', async () => {
    await staffA.get('/app/weights');
    const res = await post({ ...REGION_ONLY, action: 'preview' });
    expect(res.status).toBe(200);
    const text = visibleText(res.html);
    expect(text).toContain('预览：现在与调整后对比');
    expect(text).toContain('青稞检测认证');
    // Entered and left badges (not just the summary line, which always names them).
    expect(res.html).toContain('<span class="badge ok">新进入</span>');
    expect(res.html).toContain('<span class="badge bad">掉出</span>');
    expect(text).not.toContain('新进入 0 个');
    expect(text).toMatch(/拉萨旅游导师\d/);
    expect(text).toMatch(/远方认证导师\d/);
    expect(res.html).toContain('name="region" type="number" value="1"'); // the proposed values stay in the form
    expect((await savedWeights()).updatedAt).toBeNull();
  });

  it('saves (audited) and resets to the defaults', async () => {
    await staffA.get('/app/weights');
    const res = await post({ ...REGION_ONLY, region: '0.8', semantic: '0，2' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/weights?journey=project.mentors&done=saved');
    const saved = await savedWeights();
    expect(saved.weights['project.mentors']).toMatchObject({ region: 0.8, semantic: 0.2, lexical: 0 });
    // Other journeys untouched.
    expect(saved.weights['project.investors'].semantic).toBe(projectInvestors.defaultWeights.semantic);
    const page = await staffA.get(res.location!);
    expect(visibleText(page.html)).toContain('权重已保存');
    expect(page.html).toContain('value="0.8"');
    const audited = await app.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'matching_weights.update'), eq(auditTable.entityId, centerA)));
    expect(audited.length).toBeGreaterThanOrEqual(1);

    const reset = await staffA.post('/app/weights/reset', { journey: 'project.mentors' });
    expect(reset.status).toBe(303);
    expect((await savedWeights()).weights['project.mentors']).toEqual(
      Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, Number(v)])),
    );
    expect(visibleText((await staffA.get(reset.location!)).html)).toContain('已恢复默认权重');
  });

  it('admins save for the center they chose; a journey with a `center` criterion keeps it apart', async () => {
    await admin.get(`/app/weights?center=${centerA}&journey=project.services`);
    const services = { semantic: '0.5', lexical: '0.1', topics: '0.35', region: '0.1', center: '0.3', language: '0.1' };
    const res = await admin.post('/app/weights', {
      centerId: centerA,
      journey: 'project.services',
      ...services,
      action: 'save',
    });
    expect(res.status, visibleText(res.html).slice(0, 400)).toBe(303);
    expect(res.location).toBe(`/app/weights?journey=project.services&done=saved&center=${centerA}`);
    expect((await savedWeights()).weights['project.services']).toMatchObject({ semantic: 0.5, center: 0.3 });
    // Staff of the center see the same: one set per center, whoever saved it.
    const page = await staffA.get('/app/weights?journey=project.services');
    expect(page.html).toContain('name="center" type="number" value="0.3"');
  });
});

describe('the budget of expensive requests', () => {
  let limited: TestApp;
  afterAll(() => limited?.close());

  it('previews and assignment runs take from the person’s budget, as the API’s do', async () => {
    limited = await startTestApp({ RATE_LIMIT_EXPENSIVE: '3' });
    const post = async (path: string, body: unknown) => (await limited.request('POST', path, { body })).body.id;
    const center = await post('/v1/centers', { name: '限额中心', kind: 'incubator', regionCode: '540102' });
    const f = await post('/v1/founders', founderBody('限额创始人', 'wx-limit', center));
    await post(
      '/v1/projects',
      projectBody({ title: '限额项目', centerId: center, founderIds: [f], status: 'submitted' }),
    );
    await post('/v1/mentors', mentorBody('限额导师', 'wx-limit-m'));
    const { client } = await signedIn(limited, { login: 'limit.staff', role: 'center_staff', centerId: center });
    await client.get('/app/weights');
    // One sampled project: the request's unit plus one more for its second match computation.
    const preview = { journey: 'project.mentors', ...DEFAULTS, region: '1', action: 'preview' };
    expect((await client.post('/app/weights', preview)).status).toBe(200);
    const refused = await client.post('/app/weights', preview);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await client.get('/app/assignment');
    expect((await client.post('/app/assignment', { projectPool: 'default' })).status).toBe(429);
    expect((await client.get('/app/weights')).status).toBe(200); // reading the pages costs nothing
  });
});
