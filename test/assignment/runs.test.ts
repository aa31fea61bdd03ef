// Coach assignment through the API (shared/API.md "Introductions, enrolments, assignment"): who may
// run it (others 404), bad input (4xx problem+json naming the path), a run executes as a job and
// its assignment carries the matching recipe's scores and reasons, beats greedy where greedy is
// suboptimal, keeps pins and avoids exclusions; publish creates the introductions (once), a later
// run sees the places they hold, and mentors accept them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assignmentRunsTable, auditTable, introductionsTable } from '../../models/schema.ts';
import type { TestApp } from '../harness.ts';
import {
  createKey,
  expectProblem,
  founderBody,
  mentorBody,
  ok,
  projectBody,
  type Actor,
  type World,
} from '../auth/world.ts';
import { callerFor, create, statusCounts, type Caller, bootWorld, UNKNOWN } from '../engagement/helpers.ts';
import { executeRun } from '../../src/assignment/run.ts';
import { requeueUnfinished } from '../../jobs/assignment/queue.ts';
import { silentLogger } from '../../src/logger.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;

beforeAll(async () => ({ t, w, as } = await bootWorld()));
afterAll(async () => {
  await t?.close();
});

/** A center of its own (so default runs see only what the test made), its staff and a founder. */
async function newCenter(name: string) {
  const id = await create(t, '/v1/centers', { name, regionCode: '540102', kind: 'incubator', pilot: false });
  const staff = callerFor(t, (await createKey(t, 'center_staff', { centerId: id })).key);
  const founder = await create(t, '/v1/founders', founderBody(`${name} 创始人`, `wx-${name}`, id));
  return { id, staff, founder };
}
async function newMentor(name: string, over: Record<string, unknown> = {}) {
  return create(t, '/v1/mentors', { ...mentorBody(name, `wx-${name}`), ...over });
}
async function newProject(c: { id: string; founder: string }, title: string, over: Record<string, unknown> = {}) {
  return create(t, '/v1/projects', {
    ...projectBody({ title, centerId: c.id, founderIds: [c.founder], status: 'submitted' }),
    ...over,
  });
}

/** Polls the run until it is done or failed (inline jobs and BullMQ workers alike). */
async function waitRun(who: Caller, id: string, headers?: Record<string, string>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = headers
      ? await t.request('GET', `/v1/assignment-runs/${id}`, { headers })
      : await who.get(`/v1/assignment-runs/${id}`);
    const body = await ok(res);
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function run(who: Caller, centerId: string, body: Record<string, unknown> = {}) {
  const res = await who.post(`/v1/centers/${centerId}/assignment-runs`, body);
  const queued = await ok(res, 202);
  expect(queued).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/^(queued|running|done)$/) });
  expect(res.headers.get('location')).toBe(`/v1/assignment-runs/${queued.id}`);
  const done = await waitRun(who, queued.id);
  expect(done.status, done.error).toBe('done');
  return done;
}
const pairsOf = (r: any) => Object.fromEntries(r.assignments.map((a: any) => [a.projectId, a.mentorId]));

describe('who may run, read and publish', () => {
  it('others get 404 (staff of another center, founders, mentors, investors, trainers); no key 401', async () => {
    for (const actor of ['staffB', 'founderA1', 'mentor1', 'investor1', 'trainer1'] as Actor[]) {
      expectProblem(await as(actor).post(`/v1/centers/${w.cA}/assignment-runs`, {}), 404);
      expectProblem(await as(actor).get(`/v1/centers/${w.cA}/assignment-runs`), 404);
    }
    expectProblem(await t.request('POST', `/v1/centers/${w.cA}/assignment-runs`, { key: null, body: {} }), 401);
    expectProblem(await as('admin').post(`/v1/centers/${UNKNOWN}/assignment-runs`, {}), 404);
    expect(await t.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.centerId, w.cA))).toHaveLength(0);

    const r = await run(as('staffA'), w.cA, { mentorIds: [w.m1] });
    for (const actor of ['staffB', 'founderA1', 'mentor1', 'investor1'] as Actor[]) {
      expectProblem(await as(actor).get(`/v1/assignment-runs/${r.id}`), 404, w.pAv, w.pAs);
      expectProblem(await as(actor).post(`/v1/assignment-runs/${r.id}/publish`), 404);
    }
    expect(await ok(as('admin').get(`/v1/assignment-runs/${r.id}`))).toMatchObject({ id: r.id, status: 'done' });
    expectProblem(await as('admin').get('/v1/assignment-runs/not-a-uuid'), 404);
  });
});

