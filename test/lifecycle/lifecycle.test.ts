// A project's life in a center through the API (issue 21): admission form, apply, review, decide,
// outcomes, graduate and exit; every bad input of the issue is a clear 4xx with nothing written;
// other roles and other centers get 404; investors see reviewed projects only and an exited project
// is matched nowhere.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationReviewsTable,
  applicationsTable,
  auditTable,
  incubationsTable,
  projectOutcomesTable,
  projectsTable,
} from '../../models/schema.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, callsAs, createKey, expectProblem, ok, projectBody, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
let staffA2: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  staffA2 = (await createKey(t, 'center_staff', { centerId: w.cA })).key;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const as = callsAs(
  () => t,
  () => w,
);
const asStaffA2 = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { key: staffA2, ...(body === undefined ? {} : { body }) });
const n = async (table: any, where?: any) => (await t.db.select({ n: count() }).from(table).where(where))[0].n;
const project = async (id: string) => (await t.db.select().from(projectsTable).where(eq(projectsTable.id, id)))[0];
const statusAudits = (id: string) =>
  t.db
    .select()
    .from(auditTable)
    .where(and(eq(auditTable.entityId, id), eq(auditTable.action, 'project.status')));

const FORM = {
  questions: [
    {
      id: 'team',
      text: { zh: '团队有几个人？', en: 'How many in the team?', bo: 'ཚོགས་པར་མི་ག་ཚོད་ཡོད།' },
      required: true,
    },
    { id: 'capital', text: { zh: '股权结构' }, required: false, confidential: true },
  ],
  criteria: [
    { id: 'market', name: { zh: '市场' }, weight: 2 },
    { id: 'team', name: { zh: '团队' }, weight: 1 },
  ],
  scale: 5,
  minReviews: 2,
};
const thisMonth = () => todayInShanghai().slice(0, 7);
const OUTCOME = {
  employees: 4,
  graduatesHired: 2,
  localHires: 3,
  revenueCny: 12000,
  fundingRaisedCny: 0,
  ipFilings: 1,
};

/** A submitted project of center A (founder fA1) created by the admin. */
async function submittedProject(title: string, centerId = w.cA, founderIds = [w.fA1]) {
  return (
    await ok(
      t.request('POST', '/v1/projects', { body: projectBody({ title, centerId, founderIds, status: 'submitted' }) }),
      201,
    )
  ).id as string;
}

/** Applies, two reviews, admits: the project is incubating in center A. */
async function admitted(title: string): Promise<{ projectId: string; applicationId: string }> {
  const projectId = await submittedProject(title);
  const app = await ok(
    as('founderA1').post('/v1/applications', { projectId, centerId: w.cA, answers: { team: '3' } }),
    201,
  );
  await ok(
    as('staffA').post(`/v1/applications/${app.id}/reviews`, {
      scores: { market: 4, team: 4 },
      recommendation: 'admit',
    }),
  );
  await ok(
    asStaffA2('POST', `/v1/applications/${app.id}/reviews`, {
      scores: { market: 3, team: 5 },
      recommendation: 'admit',
    }),
  );
  await ok(as('staffA').post(`/v1/applications/${app.id}/decision`, { decision: 'admitted', reason: '团队扎实' }));
  return { projectId, applicationId: app.id };
}

describe('admission form', () => {
  it('staff of the center save it; others 404; a bad form is 422', async () => {
    const before = await ok(as('founderA1').get(`/v1/centers/${w.cA}/admission-form`));
    expect(before.updatedAt).toBeNull();
    expect(before.criteria.length).toBe(1);
    expectProblem(await as('staffB').put(`/v1/centers/${w.cA}/admission-form`, FORM), 404);
    expectProblem(await as('founderA1').put(`/v1/centers/${w.cA}/admission-form`, FORM), 404);
    expectProblem(await as('investor1').get(`/v1/centers/${w.cA}/admission-form`), 404);
    expectProblem(
      await as('staffA').put(`/v1/centers/${w.cA}/admission-form`, {
        ...FORM,
        criteria: [FORM.criteria[0], FORM.criteria[0]],
      }),
      422,
    );
    expectProblem(await as('staffA').put(`/v1/centers/${w.cA}/admission-form`, { ...FORM, scale: 1 }), 422);
    const saved = await ok(as('staffA').put(`/v1/centers/${w.cA}/admission-form`, FORM));
    expect(saved.minReviews).toBe(2);
    expect(saved.plannedMonths).toBe(24);
    expect((await ok(as('founderA1').get(`/v1/centers/${w.cA}/admission-form`))).questions).toHaveLength(2);
  });
});

