// Co-founders join a project only by accepting an invitation with their own key (issue 18, item 1).
// A founder naming another founder in founderIds invites it: until it accepts it is no member — its
// profile is not readable through the project, founderIds does not list it, the project's
// introductions do not carry its (consented) contact. Staff of the project's center and admins add
// founders directly. Per role: founder (inviter), co-founder, invitee, staff of the center, staff of
// another center, admin, investor, mentor, trainer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditTable, projectFoundersTable, projectInvitationsTable, projectsTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { M, buildWorld, expectProblem, founderBody, ok, projectBody, type Actor, type World } from './world.ts';

let t: TestApp;
let w: World;
// A founder of center B who consented to share its contact, and a founder of center A.
const FB2_NAME = 'FNAME-B2 拉姆';
const FB2_CONTACT = 'wx-secret-fb2';
let fB2: string;
let fA3: string;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  fB2 = (
    await ok(
      t.request('POST', '/v1/founders', {
        body: {
          ...founderBody(FB2_NAME, FB2_CONTACT, w.cB),
          groups: ['farmer_herder'],
          consent: { shareContact: true },
        },
      }),
      201,
    )
  ).id;
  fA3 = (
    await ok(t.request('POST', '/v1/founders', { body: founderBody('FNAME-A3 普布', 'wx-secret-fa3', w.cA) }), 201)
  ).id;
  keys.founderB2 = await t.keyFor('founder', { subjectId: fB2 });
  keys.founderA3 = await t.keyFor('founder', { subjectId: fA3 });
});
afterAll(async () => {
  await t?.close();
});

type Who = Actor | 'founderB2' | 'founderA3';
const keyOf = (who: Who) => keys[who] ?? w.keys[who as Actor];
const as = (who: Who) => ({
  get: (path: string) => t.request('GET', path, { key: keyOf(who) }),
  post: (path: string, body?: unknown) => t.request('POST', path, { key: keyOf(who), body }),
  patch: (path: string, body: unknown) => t.request('PATCH', path, { key: keyOf(who), body }),
  del: (path: string) => t.request('DELETE', path, { key: keyOf(who) }),
});
const members = async (projectId: string) =>
  (await t.db.select().from(projectFoundersTable).where(eq(projectFoundersTable.projectId, projectId)))
    .map((r) => r.founderId)
    .sort();
const invitationsOf = (projectId: string) =>
  t.db.select().from(projectInvitationsTable).where(eq(projectInvitationsTable.projectId, projectId));
const auditOf = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditTable)
    .where(and(eq(auditTable.action, action), eq(auditTable.entityId, entityId)));
const invitationId = async (projectId: string, founderId: string) =>
  (await invitationsOf(projectId)).find((i) => i.founderId === founderId && i.status === 'pending')!.id;
const newProject = async (who: Who, title: string, founderIds: string[], centerId = w.cA) =>
  ok(as(who).post('/v1/projects', projectBody({ title, centerId, founderIds, status: 'submitted' })), 201);

