// The trainer's console over HTTP (real app, real database): its trainings (create with errors in place,
// edit, seats not below the enrolled), the cohort builder (pseudonymous handles, never names or
// contacts before acceptance), invitations, the founder's acceptance (enrols, seats left drop, a full
// training refuses), to-dos, and that no other role or trainer reaches these pages.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentsTable, trainingInvitationsTable } from '../../models/schema.ts';
import { M, PROVIDER_ONE, PROVIDER_TWO, buildWorld, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let trainer: ConsoleClient;
let trainer2: ConsoleClient;
let a1: ConsoleClient;
let a2: ConsoleClient;
let b1: ConsoleClient;
let mentor: ConsoleClient;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  trainer = (await signedIn(app, { login: 'trainer.one', role: 'trainer', subjectId: PROVIDER_ONE })).client;
  trainer2 = (await signedIn(app, { login: 'trainer.two', role: 'trainer', subjectId: PROVIDER_TWO })).client;
  a1 = (await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1 })).client;
  a2 = (await signedIn(app, { login: 'founder.a2', role: 'founder', subjectId: w.fA2 })).client;
  b1 = (await signedIn(app, { login: 'founder.b1', role: 'founder', subjectId: w.fB1 })).client;
  mentor = (await signedIn(app, { login: 'mentor.one', role: 'mentor', subjectId: w.m1 })).client;
}, 90_000);
afterAll(() => app?.close());

const text = async (c: ConsoleClient, path: string) => {
  const res = await c.get(path);
  expect(res.status, `${path}: ${res.html.slice(0, 300)}`).toBe(200);
  return visibleText(res.html);
};

/** A valid training form (the console's field names), overridable per test. */
const form = (o: Record<string, string | string[]> = {}) => ({
  title: '牦牛奶制品创业班 YAK-CLASS',
  description: '四周课程：奶制品加工、食品许可、包装与电商销售。',
  providerKind: 'training_base',
  mode: 'online',
  regionCode: '540102',
  seats: '20',
  startsOn: '2027-05-01',
  endsOn: '2027-05-28',
  topics: ['certification', 'ecommerce'],
  targetGroups: ['graduate'],
  languages: ['zh', 'bo'],
  ...o,
});

/** The handles offered on a cohort page (the checkboxes' values). */
const handlesOn = (html: string) => [...html.matchAll(/name="handle" value="([^"]+)"/g)].map((m) => m[1]);