describe('apply → review → decide → outcomes → graduate', () => {
  let projectId: string;
  let appId: string;

  it('a founder applies; bad answers and a second open application are refused, nothing written', async () => {
    projectId = await submittedProject('生命周期 LIFE-1');
    const body = { projectId, centerId: w.cA, answers: { team: '3 人', capital: 'CONF-ANSWER 51/49' } };
    expectProblem(await as('founderA1').post('/v1/applications', { ...body, answers: { capital: 'x' } }), 422);
    expectProblem(await as('founderA1').post('/v1/applications', { ...body, answers: { team: '3', bogus: 'x' } }), 422);
    expectProblem(await as('founderA1').post('/v1/applications', { ...body, answers: { team: '   ' } }), 422);
    expectProblem(await as('founderB1').post('/v1/applications', body), 404);
    expectProblem(await as('staffA').post('/v1/applications', body), 403);
    expectProblem(await as('founderA1').post('/v1/applications', { ...body, centerId: w.fA1 }), 422);
    expect(await n(applicationsTable, eq(applicationsTable.projectId, projectId))).toBe(0);
    const app = await ok(as('founderA1').post('/v1/applications', body), 201);
    expect(app.status).toBe('submitted');
    appId = app.id;
    expectProblem(await as('founderA1').post('/v1/applications', body), 409);
    expect(await n(applicationsTable, eq(applicationsTable.projectId, projectId))).toBe(1);
    // A draft cannot apply (submit it first).
    expectProblem(
      await as('founderB1').post('/v1/applications', { projectId: w.pBd, centerId: w.cB, answers: {} }),
      409,
    );
  });

  it('only the center reviews; scores off the scale are 422; a decision needs minReviews', async () => {
    const review = { scores: { market: 4, team: 3 }, recommendation: 'admit' };
    expectProblem(await as('staffB').post(`/v1/applications/${appId}/reviews`, review), 404);
    expectProblem(await as('investor1').get(`/v1/applications/${appId}`), 404, 'CONF-ANSWER');
    expectProblem(await as('staffB').get(`/v1/applications/${appId}`), 404);
    expectProblem(await as('founderA1').post(`/v1/applications/${appId}/reviews`, review), 403);
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/reviews`, { ...review, scores: { market: 6, team: 3 } }),
      422,
    );
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/reviews`, { ...review, scores: { market: 0, team: 3 } }),
      422,
    );
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/reviews`, { ...review, scores: { market: 4 } }),
      422,
    );
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/reviews`, { ...review, scores: { market: 4, team: 3, x: 1 } }),
      422,
    );
    expect(await n(applicationReviewsTable, eq(applicationReviewsTable.applicationId, appId))).toBe(0);
    await ok(as('staffA').post(`/v1/applications/${appId}/reviews`, { ...review, scores: { market: 2, team: 2 } }));
    // A second call replaces the reviewer's review.
    await ok(as('staffA').post(`/v1/applications/${appId}/reviews`, review));
    expect(await n(applicationReviewsTable, eq(applicationReviewsTable.applicationId, appId))).toBe(1);
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/decision`, { decision: 'admitted', reason: 'ok' }),
      422,
    );
    await ok(
      asStaffA2('POST', `/v1/applications/${appId}/reviews`, {
        scores: { market: 3, team: 5 },
        recommendation: 'waitlist',
      }),
    );
    const seen = await ok(as('staffA').get(`/v1/applications/${appId}`));
    expect(seen.reviews).toHaveLength(2);
    // Each reviewer has a single review in the center: raw weighted means (2·4+3)/3 and (2·3+5)/3.
    const [m1, m2] = [11 / 3, 11 / 3];
    expect(seen.aggregate.reviews).toBe(2);
    expect(seen.aggregate.score).toBeCloseTo((m1 + m2) / 2, 10);
    expect(seen.aggregate.spread).toBeCloseTo(0, 10);
    // The founder reads its application without the center's deliberation.
    const mine = await ok(as('founderA1').get(`/v1/applications/${appId}`));
    expect(mine.reviews).toEqual([]);
    expect(mine.aggregate).toBeNull();
  });

  it('a reason is required; concurrent decisions leave exactly one; admission starts incubation', async () => {
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/decision`, { decision: 'admitted', reason: '  ' }),
      422,
    );
    expectProblem(
      await as('staffB').post(`/v1/applications/${appId}/decision`, { decision: 'admitted', reason: 'x' }),
      404,
    );
    const results = await Promise.all([
      as('staffA').post(`/v1/applications/${appId}/decision`, { decision: 'admitted', reason: '市场清晰' }),
      asStaffA2('POST', `/v1/applications/${appId}/decision`, { decision: 'rejected', reason: '不适合' }),
      as('admin').post(`/v1/applications/${appId}/decision`, { decision: 'waitlisted', reason: '名额已满' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    expect(await n(auditTable, and(eq(auditTable.entityId, appId), eq(auditTable.action, 'application.decided')))).toBe(
      1,
    );
    // Whichever won, force the rest of the story through an admitted project.
    if (winner.decision.decision !== 'admitted') {
      ({ projectId, applicationId: appId } = await admitted('生命周期 LIFE-1b'));
    }
    const p = await project(projectId);
    expect(p.status).toBe('incubating');
    expect(p.centerId).toBe(w.cA);
    const [inc] = await t.db.select().from(incubationsTable).where(eq(incubationsTable.projectId, projectId));
    expect(inc.startedOn).toBe(todayInShanghai());
    expect(inc.plannedMonths).toBe(24);
    expect((await statusAudits(projectId)).filter((a) => (a.detail as any).to === 'incubating')).toHaveLength(1);
    // Reviews no longer change.
    expectProblem(
      await as('staffA').post(`/v1/applications/${appId}/reviews`, {
        scores: { market: 1, team: 1 },
        recommendation: 'reject',
      }),
      409,
    );
    // Investors read incubating projects, never the answers.
    await ok(as('investor1').get(`/v1/projects/${projectId}`));
  });

  it('outcomes: founders and the center enter whole numbers ≥ 0 of past months; staff lock', async () => {
    const path = (period: string) => `/v1/projects/${projectId}/outcomes/${period}`;
    expectProblem(await as('founderA1').put(path(thisMonth()), { ...OUTCOME, employees: -1 }), 422);
    expectProblem(await as('founderA1').put(path(thisMonth()), { ...OUTCOME, revenueCny: 1.5 }), 422);
    expectProblem(await as('founderA1').put(path('2999-01'), OUTCOME), 422);
    expectProblem(await as('founderA1').put(path('2026-13'), OUTCOME), 422);
    expectProblem(await as('founderA1').put(path('2026-1'), OUTCOME), 422);
    expectProblem(await as('staffB').put(path(thisMonth()), OUTCOME), 404);
    expectProblem(await as('investor1').put(path(thisMonth()), OUTCOME), 403);
    expect(await n(projectOutcomesTable, eq(projectOutcomesTable.projectId, projectId))).toBe(0);
    await ok(as('founderA1').put(path(thisMonth()), OUTCOME));
    await ok(as('staffA').put(path('2026-01'), { ...OUTCOME, registeredEnterprise: true }));
    expectProblem(await as('founderA1').post(`${path(thisMonth())}/lock`), 403);
    const locked = await ok(as('staffA').post(`${path(thisMonth())}/lock`));
    expect(locked.lockedAt).not.toBeNull();
    expectProblem(await as('founderA1').put(path(thisMonth()), { ...OUTCOME, employees: 9 }), 409);
    const list = await ok(as('founderA1').get(`/v1/projects/${projectId}/outcomes`));
    expect(list.items.map((o: any) => o.period)).toEqual(['2026-01', thisMonth()].sort());
    expect(list.items.find((o: any) => o.period === thisMonth()).employees).toBe(4);
    expectProblem(await as('investor1').get(`/v1/projects/${projectId}/outcomes`), 404);
  });

  it('graduation: only incubating projects, by their center, not in the future', async () => {
    expectProblem(await as('staffA').post(`/v1/projects/${w.pAv}/graduate`, { graduatedOn: todayInShanghai() }), 409);
    expectProblem(
      await as('staffB').post(`/v1/projects/${projectId}/graduate`, { graduatedOn: todayInShanghai() }),
      404,
    );
    expectProblem(
      await as('founderA1').post(`/v1/projects/${projectId}/graduate`, { graduatedOn: todayInShanghai() }),
      403,
    );
    expectProblem(await as('staffA').post(`/v1/projects/${projectId}/graduate`, { graduatedOn: '2999-01-01' }), 422);
    expectProblem(await as('staffA').post(`/v1/projects/${projectId}/graduate`, { graduatedOn: '2026-02-30' }), 422);
    expect((await project(projectId)).status).toBe('incubating');
    const inc = await ok(
      as('staffA').post(`/v1/projects/${projectId}/graduate`, {
        graduatedOn: todayInShanghai(),
        criteriaMet: { registeredEnterprise: true },
      }),
    );
    expect(inc.end).toBe('graduated');
    expect((await project(projectId)).status).toBe('graduated');
    expectProblem(
      await as('staffA').post(`/v1/projects/${projectId}/graduate`, { graduatedOn: todayInShanghai() }),
      409,
    );
    expectProblem(await as('staffA').post(`/v1/projects/${projectId}/exit`, { reason: 'closed' }), 409);
    await ok(as('investor1').get(`/v1/projects/${projectId}`));
    expect((await statusAudits(projectId)).map((a) => (a.detail as any).to)).toEqual(['incubating', 'graduated']);
  });
});