describe('a founder naming another founder invites it', () => {
  let p: any;
  beforeAll(async () => {
    p = await newProject('founderA1', 'PTITLE-INV 邀请项目', [w.fA1, w.fB1]);
  });

  it('the project is created with the caller only; the other founder is pending, not a member', async () => {
    expect(p.founderIds).toEqual([w.fA1]);
    expect(p.pendingFounderIds).toEqual([w.fB1]);
    expect(await members(p.id)).toEqual([w.fA1]);
    const [inv] = await invitationsOf(p.id);
    expect(inv).toMatchObject({ founderId: w.fB1, invitedBy: w.fA1, status: 'pending' });
    expect(await auditOf('project_invitation.create', inv.id)).toHaveLength(1);
  });

  it("the inviter cannot read the invitee's profile by naming it in founderIds", async () => {
    expectProblem(await as('founderA1').get(`/v1/founders/${w.fB1}`), 404, M.fB1Name, M.fB1Contact);
    const list = await as('founderA1').get('/v1/founders?limit=200');
    expect(list.text).not.toContain(M.fB1Name);
    // nor find it through the project filter
    expect((await ok(as('founderA1').get(`/v1/projects?founderId=${w.fB1}`))).items).toEqual([]);
  });

  it('the invitee does not see the project before accepting; other roles never see pending ids', async () => {
    expectProblem(await as('founderB1').get(`/v1/projects/${p.id}`), 404, 'PTITLE-INV');
    expect((await ok(as('founderB1').get('/v1/projects?limit=200'))).items.map((x: any) => x.id)).not.toContain(p.id);
    // the center's staff and admins see the pending invitee; an investor or mentor never does
    expect((await ok(as('staffA').get(`/v1/projects/${p.id}`))).pendingFounderIds).toEqual([w.fB1]);
    expect((await ok(as('admin').get(`/v1/projects/${p.id}`))).pendingFounderIds).toEqual([w.fB1]);
  });

  it("invitations are seen by the invitee, the inviter, the project's center staff and admins only", async () => {
    const id = await invitationId(p.id, w.fB1);
    for (const who of ['founderB1', 'founderA1', 'staffA', 'admin'] as const) {
      const list = await ok(as(who).get('/v1/project-invitations?status=pending'));
      expect(
        list.items.map((x: any) => x.id),
        who,
      ).toContain(id);
      const one = await ok(as(who).get(`/v1/project-invitations/${id}`));
      expect(one).toMatchObject({
        id,
        projectId: p.id,
        projectTitle: 'PTITLE-INV 邀请项目',
        founderId: w.fB1,
        invitedBy: w.fA1,
        status: 'pending',
        decidedAt: null,
      });
    }
    for (const who of ['founderA2', 'staffB', 'investor1', 'mentor1', 'trainer1'] as const) {
      expect(
        (await ok(as(who).get('/v1/project-invitations'))).items.map((x: any) => x.id),
        who,
      ).not.toContain(id);
      expectProblem(await as(who).get(`/v1/project-invitations/${id}`), 404, 'PTITLE-INV');
    }
  });

  it("nobody accepts or declines someone else's invitation; nothing changes", async () => {
    const id = await invitationId(p.id, w.fB1);
    for (const action of ['accept', 'decline']) {
      // those who see it: 403; those who do not: 404
      for (const who of ['founderA1', 'staffA'] as const)
        expectProblem(await as(who).post(`/v1/project-invitations/${id}/${action}`), 403);
      for (const who of ['founderA2', 'staffB', 'investor1', 'mentor1', 'trainer1'] as const)
        expectProblem(await as(who).post(`/v1/project-invitations/${id}/${action}`), 404);
    }
    expect((await invitationsOf(p.id))[0].status).toBe('pending');
    expect(await members(p.id)).toEqual([w.fA1]);
    expectProblem(await as('founderB1').post(`/v1/project-invitations/not-a-uuid/accept`), 404);
    expectProblem(
      await as('founderB1').post(`/v1/project-invitations/00000000-0000-7000-8000-000000000000/accept`),
      404,
    );
  });

  it('the invitee accepts with its own key and becomes a member (audited); twice is 409', async () => {
    const id = await invitationId(p.id, w.fB1);
    const accepted = await ok(as('founderB1').post(`/v1/project-invitations/${id}/accept`));
    expect(accepted).toMatchObject({ id, status: 'accepted', decidedAt: expect.any(String) });
    expect(await members(p.id)).toEqual([w.fA1, w.fB1].sort());
    const seen = await ok(as('founderB1').get(`/v1/projects/${p.id}`));
    expect(seen.founderIds).toEqual([w.fA1, w.fB1]);
    // now co-founders: each reads the other's profile, without the contact
    const co = await ok(as('founderA1').get(`/v1/founders/${w.fB1}`));
    expect(co.name).toBe(M.fB1Name);
    expect(co).not.toHaveProperty('contact');
    expect((await ok(as('founderA1').get(`/v1/projects/${p.id}`))).pendingFounderIds).toEqual([]);
    const [entry] = await auditOf('project_invitation.accept', id);
    expect(entry.detail).toMatchObject({ projectId: p.id, founderId: w.fB1, to: 'accepted' });
    expectProblem(await as('founderB1').post(`/v1/project-invitations/${id}/accept`), 409);
    expectProblem(await as('founderB1').post(`/v1/project-invitations/${id}/decline`), 409);
  });

  it('a member removing itself (or being removed) keeps working', async () => {
    expect((await ok(as('founderB1').patch(`/v1/projects/${p.id}`, { founderIds: [w.fB1] }))).founderIds).toEqual([
      w.fB1,
    ]);
    expectProblem(await as('founderA1').get(`/v1/projects/${p.id}`), 404);
    await ok(as('admin').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, w.fB1] }));
    expect((await ok(as('founderA1').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1] }))).founderIds).toEqual([
      w.fA1,
    ]);
    expect(await members(p.id)).toEqual([w.fA1]);
  });
});