describe('bad input: 4xx problem+json naming the path, nothing recorded', () => {
  let c: Awaited<ReturnType<typeof newCenter>>;
  let p1: string;
  let draft: string;
  let m: string;
  let zhOnly: string;
  beforeAll(async () => {
    c = await newCenter('输入校验中心');
    p1 = await newProject(c, '输入校验项目', { languages: ['bo'] });
    draft = await newProject(c, '草稿项目', { status: 'draft' });
    m = await newMentor('校验导师');
    zhOnly = await newMentor('只说中文的导师', { languages: ['zh'] });
  });
  const runsOf = async () =>
    (await t.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.centerId, c.id))).length;

  it.each([
    { name: 'malformed JSON', body: null, status: 400, path: '' },
    { name: 'unknown field', body: { bogus: 1 }, status: 422, path: 'bogus' },
    { name: 'balance out of range', body: { balance: 1.5 }, status: 422, path: 'balance' },
    { name: 'projectIds not uuids', body: { projectIds: ['x'] }, status: 422, path: 'projectIds.0' },
    { name: 'empty projectIds', body: { projectIds: [] }, status: 422, path: 'projectIds' },
    { name: 'repeated mentorIds', body: { mentorIds: [UNKNOWN, UNKNOWN] }, status: 422, path: 'mentorIds' },
    { name: 'pin without mentorId', body: { pins: [{ projectId: UNKNOWN }] }, status: 422, path: 'pins.0.mentorId' },
  ])('$name → $status', async ({ body, status, path }) => {
    const res =
      body === null
        ? await t.request('POST', `/v1/centers/${c.id}/assignment-runs`, {
            raw: '{"projectIds": [',
            headers: { 'content-type': 'application/json' },
          })
        : await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, body);
    expectProblem(res, status);
    if (path) expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    expect(await runsOf()).toBe(0);
  });

  it('ids that do not exist or are not of this center, and draft projects → 422 with their paths', async () => {
    const res = await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, {
      projectIds: [p1, w.pAv, UNKNOWN, draft],
      mentorIds: [m, UNKNOWN],
      exclusions: [{ projectId: w.pBv, mentorId: m }],
    });
    expectProblem(res, 422, 'PTITLE');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'projectIds.1', message: expect.stringMatching(/not a project of this center.*不属于本中心/) },
        { path: 'projectIds.2', message: expect.stringMatching(/unknown project/) },
        { path: 'projectIds.3', message: expect.stringMatching(/draft.*已提交/) },
        { path: 'mentorIds.1', message: expect.stringMatching(/unknown mentor.*导师不存在/) },
        { path: 'exclusions.0.projectId', message: expect.any(String) },
      ]),
    );
    expect(res.body.errors).toHaveLength(5);
    expect(await runsOf()).toBe(0);
  });

  it('pins that are not eligible, conflict with an exclusion, repeat a project or exceed capacity → 422, bilingual', async () => {
    // The project speaks only Tibetan; this mentor only Chinese: not an eligible pair.
    let res = await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, {
      pins: [{ projectId: p1, mentorId: zhOnly }],
    });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([
      {
        path: 'pins.0',
        message: expect.stringMatching(/not an eligible pair.*Shares a language.*不符合硬性条件.*共同语言/),
      },
    ]);

    res = await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, {
      pins: [{ projectId: p1, mentorId: m }],
      exclusions: [{ projectId: p1, mentorId: m }],
    });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([
      { path: 'pins.0', message: expect.stringMatching(/both pinned and excluded.*同时被固定和排除/) },
    ]);

    res = await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, {
      pins: [
        { projectId: p1, mentorId: m },
        { projectId: p1, mentorId: zhOnly },
      ],
    });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: any) => e.path)).toEqual(['pins.1.projectId']);

    const full = await newMentor('满员导师', { capacity: 0 });
    res = await c.staff.post(`/v1/centers/${c.id}/assignment-runs`, { pins: [{ projectId: p1, mentorId: full }] });
    expectProblem(res, 422);
    expect(res.body.errors[0].message).toMatch(/capacity/);
    expect(await runsOf()).toBe(0);
  });
});