describe('exit and visibility', () => {
  it('an exited project is invisible to investors and matched nowhere', async () => {
    const { projectId } = await admitted('退出 LIFE-EXIT 牦牛奶酪');
    expectProblem(await as('staffA').post(`/v1/projects/${projectId}/exit`, { reason: 'bankrupt' }), 422);
    const inc = await ok(
      as('staffA').post(`/v1/projects/${projectId}/exit`, { reason: 'relocated', note: '迁往成都' }),
    );
    expect(inc.exitReason).toBe('relocated');
    expect((await project(projectId)).status).toBe('exited');
    expectProblem(await as('investor1').get(`/v1/projects/${projectId}`), 404);
    for (const kind of ['mentors', 'investors', 'trainings', 'services']) {
      const m = await ok(as('admin').get(`/v1/projects/${projectId}/matches/${kind}`));
      expect(m.items, kind).toEqual([]);
    }
    const ip = await ok(as('admin').get(`/v1/investors/${w.i1}/matches/projects?limit=50`));
    expect(ip.items.map((i: any) => i.id)).not.toContain(projectId);
  });

  it('illegal status changes through PATCH are 409 and write nothing', async () => {
    const { projectId } = await admitted('非法 LIFE-ILLEGAL');
    const audits = (await statusAudits(projectId)).length;
    // A founder may not change statuses other than draft↔submitted at all (403); the center and admins hit the table (409).
    expectProblem(await as('founderA1').patch(`/v1/projects/${projectId}`, { status: 'draft' }), 403);
    expectProblem(await as('staffA').patch(`/v1/projects/${projectId}`, { status: 'vetted' }), 409);
    expectProblem(await as('admin').patch(`/v1/projects/${projectId}`, { status: 'graduated' }), 409);
    expectProblem(await as('admin').patch(`/v1/projects/${projectId}`, { centerId: w.cB }), 409);
    expectProblem(await as('admin').patch(`/v1/projects/${w.pAs}`, { status: 'incubating' }), 409);
    expectProblem(await as('admin').patch(`/v1/projects/${w.pBd}`, { status: 'exited' }), 409);
    expectProblem(await as('admin').patch(`/v1/projects/${projectId}`, { status: 'submitted' }), 409);
    expectProblem(
      await t.request('POST', '/v1/projects', {
        body: projectBody({ title: 'x', centerId: w.cA, founderIds: [w.fA1], status: 'incubating' }),
      }),
      422,
    );
    expect((await project(projectId)).status).toBe('incubating');
    expect((await statusAudits(projectId)).length).toBe(audits);
  });
});