describe('bad input and repeated invitations', () => {
  it('unknown or malformed founder ids are 422 and write nothing', async () => {
    const n = (await t.db.select({ n: sql<number>`count(*)::int` }).from(projectInvitationsTable))[0].n;
    const projects = (await t.db.select({ n: sql<number>`count(*)::int` }).from(projectsTable))[0].n;
    const unknown = await as('founderA1').post(
      '/v1/projects',
      projectBody({ title: 'X', centerId: w.cA, founderIds: [w.fA1, '00000000-0000-7000-8000-000000000000'] }),
    );
    expectProblem(unknown, 422);
    expect(unknown.body.errors.map((e: any) => e.path)).toContain('founderIds.1');
    expectProblem(
      await as('founderA1').post(
        '/v1/projects',
        projectBody({ title: 'X', centerId: w.cA, founderIds: [w.fA1, w.fA2, w.fA2] }),
      ),
      422,
    );
    expectProblem(
      await as('founderA1').post(
        '/v1/projects',
        projectBody({ title: 'X', centerId: w.cA, founderIds: [w.fA1, 'nope'] }),
      ),
      422,
    );
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(projectInvitationsTable))[0].n).toBe(n);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(projectsTable))[0].n).toBe(projects);
  });

  it('inviting twice keeps one pending invitation; leaving the invitee out withdraws it', async () => {
    const p = await newProject('founderA1', '重复邀请', [w.fA1, fA3]);
    await ok(as('founderA1').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, fA3] }));
    await ok(as('founderA1').patch(`/v1/projects/${p.id}`, { title: '重复邀请（改名）' }));
    expect((await invitationsOf(p.id)).map((i) => i.status)).toEqual(['pending']);
    const id = await invitationId(p.id, fA3);
    const after = await ok(as('founderA1').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1] }));
    expect(after.pendingFounderIds).toEqual([]);
    expect((await invitationsOf(p.id))[0].status).toBe('withdrawn');
    expect(await auditOf('project_invitation.withdraw', id)).toHaveLength(1);
    expectProblem(await as('founderA3').post(`/v1/project-invitations/${id}/accept`), 409);
    expect(await members(p.id)).toEqual([w.fA1]);
  });

  it("a declined invitation is not repeated (409); the center's staff may still add the founder", async () => {
    const p = await newProject('founderA1', '被拒绝的邀请', [w.fA1, fA3]);
    const id = await invitationId(p.id, fA3);
    expect((await ok(as('founderA3').post(`/v1/project-invitations/${id}/decline`))).status).toBe('declined');
    expect(await auditOf('project_invitation.decline', id)).toHaveLength(1);
    expect(await members(p.id)).toEqual([w.fA1]);
    expectProblem(await as('founderA3').post(`/v1/project-invitations/${id}/accept`), 409);
    expectProblem(await as('founderA1').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, fA3] }), 409);
    expect((await invitationsOf(p.id)).map((i) => i.status)).toEqual(['declined']);
    const added = await ok(as('staffA').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, fA3] }));
    expect(added.founderIds).toEqual([w.fA1, fA3]);
  });

  it('accepting after the project was deleted is 404', async () => {
    const p = await newProject('founderA1', '将被删除的项目', [w.fA1, fA3]);
    const id = await invitationId(p.id, fA3);
    expect((await as('founderA1').del(`/v1/projects/${p.id}`)).status).toBe(204);
    expectProblem(await as('founderA3').post(`/v1/project-invitations/${id}/accept`), 404);
    expect(await members(p.id)).toEqual([]);
  });

  it('two simultaneous accepts: one wins, the other is 409; one membership', async () => {
    const p = await newProject('founderA1', '并发接受', [w.fA1, fA3]);
    const id = await invitationId(p.id, fA3);
    const res = await Promise.all([1, 2].map(() => as('founderA3').post(`/v1/project-invitations/${id}/accept`)));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await members(p.id)).toEqual([w.fA1, fA3].sort());
  });

  it("an erased invitee is nobody's invitee: not pending, not acceptable", async () => {
    const f = (
      await ok(t.request('POST', '/v1/founders', { body: founderBody('FNAME-ERASE 将被删除', 'wx-erase', w.cA) }), 201)
    ).id;
    const p = await newProject('founderA1', '邀请后被删除', [w.fA1, f]);
    const id = await invitationId(p.id, f);
    expect((await t.request('DELETE', `/v1/founders/${f}`)).status).toBe(204);
    expect((await ok(as('founderA1').get(`/v1/projects/${p.id}`))).pendingFounderIds).toEqual([]);
    expectProblem(await as('admin').post(`/v1/project-invitations/${id}/accept`), 404);
    expect(await members(p.id)).toEqual([w.fA1]);
  });

  it('a founder who is invited cannot edit the project before accepting (404)', async () => {
    const p = await newProject('founderA1', '未接受前不可编辑', [w.fA1, fA3]);
    expectProblem(await as('founderA3').patch(`/v1/projects/${p.id}`, { title: 'HIJACK', founderIds: [fA3] }), 404);
    expect((await ok(t.request('GET', `/v1/projects/${p.id}`))).title).toBe('未接受前不可编辑');
  });
});