describe('a run', () => {
  it('runs on BullMQ with Redis, in-process otherwise', () => {
    expect(t.service.assignmentQueue.kind).toBe(process.env.TEST_REDIS_URL ? 'bullmq' : 'inline');
  });

  it('executes as a job; assignments carry the same score and reasons as the mentor match endpoint', async () => {
    await t.service.queue.drained(120_000);
    const c = await newCenter('默认运行中心');
    const a = await newProject(c, '青稞饼干认证', { status: 'vetted' });
    const b = await newProject(c, '牦牛绒围巾电商', { needs: ['ecommerce', 'marketing'], sector: 'culture_tourism' });
    await newProject(c, '还是草稿', { status: 'draft' });
    const rejected = await newProject(c, '被拒项目', { status: 'rejected' });
    const m = await newMentor('认证检测导师');
    await t.service.queue.drained(120_000);

    const r = await run(c.staff, c.id);
    // Default projects: submitted + vetted without a coach (not the draft, not the rejected one).
    expect(new Set([...r.assignments.map((x: any) => x.projectId), ...r.unassigned])).toEqual(new Set([a, b]));
    expect(r.unassigned).not.toContain(rejected);
    expect(r).toMatchObject({
      centerId: c.id,
      objective: expect.any(Number),
      greedyObjective: expect.any(Number),
      solverMs: expect.any(Number),
      createdBy: expect.stringMatching(/^key:/),
      publishedAt: null,
      publishedBy: null,
      error: null,
      stats: { projects: 2, mentors: expect.any(Number), candidatePairs: expect.any(Number) },
    });
    expect(r.assignments).toHaveLength(2); // enough mentors with places for both
    expect(r.objective).toBeCloseTo(
      r.assignments.reduce((s: number, x: any) => s + x.score, 0),
      6,
    );
    expect(r.objective).toBeGreaterThanOrEqual(r.greedyObjective - 1e-9);
    expect(r.dualBound).toBeCloseTo(r.objective, 6); // proven optimal
    for (const x of r.assignments) {
      const matches = await ok(c.staff.get(`/v1/projects/${x.projectId}/matches/mentors?limit=100`));
      const same = matches.items.find((i: any) => i.id === x.mentorId);
      expect(same, 'the assigned mentor is one the match endpoint lists').toBeDefined();
      expect(x.score).toBe(same.score);
      expect(x.reasons).toEqual(same.reasons);
      expect(x.reasons.some((y: any) => y.code === 'eligible')).toBe(true);
    }
    expect(m).toBeTruthy();

    // English on request; the record reads the same later and shows in the center's list.
    const en = await waitRun(c.staff, r.id, { 'accept-language': 'en', authorization: `Bearer ${w.keys.admin}` });
    expect(en.assignments[0].reasons.find((y: any) => y.code === 'eligible').text).toMatch(/^Meets the hard rules/);
    const list = await ok(c.staff.get(`/v1/centers/${c.id}/assignment-runs`));
    expect(list.items).toEqual([
      expect.objectContaining({
        id: r.id,
        status: 'done',
        objective: r.objective,
        assignedCount: 2,
        unassignedCount: 0,
      }),
    ]);
    const [row] = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'assignment_run.create'), eq(auditTable.entityId, r.id)));
    expect(row).toMatchObject({ centerId: c.id, entityKind: 'assignment_run' });
  });

  it('beats greedy where greedy is suboptimal: the strong project gives way to one only a single mentor fits', async () => {
    const c = await newCenter('贪心对比中心');
    // X fits both projects; Y speaks only Chinese, so the Tibetan-only project can take X alone.
    // X covers both of the strong project's needs, Y one of them.
    const x = await newMentor('X 认证检测导师', {
      capacity: 1,
      languages: ['zh', 'bo'],
      expertise: ['certification', 'marketing'],
    });
    const y = await newMentor('Y 认证检测导师', { capacity: 1, languages: ['zh'], expertise: ['certification'] });
    const strong = await newProject(c, '青稞能量棒认证', { languages: ['zh'] });
    const tibetan = await newProject(c, '藏语青稞产品', {
      languages: ['bo'],
      needs: ['marketing'],
      sector: 'culture_tourism',
    });
    await t.service.queue.drained(120_000); // the run and the match endpoint then see the same vectors
    const r = await run(c.staff, c.id, { mentorIds: [x, y] });
    const scores = async (p: string) =>
      Object.fromEntries(
        (await ok(c.staff.get(`/v1/projects/${p}/matches/mentors?limit=100`))).items.map((i: any) => [i.id, i.score]),
      );
    const s1 = await scores(strong);
    const s2 = await scores(tibetan);
    expect(s2[y]).toBeUndefined(); // not eligible
    // The instance is greedy-suboptimal exactly when the strong project prefers X, scores X above
    // the Tibetan project, and giving way pays: s1(Y) + s2(X) > s1(X).
    expect(s1[x]).toBeGreaterThan(s1[y]);
    expect(s1[x]).toBeGreaterThan(s2[x]);
    expect(s1[y] + s2[x]).toBeGreaterThan(s1[x]);
    expect(pairsOf(r)).toEqual({ [strong]: y, [tibetan]: x });
    expect(r.objective).toBeCloseTo(s1[y] + s2[x], 6);
    expect(r.greedyObjective).toBeCloseTo(s1[x], 6);
    expect(r.objective).toBeGreaterThan(r.greedyObjective);
    expect(r.greedyAssigned).toBe(1);
  });

  it('keeps pins, avoids exclusions, and says why a project stays unassigned', async () => {
    const c = await newCenter('固定排除中心');
    const m1 = await newMentor('固定导师一', { capacity: 1 });
    const m2 = await newMentor('固定导师二', { capacity: 1 });
    const zh = await newMentor('中文导师', { capacity: 5, languages: ['zh'] });
    const p1 = await newProject(c, '固定项目一');
    const p2 = await newProject(c, '固定项目二');
    const p3 = await newProject(c, '藏文项目三', { languages: ['bo'] });
    const lonely = await newProject(c, '无人可配', { languages: ['en'] });
    const r = await run(c.staff, c.id, {
      projectIds: [p1, p2, p3, lonely],
      mentorIds: [m1, m2, zh],
      pins: [{ projectId: p3, mentorId: m2 }],
      exclusions: [
        { projectId: p1, mentorId: m1 },
        { projectId: p2, mentorId: zh },
      ],
    });
    const pairs = pairsOf(r);
    expect(pairs[p3]).toBe(m2);
    expect(r.assignments.find((a: any) => a.projectId === p3).pinned).toBe(true);
    expect(pairs[p1]).not.toBe(m1);
    expect(pairs[p2]).not.toBe(zh);
    expect(pairs[p1]).toBe(zh);
    expect(pairs[p2]).toBe(m1);
    expect(r.unassigned).toEqual([lonely]);
    expect(r.unassignedDetail).toEqual([
      {
        projectId: lonely,
        projectTitle: '无人可配',
        reason: 'no_eligible_mentor',
        message: expect.stringMatching(/没有符合硬性条件的导师.*共同语言/),
      },
    ]);
  });
});