/** The founder's open training invitation ids on /app/invitations. */
async function trainingInvitationIds(c: ConsoleClient) {
  const res = await c.get('/app/invitations');
  expect(res.status).toBe(200);
  const forms = res.html.split('action="/app/invitations/training"').slice(1);
  return [...new Set(forms.map((f) => /name="id" value="([^"]+)"/.exec(f)?.[1]).filter(Boolean))] as string[];
}

async function createTraining(c: ConsoleClient, o: Record<string, string | string[]> = {}) {
  await c.get('/app/trainings/new');
  const res = await c.post('/app/trainings', form(o));
  expect(res.status, res.html.slice(0, 500)).toBe(303);
  const id = /\/app\/trainings\/([0-9a-f-]{36})\?done=created/.exec(res.location ?? '')?.[1];
  expect(id).toBeTruthy();
  return id as string;
}

describe('the trainer pages', () => {
  it('render in zh, en and bo, with the nav entry, and list only the trainer’s own trainings', async () => {
    const pages = [
      '/app',
      '/app/trainings',
      '/app/trainings/new',
      `/app/trainings/${w.t1}`,
      `/app/trainings/${w.t1}/edit`,
    ];
    const expected = { zh: '我的培训', en: 'My trainings', bo: 'ངའི་སྦྱོང་བརྡར།' } as const;
    for (const lang of ['zh', 'en', 'bo'] as const)
      for (const path of pages) {
        const res = await trainer.get(`${path}?lang=${lang}`);
        expect(res.status, `${lang} ${path}`).toBe(200);
        expect(visibleText(res.html), `${lang} ${path}`).toContain(expected[lang]);
      }
    expect(await text(trainer, `/app/trainings/${w.t1}/cohort?lang=bo`)).toContain('འཚམ་པའི་གསར་གཏོད་པ།');
    await trainer.get('/app?lang=zh');
    const list = await text(trainer, '/app/trainings');
    expect(list).toContain('训练营一 TRAINING-1');
    expect(list).not.toContain('训练营二 TRAINING-2');
    expect(list).toContain('名额 30 · 已报名 0 · 剩余 30');
    expect(list).toContain('2027-03-01 – 2027-04-30');
  });

  it('are 404 to other roles and to another trainer', async () => {
    for (const c of [a1, mentor])
      for (const path of [
        '/app/trainings',
        '/app/trainings/new',
        `/app/trainings/${w.t1}`,
        `/app/trainings/${w.t1}/cohort`,
      ])
        expect((await c.get(path)).status, path).toBe(404);
    expect((await a1.post('/app/trainings', form())).status).toBe(404);
    for (const path of [`/app/trainings/${w.t1}`, `/app/trainings/${w.t1}/edit`, `/app/trainings/${w.t1}/cohort`]) {
      const res = await trainer2.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html).not.toContain('TRAINING-1');
    }
    await trainer2.get('/app/trainings');
    expect((await trainer2.post(`/app/trainings/${w.t1}`, form({ title: 'HIJACKED' }))).status).toBe(404);
    expect((await trainer2.post(`/app/trainings/${w.t1}/cohort`, { handle: 'fh_x' })).status).toBe(404);
    expect((await trainer.get('/app/trainings/not-a-uuid')).status).toBe(404);
    const t1 = await app.request('GET', `/v1/trainings/${w.t1}`);
    expect(t1.body.title).toBe('训练营一 TRAINING-1');
  });
});