describe("staff of the project's center and admins add founders directly", () => {
  it("staff add founders they may see; not another center's (422); no invitation is made", async () => {
    const p = await ok(
      as('staffA').post('/v1/projects', projectBody({ title: '中心直接添加', founderIds: [w.fA1, w.fA2] })),
      201,
    );
    expect(p.founderIds).toEqual([w.fA1, w.fA2]);
    expect(await invitationsOf(p.id)).toEqual([]);
    expectProblem(await as('staffA').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, w.fB1] }), 422, M.fB1Name);
    expectProblem(await as('staffB').patch(`/v1/projects/${p.id}`, { founderIds: [w.fB1] }), 404);
    expect(await members(p.id)).toEqual([w.fA1, w.fA2].sort());
  });

  it('an admin adds any founder; a pending invitation of that founder is then closed', async () => {
    const p = await newProject('founderA1', '管理员直接添加', [w.fA1, w.fB1]);
    const id = await invitationId(p.id, w.fB1);
    expect((await ok(as('admin').patch(`/v1/projects/${p.id}`, { founderIds: [w.fA1, w.fB1] }))).founderIds).toEqual([
      w.fA1,
      w.fB1,
    ]);
    expect((await invitationsOf(p.id)).find((i) => i.id === id)!.status).toBe('withdrawn');
  });
});

describe('until accepted, the invitee is no member anywhere', () => {
  it('its consented contact does not reach the mentor of an accepted introduction, nor its groups the project', async () => {
    const p = await newProject('founderA1', 'PTITLE-CONTACT 联系方式项目', [w.fA1, fB2]);
    const intro = await ok(
      as('founderA1').post('/v1/introductions', { projectId: p.id, targetKind: 'mentor', targetId: w.m1 }),
      201,
    );
    await ok(as('mentor1').post(`/v1/introductions/${intro.id}/accept`));
    const groups = async () =>
      (await t.db.select({ g: projectsTable.founderGroups }).from(projectsTable).where(eq(projectsTable.id, p.id)))[0]
        .g;
    expect(await groups()).toEqual(['graduate']);

    for (const who of ['mentor1', 'staffA', 'founderA1'] as const) {
      const res = await as(who).get(`/v1/introductions/${intro.id}/contacts`);
      expect(res.status, res.text).toBe(200);
      expect(
        res.body.founders.map((f: any) => f.id),
        who,
      ).toEqual([w.fA1]);
      expect(res.text, who).not.toContain(FB2_CONTACT);
      expect(res.text, who).not.toContain(FB2_NAME);
    }
    // the invitee sees neither the introduction nor the mentor's contact
    expectProblem(await as('founderB2').get(`/v1/introductions/${intro.id}`), 404);
    expect(await ok(as('founderB2').get(`/v1/mentors/${w.m1}`))).not.toHaveProperty('contact');

    await ok(as('founderB2').post(`/v1/project-invitations/${await invitationId(p.id, fB2)}/accept`));
    // a member now: its consent applies to this project
    const res = await ok(as('mentor1').get(`/v1/introductions/${intro.id}/contacts`));
    expect(res.founders.find((f: any) => f.id === fB2)).toMatchObject({
      contact: { wechat: FB2_CONTACT },
      shareContact: true,
    });
    expect(await groups()).toEqual(['farmer_herder', 'graduate']);
    expect((await ok(as('founderB2').get(`/v1/mentors/${w.m1}`))).contact.wechat).toBe(M.m1Contact);
  });
});

describe('documented and exported', () => {
  it("the OpenAPI document has the invitation endpoints and the projects' pendingFounderIds", async () => {
    const doc = await ok(t.request('GET', '/v1/openapi.json'));
    for (const path of [
      '/v1/project-invitations',
      '/v1/project-invitations/{id}',
      '/v1/project-invitations/{id}/accept',
      '/v1/project-invitations/{id}/decline',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
    expect(doc.components.schemas.Project.properties).toHaveProperty('pendingFounderIds');
    expect(doc.components.schemas.ProjectInvitation.properties).toHaveProperty('projectTitle');
  });

  it("a founder's export holds the invitations it received and sent", async () => {
    const p = await newProject('founderA1', '导出中的邀请', [w.fA1, fA3]);
    const id = await invitationId(p.id, fA3);
    const received = await ok(as('founderA3').get(`/v1/founders/${fA3}/export`));
    expect(received.projectInvitations.map((i: any) => i.id)).toContain(id);
    expect(received.projects.map((x: any) => x.id)).not.toContain(p.id);
    const sent = await ok(as('founderA1').get(`/v1/founders/${w.fA1}/export`));
    expect(sent.projectInvitations.find((i: any) => i.id === id)).toMatchObject({
      founderId: fA3,
      invitedBy: w.fA1,
      status: 'pending',
    });
  });
});