describe('balance and failures', () => {
  it('records balance and reports the load cost next to the score', async () => {
    const c = await newCenter('均衡中心');
    const a = await newMentor('均衡导师甲', { capacity: 3 });
    const b = await newMentor('均衡导师乙', { capacity: 3, expertise: ['certification'] });
    for (const k of [1, 2, 3]) await newProject(c, `均衡项目${k}`);
    const plain = await run(c.staff, c.id, { mentorIds: [a, b] });
    const even = await run(c.staff, c.id, { mentorIds: [a, b], balance: 1 });
    expect(plain).toMatchObject({ balance: 0, balancePenalty: 0 });
    expect(even.balance).toBe(1);
    expect(even.utility).toBeCloseTo(even.objective - even.balancePenalty, 6);
    // With balance the load may spread, never at a higher load cost than without it.
    const loads = (r: any) => r.mentorLoad.map((l: any) => l.assigned).sort();
    expect(Math.max(...loads(even))).toBeLessThanOrEqual(Math.max(...loads(plain)));
    expect(even.utility).toBeGreaterThanOrEqual(plain.objective - 0.1 * 3 - 1e-9);
  });

  it('a pin that stopped being eligible after the request fails the run, with the reason on record', async () => {
    const c = await newCenter('失败中心');
    const m = await newMentor('将停用导师');
    const p = await newProject(c, '固定后失效');
    // Recorded as the API would, then the mentor is deactivated before the job runs.
    const [row] = await t.db
      .insert(assignmentRunsTable)
      .values({ centerId: c.id, status: 'queued', input: { pins: [{ projectId: p, mentorId: m }] } })
      .returning();
    await ok(t.request('PATCH', `/v1/mentors/${m}`, { body: { active: false } }));
    await executeRun({ db: t.db, model: t.service.embedder.id }, row.id);
    const r = await ok(c.staff.get(`/v1/assignment-runs/${row.id}`));
    expect(r).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/no longer eligible.*不再符合/),
      assignments: [],
      objective: null,
    });
    expectProblem(await c.staff.post(`/v1/assignment-runs/${row.id}/publish`), 409);
  });
});