describe('create and edit', () => {
  it('refuses bad input in place with the values kept, then creates and edits', async () => {
    await trainer.get('/app/trainings/new');
    const bad = await trainer.post(
      '/app/trainings',
      form({ title: ' ', providerKind: '', seats: '-3', startsOn: '2027-06-10', endsOn: '2027-06-01', languages: [] }),
    );
    expect(bad.status).toBe(422);
    const page = visibleText(bad.html);
    expect(page).toContain('请修改下面标出的内容后再提交。');
    expect(page).toContain('结束日期不能早于开始日期');
    expect(page).toContain('不能小于 0');
    expect(page).toContain('此项必填');
    expect(bad.html).toContain('id="f-endsOn-error"');
    expect(bad.html).toContain('id="f-seats-error"');
    expect(bad.html).toContain('id="f-providerKind-error"');
    expect(bad.html).toContain('value="2027-06-10"'); // kept
    expect(bad.html).toMatch(/name="topics" value="ecommerce" checked/);

    const id = await createTraining(trainer);
    // The next new training starts with the provider's kind, from its earlier trainings.
    expect((await trainer.get('/app/trainings/new')).html).toMatch(/<option value="training_base" selected/);
    const created = await text(trainer, `/app/trainings/${id}?done=created`);
    expect(created).toContain('培训已创建');
    expect(created).toContain('牦牛奶制品创业班 YAK-CLASS');
    expect(created).toContain(PROVIDER_ONE);
    expect(created).toContain('名额 20 · 已报名 0 · 剩余 20');
    const row = (await app.request('GET', `/v1/trainings/${id}`)).body;
    expect(row).toMatchObject({ provider: PROVIDER_ONE, seats: 20, mode: 'online', stages: [] });

    await trainer.get(`/app/trainings/${id}/edit`);
    const cleared = await trainer.post(`/app/trainings/${id}`, form({ startsOn: '' }));
    expect(cleared.status).toBe(422);
    expect(cleared.html).toContain('id="f-startsOn-error"');
    const saved = await trainer.post(`/app/trainings/${id}`, form({ seats: '25', mode: 'onsite', stages: ['idea'] }));
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/app/trainings/${id}?done=saved`);
    expect((await app.request('GET', `/v1/trainings/${id}`)).body).toMatchObject({
      seats: 25,
      mode: 'onsite',
      stages: ['idea'],
    });
  });
});

describe('the cohort builder', () => {
  let training: string;
  let invited: string[];

  it('shows the founders who fit by handle, never by name or contact', async () => {
    training = await createTraining(trainer, { title: '小班 SMALL-CLASS', seats: '1' });
    const res = await trainer.get(`/app/trainings/${training}/cohort`);
    expect(res.status).toBe(200);
    const handles = handlesOn(res.html);
    expect(handles.length).toBe(3); // fA1, fA2, fB1: graduates speaking zh/bo; online, so anywhere
    for (const h of handles) expect(h).toMatch(/^fh_[A-Za-z0-9_-]{22}$/);
    for (const secret of [
      M.fA1Name,
      M.fA2Name,
      M.fB1Name,
      M.fA1Contact,
      M.fA2Contact,
      M.fB1Contact,
      w.fA1,
      w.fA2,
      w.fB1,
    ])
      expect(res.html).not.toContain(secret);
    const page = visibleText(res.html);
    expect(page).toContain('匹配度');
    expect(page).toContain('拉萨市');
    expect(page).toContain('还没有发出邀请。');
    // Another trainer's handles of the same founders differ (no correlation between trainers).
    const api = await app.request('GET', `/v1/trainings/${w.t2}/matches/founders`, {
      key: await app.keyFor('trainer', { subjectId: PROVIDER_TWO }),
    });
    expect(api.status).toBe(200);
    for (const item of api.body.items) expect(handles).not.toContain(item.handle);
  });

  it('refuses a forged post, an empty choice, a too long message and an unknown handle in place', async () => {
    const page = await trainer.get(`/app/trainings/${training}/cohort`);
    const [handle] = handlesOn(page.html);
    const forged = await trainer.post(`/app/trainings/${training}/cohort`, { handle }, { csrf: null });
    expect(forged.status).toBe(403);
    const long = await trainer.post(`/app/trainings/${training}/cohort`, { handle, message: '长'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(visibleText(long.html)).toContain('留言太长');
    expect(long.html).toMatch(new RegExp(`value="${handle}" checked`)); // the choice is kept
    expect(
      await app.db.select().from(trainingInvitationsTable).where(eq(trainingInvitationsTable.trainingId, training)),
    ).toEqual([]);
    const none = await trainer.post(`/app/trainings/${training}/cohort`, { message: 'x' });
    expect(none.status).toBe(422);
    expect(visibleText(none.html)).toContain('请至少勾选一位创业者。');
    const unknown = await trainer.post(`/app/trainings/${training}/cohort`, { handle: 'fh_AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.status).toBe(422);
    expect(visibleText(unknown.html)).toContain('未知的代号');
  });

  it('invites the chosen ones: invitations made, shown as invited, no longer offered', async () => {
    const res = await trainer.get(`/app/trainings/${training}/cohort`);
    const handles = handlesOn(res.html);
    const chosen = handles.slice(0, 2);
    const sent = await trainer.post(`/app/trainings/${training}/cohort`, { handle: chosen, message: '欢迎参加小班' });
    expect(sent.status, sent.html.slice(0, 300)).toBe(303);
    expect(sent.location).toBe(`/app/trainings/${training}/cohort?done=invited&count=2`);
    const rows = await app.db
      .select()
      .from(trainingInvitationsTable)
      .where(eq(trainingInvitationsTable.trainingId, training));
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.status === 'invited' && r.message === '欢迎参加小班')).toBe(true);
    invited = rows.map((r) => r.founderId);
    const after = await trainer.get(sent.location!);
    const page = visibleText(after.html);
    expect(page).toContain('已发出 2 份邀请');
    expect(page).toContain('已邀请，待回复');
    expect(page).toContain('待回复的邀请（2）多于剩余名额（1）');
    expect(handlesOn(after.html)).toEqual(handles.filter((h) => !chosen.includes(h)));
    for (const h of chosen) expect(after.html).toContain(h.slice(0, 11));
    // Inviting one of them again: refused, said in place.
    const again = await trainer.post(`/app/trainings/${training}/cohort`, { handle: chosen[0] });
    expect(again.status).toBe(422);
    expect(visibleText(again.html)).toContain('已有此培训的邀请');
  });

  it('accepting enrols, the name shows and seats left drop; the full training refuses the next', async () => {
    const clients = new Map([
      [w.fA1, a1],
      [w.fA2, a2],
      [w.fB1, b1],
    ]);
    const [first, second] = invited.map((id) => clients.get(id)!);
    const firstName = invited[0] === w.fA1 ? M.fA1Name : invited[0] === w.fA2 ? M.fA2Name : M.fB1Name;
    const secondName = invited[1] === w.fA1 ? M.fA1Name : invited[1] === w.fA2 ? M.fA2Name : M.fB1Name;

    const inbox = await text(first, '/app/invitations');
    expect(inbox).toContain('小班 SMALL-CLASS');
    expect(inbox).toContain('2027-05-01 – 2027-05-28 · 线上培训');
    expect(inbox).toContain('欢迎参加小班');
    const [id] = await trainingInvitationIds(first);
    const accepted = await first.post('/app/invitations/training', { id, decision: 'accept' });
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe('/app/invitations?done=accepted');
    const enrolled = await app.db
      .select()
      .from(enrollmentsTable)
      .where(and(eq(enrollmentsTable.trainingId, training), eq(enrollmentsTable.founderId, invited[0])));
    expect(enrolled.length).toBe(1);

    const cohort = visibleText((await trainer.get(`/app/trainings/${training}/cohort`)).html);
    expect(cohort).toContain(firstName);
    expect(cohort).toContain('已接受，已报名');
    expect(cohort).not.toContain(secondName);
    expect(cohort).toContain('名额 1 · 已报名 1 · 剩余 0');
    expect(cohort).toContain('名额已满');

    const [id2] = await trainingInvitationIds(second);
    const full = await second.post('/app/invitations/training', { id: id2, decision: 'accept' });
    expect(full.status).toBe(409);
    expect(visibleText(full.html)).toContain('没有剩余名额');
    // The invitation stays open; declining it works and the trainer sees it.
    const declined = await second.post('/app/invitations/training', { id: id2, decision: 'decline' });
    expect(declined.status).toBe(303);
    const after = visibleText((await trainer.get(`/app/trainings/${training}/cohort`)).html);
    expect(after).toContain('已拒绝');
    expect(after).not.toContain(secondName);
  });

  it('will not lower the seats below the enrolled, and tells the trainer who accepted', async () => {
    await trainer.get(`/app/trainings/${training}/edit`);
    const res = await trainer.post(`/app/trainings/${training}`, form({ title: '小班 SMALL-CLASS', seats: '0' }));
    expect(res.status).toBe(422);
    expect(visibleText(res.html)).toContain('已有 1 人报名，名额不能少于 1');
    const home = await text(trainer, '/app');
    expect(home).toContain('1 位创业者接受了培训“小班 SMALL-CLASS”的邀请');
  });

  it('lists a training that starts soon with seats left as a to-do', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await createTraining(trainer, { title: '快开班 SOON-CLASS', startsOn: soon, endsOn: soon });
    const home = await text(trainer, '/app');
    expect(home).toMatch(/培训“快开班 SOON-CLASS”\d+ 天后开始，还剩 20 个名额/);
  });
});
