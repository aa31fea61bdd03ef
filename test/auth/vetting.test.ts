// Vetting cannot be bypassed (issue 18, item 3): a founder's material edit of a vetted or rejected
// project returns it to `submitted` (audited as project.resubmitted with the changed fields), and a
// project changes center only by an admin (staff see their own center's projects only, and cannot
// push one elsewhere); a move returns it to review too. Per role: founder, co-founder, staff of the
// center, staff of another center, admin, investor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditTable, projectsTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, callsAs, expectProblem, ok, projectBody, type World } from './world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const as = callsAs(
  () => t,
  () => w,
);
const stored = async (id: string) => (await t.db.select().from(projectsTable).where(eq(projectsTable.id, id)))[0];
const lastAudit = async (id: string) =>
  (await t.db.select().from(auditTable).where(eq(auditTable.entityId, id)).orderBy(desc(auditTable.id)).limit(1))[0];
const resubmissions = (id: string) =>
  t.db
    .select()
    .from(auditTable)
    .where(and(eq(auditTable.entityId, id), eq(auditTable.action, 'project.resubmitted')));
/** A vetted project of center A, founders fA1 and fA2 (added by the admin), visible to investors. */
async function vetted(title: string, status: 'vetted' | 'rejected' = 'vetted') {
  const p = await ok(
    t.request('POST', '/v1/projects', {
      body: projectBody({ title, centerId: w.cA, founderIds: [w.fA1, w.fA2], status }),
    }),
    201,
  );
  return p.id as string;
}
const investorSees = async (id: string) => {
  const one = await as('investor1').get(`/v1/projects/${id}`);
  const list = (await ok(as('investor1').get('/v1/projects?limit=200'))).items.map((x: any) => x.id);
  const matches = (await ok(as('investor1').get(`/v1/investors/${w.i1}/matches/projects?limit=100`))).items.map(
    (x: any) => x.id,
  );
  expect(list.includes(id), 'list agrees with by-id').toBe(one.status === 200);
  expect(matches.includes(id), 'matches agree with by-id').toBe(one.status === 200);
  return one.status === 200;
};

describe("a founder's material edit of a decided project returns it to review", () => {
  it.each([
    ['description', { description: '改写后的项目描述：未经中心审核的新内容。' }],
    ['fundingNeedCny', { fundingNeedCny: 900_000 }],
    ['sector', { sector: 'digital_tech' }],
    ['stage', { stage: 'growth' }],
    ['title', { title: 'PTITLE 改名' }],
    ['needs', { needs: ['fundraising'] }],
    ['regionCode', { regionCode: '540121' }],
  ])('%s: vetted → submitted, audited, and the investor no longer sees it', async (field, patch) => {
    const id = await vetted(`重审-${field}`);
    expect(await investorSees(id)).toBe(true);
    const res = await ok(as('founderA2').patch(`/v1/projects/${id}`, patch));
    expect(res.status).toBe('submitted');
    expect((await stored(id)).status).toBe('submitted');
    const entry = await lastAudit(id);
    expect(entry.action).toBe('project.resubmitted');
    expect(entry.detail).toEqual({ from: 'vetted', to: 'submitted', fields: [field] });
    expect(await investorSees(id)).toBe(false);
    expectProblem(
      await as('investor1').post('/v1/introductions', { projectId: id, targetKind: 'investor', targetId: w.i1 }),
      404,
    );
  });

  it('repeating the stored status in the same request does not keep it vetted', async () => {
    const id = await vetted('重审-状态不变');
    expect(
      (await ok(as('founderA1').patch(`/v1/projects/${id}`, { status: 'vetted', description: '新描述' }))).status,
    ).toBe('submitted');
    expect((await lastAudit(id)).detail).toEqual({ from: 'vetted', to: 'submitted', fields: ['description'] });
  });

  it('an upsert by externalId with changed content is an edit too', async () => {
    const id = await vetted('重审-导入');
    await ok(t.request('PATCH', `/v1/projects/${id}`, { body: { externalId: 'ext-resubmit' } }));
    const body = {
      ...projectBody({ title: '重审-导入', centerId: w.cA, founderIds: [w.fA1, w.fA2], status: 'vetted' }),
      fundingNeedCny: 1,
    };
    expect((await ok(as('founderA1').put('/v1/projects/by-external-id/ext-resubmit', body))).status).toBe('submitted');
  });

  it('a rejected project edited by its founder is resubmitted', async () => {
    const id = await vetted('重审-已拒绝', 'rejected');
    expect((await ok(as('founderA1').patch(`/v1/projects/${id}`, { stage: 'early_revenue' }))).status).toBe(
      'submitted',
    );
    expect((await lastAudit(id)).detail).toEqual({ from: 'rejected', to: 'submitted', fields: ['stage'] });
  });

  it('non-material edits and unchanged values keep it vetted, with no resubmission', async () => {
    const id = await vetted('重审-非实质修改');
    const p = await ok(as('founderA1').get(`/v1/projects/${id}`));
    await ok(as('founderA1').patch(`/v1/projects/${id}`, { languages: ['zh'], confidential: { note: 'updated' } }));
    await ok(
      as('founderA1').patch(`/v1/projects/${id}`, {
        description: p.description,
        needs: p.needs,
        fundingNeedCny: p.fundingNeedCny,
      }),
    );
    expect((await stored(id)).status).toBe('vetted');
    expect(await resubmissions(id)).toEqual([]);
    expect(await investorSees(id)).toBe(true);
  });

  it('the founder still cannot move it back itself, nor to draft with an edit', async () => {
    const id = await vetted('重审-不可自行撤回');
    expectProblem(await as('founderA1').patch(`/v1/projects/${id}`, { status: 'submitted' }), 403);
    expectProblem(await as('founderA1').patch(`/v1/projects/${id}`, { status: 'draft', description: '改成草稿' }), 403);
    expect((await stored(id)).status).toBe('vetted');
  });

  it("the center's staff edit a vetted project without un-vetting it (they are the reviewers)", async () => {
    const id = await vetted('重审-中心修改');
    expect((await ok(as('staffA').patch(`/v1/projects/${id}`, { description: '中心修订的描述' }))).status).toBe(
      'vetted',
    );
    expect(await resubmissions(id)).toEqual([]);
  });
});