describe('recovery', () => {
  it('runs left queued or running (the process died) are queued again at start and finish', async () => {
    const c = await newCenter('恢复中心');
    const m = await newMentor('恢复导师');
    const p = await newProject(c, '恢复项目');
    const rows = await t.db
      .insert(assignmentRunsTable)
      .values([
        { centerId: c.id, status: 'queued', input: { mentorIds: [m] } },
        { centerId: c.id, status: 'running', input: { mentorIds: [m] } },
      ])
      .returning();
    expect(await requeueUnfinished(t.db, t.service.assignmentQueue, silentLogger)).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(pairsOf(await waitRun(c.staff, row.id))).toEqual({ [p]: m });
  });
});

describe('publish', () => {
  it('concurrent publishes of one run: exactly one succeeds', async () => {
    const c = await newCenter('并发发布中心');
    const m = await newMentor('并发导师');
    await newProject(c, '并发项目一');
    await newProject(c, '并发项目二');
    const r = await run(c.staff, c.id, { mentorIds: [m] });
    const results = await Promise.all([1, 2, 3].map(() => c.staff.post(`/v1/assignment-runs/${r.id}/publish`)));
    expect(statusCounts(results)).toEqual({ 200: 1, 409: 2 });
    expect(
      await t.db.select().from(introductionsTable).where(eq(introductionsTable.assignmentRunId, r.id)),
    ).toHaveLength(2);
  });

  it('creates the introductions once; a later run sees the places they hold; mentors accept them', async () => {
    const c = await newCenter('发布中心');
    const z = await newMentor('唯一导师 Z', { capacity: 2 });
    const zKey = callerFor(t, (await createKey(t, 'mentor', { subjectId: z })).key);
    const p1 = await newProject(c, '发布项目一');
    const p2 = await newProject(c, '发布项目二');
    const r1 = await run(c.staff, c.id, { mentorIds: [z] });
    expect(pairsOf(r1)).toEqual({ [p1]: z, [p2]: z });

    const pub = await ok(c.staff.post(`/v1/assignment-runs/${r1.id}/publish`));
    expect(pub.run).toMatchObject({
      id: r1.id,
      publishedAt: expect.any(String),
      publishedBy: expect.stringMatching(/^key:/),
    });
    expect(pub.introductions).toHaveLength(2);
    for (const i of pub.introductions)
      expect(i).toMatchObject({ targetKind: 'mentor', targetId: z, status: 'requested', assignmentRunId: r1.id });
    const stored = await t.db.select().from(introductionsTable).where(eq(introductionsTable.assignmentRunId, r1.id));
    expect(stored.map((i) => i.projectId).sort()).toEqual([p1, p2].sort());
    const [audit] = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'assignment_run.publish'), eq(auditTable.entityId, r1.id)));
    expect(audit.detail).toMatchObject({ count: 2 });

    // Second publish: 409, nothing new.
    expectProblem(await c.staff.post(`/v1/assignment-runs/${r1.id}/publish`), 409);
    expect(
      await t.db.select().from(introductionsTable).where(eq(introductionsTable.assignmentRunId, r1.id)),
    ).toHaveLength(2);

    // A new project: Z's two places are held by the published introductions (still requested).
    const p3 = await newProject(c, '发布项目三');
    const r2 = await run(c.staff, c.id, { mentorIds: [z] });
    expect(r2.assignments).toEqual([]);
    expect(r2.unassigned).toEqual([p3]); // p1 and p2 have a coach now: not in the default set
    expect(r2.unassignedDetail[0]).toMatchObject({ reason: 'all_full' });
    // Explicitly listed, they are reported as already coached.
    const r2b = await run(c.staff, c.id, { projectIds: [p1, p3], mentorIds: [z] });
    expect(r2b.unassignedDetail.map((u: any) => u.reason)).toEqual(['already_has_coach', 'all_full']);

    // The mentor accepts one (the place moves from held to accepted) and declines the other (freed).
    const [i1, i2] = pub.introductions;
    expect(await ok(zKey.post(`/v1/introductions/${i1.id}/accept`))).toMatchObject({
      status: 'accepted',
      assignmentRunId: r1.id,
    });
    expect(await ok(zKey.get(`/v1/mentors/${z}/capacity`))).toMatchObject({ capacity: 2, accepted: 1, remaining: 1 });
    const r3 = await run(c.staff, c.id, { projectIds: [p3], mentorIds: [z] });
    expect(r3.unassignedDetail[0]).toMatchObject({ reason: 'all_full' }); // 1 accepted + 1 held = 2
    expect(await ok(zKey.post(`/v1/introductions/${i2.id}/decline`))).toMatchObject({ status: 'declined' });
    const r4 = await run(c.staff, c.id, { mentorIds: [z] });
    expect(pairsOf(r4)).toEqual({ [p3]: z });
    expect(r4.mentorLoad).toEqual([{ mentorId: z, capacity: 2, accepted: 1, held: 0, assigned: 1 }]);
    await ok(c.staff.post(`/v1/assignment-runs/${r4.id}/publish`));

    // Every run and publish is on record.
    const list = await ok(c.staff.get(`/v1/centers/${c.id}/assignment-runs?limit=2`));
    expect(list.items.map((x: any) => x.id)).toEqual([r1.id, r2.id]);
    const rest = await ok(c.staff.get(`/v1/centers/${c.id}/assignment-runs?cursor=${list.nextCursor}`));
    expect(rest.items.map((x: any) => x.id)).toEqual([r2b.id, r3.id, r4.id]);
    expect(rest.items[2]).toMatchObject({
      publishedAt: expect.any(String),
      publishedBy: expect.stringMatching(/^key:/),
      assignedCount: 1,
    });
  });

  it('a run that is not done cannot be published (409); stale runs are refused whole (409, nothing written)', async () => {
    const c = await newCenter('未完成发布中心');
    const [queued] = await t.db
      .insert(assignmentRunsTable)
      .values({ centerId: c.id, status: 'queued', input: {} })
      .returning();
    const res = await c.staff.post(`/v1/assignment-runs/${queued.id}/publish`);
    expectProblem(res, 409);
    expect(res.body.detail).toMatch(/queued.*已完成/);

    // The run assigns the mentor's only place; meanwhile a founder's introduction to it is accepted.
    const m = await newMentor('单名额导师', { capacity: 1 });
    const mKey = callerFor(t, (await createKey(t, 'mentor', { subjectId: m })).key);
    const p = await newProject(c, '过期项目');
    const other = await newProject(c, '别的项目');
    const r = await run(c.staff, c.id, { projectIds: [p], mentorIds: [m] });
    expect(pairsOf(r)).toEqual({ [p]: m });
    const intro = await ok(
      as('admin').post('/v1/introductions', { projectId: other, targetKind: 'mentor', targetId: m }),
      201,
    );
    await ok(mKey.post(`/v1/introductions/${intro.id}/accept`));
    const stale = await c.staff.post(`/v1/assignment-runs/${r.id}/publish`);
    expectProblem(stale, 409);
    expect(stale.body.errors).toEqual([
      { path: 'assignments.0.mentorId', message: expect.stringMatching(/0 place.*仅剩 0 个名额/) },
    ]);
    expect(
      await t.db.select().from(introductionsTable).where(eq(introductionsTable.assignmentRunId, r.id)),
    ).toHaveLength(0);
    expect((await ok(c.staff.get(`/v1/assignment-runs/${r.id}`))).publishedAt).toBeNull();
  });
});