describe('graduation criteria the center sets', () => {
  const GRADUATION = [
    { id: 'tax', name: { zh: '已纳税', en: 'Pays taxes', bo: 'ཁྲལ་འཇལ་ཟིན།' } },
    { id: 'herders', name: { zh: '带动牧民' } },
  ];

  it('a form without them has the default list; custom ones round-trip; bad ones are 422', async () => {
    const before = await ok(as('staffB').get(`/v1/centers/${w.cB}/admission-form`));
    expect(before.graduationCriteria.map((g: any) => g.id)).toEqual([
      'registeredEnterprise',
      'revenue',
      'jobs',
      'funding',
      'space',
    ]);
    expect(before.graduationCriteria[0].name.bo).toBeTruthy();
    const saved = await ok(
      as('staffA').put(`/v1/centers/${w.cA}/admission-form`, { ...FORM, graduationCriteria: GRADUATION }),
    );
    expect(saved.graduationCriteria).toEqual(GRADUATION);
    expect((await ok(as('founderA1').get(`/v1/centers/${w.cA}/admission-form`))).graduationCriteria).toEqual(
      GRADUATION,
    );
    const bad = [
      [...GRADUATION, GRADUATION[0]],
      [{ id: 'x y', name: { zh: '名' } }],
      [{ id: 'x', name: { zh: ' ' } }],
      [{ id: 'x', name: { zh: '名' }, weight: 1 }],
      Array.from({ length: 21 }, (_, i) => ({ id: `g${i}`, name: { zh: `标准${i}` } })),
    ];
    for (const graduationCriteria of bad)
      expectProblem(await as('staffA').put(`/v1/centers/${w.cA}/admission-form`, { ...FORM, graduationCriteria }), 422);
    expect((await ok(as('staffA').get(`/v1/centers/${w.cA}/admission-form`))).graduationCriteria).toEqual(GRADUATION);
  });

  it('graduation takes only the center’s criteria: an unknown key is 422 naming it, nothing written', async () => {
    const { projectId } = await admitted('毕业标准 LIFE-GRAD-CRIT');
    const audits = await n(auditTable, eq(auditTable.entityId, projectId));
    const res = await as('staffA').post(`/v1/projects/${projectId}/graduate`, {
      graduatedOn: todayInShanghai(),
      criteriaMet: { tax: true, registeredEnterprise: true },
    });
    expectProblem(res, 422);
    expect(res.text).toContain('registeredEnterprise');
    expect((await project(projectId)).status).toBe('incubating');
    expect(await n(auditTable, eq(auditTable.entityId, projectId))).toBe(audits);
    const [running] = await t.db.select().from(incubationsTable).where(eq(incubationsTable.projectId, projectId));
    expect(running.endedOn).toBeNull();
    expect(running.criteriaMet).toBeNull();

    const inc = await ok(
      as('staffA').post(`/v1/projects/${projectId}/graduate`, {
        graduatedOn: todayInShanghai(),
        criteriaMet: { tax: true, herders: 12 },
      }),
    );
    expect(inc.criteriaMet).toEqual({ tax: true, herders: 12 });
    const [stored] = await t.db.select().from(incubationsTable).where(eq(incubationsTable.projectId, projectId));
    expect(stored.criteriaMet).toEqual({ tax: true, herders: 12 });
    expect((await project(projectId)).status).toBe('graduated');
  });
});