describe('a project changes center only by an admin', () => {
  it('a founder cannot move a project to another center or out of its center (403, nothing written)', async () => {
    const id = await vetted('迁移-创始人');
    for (const centerId of [w.cB, null]) {
      expectProblem(await as('founderA1').patch(`/v1/projects/${id}`, { centerId }), 403);
      expect(await stored(id)).toMatchObject({ centerId: w.cA, status: 'vetted' });
    }
    const sub = await ok(
      as('founderA1').post(
        '/v1/projects',
        projectBody({ title: '迁移-已提交', centerId: w.cA, founderIds: [w.fA1], status: 'submitted' }),
      ),
      201,
    );
    expectProblem(await as('founderA1').patch(`/v1/projects/${sub.id}`, { centerId: w.cB }), 403);
    expect((await stored(sub.id)).centerId).toBe(w.cA);
  });

  it('a founder creates in a center or none, and attaches a project without a center to one', async () => {
    const p = await ok(
      as('founderA1').post('/v1/projects', projectBody({ title: '迁移-无中心', founderIds: [w.fA1], status: 'draft' })),
      201,
    );
    expect(p.centerId).toBeNull();
    expect((await ok(as('founderA1').patch(`/v1/projects/${p.id}`, { centerId: w.cA }))).centerId).toBe(w.cA);
    expectProblem(await as('founderA1').patch(`/v1/projects/${p.id}`, { centerId: w.cB }), 403);
  });

  it("staff cannot push a project to another center (403); the receiving center's staff cannot pull one (404)", async () => {
    const id = await vetted('迁移-中心');
    expectProblem(await as('staffA').patch(`/v1/projects/${id}`, { centerId: w.cB }), 403);
    expectProblem(await as('staffB').patch(`/v1/projects/${id}`, { centerId: w.cB }), 404);
    expect(await stored(id)).toMatchObject({ centerId: w.cA, status: 'vetted' });
  });

  it('an admin moves it; a vetted project returns to review by the new center', async () => {
    const id = await vetted('迁移-管理员');
    const moved = await ok(as('admin').patch(`/v1/projects/${id}`, { centerId: w.cB }));
    expect(moved).toMatchObject({ centerId: w.cB, status: 'submitted' });
    expect((await lastAudit(id)).detail).toEqual({ from: 'vetted', to: 'submitted', fields: ['centerId'] });
    expect(await investorSees(id)).toBe(false);
    expectProblem(await as('staffA').get(`/v1/projects/${id}`), 404);
    // the receiving center reviews it
    expect((await ok(as('staffB').patch(`/v1/projects/${id}`, { status: 'vetted' }))).status).toBe('vetted');
    expect(await investorSees(id)).toBe(true);
    // an admin deciding the status in the same request keeps that decision
    expect((await ok(as('admin').patch(`/v1/projects/${id}`, { centerId: w.cA, status: 'vetted' }))).status).toBe(
      'vetted',
    );
  });
});
